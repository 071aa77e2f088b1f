/// Public holidays and make-up working days for a span of years.
///
/// In mainland China, statutory holidays are stretched over weekends, and some
/// Saturdays and Sundays become working days in return (调休). Providers that price by
/// working hours follow that calendar, so pricing needs it.
///
/// A calendar covers a fixed span of years and answers only inside it: asking about a
/// day outside ``years`` throws ``PricingError/Code/calendarOutOfRange`` rather than
/// guessing.
///
/// ```swift
/// let calendar = HolidayCalendar.chinaMainland
/// try calendar.kind(of: CalendarDay("2025-02-08"))  // .workingDay (a make-up Saturday)
/// ```
public struct HolidayCalendar: Hashable, Sendable, Codable {
  /// A short identifier, such as `"CN"`.
  public let id: String
  /// The first and last years covered.
  public let years: ClosedRange<Int>
  /// The public holidays, with their names.
  public let holidays: [CalendarDay: String]
  /// Weekend days that are working days.
  public let makeUpWorkingDays: Set<CalendarDay>
  /// Where the dates come from, one entry per year.
  public let sources: [String]

  /// The first covered day (days since 1970) and, for every covered day, bit 0 "working
  /// day" and bit 1 "public holiday": computed once, so every sheet that uses the calendar
  /// shares it (building it per sheet was a tenth of a cold start).
  let firstDay: Int
  let dayFlags: [UInt8]

  /// Creates a validated calendar.
  ///
  /// - Parameters:
  ///   - id: A short identifier.
  ///   - years: The years covered.
  ///   - holidays: The public holidays with their names.
  ///   - makeUpWorkingDays: Weekend days that are working days.
  ///   - sources: Where the dates come from.
  /// - Throws: ``PricingError/Code/invalidData`` when a date lies outside `years`, a
  ///   make-up day is not a Saturday or Sunday, or a day is both a holiday and a make-up day.
  public init(
    id: String,
    years: ClosedRange<Int>,
    holidays: [CalendarDay: String],
    makeUpWorkingDays: Set<CalendarDay>,
    sources: [String]
  ) throws {
    for day in holidays.keys where !years.contains(day.year) {
      throw PricingError(.invalidData, "holiday \(day) lies outside the calendar's years \(years)")
    }
    for day in makeUpWorkingDays {
      guard years.contains(day.year), Weekday.weekend.contains(day.weekday) else {
        throw PricingError(
          .invalidData,
          "make-up working day \(day) must be a Saturday or Sunday within \(years)"
        )
      }
      guard holidays[day] == nil else {
        throw PricingError(
          .invalidData,
          "\(day) cannot be both a holiday and a make-up working day"
        )
      }
    }
    self.init(
      uncheckedID: id,
      years: years,
      holidays: holidays,
      makeUpWorkingDays: makeUpWorkingDays,
      sources: sources
    )
  }

  init(
    uncheckedID id: String,
    years: ClosedRange<Int>,
    holidays: [CalendarDay: String],
    makeUpWorkingDays: Set<CalendarDay>,
    sources: [String]
  ) {
    self.id = id
    self.years = years
    self.holidays = holidays
    self.makeUpWorkingDays = makeUpWorkingDays
    self.sources = sources
    let first = (try? CalendarDay(year: years.lowerBound, month: 1, day: 1))?.daysSinceEpoch ?? 0
    let last = (try? CalendarDay(year: years.upperBound, month: 12, day: 31))?.daysSinceEpoch ?? 0
    self.firstDay = first
    self.dayFlags = (first...max(first, last)).map { index in
      let day = CalendarDay(daysSinceEpoch: index)
      if holidays[day] != nil { return 2 }
      if makeUpWorkingDays.contains(day) { return 1 }
      return Weekday.weekend.contains(day.weekday) ? 0 : 1
    }
  }

  /// The calendars built into the library, by id: `"CN"` is ``chinaMainland``.
  public static var builtIn: [String: HolidayCalendar] { ["CN": .chinaMainland] }

  /// Whether a day is a working day or a rest day.
  ///
  /// - Parameter day: The day.
  /// - Returns: The day's kind.
  /// - Throws: ``PricingError/Code/calendarOutOfRange`` naming the day when its year is
  ///   outside ``years``.
  public func kind(of day: CalendarDay) throws -> DayKind {
    guard years.contains(day.year) else { throw outOfRange(day) }
    if holidays[day] != nil { return .restDay }
    if makeUpWorkingDays.contains(day) { return .workingDay }
    return Weekday.weekend.contains(day.weekday) ? .restDay : .workingDay
  }

  func outOfRange(_ day: CalendarDay) -> PricingError {
    PricingError(
      .calendarOutOfRange,
      "the \(id) holiday calendar covers \(years.lowerBound)–\(years.upperBound), not \(day); "
        + "pricing that depends on working days cannot be computed until the holiday "
        + "arrangement for \(day.year) is added"
    )
  }

}

extension HolidayCalendar {
  private enum CodingKeys: String, CodingKey {
    case id, years, holidays, makeUpWorkingDays, sources
  }

  private struct YearSpan: Codable {
    var first: Int
    var last: Int
  }

  /// Decodes a calendar through the validating initializer.
  ///
  /// The JSON form is `{"id", "years": {"first", "last"}, "holidays": {"YYYY-MM-DD":
  /// name}, "makeUpWorkingDays": ["YYYY-MM-DD"], "sources": [String]}`.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path of a bad value.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let span = try container.decode(YearSpan.self, forKey: .years)
    guard span.first <= span.last else {
      throw DecodingError.dataCorruptedError(
        forKey: .years,
        in: container,
        debugDescription: "first year \(span.first) is after last year \(span.last)"
      )
    }
    let named = try container.decode([String: String].self, forKey: .holidays)
    var holidays: [CalendarDay: String] = [:]
    for (text, name) in named {
      do {
        holidays[try CalendarDay(text)] = name
      } catch {
        throw DecodingError.dataCorruptedError(
          forKey: .holidays,
          in: container,
          debugDescription: PricingError.message(of: error)
        )
      }
    }
    // The rule broken may involve holidays, make-up days or years: name the calendar.
    self = try decoder.validated {
      try Self(
        id: container.decode(String.self, forKey: .id),
        years: span.first...span.last,
        holidays: holidays,
        makeUpWorkingDays: Set(container.decode([CalendarDay].self, forKey: .makeUpWorkingDays)),
        sources: container.decode([String].self, forKey: .sources)
      )
    }
  }

  /// Encodes the calendar in the form ``init(from:)`` reads.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(YearSpan(first: years.lowerBound, last: years.upperBound), forKey: .years)
    let named = Dictionary(uniqueKeysWithValues: holidays.map { ($0.key.description, $0.value) })
    try container.encode(named, forKey: .holidays)
    try container.encode(makeUpWorkingDays.sorted(), forKey: .makeUpWorkingDays)
    try container.encode(sources, forKey: .sources)
  }
}
