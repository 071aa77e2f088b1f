import Foundation

/// Alibaba Cloud's Qwen prices on Model Studio: the mainland Bailian (百炼) list in CNY and
/// the Alibaba Cloud International list in USD, 2024-05 onward.
///
/// Sources and gaps are listed in `Docs/CatalogSources.md`. Where a change has a sourced date
/// but no time, the period starts at 00:00 Beijing time of that date (16:00 UTC the day
/// before). Where no source dates a change, the period starts at 00:00 Beijing time of the
/// first day a dated source shows the new price ("first seen"), so the older price is still
/// billed in between; the note of each such period says so.
enum AlibabaPrices {
  static let provider = Provider(
    id: "alibaba",
    name: "Alibaba Cloud Model Studio (Bailian)",
    country: "CN",
    homeCurrency: .cny,
    timeZone: "Asia/Shanghai",
    pricingPage: "https://help.aliyun.com/zh/model-studio/models"
  )

  /// Every Qwen offering: each model in the mainland CNY list and, where sold, the USD list.
  static func offerings() throws -> [Offering] {
    let mainland = "mainland China"
    let international = "international"
    let specs = [
      OfferingSpec(
        model: qwenMax,
        provider: provider,
        region: mainland,
        currency: .cny,
        periods: qwenMaxCNY
      ),
      OfferingSpec(
        model: qwenMax,
        provider: provider,
        region: international,
        currency: .usd,
        periods: qwenMaxUSD
      ),
      OfferingSpec(
        model: qwenPlus,
        provider: provider,
        region: mainland,
        currency: .cny,
        periods: qwenPlusCNY
      ),
      OfferingSpec(
        model: qwenPlus,
        provider: provider,
        region: international,
        currency: .usd,
        periods: qwenPlusUSD
      ),
      OfferingSpec(
        model: qwenTurbo,
        provider: provider,
        region: mainland,
        currency: .cny,
        periods: qwenTurboCNY
      ),
      OfferingSpec(
        model: qwenTurbo,
        provider: provider,
        region: international,
        currency: .usd,
        periods: qwenTurboUSD
      ),
      OfferingSpec(
        model: qwenFlash,
        provider: provider,
        region: mainland,
        currency: .cny,
        periods: qwenFlashCNY
      ),
      OfferingSpec(
        model: qwenFlash,
        provider: provider,
        region: international,
        currency: .usd,
        periods: qwenFlashUSD
      ),
      OfferingSpec(
        model: qwenLong,
        provider: provider,
        region: mainland,
        currency: .cny,
        periods: qwenLongCNY
      ),
      OfferingSpec(
        model: qwen3Max,
        provider: provider,
        region: mainland,
        currency: .cny,
        periods: qwen3MaxCNY
      ),
      OfferingSpec(
        model: qwen3Max,
        provider: provider,
        region: international,
        currency: .usd,
        periods: qwen3MaxUSD
      ),
    ]
    return try specs.map { try $0.offering() }
  }

  // MARK: Models

  // Model facts are those of the stable id today; the id has pointed at several versions
  // (qwen-max had an 8K context in 2024, qwen-plus 131,072 tokens until 2025).
  static let qwenMax = Model(
    id: "qwen-max",
    vendor: "alibaba",
    family: "Qwen",
    openWeights: false,
    contextWindow: 32_768,
    maxOutput: 8_192
  )
  static let qwenPlus = Model(
    id: "qwen-plus",
    vendor: "alibaba",
    family: "Qwen",
    openWeights: false,
    contextWindow: 1_000_000,
    maxOutput: 32_768
  )
  static let qwenTurbo = Model(
    id: "qwen-turbo",
    vendor: "alibaba",
    family: "Qwen",
    openWeights: false,
    contextWindow: 1_000_000,
    maxOutput: 16_384
  )
  static let qwenFlash = Model(
    id: "qwen-flash",
    vendor: "alibaba",
    family: "Qwen",
    openWeights: false,
    contextWindow: 1_000_000,
    maxOutput: 32_768,
    releaseDate: try? CalendarDay("2025-07-28")
  )
  static let qwenLong = Model(
    id: "qwen-long",
    vendor: "alibaba",
    family: "Qwen",
    openWeights: false,
    contextWindow: 10_000_000
  )
  static let qwen3Max = Model(
    id: "qwen3-max",
    vendor: "alibaba",
    family: "Qwen",
    openWeights: false,
    contextWindow: 262_144,
    maxOutput: 65_536,
    releaseDate: try? CalendarDay("2025-09-24")
  )

  // MARK: Sources and shared notes

  /// syaoranwe/LLM-Price README, Qwen section "最后更新日期：2024-05-23".
  static let llmPrice2405 = "https://github.com/syaoranwe/LLM-Price/blob/5b65991/README.md"
  /// syaoranwe/LLM-Price README, Qwen section "最后更新日期：2025-02-06".
  static let llmPrice2502 = "https://github.com/syaoranwe/LLM-Price/blob/a1c9a4a/README.md"
  /// NetEase News, 2024-05-21: the Qwen-Long cut.
  static let news163 = "https://c.m.163.com/news/a/J2O09HCV05118O92.html"
  /// The Bailian model list (archived, undated; late 2024 by its content).
  static let bailianList2024 =
    "https://help.aliyun.com/zh/model-studio/developer-reference/"
    + "billing-for-applied-computer-vision"
  /// lobe-chat's Qwen model bank (lists models released up to 2025-10-30).
  static let lobeChat =
    "https://github.com/lobehub/lobe-chat/blob/0050a286c45fa8649cdbd0fd893f529225d4ea57/"
    + "packages/model-bank/src/aiModels/qwen.ts"
  /// Alibaba Cloud International billing page, "Last Updated: Nov 27, 2024".
  static let intlBilling2024 =
    "https://alibabacloud.com/help/en/model-studio/developer-reference/billing-for-tongyiqianwen"
  /// Alibaba Cloud International billing page, "Last Updated: Apr 22, 2025".
  static let intlBilling2025 =
    "https://www.alibabacloud.com/help/en/model-studio/billing-for-model-studio"
  /// LiteLLM 1.106.2 `dashscope/*` entries, USD per token, sourced from the International list.
  static let liteLLM = "https://pypi.org/project/litellm/1.106.2/"

  static let dateOnly = "Date only; 00:00 Beijing time assumed."
  static let mayCut =
    "After the 2024-05-21 price-war cut: Alibaba cut nine Qwen models that day (c.m.163.com, "
    + "2024-05-21) and MetaGPT PR #1284 of 2024-05-21 re-priced qwen-turbo/-plus/-max "
    + "'following Alibaba's price reduction'. Pre-cut prices not captured. " + dateOnly
  static let septemberCut =
    "Apsara Conference cut (turbo −85%, plus −80%, max −50%); the month is sourced, the day is "
    + "not: 2024-09-19 assumed, the date of the qwen-*-2024-09-19 versions the stable ids "
    + "pointed to at these prices on the official list. 00:00 Beijing time. The archived list "
    + "is undated; its content (qwen-turbo with a 1,000,000 context, qwen-max = "
    + "qwen-max-2024-09-19) dates it between mid-November 2024 and late January 2025; "
    + "'observed' is the earlier bound. Batch "
    + "calls half price (list: 'Batch调用'); free quota 1,000,000 tokens per model for 180 days "
    + "after activating Bailian. No cache-hit price yet: any hits bill as misses."
  static let cacheAndBatch =
    "Hit = implicit-cache price, 20% of input (help.aliyun.com/zh/model-studio/context-cache); "
    + "the explicit cache (create 125%, hit 10%, 5-minute TTL) is not modelled. Alibaba gives "
    + "batch calls no cache discount; this sheet halves the hit price too."
  static let openTop =
    "The top tier is left open above the source's bound, the model's input limit."
  static let thinkingMapping =
    "Thinking mode: Alibaba bills the whole output of a thinking-mode request (reasoning and "
    + "answer) at the thinking price. `reasoning` holds that price but applies to reasoning "
    + "tokens only, so the answer of a thinking-mode request is billed here at the "
    + "non-thinking price; record its whole completion as reasoning tokens to match the bill."
  static let intlNoCache =
    "Cache hits bill as misses: the International pages gave cached tokens 40% of input "
    + "(undated billing page) and later 'typically 20%' (context-cache page, 2026-10-11) "
    + "with no date for the change. Free quota not modelled: its validity on the "
    + "International site is not sourced."

  // MARK: Tier helpers

  static func flat(
    _ miss: String,
    _ out: String,
    hit: String? = nil,
    reasoning: String? = nil
  ) -> [TierSpec] {
    [TierSpec(miss: miss, hit: hit, out: out, reasoning: reasoning)]
  }

  /// Cliff tiers on request input, one price row per tier.
  ///
  /// The ranges are `[0, b0]`, `(b0, b1]`, …, `(bLast, ∞)`. The last tier is open: the
  /// sources' upper bound is the model's input limit, which the API enforces, so a catalog
  /// bound would only turn a rejected request into an error.
  static func tiered(
    _ bounds: [Int],
    _ rows: [(miss: String, hit: String?, out: String, reasoning: String?)]
  ) -> [TierSpec] {
    var tiers: [TierSpec] = []
    var range = TokenRange(upTo: bounds[0])
    for (index, row) in rows.enumerated() {
      if index > 0 { range = range.next(to: index < bounds.count ? bounds[index] : nil) }
      let name =
        index < bounds.count ? "≤\(bounds[index] / 1_000)K" : ">\(bounds[index - 1] / 1_000)K"
      tiers.append(
        TierSpec(
          name: name,
          input: range,
          miss: row.miss,
          hit: row.hit,
          out: row.out,
          reasoning: row.reasoning
        )
      )
    }
    return tiers
  }
}

// MARK: - Mainland China (Bailian), CNY

extension AlibabaPrices {
  static let qwenMaxCNY = [
    PeriodSpec(
      from: "2024-05-20T16:00:00Z",
      tiers: flat("40", "120"),
      source: llmPrice2405,
      observed: "2024-05-23",
      confidence: .corroborated,
      note: mayCut + " Also flanker/llmprice.cn and small-tou/llm-price (40/120); 8K context."
    ),
    PeriodSpec(
      from: "2024-09-18T16:00:00Z",
      tiers: flat("20", "60"),
      batch: "0.5",
      freeTokens: 1_000_000,
      freeDays: 180,
      source: bailianList2024,
      observed: "2024-11-15",
      confidence: .official,
      note: septemberCut + " List: 0.02/0.06 元/千 tokens, batch 0.01/0.03."
    ),
    PeriodSpec(
      from: "2025-02-05T16:00:00Z",
      tiers: flat("2.4", "9.6", hit: "0.48"),
      batch: "0.5",
      freeTokens: 1_000_000,
      freeDays: 180,
      source: llmPrice2502,
      observed: "2025-02-06",
      confidence: .corroborated,
      note: "First seen 2025-02-06. The cut came with Qwen2.5-Max (qwen-max-2025-01-25, late "
        + "January 2025) but its day is not sourced: earlier requests bill at ¥20/¥60. Also "
        + "lobe-chat qwen.ts, qxytah/qwen-api-pricing (2026-05) and, per the project research, "
        + "dify-official-plugins d149f23c (2025-04-16). When the 20% cache-hit price began "
        + "is not sourced. " + cacheAndBatch
    ),
  ]

  static let qwenPlusCNY = [
    PeriodSpec(
      from: "2024-05-20T16:00:00Z",
      tiers: flat("4", "12"),
      source: llmPrice2405,
      observed: "2024-05-23",
      confidence: .corroborated,
      note: mayCut + " Also small-tou/llm-price (4/12); 32K context."
    ),
    PeriodSpec(
      from: "2024-09-18T16:00:00Z",
      tiers: flat("0.8", "2"),
      batch: "0.5",
      freeTokens: 1_000_000,
      freeDays: 180,
      source: bailianList2024,
      observed: "2024-11-15",
      confidence: .official,
      note: septemberCut + " List: 0.0008/0.002 元/千 tokens; also syaoranwe/LLM-Price README "
        + "(2025-02-06). The thinking mode of qwen-plus-2025-04-28 and later is not priced "
        + "here: reasoning tokens bill at ¥2."
    ),
    PeriodSpec(
      from: "2025-10-29T16:00:00Z",
      tiers: tiered(
        [128_000, 256_000],
        [
          (miss: "0.8", hit: "0.16", out: "2", reasoning: "8"),
          (miss: "2.4", hit: "0.48", out: "20", reasoning: "24"),
          (miss: "4.8", hit: "0.96", out: "48", reasoning: "64"),
        ]
      ),
      batch: "0.5",
      freeTokens: 1_000_000,
      freeDays: 180,
      source: lobeChat,
      observed: "2025-10-30",
      confidence: .corroborated,
      note: "First seen: the stable id on the Qwen3 1M-context versions (qwen-plus-2025-07-28 / "
        + "-09-11), tiered by request input (0–128K, 128K–256K, 256K–1M; K = 1,000 as in "
        + "lobe-chat and LiteLLM, not confirmed against the official text: 128,000 vs "
        + "131,072). The day the stable id switched is not sourced; earlier requests bill flat "
        + "¥0.8/¥2. Same input/output tiers on help.aliyun.com/en/document_detail/3023262.html "
        + "and, per the project research, dify-official-plugins 80befd7a (2025-10-29). " + openTop
        + " "
        + thinkingMapping + " " + cacheAndBatch
    ),
  ]

  static let qwenTurboCNY = [
    PeriodSpec(
      from: "2024-05-20T16:00:00Z",
      tiers: flat("2", "6"),
      source: llmPrice2405,
      observed: "2024-05-23",
      confidence: .corroborated,
      note: mayCut + " Also small-tou/llm-price (2/6); 8K context."
    ),
    PeriodSpec(
      from: "2024-09-18T16:00:00Z",
      tiers: flat("0.3", "0.6"),
      batch: "0.5",
      freeTokens: 1_000_000,
      freeDays: 180,
      source: bailianList2024,
      observed: "2024-11-15",
      confidence: .official,
      note: septemberCut + " List: 0.0003/0.0006 元/千 tokens; also syaoranwe/LLM-Price README "
        + "(2025-02-06) and qxytah/qwen-api-pricing (2026-05). Not shipped: the thinking price "
        + "of the Qwen3 versions (¥3 in lobe-chat only) and the 20% cache-hit price, whose "
        + "start is not sourced; reasoning bills at ¥0.6 and hits as misses."
    ),
  ]

  static let qwenFlashCNY = [
    PeriodSpec(
      from: "2025-07-27T16:00:00Z",
      tiers: tiered(
        [128_000, 256_000],
        [
          (miss: "0.15", hit: "0.03", out: "1.5", reasoning: nil),
          (miss: "0.6", hit: "0.12", out: "6", reasoning: nil),
          (miss: "1.2", hit: "0.24", out: "12", reasoning: nil),
        ]
      ),
      batch: "0.5",
      freeTokens: 1_000_000,
      freeDays: 180,
      source: lobeChat,
      observed: "2025-10-30",
      confidence: .corroborated,
      note: "Launch 2025-07-28 (snapshot qwen-flash-2025-07-28); the launch price is assumed "
        + "equal to the first price seen. " + dateOnly + " Tiers by request input (0–128K, "
        + "128K–256K, 256K–1M; K = 1,000 as in lobe-chat and LiteLLM, not confirmed: 128,000 vs "
        + "131,072). Also Maas-Model-platform qwen-flash.json (parsed from Bailian: same tiers, "
        + "hits, batch ½) and dify-official-plugins qwen-flash.yaml (first tier). Thinking "
        + "and non-thinking output cost the same. " + openTop + " " + cacheAndBatch
    )
  ]

  static let qwenLongCNY = [
    PeriodSpec(
      from: "2024-05-20T16:00:00Z",
      tiers: flat("0.5", "2"),
      source: news163,
      observed: "2024-05-21",
      confidence: .corroborated,
      note: "Price-war cut announced 2024-05-21: input 0.02 → 0.0005 元/千 tokens (¥20 → ¥0.5, "
        + "−97%); also xuehua.us (2024-05-21). Output ¥2 from syaoranwe/LLM-Price (2024-05-23) "
        + "and flanker/llmprice.cn. Both prices unchanged on the Bailian list of late 2024 and in "
        + "qxytah/qwen-api-pricing (2026-05). " + dateOnly + " Not shipped: the pre-cut output "
        + "price, a batch price and a free quota for qwen-long (not confirmed for this model)."
    )
  ]

  static let qwen3MaxCNY = [
    PeriodSpec(
      from: "2025-09-23T16:00:00Z",
      tiers: tiered(
        [32_000, 128_000],
        [
          (miss: "6", hit: nil, out: "24", reasoning: nil),
          (miss: "10", hit: nil, out: "40", reasoning: nil),
          (miss: "15", hit: nil, out: "60", reasoning: nil),
        ]
      ),
      freeTokens: 1_000_000,
      freeDays: 180,
      source: "https://github.com/langgenius/dify-official-plugins/blob/"
        + "094a8ce839f0a30eee4311ec752b4e23b6965ce7/models/tongyi/models/llm/qwen3-max.yaml",
      observed: "2025-09-24",
      confidence: .singleSource,
      note: "Launch list at the Apsara Conference, 2025-09-24: added to dify-official-plugins "
        + "that day (commit 90720c65, per the project research; the copy read is 094a8ce, and "
        + "its qwen3-max-2026-01-23.yaml, from 2026, lists the same prices). " + dateOnly
        + " Tiers as the source words them: 0<Token≤32K, 32K<Token≤128K, "
        + "128K<Token≤252K (K = 1,000 assumed). Non-thinking only at launch. Sources conflict "
        + "after launch: lobe-chat (≥2025-10-30) lists ¥3.2/¥12.8, ¥6.4/¥25.6, ¥9.6/¥38.4, not "
        + "shipped; this list stays in force until the 2026 list is first seen, so costs in "
        + "between are an upper bound. Batch and cache-hit prices not sourced for this list. "
        + openTop
    ),
    PeriodSpec(
      from: "2026-05-31T16:00:00Z",
      tiers: tiered(
        [32_000, 128_000],
        [
          (miss: "2.5", hit: "0.5", out: "10", reasoning: nil),
          (miss: "4", hit: "0.8", out: "16", reasoning: nil),
          (miss: "7", hit: "1.4", out: "28", reasoning: nil),
        ]
      ),
      batch: "0.5",
      freeTokens: 1_000_000,
      freeDays: 180,
      source: "https://github.com/qxytah/qwen-api-pricing",
      observed: "2026-05-31",
      confidence: .corroborated,
      note: "First seen: the source dates its table 'May 2026' without a day, so the period "
        + "starts 2026-06-01 00:00 Beijing time; when the cut happened is not sourced. Same "
        + "prices, hits and batch ½ in Maas-Model-platform qwen3-max.json (parsed from Bailian; "
        + "tiers ≤32K, 32K–128K, 128K–256K, max input 252K). Thinking output not priced apart. "
        + openTop + " " + cacheAndBatch
    ),
  ]
}

// MARK: - International (Model Studio, Singapore), USD

extension AlibabaPrices {
  static let intlFirstSeen2024 =
    "First seen: the International billing page ('Last Updated: Nov 27, 2024'; same prices on "
    + "Dec 16, 2024); when these prices took effect is not sourced."
  static let intlFirstSeen2025 =
    "First seen: the International billing page ('Last Updated: Apr 22, 2025', read from an "
    + "archived mirror), which also halves batch calls. The cut came between 2024-12-16 and "
    + "2025-04-22 but its day is not sourced, so earlier requests bill at the 2024 price. "
    + "Same price in LiteLLM 1.106.2 (2026). "

  static let qwenMaxUSD = [
    PeriodSpec(
      from: "2024-11-26T16:00:00Z",
      tiers: flat("10", "30"),
      source: intlBilling2024,
      observed: "2024-11-27",
      confidence: .official,
      note: intlFirstSeen2024 + " $0.0100/$0.0300 per 1,000 tokens; 8,000-token context."
    ),
    PeriodSpec(
      from: "2025-04-21T16:00:00Z",
      tiers: flat("1.6", "6.4"),
      batch: "0.5",
      source: intlBilling2025,
      observed: "2025-04-22",
      confidence: .official,
      note: intlFirstSeen2025 + intlNoCache
    ),
  ]

  static let qwenPlusUSD = [
    PeriodSpec(
      from: "2024-11-26T16:00:00Z",
      tiers: flat("3", "9"),
      source: intlBilling2024,
      observed: "2024-11-27",
      confidence: .official,
      note: intlFirstSeen2024 + " $0.0030/$0.0090 per 1,000 tokens."
    ),
    PeriodSpec(
      from: "2025-04-21T16:00:00Z",
      tiers: flat("0.4", "1.2"),
      batch: "0.5",
      source: intlBilling2025,
      observed: "2025-04-22",
      confidence: .official,
      note: intlFirstSeen2025 + "Flat: LiteLLM gives the stable qwen-plus no tiers and no "
        + "thinking price (its dated 1M-context versions have them), so reasoning bills as "
        + "output. " + intlNoCache
    ),
  ]

  static let qwenTurboUSD = [
    PeriodSpec(
      from: "2024-11-26T16:00:00Z",
      tiers: flat("0.4", "1.2"),
      source: intlBilling2024,
      observed: "2024-11-27",
      confidence: .official,
      note: intlFirstSeen2024 + " $0.0004/$0.0012 per 1,000 tokens."
    ),
    PeriodSpec(
      from: "2025-04-21T16:00:00Z",
      tiers: flat("0.05", "0.2", reasoning: "0.5"),
      batch: "0.5",
      source: intlBilling2025,
      observed: "2025-04-22",
      confidence: .official,
      note: intlFirstSeen2025 + "Thinking price $0.5 from LiteLLM 1.106.2 (dashscope/qwen-"
        + "turbo, the Qwen3 version qwen-turbo-2025-04-28); earlier versions had no thinking "
        + "mode, so no request before it has reasoning tokens. " + thinkingMapping + " "
        + intlNoCache
    ),
  ]

  static let qwenFlashUSD = [
    PeriodSpec(
      from: "2025-07-27T16:00:00Z",
      tiers: tiered(
        [256_000],
        [
          (miss: "0.05", hit: nil, out: "0.4", reasoning: nil),
          (miss: "0.25", hit: nil, out: "2", reasoning: nil),
        ]
      ),
      source: liteLLM,
      observed: "2026-11-22",
      confidence: .singleSource,
      note: "LiteLLM 1.106.2 dashscope/qwen-flash (source: alibabacloud.com/help/en/model-studio/"
        + "models), tiers by request input 0–256K and 256K–1M (LiteLLM's 256000; K = 1,000 "
        + "not confirmed against the official text). From the 2025-07-28 launch: the snapshot "
        + "qwen-flash-2025-07-28 carries the same price. " + dateOnly + " Thinking output not "
        + "priced apart. No batch price sourced. " + openTop + " " + intlNoCache
    )
  ]

  static let qwen3MaxUSD = [
    PeriodSpec(
      from: "2025-09-23T16:00:00Z",
      tiers: tiered(
        [32_000, 128_000],
        [
          (miss: "1.2", hit: nil, out: "6", reasoning: nil),
          (miss: "2.4", hit: nil, out: "12", reasoning: nil),
          (miss: "3", hit: nil, out: "15", reasoning: nil),
        ]
      ),
      source: liteLLM,
      observed: "2026-11-22",
      confidence: .corroborated,
      note: "LiteLLM 1.106.2 dashscope/qwen3-max (also qwen3-max-preview and -2026-01-23 at the "
        + "same tiers: 0–32K, 32K–128K, 128K–252K; K = 1,000 as LiteLLM encodes it). Also "
        + "api-evangelist/qwen (2026-05-08: $1.2 ≤32K, $3 at 128–252K) and Vercel AI Gateway "
        + "($1.2/$6). From the 2025-09-24 launch. " + dateOnly + " No batch price sourced. "
        + openTop + " " + intlNoCache
    )
  ]
}
