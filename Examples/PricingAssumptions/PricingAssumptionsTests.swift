// How a team keeps its pricing assumptions as tests: each @Test states one belief about
// what the LLM bill will be, in the words a finance owner would use. When a provider
// changes a price, or the workload grows, `swift test` says which belief broke and by how
// much. Run with `swift test --filter PricingAssumptions`.
import Foundation
import LLMPricing
import Testing

@Suite("Our pricing assumptions for 2027")
struct PricingAssumptionsTests {
  /// The support bot: 20,000 conversations a day must stay under ¥20,000 a month on
  /// whichever of DeepSeek Flash or Qwen Plus is cheaper, in the first month of 2027 (a
  /// month whose holidays are not yet published: the explanation says so).
  @Test func supportBotFitsTheBudget() throws {
    try CostAssumption(
      .customerService,
      on: ["deepseek-flash", "qwen-plus"],
      in: "2027-01",
      under: "¥20,000"
    ).check()
  }

  /// Moving the coding assistant from Claude to DeepSeek saves at least 85% of the bill.
  @Test func deepSeekSavesAtLeast85PercentForCoding() throws {
    let claude = try WorkloadProfile.coding.monthlyCost(
      of: "claude-sonnet-5",
      in: "2027-01",
      currency: .cny
    )
    let deepSeek = try WorkloadProfile.coding.monthlyCost(
      of: "deepseek-flash",
      in: "2027-01",
      currency: .cny
    )
    let share = try deepSeek.reportingTotal.amount.divided(by: claude.reportingTotal.amount)
    #expect(share <= "0.15", "DeepSeek costs \(share.formatted(places: 3)) of Claude's bill")
  }

  /// Caching the 3,000-token system prompt cuts a request's input cost by more than half.
  @Test func cachingTheSystemPromptHalvesInputCost() throws {
    let flash = try Catalog.builtIn.offering(model: "deepseek-flash")
    let at = try Date("2027-01-05T14:00:00Z", strategy: .iso8601)  // 22:00 Beijing
    let cold = try TokenUsage.inclusive(promptTokens: 4_000, completionTokens: 300)
    let warm = try TokenUsage.inclusive(
      promptTokens: 4_000,
      cachedTokens: 3_000,
      completionTokens: 300
    )
    let saving = try flash.cost(of: cold, at: at).total - flash.cost(of: warm, at: at).total
    let input = try flash.cost(of: cold, at: at).lines.filter { $0.component == .input }
      .map { Money($0.amount, flash.currency) }.sum(in: flash.currency)
    #expect(
      try input.isLess(than: saving * 2),
      "saving \(saving.formatted()) of \(input.formatted())"
    )
  }

  /// The price a reseller quoted us beats the list price for our RAG workload's requests.
  @Test func resellerQuoteBeatsTheListPrice() throws {
    let quote = try PriceSheet(.cny, input: "0.3", cacheRead: "0.06", output: "1")
    let request = try TokenUsage.inclusive(
      promptTokens: 12_000,
      cachedTokens: 8_000,
      completionTokens: 600
    )
    let list = try Catalog.builtIn.price(
      request,
      model: "qwen-plus",
      at: Date("2027-01-05T02:00:00Z", strategy: .iso8601)
    )
    #expect(try quote.cost(of: request).total.isLess(than: list.total))
  }

  /// Tencent's ¥99 Token Plan pays for itself once the coding team passes its break-even.
  @Test func tokenPlanBreakEven() throws {
    let flash = try Catalog.builtIn.offering(model: "deepseek-flash")
    let month = try WorkloadProfile.coding.monthlyCost(on: flash, in: "2027-01")
    let plan = try Catalog.builtIn.plan(id: "tencent-tokenhub-token-plan-standard")
    let comparison = try PlanComparison(plan: plan, month: month)
    #expect(comparison.payAsYouGo == month.total)
    #expect(comparison.cheaper == .plan || comparison.breakEvenTokens != nil, "\(comparison)")
  }
}
