import Foundation
import LLMPricing
import Testing

/// Service tiers, tool fees, residency uplifts and thinking mode, on a hand-built sheet.
@Suite("Billing rules of 2026")
struct BillingRulesTests {
  /// USD: 2 input / 0.2 cached / 10 output up to 272,000 input tokens, 4 / 0.4 / 15 above;
  /// thinking output 20 / 30; batch ×0.5; flex ×0.5; priority with its own single tier
  /// 5 / 0.5 / 25; web search $0.01 a call (1,500 free a day); US residency ×1.1.
  func sheet(windows: [TimeWindow] = []) throws -> PriceSheet {
    try PriceSheet(
      currency: .usd,
      tiers: [
        PriceTier(
          input: TokenRange(upTo: 272_000),
          prices: ComponentPrices(
            input: dec("2"),
            cacheRead: dec("0.2"),
            output: dec("10"),
            thinkingOutput: dec("20")
          )
        ),
        PriceTier(
          input: TokenRange(from: 272_000, lowerIsInclusive: false, to: nil),
          prices: ComponentPrices(
            input: dec("4"),
            cacheRead: dec("0.4"),
            output: dec("15"),
            thinkingOutput: dec("30")
          )
        ),
      ],
      batchMultiplier: dec("0.5"),
      serviceTiers: [
        ServiceTier(name: "flex", effect: .multiplier(try dec("0.5"))),
        ServiceTier(
          name: "priority",
          effect: .tiers([
            PriceTier(
              input: TokenRange(upTo: 272_000),
              prices: ComponentPrices(input: dec("5"), cacheRead: dec("0.5"), output: dec("25"))
            )
          ])
        ),
      ],
      toolFees: [
        ToolFee(
          name: "web_search",
          perCall: dec("0.01"),
          freeCalls: ToolFee.FreeCalls(calls: 1_500, period: .day)
        )
      ],
      uplifts: [PriceUplift(name: "us", multiplier: dec("1.1"))]
    )
  }

  func cost(
    _ usage: TokenUsage,
    _ options: RequestOptions,
    batch: Bool = false
  ) throws -> CostBreakdown {
    try schedule(sheet()).cost(
      of: usage,
      at: instant("2026-11-01T04:00:00Z"),
      batch: batch,
      options: options
    )
  }

  let usage: TokenUsage

  init() throws {
    usage = try TokenUsage(uncachedInput: 100_000, cacheRead: 50_000, output: 10_000)
  }

  @Test func standardOptionsAreTheFastPath() throws {
    // 100,000 × $2 + 50,000 × $0.20 + 10,000 × $10 = $0.20 + $0.01 + $0.10 = $0.31.
    let standard = try cost(usage, .none)
    #expect(standard.total == Money(try dec("0.31"), .usd))
    #expect(try cost(usage, RequestOptions(serviceTier: "default")).total == standard.total)
    #expect(try cost(usage, RequestOptions(residency: "global")).total == standard.total)
    #expect(
      try schedule(sheet()).totalCost(of: usage, at: instant("2026-11-01T04:00:00Z"))
        == standard.total
    )
  }

  @Test func flexHalvesEveryTokenPrice() throws {
    // $0.31 × 0.5 = $0.155, cache hits included.
    let flex = try cost(usage, RequestOptions(serviceTier: "FLEX"))
    #expect(flex.total == Money(try dec("0.155"), .usd))
    #expect(flex.adjustments.contains("flex service tier ×0.5"))
  }

  @Test func aServiceTierWithItsOwnTiersReplacesTheStandardOnes() throws {
    // 100,000 × $5 + 50,000 × $0.50 + 10,000 × $25 = $0.50 + $0.025 + $0.25 = $0.775.
    #expect(
      try cost(usage, RequestOptions(serviceTier: "priority")).total
        == Money(try dec("0.775"), .usd)
    )
    // Priority sells nothing above 272,000 input tokens here: refused, not priced standard.
    let long = try TokenUsage(uncachedInput: 300_000, output: 1)
    let error = #expect(throws: PricingError.self) {
      try cost(long, RequestOptions(serviceTier: "priority"))
    }
    #expect(error?.code == .noMatchingTier)
  }

  @Test func unknownChoicesNameWhatTheSheetSells() throws {
    let tier = #expect(throws: PricingError.self) {
      try cost(usage, RequestOptions(serviceTier: "scale"))
    }
    #expect(tier?.code == .unknownBillingOption)
    #expect(tier?.message.contains("standard, flex, priority") == true)
    let geo = #expect(throws: PricingError.self) {
      try cost(usage, RequestOptions(residency: "eu"))
    }
    #expect(geo?.message.contains("global, us") == true)
    let tool = #expect(throws: PricingError.self) {
      try cost(usage, RequestOptions(toolCalls: ["file_search": 1]))
    }
    #expect(tool?.message.contains("web_search") == true)
    let both = #expect(throws: PricingError.self) {
      try cost(usage, RequestOptions(serviceTier: "flex"), batch: true)
    }
    #expect(both?.code == .invalidUsage)
  }

  @Test func toolCallsAddANamedLineAndSayTheAllowanceIsNotApplied() throws {
    let searched = try cost(usage, RequestOptions(toolCalls: ["web_search": 3]))
    // $0.31 + 3 × $0.01 = $0.34.
    #expect(searched.total == Money(try dec("0.34"), .usd))
    let line = try #require(searched.lines.first { $0.component == .toolCalls })
    #expect(line.name == "web_search" && line.tokens == 3)
    #expect(line.amount == (try dec("0.03")))
    #expect(searched.notes.contains { $0.contains("1500 calls per day") })
  }

  @Test func residencyMultipliesTokensNotTools() throws {
    // $0.31 × 1.1 + 2 × $0.01 = $0.341 + $0.02 = $0.361.
    let us = try cost(usage, RequestOptions(residency: "us", toolCalls: ["web_search": 2]))
    #expect(us.total == Money(try dec("0.361"), .usd))
    // Flex and US together: $0.31 × 0.5 × 1.1 = $0.1705.
    #expect(
      try cost(usage, RequestOptions(serviceTier: "flex", residency: "us")).total
        == Money(try dec("0.1705"), .usd)
    )
  }

  @Test func thinkingModeBillsTheWholeOutputAtTheThinkingPrice() throws {
    // Reasoning tokens reveal thinking mode, on the fast path too: 100,000 × $2 + 4,000
    // visible × $20 + 6,000 reasoning × $20 = $0.20 + $0.08 + $0.12 = $0.40.
    let thought = try TokenUsage(uncachedInput: 100_000, output: 4_000, reasoning: 6_000)
    let at = try instant("2026-11-01T04:00:00Z")
    let schedule = try schedule(sheet())
    #expect(try schedule.totalCost(of: thought, at: at) == Money(try dec("0.4"), .usd))
    #expect(try schedule.cost(of: thought, at: at).total == Money(try dec("0.4"), .usd))
    #expect(try schedule.cost(of: thought, at: at).adjustments.contains("thinking-mode output"))
    // Declared thinking without reasoning tokens: 100,000 × $2 + 10,000 × $20 = $0.40.
    let declared = try TokenUsage(uncachedInput: 100_000, output: 10_000)
    #expect(try cost(declared, RequestOptions(thinking: true)).total == Money(try dec("0.4"), .usd))
    // Declared non-thinking with reasoning tokens: 100,000 × $2 + 10,000 × $10 = $0.30.
    #expect(try cost(thought, RequestOptions(thinking: false)).total == Money(try dec("0.3"), .usd))
    // Above 272K the long-context thinking price: 300,000 × $4 + 10,000 × $30 = $1.50.
    let long = try TokenUsage(uncachedInput: 300_000, output: 4_000, reasoning: 6_000)
    #expect(try schedule.totalCost(of: long, at: at) == Money(try dec("1.5"), .usd))
  }

  @Test func sheetsRefuseBrokenRules() throws {
    #expect(throws: PricingError.self) {
      try PriceSheet(
        currency: .usd,
        tiers: [PriceTier(prices: ComponentPrices(input: dec("1"), output: dec("1")))],
        serviceTiers: [ServiceTier(name: "standard", effect: .multiplier(try dec("2")))]
      )
    }
    #expect(throws: PricingError.self) {
      try PriceSheet(
        currency: .usd,
        tiers: [PriceTier(prices: ComponentPrices(input: dec("1"), output: dec("1")))],
        uplifts: [PriceUplift(name: "us", multiplier: dec("0"))]
      )
    }
  }

  @Test func rulesRoundTripThroughTheCatalogFormat() throws {
    let original = try sheet()
    let data = try JSONEncoder().encode(original)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"serviceTiers\"") && text.contains("\"thinkingOutput\""))
    #expect(try JSONDecoder().decode(PriceSheet.self, from: data) == original)
  }
}

/// Twelve-hour cache writes, priced only where a provider sells them.
@Suite("Twelve-hour cache writes")
struct TwelveHourCacheWriteTests {
  @Test func gpt62SolSellsThemAndOthersRefuseThem() throws {
    let sol = try Catalog.builtIn.offering(model: "gpt-6.2-sol", currency: .usd)
    let at = try instant("2026-12-01T00:00:00Z")
    // 50,000 fresh × $2 + 50,000 twelve-hour writes × $5 + 1,000 out × $10, per million
    // = $0.10 + $0.25 + $0.01 = $0.36; the fast path and the breakdown agree.
    let usage = try TokenUsage(uncachedInput: 50_000, cacheWrite12h: 50_000, output: 1_000)
    #expect(try sol.schedule.totalCost(of: usage, at: at) == Money(try dec("0.36"), .usd))
    #expect(try sol.schedule.cost(of: usage, at: at).total == Money(try dec("0.36"), .usd))
    #expect(
      try sol.schedule.cost(of: usage, at: at, options: RequestOptions(serviceTier: "default"))
        .total == Money(try dec("0.36"), .usd)
    )
    // gpt-6.1-sol publishes no twelve-hour price: refused, not billed at zero or at input.
    let sol61 = try Catalog.builtIn.offering(model: "gpt-6.1-sol", currency: .usd)
    let error = #expect(throws: PricingError.self) {
      try sol61.schedule.totalCost(of: usage, at: at)
    }
    #expect(error?.code == .unknownBillingOption)
    // A normalised log line carries them, on the scanner's path.
    let line =
      #"{"timestamp": "2026-12-01T00:00:00Z", "model": "gpt-6.2-sol", "usage": "#
      + #"{"uncachedInput": 50000, "cacheWrite12h": 50000, "output": 1000}}"#
    var ingestor = try UsageIngestor()
    ingestor.ingest(line: Data(line.utf8), number: 1)
    #expect(ingestor.currentReport().total == (try dec("0.36")))
  }
}
