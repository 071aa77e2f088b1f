import Foundation

/// StepFun prices (CNY, platform.stepfun.com).
///
/// Only step-2-mini is shipped. step-3's input-length tiers are marked uncertain by the
/// research (lobe-chat itself notes that its output tiers "still differ from
/// documentation") and could not be confirmed; step-1 and step-2-16k prices were found
/// without any date. Sources and gaps are listed in `Docs/CatalogSources.md`.
enum StepFunPrices {
  static let provider = Provider(
    id: "stepfun",
    name: "StepFun",
    country: "CN",
    homeCurrency: .cny,
    timeZone: "Asia/Shanghai",
    pricingPage: "https://platform.stepfun.com/docs/pricing/details"
  )

  static let mainland = "mainland China"

  static func offerings() throws -> [Offering] {
    try specs().map { try $0.offering() }
  }

  static func specs() -> [OfferingSpec] {
    [
      OfferingSpec(
        model: step2Mini,
        provider: provider,
        region: mainland,
        currency: .cny,
        periods: step2MiniCNY
      )
    ]
  }

  static let step2Mini = Model(
    id: "step-2-mini",
    vendor: "stepfun",
    family: "Step",
    contextWindow: 8_000,
    releaseDate: try? CalendarDay("2025-01-14")
  )

  static let step2MiniCNY = [
    PeriodSpec(
      from: "2025-01-13T16:00:00Z",
      tiers: [TierSpec(miss: "1", out: "2")],
      source: "https://github.com/lobehub/lobe-chat/blob/0050a286c45fa8649cdbd0fd893f529225d4ea57/"
        + "packages/model-bank/src/aiModels/stepfun.ts",
      observed: "2025-07-15",
      confidence: .singleSource,
      note: "From the release day 2025-01-14 (lobe-chat releasedAt), assumed to be the launch "
        + "price. Date only; 00:00 Beijing time assumed. Context '8K' recorded as 8,000 as "
        + "lobe-chat does. No cache price found. The commit is undated; 2025-07-15 is a lower "
        + "bound from its newest model."
    )
  ]
}
