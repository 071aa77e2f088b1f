import Foundation

/// Public holidays and make-up working days: official for the years whose arrangement is
/// published, provisional (computed from rules) for the others.
///
/// In mainland China, statutory holidays are stretched over weekends, and some
/// Saturdays and Sundays become working days in return (调休). Providers that price by
/// working hours follow that calendar, so pricing needs it — in every year, including
/// next year before its arrangement is published.
///
/// A calendar answers for its ``officialYears`` from the published data. For any other
/// year it uses its ``provisionalRules`` (``HolidayRules/chinaStatutory`` for
/// ``chinaMainland``): the statutory holidays, computed, without the bridge days and
/// make-up working days a notice would add. Every price that rests on such a year carries a
/// ``ProvisionalYear`` saying so. A calendar without rules (see
/// ``requiringOfficialYears()``) refuses those years instead, with
/// ``PricingError/Code/calendarOutOfRange``.
///
/// ```swift
/// let calendar = HolidayCalendar.chinaMainland
/// try calendar.kind(of: CalendarDay("2025-02-08"))  // .workingDay (a make-up Saturday)
/// try calendar.kind(of: CalendarDay("2027-02-08"))  // .restDay (Spring Festival, provisional)
/// calendar.isOfficial(year: 2027)                     // false until the notice is added
/// ```
///
/// To add a year when the State Council publishes it, without waiting for a release, see
/// ``adding(year:holidays:makeUpWorkingDays:source:)`` and
/// ``Catalog/replacingHolidayCalendar(_:)``, or a catalog file's `holidayCalendars`.
public struct HolidayCalendar: Hashable, Sendable {
  /// A short identifier, such as `"CN"`.
  public var id: String { storage.id }
  /// The years whose official arrangement the calendar holds, ascending.
  public var officialYears: [Int] { storage.officialYears }
  /// The official public holidays, with their names.
  public var holidays: [CalendarDay: String] { storage.holidays }
  /// The official weekend days that are working days.
  public var makeUpWorkingDays: Set<CalendarDay> { storage.makeUpWorkingDays }
  /// Where the official dates come from; by convention each entry starts with its year
  /// (`"2026: State Council notice …"`).
  public var sources: [String] { storage.sources }
  /// The rules for years without an official arrangement; `nil` refuses those years.
  public var provisionalRules: HolidayRules? { storage.provisionalRules }

  /// Everything, shared by copies: every price sheet carries its calendar, and a sheet is
  /// copied whenever a price is looked up, so a copy is one reference.
  private let storage: Storage

  private final class Storage: Sendable {
    let id: String
    let officialYears: [Int]
    let holidays: [CalendarDay: String]
    let makeUpWorkingDays: Set<CalendarDay>
    let sources: [String]
    let provisionalRules: HolidayRules?
    let firstDay: Int
    let dayFlags: [UInt8]

    init(
      id: String,
      officialYears: [Int],
      holidays: [CalendarDay: String],
      makeUpWorkingDays: Set<CalendarDay>,
      sources: [String],
      provisionalRules: HolidayRules?,
      firstDay: Int,
      dayFlags: [UInt8]
    ) {
      self.id = id
      self.officialYears = officialYears
      self.holidays = holidays
      self.makeUpWorkingDays = makeUpWorkingDays
      self.sources = sources
      self.provisionalRules = provisionalRules
      self.firstDay = firstDay
      self.dayFlags = dayFlags
    }
  }

  /// The official years' days, computed once so that every sheet sharing the calendar
  /// shares them: the first day (days since 1970) and one byte of flags per day from there
  /// to the end of the last official year (``workingDayFlag``, ``holidayFlag``, or
  /// ``notOfficialFlag`` for a day of a year in between that has no official data).
  var firstDay: Int { storage.firstDay }
  var dayFlags: [UInt8] { storage.dayFlags }

  /// A working day.
  static let workingDayFlag: UInt8 = 1
  /// A public holiday.
  static let holidayFlag: UInt8 = 2
  /// A day from provisional rules.
  static let provisionalFlag: UInt8 = 4
  /// A day of no official year.
  static let notOfficialFlag: UInt8 = 0x80

  /// Creates a validated calendar.
  ///
  /// - Parameters:
  ///   - id: A short identifier.
  ///   - years: The years whose official arrangement `holidays` and `makeUpWorkingDays`
  ///     give, such as `2024...2026`.
  ///   - holidays: The official public holidays with their names.
  ///   - makeUpWorkingDays: The official weekend days that are working days.
  ///   - sources: Where the dates come from.
  ///   - provisionalRules: The rules for other years, or `nil` to refuse them.
  /// - Throws: ``PricingError/Code/invalidData`` when a date lies outside `years`, a
  ///   make-up day is not a Saturday or Sunday, or a day is both a holiday and a make-up day.
  public init(
    id: String,
    years: some Sequence<Int>,
    holidays: [CalendarDay: String],
    makeUpWorkingDays: Set<CalendarDay>,
    sources: [String],
    provisionalRules: HolidayRules? = nil
  ) throws {
    let official = Set(years)
    for day in holidays.keys where !official.contains(day.year) {
      throw PricingError(
        .invalidData,
        "holiday \(day) lies outside the calendar's official years \(Self.describe(official))"
      )
    }
    for day in makeUpWorkingDays {
      guard official.contains(day.year), Weekday.weekend.contains(day.weekday) else {
        throw PricingError(
          .invalidData,
          "make-up working day \(day) must be a Saturday or Sunday within the official years "
            + Self.describe(official)
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
      years: official,
      holidays: holidays,
      makeUpWorkingDays: makeUpWorkingDays,
      sources: sources,
      provisionalRules: provisionalRules
    )
  }

  init(
    uncheckedID id: String,
    years: Set<Int>,
    holidays: [CalendarDay: String],
    makeUpWorkingDays: Set<CalendarDay>,
    sources: [String],
    provisionalRules: HolidayRules?
  ) {
    var firstDay = 0
    var dayFlags: [UInt8] = []
    let officialYears = years.sorted()
    if let firstYear = officialYears.first, let lastYear = officialYears.last,
      let first = try? CalendarDay(year: firstYear, month: 1, day: 1),
      let last = try? CalendarDay(year: lastYear, month: 12, day: 31)
    {
      firstDay = first.daysSinceEpoch
      dayFlags = (first.daysSinceEpoch...last.daysSinceEpoch).map { index in
        let day = CalendarDay(daysSinceEpoch: index)
        if !years.contains(day.year) { return Self.notOfficialFlag }
        if holidays[day] != nil { return Self.holidayFlag }
        if makeUpWorkingDays.contains(day) { return Self.workingDayFlag }
        return Weekday.weekend.contains(day.weekday) ? 0 : Self.workingDayFlag
      }
    }
    self.storage = Storage(
      id: id,
      officialYears: officialYears,
      holidays: holidays,
      makeUpWorkingDays: makeUpWorkingDays,
      sources: sources,
      provisionalRules: provisionalRules,
      firstDay: firstDay,
      dayFlags: dayFlags
    )
  }

  private static func describe(_ years: Set<Int>) -> String {
    let sorted = years.sorted()
    guard let first = sorted.first, let last = sorted.last else { return "(none)" }
    if sorted.count == last - first + 1 { return first == last ? "\(first)" : "\(first)–\(last)" }
    return sorted.map(String.init).joined(separator: ", ")
  }

  /// Where a decoder keeps the calendars a price sheet may name by id (a catalog file's own
  /// `holidayCalendars`, read before its sheets).
  // swift-format-ignore: NeverForceUnwrap
  static let registryKey = CodingUserInfoKey(rawValue: "LLMPricing.holidayCalendars")!

  /// The calendars built into the library, by id: `"CN"` is ``chinaMainland``.
  public static var builtIn: [String: HolidayCalendar] { ["CN": .chinaMainland] }

  /// The calendar with an id among some, or the error that names the id and the known ones.
  static func named(
    _ id: String,
    in calendars: [String: HolidayCalendar]
  ) throws
    -> HolidayCalendar
  {
    guard let calendar = calendars[id] else {
      throw PricingError(
        .invalidData,
        "unknown holiday calendar '\(id)'; the known ones are "
          + calendars.keys.sorted().joined(separator: ", ")
          + ". Name one of them, add yours to the catalog's holidayCalendars, or set a "
          + "workload's holidayCalendar to null for weekends only"
      )
    }
    return calendar
  }

  /// Whether a year's official arrangement is in the calendar.
  ///
  /// - Parameter year: The year.
  /// - Returns: `true` when the year is one of ``officialYears``.
  public func isOfficial(year: Int) -> Bool { officialYears.contains(year) }

  /// The flags of a day (days since 1970): official, else provisional, else `nil`.
  @inline(__always)
  func flags(daysSinceEpoch day: Int) -> UInt8? {
    let index = day - firstDay
    if index >= 0, index < dayFlags.count, dayFlags[index] != Self.notOfficialFlag {
      return dayFlags[index]
    }
    return provisionalRules?.flags(daysSinceEpoch: day)
  }

  /// The flags of a day, or the error that says why the calendar cannot answer.
  func checkedFlags(daysSinceEpoch day: Int) throws -> UInt8 {
    guard let flags = flags(daysSinceEpoch: day) else {
      throw outOfRange(CalendarDay(daysSinceEpoch: day))
    }
    return flags
  }

  /// Whether a day is a working day or a rest day.
  ///
  /// - Parameter day: The day.
  /// - Returns: The day's kind, official or provisional (see ``provisionalYear(of:)``).
  /// - Throws: ``PricingError/Code/calendarOutOfRange`` naming the day, and saying how to
  ///   add its year, when the year is not official and the calendar has no rules for it.
  public func kind(of day: CalendarDay) throws -> DayKind {
    let flags = try checkedFlags(daysSinceEpoch: day.daysSinceEpoch)
    return flags & Self.workingDayFlag != 0 ? .workingDay : .restDay
  }

  /// The name of the public holiday on a day, or `nil` when it is none.
  ///
  /// - Parameter day: The day.
  /// - Returns: The holiday's name, from the official data or the provisional rules.
  /// - Throws: The errors of ``kind(of:)``.
  public func holidayName(of day: CalendarDay) throws -> String? {
    let flags = try checkedFlags(daysSinceEpoch: day.daysSinceEpoch)
    guard flags & Self.holidayFlag != 0 else { return nil }
    if flags & Self.provisionalFlag == 0 { return holidays[day] }
    return provisionalRules?.name(daysSinceEpoch: day.daysSinceEpoch)
  }

  /// What a result that depends on a day's kind must say about its year, or `nil` when the
  /// year is official.
  ///
  /// - Parameter day: The day.
  /// - Returns: The provisional year, when the day's kind comes from the rules.
  public func provisionalYear(of day: CalendarDay) -> ProvisionalYear? {
    guard let flags = flags(daysSinceEpoch: day.daysSinceEpoch),
      flags & Self.provisionalFlag != 0, let rules = provisionalRules
    else { return nil }
    return ProvisionalYear(calendar: id, year: day.year, rules: rules.id)
  }

  func outOfRange(_ day: CalendarDay) -> PricingError {
    let official = Self.describe(Set(officialYears))
    let why: String
    if let rules = provisionalRules {
      why = "its \(rules.id) rules compute \(rules.years.lowerBound)–\(rules.years.upperBound) only"
    } else {
      why = "it refuses provisional years (strict calendar)"
    }
    return PricingError(
      .calendarOutOfRange,
      "the \(id) holiday calendar has no official arrangement for \(day.year) (official: "
        + "\(official)) and \(why), so \(day) cannot be priced. Add the year's arrangement "
        + "with HolidayCalendar.adding(year:holidays:makeUpWorkingDays:source:) and "
        + "Catalog.replacingHolidayCalendar(_:), or a \"holidayCalendars\" entry in a catalog "
        + "file (llm-cost --catalog FILE; see Docs/CatalogFormat.md)"
        + (provisionalRules == nil ? ", or allow provisional calendars" : "")
    )
  }

  /// Returns the calendar with one year's official arrangement added, or replaced.
  ///
  /// ```swift
  /// let cn = try HolidayCalendar.chinaMainland.adding(
  ///   year: 2027,
  ///   holidays: [try CalendarDay("2027-01-01"): "New Year's Day", …],
  ///   makeUpWorkingDays: [try CalendarDay("2027-02-14")],
  ///   source: "State Council notice of 2026-11-…, https://www.gov.cn/…")
  /// let catalog = try Catalog.builtIn.replacingHolidayCalendar(cn)
  /// ```
  ///
  /// - Parameters:
  ///   - year: The year.
  ///   - holidays: Its public holidays, with their names.
  ///   - makeUpWorkingDays: Its weekend days that are working days.
  ///   - source: Where the arrangement was published.
  /// - Returns: The calendar with `year` official; other years are kept.
  /// - Throws: ``PricingError/Code/invalidData`` when a day is outside `year` or breaks
  ///   a rule of ``init(id:years:holidays:makeUpWorkingDays:sources:provisionalRules:)``.
  public func adding(
    year: Int,
    holidays: [CalendarDay: String],
    makeUpWorkingDays: Set<CalendarDay>,
    source: String
  ) throws -> HolidayCalendar {
    let added = try HolidayCalendar(
      id: id,
      years: [year],
      holidays: holidays,
      makeUpWorkingDays: makeUpWorkingDays,
      sources: ["\(year): \(source)"],
      provisionalRules: provisionalRules
    )
    return try merging(added)
  }

  /// Returns the calendar with another calendar's official years laid over it: each year
  /// the other holds replaces this calendar's data for that year, or is added.
  ///
  /// - Parameter other: The calendar whose years win.
  /// - Returns: The merged calendar, with this calendar's id and provisional rules.
  /// - Throws: ``PricingError/Code/invalidData`` when the result breaks a rule.
  public func merging(_ other: HolidayCalendar) throws -> HolidayCalendar {
    let replaced = Set(other.officialYears)
    var holidays = self.holidays.filter { !replaced.contains($0.key.year) }
    holidays.merge(other.holidays) { _, new in new }
    let makeUp = makeUpWorkingDays.filter { !replaced.contains($0.year) }
      .union(other.makeUpWorkingDays)
    let sources =
      self.sources.filter { source in !replaced.contains { source.hasPrefix("\($0):") } }
      + other.sources
    return try HolidayCalendar(
      id: id,
      years: Set(officialYears).union(replaced),
      holidays: holidays,
      makeUpWorkingDays: makeUp,
      sources: sources,
      provisionalRules: provisionalRules
    )
  }

  /// Returns the calendar without provisional rules: years without an official arrangement
  /// throw ``PricingError/Code/calendarOutOfRange`` instead of being computed.
  ///
  /// - Returns: The strict calendar.
  public func requiringOfficialYears() -> HolidayCalendar {
    HolidayCalendar(
      uncheckedID: id,
      years: Set(officialYears),
      holidays: holidays,
      makeUpWorkingDays: makeUpWorkingDays,
      sources: sources,
      provisionalRules: nil
    )
  }

  /// Compares everything but the derived day table.
  ///
  /// - Parameters:
  ///   - lhs: A calendar.
  ///   - rhs: Another calendar.
  /// - Returns: Whether both hold the same years, days, sources and rules.
  public static func == (lhs: HolidayCalendar, rhs: HolidayCalendar) -> Bool {
    if lhs.storage === rhs.storage { return true }
    return lhs.id == rhs.id && lhs.officialYears == rhs.officialYears
      && lhs.holidays == rhs.holidays
      && lhs.makeUpWorkingDays == rhs.makeUpWorkingDays && lhs.sources == rhs.sources
      && lhs.provisionalRules == rhs.provisionalRules
  }

  /// Hashes the id, years and rules.
  ///
  /// - Parameter hasher: The hasher to feed.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(officialYears)
    hasher.combine(provisionalRules)
  }
}

extension HolidayCalendar: Codable {
  private enum CodingKeys: String, CodingKey {
    case id, years, holidays, makeUpWorkingDays, sources, provisionalRules
  }

  private struct YearSpan: Codable {
    var first: Int
    var last: Int
  }

  /// Decodes a calendar through the validating initializer.
  ///
  /// The JSON form is `{"id", "years": [2027] or {"first", "last"}, "holidays":
  /// {"YYYY-MM-DD": name}, "makeUpWorkingDays": ["YYYY-MM-DD"], "sources": [String],
  /// "provisionalRules": "CN-statutory"}`; `provisionalRules` may be absent or `null` (no
  /// provisional years).
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path of a bad value.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let years: [Int]
    if let list = try? container.decode([Int].self, forKey: .years) {
      years = list
    } else {
      let span = try container.decode(YearSpan.self, forKey: .years)
      guard span.first <= span.last else {
        throw DecodingError.dataCorruptedError(
          forKey: .years,
          in: container,
          debugDescription: "first year \(span.first) is after last year \(span.last)"
        )
      }
      // The span is materialised: beyond the years a CalendarDay holds, its count overflows
      // (a trap) or exhausts memory.
      guard span.first >= 1, span.last <= 9999 else {
        throw DecodingError.dataCorruptedError(
          forKey: .years,
          in: container,
          debugDescription: "years \(span.first)–\(span.last) must lie within 1–9999"
        )
      }
      years = Array(span.first...span.last)
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
    let rules = try container.decodeIfPresent(HolidayRules.self, forKey: .provisionalRules)
    // The rule broken may involve holidays, make-up days or years: name the calendar.
    self = try decoder.validated {
      try Self(
        id: container.decode(String.self, forKey: .id),
        years: years,
        holidays: holidays,
        makeUpWorkingDays: Set(container.decode([CalendarDay].self, forKey: .makeUpWorkingDays)),
        sources: container.decode([String].self, forKey: .sources),
        provisionalRules: rules
      )
    }
  }

  /// Encodes the calendar in the form ``init(from:)`` reads, years as a list.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(officialYears, forKey: .years)
    let named = Dictionary(uniqueKeysWithValues: holidays.map { ($0.key.description, $0.value) })
    try container.encode(named, forKey: .holidays)
    try container.encode(makeUpWorkingDays.sorted(), forKey: .makeUpWorkingDays)
    try container.encode(sources, forKey: .sources)
    try container.encodeIfPresent(provisionalRules, forKey: .provisionalRules)
  }
}
