import Foundation
import LLMPricing
import Testing

/// The built-in offering of a model in a currency from one provider.
private func priced(
  _ model: String,
  _ provider: String,
  _ currency: Currency,
  sourceLocation: SourceLocation = #_sourceLocation
) throws -> Offering {
  try Catalog.builtIn.offering(model: model, provider: provider, currency: currency)
}

/// The exact total of a usage at an instant.
private func total(
  _ offering: Offering,
  _ usage: TokenUsage,
  at text: String,
  batch: Bool = false
) throws -> FixedDecimal {
  try offering.schedule.cost(of: usage, at: instant(text), batch: batch).total.amount
}

/// The error code of pricing a usage at an instant, or `nil` when it prices.
private func failure(
  _ offering: Offering,
  _ usage: TokenUsage,
  at text: String
) throws
  -> PricingError.Code?
{
  let at = try instant(text)
  do {
    _ = try offering.schedule.cost(of: usage, at: at)
    return nil
  } catch let error as PricingError {
    return error.code
  }
}

@Suite("Built-in catalog: Zhipu, Moonshot, MiniMax, iFlytek, SenseTime, StepFun, 01.AI")
struct ChinaOthersCatalogTests {
  static let providers = [
    "zhipu", "moonshot", "minimax", "iflytek", "sensetime", "stepfun", "01ai",
  ]

  @Test func everyProviderIsBuiltAndSourced() throws {
    let offerings = try Catalog.makeBuiltIn().filter { Self.providers.contains($0.provider.id) }
    #expect(Set(offerings.map(\.provider.id)) == Set(Self.providers))
    // 31, and GLM-5.3 and -Flash, MiniMax M2.5 and M2.7 (with -highspeed), step-5-preview,
    // step-3.7-flash and step-3.5-flash in CNY; Kimi K3.1 Pro, K2.6, K2.7 Code, K2.5,
    // MiniMax-M3 and M3.1-Flash in USD (added 2026-12-03); Kimi K2.6 and K2.7 Code in CNY
    // (2026-12-04).
    #expect(offerings.count == 48)
    for offering in offerings {
      #expect(offering.provider.timeZone == "Asia/Shanghai")
      #expect(offering.provider.homeCurrency == .cny)
      #expect(
        (offering.currency == .cny && offering.region == "mainland China")
          || (offering.currency == .usd && offering.region == "international"),
        "\(offering.id)"
      )
      let starts = offering.schedule.entries.map(\.effectiveFrom)
      #expect(starts == starts.sorted(), "\(offering.id)")
      for entry in offering.schedule.entries {
        #expect(entry.provenance.source.hasPrefix("https://"), "\(offering.id)")
        #expect(entry.provenance.note?.isEmpty == false, "\(offering.id)")
        #expect(entry.provenance.observed >= CalendarDay("2024-05-01"), "\(offering.id)")
      }
    }
  }

  // MARK: Zhipu

  @Test func glm3TurboDropsFromFiveToOneYuanOnMay11() throws {
    let offering = try priced("glm-3-turbo", "zhipu", .cny)
    let usage = try TokenUsage(uncachedInput: 10_000, output: 2_000)
    // 12,000 tokens × ¥5 per million = ¥0.06, the last second before the cut.
    #expect(try total(offering, usage, at: "2024-05-10T15:59:59Z") == (try dec("0.06")))
    // 12,000 tokens × ¥1 per million = ¥0.012 from 00:00 Beijing time on 2024-05-11.
    #expect(try total(offering, usage, at: "2024-05-10T16:00:00Z") == (try dec("0.012")))
    #expect(try failure(offering, usage, at: "2024-01-15T15:59:59Z") == .noPriceInEffect)
  }

  @Test func glm45PicksItsTierByTotalInputAndOutputLength() throws {
    let offering = try priced("glm-4.5", "zhipu", .cny)
    let at = "2026-01-01T00:00:00Z"
    // 10,000 in × ¥2 + 2,000 cached × ¥0.4 + 150 out × ¥8, per million
    // = ¥0.02 + ¥0.0008 + ¥0.0012 = ¥0.022.
    let short = try TokenUsage(uncachedInput: 10_000, cacheRead: 2_000, output: 150)
    #expect(try total(offering, short, at: at) == (try dec("0.022")))
    // Output above 200: 10,000 × ¥3 + 2,000 × ¥0.6 + 1,000 × ¥14 = ¥0.03 + ¥0.0012 + ¥0.014
    // = ¥0.0452.
    let long = try TokenUsage(uncachedInput: 10_000, cacheRead: 2_000, output: 1_000)
    #expect(try total(offering, long, at: at) == (try dec("0.0452")))
    // Input above 32K: 40,000 × ¥4 + 1,000 × ¥16 = ¥0.16 + ¥0.016 = ¥0.176.
    let big = try TokenUsage(uncachedInput: 40_000, output: 1_000)
    #expect(try total(offering, big, at: at) == (try dec("0.176")))
    // Cached tokens count toward the band: 30,000 + 5,000 cached = 35,000 > 32,000, so
    // 30,000 × ¥4 + 5,000 × ¥0.8 + 100 × ¥16 = ¥0.12 + ¥0.004 + ¥0.0016 = ¥0.1256.
    let cachedOver = try TokenUsage(uncachedInput: 30_000, cacheRead: 5_000, output: 100)
    #expect(try total(offering, cachedOver, at: at) == (try dec("0.1256")))
    #expect(try failure(offering, short, at: "2025-07-27T15:59:59Z") == .noPriceInEffect)
  }

  @Test func glm45TierBoundaries() throws {
    let offering = try priced("glm-4.5", "zhipu", .cny)
    let at = "2026-01-01T00:00:00Z"
    // 31,999 × ¥2 + 100 × ¥8 = ¥0.063998 + ¥0.0008 = ¥0.064798.
    let below = try TokenUsage(uncachedInput: 31_999, output: 100)
    #expect(try total(offering, below, at: at) == (try dec("0.064798")))
    // 32,001 × ¥4 + 100 × ¥16 = ¥0.128004 + ¥0.0016 = ¥0.129604.
    let above = try TokenUsage(uncachedInput: 32_001, output: 100)
    #expect(try total(offering, above, at: at) == (try dec("0.129604")))
    // 1,000 × ¥2 + 199 × ¥8 = ¥0.002 + ¥0.001592 = ¥0.003592.
    let shortOut = try TokenUsage(uncachedInput: 1_000, output: 199)
    #expect(try total(offering, shortOut, at: at) == (try dec("0.003592")))
    // 1,000 × ¥3 + 201 × ¥14 = ¥0.003 + ¥0.002814 = ¥0.005814.
    let longOut = try TokenUsage(uncachedInput: 1_000, output: 201)
    #expect(try total(offering, longOut, at: at) == (try dec("0.005814")))
    let cost = try offering.schedule.cost(of: longOut, at: instant(at))
    #expect(cost.tier == "input ≤32K, output >200")
  }

  @Test func glm45AirAndGlm46() throws {
    let air = try priced("glm-4.5-air", "zhipu", .cny)
    let at = "2026-01-01T00:00:00Z"
    // Input ¥0.8 either way; output ¥2 up to 200 tokens, else ¥6:
    // 10,000 × ¥0.8 + 100 × ¥2 = ¥0.008 + ¥0.0002 = ¥0.0082;
    // 10,000 × ¥0.8 + 1,000 × ¥6 = ¥0.008 + ¥0.006 = ¥0.014.
    #expect(
      try total(air, TokenUsage(uncachedInput: 10_000, output: 100), at: at) == (try dec("0.0082"))
    )
    #expect(
      try total(air, TokenUsage(uncachedInput: 10_000, output: 1_000), at: at) == (try dec("0.014"))
    )
    // GLM-4.6 above 128K still prices: 150,000 × ¥4 + 500 × ¥16 = ¥0.6 + ¥0.008 = ¥0.608.
    let glm46 = try priced("glm-4.6", "zhipu", .cny)
    let huge = try TokenUsage(uncachedInput: 150_000, output: 500)
    #expect(try total(glm46, huge, at: at) == (try dec("0.608")))
    // Z.ai USD list is flat: 10,000 × $0.60 + 2,000 × $2.20 = $0.006 + $0.0044 = $0.0104.
    let usd = try priced("glm-4.6", "zhipu", .usd)
    let usage = try TokenUsage(uncachedInput: 10_000, output: 2_000)
    #expect(try total(usd, usage, at: at) == (try dec("0.0104")))
    #expect(try total(usd, huge, at: at) == (try dec("0.0911")))  // 0.09 + 0.0011
  }

  @Test func glm4PlusBatchAndGlm4FlashTurningFree() throws {
    let plus = try priced("glm-4-plus", "zhipu", .cny)
    let usage = try TokenUsage(uncachedInput: 100_000, output: 10_000)
    // 110,000 × ¥5 = ¥0.55; batch at 50% = ¥0.275.
    #expect(try total(plus, usage, at: "2025-06-01T00:00:00Z") == (try dec("0.55")))
    #expect(
      try total(plus, usage, at: "2025-06-01T00:00:00Z", batch: true) == (try dec("0.275"))
    )
    let flash = try priced("glm-4-flash", "zhipu", .cny)
    let million = try TokenUsage(uncachedInput: 1_000_000)
    // 1,000,000 × ¥0.1 = ¥0.1 before it turned free, then ¥0.
    #expect(try total(flash, million, at: "2024-08-27T15:59:59Z") == (try dec("0.1")))
    #expect(try total(flash, million, at: "2024-08-27T16:00:00Z") == .zero)
  }

  @Test func glm53FlashLaunchPromotionEndsOnSeptember9() throws {
    let offering = try priced("glm-5.3-flash", "zhipu", .usd)
    let usage = try TokenUsage(uncachedInput: 800_000, cacheRead: 200_000, output: 100_000)
    // Promotion: 800,000 × $0.075 + 200,000 × $0.015 + 100,000 × $0.25
    // = $0.06 + $0.003 + $0.025 = $0.088.
    #expect(try total(offering, usage, at: "2026-09-09T15:59:59Z") == (try dec("0.088")))
    // List: 800,000 × $0.15 + 200,000 × $0.03 + 100,000 × $0.50 = $0.12 + $0.006 + $0.05
    // = $0.176, from 24:00 UTC+8 on 2026-09-09.
    #expect(try total(offering, usage, at: "2026-09-09T16:00:00Z") == (try dec("0.176")))
    // GLM-5.3: 800,000 × $1.40 + 200,000 × $0.26 + 100,000 × $4.40 = $1.12 + $0.052 + $0.44.
    let glm53 = try priced("glm-5.3", "zhipu", .usd)
    #expect(try total(glm53, usage, at: "2026-10-01T00:00:00Z") == (try dec("1.612")))
    // The CNY list, added 2026-12-03 (FlagshipCatalogTests prices it).
    #expect(
      try Catalog.builtIn.offering(model: "glm-5.3", provider: "zhipu", currency: .cny).id
        == "zhipu/glm-5.3@CNY"
    )
  }

  // MARK: Moonshot

  @Test func moonshotV1InBothLists() throws {
    let usage = try TokenUsage(uncachedInput: 5_000, output: 1_000)
    // 5,000 × ¥2 + 1,000 × ¥10 = ¥0.01 + ¥0.01 = ¥0.02.
    let cny = try priced("moonshot-v1-8k", "moonshot", .cny)
    #expect(try total(cny, usage, at: "2025-06-01T00:00:00Z") == (try dec("0.02")))
    // 5,000 × $0.20 + 1,000 × $2 = $0.001 + $0.002 = $0.003.
    let usd = try priced("moonshot-v1-8k", "moonshot", .usd)
    #expect(try total(usd, usage, at: "2026-04-01T00:00:00Z") == (try dec("0.003")))
    // 128k: 5,000 × ¥10 + 1,000 × ¥30 = ¥0.05 + ¥0.03 = ¥0.08.
    let long = try priced("moonshot-v1-128k", "moonshot", .cny)
    #expect(try total(long, usage, at: "2025-06-01T00:00:00Z") == (try dec("0.08")))
  }

  @Test func kimiK2PricesCacheHitsAndRetires() throws {
    let usage = try TokenUsage(uncachedInput: 100_000, cacheRead: 50_000, output: 10_000)
    // 100,000 × ¥4 + 50,000 × ¥1 + 10,000 × ¥16 = ¥0.4 + ¥0.05 + ¥0.16 = ¥0.61.
    let cny = try priced("kimi-k2-0905-preview", "moonshot", .cny)
    #expect(try total(cny, usage, at: "2025-10-01T00:00:00Z") == (try dec("0.61")))
    // 100,000 × $0.60 + 50,000 × $0.15 + 10,000 × $2.50 = $0.06 + $0.0075 + $0.025.
    let usd = try priced("kimi-k2-0905-preview", "moonshot", .usd)
    #expect(try total(usd, usage, at: "2025-10-01T00:00:00Z") == (try dec("0.0925")))
    #expect(try failure(cny, usage, at: "2026-05-24T15:59:59Z") == nil)
    #expect(try failure(cny, usage, at: "2026-05-24T16:00:00Z") == .noPriceInEffect)
    #expect(try failure(usd, usage, at: "2025-09-04T15:59:59Z") == .noPriceInEffect)
    // Kimi K3: 10,000 × ¥20 + 1,000 × ¥100 = ¥0.2 + ¥0.1 = ¥0.3.
    let k3 = try priced("kimi-k3", "moonshot", .cny)
    let small = try TokenUsage(uncachedInput: 10_000, output: 1_000)
    #expect(try total(k3, small, at: "2026-08-01T00:00:00Z") == (try dec("0.3")))
  }

  // MARK: MiniMax

  @Test func miniMaxM2AndText01() throws {
    let usage = try TokenUsage(uncachedInput: 100_000, output: 20_000)
    // 100,000 × ¥2.1 + 20,000 × ¥8.4 = ¥0.21 + ¥0.168 = ¥0.378.
    let cny = try priced("MiniMax-M2", "minimax", .cny)
    #expect(try total(cny, usage, at: "2025-11-01T00:00:00Z") == (try dec("0.378")))
    // 100,000 × $0.30 + 20,000 × $1.20 = $0.03 + $0.024 = $0.054.
    let usd = try priced("MiniMax-M2", "minimax", .usd)
    #expect(try total(usd, usage, at: "2025-11-01T00:00:00Z") == (try dec("0.054")))
    // No cache price is shipped, so cached input costs the same as fresh input.
    let cached = try TokenUsage(uncachedInput: 60_000, cacheRead: 40_000, output: 20_000)
    #expect(try total(usd, cached, at: "2025-11-01T00:00:00Z") == (try dec("0.054")))
    // Text-01: 1,000,000 × ¥1 + 100,000 × ¥8 = ¥1 + ¥0.8 = ¥1.8.
    let text = try priced("MiniMax-Text-01", "minimax", .cny)
    let big = try TokenUsage(uncachedInput: 1_000_000, output: 100_000)
    #expect(try total(text, big, at: "2025-03-01T00:00:00Z") == (try dec("1.8")))
    #expect(try failure(text, big, at: "2025-01-14T15:59:59Z") == .noPriceInEffect)
  }

  // MARK: iFlytek, SenseTime, StepFun, 01.AI

  @Test func sparkLiteIsFreeFromMay22() throws {
    let offering = try priced("lite", "iflytek", .cny)
    let usage = try TokenUsage(uncachedInput: 100_000, output: 10_000)
    // 110,000 tokens × ¥0 = ¥0 from 00:00 Beijing time on 2024-05-22; unpriced before.
    #expect(try total(offering, usage, at: "2024-05-21T16:00:00Z") == .zero)
    #expect(try failure(offering, usage, at: "2024-05-21T15:59:59Z") == .noPriceInEffect)
    // Spark Max (generalv3.5) has no sourced per-token price and is not in the catalog.
    let missing = #expect(throws: PricingError.self) {
      try Catalog.builtIn.offerings(model: "generalv3.5", provider: "iflytek")
    }
    #expect(missing?.code == .unknownModel)
  }

  @Test func senseNovaStepAndYi() throws {
    // SenseNova V6.5 Pro: 20,000 × ¥3 + 5,000 × ¥9 = ¥0.06 + ¥0.045 = ¥0.105.
    let pro = try priced("SenseNova-V6-5-Pro", "sensetime", .cny)
    let usage = try TokenUsage(uncachedInput: 20_000, output: 5_000)
    #expect(try total(pro, usage, at: "2025-08-01T00:00:00Z") == (try dec("0.105")))
    // SenseChat-Turbo-1202: 1,000,000 × ¥0.3 + 1,000,000 × ¥0.6 = ¥0.9.
    let turbo = try priced("SenseChat-Turbo-1202", "sensetime", .cny)
    let million = try TokenUsage(uncachedInput: 1_000_000, output: 1_000_000)
    #expect(try total(turbo, million, at: "2025-08-01T00:00:00Z") == (try dec("0.9")))
    // step-2-mini: 30,000 × ¥1 + 6,000 × ¥2 = ¥0.03 + ¥0.012 = ¥0.042.
    let step = try priced("step-2-mini", "stepfun", .cny)
    let stepUsage = try TokenUsage(uncachedInput: 30_000, output: 6_000)
    #expect(try total(step, stepUsage, at: "2025-03-01T00:00:00Z") == (try dec("0.042")))
    #expect(try failure(step, stepUsage, at: "2025-01-13T15:59:59Z") == .noPriceInEffect)
    // yi-lightning: 200,000 tokens × ¥0.99 = ¥0.198.
    let yi = try priced("yi-lightning", "01ai", .cny)
    let yiUsage = try TokenUsage(uncachedInput: 100_000, output: 100_000)
    #expect(try total(yi, yiUsage, at: "2025-03-01T00:00:00Z") == (try dec("0.198")))
  }
}
