import Foundation

/// Rules that compute a year's public holidays when no official arrangement for it is
/// known: a *provisional* calendar.
///
/// In mainland China the State Council publishes each year's arrangement (放假调休) in the
/// autumn before: which days are off and which weekend days become working days. Until it
/// does, and for any year a calendar's data does not cover, ``chinaStatutory`` computes the
/// statutory holidays from the law and the lunar calendar. What it cannot know are the
/// bridge days and the make-up working days that each notice decides; those are absent, and
/// every result that rests on a provisional year says so.
///
/// ```swift
/// let holidays = try HolidayRules.chinaStatutory.holidays(in: 2027)
/// holidays[try CalendarDay("2027-02-05")]  // "Spring Festival" (the eve)
/// ```
public struct HolidayRules: Hashable, Sendable, CustomStringConvertible {
  /// A short identifier, such as `"CN-statutory"`; catalog files name rules by it.
  public let id: String
  /// The years the rules can compute.
  public let years: ClosedRange<Int>
  /// What the rules compute, for people.
  public let summary: String

  private init(id: String, years: ClosedRange<Int>, summary: String) {
    self.id = id
    self.years = years
    self.summary = summary
  }

  /// Mainland China's statutory holidays (全国年节及纪念日放假办法), 2008 to 2199.
  ///
  /// - New Year's Day, January 1.
  /// - Spring Festival: from 2025 the eve and the first three days of the lunar year; 2014 to
  ///   2024 the first three days; 2008 to 2013 the eve and the first two days.
  /// - Qingming, on the day the sun reaches 15° of ecliptic longitude in Beijing time.
  /// - Labour Day: May 1 and 2 from 2025; May 1 before.
  /// - Dragon Boat (the 5th day of the 5th lunar month) and Mid-Autumn (the 15th day of the
  ///   8th), from Foundation's Chinese calendar.
  /// - National Day, October 1 to 3.
  /// - A day in lieu (补假, article 6) for each of these that falls on a Saturday or Sunday
  ///   or on another holiday: the next Monday-to-Friday day that is not itself a holiday.
  ///
  /// Bridge days and make-up working days (调休) are decided by each year's notice and are
  /// not computed.
  public static let chinaStatutory = HolidayRules(
    id: "CN-statutory",
    years: 2008...2199,
    summary: "China's statutory holidays computed from the law and the lunar calendar "
      + "(New Year's Day, Spring Festival, Qingming, Labour Day, Dragon Boat, Mid-Autumn, "
      + "National Day, and days in lieu for those on a weekend)"
  )

  /// The rules built into the library, by id.
  public static let builtIn: [String: HolidayRules] = [chinaStatutory.id: chinaStatutory]

  /// The id.
  public var description: String { id }

  /// The holidays the rules give a year, with their names.
  ///
  /// - Parameter year: The year.
  /// - Returns: Every computed public holiday of the year (days in lieu included).
  /// - Throws: ``PricingError/Code/calendarOutOfRange`` when `year` is outside ``years``.
  public func holidays(in year: Int) throws -> [CalendarDay: String] {
    guard years.contains(year) else { throw outOfRange(year) }
    var result: [CalendarDay: String] = [:]
    let table = Self.table(forYear: year)
    for (day, name) in table.names where CalendarDay(daysSinceEpoch: day).year == year {
      result[CalendarDay(daysSinceEpoch: day)] = name
    }
    return result
  }

  func outOfRange(_ year: Int) -> PricingError {
    PricingError(
      .calendarOutOfRange,
      "the \(id) holiday rules compute \(years.lowerBound)–\(years.upperBound), not \(year)"
    )
  }

  /// The computed days of every year the rules cover: flags as in ``HolidayCalendar`` with
  /// the provisional bit set, and the holidays' names by day.
  struct Table: Sendable {
    var firstDay: Int
    var flags: [UInt8]
    var names: [Int: String]
  }

  /// The computed years nearest to today, built on first use (about 2 ms, mostly Foundation's
  /// lunar calendar), then shared; the rest of ``years`` is built only if asked for (about
  /// 20 ms), so pricing next year does not pay for 2199.
  private static let nearYears = 2024...2040

  /// The table holding a year.
  private static func table(forYear year: Int) -> Table {
    nearYears.contains(year) ? chinaNear : chinaAll
  }

  /// The name of the holiday on a day (days since 1970), if any.
  func name(daysSinceEpoch day: Int) -> String? {
    Self.table(forYear: CalendarDay(daysSinceEpoch: day).year).names[day]
  }

  /// Flags for a day (days since 1970), or `nil` outside ``years``.
  func flags(daysSinceEpoch day: Int) -> UInt8? {
    let near = Self.chinaNear
    let nearIndex = day - near.firstDay
    if nearIndex >= 0, nearIndex < near.flags.count { return near.flags[nearIndex] }
    let all = Self.chinaAll
    let index = day - all.firstDay
    guard index >= 0, index < all.flags.count else { return nil }
    return all.flags[index]
  }

  private static let chinaNear = makeTable(nearYears)
  private static let chinaAll = makeTable(chinaStatutory.years)

  private static func makeTable(_ years: ClosedRange<Int>) -> Table {
    var names: [Int: String] = [:]
    let calendars = LunarDates.Calendars()
    for year in years {
      for (day, name) in ChinaStatutoryHolidays.holidays(in: year, calendars: calendars) {
        names[day.daysSinceEpoch] = name
      }
    }
    let epoch = CalendarDay(daysSinceEpoch: 0)
    let first = (try? CalendarDay(year: years.lowerBound, month: 1, day: 1)) ?? epoch
    let last = (try? CalendarDay(year: years.upperBound, month: 12, day: 31)) ?? epoch
    let flags = (first.daysSinceEpoch...last.daysSinceEpoch).map { day -> UInt8 in
      let base: UInt8
      if names[day] != nil {
        base = HolidayCalendar.holidayFlag
      } else if Weekday.weekend.contains(Weekday(daysSinceEpoch: day)) {
        base = 0
      } else {
        base = HolidayCalendar.workingDayFlag
      }
      return base | HolidayCalendar.provisionalFlag
    }
    return Table(firstDay: first.daysSinceEpoch, flags: flags, names: names)
  }
}

extension HolidayRules: Codable {
  /// Decodes rules by id, such as `"CN-statutory"`.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the unknown id and the known ones.
  public init(from decoder: any Decoder) throws {
    let id = try decoder.singleValueContainer().decode(String.self)
    guard let rules = Self.builtIn[id] else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription: "unknown holiday rules '\(id)'; the known rules are "
            + Self.builtIn.keys.sorted().joined(separator: ", ")
        )
      )
    }
    self = rules
  }

  /// Encodes the rules' id.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(id)
  }
}

/// Mainland China's statutory holidays of one year, computed.
enum ChinaStatutoryHolidays {
  static func holidays(in year: Int, calendars: LunarDates.Calendars) -> [CalendarDay: String] {
    let lunar = LunarDates(year: year, calendars: calendars)
    var festivals: [(name: String, days: [CalendarDay])] = []
    func add(_ name: String, _ days: [CalendarDay?]) {
      let present = days.compactMap { $0 }
      if !present.isEmpty { festivals.append((name, present)) }
    }
    func day(_ month: Int, _ day: Int) -> CalendarDay? {
      try? CalendarDay(year: year, month: month, day: day)
    }
    add("New Year's Day", [day(1, 1)])
    if let newYear = lunar.day(month: 1, day: 1) {
      let eve = newYear.adding(days: -1)
      let spring: [CalendarDay]
      switch year {
      case ...2013: spring = [eve, newYear, newYear.adding(days: 1)]
      case 2014...2024: spring = (0..<3).map { newYear.adding(days: $0) }
      default: spring = [eve] + (0..<3).map { newYear.adding(days: $0) }
      }
      add("Spring Festival", spring)
    }
    add("Qingming Festival", [SolarTerms.qingming(in: year)])
    add("Labour Day", year >= 2025 ? [day(5, 1), day(5, 2)] : [day(5, 1)])
    add("Dragon Boat Festival", [lunar.day(month: 5, day: 5)])
    add("Mid-Autumn Festival", [lunar.day(month: 8, day: 15)])
    add("National Day", [day(10, 1), day(10, 2), day(10, 3)])

    var holidays: [CalendarDay: String] = [:]
    var needsDayInLieu: [(day: CalendarDay, name: String)] = []
    for festival in festivals.sorted(by: { $0.days[0] < $1.days[0] }) {
      for day in festival.days {
        if holidays[day] != nil || Weekday.weekend.contains(day.weekday) {
          needsDayInLieu.append((day, festival.name))
        }
        holidays[day] = holidays[day].map { "\($0) + \(festival.name)" } ?? festival.name
      }
    }
    for (day, name) in needsDayInLieu {
      var candidate = day.adding(days: 1)
      while holidays[candidate] != nil || Weekday.weekend.contains(candidate.weekday) {
        candidate = candidate.adding(days: 1)
      }
      holidays[candidate] = "\(name) (day in lieu)"
    }
    return holidays
  }
}

/// Gregorian days of lunar dates in the Chinese year that begins in a Gregorian year, from
/// Foundation's Chinese calendar in Beijing time.
struct LunarDates {
  /// The Chinese and Gregorian calendars in Beijing time, made once: making them is most
  /// of the cost of a year.
  struct Calendars {
    let chinese: Calendar
    let gregorian: Calendar

    init() {
      let beijing = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
      var chinese = Calendar(identifier: .chinese)
      chinese.timeZone = beijing
      var gregorian = Calendar(identifier: .gregorian)
      gregorian.timeZone = beijing
      self.chinese = chinese
      self.gregorian = gregorian
    }
  }

  private let chinese: Calendar
  private let gregorian: Calendar
  private let era: Int?
  private let lunarYear: Int?

  init(year: Int, calendars: Calendars) {
    let chinese = calendars.chinese
    let gregorian = calendars.gregorian
    self.chinese = chinese
    self.gregorian = gregorian
    // The lunar year that contains June 1 began in this Gregorian year.
    let june = gregorian.date(from: DateComponents(year: year, month: 6, day: 1))
    let components = june.map { chinese.dateComponents([.era, .year], from: $0) }
    self.era = components?.era
    self.lunarYear = components?.year
  }

  /// The Gregorian day of a (non-leap) lunar month and day.
  func day(month: Int, day: Int) -> CalendarDay? {
    guard let era, let lunarYear else { return nil }
    var components = DateComponents()
    components.era = era
    components.year = lunarYear
    components.month = month
    components.day = day
    components.isLeapMonth = false
    guard let date = chinese.date(from: components) else { return nil }
    let civil = gregorian.dateComponents([.year, .month, .day], from: date)
    guard let y = civil.year, let m = civil.month, let d = civil.day else { return nil }
    return try? CalendarDay(year: y, month: m, day: d)
  }
}
