import Foundation

/// iFlytek Spark prices (CNY, xfyun.cn).
///
/// Only Spark Lite is shipped: it has been free since 2024-05-22. No per-token list price
/// was found for Spark Pro, Max or 4.0 Ultra (they are sold as token packs), so they are
/// left out rather than guessed. Sources and gaps are listed in `Docs/CatalogSources.md`.
enum IFlytekPrices {
  static let provider = Provider(
    id: "iflytek",
    name: "iFlytek Spark",
    country: "CN",
    homeCurrency: .cny,
    timeZone: "Asia/Shanghai",
    pricingPage: "https://xinghuo.xfyun.cn/sparkapi"
  )

  static let mainland = "mainland China"

  static func offerings() throws -> [Offering] {
    try specs().map { try $0.offering() }
  }

  static func specs() -> [OfferingSpec] {
    [
      OfferingSpec(
        model: lite,
        provider: provider,
        region: mainland,
        currency: .cny,
        periods: liteCNY
      )
    ]
  }

  /// Spark Lite: 8K input plus 4K output, as lobe-chat records it.
  static let lite = Model(
    id: "lite",
    vendor: "iflytek",
    family: "Spark",
    contextWindow: 12_288,
    maxOutput: 4_096
  )

  static let liteCNY = [
    PeriodSpec(
      from: "2024-05-21T16:00:00Z",
      tiers: [TierSpec(miss: "0", out: "0")],
      source: "https://yaliqi.com/new/4e6c60583f6a4b569064675cfc2ae323",
      observed: "2024-05-22",
      confidence: .corroborated,
      note: "'5月22日,科大讯飞宣布讯飞星火Lite API调用免费' (the article is undated; it reports the "
        + "2024-05-22 announcement). Date only; 00:00 Beijing time assumed. 'Fully free' also in "
        + "lobe-chat spark.ts @36ea258f; the date rests on this one article. The price before "
        + "2024-05-22 was not found."
    )
  ]
}
