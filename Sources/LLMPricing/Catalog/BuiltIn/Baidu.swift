import Foundation

/// Baidu's ERNIE prices on Qianfan (千帆) in CNY, 2024-05 onward.
///
/// Sources and gaps are listed in `Docs/CatalogSources.md`. Where only a date is known, the
/// boundary is 00:00 Beijing time of that date (16:00 UTC the day before) and the note says so.
/// Where a later price was found but not the day it took effect, the period starts on the
/// first day a source shows it, and the note says so. Reasoning tokens are billed as output.
enum BaiduPrices {
  static let provider = Provider(
    id: "baidu",
    name: "Baidu AI Cloud Qianfan",
    country: "CN",
    homeCurrency: .cny,
    timeZone: "Asia/Shanghai",
    pricingPage: "https://cloud.baidu.com/doc/WENXINWORKSHOP/s/hlrk4akp7"
  )

  static let region = "mainland China"
  static let dateOnly = "Date only; 00:00 Beijing time assumed."

  static func offerings() throws -> [Offering] {
    try [
      speed8k(), speed128k(), lite8k(), ernie35(), ernie40(), ernie45(), x1(),
      ernie45Turbo128k(), ernie45Turbo32k(), x1Turbo(), ernie50Preview(),
    ]
    .map { try $0.offering() }
  }

  static func model(
    _ id: String,
    context: Int? = nil,
    maxOutput: Int? = nil,
    released: String? = nil,
    modalities: [String] = ["text"]
  ) -> Model {
    Model(
      id: id,
      vendor: "baidu",
      family: "ERNIE",
      openWeights: false,
      contextWindow: context,
      maxOutput: maxOutput,
      releaseDate: released.flatMap { try? CalendarDay($0) },
      modalities: modalities
    )
  }

  static func spec(_ model: Model, _ periods: [PeriodSpec]) -> OfferingSpec {
    OfferingSpec(model: model, provider: provider, region: region, currency: .cny, periods: periods)
  }

  // MARK: Sources

  /// 2024-05-21: Baidu made ERNIE Speed and ERNIE Lite free, "即刻生效".
  static let freeDay = "2024-05-20T16:00:00Z"
  static let freeNews = "https://c.m.163.com/news/a/J2O09HCV05118O92.html"
  static let freeNote =
    "Baidu made ERNIE Speed and ERNIE Lite free on the afternoon of 2024-05-21, effective "
    + "immediately (163.com, wenshannet.com); free in the LLM-Price README of 2024-05-23 and "
    + "lobe-chat aiModels/wenxin.ts (349d5562). " + dateOnly
  static let may2024Table = "https://github.com/syaoranwe/LLM-Price/blob/5b65991/README.md"
  static let may2024Note =
    "In force on 2024-05-23 (LLM-Price README); when it took effect is not sourced, so the "
    + "period starts at 2024-05-21 00:00 Beijing time, the day of Baidu's price-war "
    + "announcement, which did not change this model. Earlier prices are not included. "
  static let feb2025Table = "https://github.com/syaoranwe/LLM-Price/blob/a1c9a4a/README.md"
  static let jun2025Table =
    "https://github.com/syaoranwe/LLM-Price/blob/069ada33373fab896cdb4f1de74db38ab5de4829/"
    + "README.md"
  static let lobeWenxin =
    "https://github.com/lobehub/lobe-chat/blob/349d55625f184c6802e38fa19a930bac6296ded8/"
    + "packages/model-bank/src/aiModels/wenxin.ts"
  static let undated =
    "The day this price took effect is not sourced: the period starts on the date of the "
    + "LLM-Price README's ERNIE section that first shows it; the previous price may "
    + "overstate the cost for some time before. "

  // MARK: Free since 2024-05-21

  static func free(_ model: Model) -> OfferingSpec {
    spec(
      model,
      [
        PeriodSpec(
          from: freeDay,
          tiers: [TierSpec(miss: "0", out: "0")],
          source: freeNews,
          observed: "2024-05-21",
          confidence: .corroborated,
          note: freeNote
        )
      ]
    )
  }

  static func speed8k() -> OfferingSpec {
    free(model("ernie-speed-8k", context: 8_192, maxOutput: 2_048))
  }

  static func speed128k() -> OfferingSpec {
    free(model("ernie-speed-128k", context: 131_072, maxOutput: 4_096))
  }

  static func lite8k() -> OfferingSpec {
    free(model("ernie-lite-8k", context: 8_192, maxOutput: 2_048))
  }

  // MARK: ERNIE 3.5 and 4.0

  static func ernie35() -> OfferingSpec {
    spec(
      model("ernie-3.5-8k"),
      [
        PeriodSpec(
          from: freeDay,
          tiers: [TierSpec(miss: "12", out: "12")],
          source: may2024Table,
          observed: "2024-05-23",
          confidence: .singleSource,
          note: may2024Note + "Also a second GitHub price table (0.012 元/千 tokens)."
        ),
        PeriodSpec(
          from: "2025-02-05T16:00:00Z",
          tiers: [TierSpec(miss: "0.8", out: "2")],
          source: feb2025Table,
          observed: "2025-02-06",
          confidence: .corroborated,
          note: undated + "Same ¥0.8/¥2 in the README's 2025-04-06 and 2025-06-14 sections "
            + "and in a code price table (0.0008/0.002 per 1K)."
        ),
      ]
    )
  }

  static func ernie40() -> OfferingSpec {
    spec(
      model("ernie-4.0-8k"),
      [
        PeriodSpec(
          from: freeDay,
          tiers: [TierSpec(miss: "120", out: "120")],
          source: may2024Table,
          observed: "2024-05-23",
          confidence: .singleSource,
          note: may2024Note + "Also a second GitHub price table (0.12 元/千 tokens)."
        ),
        PeriodSpec(
          from: "2025-02-05T16:00:00Z",
          tiers: [TierSpec(miss: "30", out: "90")],
          source: feb2025Table,
          observed: "2025-02-06",
          confidence: .singleSource,
          note: undated
        ),
        PeriodSpec(
          from: "2025-06-13T16:00:00Z",
          tiers: [TierSpec(miss: "4", out: "16")],
          source: jun2025Table,
          observed: "2025-06-14",
          confidence: .singleSource,
          note: undated + "The README's 2025-04-06 section shows ¥4/¥12 instead; that "
            + "conflicting value is not included."
        ),
      ]
    )
  }

  // MARK: ERNIE 4.5 and X1, 2025

  static let march2025 = "2025-03-15T16:00:00Z"
  static let march2025Note =
    "ERNIE 4.5 and ERNIE X1 launched 2025-03-16 (headlinereader.com and ai505.com). "
    + dateOnly + " "
  static let april2025 = "2025-04-24T16:00:00Z"
  static let april2025Note =
    "ERNIE 4.5 Turbo and X1 Turbo launched at Create 2025 on 2025-04-25 (infoq.cn "
    + "0qljgzktyUV7mjWertCa; headlinereader.com). " + dateOnly + " "

  static func ernie45() -> OfferingSpec {
    spec(
      model(
        "ernie-4.5-8k-preview",
        context: 8_192,
        maxOutput: 2_048,
        released: "2025-03-16",
        modalities: ["text", "image"]
      ),
      [
        PeriodSpec(
          from: march2025,
          tiers: [TierSpec(miss: "4", out: "16")],
          source: jun2025Table,
          observed: "2025-06-14",
          confidence: .corroborated,
          note: march2025Note + "Also lobe-chat aiModels/wenxin.ts and a code price table "
            + "(0.004/0.016 per 1K)."
        )
      ]
    )
  }

  static func x1() -> OfferingSpec {
    spec(
      model("ernie-x1-32k-preview", released: "2025-03-16"),
      [
        PeriodSpec(
          from: march2025,
          tiers: [TierSpec(miss: "2", out: "8")],
          source: jun2025Table,
          observed: "2025-06-14",
          confidence: .corroborated,
          note: march2025Note + "Baidu: X1 matches DeepSeek-R1 \"at only half the price\" "
            + "(R1: ¥4/¥16). The API may have opened after the launch day. Reasoning billed "
            + "as output."
        )
      ]
    )
  }

  static func turbo45(_ model: Model) -> OfferingSpec {
    spec(
      model,
      [
        PeriodSpec(
          from: april2025,
          tiers: [TierSpec(miss: "0.8", out: "3.2")],
          source: lobeWenxin,
          observed: "2025-11-12",
          confidence: .corroborated,
          note: april2025Note + "Also the LLM-Price README of 2025-06-14 (32K–128K). A "
            + "cache-hit price of ¥0.2 appears only in lobe-chat, undated: not included."
        )
      ]
    )
  }

  static func ernie45Turbo128k() -> OfferingSpec {
    turbo45(
      model(
        "ernie-4.5-turbo-128k",
        context: 131_072,
        maxOutput: 12_288,
        released: "2025-04-25"
      )
    )
  }

  static func ernie45Turbo32k() -> OfferingSpec {
    turbo45(
      model("ernie-4.5-turbo-32k", context: 32_768, maxOutput: 12_288, released: "2025-04-25")
    )
  }

  static func x1Turbo() -> OfferingSpec {
    spec(
      model("ernie-x1-turbo-32k", context: 32_768, maxOutput: 28_160, released: "2025-04-25"),
      [
        PeriodSpec(
          from: april2025,
          tiers: [TierSpec(miss: "1", out: "4")],
          source: lobeWenxin,
          observed: "2025-11-12",
          confidence: .corroborated,
          note: april2025Note + "Also the LLM-Price README of 2025-06-14. Reasoning billed as "
            + "output."
        )
      ]
    )
  }

  // MARK: ERNIE 5.0, tiered

  static func ernie50Preview() -> OfferingSpec {
    let small = TokenRange(upTo: 32_000)
    return spec(
      model(
        "ernie-5.0-thinking-preview",
        context: 131_072,
        maxOutput: 65_536,
        released: "2025-11-12",
        modalities: ["text", "image", "audio", "video"]
      ),
      [
        PeriodSpec(
          from: "2025-11-11T16:00:00Z",
          tiers: [
            TierSpec(input: small, miss: "6", out: "24"),
            TierSpec(input: small.next(to: nil), miss: "10", out: "40"),
          ],
          source: lobeWenxin,
          observed: "2025-11-12",
          confidence: .corroborated,
          note: "Input up to 32K: ¥6/¥24; 32K–128K: ¥10/¥40; the request's whole input picks "
            + "the tier. Release date 2025-11-12 from lobe-chat's releasedAt only. " + dateOnly
            + " 32K is 32,000 here (lobe-chat: 0.032 million); desirecore config-center "
            + "(2026-04) gives the same prices with the bound at 32,768. Reasoning billed as "
            + "output. ERNIE 5.0's later non-preview price is not included (conflicting)."
        )
      ]
    )
  }
}
