import Foundation
import LLMPricing
import Testing

@Suite("Holiday calendars for any year: official, provisional, strict, added")
struct HolidayCalendarTests {
  func flash(_ catalog: Catalog = .builtIn) throws -> Offering {
    try catalog.offering(model: "deepseek-flash", currency: .cny)
  }

  // 100,000 uncached input and 2,000 output tokens on deepseek-flash (CNY list since
  // 2026-09-10): off-peak 100,000 × ¥1/M + 2,000 × ¥4/M = ¥0.108; peak (09:00–12:00 and
  // 14:00–18:00 Beijing, Monday to Friday except public holidays) 100,000 × ¥2/M +
  // 2,000 × ¥8/M = ¥0.216.
  static let usage = Result { try TokenUsage(uncachedInput: 100_000, output: 2_000) }

  @Test(
    "DeepSeek on 2027 dates: exact amounts, flagged provisional when the calendar decided",
    arguments: [
      // New Year's Day, a Friday, 10:00 Beijing: a statutory holiday, off-peak all day.
      ("2027-01-01T02:00:00Z", "0.108", true),
      // Spring Festival's third day (正月初三), Monday 2027-02-08, 10:00 Beijing.
      ("2027-02-08T02:00:00Z", "0.108", true),
      // The day in lieu for the Spring Festival days on the weekend: Wednesday 02-10.
      ("2027-02-10T07:00:00Z", "0.108", true),
      // An ordinary Tuesday, 10:00 Beijing: peak.
      ("2027-01-05T02:00:00Z", "0.216", true),
      // National Day, a Friday, 10:00 Beijing.
      ("2027-10-01T02:00:00Z", "0.108", true),
      // Labour Day falls on the weekend; Tuesday 05-04 is its second day in lieu.
      ("2027-05-04T02:00:00Z", "0.108", true),
      // A Tuesday evening, 20:00 Beijing: off-peak whatever the calendar says, so the
      // price does not rest on it and is not flagged.
      ("2027-01-05T12:00:00Z", "0.108", false),
      // A Saturday morning: weekends are off-peak by the weekday rule alone.
      ("2027-01-09T02:00:00Z", "0.108", false),
    ]
  )
  func deepSeekIn2027(at: String, expected: String, provisional: Bool) throws {
    let cost = try flash().schedule.cost(of: Self.usage.get(), at: instant(at))
    #expect(cost.total == Money(try dec(expected), .cny))
    #expect(cost.isProvisional == provisional)
    if provisional {
      let year = try #require(cost.provisionalYears.first)
      #expect(year.calendar == "CN" && year.year == 2027 && year.rules == "CN-statutory")
      #expect(year.note.contains("provisional"))
      #expect(cost.notes.contains(year.note))
    }
    // The total-only path agrees.
    let total = try flash().schedule.totalCost(of: Self.usage.get(), at: instant(at))
    #expect(total == cost.total)
  }

  @Test(
    "A strict calendar refuses what depends on an unpublished year, and says how to add it",
    arguments: [
      "2027-01-01T02:00:00Z", "2027-02-08T02:00:00Z", "2027-01-05T02:00:00Z",
      "2027-10-01T02:00:00Z", "2031-03-04T02:00:00Z",
    ]
  )
  func strictModeRefuses(at: String) throws {
    let strict = try Catalog.builtIn.requiringOfficialHolidayYears()
    let error = #expect(throws: PricingError.self) {
      try flash(strict).schedule.cost(of: Self.usage.get(), at: instant(at))
    }
    #expect(error?.code == .calendarOutOfRange)
    let message = error?.message ?? ""
    #expect(message.contains(String(at.prefix(4))))
    #expect(message.contains("adding(year:holidays:makeUpWorkingDays:source:)"))
    #expect(message.contains("holidayCalendars"))
    #expect(message.contains("strict"))
  }

  @Test func strictModeStillPricesWhatNeedsNoCalendar() throws {
    let strict = try Catalog.builtIn.requiringOfficialHolidayYears()
    // 20:00 Beijing on a Tuesday and a Saturday morning need no holiday calendar.
    for at in ["2027-01-05T12:00:00Z", "2027-01-09T02:00:00Z"] {
      let cost = try flash(strict).schedule.cost(of: Self.usage.get(), at: instant(at))
      #expect(cost.total == Money(try dec("0.108"), .cny))
    }
    // Official years are untouched: Thursday 2026-10-01 (National Day) is off-peak.
    let national = try flash(strict).schedule.cost(
      of: Self.usage.get(),
      at: instant("2026-10-01T02:00:00Z")
    )
    #expect(national.total == Money(try dec("0.108"), .cny))
    #expect(!national.isProvisional)
  }

  /// The official 2024–2026 notices against the rules for the same years: every day the
  /// rules call a holiday is a rest day in the notice, and every day they disagree on is a
  /// notice's make-up working day (a weekend the rules call rest) or a bridge day (a
  /// weekday the notice gives off in exchange for a make-up day).
  @Test(
    "The provisional rules agree with the official calendar on every statutory holiday",
    arguments: [2024, 2025, 2026]
  )
  func provisionalAgreesWithOfficial(year: Int) throws {
    let official = HolidayCalendar.chinaMainland
    let rules = try HolidayRules.chinaStatutory.holidays(in: year)
    #expect(!rules.isEmpty)
    for (day, name) in rules {
      #expect(try official.kind(of: day) == .restDay, "\(day) \(name)")
    }
    var agreeing = 0
    var days = try CalendarDay(year: year, month: 1, day: 1)
    while days.year == year {
      let ruled: DayKind =
        rules[days] != nil || [.saturday, .sunday].contains(days.weekday) ? .restDay : .workingDay
      let published = try official.kind(of: days)
      if ruled == published {
        agreeing += 1
      } else if official.makeUpWorkingDays.contains(days) {
        #expect(ruled == .restDay)
      } else {
        // A bridge day: a weekday off in the notice, next to a holiday.
        #expect(published == .restDay && ruled == .workingDay, "\(days)")
        #expect(official.holidays[days] != nil, "\(days)")
      }
      days = days.adding(days: 1)
    }
    // The property is the classification above; these counts only pin the agreement
    // documented in Docs/PricingRules.md, so a change to the rules shows up there too:
    // 2024 350 of 366 days (8 make-up working days, 8 bridge days), 2025 355, 2026 353.
    let expected = [2024: 350, 2025: 355, 2026: 353]
    #expect(agreeing == expected[year])
  }

  @Test(
    "Lunar festivals from Foundation's Chinese calendar match the notices",
    arguments: [
      (2024, "2024-02-10", "2024-06-10", "2024-09-17"),
      (2025, "2025-01-29", "2025-05-31", "2025-10-06"),
      (2026, "2026-02-17", "2026-06-19", "2026-09-25"),
      // 2027: lunar new year on Saturday 02-06 (widely published), Dragon Boat 06-09,
      // Mid-Autumn 09-15.
      (2027, "2027-02-06", "2027-06-09", "2027-09-15"),
    ]
  )
  func lunarFestivals(year: Int, spring: String, dragonBoat: String, midAutumn: String) throws {
    let holidays = try HolidayRules.chinaStatutory.holidays(in: year)
    #expect(holidays[try CalendarDay(spring)] == "Spring Festival")
    #expect(holidays[try CalendarDay(dragonBoat)]?.hasPrefix("Dragon Boat") == true)
    #expect(holidays[try CalendarDay(midAutumn)]?.hasPrefix("Mid-Autumn") == true)
  }

  /// Qingming from the sun's longitude against the independent day-count formula used for
  /// the 21st century (寿星公式): day = ⌊Y × 0.2422 + 4.81⌋ − ⌊Y ÷ 4⌋, Y the year's last two
  /// digits.
  @Test func qingmingMatchesTheDayCountFormulaThroughTheCentury() throws {
    for year in 2008...2099 {
      let y = year % 100
      let day = Int((Double(y) * 0.2422 + 4.81).rounded(.down)) - y / 4
      let holidays = try HolidayRules.chinaStatutory.holidays(in: year)
      let qingming = try CalendarDay(year: year, month: 4, day: day)
      #expect(holidays[qingming] == "Qingming Festival", "\(year)")
    }
  }

  @Test func theStatuteChangedIn2025() throws {
    // Before 2025: Spring Festival was the first three days, Labour Day one day.
    let y2024 = try HolidayRules.chinaStatutory.holidays(in: 2024)
    #expect(y2024[CalendarDay("2024-02-09")] == nil)  // the eve
    #expect(y2024[CalendarDay("2024-05-02")] == nil)
    // From 2025: the eve and May 2 are statutory.
    let y2025 = try HolidayRules.chinaStatutory.holidays(in: 2025)
    #expect(y2025[CalendarDay("2025-01-28")] == "Spring Festival")
    #expect(y2025[CalendarDay("2025-05-02")] == "Labour Day")
    // 2027: 13 statutory days, and days in lieu for the 6 on a weekend (02-06, 02-07,
    // 05-01, 05-02, 10-02, 10-03): 19 holidays.
    let y2027 = try HolidayRules.chinaStatutory.holidays(in: 2027)
    #expect(y2027.count == 19)
    #expect(y2027.values.filter { $0.hasSuffix("(day in lieu)") }.count == 6)
  }

  @Test func provisionalYearsAreFlaggedAndOfficialOnesAreNot() throws {
    let cn = HolidayCalendar.chinaMainland
    #expect(cn.isOfficial(year: 2026) && !cn.isOfficial(year: 2027))
    #expect(cn.provisionalYear(of: CalendarDay("2026-05-01")) == nil)
    #expect(cn.provisionalYear(of: CalendarDay("2027-05-01"))?.year == 2027)
    #expect(try cn.holidayName(of: CalendarDay("2027-02-05")) == "Spring Festival")
    #expect(try cn.kind(of: CalendarDay("2030-02-02")) == .restDay)  // 2030 eve, a Saturday
    // Beyond the rules' years the calendar refuses rather than guess.
    #expect(throws: PricingError.self) { try cn.kind(of: CalendarDay("2300-01-01")) }
  }

  /// What a user does when the State Council publishes 2027: add the year once, and every
  /// DeepSeek sheet and every workload projection uses it.
  @Test func addingAYearReachesEverySheetAndIsNoLongerProvisional() throws {
    // A hypothetical arrangement: Monday 2027-01-04 off in exchange for Sunday 01-10.
    let arrangement: [CalendarDay: String] = [
      CalendarDay("2027-01-01"): "New Year's Day",
      CalendarDay("2027-01-04"): "New Year's Day",
    ]
    let cn = try HolidayCalendar.chinaMainland.adding(
      year: 2027,
      holidays: arrangement,
      makeUpWorkingDays: [CalendarDay("2027-01-10")],
      source: "test arrangement"
    )
    #expect(cn.isOfficial(year: 2027))
    #expect(cn.sources.last == "2027: test arrangement")
    let catalog = try Catalog.builtIn.replacingHolidayCalendar(cn)
    #expect(catalog.holidayCalendars["CN"] == cn)
    let usage = try Self.usage.get()
    // Monday 2027-01-04, 10:00 Beijing: a holiday now (the rules had it as a working day).
    let monday = try flash(catalog).schedule.cost(of: usage, at: instant("2027-01-04T02:00:00Z"))
    #expect(monday.total == Money(try dec("0.108"), .cny))
    #expect(!monday.isProvisional)
    let before = try flash().schedule.cost(of: usage, at: instant("2027-01-04T02:00:00Z"))
    #expect(before.total == Money(try dec("0.216"), .cny))
    // Sunday 01-10 is a make-up working day, but DeepSeek's peak is Monday to Friday only.
    let sunday = try flash(catalog).schedule.cost(of: usage, at: instant("2027-01-10T02:00:00Z"))
    #expect(sunday.total == Money(try dec("0.108"), .cny))
    // The USD list carries the same calendar.
    let usd = try catalog.offering(model: "deepseek-flash", currency: .usd)
    #expect(usd.schedule.entries.last?.sheet.holidayCalendar == cn)
    // The projection's rest days come from the same calendar: 2027-01 is official now.
    let month = try MonthlyProjection.cost(
      of: .coding,
      on: flash(catalog),
      in: YearMonth("2027-01"),
      calendars: catalog.holidayCalendars
    )
    #expect(!month.isProvisional)
    #expect(month.notes.allSatisfy { !$0.contains("provisional") })
  }

  @Test func aCatalogFileAddsAYearForEveryBuiltInSheet() throws {
    let file = Data(
      #"""
      {"formatVersion": 1,
       "holidayCalendars": [{"id": "CN", "years": [2027],
         "holidays": {"2027-01-01": "New Year's Day", "2027-01-04": "New Year's Day"},
         "makeUpWorkingDays": ["2027-01-10"], "sources": ["2027: test notice"]}]}
      """#.utf8
    )
    let catalog = try Catalog.builtIn.merging(Catalog.decode(from: file))
    let cn = try catalog.holidayCalendar(id: "CN")
    #expect(cn.officialYears == [2024, 2025, 2026, 2027])
    #expect(cn.provisionalRules == .chinaStatutory)
    let cost = try flash(catalog).schedule.cost(
      of: Self.usage.get(),
      at: instant("2027-01-04T02:00:00Z")
    )
    #expect(cost.total == Money(try dec("0.108"), .cny))
    #expect(!cost.isProvisional)
    // A make-up day on a weekday is refused with the key path.
    let bad = Data(
      #"{"holidayCalendars": [{"id": "CN", "years": [2027], "holidays": {}, "makeUpWorkingDays": ["2027-01-05"], "sources": []}]}"#
        .utf8
    )
    let error = #expect(throws: PricingError.self) { try Catalog.decode(from: bad) }
    #expect(error?.message.contains("2027-01-05") == true)
    #expect(error?.message.contains("holidayCalendars") == true)
  }

  @Test(
    "a span of years beyond 1–9999 is refused, not materialised (it trapped; fuzzing)",
    arguments: [(Int.min, Int.max), (0, 4_000_000_000), (2027, 10_000)]
  )
  func hugeYearSpansAreRefused(first: Int, last: Int) {
    let json =
      #"{"holidayCalendars": [{"id": "XX", "years": {"first": \#(first), "last": \#(last)}, "#
      + #""holidays": {}, "makeUpWorkingDays": [], "sources": ["s"]}]}"#
    let error = #expect(throws: PricingError.self) { try Catalog.decode(from: Data(json.utf8)) }
    #expect(error?.message.contains("holidayCalendars[0].years") == true)
  }

  @Test func theProjectionUsesTheSheetsCalendarNotTheZone() throws {
    // A workload in Beijing time naming no calendar projects with weekends only: Friday
    // 2027-01-01 is then a working day and its traffic is a working day's.
    var weekendsOnly = WorkloadProfile.customerService
    weekendsOnly.holidayCalendar = nil
    let plain = try MonthlyProjection.cost(of: weekendsOnly, on: flash(), in: YearMonth("2027-01"))
    let china = try MonthlyProjection.cost(
      of: .customerService,
      on: flash(),
      in: YearMonth("2027-01")
    )
    // customer-service: 20,000 sessions a working day, rest days at 0.8 of that. January
    // 2027 has 21 weekdays and 10 weekend days; New Year's Day moves one day to rest:
    // 21 × 20,000 + 10 × 16,000 = 580,000 against 20 × 20,000 + 11 × 16,000 = 576,000.
    #expect(plain.sessions == 580_000)
    #expect(china.sessions == 576_000)
    #expect(china.isProvisional)
    // An unknown calendar id is an error, never weekends.
    var unknown = WorkloadProfile.customerService
    unknown.holidayCalendar = "XX"
    let error = #expect(throws: PricingError.self) {
      try MonthlyProjection.cost(of: unknown, on: flash(), in: YearMonth("2027-01"))
    }
    #expect(error?.message.contains("'XX'") == true)
  }

  @Test func aHorizonKeepsEveryMonthItCanPrice() throws {
    // deepseek-flash (CNY) starts 2026-09-10: August and September (sold for part of it
    // only) cannot be priced; the months after can.
    let horizon = try MonthlyProjection.horizon(
      of: .coding,
      on: flash(),
      from: YearMonth("2026-08"),
      months: 8
    )
    #expect(
      horizon.costs.map(\.month.description) == [
        "2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03",
      ]
    )
    #expect(horizon.unpriced.map(\.month.description) == ["2026-08", "2026-09"])
    #expect(horizon.unpriced.first?.code == "noPriceInEffect")
    #expect(
      horizon.costs.filter(\.isProvisional).map(\.month.description) == [
        "2027-01", "2027-02", "2027-03",
      ]
    )
  }

  @Test func ingestingA2027LogPricesEveryLineAndSaysProvisional() throws {
    // Peak (Tuesday 10:00 Beijing), holiday (New Year's Day 10:00), evening: no line may be
    // rejected for a calendar or a rate reason.
    let lines = [
      #"{"timestamp": "2027-01-05T02:00:00Z", "model": "deepseek-flash", "provider": "deepseek", "usage": {"prompt_tokens": 100000, "completion_tokens": 2000}}"#,
      #"{"timestamp": "2027-01-01T02:00:00Z", "model": "deepseek-flash", "provider": "deepseek", "usage": {"prompt_tokens": 100000, "completion_tokens": 2000}}"#,
      #"{"timestamp": "2027-01-05T12:00:00Z", "model": "deepseek-flash", "provider": "deepseek", "usage": {"prompt_tokens": 100000, "completion_tokens": 2000}}"#,
    ]
    for currency in [Currency.cny, .usd, .eur] {
      var ingestor = try UsageIngestor(
        currency: currency,
        rates: ExchangeRates.centralParity.overriding(with: [
          try ExchangeRate(base: .eur, quote: .cny, rate: dec("8"), source: "test")
        ])
      )
      for (index, line) in lines.enumerated() {
        ingestor.ingest(line: Data(line.utf8), number: index + 1)
      }
      let report = ingestor.currentReport()
      #expect(report.rejected == 0, "\(report.rejections)")
      #expect(report.priced == 3)
      #expect(report.isProvisional)
      #expect(report.provisionalYears.map(\.year) == [2027])
      if currency == .cny {
        // 0.216 + 0.108 + 0.108
        #expect(report.total == (try dec("0.432")))
        #expect(report.exchangeRates.isEmpty)
      }
      if currency == .eur {
        // 0.432 CNY at a standing 8 CNY per EUR: 0.054 EUR.
        #expect(report.total == (try dec("0.054")))
        #expect(report.exchangeRates.first?.conversions == 3)
        #expect(report.exchangeRates.first?.isAssumed == false)
      }
    }
  }
}

@Suite("Reports keep their assumptions when merged")
struct ReportAssumptionMergeTests {
  func report(_ lines: [String], currency: Currency) throws -> UsageReport {
    var ingestor = try UsageIngestor(currency: currency)
    for (index, line) in lines.enumerated() {
      ingestor.ingest(line: Data(line.utf8), number: index + 1)
    }
    return ingestor.currentReport()
  }

  @Test func mergingAddsRateUsesAndKeepsProvisionalYears() throws {
    let peak2027 =
      #"{"timestamp": "2027-01-05T02:00:00Z", "model": "deepseek-flash", "usage": {"prompt_tokens": 100000, "completion_tokens": 2000}}"#
    let peak2026 =
      #"{"timestamp": "2026-10-09T02:00:00Z", "model": "deepseek-flash", "usage": {"prompt_tokens": 100000, "completion_tokens": 2000}}"#
    let first = try report([peak2027, peak2027], currency: .usd)
    let second = try report([peak2026], currency: .usd)
    #expect(first.isProvisional && !second.isProvisional)
    // deepseek-flash has its own USD list: nothing is converted.
    #expect(first.exchangeRates.isEmpty)
    let inEuro = try report([peak2027, peak2027], currency: .eur)
    #expect(inEuro.rejected == 2)  // no EUR rate in the table: refused, and said why
    var merged = first
    try merged.merge(second)
    #expect(merged.provisionalYears.map(\.year) == [2027])
    #expect(merged.priced == 3)
    // Through JSON, as shards are merged.
    let data = try JSONEncoder().encode(first)
    let decoded = try JSONDecoder().decode(UsageReport.self, from: data)
    #expect(decoded == first)
    // A report written before these keys existed still reads.
    var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    object["provisionalYears"] = nil
    object["exchangeRates"] = nil
    let old = try JSONSerialization.data(withJSONObject: object)
    #expect(try JSONDecoder().decode(UsageReport.self, from: old).provisionalYears.isEmpty)
  }

  @Test func convertedReportsCountEachRatesUses() throws {
    // gpt-4o-mini ($0.15 / $0.60 per million) reported in CNY, on two dates.
    let lines = [
      #"{"timestamp": "2026-06-25T00:00:00Z", "model": "gpt-4o-mini", "usage": {"prompt_tokens": 1000000, "completion_tokens": 0}}"#,
      #"{"timestamp": "2026-12-01T00:00:00Z", "model": "gpt-4o-mini", "usage": {"prompt_tokens": 1000000, "completion_tokens": 0}}"#,
    ]
    let one = try report([lines[0]], currency: .cny)
    let two = try report([lines[1]], currency: .cny)
    var merged = one
    try merged.merge(two)
    let use = try #require(merged.exchangeRates.first)
    #expect(merged.exchangeRates.count == 1)
    #expect(use.conversions == 2)
    // 2026-12-01 00:00 is 161 days after the 2026-06-22 01:15 fixing: assumed.
    #expect(use.oldestAgeDays == 161)
    #expect(use.isAssumed)
    #expect(merged.notes.contains { $0.hasPrefix("assumed exchange rate") })
    // $0.15 × 6.8150 twice.
    #expect(merged.total == (try dec("2.0445")))
  }
}
