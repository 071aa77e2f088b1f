import Foundation
import LLMPricing
import Testing

/// Plans beside pay-as-you-go, with break-even volumes checked in closed form.
@Suite("Plans against pay-as-you-go")
struct PlanComparisonTests {
  /// A November of 100 sessions a day, 1,000 input and 100 output tokens each, on a
  /// ¥1 / ¥2 offering: 3,000 sessions, 3,300,000 tokens, ¥3.60.
  func month() throws -> MonthlyCost {
    let sheet = try PriceSheet(
      currency: .cny,
      tiers: [PriceTier(prices: ComponentPrices(input: dec("1"), output: dec("2")))]
    )
    let offering = Offering(
      model: Model(id: "m", vendor: "test", family: "Test"),
      provider: .testCNY,
      region: "test",
      schedule: try schedule(sheet)
    )
    let profile = try WorkloadProfile(
      name: "plan",
      sessionsPerDay: 100,
      systemPromptTokens: 1_000,
      userTokensPerStep: 0,
      outputTokens: 100,
      timeZone: "UTC"
    )
    let month = try MonthlyProjection.cost(
      of: profile,
      on: offering,
      in: try YearMonth(year: 2026, month: 11)
    )
    #expect(month.total == Money(try dec("3.6"), .cny))
    return month
  }

  func plan(fee: String, allowance: Plan.Allowance, overage: String? = nil) throws -> Plan {
    try Plan(
      id: "p",
      provider: "test",
      name: "P",
      currency: .cny,
      monthlyFee: dec(fee),
      allowance: allowance,
      overagePerMillion: overage.map { try dec($0) },
      models: ["m"],
      effectiveFrom: instant("2026-01-01T00:00:00Z"),
      provenance: Provenance(
        source: "https://example.com",
        observed: CalendarDay("2026-01-01"),
        confidence: .official
      )
    )
  }

  @Test func withinTheAllowanceTheBreakEvenIsTheFeeOverThePrice() throws {
    let comparison = try PlanComparison(
      plan: plan(fee: "2", allowance: .tokensPerMonth(10_000_000)),
      month: month()
    )
    #expect(comparison.tokens == (try dec("3300000")))
    #expect(comparison.planCost == Money(try dec("2"), .cny))
    #expect(comparison.cheaper == .plan)
    // V* = F / c = ¥2 ÷ (¥3.60 / 3,300,000) = 1,833,333.3…, rounded at the 18th digit.
    #expect(comparison.breakEvenTokens == (try dec("1833333.333333333333333333")))
  }

  @Test func aboveTheAllowanceOverageMovesTheBreakEven() throws {
    let comparison = try PlanComparison(
      plan: plan(fee: "2", allowance: .tokensPerMonth(1_000_000), overage: "0.5"),
      month: month()
    )
    // ¥2 + (3,300,000 − 1,000,000) × ¥0.5 / 1M = ¥2 + ¥1.15 = ¥3.15 < ¥3.60.
    #expect(comparison.planCost == Money(try dec("3.15"), .cny))
    #expect(comparison.cheaper == .plan)
    // F / c = 1,833,333 is above the 1,000,000 allowance, so c·V = F + (V − A)·o:
    // V* = (2 − 0.5) / (3.6 / 3.3M − 0.5 / 1M) = 1.5 × 3.3M / 1.95 = 2,538,461.538….
    let breakEven = try #require(comparison.breakEvenTokens)
    #expect(breakEven == (try dec("2538461.538461538461538462")))
    // At V*, both cost the same: c·V* against F + (V* − A)·o, to 12 decimal places.
    let payAsYouGo = try (try dec("3.6") * breakEven).divided(by: dec("3300000"))
    let onPlan = try dec("2") + (try (breakEven - dec("1000000")) * dec("0.0000005"))
    #expect((try (payAsYouGo - onPlan).magnitude) < (try dec("0.000000000001")))
  }

  @Test func aPlanThatStopsAtItsAllowanceCannotServeMore() throws {
    let comparison = try PlanComparison(
      plan: plan(fee: "2", allowance: .tokensPerMonth(1_000_000)),
      month: month()
    )
    #expect(comparison.planCost == nil)
    #expect(comparison.cheaper == .planExceeded)
    // F / c = 1,833,333 tokens is beyond what the plan serves: no break-even.
    #expect(comparison.breakEvenTokens == nil)
    #expect(comparison.notes.contains { $0.contains("stops at 1000000 tokens") })
  }

  @Test func requestAllowancesAreNotComparedInTokens() throws {
    let comparison = try PlanComparison(
      plan: plan(fee: "40", allowance: .requests(count: 1_200, perHours: 5)),
      month: month()
    )
    #expect(comparison.cheaper == .notComparable)
    #expect(comparison.breakEvenTokens == nil)
  }

  @Test func aPlanMustCoverTheModelAndShareTheCurrency() throws {
    var other = try plan(fee: "2", allowance: .tokensPerMonth(10_000_000))
    other.models = ["n"]
    #expect(throws: PricingError.self) { try PlanComparison(plan: other, month: month()) }
  }

  @Test func theCommandLinePutsATencentPlanBesideDeepSeek() throws {
    let result = try LLMCostBinary.run([
      "monthly", "--workload", "customer-service", "--model", "deepseek-flash", "--month",
      "2026-11", "--requests-per-day", "100", "--plan", "tencent-tokenhub-token-plan-max", "--json",
    ])
    #expect(result.status == 0, "\(result.error)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    )
    let plan = try #require(object["plan"] as? [String: Any])
    let tokens = try dec(try #require(plan["tokens"] as? String))
    let payAsYouGo = try #require(plan["payAsYouGo"] as? [String: Any])
    let amount = try dec(try #require(payAsYouGo["amount"] as? String))
    let planCost = try #require(plan["planCost"] as? [String: Any])
    #expect(planCost["amount"] as? String == "599")
    #expect(plan["cheaper"] as? String == "payAsYouGo")
    // No break-even: the plan's lowest price per token, ¥599 for 650,000,000 tokens, is
    // above DeepSeek's average for this workload (P / V), so F / c exceeds the allowance.
    #expect(plan["breakEvenTokens"] == nil)
    let planPerToken = try dec("599").divided(by: dec("650000000"))
    #expect(planPerToken > (try amount.divided(by: tokens)))
    // Unknown plans suggest the closest ids.
    let unknown = try LLMCostBinary.run([
      "monthly", "--workload", "coding", "--model", "deepseek-flash", "--plan", "tencent-lite",
    ])
    #expect(unknown.status != 0)
    #expect(unknown.error.contains("tencent-tokenhub-token-plan"))
  }

  @Test func compareListsThePlanBesideEachCoveredOffering() throws {
    let result = try LLMCostBinary.run([
      "compare", "--workload", "customer-service", "--month", "2026-11", "--requests-per-day",
      "100", "--plan", "tencent-tokenhub-token-plan-lite", "--top", "40", "--json",
    ])
    #expect(result.status == 0, "\(result.error)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    )
    let plans = try #require(object["plans"] as? [[String: Any]])
    #expect(!plans.isEmpty)
    #expect(plans.allSatisfy { $0["plan"] as? String == "tencent-tokenhub-token-plan-lite" })
    // A plan in another currency than the comparison's is refused with what to pass.
    let usd = try LLMCostBinary.run([
      "compare", "--workload", "coding", "--currency", "USD", "--plan",
      "tencent-tokenhub-token-plan-lite",
    ])
    #expect(usd.status != 0)
    #expect(usd.error.contains("--currency CNY"))
  }
}
