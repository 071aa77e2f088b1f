import Foundation

/// Whole seconds since 1970 for any `Date`, without trapping.
enum EpochSeconds {
  /// The whole second at or before an instant, clamped to ±9 × 10¹⁵ seconds (about
  /// ±285 million years); NaN maps to the lower bound.
  ///
  /// `Int64(date.timeIntervalSince1970)` traps on NaN and on values beyond `Int64`, and a
  /// `Date` can come from a file or a user, so every conversion goes through here.
  static func floor(_ instant: Date) -> Int64 {
    let seconds = instant.timeIntervalSince1970
    guard !seconds.isNaN else { return -9_000_000_000_000_000 }
    return Int64(Swift.max(Swift.min(seconds.rounded(.down), 9.0e15), -9.0e15))
  }

  /// Clamps a second count from a caller to the same ±9 × 10¹⁵ range, so adding a zone
  /// offset or a day's seconds to it cannot overflow.
  static func clamped(_ second: Int64) -> Int64 {
    Swift.max(Swift.min(second, 9_000_000_000_000_000), -9_000_000_000_000_000)
  }

  /// Whether an instant is a finite date within the range the clamps keep exactly.
  static func isInRange(_ instant: Date) -> Bool {
    let seconds = instant.timeIntervalSince1970
    return seconds.isFinite && abs(seconds) <= 9.0e15
  }

  /// Parses an instant of the exact form `YYYY-MM-DDTHH:MM:SSZ`, or `nil`.
  ///
  /// Log lines almost always carry this form; parsing it directly keeps Foundation's date
  /// parser (and its calendar set-up) off the hot path.
  static func utcInstant(_ text: String) -> Date? {
    let parts = text.split(whereSeparator: { $0 == "T" || $0 == "Z" })
    let clock = parts.count == 2 ? parts[1].split(separator: ":") : []
    guard text.hasSuffix("Z"), parts.count == 2, clock.count == 3,
      let hours = Int(clock[0]), let minutes = Int(clock[1]), let seconds = Int(clock[2]),
      (0..<24).contains(hours), (0..<60).contains(minutes), (0..<60).contains(seconds),
      let day = try? CalendarDay(String(parts[0]))
    else { return nil }
    let total = day.daysSinceEpoch * 86_400 + hours * 3_600 + minutes * 60 + seconds
    return Date(timeIntervalSince1970: TimeInterval(total))
  }

  /// Parses an ISO 8601 instant strictly, or `nil`: `YYYY-MM-DDTHH:MM:SS`, optional
  /// fractional seconds, and `Z` or a `±HH:MM` offset.
  ///
  /// Foundation's parser moves a day or time that does not exist (`2025-02-29` becomes
  /// March 1, `T25:00` the next day's 01:00); a billing tool must refuse them instead, so
  /// every instant read from a file, a log or an option goes through here.
  static func strictInstant(_ text: String) -> Date? {
    if let fast = utcInstant(text) { return fast }
    let bytes = Array(text.utf8)
    func number(_ start: Int, _ count: Int) -> Int? {
      guard start + count <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[start..<start + count] {
        guard byte >= 48, byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      return value
    }
    guard bytes.count >= 20, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84 || bytes[10] == 116,
      bytes[13] == 58, bytes[16] == 58,
      let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
      let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
      hour < 24, minute < 60, second < 60,
      let date = try? CalendarDay(year: year, month: month, day: day)
    else { return nil }
    var index = 19
    var fraction = 0.0
    if index < bytes.count, bytes[index] == 46 {
      index += 1
      var scale = 0.1
      let start = index
      while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
        fraction += Double(bytes[index] - 48) * scale
        scale /= 10
        index += 1
      }
      guard index > start else { return nil }
    }
    var offset = 0
    guard index < bytes.count else { return nil }
    switch bytes[index] {
    case 90, 122:  // Z, z
      index += 1
    case 43, 45:  // +, -
      guard let hours = number(index + 1, 2), bytes.count > index + 3, bytes[index + 3] == 58,
        let minutes = number(index + 4, 2), hours < 24, minutes < 60
      else { return nil }
      offset = (hours * 3_600 + minutes * 60) * (bytes[index] == 45 ? -1 : 1)
      index += 6
    default:
      return nil
    }
    guard index == bytes.count else { return nil }
    let seconds = date.daysSinceEpoch * 86_400 + hour * 3_600 + minute * 60 + second - offset
    return Date(timeIntervalSince1970: TimeInterval(seconds) + fraction)
  }

  /// A `JSONDecoder` date strategy through ``strictInstant(_:)``: an impossible or
  /// malformed instant is a `DecodingError` at its key path, naming the value.
  @Sendable static func strictDecoding(_ decoder: any Decoder) throws -> Date {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let instant = strictInstant(text) else {
      throw DecodingError.dataCorruptedError(
        in: container,
        debugDescription: "'\(text)' is not an ISO 8601 instant that exists, such as "
          + "2026-12-01T00:00:00Z"
      )
    }
    return instant
  }
}
