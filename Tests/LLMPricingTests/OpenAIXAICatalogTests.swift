import Foundation
import LLMPricing
import Testing

@Suite("OpenAI and xAI built-in prices")
struct OpenAIXAICatalogTests {
  /// The built-in USD offering of a model from a provider.
  static func offering(_ model: String, _ provider: String) throws -> Offering {
    try Catalog.builtIn.offering(model: model, provider: provider, currency: .usd)
  }

  /// The total cost of a usage at an instant, in USD.
  static func total(
    _ model: String,
    _ provider: String,
    _ usage: TokenUsage,
    at time: String,
    batch: Bool = false
  ) throws -> Money {
    let at = try #require(try? Date(time, strategy: .iso8601))
    return try offering(model, provider).schedule.cost(of: usage, at: at, batch: batch).total
  }

  static func usd(_ text: String) throws -> Money { Money(try FixedDecimal(text), .usd) }

  static func errorCode(
    _ model: String,
    _ provider: String,
    _ usage: TokenUsage,
    at time: String,
    batch: Bool = false
  ) -> PricingError.Code? {
    do {
      _ = try total(model, provider, usage, at: time, batch: batch)
      return nil
    } catch let error as PricingError {
      return error.code
    } catch {
      return nil
    }
  }

  // MARK: Catalog shape

  @Test func bothProvidersAreListedInUSDWithOutputPricedReasoning() throws {
    let openAI = Catalog.builtIn.offerings.filter { $0.provider.id == "openai" }
    let xAI = Catalog.builtIn.offerings.filter { $0.provider.id == "xai" }
    // 15, and GPT-6.1 Sol and Terra, GPT-6 Luna, Sol and Astra, GPT-5.6 Sol, Terra and
    // Luna, GPT-5.5, GPT-5.4 and its mini and nano (added 2026-12-03), GPT-6.2 Sol and
    // Astra (2026-12-04).
    #expect(openAI.count == 29)
    // 7, and Grok 4.7, 4.6 and 4.5.
    #expect(xAI.count == 10)
    for offering in openAI + xAI {
      #expect(offering.currency == .usd, "\(offering.id)")
      #expect(offering.provider.country == "US")
      for entry in offering.schedule.entries {
        #expect(entry.provenance.source.hasPrefix("https://"), "\(offering.id)")
        #expect(entry.provenance.note?.isEmpty == false, "\(offering.id)")
        for tier in entry.sheet.tiers {
          #expect(tier.prices.reasoning == nil, "\(offering.id): reasoning is billed as output")
          // OpenAI bills cache writes from GPT-5.6 on, at 1.25 × input; earlier models and
          // xAI do not.
          // A write price recorded as missing (GPT-6.2 Astra's is unpublished) stays absent.
          let writesBilled =
            (offering.model.id.hasPrefix("gpt-6") || offering.model.id.hasPrefix("gpt-5.6"))
            && !entry.provenance.missing.contains { $0.component == .cacheWrite }
          let expectedWrite = writesBilled ? try tier.prices.input * FixedDecimal("1.25") : nil
          #expect(tier.prices.cacheWrite == expectedWrite, "\(offering.id)")
        }
        // No source shows GPT-6.2 Astra's batch discount, so none is recorded.
        let batchSourced = offering.provider.id == "openai" && offering.model.id != "gpt-6.2-astra"
        let expectedBatch = batchSourced ? FixedDecimal("0.5") : nil
        #expect(entry.sheet.batchMultiplier == expectedBatch, "\(offering.id)")
      }
    }
  }

  @Test func datedSnapshotsResolveToTheirOwnPrices() throws {
    #expect(try Self.offering("gpt-4o-2024-08-06", "openai").model.id == "gpt-4o-2024-08-06")
    #expect(try Self.offering("gpt-4o-2024-05-13", "openai").model.id == "gpt-4o-2024-05-13")
    #expect(try Self.offering("openai/o3-2025-04-16", "openai").model.id == "o3")
    #expect(try Self.offering("gpt-5.2-2025-12-11", "openai").model.id == "gpt-5.2")
    #expect(try Self.offering("grok-4-0709", "xai").model.id == "grok-4")
    #expect(try Self.offering("grok-4-fast", "xai").model.id == "grok-4-fast-reasoning")
    #expect(try Self.offering("xai/grok-4.3-latest", "xai").model.id == "grok-4.3")
  }

  // MARK: OpenAI

  @Test func theGPT4oAliasMovesToTheCheaperSnapshotOnOctober2() throws {
    let usage = try TokenUsage(uncachedInput: 10_000, output: 2_000)
    // 10,000 in × $5 + 2,000 out × $15, per million = $0.05 + $0.03 = $0.08.
    #expect(
      try Self.total("gpt-4o", "openai", usage, at: "2024-10-01T23:59:59Z") == Self.usd("0.08")
    )
    // 10,000 in × $2.50 + 2,000 out × $10, per million = $0.025 + $0.02 = $0.045.
    #expect(
      try Self.total("gpt-4o", "openai", usage, at: "2024-10-02T00:00:00Z") == Self.usd("0.045")
    )
    // The pinned launch snapshot keeps its launch price.
    #expect(
      try Self.total("gpt-4o-2024-05-13", "openai", usage, at: "2025-03-01T00:00:00Z")
        == Self.usd("0.08")
    )
    #expect(
      Self.errorCode("gpt-4o", "openai", usage, at: "2024-05-12T23:59:59Z") == .noPriceInEffect
    )
  }

  @Test func promptCachingStartsOnOctober1ForTheAugustSnapshot() throws {
    let usage = try TokenUsage(uncachedInput: 2_000, cacheRead: 8_000, output: 500)
    // Before caching, hits bill as input: 10,000 × $2.50 + 500 × $10 = $0.025 + $0.005.
    #expect(
      try Self.total("gpt-4o-2024-08-06", "openai", usage, at: "2024-09-30T12:00:00Z")
        == Self.usd("0.03")
    )
    // 2,000 × $2.50 + 8,000 × $1.25 + 500 × $10, per million = $0.005 + $0.01 + $0.005.
    #expect(
      try Self.total("gpt-4o-2024-08-06", "openai", usage, at: "2024-10-01T00:00:00Z")
        == Self.usd("0.02")
    )
    // gpt-4o-mini: 2,000 × $0.15 + 8,000 × $0.075 + 500 × $0.60 = $0.0003 + $0.0006 + $0.0003.
    #expect(
      try Self.total("gpt-4o-mini", "openai", usage, at: "2024-11-01T00:00:00Z")
        == Self.usd("0.0012")
    )
    #expect(
      try Self.total("gpt-4o-2024-11-20", "openai", usage, at: "2025-01-01T00:00:00Z")
        == Self.usd("0.02")
    )
  }

  @Test func o3CostsOneFifthFromJune10AndBillsReasoningAsOutput() throws {
    let usage = try TokenUsage(uncachedInput: 80_000, cacheRead: 20_000, output: 10_000)
    // 80,000 × $10 + 20,000 × $2.50 + 10,000 × $40, per million = $0.80 + $0.05 + $0.40.
    #expect(try Self.total("o3", "openai", usage, at: "2025-06-09T23:59:59Z") == Self.usd("1.25"))
    // 80,000 × $2 + 20,000 × $0.50 + 10,000 × $8, per million = $0.16 + $0.01 + $0.08.
    #expect(try Self.total("o3", "openai", usage, at: "2025-06-10T00:00:00Z") == Self.usd("0.25"))
    let thinking = try TokenUsage(
      uncachedInput: 80_000,
      cacheRead: 20_000,
      output: 1_000,
      reasoning: 9_000
    )
    #expect(
      try Self.total("o3", "openai", thinking, at: "2025-07-01T00:00:00Z") == Self.usd("0.25")
    )
    // o4-mini: 80,000 × $1.10 + 20,000 × $0.275 + 10,000 × $4.40 = $0.088 + $0.0055 + $0.044.
    #expect(
      try Self.total("o4-mini", "openai", usage, at: "2025-07-01T00:00:00Z") == Self.usd("0.1375")
    )
  }

  @Test func gpt5IsHalfPriceInBatchCacheHitsIncluded() throws {
    let usage = try TokenUsage(uncachedInput: 2_000, cacheRead: 8_000, output: 2_000)
    // 2,000 × $1.25 + 8,000 × $0.125 + 2,000 × $10, per million
    // = $0.0025 + $0.001 + $0.02 = $0.0235.
    #expect(
      try Self.total("gpt-5", "openai", usage, at: "2025-09-01T00:00:00Z") == Self.usd("0.0235")
    )
    #expect(
      try Self.total("gpt-5", "openai", usage, at: "2025-09-01T00:00:00Z", batch: true)
        == Self.usd("0.01175")
    )
    let big = try TokenUsage(uncachedInput: 1_000_000, output: 100_000)
    // mini: $0.25 + 100,000 × $2 / 1M = $0.45; nano: $0.05 + 100,000 × $0.40 / 1M = $0.09.
    #expect(
      try Self.total("gpt-5-mini", "openai", big, at: "2025-09-01T00:00:00Z") == Self.usd("0.45")
    )
    #expect(
      try Self.total("gpt-5-nano", "openai", big, at: "2025-09-01T00:00:00Z") == Self.usd("0.09")
    )
    #expect(
      Self.errorCode("gpt-5", "openai", usage, at: "2025-08-06T23:59:59Z") == .noPriceInEffect
    )
  }

  @Test func gpt41FamilyAndGPT52() throws {
    let usage = try TokenUsage(uncachedInput: 50_000, cacheRead: 50_000, output: 5_000)
    // 50,000 × $2 + 50,000 × $0.50 + 5,000 × $8, per million = $0.10 + $0.025 + $0.04.
    #expect(
      try Self.total("gpt-4.1", "openai", usage, at: "2025-05-01T00:00:00Z") == Self.usd("0.165")
    )
    // 50,000 × $0.40 + 50,000 × $0.10 + 5,000 × $1.60 = $0.02 + $0.005 + $0.008.
    #expect(
      try Self.total("gpt-4.1-mini", "openai", usage, at: "2025-05-01T00:00:00Z")
        == Self.usd("0.033")
    )
    // 50,000 × $0.10 + 50,000 × $0.025 + 5,000 × $0.40 = $0.005 + $0.00125 + $0.002.
    #expect(
      try Self.total("gpt-4.1-nano", "openai", usage, at: "2025-05-01T00:00:00Z")
        == Self.usd("0.00825")
    )
    let small = try TokenUsage(uncachedInput: 10_000, output: 1_000)
    // 10,000 × $1.75 + 1,000 × $14, per million = $0.0175 + $0.014 = $0.0315.
    #expect(
      try Self.total("gpt-5.2", "openai", small, at: "2026-01-15T00:00:00Z") == Self.usd("0.0315")
    )
    #expect(
      Self.errorCode("gpt-5.2", "openai", small, at: "2025-12-10T23:59:59Z") == .noPriceInEffect
    )
  }

  @Test func theOctober2026ShutdownWaveEndsPricing() throws {
    let usage = try TokenUsage(uncachedInput: 10_000, output: 10_000)
    // o1: 10,000 × $15 + 10,000 × $60, per million = $0.15 + $0.60 = $0.75.
    #expect(try Self.total("o1", "openai", usage, at: "2026-10-22T23:59:59Z") == Self.usd("0.75"))
    for model in ["o1", "o4-mini", "gpt-4.1-nano", "gpt-4o-2024-05-13"] {
      #expect(
        Self.errorCode(model, "openai", usage, at: "2026-10-23T00:00:00Z") == .noPriceInEffect,
        "\(model)"
      )
    }
    // The rest are still sold.
    #expect(
      try Self.total("gpt-4.1", "openai", usage, at: "2026-11-01T00:00:00Z") == Self.usd("0.1")
    )
  }

  // MARK: xAI

  @Test func grok43DoublesEveryRateOnceThePromptReaches200K() throws {
    let short = try TokenUsage(uncachedInput: 50_000, cacheRead: 100_000, output: 10_000)
    // 50,000 × $1.25 + 100,000 × $0.20 + 10,000 × $2.50, per million
    // = $0.0625 + $0.02 + $0.025 = $0.1075.
    #expect(
      try Self.total("grok-4.3", "xai", short, at: "2026-06-01T00:00:00Z") == Self.usd("0.1075")
    )
    let long = try TokenUsage(uncachedInput: 150_000, cacheRead: 100_000, output: 10_000)
    // 250,000 input ≥ 200K: 150,000 × $2.50 + 100,000 × $0.40 + 10,000 × $5
    // = $0.375 + $0.04 + $0.05 = $0.465.
    #expect(
      try Self.total("grok-4.3", "xai", long, at: "2026-06-01T00:00:00Z") == Self.usd("0.465")
    )
    // The boundary: 199,999 × $1.25 = $0.24999875; 200,000 × $2.50 = $0.50.
    let below = try TokenUsage(uncachedInput: 199_999)
    #expect(
      try Self.total("grok-4.3", "xai", below, at: "2026-06-01T00:00:00Z")
        == Self.usd("0.24999875")
    )
    let at = try TokenUsage(uncachedInput: 200_000)
    #expect(try Self.total("grok-4.3", "xai", at, at: "2026-06-01T00:00:00Z") == Self.usd("0.5"))
    // Cached tokens count toward the threshold: 100,000 × $2.50 + 100,000 × $0.40 = $0.29.
    let mixed = try TokenUsage(uncachedInput: 100_000, cacheRead: 100_000)
    #expect(
      try Self.total("grok-4.3", "xai", mixed, at: "2026-06-01T00:00:00Z") == Self.usd("0.29")
    )
    #expect(
      Self.errorCode("grok-4.3", "xai", short, at: "2026-04-29T23:59:59Z") == .noPriceInEffect
    )
  }

  @Test func grok4IsPricedUpTo128KAndRetiredOnMay15() throws {
    let usage = try TokenUsage(uncachedInput: 10_000, output: 2_000)
    // 10,000 × $3 + 2,000 × $15, per million = $0.03 + $0.03 = $0.06.
    #expect(try Self.total("grok-4", "xai", usage, at: "2025-08-01T00:00:00Z") == Self.usd("0.06"))
    // 128,000 × $3 / 1M = $0.384; one token more has no sourced price.
    let edge = try TokenUsage(uncachedInput: 128_000)
    #expect(try Self.total("grok-4", "xai", edge, at: "2025-08-01T00:00:00Z") == Self.usd("0.384"))
    let over = try TokenUsage(uncachedInput: 128_001)
    #expect(Self.errorCode("grok-4", "xai", over, at: "2025-08-01T00:00:00Z") == .noMatchingTier)
    // 12:00 PT on 2026-05-15 is 19:00 UTC.
    #expect(try Self.total("grok-4", "xai", usage, at: "2026-05-15T18:59:59Z") == Self.usd("0.06"))
    for model in [
      "grok-3", "grok-4", "grok-4-fast", "grok-4-fast-non-reasoning", "grok-code-fast-1",
    ] {
      #expect(
        Self.errorCode(model, "xai", usage, at: "2026-05-15T19:00:00Z") == .noPriceInEffect,
        "\(model)"
      )
    }
  }

  @Test func otherGrokModels() throws {
    // grok-3: 5,000 × $3 + 5,000 × $0.75 + 1,000 × $15, per million
    // = $0.015 + $0.00375 + $0.015 = $0.03375.
    let grok3 = try TokenUsage(uncachedInput: 5_000, cacheRead: 5_000, output: 1_000)
    #expect(
      try Self.total("grok-3", "xai", grok3, at: "2025-06-02T00:00:00Z") == Self.usd("0.03375")
    )
    #expect(
      Self.errorCode("grok-3", "xai", grok3, at: "2025-06-01T23:59:59Z") == .noPriceInEffect
    )
    // grok-3-mini: 100,000 × $0.30 + 20,000 × $0.50 = $0.03 + $0.01; not retired.
    let mini = try TokenUsage(uncachedInput: 100_000, output: 20_000)
    #expect(
      try Self.total("grok-3-mini", "xai", mini, at: "2026-11-01T00:00:00Z") == Self.usd("0.04")
    )
    // grok-code-fast-1: 100,000 × $0.20 + 900,000 × $0.02 + 50,000 × $1.50, per million
    // = $0.02 + $0.018 + $0.075 = $0.113.
    let code = try TokenUsage(uncachedInput: 100_000, cacheRead: 900_000, output: 50_000)
    #expect(
      try Self.total("grok-code-fast-1", "xai", code, at: "2025-10-01T00:00:00Z")
        == Self.usd("0.113")
    )
    // grok-4-fast, both modes: 100,000 × $0.20 + 10,000 × $0.50 = $0.02 + $0.005.
    let fast = try TokenUsage(uncachedInput: 100_000, output: 10_000)
    for model in ["grok-4-fast", "grok-4-fast-non-reasoning"] {
      #expect(
        try Self.total(model, "xai", fast, at: "2025-10-01T00:00:00Z") == Self.usd("0.025"),
        "\(model)"
      )
    }
    #expect(
      Self.errorCode(
        "grok-4-fast",
        "xai",
        try TokenUsage(uncachedInput: 128_001),
        at: "2025-10-01T00:00:00Z"
      )
        == .noMatchingTier
    )
    #expect(
      Self.errorCode("grok-4.3", "xai", fast, at: "2026-06-01T00:00:00Z", batch: true)
        == .batchNotOffered
    )
  }
}
