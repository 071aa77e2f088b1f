import Foundation

/// Moonshot AI's Kimi prices: the CNY list of platform.moonshot.cn and the USD list of its
/// international platform (platform.moonshot.ai, later platform.kimi.ai).
///
/// Sources and gaps are listed in `Docs/CatalogSources.md`. Where only a date is known the
/// boundary is 00:00 Beijing time of that date (16:00 UTC the day before). Where no
/// effective date was found, a period starts at the first dated observation of the price.
enum MoonshotPrices {
  static let provider = Provider(
    id: "moonshot",
    name: "Moonshot AI",
    country: "CN",
    homeCurrency: .cny,
    timeZone: "Asia/Shanghai",
    pricingPage: "https://platform.moonshot.cn/docs/pricing/chat"
  )

  static let mainland = "mainland China"
  static let international = "international"
  static let dateOnly = "Date only; 00:00 Beijing time assumed."

  // MARK: Sources

  /// syaoranwe/LLM-Price README at 069ada3; its Moonshot section is dated 2025-04-09.
  static let llmPrice =
    "https://github.com/syaoranwe/LLM-Price/blob/069ada33373fab896cdb4f1de74db38ab5de4829/README.md"
  static let lobeChat =
    "https://github.com/lobehub/lobe-chat/blob/503085fcb3aaf2635c622ef121c93eeae2caaaa8/"
    + "packages/model-bank/src/aiModels/moonshot.ts"
  static let lobeObserved =
    "lobe-chat commit undated; 2025-11-06 is a lower bound from its newest model."
  static let genai =
    "https://github.com/pydantic/genai-prices/blob/4d020b88bef4e14e0819771c1589b9f6eb422ce2/"
    + "prices/providers/moonshotai.yml"
  static let difyK3 =
    "https://github.com/langgenius/dify-official-plugins/blob/"
    + "e7931212cd710cdab2e483ec323656f087e4405d/models/moonshot/models/llm/kimi-k3.yaml"

  /// The kimi-k2 series was discontinued on 2026-05-25 (genai-prices, citing
  /// platform.kimi.ai/docs/models.md); date only, 00:00 Beijing time assumed.
  static let k2Retirement = "2026-05-24T16:00:00Z"

  // MARK: Offerings

  static func offerings() throws -> [Offering] {
    try specs().map { try $0.offering() }
  }

  static func specs() -> [OfferingSpec] {
    var specs: [OfferingSpec] = []
    let v1: [(Model, [PeriodSpec], [PeriodSpec])] = [
      (v1Model("moonshot-v1-8k", 8_192), v1CNY("2", "10", .corroborated), v1USD("0.2", "2")),
      (v1Model("moonshot-v1-32k", 32_768), v1CNY("5", "20", .corroborated), v1USD("1", "3")),
      (v1Model("moonshot-v1-128k", 131_072), v1CNY("10", "30", .singleSource), v1USD("2", "5")),
    ]
    for (model, cny, usd) in v1 {
      specs.append(
        OfferingSpec(
          model: model,
          provider: provider,
          region: mainland,
          currency: .cny,
          periods: cny
        )
      )
      specs.append(
        OfferingSpec(
          model: model,
          provider: provider,
          region: international,
          currency: .usd,
          periods: usd
        )
      )
    }
    for (model, released) in [
      (k2Preview0711, "2025-07-10T16:00:00Z"),
      (k2Preview0905, "2025-09-04T16:00:00Z"),
    ] {
      specs.append(
        OfferingSpec(
          model: model,
          provider: provider,
          region: mainland,
          currency: .cny,
          periods: [k2CNY(from: released)],
          retiredAt: k2Retirement
        )
      )
      specs.append(
        OfferingSpec(
          model: model,
          provider: provider,
          region: international,
          currency: .usd,
          periods: [k2USD(from: released)],
          retiredAt: k2Retirement
        )
      )
    }
    specs.append(
      OfferingSpec(model: k3, provider: provider, region: mainland, currency: .cny, periods: k3CNY)
    )
    specs.append(
      OfferingSpec(
        model: k3,
        provider: provider,
        region: international,
        currency: .usd,
        periods: k3USD
      )
    )
    return specs
  }

  // MARK: Models

  static func v1Model(_ id: String, _ context: Int) -> Model {
    Model(id: id, vendor: "moonshot", family: "Moonshot", contextWindow: context)
  }

  static let k2Preview0711 = Model(
    id: "kimi-k2-0711-preview",
    vendor: "moonshot",
    family: "Kimi",
    openWeights: true,
    contextWindow: 131_072,
    releaseDate: try? CalendarDay("2025-07-11")
  )
  static let k2Preview0905 = Model(
    id: "kimi-k2-0905-preview",
    vendor: "moonshot",
    family: "Kimi",
    openWeights: true,
    contextWindow: 262_144,
    releaseDate: try? CalendarDay("2025-09-05")
  )
  static let k3 = Model(
    id: "kimi-k3",
    vendor: "moonshot",
    family: "Kimi",
    contextWindow: 1_048_576,
    releaseDate: try? CalendarDay("2026-07-16"),
    modalities: ["text", "image", "video"]
  )

  // MARK: Periods

  static func v1CNY(
    _ miss: String,
    _ out: String,
    _ confidence: Provenance.Confidence
  ) -> [PeriodSpec] {
    [
      PeriodSpec(
        from: "2025-04-08T16:00:00Z",
        tiers: [TierSpec(miss: miss, out: out)],
        source: llmPrice,
        observed: "2025-04-09",
        confidence: confidence,
        note: "Starts at the first dated observation (LLM-Price's Moonshot section, 2025-04-09): "
          + "the day moonshot-v1 left its 2024 prices (moonshot-v1-8k was ¥12 in and out on "
          + "2024-05-24 per the research notes) was not found. Same prices in lobe-chat "
          + "moonshot.ts @503085fc; LLM-Price shows the 128k tier only as kimi-latest-128k."
      )
    ]
  }

  static func v1USD(_ miss: String, _ out: String) -> [PeriodSpec] {
    [
      PeriodSpec(
        from: "2026-03-10T16:00:00Z",
        tiers: [TierSpec(miss: miss, out: out)],
        source: genai,
        observed: "2026-03-11",
        confidence: .corroborated,
        note: "USD list of the international platform, first dated observation (genai-prices "
          + "prices_checked 2026-03-11); the start of these USD prices was not found. Same in "
          + "LiteLLM 1.106.2 (source platform.moonshot.ai/docs/pricing)."
      )
    ]
  }

  static func k2CNY(from: String) -> PeriodSpec {
    PeriodSpec(
      from: from,
      tiers: [TierSpec(miss: "4", hit: "1", out: "16")],
      source: lobeChat,
      observed: "2025-11-06",
      confidence: .singleSource,
      note: "From the model's release day (lobe-chat releasedAt); the list is assumed unchanged "
        + "since release. " + dateOnly + " " + lobeObserved
    )
  }

  static func k2USD(from: String) -> PeriodSpec {
    PeriodSpec(
      from: from,
      tiers: [TierSpec(miss: "0.6", hit: "0.15", out: "2.5")],
      source: genai,
      observed: "2026-03-11",
      confidence: .corroborated,
      note: "From the model's release day; first dated USD observation 2026-03-11, assumed "
        + "unchanged since release. " + dateOnly + " Also simonw/llm-prices @723ef0b "
        + "moonshot-ai.json. Discontinued 2026-05-25 per genai-prices."
    )
  }

  static let k3CNY = [
    PeriodSpec(
      from: "2026-07-15T16:00:00Z",
      tiers: [TierSpec(miss: "20", hit: "2", out: "100")],
      source: difyK3,
      observed: "2026-07-16",
      confidence: .singleSource,
      note: "Input ¥20 and output ¥100 from dify-official-plugins kimi-k3.yaml (commit undated; "
        + "not before the 2026-07-16 launch). Cache hit ¥2 from the project's research notes "
        + "(dev.to/TeamoRouter), not re-read. Launch day from genai-prices. " + dateOnly
    )
  ]

  static let k3USD = [
    PeriodSpec(
      from: "2026-07-15T16:00:00Z",
      tiers: [TierSpec(miss: "3", hit: "0.3", out: "15")],
      source: genai,
      observed: "2026-07-16",
      confidence: .corroborated,
      note: "Launch list (genai-prices, ref platform.kimi.ai/docs/pricing/chat-k3.md). "
        + dateOnly + " Same in LiteLLM 1.106.2 moonshot/kimi-k3."
    )
  ]
}
