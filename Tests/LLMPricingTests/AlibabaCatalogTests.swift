import Foundation
import LLMPricing
import Testing

/// A built-in Alibaba offering.
private func qwen(_ model: String, _ currency: Currency) throws -> Offering {
  try Catalog.builtIn.offering(model: model, provider: "alibaba", currency: currency)
}

/// The total of a usage priced at an instant.
private func total(
  _ model: String,
  _ currency: Currency,
  _ usage: TokenUsage,
  at text: String,
  batch: Bool = false
) throws -> Money {
  try qwen(model, currency).schedule.cost(of: usage, at: instant(text), batch: batch).total
}

@Suite("Alibaba Qwen catalog")
struct AlibabaCatalogTests {
  @Test func everyModelHasAMainlandCNYOfferingAndTheSoldOnesAUSDOne() throws {
    for model in ["qwen-max", "qwen-plus", "qwen-turbo", "qwen-flash", "qwen-long", "qwen3-max"] {
      let cny = try qwen(model, .cny)
      #expect(cny.region == "mainland China")
      #expect(cny.provider.homeCurrency == .cny)
      #expect(cny.provider.timeZone == "Asia/Shanghai")
    }
    for model in ["qwen-max", "qwen-plus", "qwen-turbo", "qwen-flash", "qwen3-max"] {
      #expect(try qwen(model, .usd).region == "international")
    }
    // qwen-long is sold in mainland China only.
    let noUSDList = #expect(throws: PricingError.self) {
      try Catalog.builtIn.offering(model: "qwen-long", provider: "alibaba", currency: .usd)
    }
    #expect(noUSDList?.code == .currencyNotOffered)
    #expect(noUSDList?.message.contains("alibaba/qwen-long@CNY") == true)
  }

  @Test func everyPeriodIsSourcedAndDated() throws {
    let offerings = Catalog.builtIn.offerings.filter { $0.provider.id == "alibaba" }
    // 11, and qwen3.7-max (USD), qwen3.8-max (CNY, USD) and qwen3.8-flash (USD); then
    // qwen3.5-plus (USD), qwen3.6-plus (CNY, USD) and qwen3.7-plus (USD).
    #expect(offerings.count == 19)
    for offering in offerings {
      for entry in offering.schedule.entries {
        #expect(entry.provenance.source.hasPrefix("https://"), "\(offering.id)")
        #expect(entry.provenance.observed >= CalendarDay("2024-05-21"), "\(offering.id)")
        #expect(entry.provenance.note?.isEmpty == false, "\(offering.id)")
      }
    }
  }

  // MARK: Worked costs

  @Test func qwenLongAfterTheMay2024Cut() throws {
    // 1,000,000 in × ¥0.5 + 10,000 out × ¥2, per million = ¥0.5 + ¥0.02 = ¥0.52.
    let usage = try TokenUsage(uncachedInput: 1_000_000, output: 10_000)
    #expect(
      try total("qwen-long", .cny, usage, at: "2024-06-01T00:00:00Z") == Money(dec("0.52"), .cny)
    )
  }

  @Test func qwenMaxFollowsItsCutsInCNY() throws {
    let usage = try TokenUsage(uncachedInput: 10_000, output: 2_000)
    // Before the 2024-05-21 list there is no price.
    let early = #expect(throws: PricingError.self) {
      try total("qwen-max", .cny, usage, at: "2024-05-20T15:59:59Z")
    }
    #expect(early?.code == .noPriceInEffect)
    // May 2024: 10,000 × ¥40 + 2,000 × ¥120, per million = ¥0.4 + ¥0.24 = ¥0.64.
    #expect(
      try total("qwen-max", .cny, usage, at: "2024-05-20T16:00:00Z") == Money(dec("0.64"), .cny)
    )
    #expect(
      try total("qwen-max", .cny, usage, at: "2024-09-18T15:59:59Z") == Money(dec("0.64"), .cny)
    )
    // From 2024-09-19 00:00 Beijing: 10,000 × ¥20 + 2,000 × ¥60 = ¥0.2 + ¥0.12 = ¥0.32.
    #expect(
      try total("qwen-max", .cny, usage, at: "2024-09-18T16:00:00Z") == Money(dec("0.32"), .cny)
    )
    // From 2025-02-06 00:00 Beijing: 10,000 × ¥2.4 + 2,000 × ¥9.6 = ¥0.024 + ¥0.0192 = ¥0.0432.
    #expect(
      try total("qwen-max", .cny, usage, at: "2025-02-05T15:59:59Z") == Money(dec("0.32"), .cny)
    )
    #expect(
      try total("qwen-max", .cny, usage, at: "2025-02-05T16:00:00Z") == Money(dec("0.0432"), .cny)
    )
  }

  @Test func qwenMaxBatchIsHalfAndCacheHitsAreAFifth() throws {
    let usage = try TokenUsage(uncachedInput: 10_000, output: 2_000)
    // Batch: ¥0.0432 × 0.5 = ¥0.0216.
    #expect(
      try total("qwen-max", .cny, usage, at: "2025-06-01T00:00:00Z", batch: true)
        == Money(dec("0.0216"), .cny)
    )
    // 8,000 missed × ¥2.4 + 2,000 hits × ¥0.48 + 1,000 out × ¥9.6, per million
    // = ¥0.0192 + ¥0.00096 + ¥0.0096 = ¥0.02976.
    let cached = try TokenUsage.inclusive(
      promptTokens: 10_000,
      cachedTokens: 2_000,
      completionTokens: 1_000
    )
    #expect(
      try total("qwen-max", .cny, cached, at: "2025-06-01T00:00:00Z") == Money(dec("0.02976"), .cny)
    )
    // Before the cache price was seen, hits bill as misses: 10,000 × ¥20 + 1,000 × ¥60 = ¥0.26.
    #expect(
      try total("qwen-max", .cny, cached, at: "2024-12-01T00:00:00Z") == Money(dec("0.26"), .cny)
    )
  }

  @Test func qwenMaxUSDFollowsTheInternationalList() throws {
    let usage = try TokenUsage(uncachedInput: 10_000, output: 2_000)
    // 10,000 × $10 + 2,000 × $30, per million = $0.1 + $0.06 = $0.16.
    #expect(
      try total("qwen-max", .usd, usage, at: "2024-12-01T00:00:00Z") == Money(dec("0.16"), .usd)
    )
    // 10,000 × $1.6 + 2,000 × $6.4 = $0.016 + $0.0128 = $0.0288.
    #expect(
      try total("qwen-max", .usd, usage, at: "2025-05-01T00:00:00Z") == Money(dec("0.0288"), .usd)
    )
    let early = #expect(throws: PricingError.self) {
      try total("qwen-max", .usd, usage, at: "2024-11-26T15:59:59Z")
    }
    #expect(early?.code == .noPriceInEffect)
  }

  @Test func qwenTurboAfterTheSeptember2024Cut() throws {
    // May 2024: 100,000 × ¥2 + 10,000 × ¥6, per million = ¥0.2 + ¥0.06 = ¥0.26.
    let usage = try TokenUsage(uncachedInput: 100_000, output: 10_000)
    #expect(
      try total("qwen-turbo", .cny, usage, at: "2024-07-01T00:00:00Z") == Money(dec("0.26"), .cny)
    )
    // 100,000 × ¥0.3 + 10,000 × ¥0.6 = ¥0.03 + ¥0.006 = ¥0.036.
    #expect(
      try total("qwen-turbo", .cny, usage, at: "2025-03-01T00:00:00Z") == Money(dec("0.036"), .cny)
    )
  }

  @Test func qwenTurboUSDBillsAThinkingRequestsWholeOutputAtTheThinkingPrice() throws {
    // 10,000 in × $0.05 + (1,000 answer + 4,000 reasoning) × $0.5, per million
    // = $0.0005 + $0.0025 = $0.003.
    let usage = try TokenUsage(uncachedInput: 10_000, output: 1_000, reasoning: 4_000)
    #expect(
      try total("qwen-turbo", .usd, usage, at: "2025-06-01T00:00:00Z") == Money(dec("0.003"), .usd)
    )
  }

  // MARK: Tiers

  @Test func qwenPlusTiersByRequestInputInCNY() throws {
    let at = "2026-01-10T04:00:00Z"
    // 80,000 missed × ¥0.8 + 20,000 hits × ¥0.16 + 2,000 out × ¥2, per million
    // = ¥0.064 + ¥0.0032 + ¥0.004 = ¥0.0712. Hits count toward the 100,000 that pick the tier.
    let first = try TokenUsage(uncachedInput: 80_000, cacheRead: 20_000, output: 2_000)
    #expect(try total("qwen-plus", .cny, first, at: at) == Money(dec("0.0712"), .cny))
    // 150,000 × ¥2.4 + 1,000 × ¥20 = ¥0.36 + ¥0.02 = ¥0.38.
    let second = try TokenUsage(uncachedInput: 150_000, output: 1_000)
    #expect(try total("qwen-plus", .cny, second, at: at) == Money(dec("0.38"), .cny))
    // 300,000 × ¥4.8 + 1,000 × ¥48 = ¥1.44 + ¥0.048 = ¥1.488.
    let third = try TokenUsage(uncachedInput: 300_000, output: 1_000)
    #expect(try total("qwen-plus", .cny, third, at: at) == Money(dec("1.488"), .cny))
  }

  @Test func qwenPlusWasFlatBeforeTheTieredListWasSeen() throws {
    // 150,000 × ¥0.8 + 1,000 × ¥2 = ¥0.12 + ¥0.002 = ¥0.122.
    let usage = try TokenUsage(uncachedInput: 150_000, output: 1_000)
    #expect(
      try total("qwen-plus", .cny, usage, at: "2025-10-29T15:59:59Z") == Money(dec("0.122"), .cny)
    )
    #expect(
      try total("qwen-plus", .cny, usage, at: "2025-10-29T16:00:00Z") == Money(dec("0.38"), .cny)
    )
  }

  @Test func qwenPlusThinkingBillsTheWholeOutputAtTheThinkingPrice() throws {
    let at = "2026-01-10T04:00:00Z"
    // Alibaba's bill for a thinking request: all 3,500 output tokens (500 answer, 3,000
    // reasoning) × ¥8 = ¥0.028, + 10,000 in × ¥0.8 = ¥0.008: ¥0.036, however the output
    // is split.
    let split = try TokenUsage(uncachedInput: 10_000, output: 500, reasoning: 3_000)
    #expect(try total("qwen-plus", .cny, split, at: at) == Money(dec("0.036"), .cny))
    let whole = try TokenUsage(uncachedInput: 10_000, reasoning: 3_500)
    #expect(try total("qwen-plus", .cny, whole, at: at) == Money(dec("0.036"), .cny))
    // Non-thinking requests have no reasoning tokens: 10,000 × ¥0.8 + 3,500 × ¥2 = ¥0.015.
    let plain = try TokenUsage(uncachedInput: 10_000, output: 3_500)
    #expect(try total("qwen-plus", .cny, plain, at: at) == Money(dec("0.015"), .cny))
  }

  @Test func qwenFlashTiersAndCacheInCNY() throws {
    let at = "2025-08-01T00:00:00Z"
    // 50,000 missed × ¥0.15 + 50,000 hits × ¥0.03 + 5,000 out × ¥1.5, per million
    // = ¥0.0075 + ¥0.0015 + ¥0.0075 = ¥0.0165.
    let first = try TokenUsage(uncachedInput: 50_000, cacheRead: 50_000, output: 5_000)
    #expect(try total("qwen-flash", .cny, first, at: at) == Money(dec("0.0165"), .cny))
    // 200,000 × ¥0.6 + 5,000 × ¥6 = ¥0.12 + ¥0.03 = ¥0.15.
    let second = try TokenUsage(uncachedInput: 200_000, output: 5_000)
    #expect(try total("qwen-flash", .cny, second, at: at) == Money(dec("0.15"), .cny))
    // Thinking costs the same as non-thinking: 200,000 × ¥0.6 + 5,000 reasoning × ¥6 = ¥0.15.
    let thinking = try TokenUsage(uncachedInput: 200_000, reasoning: 5_000)
    #expect(try total("qwen-flash", .cny, thinking, at: at) == Money(dec("0.15"), .cny))
  }

  @Test func qwenFlashUSDHasTwoTiers() throws {
    let at = "2026-01-01T00:00:00Z"
    // 200,000 × $0.05 + 1,000 × $0.4 = $0.01 + $0.0004 = $0.0104.
    let first = try TokenUsage(uncachedInput: 200_000, output: 1_000)
    #expect(try total("qwen-flash", .usd, first, at: at) == Money(dec("0.0104"), .usd))
    // 300,000 × $0.25 + 1,000 × $2 = $0.075 + $0.002 = $0.077.
    let second = try TokenUsage(uncachedInput: 300_000, output: 1_000)
    #expect(try total("qwen-flash", .usd, second, at: at) == Money(dec("0.077"), .usd))
  }

  @Test func qwen3MaxLaunchListInCNY() throws {
    let at = "2025-10-01T00:00:00Z"
    // 30,000 × ¥6 + 1,000 × ¥24, per million = ¥0.18 + ¥0.024 = ¥0.204.
    #expect(
      try total("qwen3-max", .cny, TokenUsage(uncachedInput: 30_000, output: 1_000), at: at)
        == Money(dec("0.204"), .cny)
    )
    // 40,000 × ¥10 + 1,000 × ¥40 = ¥0.4 + ¥0.04 = ¥0.44.
    #expect(
      try total("qwen3-max", .cny, TokenUsage(uncachedInput: 40_000, output: 1_000), at: at)
        == Money(dec("0.44"), .cny)
    )
    // 200,000 × ¥15 + 1,000 × ¥60 = ¥3 + ¥0.06 = ¥3.06.
    #expect(
      try total("qwen3-max", .cny, TokenUsage(uncachedInput: 200_000, output: 1_000), at: at)
        == Money(dec("3.06"), .cny)
    )
  }

  @Test func qwen3Max2026ListInCNY() throws {
    let at = "2026-07-01T00:00:00Z"
    // 30,000 × ¥2.5 + 1,000 × ¥10 = ¥0.075 + ¥0.01 = ¥0.085.
    #expect(
      try total("qwen3-max", .cny, TokenUsage(uncachedInput: 30_000, output: 1_000), at: at)
        == Money(dec("0.085"), .cny)
    )
    // Top tier: 253,000 × ¥7 + 1,000 × ¥28 = ¥1.771 + ¥0.028 = ¥1.799.
    #expect(
      try total("qwen3-max", .cny, TokenUsage(uncachedInput: 253_000, output: 1_000), at: at)
        == Money(dec("1.799"), .cny)
    )
    // Switch at 2026-06-01 00:00 Beijing time.
    let usage = try TokenUsage(uncachedInput: 30_000, output: 1_000)
    #expect(
      try total("qwen3-max", .cny, usage, at: "2026-05-31T15:59:59Z") == Money(dec("0.204"), .cny)
    )
    #expect(
      try total("qwen3-max", .cny, usage, at: "2026-05-31T16:00:00Z") == Money(dec("0.085"), .cny)
    )
  }

  @Test func qwen3MaxUSDTiers() throws {
    let at = "2026-01-01T00:00:00Z"
    // 30,000 × $1.2 + 1,000 × $6 = $0.036 + $0.006 = $0.042.
    #expect(
      try total("qwen3-max", .usd, TokenUsage(uncachedInput: 30_000, output: 1_000), at: at)
        == Money(dec("0.042"), .usd)
    )
    // 100,000 × $2.4 + 1,000 × $12 = $0.24 + $0.012 = $0.252.
    #expect(
      try total("qwen3-max", .usd, TokenUsage(uncachedInput: 100_000, output: 1_000), at: at)
        == Money(dec("0.252"), .usd)
    )
    // 200,000 × $3 + 1,000 × $15 = $0.6 + $0.015 = $0.615.
    #expect(
      try total("qwen3-max", .usd, TokenUsage(uncachedInput: 200_000, output: 1_000), at: at)
        == Money(dec("0.615"), .usd)
    )
  }

  // MARK: Sheet facts

  @Test func freeQuotaAndBatchAreRecordedWhereSourced() throws {
    let at = try instant("2026-07-01T00:00:00Z")
    for model in ["qwen-max", "qwen-plus", "qwen-turbo", "qwen-flash", "qwen3-max"] {
      let sheet = try qwen(model, .cny).schedule.entry(at: at).sheet
      #expect(sheet.freeQuota == (try FreeQuota(tokens: 1_000_000, validityDays: 180)), "\(model)")
      #expect(sheet.batchMultiplier == (try dec("0.5")), "\(model)")
    }
    // Not confirmed for qwen-long; none on the 2024 lists before the September cut.
    #expect(try qwen("qwen-long", .cny).schedule.entry(at: at).sheet.batchMultiplier == nil)
    let may = try qwen("qwen-max", .cny).schedule.entry(at: instant("2024-06-01T00:00:00Z"))
    #expect(may.sheet.batchMultiplier == nil && may.sheet.freeQuota == nil)
    let batch = #expect(throws: PricingError.self) {
      try total(
        "qwen-max",
        .cny,
        try TokenUsage(uncachedInput: 1, output: 1),
        at: "2024-06-01T00:00:00Z",
        batch: true
      )
    }
    #expect(batch?.code == .batchNotOffered)
    // The International free quota's validity is not sourced.
    #expect(try qwen("qwen-max", .usd).schedule.entry(at: at).sheet.freeQuota == nil)
  }

  @Test func confidenceMarksFollowTheSources() throws {
    let at = try instant("2025-03-01T00:00:00Z")
    #expect(try qwen("qwen-max", .usd).schedule.entry(at: at).provenance.confidence == .official)
    let launch = try qwen("qwen3-max", .cny).schedule.entry(at: instant("2025-10-01T00:00:00Z"))
    #expect(launch.provenance.confidence == .singleSource)
    #expect(launch.provenance.note?.contains("upper bound") == true)
  }
}
