import Foundation

/// A day of the proleptic Gregorian calendar, such as 2025-02-26, with no time zone.
///
/// Day arithmetic is pure integer math on days since 1970-01-01, so the pricing hot path
/// never calls Foundation's `Calendar` (about 300 ns a call).
///
/// A day encodes in JSON as `"2025-02-26"`.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The year, such as 2025.
  public let year: Int
  /// The month, 1 to 12.
  public let month: Int
  /// The day of the month, 1 to 31.
  public let day: Int

  /// Creates a validated day.
  ///
  /// - Parameters:
  ///   - year: The year, 1 to 9999.
  ///   - month: The month, 1 to 12.
  ///   - day: The day of the month.
  /// - Throws: ``PricingError/Code/invalidData`` naming the date when it does not exist.
  public init(year: Int, month: Int, day: Int) throws {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Self.daysIn(month: month, year: year)).contains(day)
    else {
      throw PricingError(.invalidData, "\(year)-\(month)-\(day) is not a calendar date")
    }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Creates the day that is a number of days after 1970-01-01.
  ///
  /// - Parameter daysSinceEpoch: Days after 1970-01-01; negative for earlier days.
  public init(daysSinceEpoch: Int) {
    // Howard Hinnant's civil_from_days.
    let z = daysSinceEpoch + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    self.month = month
    self.day = day
  }

  /// Creates the day on which an instant falls in UTC.
  ///
  /// - Parameter instant: The instant.
  public init(utcDateOf instant: Date) {
    let seconds = Int(EpochSeconds.floor(instant))
    self.init(daysSinceEpoch: seconds.floorDivided(by: 86_400))
  }

  /// Parses `"YYYY-MM-DD"`.
  ///
  /// - Parameter text: The ISO 8601 calendar date.
  /// - Throws: ``PricingError/Code/invalidData`` naming the text when it is malformed or
  ///   not a real date.
  public init(_ text: String) throws {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else {
      throw PricingError(.invalidData, "'\(text)' is not a date; write it as YYYY-MM-DD")
    }
    try self.init(year: year, month: month, day: day)
  }

  /// Days after 1970-01-01; negative for earlier days.
  public var daysSinceEpoch: Int {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The day of the week.
  public var weekday: Weekday { Weekday(daysSinceEpoch: daysSinceEpoch) }

  /// The day a number of days later (or earlier, when negative).
  ///
  /// - Parameter days: The number of days to move.
  /// - Returns: The resulting day.
  public func adding(days: Int) -> CalendarDay {
    CalendarDay(daysSinceEpoch: daysSinceEpoch + days)
  }

  /// Midnight at the start of this day in UTC.
  public var startInUTC: Date { Date(timeIntervalSince1970: TimeInterval(daysSinceEpoch * 86_400)) }

  /// `"YYYY-MM-DD"`.
  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// Orders days chronologically.
  ///
  /// - Parameters:
  ///   - lhs: A day.
  ///   - rhs: Another day.
  /// - Returns: Whether `lhs` comes before `rhs`.
  public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// The number of days in a month of a year.
  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}

extension CalendarDay: Codable {
  /// Decodes a day from `"YYYY-MM-DD"`.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError.dataCorrupted` naming the key path and the bad text.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    self = try decoder.validated {
      try Self(text)
    }
  }

  /// Encodes the day as `"YYYY-MM-DD"`.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension Int {
  /// Division rounding toward negative infinity, for days before 1970.
  func floorDivided(by divisor: Int) -> Int {
    let quotient = self / divisor
    return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }
}

extension CalendarDay: ExpressibleByStringLiteral {
  /// Creates a day from a `"YYYY-MM-DD"` literal, so `let day: CalendarDay = "2027-02-17"`
  /// needs no `try`.
  ///
  /// A malformed literal is a programmer error and stops the program; text from files or
  /// users goes through ``init(_:)`` with a `String` value, which throws.
  ///
  /// - Parameter value: The day, such as `"2027-02-17"`.
  /// - Precondition: `value` is a real `YYYY-MM-DD` date.
  public init(stringLiteral value: String) {
    do {
      try self.init(value as String)
    } catch {
      preconditionFailure("CalendarDay literal: \(PricingError.message(of: error))")
    }
  }
}
