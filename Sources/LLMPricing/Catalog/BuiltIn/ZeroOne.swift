import Foundation

/// 01.AI (Lingyiwanwu) Yi prices (CNY, platform.lingyiwanwu.com).
///
/// Only yi-lightning is shipped. yi-large, yi-medium and yi-spark prices were found only in
/// undated sources (lobe-chat) or in research notes whose commits could not be re-read, so
/// no effective date can be given for them. Sources and gaps are listed in
/// `Docs/CatalogSources.md`.
enum ZeroOnePrices {
  static let provider = Provider(
    id: "01ai",
    name: "01.AI",
    country: "CN",
    homeCurrency: .cny,
    timeZone: "Asia/Shanghai",
    pricingPage: "https://platform.lingyiwanwu.com/docs"
  )

  static let mainland = "mainland China"

  static func offerings() throws -> [Offering] {
    try specs().map { try $0.offering() }
  }

  static func specs() -> [OfferingSpec] {
    [
      OfferingSpec(
        model: lightning,
        provider: provider,
        region: mainland,
        currency: .cny,
        periods: lightningCNY
      )
    ]
  }

  static let lightning = Model(
    id: "yi-lightning",
    vendor: "01ai",
    family: "Yi",
    contextWindow: 16_384
  )

  static let lightningCNY = [
    PeriodSpec(
      from: "2025-02-05T16:00:00Z",
      tiers: [TierSpec(miss: "0.99", out: "0.99")],
      source: "https://github.com/syaoranwe/LLM-Price/blob/"
        + "692a75a4ae8c582ac8b02c6715ad222f6a232e67/README.md",
      observed: "2025-02-06",
      confidence: .singleSource,
      note: "Starts at the first dated observation (LLM-Price's Yi section, 2025-02-06); the "
        + "launch day was not found. LLM-Price prints the whole-yuan '1'; the exact ¥0.99 for "
        + "input and output is from lobe-chat zeroone.ts @09e36f4c (undated). Date only; "
        + "00:00 Beijing time assumed."
    )
  ]
}
