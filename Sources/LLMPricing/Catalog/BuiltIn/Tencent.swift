import Foundation

/// Tencent Cloud's Hunyuan prices in CNY, 2024-05 onward.
///
/// Sources and gaps are listed in `Docs/CatalogSources.md`. Where only a date is known, the
/// boundary is 00:00 Beijing time of that date (16:00 UTC the day before) and the note says so.
/// Where a later price was found but not the day it took effect, the period starts on the
/// first day a source shows it, and the note says so: the old price may overstate the cost
/// for some time before that day. Reasoning tokens are billed as output.
enum TencentPrices {
  static let provider = Provider(
    id: "tencent",
    name: "Tencent Cloud Hunyuan",
    country: "CN",
    homeCurrency: .cny,
    timeZone: "Asia/Shanghai",
    pricingPage: "https://cloud.tencent.com/document/product/1729/97731"
  )

  static let region = "mainland China"
  static let dateOnly = "Date only; 00:00 Beijing time assumed."

  static func offerings() throws -> [Offering] {
    try [lite(), standard(), standard256k(), pro(), turboS(), t1()].map { try $0.offering() }
  }

  static func model(
    _ id: String,
    aliases: [String] = [],
    context: Int? = nil,
    maxOutput: Int? = nil,
    released: String? = nil
  ) -> Model {
    Model(
      id: id,
      aliases: aliases,
      vendor: "tencent",
      family: "Hunyuan",
      openWeights: false,
      contextWindow: context,
      maxOutput: maxOutput,
      releaseDate: released.flatMap { try? CalendarDay($0) }
    )
  }

  static func spec(_ model: Model, _ periods: [PeriodSpec]) -> OfferingSpec {
    OfferingSpec(model: model, provider: provider, region: region, currency: .cny, periods: periods)
  }

  // MARK: The May 2024 price war

  /// Tencent Cloud's cuts of 2024-05-22.
  static let priceWar = "2024-05-21T16:00:00Z"
  static let priceWarTable = "https://github.com/syaoranwe/LLM-Price/blob/5b65991/README.md"
  static let priceWarNote =
    "Tencent Cloud cut Hunyuan prices on 2024-05-22 (finance.china.com 2024-05-27: \"5月22日,"
    + "腾讯云宣布…降价\"); read from the LLM-Price README of 2024-05-23. " + dateOnly
    + " Also lobe-chat modelProviders/hunyuan.ts (03776c77). "
  /// The LLM-Price README; its Hunyuan section dated 2025-03-23 is in the file's git history.
  static let laterTable = "https://github.com/syaoranwe/LLM-Price/commits/main/README.md"
  static let laterNote =
    "The day this price took effect is not sourced: the period starts on 2025-03-23, the "
    + "date of the LLM-Price README's Hunyuan section, the first source found showing it. "
    + "one-api's tencent ratio table lists it beside hunyuan-turbo's 2024 price, so the cut "
    + "is older. Also lobe-chat aiModels/hunyuan.ts (19c7d45f)."

  static func lite() -> OfferingSpec {
    spec(
      model("hunyuan-lite", context: 256_000, maxOutput: 6_000),
      [
        PeriodSpec(
          from: priceWar,
          tiers: [TierSpec(miss: "0", out: "0")],
          source: priceWarTable,
          observed: "2024-05-23",
          confidence: .corroborated,
          note: priceWarNote + "Free: input and output at ¥0."
        )
      ]
    )
  }

  static func standard() -> OfferingSpec {
    spec(
      model("hunyuan-standard", context: 32_000, maxOutput: 2_000),
      [
        PeriodSpec(
          from: priceWar,
          tiers: [TierSpec(miss: "4.5", out: "5")],
          source: priceWarTable,
          observed: "2024-05-23",
          confidence: .corroborated,
          note: priceWarNote + "The README calls it hunyuan-standard-32k."
        ),
        PeriodSpec(
          from: "2025-03-22T16:00:00Z",
          tiers: [TierSpec(miss: "0.8", out: "2")],
          source: laterTable,
          observed: "2025-03-23",
          confidence: .singleSource,
          note: laterNote
        ),
      ]
    )
  }

  static func standard256k() -> OfferingSpec {
    spec(
      model("hunyuan-standard-256K", context: 256_000, maxOutput: 6_000),
      [
        PeriodSpec(
          from: priceWar,
          tiers: [TierSpec(miss: "15", out: "60")],
          source: priceWarTable,
          observed: "2024-05-23",
          confidence: .corroborated,
          note: priceWarNote
        ),
        PeriodSpec(
          from: "2025-03-22T16:00:00Z",
          tiers: [TierSpec(miss: "0.5", out: "2")],
          source: laterTable,
          observed: "2025-03-23",
          confidence: .singleSource,
          note: laterNote + " The README merges the two standard models into one row "
            + "(0.5–0.8 in, 2 out); lobe-chat and one-api give 0.5/2 for the 256K model."
        ),
      ]
    )
  }

  static func pro() -> OfferingSpec {
    spec(
      model("hunyuan-pro"),
      [
        PeriodSpec(
          from: priceWar,
          tiers: [TierSpec(miss: "30", out: "100")],
          source: priceWarTable,
          observed: "2024-05-23",
          confidence: .corroborated,
          note: priceWarNote + "Later prices and the model's withdrawal were not sourced."
        )
      ]
    )
  }

  // MARK: TurboS and T1, 2025

  static func turboS() -> OfferingSpec {
    spec(
      model(
        "hunyuan-turbos-latest",
        aliases: [
          "hunyuan-turbos-20250313", "hunyuan-turbos-20250416", "hunyuan-turbos-20250604",
          "hunyuan-turbos-20250926",
        ],
        released: "2025-02-27"
      ),
      [
        PeriodSpec(
          from: "2025-02-26T16:00:00Z",
          tiers: [TierSpec(miss: "0.8", out: "2")],
          source: "https://github.com/Tencent/Hunyuan-TurboS/blob/main/README.md",
          observed: "2025-02-27",
          confidence: .official,
          note: "Turbo S released 2025-02-27: \"输入价格为0.8元/百万tokens，输出价格为2元/百万"
            + "tokens\". " + dateOnly + " A one-week free trial from launch day was by "
            + "application and is not modelled. Dated versions to 20250926 at the same price "
            + "in lobe-chat aiModels/hunyuan.ts."
        )
      ]
    )
  }

  static func t1() -> OfferingSpec {
    spec(
      model(
        "hunyuan-t1-latest",
        aliases: [
          "hunyuan-t1-20250321", "hunyuan-t1-20250403", "hunyuan-t1-20250529",
          "hunyuan-t1-20250711",
        ],
        maxOutput: 64_000,
        released: "2025-03-21"
      ),
      [
        PeriodSpec(
          from: "2025-03-20T16:00:00Z",
          tiers: [TierSpec(miss: "1", out: "4")],
          source: "https://rivista.ai/2025/03/23/tencent-sfida-deepseek-con-hunyuan-t1",
          observed: "2025-03-23",
          confidence: .corroborated,
          note: "Hunyuan T1 released late on 2025-03-21 at ¥1 in, ¥4 out; reasoning billed as "
            + "output. " + dateOnly + " Also wzbok.cn (1 元 in and 4 元 out per million tokens), "
            + "lobe-chat aiModels/hunyuan.ts and the LLM-Price README (2025-03-23)."
        )
      ]
    )
  }
}
