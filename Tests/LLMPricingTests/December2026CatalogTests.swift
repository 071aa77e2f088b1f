import Foundation
import LLMPricing
import Testing

/// Prices added or corrected on 2026-12-04, each checked against a hand computation.
@Suite("Catalog additions of December 2026")
struct December2026CatalogTests {
  static func offering(_ model: String, _ provider: String, _ currency: Currency) throws -> Offering
  {
    try Catalog.builtIn.offering(model: model, provider: provider, currency: currency)
  }

  static func cost(
    _ model: String,
    _ provider: String,
    _ currency: Currency,
    _ usage: TokenUsage,
    at text: String,
    batch: Bool = false
  ) throws -> CostBreakdown {
    try offering(model, provider, currency).schedule.cost(
      of: usage,
      at: instant(text),
      batch: batch
    )
  }

  static func money(_ text: String, _ currency: Currency) throws -> Money {
    Money(try FixedDecimal(text), currency)
  }

  // MARK: OpenAI

  @Test func gpt62SolDoublesInputAndCacheAbove272K() throws {
    let short = try TokenUsage(
      uncachedInput: 100_000,
      cacheRead: 100_000,
      cacheWrite: 50_000,
      output: 10_000
    )
    // 100,000 × $2 + 100,000 × $0.10 + 50,000 × $2.50 + 10,000 × $10, per million
    // = $0.20 + $0.01 + $0.125 + $0.10 = $0.435.
    let at = "2026-12-01T00:00:00Z"
    #expect(
      try Self.cost("gpt-6.2-sol", "openai", .usd, short, at: at).total == Self.money("0.435", .usd)
    )
    // 272,001 input tokens in all: the whole request at $4 / $0.20 / $5 / $15.
    let long = try TokenUsage(
      uncachedInput: 122_001,
      cacheRead: 100_000,
      cacheWrite: 50_000,
      output: 10_000
    )
    // 122,001 × $4 + 100,000 × $0.20 + 50,000 × $5 + 10,000 × $15, per million
    // = $0.488004 + $0.02 + $0.25 + $0.15 = $0.908004.
    #expect(
      try Self.cost("gpt-6.2-sol", "openai", .usd, long, at: at).total
        == Self.money("0.908004", .usd)
    )
    // Batch halves it: $0.2175.
    #expect(
      try Self.cost("gpt-6.2-sol", "openai", .usd, short, at: at, batch: true).total
        == Self.money("0.2175", .usd)
    )
    // Released 2026-11-17: nothing before.
    #expect(throws: PricingError.self) {
      try Self.cost("gpt-6.2-sol", "openai", .usd, short, at: "2026-11-16T23:59:59Z")
    }
  }

  @Test func gpt62AstraBillsWhatIsPublishedAndSaysWhatIsNot() throws {
    let usage = try TokenUsage(uncachedInput: 50_000, cacheRead: 50_000, output: 10_000)
    let cost = try Self.cost("gpt-6.2-astra", "openai", .usd, usage, at: "2026-12-01T00:00:00Z")
    // The cached price is unpublished, so hits bill at input: 100,000 × $8 + 10,000 × $40,
    // per million = $0.80 + $0.40 = $1.20, and the breakdown says why.
    #expect(cost.total == (try Self.money("1.2", .usd)))
    #expect(cost.notes.contains { $0.hasPrefix("cacheRead billed at the input price") })
    // Above 272K the price is unknown: refused, with the reason.
    let long = try TokenUsage(uncachedInput: 300_000, output: 1)
    let error = #expect(throws: PricingError.self) {
      try Self.cost("gpt-6.2-astra", "openai", .usd, long, at: "2026-12-01T00:00:00Z")
    }
    #expect(error?.message.contains("TokenMeter") == true)
  }

  // MARK: Alibaba

  @Test func internationalQwenCacheHitsCostAFifthFromMarch2026() throws {
    let usage = try TokenUsage(uncachedInput: 20_000, cacheRead: 80_000, output: 10_000)
    // qwen-flash ≤256K, before the rule's first dated copy: hits bill as input.
    // 100,000 × $0.05 + 10,000 × $0.40, per million = $0.005 + $0.004 = $0.009.
    #expect(
      try Self.cost("qwen-flash", "alibaba", .usd, usage, at: "2026-03-23T15:59:59Z").total
        == Self.money("0.009", .usd)
    )
    // From 2026-03-24 (Beijing): 20,000 × $0.05 + 80,000 × $0.01 + 10,000 × $0.40
    // = $0.001 + $0.0008 + $0.004 = $0.0058.
    #expect(
      try Self.cost("qwen-flash", "alibaba", .usd, usage, at: "2026-03-23T16:00:00Z").total
        == Self.money("0.0058", .usd)
    )
    // Every International list gets 20% of its input price in every tier.
    for model in ["qwen-max", "qwen-plus", "qwen-turbo", "qwen-flash", "qwen3-max"] {
      let sheet = try Self.offering(model, "alibaba", .usd).schedule
        .entry(at: instant("2026-10-01T00:00:00Z")).sheet
      for tier in sheet.tiers {
        #expect(tier.prices.cacheRead == (try tier.prices.input * FixedDecimal("0.2")), "\(model)")
      }
    }
  }

  @Test func qwenTurboRetiredOnOctober10InBothRegions() throws {
    let usage = try TokenUsage(uncachedInput: 500_000, cacheRead: 500_000, output: 100_000)
    // The day before, in Beijing, hits still bill as input (their 20% price has no dated
    // source) and say so: 1,000,000 × ¥0.3 + 100,000 × ¥0.6 = ¥0.30 + ¥0.06 = ¥0.36.
    let last = try Self.cost("qwen-turbo", "alibaba", .cny, usage, at: "2026-10-09T15:59:59Z")
    #expect(last.total == (try Self.money("0.36", .cny)))
    #expect(last.notes.contains { $0.contains("20% of input") })
    for currency in [Currency.cny, .usd] {
      let error = #expect(throws: PricingError.self) {
        try Self.cost("qwen-turbo", "alibaba", currency, usage, at: "2026-10-10T00:00:00+08:00")
      }
      #expect(error?.message.contains("Qwen3.6/Qwen3.7") == true)
    }
    #expect(try Self.offering("qwen-turbo", "alibaba", .cny).model.contextWindow == 131_072)
  }

  @Test func qwen35PlusUSDGainsItsUpperTierOnMarch2() throws {
    let long = try TokenUsage(uncachedInput: 300_000, output: 10_000)
    // Before the upper tier was seen, a 300K prompt is refused with the reason.
    let error = #expect(throws: PricingError.self) {
      try Self.cost("qwen3.5-plus", "alibaba", .usd, long, at: "2026-02-20T00:00:00Z")
    }
    #expect(error?.message.contains("#22596") == true)
    // From 2026-03-02 (Beijing): 300,000 × $0.50 + 10,000 × $3 = $0.15 + $0.03 = $0.18.
    #expect(
      try Self.cost("qwen3.5-plus", "alibaba", .usd, long, at: "2026-03-01T16:00:00Z").total
        == Self.money("0.18", .usd)
    )
    // ≤256K: 100,000 × $0.40 + 10,000 × $2.40 = $0.04 + $0.024 = $0.064.
    let short = try TokenUsage(uncachedInput: 100_000, output: 10_000)
    #expect(
      try Self.cost("qwen3.5-plus", "alibaba", .usd, short, at: "2026-02-20T00:00:00Z").total
        == Self.money("0.064", .usd)
    )
  }

  @Test func qwen36PlusTiersInBothCurrencies() throws {
    let usage = try TokenUsage(uncachedInput: 300_000, output: 10_000)
    // CNY above 256K: 300,000 × ¥8 + 10,000 × ¥48 = ¥2.40 + ¥0.48 = ¥2.88.
    #expect(
      try Self.cost("qwen3.6-plus", "alibaba", .cny, usage, at: "2026-06-01T00:00:00Z").total
        == Self.money("2.88", .cny)
    )
    // USD above 256K: 300,000 × $2 + 10,000 × $6 = $0.60 + $0.06 = $0.66.
    #expect(
      try Self.cost("qwen3.6-plus", "alibaba", .usd, usage, at: "2026-06-01T00:00:00Z").total
        == Self.money("0.66", .usd)
    )
    // Each starts at its first dated observation, not at the 2026-04-02 launch.
    #expect(throws: PricingError.self) {
      try Self.cost("qwen3.6-plus", "alibaba", .cny, usage, at: "2026-04-06T15:59:59Z")
    }
    #expect(throws: PricingError.self) {
      try Self.cost("qwen3.6-plus", "alibaba", .usd, usage, at: "2026-05-10T15:59:59Z")
    }
  }

  @Test func qwen37PlusUSDWithItsCachePrice() throws {
    let usage = try TokenUsage(uncachedInput: 50_000, cacheRead: 150_000, output: 20_000)
    // 50,000 × $0.40 + 150,000 × $0.08 + 20,000 × $1.60 = $0.02 + $0.012 + $0.032 = $0.064.
    #expect(
      try Self.cost("qwen3.7-plus", "alibaba", .usd, usage, at: "2026-12-01T00:00:00Z").total
        == Self.money("0.064", .usd)
    )
  }

  // MARK: Other providers

  @Test func miniMaxM2USDCachePricesFromNovember2025() throws {
    let usage = try TokenUsage(
      uncachedInput: 100_000,
      cacheRead: 800_000,
      cacheWrite: 100_000,
      output: 50_000
    )
    // Before: all 1,000,000 input at $0.30 + 50,000 × $1.20 = $0.30 + $0.06 = $0.36.
    #expect(
      try Self.cost("MiniMax-M2", "minimax", .usd, usage, at: "2025-11-05T15:59:59Z").total
        == Self.money("0.36", .usd)
    )
    // After: 100,000 × $0.30 + 800,000 × $0.03 + 100,000 × $0.375 + 50,000 × $1.20
    // = $0.03 + $0.024 + $0.0375 + $0.06 = $0.1515.
    #expect(
      try Self.cost("MiniMax-M2", "minimax", .usd, usage, at: "2025-11-05T16:00:00Z").total
        == Self.money("0.1515", .usd)
    )
  }

  @Test func doubaoPro32kCacheHitsFromJanuary2025() throws {
    let usage = try TokenUsage(uncachedInput: 200_000, cacheRead: 800_000, output: 100_000)
    // 200,000 × ¥0.8 + 800,000 × ¥0.16 + 100,000 × ¥2 = ¥0.16 + ¥0.128 + ¥0.2 = ¥0.488.
    #expect(
      try Self.cost("doubao-pro-32k", "bytedance", .cny, usage, at: "2025-01-10T00:00:00Z").total
        == Self.money("0.488", .cny)
    )
    // doubao-lite-32k's hit price is known to exist but not citable: input price, noted.
    let lite = try Self.cost(
      "doubao-lite-32k",
      "bytedance",
      .cny,
      usage,
      at: "2025-06-01T00:00:00Z"
    )
    // 1,000,000 × ¥0.3 + 100,000 × ¥0.6 = ¥0.30 + ¥0.06 = ¥0.36.
    #expect(lite.total == (try Self.money("0.36", .cny)))
    #expect(lite.notes.count == 1)
    // Both retired on 2025-11-27 at 14:00 Beijing time, naming their Seed 1.6 successors.
    for (model, successor) in [
      ("doubao-pro-32k", "doubao-seed-1.6"), ("doubao-lite-32k", "doubao-seed-1.6-flash"),
    ] {
      // The second before, each is still priced.
      _ = try Self.cost(model, "bytedance", .cny, usage, at: "2025-11-27T05:59:59Z")
      let error = #expect(throws: PricingError.self) {
        try Self.cost(model, "bytedance", .cny, usage, at: "2025-11-27T06:00:00Z")
      }
      #expect(error?.message.contains(successor) == true, "\(model)")
    }
  }

  @Test func tencentRetiredItsLegacyHunyuanModelsIn2026() throws {
    let usage = try TokenUsage(uncachedInput: 1_000_000, output: 1_000_000)
    // hunyuan-standard: ¥0.8 + ¥2 = ¥2.80 on the last day.
    #expect(
      try Self.cost("hunyuan-standard", "tencent", .cny, usage, at: "2026-06-21T15:59:59Z").total
        == Self.money("2.8", .cny)
    )
    for model in [
      "hunyuan-standard", "hunyuan-standard-256K", "hunyuan-turbos-latest", "hunyuan-t1-latest",
    ] {
      let error = #expect(throws: PricingError.self) {
        try Self.cost(model, "tencent", .cny, usage, at: "2026-06-22T00:00:00+08:00")
      }
      #expect(error?.message.contains("hy3-preview") == true, "\(model)")
    }
    // hunyuan-lite and hunyuan-pro end with the old platform on 2026-09-30.
    for model in ["hunyuan-lite", "hunyuan-pro"] {
      #expect(throws: PricingError.self) {
        try Self.cost(model, "tencent", .cny, usage, at: "2026-09-30T00:00:00+08:00")
      }
    }
  }

  @Test func step2MiniRetiredInJuly2026() throws {
    let usage = try TokenUsage(uncachedInput: 1_000, output: 1_000)
    let error = #expect(throws: PricingError.self) {
      try Self.cost("step-2-mini", "stepfun", .cny, usage, at: "2026-07-08T00:00:00Z")
    }
    #expect(error?.message.contains("retired") == true)
    // 1,000 × ¥1 + 1,000 × ¥2, per million = ¥0.003, the day before.
    #expect(
      try Self.cost("step-2-mini", "stepfun", .cny, usage, at: "2026-07-07T15:59:59Z").total
        == Self.money("0.003", .cny)
    )
  }
}
