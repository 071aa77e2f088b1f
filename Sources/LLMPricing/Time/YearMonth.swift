/// A calendar month, such as 2026-11.
///
/// Encodes in JSON as `"2026-11"`.
public struct YearMonth: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// The year.
  public let year: Int
  /// The month, 1 to 12.
  public let month: Int

  /// Creates a validated month.
  ///
  /// - Parameters:
  ///   - year: The year, 1 to 9999.
  ///   - month: The month, 1 to 12.
  /// - Throws: ``PricingError/Code/invalidData`` when out of range.
  public init(year: Int, month: Int) throws {
    guard (1...9999).contains(year), (1...12).contains(month) else {
      throw PricingError(.invalidData, "\(year)-\(month) is not a month")
    }
    self.year = year
    self.month = month
  }

  /// Parses `"YYYY-MM"`.
  ///
  /// - Parameter text: The month.
  /// - Throws: ``PricingError/Code/invalidData`` naming the text when malformed.
  public init(_ text: String) throws {
    let parts = text.split(separator: "-")
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
      let month = Int(parts[1])
    else { throw PricingError(.invalidData, "'\(text)' is not a month; write it as YYYY-MM") }
    try self.init(year: year, month: month)
  }

  /// The month containing a day.
  ///
  /// - Parameter day: The day.
  /// - Throws: ``PricingError/Code/invalidData`` when the day is outside the years 1 to
  ///   9999 (a day built from an extreme instant), so every month has its days.
  public init(containing day: CalendarDay) throws {
    try self.init(year: day.year, month: day.month)
  }

  /// The days of the month, in order.
  public var days: [CalendarDay] {
    (1...CalendarDay.daysIn(month: month, year: year)).compactMap {
      try? CalendarDay(year: year, month: month, day: $0)
    }
  }

  /// The 15th, the day a month's figures are converted at.
  public var middle: CalendarDay {
    // Every initializer keeps `year` in 1...9999, so the month has all its days.
    days[14]
  }

  /// The month a number of months later (or earlier, when negative).
  ///
  /// - Parameter months: The months to move.
  /// - Returns: The resulting month.
  /// - Throws: ``PricingError/Code/invalidData`` when the result is outside the years
  ///   1 to 9999.
  public func adding(months: Int) throws -> YearMonth {
    let (moved, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
    guard !overflow, (12...(9999 * 12 + 11)).contains(moved) else {
      throw PricingError(
        .invalidData,
        "\(self) + \(months) months is outside the years 1 to 9999; use a shorter horizon"
      )
    }
    return YearMonth(checkedYear: moved / 12, month: moved % 12 + 1)
  }

  private init(checkedYear year: Int, month: Int) {
    self.year = year
    self.month = month
  }

  /// `"YYYY-MM"`.
  public var description: String {
    // Four year digits, as ``init(_:)`` requires: "232-05" would not read back.
    let year = String(self.year)
    return String(repeating: "0", count: max(0, 4 - year.count)) + year
      + "-\(month < 10 ? "0" : "")\(month)"
  }

  /// Orders months chronologically.
  ///
  /// - Parameters:
  ///   - lhs: A month.
  ///   - rhs: Another month.
  /// - Returns: Whether `lhs` is earlier.
  public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
    (lhs.year, lhs.month) < (rhs.year, rhs.month)
  }

  /// Decodes `"YYYY-MM"`.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path of a bad month.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    self = try decoder.validated { try YearMonth(text) }
  }

  /// Encodes `"YYYY-MM"`.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension YearMonth: ExpressibleByStringLiteral {
  /// Creates a month from a `"YYYY-MM"` literal, so `let month: YearMonth = "2027-01"`
  /// needs no `try`.
  ///
  /// A malformed literal is a programmer error and stops the program; text from files or
  /// users goes through ``init(_:)`` with a `String` value, which throws.
  ///
  /// - Parameter value: The month, such as `"2027-01"`.
  /// - Precondition: `value` is a valid `YYYY-MM` month.
  public init(stringLiteral value: String) {
    do {
      try self.init(value as String)
    } catch {
      preconditionFailure("YearMonth literal: \(PricingError.message(of: error))")
    }
  }
}
