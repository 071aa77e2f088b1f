import Foundation

/// ByteDance's Doubao prices on Volcano Engine Ark (火山方舟), in its CNY list, 2024-05 onward.
///
/// Sources and gaps are listed in `Docs/CatalogSources.md`. Where only a date is known, the
/// boundary is 00:00 Beijing time of that date (16:00 UTC the day before) and the note says so.
/// Ark's tier bounds are published in thousands of tokens ("输入长度 [0, 32]" in 千 token), so
/// 32K is 32,000 tokens here. Reasoning tokens are billed as output; a cache write is billed
/// as a miss, and Ark's separate cache-storage fee (per token-hour) is not modelled.
enum ByteDancePrices {
  static let provider = Provider(
    id: "bytedance",
    name: "ByteDance Volcano Engine Ark",
    country: "CN",
    homeCurrency: .cny,
    timeZone: "Asia/Shanghai",
    pricingPage: "https://www.volcengine.com/docs/82379/1544106"
  )

  static let region = "mainland China"
  static let dateOnly = "Date only; 00:00 Beijing time assumed."

  /// A transcription of Ark's own model pages; undated, but at this commit its model list
  /// includes deepseek-v3-2-251201, so it is no older than 2025-12-01.
  static let arkDocs =
    "https://github.com/Hajimi-Commune/VolcanoArkDocs/blob/"
    + "a0b6443c8fe09f9b452962c61c0f7c331d49c2a7/docs/模型介绍/推荐模型/"
  static let arkDocsLater =
    "https://github.com/Hajimi-Commune/VolcanoArkDocs/blob/"
    + "26f3abdb06e44d00609fe20ce89f22e130be9d79/docs/模型介绍/推荐模型/"
  static let arkObserved = "2025-12-01"
  static let arkNote =
    "Read from a transcription of Ark's model page, no older than 2025-12-01. Batch "
    + "(50% of input and output, cache hits not discounted) and the cache-storage fee "
    + "(¥0.017 per million tokens per hour) are not modelled."

  static func offerings() throws -> [Offering] {
    try [doubaoPro32k(), doubaoLite32k(), seed16(), seed16Flash(), seed16Lite()].map {
      try $0.offering()
    }
  }

  // MARK: Input and output bands of the Seed 1.6 family

  /// Input bands [0, 32000], (32000, 128000] and (128000, ∞).
  ///
  /// Ark's last band is (128, 256] thousand tokens, the context limit; it is left open here,
  /// as Ark rejects longer inputs anyway.
  static let upTo32k = TokenRange(upTo: 32_000)
  static let upTo128k = upTo32k.next(to: 128_000)
  static let above128k = upTo128k.next(to: nil)
  /// Output [0, 200] and (200, ∞): "输出长度 [0, 0.2]" in thousands of tokens.
  static let shortOutput = TokenRange(upTo: 200)
  static let longOutput = shortOutput.next(to: nil)

  /// The Seed 1.6 matrix: the first input band splits on output length; one cache-hit price.
  static func seedTiers(
    hit: String,
    first: (miss: String, shortOut: String, longOut: String),
    second: (miss: String, out: String),
    third: (miss: String, out: String)
  ) -> [TierSpec] {
    [
      TierSpec(
        input: upTo32k,
        output: shortOutput,
        miss: first.miss,
        hit: hit,
        out: first.shortOut
      ),
      TierSpec(input: upTo32k, output: longOutput, miss: first.miss, hit: hit, out: first.longOut),
      TierSpec(input: upTo128k, miss: second.miss, hit: hit, out: second.out),
      TierSpec(input: above128k, miss: third.miss, hit: hit, out: third.out),
    ]
  }

  // MARK: Doubao general models, launched 2024-05-15

  static let launch = "2024-05-14T16:00:00Z"
  static let launchNews =
    "https://cn.bg3.co/a/bi-tong-xing-di-99-zi-jie-tiao-qi-da-mo-xing-jie-ge-zhan.html"
  static let launchTable = "https://github.com/syaoranwe/LLM-Price/blob/5b65991/README.md"

  static func doubaoPro32k() -> OfferingSpec {
    OfferingSpec(
      model: Model(
        id: "doubao-pro-32k",
        aliases: ["doubao-pro-32k-240515"],
        vendor: "bytedance",
        family: "Doubao",
        openWeights: false,
        releaseDate: try? CalendarDay("2024-05-15")
      ),
      provider: provider,
      region: region,
      currency: .cny,
      periods: [
        PeriodSpec(
          from: launch,
          tiers: [TierSpec(miss: "0.8", out: "2")],
          source: launchNews,
          observed: "2024-05-15",
          confidence: .corroborated,
          note: "Launch at the FORCE conference, 2024-05-15: \"豆包通用模型Pro 32k … 0.8厘/千"
            + "tokens\" input. Output ¥2 from the LLM-Price README (2024-05-23) and "
            + "finance.china.com 2024-05-27 for the date. " + dateOnly
            + " Ark's late-2025 price table also lists a cache-hit price for this model; its "
            + "start date is unknown, so it is not included."
        )
      ]
    )
  }

  static func doubaoLite32k() -> OfferingSpec {
    OfferingSpec(
      model: Model(
        id: "doubao-lite-32k",
        aliases: ["doubao-lite-32k-240515"],
        vendor: "bytedance",
        family: "Doubao",
        openWeights: false,
        contextWindow: 32_768,
        maxOutput: 4_096,
        releaseDate: try? CalendarDay("2024-05-15")
      ),
      provider: provider,
      region: region,
      currency: .cny,
      periods: [
        PeriodSpec(
          from: launch,
          tiers: [TierSpec(miss: "0.3", out: "0.6")],
          source: launchTable,
          observed: "2024-05-23",
          confidence: .corroborated,
          note: "Launched with pro-32k on 2024-05-15. " + dateOnly
            + " Same ¥0.3/¥0.6 on Ark's own doubao-lite-32k page (late 2025) and in code "
            + "configs (0.0003/0.0006 per 1K). Its later cache-hit ¥0.06 has no start date: "
            + "not included."
        )
      ]
    )
  }

  // MARK: Doubao Seed 1.6 family

  static let seedLaunch = "2025-06-10T16:00:00Z"
  static let seedLaunchNote =
    "Doubao 1.6 launched at Volcano Engine's FORCE conference, 2025-06-11 (aiwiki.ai "
    + "Seedance page; lobehub PR #8167 added the models 2025-06-12). " + dateOnly + " "

  static func seedModel(_ id: String, aliases: [String], released: String) -> Model {
    Model(
      id: id,
      aliases: aliases,
      vendor: "bytedance",
      family: "Doubao",
      openWeights: false,
      contextWindow: 256_000,
      maxOutput: 32_000,
      releaseDate: try? CalendarDay(released),
      modalities: ["text", "image", "video"]
    )
  }

  static func seed16() -> OfferingSpec {
    OfferingSpec(
      model: seedModel(
        "doubao-seed-1.6",
        aliases: ["doubao-seed-1-6-250615", "doubao-seed-1-6-251015"],
        released: "2025-06-11"
      ),
      provider: provider,
      region: region,
      currency: .cny,
      periods: [
        PeriodSpec(
          from: seedLaunch,
          tiers: seedTiers(
            hit: "0.16",
            first: (miss: "0.8", shortOut: "2", longOut: "8"),
            second: (miss: "1.2", out: "16"),
            third: (miss: "2.4", out: "24")
          ),
          source: arkDocs + "doubao-seed-1.6.md",
          observed: arkObserved,
          confidence: .official,
          note: seedLaunchNote + "Same matrix in lobe-chat volcengine.ts (d46bc9c9); the "
            + "LLM-Price README of 2025-06-14 gives ¥0.8/¥8 for input under 32K. The cache-hit "
            + "price is not confirmed for the launch day. " + arkNote
        )
      ]
    )
  }

  static func seed16Flash() -> OfferingSpec {
    OfferingSpec(
      model: seedModel(
        "doubao-seed-1.6-flash",
        aliases: [
          "doubao-seed-1-6-flash-250615", "doubao-seed-1-6-flash-250715",
          "doubao-seed-1-6-flash-250828",
        ],
        released: "2025-06-11"
      ),
      provider: provider,
      region: region,
      currency: .cny,
      periods: [
        PeriodSpec(
          from: seedLaunch,
          tiers: [
            TierSpec(input: upTo32k, miss: "0.15", hit: "0.03", out: "1.5"),
            TierSpec(input: upTo128k, miss: "0.3", hit: "0.03", out: "3"),
            TierSpec(input: above128k, miss: "0.6", hit: "0.03", out: "6"),
          ],
          source: arkDocsLater + "doubao-seed-1.6-flash.md",
          observed: arkObserved,
          confidence: .official,
          note: seedLaunchNote + "No output-length split. Same tiers in lobe-chat "
            + "volcengine.ts; the LLM-Price README of 2025-06-14 gives ¥0.15/¥1.5. " + arkNote
        )
      ]
    )
  }

  static func seed16Lite() -> OfferingSpec {
    OfferingSpec(
      model: seedModel(
        "doubao-seed-1.6-lite",
        aliases: ["doubao-seed-1-6-lite-251015"],
        released: "2025-10-16"
      ),
      provider: provider,
      region: region,
      currency: .cny,
      periods: [
        PeriodSpec(
          from: "2025-10-15T16:00:00Z",
          tiers: seedTiers(
            hit: "0.06",
            first: (miss: "0.3", shortOut: "0.6", longOut: "2.4"),
            second: (miss: "0.6", out: "4"),
            third: (miss: "1.2", out: "12")
          ),
          source: arkDocsLater + "doubao-seed-1.6-lite.md",
          observed: arkObserved,
          confidence: .official,
          note: "Launched 2025-10-16 (澎湃 via jinantimes.com.cn: \"10月16日，火山引擎发布…"
            + "豆包大模型1.6 lite\"). " + dateOnly + " Same matrix in lobe-chat volcengine.ts "
            + "(d46bc9c9). " + arkNote
        )
      ]
    )
  }
}
