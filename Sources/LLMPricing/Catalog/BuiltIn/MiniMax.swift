import Foundation

/// MiniMax's prices: the CNY list of platform.minimaxi.com and, for MiniMax-M2, the USD list
/// of its international platform (platform.minimax.io).
///
/// Sources and gaps are listed in `Docs/CatalogSources.md`. Where only a date is known the
/// boundary is 00:00 Beijing time of that date (16:00 UTC the day before).
enum MiniMaxPrices {
  static let provider = Provider(
    id: "minimax",
    name: "MiniMax",
    country: "CN",
    homeCurrency: .cny,
    timeZone: "Asia/Shanghai",
    pricingPage: "https://platform.minimaxi.com/document/Price"
  )

  static let mainland = "mainland China"
  static let international = "international"
  static let dateOnly = "Date only; 00:00 Beijing time assumed."

  /// syaoranwe/LLM-Price README at 069ada3; its MiniMax section is dated 2025-06-29.
  static let llmPrice =
    "https://github.com/syaoranwe/LLM-Price/blob/069ada33373fab896cdb4f1de74db38ab5de4829/README.md"
  static let lobeChat =
    "https://github.com/lobehub/lobe-chat/blob/3c9c8741bca58d448a8508b11eebc905e8675460/"
    + "packages/model-bank/src/aiModels/minimax.ts"
  static let llmPrices =
    "https://github.com/simonw/llm-prices/blob/723ef0bd3a62/data/minimax.json"

  static func offerings() throws -> [Offering] {
    try specs().map { try $0.offering() }
  }

  static func specs() -> [OfferingSpec] {
    [
      OfferingSpec(
        model: text01,
        provider: provider,
        region: mainland,
        currency: .cny,
        periods: text01CNY
      ),
      OfferingSpec(model: m2, provider: provider, region: mainland, currency: .cny, periods: m2CNY),
      OfferingSpec(
        model: m2,
        provider: provider,
        region: international,
        currency: .usd,
        periods: m2USD
      ),
    ]
  }

  // MARK: Models

  static let text01 = Model(
    id: "MiniMax-Text-01",
    vendor: "minimax",
    family: "MiniMax",
    contextWindow: 1_000_192,
    maxOutput: 40_000,
    releaseDate: try? CalendarDay("2025-01-15")
  )
  static let m2 = Model(
    id: "MiniMax-M2",
    vendor: "minimax",
    family: "MiniMax",
    openWeights: true,
    contextWindow: 204_800,
    maxOutput: 131_072,
    releaseDate: try? CalendarDay("2025-10-27")
  )

  // MARK: Periods

  static let text01CNY = [
    PeriodSpec(
      from: "2025-01-14T16:00:00Z",
      tiers: [TierSpec(miss: "1", out: "8")],
      source: llmPrice,
      observed: "2025-06-29",
      confidence: .corroborated,
      note: "From the release day 2025-01-15 (lobe-chat releasedAt). " + dateOnly
        + " Same ¥1/¥8 in lobe-chat minimax.ts @3c9c8741. No cache price found."
    )
  ]

  static let m2CNY = [
    PeriodSpec(
      from: "2025-10-26T16:00:00Z",
      tiers: [TierSpec(miss: "2.1", out: "8.4")],
      source: lobeChat,
      observed: "2025-10-27",
      confidence: .singleSource,
      note: "Launch price from the release day 2025-10-27 (lobe-chat releasedAt; the commit is "
        + "undated, 2025-10-27 is a lower bound). " + dateOnly + " No CNY cache price found; "
        + "the project's research notes also cite dify for ¥2.1/¥8.4."
    )
  ]

  static let m2USD = [
    PeriodSpec(
      from: "2025-10-26T16:00:00Z",
      tiers: [TierSpec(miss: "0.3", out: "1.2")],
      source: llmPrices,
      observed: "2026-08-05",
      confidence: .corroborated,
      note: "International list from the release day, assumed unchanged. " + dateOnly
        + " Also LiteLLM 1.106.2 minimax/MiniMax-M2. genai-prices lists the same $0.30/$1.20 "
        + "but says its M2 figures were inferred from CNY at 7.00; its cache prices "
        + "($0.03 read, $0.375 write) are therefore not shipped, so cached input is billed as "
        + "fresh input."
    )
  ]
}
