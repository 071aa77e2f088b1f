import Foundation
import LLMPricing
import Testing

@Suite("Time windows, holidays and effective dates")
struct WindowTests {
  @Test(
    "DeepSeek's 2025 night discount, at and around each edge (16:30–00:30 UTC)",
    arguments: [
      ("2025-06-01T16:29:59Z", "2"), ("2025-06-01T16:30:00Z", "1"), ("2025-06-01T20:00:00Z", "1"),
      ("2025-06-02T00:29:59Z", "1"), ("2025-06-02T00:30:00Z", "2"), ("2025-06-02T08:00:00Z", "2"),
    ]
  )
  func nightDiscountEdges(at: String, expectedInputPrice: String) throws {
    let chat = try deepSeek("deepseek-chat", .cny)
    let cost = try chat.schedule.cost(
      of: TokenUsage(uncachedInput: 1_000, output: 1),
      at: instant(at)
    )
    #expect(cost.lines[0].unitPrice == (try dec(expectedInputPrice)))
    #expect((cost.window == "off-peak") == (expectedInputPrice == "1"))
  }

  @Test(
    "R1 gets 75% off at night, in both lists",
    arguments: [(Currency.cny, "4", "1"), (.usd, "0.55", "0.135")]
  )
  func reasonerNightDiscount(currency: Currency, day: String, night: String) throws {
    let reasoner = try deepSeek("deepseek-reasoner", currency)
    let usage = try TokenUsage(uncachedInput: 1_000_000, output: 0)
    let dayCost = try reasoner.schedule.cost(of: usage, at: instant("2025-05-01T04:00:00Z"))
    let nightCost = try reasoner.schedule.cost(of: usage, at: instant("2025-05-01T18:00:00Z"))
    #expect(dayCost.total.amount == (try dec(day)))
    #expect(nightCost.total.amount == (try dec(night)))
  }

  @Test(
    "The 2025-09-05 16:00 UTC switch takes effect at 16:00:00 exactly",
    arguments: [
      ("2025-09-05T15:59:59Z", "0.27"), ("2025-09-05T16:00:00Z", "0.56"),
      ("2025-09-05T16:45:00Z", "0.56"),  // the night window is gone
    ]
  )
  func effectiveDateSwitch(at: String, expectedInputPrice: String) throws {
    let chat = try deepSeek("deepseek-chat", .usd)
    let cost = try chat.schedule.cost(of: TokenUsage(uncachedInput: 1, output: 0), at: instant(at))
    #expect(cost.lines[0].unitPrice == (try dec(expectedInputPrice)))
    #expect(cost.window == nil)
  }

  @Test func subSecondInstantsBeforeTheSwitchGetTheOldPrice() throws {
    let chat = try deepSeek("deepseek-chat", .usd)
    let justBefore = try instant("2025-09-05T16:00:00Z").addingTimeInterval(-0.001)
    let cost = try chat.schedule.cost(of: TokenUsage(uncachedInput: 1, output: 0), at: justBefore)
    #expect(cost.lines[0].unitPrice == (try dec("0.27")))
  }

  @Test(
    "DeepSeek 2026 peak hours follow China's working days",
    arguments: [
      // Peak: 09:00–12:00 and 14:00–18:00 Beijing = 01:00–04:00 and 06:00–10:00 UTC.
      ("2026-10-09T00:59:59Z", false),  // Fri 08:59:59 Beijing
      ("2026-10-09T01:00:00Z", true),  // Fri 09:00 Beijing, a working day
      ("2026-10-09T03:59:59Z", true), ("2026-10-09T04:00:00Z", false),  // 12:00 lunch
      ("2026-10-09T06:00:00Z", true), ("2026-10-09T10:00:00Z", false),  // 18:00
      ("2026-10-05T02:00:00Z", false),  // Mon, National Day holiday
      ("2026-10-10T02:00:00Z", false),  // Sat make-up working day: DeepSeek keeps weekends off-peak
      ("2026-10-11T02:00:00Z", false),  // Sun, an ordinary weekend
      ("2026-09-20T02:00:00Z", false),  // Sun make-up day, likewise
      ("2026-09-21T02:00:00Z", true),  // Mon, an ordinary working day
    ]
  )
  func peakHours(at: String, isPeak: Bool) throws {
    let flash = try deepSeek("deepseek-flash", .cny)
    let cost = try flash.schedule.cost(of: TokenUsage(uncachedInput: 1, output: 0), at: instant(at))
    #expect(cost.lines[0].unitPrice == (try dec(isPeak ? "2" : "1")))
    #expect((cost.window == "peak") == isPeak)
  }

  @Test func beforeTheWeekendRuleSaturdayWasPeak() throws {
    // 2026-08-22 was a Saturday; weekends became off-peak only from 2026-08-23 00:00 Beijing.
    let pro = try deepSeek("deepseek-v4-pro", .usd)
    let usage = try TokenUsage(uncachedInput: 1_000_000, output: 0)
    let saturday = try pro.schedule.cost(of: usage, at: instant("2026-08-22T02:00:00Z"))
    let nextSaturday = try pro.schedule.cost(of: usage, at: instant("2026-08-29T02:00:00Z"))
    #expect(saturday.total.amount == (try dec("1.32")))
    #expect(nextSaturday.total.amount == (try dec("0.66")))
  }

  @Test func aStrictCalendarRefusesYearsWithoutAnArrangement() throws {
    let strict = try Catalog.builtIn.requiringOfficialHolidayYears()
    let flash = try strict.offering(model: "deepseek-flash", currency: .cny)
    let usage = try TokenUsage(uncachedInput: 1, output: 0)
    let error = #expect(throws: PricingError.self) {
      try flash.schedule.cost(of: usage, at: instant("2027-01-05T02:00:00Z"))
    }
    #expect(error?.code == .calendarOutOfRange)
    #expect(error?.message.contains("2027") == true)
    // Outside the peak hours the day's kind does not matter, so no error.
    #expect(throws: Never.self) {
      try flash.schedule.cost(of: usage, at: instant("2027-01-05T12:00:00Z"))
    }
  }

  @Test(
    "China's calendar: holidays, make-up days, ordinary days",
    arguments: [
      ("2024-02-04", DayKind.workingDay),  // Sun, make-up
      ("2024-02-12", .restDay),  // Spring Festival
      ("2025-01-28", .restDay),  // Spring Festival Eve, statutory from 2025
      ("2025-02-08", .workingDay),  // Sat, make-up
      ("2025-10-08", .restDay),  // National Day + Mid-Autumn
      ("2025-10-11", .workingDay),  // Sat, make-up
      ("2026-01-04", .workingDay),  // Sun, make-up
      ("2026-06-19", .restDay),  // Dragon Boat
      ("2026-06-22", .workingDay),  // ordinary Monday
      ("2026-06-27", .restDay),  // ordinary Saturday
    ]
  )
  func chinaCalendar(day: String, expected: DayKind) throws {
    #expect(try HolidayCalendar.chinaMainland.kind(of: CalendarDay(day)) == expected)
  }

  @Test func theBuiltInCalendarPassesTheCheckingInitializer() throws {
    let calendar = HolidayCalendar.chinaMainland
    let checked = try HolidayCalendar(
      id: calendar.id,
      years: calendar.officialYears,
      holidays: calendar.holidays,
      makeUpWorkingDays: calendar.makeUpWorkingDays,
      sources: calendar.sources,
      provisionalRules: calendar.provisionalRules
    )
    #expect(checked == calendar)
    #expect(calendar.holidays.count == 28 + 28 + 33)
    #expect(calendar.makeUpWorkingDays.count == 8 + 5 + 6)
    #expect(calendar.sources.count == 3)
    let data = try JSONEncoder().encode(calendar)
    #expect(try JSONDecoder().decode(HolidayCalendar.self, from: data) == calendar)
  }

  func windowSheet(_ windows: [TimeWindow], zone: String = "UTC") throws -> PriceSheet {
    try PriceSheet(
      currency: .usd,
      tiers: [PriceTier(prices: ComponentPrices(input: 10, output: 10))],
      windows: windows,
      timeZone: zone
    )
  }

  @Test func workingDayWindowsApplyOnMakeUpWeekendDays() throws {
    let window = TimeWindow(
      name: "office hours",
      days: .workingDays,
      start: try TimeOfDay("09:00"),
      end: try TimeOfDay("18:00"),
      effect: .multiplier(2)
    )
    let sheet = try schedule(
      PriceSheet(
        currency: .cny,
        tiers: [PriceTier(prices: ComponentPrices(input: 1, output: 1))],
        windows: [window],
        timeZone: "Asia/Shanghai",
        holidayCalendar: .chinaMainland
      )
    )
    let usage = try TokenUsage(uncachedInput: 1_000_000, output: 0)
    // 2025-02-08 is a make-up Saturday; 10:00 Beijing is 02:00 UTC.
    #expect(try sheet.cost(of: usage, at: instant("2025-02-08T02:00:00Z")).total.amount == 2)
    #expect(try sheet.cost(of: usage, at: instant("2025-02-09T02:00:00Z")).total.amount == 1)
    #expect(try sheet.cost(of: usage, at: instant("2025-01-28T02:00:00Z")).total.amount == 1)
  }

  @Test func multiplierWindowsWrapPastMidnightAndBelongToTheirStartDay() throws {
    let window = TimeWindow(
      name: "friday night",
      days: .weekdays([.friday]),
      start: try TimeOfDay("22:00"),
      end: try TimeOfDay("02:00"),
      effect: .multiplier(try dec("0.5"))
    )
    let sheet = try schedule(windowSheet([window]))
    let usage = try TokenUsage(uncachedInput: 1_000_000, output: 0)
    // 2025-06-06 is a Friday.
    for (at, expected) in [
      ("2025-06-06T21:59:59Z", "10"), ("2025-06-06T22:00:00Z", "5"), ("2025-06-07T01:59:59Z", "5"),
      ("2025-06-07T02:00:00Z", "10"), ("2025-06-07T22:30:00Z", "10"),
      ("2025-06-08T01:00:00Z", "10"),
    ] {
      let cost = try sheet.cost(of: usage, at: instant(at))
      #expect(cost.total.amount == (try dec(expected)), "at \(at)")
    }
  }

  @Test func windowsUseTheSheetsTimeZoneAcrossDaylightSaving() throws {
    let window = TimeWindow(
      name: "morning",
      days: .everyDay,
      start: try TimeOfDay("09:00"),
      end: try TimeOfDay("10:00"),
      effect: .multiplier(0)
    )
    let sheet = try schedule(windowSheet([window], zone: "America/New_York"))
    let usage = try TokenUsage(uncachedInput: 1_000_000, output: 0)
    // 09:30 New York is 14:30 UTC in January (EST) and 13:30 UTC in July (EDT).
    #expect(try sheet.cost(of: usage, at: instant("2025-01-15T14:30:00Z")).total.amount == 0)
    #expect(try sheet.cost(of: usage, at: instant("2025-07-15T13:30:00Z")).total.amount == 0)
    #expect(try sheet.cost(of: usage, at: instant("2025-07-15T14:30:00Z")).total.amount == 10)
  }

  @Test func overlappingWindowsAndMissingCalendarsAreRejected() throws {
    func window(_ start: String, _ end: String, _ days: TimeWindow.Days) throws -> TimeWindow {
      TimeWindow(
        name: "\(start)-\(end)",
        days: days,
        start: try TimeOfDay(start),
        end: try TimeOfDay(end),
        effect: .multiplier(1)
      )
    }
    #expect(throws: PricingError.self) {
      try windowSheet([window("08:00", "10:00", .everyDay), window("09:59", "11:00", .everyDay)])
    }
    #expect(throws: PricingError.self) {
      try windowSheet([window("22:00", "02:00", .everyDay), window("01:00", "03:00", .everyDay)])
    }
    // Disjoint days may share hours.
    #expect(throws: Never.self) {
      try windowSheet([
        window("08:00", "10:00", .weekdays([.monday])),
        window("08:00", "10:00", .weekdays([.tuesday])),
      ])
    }
    let missing = #expect(throws: PricingError.self) {
      try windowSheet([window("08:00", "10:00", .workingDays)])
    }
    #expect(missing?.message.contains("holiday calendar") == true)
    let zone = #expect(throws: PricingError.self) { try windowSheet([], zone: "Mars/Olympus") }
    #expect(zone?.code == .unknownTimeZone)
  }

  @Test func retiredAndNotYetPricedInstantsAreTypedErrors() throws {
    let chat = try deepSeek("deepseek-chat", .cny)
    let usage = try TokenUsage(uncachedInput: 1, output: 1)
    let early = #expect(throws: PricingError.self) {
      try chat.schedule.cost(of: usage, at: instant("2024-05-05T15:59:59Z"))
    }
    #expect(early?.code == .noPriceInEffect)
    let retired = #expect(throws: PricingError.self) {
      try chat.schedule.cost(of: usage, at: instant("2026-07-24T15:59:00Z"))
    }
    #expect(retired?.message.contains("retired") == true)
    #expect(throws: Never.self) {
      try chat.schedule.cost(of: usage, at: instant("2026-07-24T15:58:59Z"))
    }
  }

  @Test(
    "Absurd instants are errors, not crashes",
    arguments: [Double.nan, 1e300, -1e300, Double.infinity, -Double.infinity]
  )
  func absurdInstants(seconds: Double) throws {
    let chat = try deepSeek("deepseek-chat", .cny)
    let usage = try TokenUsage(uncachedInput: 1, output: 1)
    let when = Date(timeIntervalSince1970: seconds)
    #expect(throws: PricingError.self) { try chat.schedule.cost(of: usage, at: when) }
    #expect(throws: PricingError.self) {
      try ExchangeRates.centralParity.limitingAge(toDays: 30).convert(
        Money(1, .usd),
        to: .cny,
        at: when
      )
    }
    _ = CalendarDay(utcDateOf: when)
  }

  @Test func freeQuotasAreValidatedWhenDecoded() {
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(
        FreeQuota.self,
        from: Data(#"{"tokens": -5, "validityDays": 180}"#.utf8)
      )
    }
    #expect(throws: Never.self) {
      try JSONDecoder().decode(
        FreeQuota.self,
        from: Data(#"{"tokens": 1000000, "validityDays": 180}"#.utf8)
      )
    }
  }

  @Test func schedulesRejectUnorderedOrMixedEntries() throws {
    let sheet = try flatSheet(input: "1", output: "1")
    let provenance = Provenance(
      source: "x",
      observed: CalendarDay("2025-01-01"),
      confidence: .official
    )
    let later = PriceSchedule.Entry(
      effectiveFrom: try instant("2025-02-01T00:00:00Z"),
      sheet: sheet,
      provenance: provenance
    )
    let earlier = PriceSchedule.Entry(
      effectiveFrom: try instant("2025-01-01T00:00:00Z"),
      sheet: sheet,
      provenance: provenance
    )
    #expect(throws: PricingError.self) { try PriceSchedule(entries: [later, earlier]) }
    #expect(throws: PricingError.self) { try PriceSchedule(entries: []) }
    var usdEntry = later
    usdEntry.sheet = try PriceSheet(currency: .usd, tiers: sheet.tiers)
    #expect(throws: PricingError.self) { try PriceSchedule(entries: [earlier, usdEntry]) }
  }
}
