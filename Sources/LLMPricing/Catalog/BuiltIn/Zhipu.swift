import Foundation

/// Zhipu AI's GLM prices: the CNY list of its mainland platform (bigmodel.cn) and the USD
/// list of its international platform (Z.ai).
///
/// Sources and gaps are listed in `Docs/CatalogSources.md`. Where only a date is known the
/// boundary is 00:00 Beijing time of that date (16:00 UTC the day before) and the note says
/// so. Where no effective date was found, a period starts at the first dated observation of
/// the price and the note says so; requests before it are left unpriced rather than guessed.
enum ZhipuPrices {
  static let provider = Provider(
    id: "zhipu",
    name: "Zhipu AI",
    country: "CN",
    homeCurrency: .cny,
    timeZone: "Asia/Shanghai",
    pricingPage: "https://open.bigmodel.cn/pricing"
  )

  static let mainland = "mainland China"
  static let international = "international"
  static let dateOnly = "Date only; 00:00 Beijing time assumed."

  // MARK: Sources

  /// syaoranwe/LLM-Price README at 692a75a; its GLM section is dated 2025-04-23.
  static let llmPriceApril2025 =
    "https://github.com/syaoranwe/LLM-Price/blob/692a75a4ae8c582ac8b02c6715ad222f6a232e67/README.md"
  /// The same README at 069ada3 (2025-06-29); its GLM section adds "Batch API 50%".
  static let llmPriceJune2025 =
    "https://github.com/syaoranwe/LLM-Price/blob/069ada33373fab896cdb4f1de74db38ab5de4829/README.md"
  static let careerEngine = "https://posts.careerengine.us/p/6652a7c2e262620b292fa7af"
  static let lobeChat =
    "https://github.com/lobehub/lobe-chat/blob/19c7d45f2f02933672b57d03cf26826172d080c1/"
    + "packages/model-bank/src/aiModels/zhipu.ts"
  static let lobeObserved =
    "lobe-chat commit undated; 2025-12-17 is a lower bound from the commit's contents."
  static let litellm = "https://pypi.org/project/litellm/1.106.2/"
  static let genaiZai =
    "https://github.com/pydantic/genai-prices/blob/2c7819fc1ff047ee1269fd588bdb2c5dbb88df12/"
    + "prices/providers/zai.yml"

  // MARK: Offerings

  static func offerings() throws -> [Offering] {
    try specs().map { try $0.offering() }
  }

  static func specs() -> [OfferingSpec] {
    [
      OfferingSpec(
        model: glm3Turbo,
        provider: provider,
        region: mainland,
        currency: .cny,
        periods: glm3TurboCNY
      ),
      OfferingSpec(
        model: glm4Air,
        provider: provider,
        region: mainland,
        currency: .cny,
        periods: glm4AirCNY
      ),
      OfferingSpec(
        model: glm4Flash,
        provider: provider,
        region: mainland,
        currency: .cny,
        periods: glm4FlashCNY
      ),
      OfferingSpec(
        model: glm4Plus,
        provider: provider,
        region: mainland,
        currency: .cny,
        periods: glm4PlusCNY
      ),
      OfferingSpec(
        model: glm45,
        provider: provider,
        region: mainland,
        currency: .cny,
        periods: glm45CNY
      ),
      OfferingSpec(
        model: glm45Air,
        provider: provider,
        region: mainland,
        currency: .cny,
        periods: glm45AirCNY
      ),
      OfferingSpec(
        model: glm46,
        provider: provider,
        region: mainland,
        currency: .cny,
        periods: glm46CNY
      ),
      OfferingSpec(
        model: glm46,
        provider: provider,
        region: international,
        currency: .usd,
        periods: glm46USD
      ),
      OfferingSpec(
        model: glm53,
        provider: provider,
        region: international,
        currency: .usd,
        periods: glm53USD
      ),
      OfferingSpec(
        model: glm53Flash,
        provider: provider,
        region: international,
        currency: .usd,
        periods: glm53FlashUSD
      ),
    ]
  }

  // MARK: Models

  static let glm3Turbo = Model(id: "glm-3-turbo", vendor: "zhipu", family: "GLM")
  static let glm4Air = Model(id: "glm-4-air", vendor: "zhipu", family: "GLM")
  static let glm4Flash = Model(id: "glm-4-flash", vendor: "zhipu", family: "GLM")
  static let glm4Plus = Model(
    id: "glm-4-plus",
    vendor: "zhipu",
    family: "GLM",
    contextWindow: 131_072
  )
  static let glm45 = Model(
    id: "glm-4.5",
    vendor: "zhipu",
    family: "GLM",
    openWeights: true,
    contextWindow: 131_072,
    maxOutput: 98_304,
    releaseDate: try? CalendarDay("2025-07-28")
  )
  static let glm45Air = Model(
    id: "glm-4.5-air",
    vendor: "zhipu",
    family: "GLM",
    openWeights: true,
    contextWindow: 131_072,
    maxOutput: 98_304,
    releaseDate: try? CalendarDay("2025-07-28")
  )
  static let glm46 = Model(
    id: "glm-4.6",
    vendor: "zhipu",
    family: "GLM",
    openWeights: true,
    contextWindow: 200_000,
    maxOutput: 131_072
  )
  static let glm53 = Model(
    id: "glm-5.3",
    vendor: "zhipu",
    family: "GLM",
    contextWindow: 1_000_000,
    maxOutput: 131_072,
    releaseDate: try? CalendarDay("2026-08-19")
  )
  static let glm53Flash = Model(
    id: "glm-5.3-flash",
    vendor: "zhipu",
    family: "GLM",
    openWeights: true,
    modalities: ["text", "image", "video"]
  )

  // MARK: Tiers

  /// The GLM-4.5-style cliff tiers.
  ///
  /// Total input up to 32,000 tokens is split by output length (up to 200 tokens, or more),
  /// then one band covers everything above 32,000. Prices are miss, hit, output.
  static func lengthTiers(
    short: (String, String, String),
    shortLong: (String, String, String),
    long: (String, String, String)
  ) -> [TierSpec] {
    let small = TokenRange(upTo: 32_000)
    let brief = TokenRange(upTo: 200)
    return [
      TierSpec(
        name: "input ≤32K, output ≤200",
        input: small,
        output: brief,
        miss: short.0,
        hit: short.1,
        out: short.2
      ),
      TierSpec(
        name: "input ≤32K, output >200",
        input: small,
        output: brief.next(to: nil),
        miss: shortLong.0,
        hit: shortLong.1,
        out: shortLong.2
      ),
      TierSpec(
        name: "input >32K",
        input: small.next(to: nil),
        miss: long.0,
        hit: long.1,
        out: long.2
      ),
    ]
  }

  static let tierNote =
    "Bands as lobe-chat encodes them: input [0, 32_000] split by output [0, 200] and "
    + "[200, ∞), then input above 32,000 (the source prints the top as 128,000 for GLM-4.5 "
    + "and 200,000 for GLM-4.6; left open here). Which side owns exactly 32,000 or 200 "
    + "tokens is not stated; the lower band is assumed."

  // MARK: Periods, CNY

  static let glm3TurboCNY = [
    PeriodSpec(
      from: "2024-01-15T16:00:00Z",
      tiers: [TierSpec(miss: "5", out: "5")],
      source: careerEngine,
      observed: "2024-05-26",
      confidence: .singleSource,
      note: "The 2024-05-11 cut is described as 'from ¥5 to ¥1 per million tokens'; ¥5 is also "
        + "0.005 元/千tokens in wpsshop.cn/w/weixin_40725706/article/detail/836984 (undated). "
        + "Start assumed at the GLM-4 launch on 2024-01-16 (aiwiki.ai/wiki/glm_4), when "
        + "GLM-3-Turbo was listed beside GLM-4; that start is not sourced for GLM-3-Turbo itself. "
        + dateOnly
    ),
    PeriodSpec(
      from: "2024-05-10T16:00:00Z",
      tiers: [TierSpec(miss: "1", out: "1")],
      source: careerEngine,
      observed: "2024-05-26",
      confidence: .corroborated,
      note: "Zhipu cut GLM-3-Turbo by 80% on 2024-05-11 (input and output at one price). "
        + dateOnly + " Also yaliqi.com/new/4e6c60583f6a4b569064675cfc2ae323"
    ),
  ]

  static let glm4AirCNY = [
    PeriodSpec(
      from: "2024-06-04T16:00:00Z",
      tiers: [TierSpec(miss: "1", out: "1")],
      source: "https://github.com/syaoranwe/LLM-Price/blob/14f2d75/README.md",
      observed: "2024-06-05",
      confidence: .corroborated,
      note: "New GLM-4 tiers of 2024-06-05; per the project's research notes (LLM-Price @14f2d75 "
        + "and asiaict.com/ai/1205.html), not re-read for this entry. " + dateOnly
        + " The later GLM-4-Air-250414 (¥0.5) is a separate id. genai-prices (CNY converted "
        + "to USD at 7.25) implies glm-4-air itself was ¥0.5 by 2026-05; the day of that change "
        + "was not found, so it is not shipped and later requests may be overpriced."
    )
  ]

  static let glm4FlashCNY = [
    PeriodSpec(
      from: "2024-06-04T16:00:00Z",
      tiers: [TierSpec(miss: "0.1", out: "0.1")],
      source: "https://github.com/syaoranwe/LLM-Price/blob/14f2d75/README.md",
      observed: "2024-06-05",
      confidence: .corroborated,
      note: "Launched with GLM-4-Air on 2024-06-05; per the project's research notes "
        + "(LLM-Price @14f2d75, asiaict.com), not re-read for this entry. " + dateOnly
    ),
    PeriodSpec(
      from: "2024-08-27T16:00:00Z",
      tiers: [TierSpec(miss: "0", out: "0")],
      source: "https://github.com/syaoranwe/LLM-Price/blob/336916a/README.md",
      observed: "2024-08-28",
      confidence: .singleSource,
      note: "Free from the first dated observation (LLM-Price @336916a, 2024-08-28, per the "
        + "research notes); the announcement day was not found. Still ¥0 in the 2025-04-23 GLM "
        + "section of LLM-Price @692a75a (read), rate-limited to 5 concurrent requests."
    ),
  ]

  static let glm4PlusCNY = [
    PeriodSpec(
      from: "2025-04-22T16:00:00Z",
      tiers: [TierSpec(miss: "5", out: "5")],
      batch: "0.5",
      source: llmPriceApril2025,
      observed: "2025-04-23",
      confidence: .corroborated,
      note: "¥5 for input and output. Also docs.bigmodel.cn/cn/guide/models/text/glm-4 (official, "
        + "undated: '5 元 / 百万Tokens') and dify-official-plugins glm-4-plus.yaml @77378cb7. "
        + "Starts at the first dated observation: the earlier ¥50 price and the day of the cut "
        + "were not sourced. Batch 50% from LLM-Price @069ada3 (single source). Cache-hit "
        + "price not shipped (only a USD conversion was found)."
    )
  ]

  static let glm45CNY = [
    PeriodSpec(
      from: "2025-07-27T16:00:00Z",
      tiers: lengthTiers(
        short: ("2", "0.4", "8"),
        shortLong: ("3", "0.6", "14"),
        long: ("4", "0.8", "16")
      ),
      source: lobeChat,
      observed: "2025-12-17",
      confidence: .singleSource,
      note: "Released 2025-07-28 (date from vercel.com/ai-gateway and opencode.ai for the "
        + "GLM-4.5 family). " + dateOnly + " " + tierNote + " First tier ¥2/¥8 also in "
        + "dify-official-plugins glm-4.5.yaml @77378cb7. " + lobeObserved
    )
  ]

  static let glm45AirCNY = [
    PeriodSpec(
      from: "2025-07-27T16:00:00Z",
      tiers: lengthTiers(
        short: ("0.8", "0.16", "2"),
        shortLong: ("0.8", "0.16", "6"),
        long: ("1.2", "0.24", "8")
      ),
      source: lobeChat,
      observed: "2025-12-17",
      confidence: .singleSource,
      note: "Released 2025-07-28 (vercel.com/ai-gateway/models/glm-4.5-air, "
        + "opencode.ai/data/zhipuai/glm-4-5-air.json). " + dateOnly + " " + tierNote
        + " Input depends only on the input band. " + lobeObserved
    )
  ]

  static let glm46CNY = [
    PeriodSpec(
      from: "2025-10-15T16:00:00Z",
      tiers: lengthTiers(
        short: ("2", "0.4", "8"),
        shortLong: ("3", "0.6", "14"),
        long: ("4", "0.8", "16")
      ),
      source: lobeChat,
      observed: "2025-12-17",
      confidence: .singleSource,
      note: "Released in late September 2025 (cometapi.com/es/what-is-glm-4-6); the day was not "
        + "found, so the period starts at the first dated page showing the model live "
        + "(cometapi.com GLM-4.6 API page, 2025-10-16). " + tierNote + " " + lobeObserved
    )
  ]

  // MARK: Periods, USD (Z.ai)

  static let glm46USD = [
    PeriodSpec(
      from: "2025-10-15T16:00:00Z",
      tiers: [TierSpec(miss: "0.6", hit: "0.11", out: "2.2")],
      source: litellm,
      observed: "2026-08-26",
      confidence: .corroborated,
      note: "Z.ai list, flat: LiteLLM entry zai/glm-4.6 (source docs.z.ai/guides/overview/"
        + "pricing); $0.60/$2.20 also in getmaxim.ai's Z.ai calculator. Cache hit $0.11 from "
        + "LiteLLM only. Start as for the CNY list (first dated observation, 2025-10-16). "
        + "LiteLLM 1.106.2 is undated; 2026-08-26 is a lower bound from its contents."
    )
  ]

  static let glm53USD = [
    PeriodSpec(
      from: "2026-08-18T16:00:00Z",
      tiers: [TierSpec(miss: "1.4", hit: "0.26", out: "4.4")],
      source: genaiZai,
      observed: "2026-08-26",
      confidence: .corroborated,
      note: "Z.ai list, flat; released 2026-08-19 per openrouter.ai/~z-ai/glm-latest (same "
        + "prices). " + dateOnly + " Also LiteLLM zai/glm-5.3 (source docs.z.ai). The mainland "
        + "CNY list for GLM-5.x was not verified and is not shipped."
    )
  ]

  static let glm53FlashUSD = [
    PeriodSpec(
      from: "2026-08-25T16:00:00Z",
      tiers: [TierSpec(miss: "0.075", hit: "0.015", out: "0.25")],
      source: genaiZai,
      observed: "2026-08-26",
      confidence: .corroborated,
      note: "50% launch promotion on the list price until 24:00 on 2026-09-09 (UTC+8). Launch "
        + "day conflicts (Venice 2026-08-21, OpenRouter 2026-08-27), so the period starts at "
        + "the first dated observation (genai-prices, 2026-08-26). Promotion end also in "
        + "github.com/orgs/cometapi-dev/discussions/135."
    ),
    PeriodSpec(
      from: "2026-09-09T16:00:00Z",
      tiers: [TierSpec(miss: "0.15", hit: "0.03", out: "0.5")],
      source: genaiZai,
      observed: "2026-08-26",
      confidence: .corroborated,
      note: "List price after the promotion ('16:00 UTC on September 9, 2026'). Also LiteLLM "
        + "zai/glm-5.3-flash and github.com/VladoIvankovic/Codeep/releases/tag/v2.25.0."
    ),
  ]
}
