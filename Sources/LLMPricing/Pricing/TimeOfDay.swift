/// A wall-clock time within a day, from 00:00:00 to 24:00:00, in some time zone.
///
/// 24:00 exists so that a window can end at midnight. Encodes in JSON as `"16:30"` or
/// `"16:30:15"`.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Seconds after midnight, 0 to 86,400.
  public let secondsSinceMidnight: Int

  /// Creates a validated time.
  ///
  /// - Parameters:
  ///   - hour: 0 to 24.
  ///   - minute: 0 to 59.
  ///   - second: 0 to 59.
  /// - Throws: ``PricingError/Code/invalidData`` naming the time when a part is out of
  ///   range or it is past 24:00.
  public init(hour: Int, minute: Int = 0, second: Int = 0) throws {
    guard (0...24).contains(hour), (0...59).contains(minute), (0...59).contains(second),
      hour < 24 || (minute == 0 && second == 0)
    else {
      throw PricingError(
        .invalidData,
        "\(hour):\(minute):\(second) is not a time of day; use 00:00 to 24:00"
      )
    }
    self.secondsSinceMidnight = hour * 3_600 + minute * 60 + second
  }

  /// Parses `"HH:MM"` or `"HH:MM:SS"`.
  ///
  /// - Parameter text: The time.
  /// - Throws: ``PricingError/Code/invalidData`` naming the text when it is malformed.
  public init(_ text: String) throws {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    let numbers = parts.compactMap { $0.count == 2 ? Int($0) : nil }
    guard (2...3).contains(parts.count), numbers.count == parts.count else {
      throw PricingError(
        .invalidData,
        "'\(text)' is not a time of day; write it as HH:MM or HH:MM:SS"
      )
    }
    try self.init(hour: numbers[0], minute: numbers[1], second: numbers.count > 2 ? numbers[2] : 0)
  }

  /// Midnight at the start of the day.
  public static let startOfDay = TimeOfDay(verified: 0)
  /// Midnight at the end of the day, 24:00.
  public static let endOfDay = TimeOfDay(verified: 86_400)

  private init(verified seconds: Int) { self.secondsSinceMidnight = seconds }

  /// `"HH:MM"`, or `"HH:MM:SS"` when the seconds are not zero.
  public var description: String {
    func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let hours = secondsSinceMidnight / 3_600
    let minutes = secondsSinceMidnight / 60 % 60
    let seconds = secondsSinceMidnight % 60
    return "\(pad(hours)):\(pad(minutes))" + (seconds == 0 ? "" : ":\(pad(seconds))")
  }

  /// Orders times within a day.
  ///
  /// - Parameters:
  ///   - lhs: A time.
  ///   - rhs: Another time.
  /// - Returns: Whether `lhs` is earlier.
  public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
    lhs.secondsSinceMidnight < rhs.secondsSinceMidnight
  }
}

extension TimeOfDay: Codable {
  /// Decodes `"HH:MM"` or `"HH:MM:SS"`.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError.dataCorrupted` naming the key path and the bad text.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    self = try decoder.validated {
      try Self(text)
    }
  }

  /// Encodes the time as text.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
