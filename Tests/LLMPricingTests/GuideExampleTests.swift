import Foundation
import LLMPricing
import Testing

/// The examples of `Docs/PricingRules.md`, verbatim, with their stated results.
@Suite("Pricing rules guide")
struct GuideExampleTests {
  @Test func flatSheetWithACacheDiscount() throws {
    let sheet = try PriceSheet(
      currency: .cny,
      tiers: [
        PriceTier(
          prices: ComponentPrices(
            input: FixedDecimal("2"),
            cacheRead: FixedDecimal("0.5"),
            output: FixedDecimal("8")
          )
        )
      ]
    )
    let schedule = try PriceSchedule(entries: [
      PriceSchedule.Entry(
        effectiveFrom: Date("2025-02-08T16:00:00Z", strategy: .iso8601),
        sheet: sheet,
        provenance: Provenance(
          source: "https://example.com/pricing",
          observed: CalendarDay("2025-02-20"),
          confidence: .official
        )
      )
    ])
    let usage = try TokenUsage.inclusive(
      promptTokens: 10_000,
      cachedTokens: 8_000,
      completionTokens: 1_000
    )
    let cost = try schedule.cost(of: usage, at: Date("2025-03-01T00:00:00Z", strategy: .iso8601))
    // 2,000 × ¥2 + 8,000 × ¥0.5 + 1,000 × ¥8, per million = ¥0.004 + ¥0.004 + ¥0.008.
    #expect(cost.total == Money(FixedDecimal("0.016"), .cny))
  }

  @Test func tiersOnInputAndOutputLength() throws {
    let short = TokenRange(upTo: 32_000)
    let sheet = try PriceSheet(
      currency: .cny,
      tiers: [
        PriceTier(
          name: "≤32K in, ≤200 out",
          input: short,
          output: TokenRange(upTo: 200),
          prices: ComponentPrices(input: FixedDecimal("0.8"), output: FixedDecimal("2"))
        ),
        PriceTier(
          name: "≤32K in, >200 out",
          input: short,
          output: TokenRange(upTo: 200).next(to: nil),
          prices: ComponentPrices(input: FixedDecimal("0.8"), output: FixedDecimal("8"))
        ),
        PriceTier(
          name: "32K–128K in",
          input: short.next(to: 128_000),
          prices: ComponentPrices(input: FixedDecimal("1.2"), output: FixedDecimal("16"))
        ),
      ]
    )
    let schedule = try guideSchedule(sheet)
    let at = try Date("2025-07-01T00:00:00Z", strategy: .iso8601)
    let small = try schedule.cost(of: TokenUsage(uncachedInput: 10_000, output: 150), at: at)
    let large = try schedule.cost(of: TokenUsage(uncachedInput: 50_000, output: 150), at: at)
    #expect(small.tier == "≤32K in, ≤200 out")
    // 10,000 × 0.8 + 150 × 2 per million = 0.008 + 0.0003.
    #expect(small.total.amount == FixedDecimal("0.0083"))
    // The whole request moves to the 32K–128K tier: 50,000 × 1.2 + 150 × 16 per million.
    #expect(large.total.amount == FixedDecimal("0.0624"))
  }

  @Test func peakHoursOnChineseWorkingDays() throws {
    let peak = TimeWindow(
      name: "peak",
      days: .weekdaysExceptHolidays(Weekday.mondayToFriday),
      start: try TimeOfDay("09:00"),
      end: try TimeOfDay("18:00"),
      effect: .multiplier(2)
    )
    let sheet = try PriceSheet(
      currency: .cny,
      tiers: [PriceTier(prices: ComponentPrices(input: 1, output: 4))],
      windows: [peak],
      timeZone: "Asia/Shanghai",
      holidayCalendar: .chinaMainland
    )
    let schedule = try guideSchedule(sheet)
    let usage = try TokenUsage(uncachedInput: 1_000_000, output: 0)
    // 10:00 Beijing on Thursday 2025-10-09: peak, ¥2. On Wednesday 2025-10-01, a holiday: ¥1.
    let thursday = try schedule.cost(
      of: usage,
      at: Date("2025-10-09T02:00:00Z", strategy: .iso8601)
    )
    let holiday = try schedule.cost(of: usage, at: Date("2025-10-01T02:00:00Z", strategy: .iso8601))
    #expect(thursday.total.amount == 2 && thursday.window == "peak")
    #expect(holiday.total.amount == 1 && holiday.window == nil)
  }

  @Test func priceChangesAndBatch() throws {
    func sheet(_ input: String, _ output: String) throws -> PriceSheet {
      try PriceSheet(
        currency: .usd,
        tiers: [
          PriceTier(
            prices: ComponentPrices(input: FixedDecimal(input), output: FixedDecimal(output))
          )
        ],
        batchMultiplier: FixedDecimal("0.5")
      )
    }
    let provenance = Provenance(
      source: "https://example.com/pricing",
      observed: CalendarDay("2025-06-10"),
      confidence: .official
    )
    let schedule = try PriceSchedule(entries: [
      PriceSchedule.Entry(
        effectiveFrom: Date("2025-04-16T00:00:00Z", strategy: .iso8601),
        sheet: sheet("10", "40"),
        provenance: provenance
      ),
      PriceSchedule.Entry(
        effectiveFrom: Date("2025-06-10T00:00:00Z", strategy: .iso8601),
        sheet: sheet("2", "8"),
        provenance: provenance
      ),
    ])
    let usage = try TokenUsage(uncachedInput: 1_000_000, output: 1_000_000)
    let before = try schedule.totalCost(
      of: usage,
      at: Date("2025-06-09T23:59:59Z", strategy: .iso8601)
    )
    let after = try schedule.totalCost(
      of: usage,
      at: Date("2025-06-10T00:00:00Z", strategy: .iso8601),
      batch: true
    )
    #expect(before.amount == 50)  // $10 + $40
    #expect(after.amount == 5)  // ($2 + $8) × 0.5
  }

  @Test func theSheetJSONFormDecodes() throws {
    let json = """
      {
        "currency": "CNY",
        "timeZone": "Asia/Shanghai",
        "tiers": [{"prices": {"input": "1", "output": "4"}}],
        "windows": [{
          "name": "peak",
          "days": {"weekdaysExceptHolidays": ["monday", "tuesday", "wednesday", "thursday", "friday"]},
          "start": "09:00",
          "end": "18:00",
          "effect": {"multiplier": "2"}
        }],
        "holidayCalendar": null,
        "batchMultiplier": "0.5"
      }
      """
    let error = #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(PriceSheet.self, from: Data(json.utf8))
    }
    // Without a holiday calendar the window cannot tell holidays apart: a clear error.
    #expect("\(String(describing: error))".contains("holiday calendar"))
    let fixed = json.replacingOccurrences(of: #""holidayCalendar": null,"#, with: "")
      .replacingOccurrences(of: "weekdaysExceptHolidays", with: "weekdays")
    let sheet = try JSONDecoder().decode(PriceSheet.self, from: Data(fixed.utf8))
    #expect(sheet.windows.first?.days == .weekdays(Weekday.mondayToFriday))
    #expect(sheet.batchMultiplier == FixedDecimal("0.5"))
  }

  func guideSchedule(_ sheet: PriceSheet) throws -> PriceSchedule {
    try PriceSchedule(entries: [
      PriceSchedule.Entry(
        effectiveFrom: Date("2025-01-01T00:00:00Z", strategy: .iso8601),
        sheet: sheet,
        provenance: Provenance(
          source: "https://example.com/pricing",
          observed: CalendarDay("2025-01-01"),
          confidence: .official
        )
      )
    ])
  }

  /// The examples of the DocC article "Calendars and Exchange Rates", verbatim.
  @Test func calendarsAndExchangeRatesArticle() throws {
    let cn = HolidayCalendar.chinaMainland
    let eve = CalendarDay("2027-02-05")
    #expect(try cn.kind(of: eve) == .restDay)
    #expect(try cn.holidayName(of: eve) == "Spring Festival")
    #expect(cn.provisionalYear(of: eve)?.note.contains("provisional") == true)

    let cn2027 = try HolidayCalendar.chinaMainland.adding(
      year: 2027,
      holidays: [CalendarDay("2027-01-01"): "New Year's Day"],
      makeUpWorkingDays: [],
      source: "State Council notice, https://www.gov.cn/"
    )
    let catalog = try Catalog.builtIn.replacingHolidayCalendar(cn2027)
    #expect(catalog.holidayCalendars["CN"]?.isOfficial(year: 2027) == true)

    let budget = try ExchangeRate(base: .usd, quote: .cny, rate: 7, source: "2027 budget rate")
    let rates = ExchangeRates.centralParity.overriding(with: [budget])
    let june = try Date("2027-06-15T00:00:00Z", strategy: .iso8601)
    let converted = try rates.convert(Money(700, .cny), to: .usd, at: june)
    #expect(converted.converted.description == "100 USD")
    #expect(converted.legs[0].isAssumed == false)
  }

  @Test func billingRulesOf2026() throws {
    let sheet = try PriceSheet(
      currency: .usd,
      tiers: [
        PriceTier(
          prices: ComponentPrices(
            input: FixedDecimal("2"),
            cacheRead: FixedDecimal("0.2"),
            output: FixedDecimal("10")
          )
        )
      ],
      serviceTiers: [ServiceTier(name: "flex", effect: .multiplier(FixedDecimal("0.5")))],
      toolFees: [ToolFee(name: "web_search", perCall: FixedDecimal("0.01"))],
      uplifts: [PriceUplift(name: "us", multiplier: FixedDecimal("1.1"))]
    )
    let usage = try TokenUsage(uncachedInput: 100_000, cacheRead: 50_000, output: 10_000)
    let options = RequestOptions(
      serviceTier: "flex",
      residency: "us",
      toolCalls: ["web_search": 3]
    )
    let schedule = try schedule(sheet)
    let at = try instant("2026-11-01T00:00:00Z")
    #expect(try schedule.cost(of: usage, at: at).total == Money(try dec("0.31"), .usd))
    #expect(
      try schedule.cost(of: usage, at: at, options: options).total
        == Money(try dec("0.2005"), .usd)
    )
  }
}
