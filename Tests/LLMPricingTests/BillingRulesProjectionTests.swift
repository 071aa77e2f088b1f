import Foundation
import LLMPricing
import Testing

/// The billing rules in monthly projections.
@Suite("Billing rules in monthly projections")
struct BillingRulesProjectionTests {
  /// 100 sessions a day of one request: 1,000 input and 100 output tokens, flat traffic, UTC,
  /// no holidays.
  func profile() throws -> WorkloadProfile {
    try WorkloadProfile(
      name: "rules",
      sessionsPerDay: 100,
      systemPromptTokens: 1_000,
      userTokensPerStep: 0,
      outputTokens: 100,
      timeZone: "UTC"
    )
  }

  @Test func flexHalvesAGpt5MonthExactly() throws {
    let gpt5 = try Catalog.builtIn.offering(model: "gpt-5", currency: .usd)
    let month = try YearMonth(year: 2026, month: 11)
    var workload = try profile()
    let standard = try MonthlyProjection.cost(of: workload, on: gpt5, in: month)
    // 30 days × 100 sessions × (1,000 × $1.25 + 100 × $10) / 1M = 3,000 × $0.00225 = $6.75.
    #expect(standard.total == Money(try dec("6.75"), .usd))
    workload.serviceTier = "flex"
    #expect(
      try MonthlyProjection.cost(of: workload, on: gpt5, in: month).total
        == Money(try dec("3.375"), .usd)
    )
    workload.serviceTier = "scale"
    let error = #expect(throws: PricingError.self) {
      try MonthlyProjection.cost(of: workload, on: gpt5, in: month)
    }
    #expect(error?.code == .unknownBillingOption)
  }

  @Test func aMonthlyFreeAllowanceComesOffTheMonthsCalls() throws {
    let sheet = try PriceSheet(
      currency: .cny,
      tiers: [PriceTier(prices: ComponentPrices(input: dec("1"), output: dec("2")))],
      toolFees: [
        ToolFee(
          name: "search",
          perCall: dec("0.004"),
          freeCalls: .init(calls: 1_000, period: .month)
        )
      ]
    )
    let offering = Offering(
      model: Model(id: "searcher", vendor: "test", family: "Test"),
      provider: .testCNY,
      region: "test",
      schedule: try schedule(sheet)
    )
    var workload = try profile()
    workload.toolCallsPerStep = ["search": try dec("0.5")]
    let cost = try MonthlyProjection.cost(
      of: workload,
      on: offering,
      in: try YearMonth(year: 2026, month: 11)
    )
    // Tokens: 3,000 sessions × (1,000 × ¥1 + 100 × ¥2) / 1M = 3,000 × ¥0.0012 = ¥3.60.
    // Calls: 3,000 × 0.5 = 1,500, of which 1,000 free: 500 × ¥0.004 = ¥2. Total ¥5.60.
    #expect(cost.total == Money(try dec("5.6"), .cny))
    #expect(cost.notes.contains { $0.hasPrefix("search: 1000 of 1500 calls free") })
  }

  @Test func cacheStorageIsBilledPerTokenHourOnVolcanoArk() throws {
    let seed = try Catalog.builtIn.offering(model: "doubao-seed-1.6", currency: .cny)
    // One request: 10,000 in × ¥0.8 + 100 out × ¥2 (≤32K, output ≤200) = ¥0.008 + ¥0.0002,
    // plus 1,000,000 tokens kept 2 hours at ¥0.017 per million token-hours = ¥0.034.
    let usage = try TokenUsage(uncachedInput: 10_000, output: 100)
    var options = RequestOptions()
    options.cacheStorageTokenHours = 2_000_000
    let cost = try seed.schedule.cost(
      of: usage,
      at: instant("2026-01-05T04:00:00Z"),
      options: options
    )
    #expect(cost.total == Money(try dec("0.0422"), .cny))
    #expect(cost.lines.last?.component == .cacheStorage)
    // Before the price was first seen, storage is refused rather than billed at zero.
    #expect(throws: PricingError.self) {
      try seed.schedule.cost(of: usage, at: instant("2025-12-01T04:00:00Z"), options: options)
    }
    // A month: 100 sessions a day of the same request, plus a 1,000,000-token prefix kept
    // 8 hours a day. Tokens: 31 × 100 × ¥0.0082 = ¥25.42. Storage: 1,000,000 × 8 × 31 =
    // 248,000,000 token-hours × ¥0.017 / 1M = ¥4.216. Total ¥29.636.
    var workload = try WorkloadProfile(
      name: "stored",
      sessionsPerDay: 100,
      systemPromptTokens: 10_000,
      userTokensPerStep: 0,
      outputTokens: 100,
      timeZone: "UTC"
    )
    workload.cacheStorageTokens = 1_000_000
    workload.cacheStorageHoursPerDay = try dec("8")
    let month = try MonthlyProjection.cost(
      of: workload,
      on: seed,
      in: try YearMonth(year: 2026, month: 1)
    )
    #expect(month.total == Money(try dec("29.636"), .cny))
    #expect(month.notes.contains { $0.hasPrefix("cache storage: 248000000 token-hours") })
  }
}
