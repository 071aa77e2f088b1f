import Foundation

/// SenseTime SenseNova prices (CNY, platform.sensenova.cn).
///
/// Every figure comes from one maintained secondary source (lobe-chat's model bank, which
/// cites platform.sensenova.cn/pricing); each period starts at the model's release day.
/// Sources and gaps are listed in `Docs/CatalogSources.md`.
enum SenseTimePrices {
  static let provider = Provider(
    id: "sensetime",
    name: "SenseTime SenseNova",
    country: "CN",
    homeCurrency: .cny,
    timeZone: "Asia/Shanghai",
    pricingPage: "https://platform.sensenova.cn/pricing"
  )

  static let mainland = "mainland China"
  static let lobeChat =
    "https://github.com/lobehub/lobe-chat/blob/442b8014228dc3b13cfbd23cf852563028efba06/"
    + "packages/model-bank/src/aiModels/sensenova.ts"

  static func offerings() throws -> [Offering] {
    try specs().map { try $0.offering() }
  }

  static func specs() -> [OfferingSpec] {
    [
      (v65Pro, period(from: "2025-07-22T16:00:00Z", miss: "3", out: "9")),
      (v65Turbo, period(from: "2025-07-22T16:00:00Z", miss: "1.5", out: "4.5")),
      (turbo1202, period(from: "2024-12-29T16:00:00Z", miss: "0.3", out: "0.6")),
    ].map { model, period in
      OfferingSpec(
        model: model,
        provider: provider,
        region: mainland,
        currency: .cny,
        periods: [period]
      )
    }
  }

  // MARK: Models

  static let v65Pro = Model(
    id: "SenseNova-V6-5-Pro",
    vendor: "sensetime",
    family: "SenseNova",
    contextWindow: 131_072,
    releaseDate: try? CalendarDay("2025-07-23"),
    modalities: ["text", "image"]
  )
  static let v65Turbo = Model(
    id: "SenseNova-V6-5-Turbo",
    vendor: "sensetime",
    family: "SenseNova",
    contextWindow: 131_072,
    releaseDate: try? CalendarDay("2025-07-23"),
    modalities: ["text", "image"]
  )
  static let turbo1202 = Model(
    id: "SenseChat-Turbo-1202",
    vendor: "sensetime",
    family: "SenseChat",
    contextWindow: 32_768,
    releaseDate: try? CalendarDay("2024-12-30")
  )

  // MARK: Periods

  static func period(from: String, miss: String, out: String) -> PeriodSpec {
    PeriodSpec(
      from: from,
      tiers: [TierSpec(miss: miss, out: out)],
      source: lobeChat,
      observed: "2025-07-23",
      confidence: .singleSource,
      note: "From the release day (lobe-chat releasedAt), assumed to be the launch price. "
        + "Date only; 00:00 Beijing time assumed. No cache price found. The lobe-chat commit "
        + "is undated; 2025-07-23 is a lower bound from its newest model."
    )
  }
}
