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
}
