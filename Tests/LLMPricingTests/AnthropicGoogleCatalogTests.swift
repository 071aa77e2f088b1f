import Foundation
import LLMPricing
import Testing

/// The built-in USD offering of a model from a provider.
private func usdOffering(_ model: String, _ provider: String) throws -> Offering {
  try Catalog.builtIn.offering(model: model, provider: provider, currency: .usd)
}

/// The price per million tokens applied to a component in a breakdown.
private func unitPrice(_ cost: CostBreakdown, _ component: CostComponent) -> FixedDecimal? {
  cost.lines.first { $0.component == component }?.unitPrice
}

@Suite("Anthropic and Google built-in prices")
struct AnthropicGoogleCatalogTests {
  // MARK: Catalog shape

  @Test func bothProvidersBuildAndPublishInUSD() throws {
    let offerings = try Catalog.makeBuiltIn()
    let anthropic = offerings.filter { $0.provider.id == "anthropic" }
    let google = offerings.filter { $0.provider.id == "google" }
    // 13, and Claude Opus and Sonnet 5 and 5.5 and Haiku 5.5.
    #expect(anthropic.count == 18)
    // 7, and Gemini 3.8 Flash, 3.5 Flash and Flash-Lite, 3.1 Flash-Lite and 3.1 Pro.
    #expect(google.count == 12)
    for offering in anthropic + google {
      #expect(offering.currency == .usd, "\(offering.id)")
      #expect(offering.provider.country == "US")
      let starts = offering.schedule.entries.map(\.effectiveFrom)
      #expect(starts == starts.sorted(), "\(offering.id)")
      for entry in offering.schedule.entries {
        #expect(entry.provenance.note?.isEmpty == false, "\(offering.id)")
      }
    }
  }

  @Test(
    "Dated snapshot ids and -latest aliases reach the API id",
    arguments: [
      ("claude-sonnet-4-5-20250929", "claude-sonnet-4-5"),
      ("anthropic/claude-3-5-haiku-latest", "claude-3-5-haiku-20241022"),
      ("claude-opus-4-20250514", "claude-opus-4-0"),
      ("gemini-2.0-flash-001", "gemini-2.0-flash"),
      ("google/gemini-1.5-pro-002", "gemini-1.5-pro"),
    ]
  )
  func aliases(alias: String, id: String) throws {
    #expect(try Catalog.builtIn.offerings(model: alias).first?.model.id == id)
  }

  // MARK: Anthropic

  @Test func claudeSonnet45WorkedCostWithBothCacheLifetimes() throws {
    let sonnet = try usdOffering("claude-sonnet-4-5", "anthropic")
    let usage = try TokenUsage.additive(
      inputTokens: 10_000,
      cacheReadTokens: 50_000,
      cacheWriteTokens: 5_000,
      cacheWrite1hTokens: 2_000,
      outputTokens: 3_000
    )
    // 67,000 input tokens in all, under 200,000: standard rates.
    // 10,000 in × $3 + 50,000 hits × $0.30 + 5,000 5m writes × $3.75 + 2,000 1h writes × $6
    // + 3,000 out × $15, per million = $0.03 + $0.015 + $0.01875 + $0.012 + $0.045 = $0.12075.
    let cost = try sonnet.schedule.cost(of: usage, at: instant("2025-11-01T12:00:00Z"))
    #expect(cost.total == Money(try dec("0.12075"), .usd))
  }

  @Test(
    "Sonnet 4.5's long-context cliff counts cached tokens and bills the whole request",
    arguments: [
      (200_000, "15"), (200_001, "22.50"), (199_999, "15"), (400_000, "22.50"),
    ]
  )
  func sonnetLongContextBoundary(totalInput: Int, outputPrice: String) throws {
    let sonnet = try usdOffering("claude-sonnet-4-5", "anthropic")
    // Half of the input is read from the cache; the threshold still sees the total.
    let usage = try TokenUsage.additive(
      inputTokens: totalInput - totalInput / 2,
      cacheReadTokens: totalInput / 2,
      outputTokens: 100
    )
    let cost = try sonnet.schedule.cost(of: usage, at: instant("2025-11-01T00:00:00Z"))
    #expect(unitPrice(cost, .output) == (try dec(outputPrice)))
  }

  @Test func sonnetLongContextWorkedCost() throws {
    let sonnet = try usdOffering("claude-sonnet-4-5", "anthropic")
    let usage = try TokenUsage.additive(
      inputTokens: 150_000,
      cacheReadTokens: 60_000,
      outputTokens: 2_000
    )
    // 210,000 input tokens in all, over 200,000: every token at the premium rates.
    // 150,000 × $6 + 60,000 × $0.60 + 2,000 × $22.50, per million
    // = $0.90 + $0.036 + $0.045 = $0.981.
    let cost = try sonnet.schedule.cost(of: usage, at: instant("2026-01-15T00:00:00Z"))
    #expect(cost.total == Money(try dec("0.981"), .usd))
  }

  @Test func sonnet46LongContextSurchargeEndsOn20260313() throws {
    let sonnet = try usdOffering("claude-sonnet-4-6", "anthropic")
    let usage = try TokenUsage.additive(
      inputTokens: 150_000,
      cacheReadTokens: 60_000,
      outputTokens: 2_000
    )
    // Before: 150,000 × $6 + 60,000 × $0.60 + 2,000 × $22.50 = $0.981.
    let before = try sonnet.schedule.cost(of: usage, at: instant("2026-03-12T23:59:59Z"))
    #expect(before.total == Money(try dec("0.981"), .usd))
    // From 2026-03-13: 150,000 × $3 + 60,000 × $0.30 + 2,000 × $15
    // = $0.45 + $0.018 + $0.03 = $0.498.
    let after = try sonnet.schedule.cost(of: usage, at: instant("2026-03-13T00:00:00Z"))
    #expect(after.total == Money(try dec("0.498"), .usd))
  }

  @Test func opus46LongContextPremium() throws {
    let opus = try usdOffering("claude-opus-4-6", "anthropic")
    let usage = try TokenUsage.additive(
      inputTokens: 190_000,
      cacheWriteTokens: 20_000,
      outputTokens: 4_000
    )
    // 210,000 input tokens: 190,000 × $10 + 20,000 5m writes × $12.50 + 4,000 × $37.50,
    // per million = $1.90 + $0.25 + $0.15 = $2.30.
    let cost = try opus.schedule.cost(of: usage, at: instant("2026-02-10T00:00:00Z"))
    #expect(cost.total == Money(try dec("2.30"), .usd))
  }

  @Test func oneHourWritesArePricedFromTheirGA() throws {
    let opus = try usdOffering("claude-opus-4-0", "anthropic")
    let usage = try TokenUsage.additive(
      inputTokens: 0,
      cacheWrite1hTokens: 100_000,
      outputTokens: 0
    )
    // Before 2025-08-13 no 1-hour price is sourced: 100,000 × $18.75 (5-minute) = $1.875.
    let before = try opus.schedule.cost(of: usage, at: instant("2025-08-12T23:59:59Z"))
    #expect(before.total == Money(try dec("1.875"), .usd))
    // From 2025-08-13: 100,000 × $30 = $3.
    let after = try opus.schedule.cost(of: usage, at: instant("2025-08-13T00:00:00Z"))
    #expect(after.total == Money(try dec("3"), .usd))
  }

  @Test func batchHalvesEveryClaudePriceIncludingCache() throws {
    let haiku = try usdOffering("claude-haiku-4-5", "anthropic")
    let usage = try TokenUsage.additive(
      inputTokens: 100_000,
      cacheReadTokens: 200_000,
      cacheWriteTokens: 40_000,
      outputTokens: 10_000
    )
    // 100,000 × $1 + 200,000 × $0.10 + 40,000 × $1.25 + 10,000 × $5, per million
    // = $0.10 + $0.02 + $0.05 + $0.05 = $0.22; batch halves it to $0.11.
    let at = try instant("2026-01-01T00:00:00Z")
    #expect(try haiku.schedule.cost(of: usage, at: at).total == Money(try dec("0.22"), .usd))
    let batch = try haiku.schedule.cost(of: usage, at: at, batch: true)
    #expect(batch.total == Money(try dec("0.11"), .usd))
    #expect(unitPrice(batch, .cacheRead) == (try dec("0.05")))
  }

  @Test func haiku35PriceCut() throws {
    let haiku = try usdOffering("claude-3-5-haiku-20241022", "anthropic")
    let usage = try TokenUsage.additive(inputTokens: 1_000_000, outputTokens: 100_000)
    // Launch: 1,000,000 × $1 + 100,000 × $5 = $1 + $0.50 = $1.50.
    let launch = try haiku.schedule.cost(of: usage, at: instant("2024-12-03T23:59:59Z"))
    #expect(launch.total == Money(try dec("1.50"), .usd))
    // After the cut: 1,000,000 × $0.80 + 100,000 × $4 = $0.80 + $0.40 = $1.20.
    let cut = try haiku.schedule.cost(of: usage, at: instant("2024-12-04T00:00:00Z"))
    #expect(cut.total == Money(try dec("1.20"), .usd))
  }

  @Test func claude3HaikuHistory() throws {
    let haiku = try usdOffering("claude-3-haiku-20240307", "anthropic")
    let usage = try TokenUsage.additive(inputTokens: 0, cacheReadTokens: 1_000_000, outputTokens: 0)
    // Before prompt caching (2024-08-14) a cache read bills as input: 1,000,000 × $0.25.
    let early = try haiku.schedule.cost(of: usage, at: instant("2024-06-01T00:00:00Z"))
    #expect(early.total == Money(try dec("0.25"), .usd))
    // After: 1,000,000 × $0.03.
    let cached = try haiku.schedule.cost(of: usage, at: instant("2024-09-01T00:00:00Z"))
    #expect(cached.total == Money(try dec("0.03"), .usd))
    // The Message Batches API arrived on 2024-10-08.
    let noBatch = #expect(throws: PricingError.self) {
      try haiku.schedule.cost(of: usage, at: instant("2024-10-07T23:59:59Z"), batch: true)
    }
    #expect(noBatch?.code == .batchNotOffered)
    let batch = try haiku.schedule.cost(of: usage, at: instant("2024-10-08T00:00:00Z"), batch: true)
    #expect(batch.total == Money(try dec("0.015"), .usd))
    // Retired 2026-04-20.
    let retired = #expect(throws: PricingError.self) {
      try haiku.schedule.cost(of: usage, at: instant("2026-04-20T00:00:00Z"))
    }
    #expect(retired?.code == .noPriceInEffect)
  }

  @Test func sonnet35IsRetiredOn20251028() throws {
    let sonnet = try usdOffering("claude-3-5-sonnet-latest", "anthropic")
    let usage = try TokenUsage.additive(inputTokens: 1_000, outputTokens: 1_000)
    // 1,000 × $3 + 1,000 × $15 = $0.003 + $0.015 = $0.018.
    let last = try sonnet.schedule.cost(of: usage, at: instant("2025-10-27T23:59:59Z"))
    #expect(last.total == Money(try dec("0.018"), .usd))
    let error = #expect(throws: PricingError.self) {
      try sonnet.schedule.cost(of: usage, at: instant("2025-10-28T00:00:00Z"))
    }
    #expect(error?.code == .noPriceInEffect)
  }

  @Test func sonnet4LongContextExistsOnlyDuringTheBeta() throws {
    let sonnet = try usdOffering("claude-sonnet-4-0", "anthropic")
    let usage = try TokenUsage.additive(inputTokens: 200_001, outputTokens: 10)
    for day in ["2025-08-11T23:59:59Z", "2026-04-30T00:00:00Z"] {
      let error = #expect(throws: PricingError.self) {
        try sonnet.schedule.cost(of: usage, at: instant(day))
      }
      #expect(error?.code == .noMatchingTier, "\(day)")
    }
    let beta = try sonnet.schedule.cost(of: usage, at: instant("2025-08-12T00:00:00Z"))
    #expect(unitPrice(beta, .input) == (try dec("6")))
  }

  // MARK: Google

  @Test func gemini25FlashWorkedCostBillsThinkingAsOutput() throws {
    let flash = try usdOffering("gemini-2.5-flash", "google")
    let usage = try TokenUsage.inclusive(
      promptTokens: 100_000,
      cachedTokens: 40_000,
      completionTokens: 5_000,
      reasoningTokens: 3_000
    )
    // 60,000 fresh × $0.30 + 40,000 cached × $0.03 + 2,000 out × $2.50
    // + 3,000 thinking × $2.50, per million = $0.018 + $0.0012 + $0.005 + $0.0075 = $0.0317.
    let cost = try flash.schedule.cost(of: usage, at: instant("2025-11-01T00:00:00Z"))
    #expect(cost.total == Money(try dec("0.0317"), .usd))
    #expect(unitPrice(cost, .reasoning) == (try dec("2.50")))
  }

  @Test(
    "Gemini 2.5 Pro's prompt tier at 200,000 tokens, cached tokens included",
    arguments: [(200_000, "10"), (200_001, "15"), (1_048_576, "15")]
  )
  func gemini25ProBoundary(prompt: Int, outputPrice: String) throws {
    let pro = try usdOffering("gemini-2.5-pro", "google")
    let usage = try TokenUsage.inclusive(
      promptTokens: prompt,
      cachedTokens: prompt / 4,
      completionTokens: 10
    )
    let cost = try pro.schedule.cost(of: usage, at: instant("2025-11-01T00:00:00Z"))
    #expect(unitPrice(cost, .output) == (try dec(outputPrice)))
  }

  @Test func gemini25ProLongPromptWorkedCost() throws {
    let pro = try usdOffering("gemini-2.5-pro", "google")
    let usage = try TokenUsage.inclusive(
      promptTokens: 250_000,
      cachedTokens: 50_000,
      completionTokens: 1_000
    )
    // 250,000-token prompt, over 200,000: 200,000 fresh × $2.50 + 50,000 cached × $0.25
    // + 1,000 out × $15, per million = $0.50 + $0.0125 + $0.015 = $0.5275.
    let cost = try pro.schedule.cost(of: usage, at: instant("2026-01-01T00:00:00Z"))
    #expect(cost.total == Money(try dec("0.5275"), .usd))
    let tooLong = try TokenUsage.inclusive(promptTokens: 1_048_577, completionTokens: 1)
    let error = #expect(throws: PricingError.self) {
      try pro.schedule.cost(of: tooLong, at: instant("2026-01-01T00:00:00Z"))
    }
    #expect(error?.code == .noMatchingTier)
  }

  @Test func gemini25ProCachedInputCutInOctober2025() throws {
    let pro = try usdOffering("gemini-2.5-pro", "google")
    let usage = try TokenUsage.inclusive(
      promptTokens: 100_000,
      cachedTokens: 100_000,
      completionTokens: 0
    )
    // 100,000 cached × $0.31 = $0.031, then 100,000 × $0.125 = $0.0125.
    let before = try pro.schedule.cost(of: usage, at: instant("2025-10-08T17:57:40Z"))
    #expect(before.total == Money(try dec("0.031"), .usd))
    let after = try pro.schedule.cost(of: usage, at: instant("2025-10-08T17:57:41Z"))
    #expect(after.total == Money(try dec("0.0125"), .usd))
  }

  @Test func gemini15ProPriceCutAndTier() throws {
    let pro = try usdOffering("gemini-1.5-pro", "google")
    let usage = try TokenUsage.inclusive(promptTokens: 100_000, completionTokens: 10_000)
    // Before 2024-10-01: 100,000 × $3.50 + 10,000 × $10.50 = $0.35 + $0.105 = $0.455.
    let before = try pro.schedule.cost(of: usage, at: instant("2024-09-30T23:59:59Z"))
    #expect(before.total == Money(try dec("0.455"), .usd))
    // From 2024-10-01: 100,000 × $1.25 + 10,000 × $5 = $0.125 + $0.05 = $0.175.
    let after = try pro.schedule.cost(of: usage, at: instant("2024-10-01T00:00:00Z"))
    #expect(after.total == Money(try dec("0.175"), .usd))
    for (prompt, price) in [(128_000, "5"), (128_001, "10")] {
      let long = try TokenUsage.inclusive(promptTokens: prompt, completionTokens: 1)
      let cost = try pro.schedule.cost(of: long, at: instant("2025-01-01T00:00:00Z"))
      #expect(unitPrice(cost, .output) == (try dec(price)), "\(prompt)")
    }
  }

  @Test func gemini20FlashLiteHasNoCacheDiscountAndBatchFromJuly2025() throws {
    let lite = try usdOffering("gemini-2.0-flash-lite", "google")
    let usage = try TokenUsage.inclusive(
      promptTokens: 1_000_000,
      cachedTokens: 400_000,
      completionTokens: 100_000
    )
    // No context caching: 1,000,000 × $0.075 + 100,000 × $0.30 = $0.075 + $0.03 = $0.105.
    let cost = try lite.schedule.cost(of: usage, at: instant("2025-03-01T00:00:00Z"))
    #expect(cost.total == Money(try dec("0.105"), .usd))
    let early = #expect(throws: PricingError.self) {
      try lite.schedule.cost(of: usage, at: instant("2025-07-06T23:59:59Z"), batch: true)
    }
    #expect(early?.code == .batchNotOffered)
    let batch = try lite.schedule.cost(of: usage, at: instant("2025-07-07T00:00:00Z"), batch: true)
    #expect(batch.total == Money(try dec("0.0525"), .usd))
  }

  @Test func geminiRetirements() throws {
    let usage = try TokenUsage.inclusive(promptTokens: 1_000, completionTokens: 1_000)
    for (model, day) in [
      ("gemini-3-pro-preview", "2026-03-09T00:00:00Z"),
      ("gemini-2.0-flash", "2026-06-01T00:00:00Z"),
      ("gemini-1.5-pro", "2025-09-24T00:00:00Z"),
    ] {
      let offering = try usdOffering(model, "google")
      let error = #expect(throws: PricingError.self) {
        try offering.schedule.cost(of: usage, at: instant(day))
      }
      #expect(error?.code == .noPriceInEffect, "\(model)")
    }
    // Gemini 3 Pro Preview before its shutdown: 1,000 × $2 + 1,000 × $12 = $0.014.
    let preview = try usdOffering("gemini-3-pro-preview", "google")
    let cost = try preview.schedule.cost(of: usage, at: instant("2026-03-08T23:59:59Z"))
    #expect(cost.total == Money(try dec("0.014"), .usd))
  }
}
