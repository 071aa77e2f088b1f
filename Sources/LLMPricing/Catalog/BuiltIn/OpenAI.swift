import Foundation

/// OpenAI's USD list prices, 2024-05 to 2026-11: GPT-4o (the alias and its dated
/// snapshots), GPT-4o mini, o1, GPT-4.1, o3, o4-mini, GPT-5 and GPT-5.2.
///
/// Sources and gaps are listed in `Docs/CatalogSources.md`. Where OpenAI gave a date but
/// no time, the boundary is 00:00 UTC of that date and the entry's note says so. Every
/// period offers the Batch API at 50 %; reasoning tokens are billed as output.
enum OpenAIPrices {
  static let provider = Provider(
    id: "openai",
    name: "OpenAI",
    country: "US",
    homeCurrency: .usd,
    timeZone: "America/Los_Angeles",
    pricingPage: "https://openai.com/api/pricing/"
  )

  /// The offerings, one per model id, all in USD.
  static func offerings() throws -> [Offering] {
    try specs().map { try $0.offering() }
  }

  static func specs() -> [OfferingSpec] {
    [
      spec(gpt4o, gpt4oPeriods),
      spec(gpt4o20240513, [launch4o(alias: false)], retiredAt: shutdown20261023),
      spec(gpt4o20240806, gpt4o20240806Periods)
        .retiring(at: "2027-01-14T00:00:00Z", successor: "gpt-6-luna", source: snapshots2027),
      spec(gpt4o20241120, [gpt4o20241120Period])
        .retiring(at: "2027-01-14T00:00:00Z", successor: "gpt-6-luna", source: snapshots2027),
      spec(gpt4oMini, gpt4oMiniPeriods),
      spec(o1, [o1Period], retiredAt: shutdown20261023),
      spec(gpt41, [gpt41Period(miss: "2", hit: "0.50", out: "8")]),
      spec(gpt41Mini, [gpt41Period(miss: "0.40", hit: "0.10", out: "1.60")]),
      spec(
        gpt41Nano,
        [gpt41Period(miss: "0.10", hit: "0.025", out: "0.40", shutdown: true)],
        retiredAt: shutdown20261023
      ),
      spec(o3, o3Periods)
        .retiring(
          at: shutdown20261211,
          successor: "gpt-6.1-sol",
          source: deprecations + "; successor per a release note quoting it "
            + "(https://github.com/samarthputhraya/Modelpin/releases/tag/v0.5.4). "
            + dateOnlyRetirement
        ),
      spec(o4Mini, [o4MiniPeriod], retiredAt: shutdown20261023),
      spec(gpt5, [gpt5Period(miss: "1.25", hit: "0.125", out: "10")])
        .retiring(
          at: shutdown20261211,
          successor: "gpt-6.1-sol",
          source: deprecations + ". " + dateOnlyRetirement
        ),
      spec(gpt5Mini, [gpt5Period(miss: "0.25", hit: "0.025", out: "2")])
        .retiring(
          at: shutdown20261211,
          successor: "gpt-6.1-terra",
          source: deprecations + ". " + dateOnlyRetirement
        ),
      spec(gpt5Nano, [gpt5Period(miss: "0.05", hit: "0.005", out: "0.40")])
        .retiring(
          at: shutdown20261211,
          successor: "gpt-6-luna",
          source: deprecations + "; successor per a release note quoting it "
            + "(https://github.com/samarthputhraya/Modelpin/releases/tag/v0.5.4). "
            + dateOnlyRetirement
        ),
      spec(gpt52, [gpt52Period]),
    ]
  }

  /// The deprecations page: gpt-5, gpt-5-mini, gpt-5-nano and o3 shut down on
  /// 2026-12-11, with the replacements it names (read 2026-12-03).
  static let deprecations =
    "OpenAI deprecations page, shutdown 2026-12-11 (notice 2026-06-11), "
    + "https://developers.openai.com/api/docs/deprecations"
  static let shutdown20261211 = "2026-12-11T00:00:00Z"
  static let dateOnlyRetirement = "OpenAI gave the date but not the time; 00:00 UTC assumed."
  /// The dated GPT-4o snapshots shut down on 2027-01-14 (announced 2026-10-14).
  static let snapshots2027 =
    "OpenAI deprecations page (copy at https://www.w3cschool.cn/openai_api/"
    + "openai_api-docs-deprecations.html; announced 2026-10-14), replacement gpt-6-luna; "
    + "one aggregator names gpt-6.1-sol instead. " + dateOnlyRetirement

  static func spec(
    _ model: Model,
    _ periods: [PeriodSpec],
    retiredAt: String? = nil
  ) -> OfferingSpec {
    OfferingSpec(
      model: model,
      provider: provider,
      region: "global",
      currency: .usd,
      periods: periods,
      retiredAt: retiredAt
    )
  }

  /// One flat period with the Batch API at 50 %.
  static func period(
    _ from: String,
    miss: String,
    hit: String?,
    out: String,
    source: String,
    observed: String,
    _ confidence: Provenance.Confidence,
    note: String
  ) -> PeriodSpec {
    PeriodSpec(
      from: from,
      tiers: [TierSpec(miss: miss, hit: hit, out: out)],
      batch: "0.5",
      source: source,
      observed: observed,
      confidence: confidence,
      note: note
    )
  }

  // MARK: Shared wording

  static let dateOnly = "OpenAI gave the date but not the time; 00:00 UTC assumed."
  static let batch =
    "Batch API at 50% (OpenAI pricing page, as LiteLLM's *_batches keys). The catalog halves "
    + "cache reads too; OpenAI's batch cache price is sourced only for GPT-5 and GPT-5.2."
  static let reasoning = "Reasoning tokens are billed as output."
  /// The shutdown of the wave announced in OpenAI's deprecations notice of 2026-04-22.
  static let shutdown20261023 = "2026-10-23T00:00:00Z"
  static let shutdownNote =
    " Shut down 2026-10-23 per OpenAI's deprecations notice of 2026-04-22 (read in "
    + "anomalyco/models.dev PR 3707 and dimagi/open-chat-studio issue 3208); date only, "
    + "00:00 UTC assumed."
  static let genaiPrices =
    "https://github.com/pydantic/genai-prices/blob/47df840a5ab1/prices/new_data/v2/data.json"
  static let pricingPeers =
    " Also LiteLLM 1.106.2 (source developers.openai.com/api/docs/pricing) and "
    + "simonw/llm-prices."
  static let cachingPage = "https://openai.com/index/api-prompt-caching/"

  // MARK: Models

  static func day(_ text: String) -> CalendarDay? { try? CalendarDay(text) }

  static func model(
    _ id: String,
    aliases: [String] = [],
    family: String,
    context: Int,
    maxOutput: Int,
    released: String
  ) -> Model {
    Model(
      id: id,
      aliases: aliases,
      vendor: "openai",
      family: family,
      openWeights: false,
      contextWindow: context,
      maxOutput: maxOutput,
      releaseDate: day(released),
      modalities: ["text", "image"]
    )
  }

  /// The moving alias: gpt-4o-2024-05-13 until 2024-10-02, then gpt-4o-2024-08-06.
  static let gpt4o = model(
    "gpt-4o",
    family: "GPT-4o",
    context: 128_000,
    maxOutput: 16_384,
    released: "2024-05-13"
  )
  static let gpt4o20240513 = model(
    "gpt-4o-2024-05-13",
    family: "GPT-4o",
    context: 128_000,
    maxOutput: 4_096,
    released: "2024-05-13"
  )
  static let gpt4o20240806 = model(
    "gpt-4o-2024-08-06",
    family: "GPT-4o",
    context: 128_000,
    maxOutput: 16_384,
    released: "2024-08-06"
  )
  static let gpt4o20241120 = model(
    "gpt-4o-2024-11-20",
    family: "GPT-4o",
    context: 128_000,
    maxOutput: 16_384,
    released: "2024-11-20"
  )
  static let gpt4oMini = model(
    "gpt-4o-mini",
    aliases: ["gpt-4o-mini-2024-07-18"],
    family: "GPT-4o",
    context: 128_000,
    maxOutput: 16_384,
    released: "2024-07-18"
  )
  static let o1 = model(
    "o1",
    aliases: ["o1-2024-12-17"],
    family: "o-series",
    context: 200_000,
    maxOutput: 100_000,
    released: "2024-12-17"
  )
  static let gpt41 = model(
    "gpt-4.1",
    aliases: ["gpt-4.1-2025-04-14"],
    family: "GPT-4.1",
    context: 1_047_576,
    maxOutput: 32_768,
    released: "2025-04-14"
  )
  static let gpt41Mini = model(
    "gpt-4.1-mini",
    aliases: ["gpt-4.1-mini-2025-04-14"],
    family: "GPT-4.1",
    context: 1_047_576,
    maxOutput: 32_768,
    released: "2025-04-14"
  )
  static let gpt41Nano = model(
    "gpt-4.1-nano",
    aliases: ["gpt-4.1-nano-2025-04-14"],
    family: "GPT-4.1",
    context: 1_047_576,
    maxOutput: 32_768,
    released: "2025-04-14"
  )
  static let o3 = model(
    "o3",
    aliases: ["o3-2025-04-16"],
    family: "o-series",
    context: 200_000,
    maxOutput: 100_000,
    released: "2025-04-16"
  )
  static let o4Mini = model(
    "o4-mini",
    aliases: ["o4-mini-2025-04-16"],
    family: "o-series",
    context: 200_000,
    maxOutput: 100_000,
    released: "2025-04-16"
  )
  static let gpt5 = model(
    "gpt-5",
    aliases: ["gpt-5-2025-08-07"],
    family: "GPT-5",
    context: 400_000,
    maxOutput: 128_000,
    released: "2025-08-07"
  )
  static let gpt5Mini = model(
    "gpt-5-mini",
    aliases: ["gpt-5-mini-2025-08-07"],
    family: "GPT-5",
    context: 400_000,
    maxOutput: 128_000,
    released: "2025-08-07"
  )
  static let gpt5Nano = model(
    "gpt-5-nano",
    aliases: ["gpt-5-nano-2025-08-07"],
    family: "GPT-5",
    context: 400_000,
    maxOutput: 128_000,
    released: "2025-08-07"
  )
  static let gpt52 = model(
    "gpt-5.2",
    aliases: ["gpt-5.2-2025-12-11"],
    family: "GPT-5",
    context: 400_000,
    maxOutput: 128_000,
    released: "2025-12-11"
  )

  // MARK: GPT-4o

  /// GPT-4o at launch, $5/$15, no cache discount; shared by the alias and the snapshot.
  static func launch4o(alias: Bool) -> PeriodSpec {
    period(
      "2024-05-13T00:00:00Z",
      miss: "5",
      hit: nil,
      out: "15",
      source: "https://github.com/langchain-ai/langchain/pull/21771",
      observed: "2024-05-16",
      .corroborated,
      note: (alias ? "The gpt-4o alias served gpt-4o-2024-05-13 until 2024-10-02. " : "")
        + "GPT-4o launch 2024-05-13 (openai-node 4.46.0 'add gpt-4o model', jiemian.com). "
        + dateOnly + " No cache discount: prompt caching (2024-10-01) covered only the "
        + "latest GPT-4o snapshot. Also open-webui PR 5758, LiteLLM gpt-4o-2024-05-13. "
        + batch
    )
  }

  static let gpt4oPeriods: [PeriodSpec] = [
    launch4o(alias: true),
    period(
      "2024-10-02T00:00:00Z",
      miss: "2.50",
      hit: "1.25",
      out: "10",
      source: "https://github.com/ogkalu2/comic-translate/issues/138",
      observed: "2024-09-12",
      .corroborated,
      note: "OpenAI's email, quoted: 'On Wednesday, October 2nd, the default version of GPT-4o "
        + "will be updated to the latest GPT-4o model, gpt-4o-2024-08-06.' " + dateOnly
        + " Also enricoros/big-AGI PR 665. Prices as gpt-4o-2024-08-06. " + batch
    ),
  ]

  static let gpt4o20240806Periods: [PeriodSpec] = [
    period(
      "2024-08-06T00:00:00Z",
      miss: "2.50",
      hit: nil,
      out: "10",
      source: "https://community.openai.com/t/introducing-structured-outputs/896022",
      observed: "2024-08-06",
      .corroborated,
      note: "Launch announcement on OpenAI's developer forum: 'developers save 50% on inputs "
        + "($2.50/1M input tokens) and 33% on outputs ($10.00/1M output tokens)'. " + dateOnly
        + " No cache discount before 2024-10-01. Also maginative.com, promptfoo PR 1728. "
        + batch
    ),
    period(
      "2024-10-01T00:00:00Z",
      miss: "2.50",
      hit: "1.25",
      out: "10",
      source: cachingPage,
      observed: "2024-10-01",
      .official,
      note: "Prompt Caching launched 2024-10-01 at 50% off for gpt-4o-2024-08-06. " + dateOnly
        + " " + batch
    ),
  ]

  static let gpt4o20241120Period = period(
    "2024-11-20T00:00:00Z",
    miss: "2.50",
    hit: "1.25",
    out: "10",
    source: "https://github.com/kharvd/gpt-cli/pull/108",
    observed: "2025-02-01",
    .corroborated,
    note: "OpenAI pricing page as copied on 2025-02-01. Snapshot released 2024-11-20 "
      + "(openai-node 4.73.0 'add gpt-4o-2024-11-20 model'). " + dateOnly + pricingPeers
      + " " + batch
  )

  // MARK: GPT-4o mini

  static let gpt4oMiniPeriods: [PeriodSpec] = [
    period(
      "2024-07-18T00:00:00Z",
      miss: "0.15",
      hit: nil,
      out: "0.60",
      source: "https://github.com/promptfoo/promptfoo/pull/1218",
      observed: "2024-07-22",
      .corroborated,
      note: "GPT-4o mini launch 2024-07-18 (Allen1212/gpt_token_price_calculator PR 3 of that "
        + "day, citing openai.com/api/pricing). " + dateOnly + " No cache discount before "
        + "2024-10-01. Also langchain PR 24421. " + batch
    ),
    period(
      "2024-10-01T00:00:00Z",
      miss: "0.15",
      hit: "0.075",
      out: "0.60",
      source: cachingPage,
      observed: "2024-10-01",
      .official,
      note: "Prompt Caching launched 2024-10-01 at 50% off for gpt-4o-mini-2024-07-18. "
        + dateOnly + " " + batch
    ),
  ]

  // MARK: o1

  static let o1Period = period(
    "2024-12-17T00:00:00Z",
    miss: "15",
    hit: "7.50",
    out: "60",
    source: "https://github.com/HazyResearch/minions/issues/28",
    observed: "2025-03-20",
    .corroborated,
    note: "o1-2024-12-17 | $15.00 | $7.50 | $60.00, from OpenAI's pricing page. Launched "
      + "2024-12-17 (openai.com/index/o1-and-new-tools-for-developers, cited by "
      + "openai/simple-evals PR 36). " + dateOnly + pricingPeers + " " + reasoning + " "
      + batch + shutdownNote
  )

  // MARK: GPT-4.1

  static func gpt41Period(
    miss: String,
    hit: String,
    out: String,
    shutdown: Bool = false
  ) -> PeriodSpec {
    period(
      "2025-04-14T00:00:00Z",
      miss: miss,
      hit: hit,
      out: out,
      source: genaiPrices,
      observed: "2026-08-21",
      .corroborated,
      note: "GPT-4.1 family launched 2025-04-14 (simonwillison.net, 2025-04-14: nano "
        + "$0.10/$0.40, 1,047,576 in / 32,768 out). " + dateOnly + " Cache hits at 25% of "
        + "input, also in going-doer/Paper2Code codes/utils.py." + pricingPeers + " " + batch
        + (shutdown ? shutdownNote : "")
    )
  }

  // MARK: o3 and o4-mini

  static let o3Periods: [PeriodSpec] = [
    period(
      "2025-04-16T00:00:00Z",
      miss: "10",
      hit: "2.50",
      out: "40",
      source: "https://github.com/langfuse/langfuse/pull/7223",
      observed: "2025-06-10",
      .corroborated,
      note: "Pre-cut o3 rates from this diff: input 10e-6, cached 2.5e-6, output 40e-6 per "
        + "token. Also going-doer/Paper2Code codes/utils.py ($10.00/$2.50/$40.00). "
        + "genai-prices encodes $0.50 cached before the cut, taken as a back-fill of the "
        + "later price and not used. Launched 2025-04-16 (langfuse PR 6491). " + dateOnly
        + " " + reasoning + " " + batch
    ),
    period(
      "2025-06-10T00:00:00Z",
      miss: "2",
      hit: "0.50",
      out: "8",
      source: "https://github.com/langfuse/langfuse/pull/7223",
      observed: "2025-06-10",
      .corroborated,
      note: "80% cut on 2025-06-10 (genai-prices start_date 2025-06-10; LibreChat PR 7948; "
        + "langchain-community PR 142 citing platform.openai.com/docs/models/o3: $2, cached "
        + "$0.50, $8). " + dateOnly + " The cut was announced during the US day, so the "
        + "first hours of 2025-06-10 UTC may still have billed the old rates. " + reasoning
        + " " + batch
    ),
  ]

  static let o4MiniPeriod = period(
    "2025-04-16T00:00:00Z",
    miss: "1.10",
    hit: "0.275",
    out: "4.40",
    source: genaiPrices,
    observed: "2026-08-21",
    .corroborated,
    note: "o4-mini launched with o3 on 2025-04-16 (langfuse PR 6491). " + dateOnly
      + " Same rates in going-doer/Paper2Code codes/utils.py, copied before the o3 cut."
      + pricingPeers + " " + reasoning + " " + batch + shutdownNote
  )

  // MARK: GPT-5 and GPT-5.2

  static func gpt5Period(miss: String, hit: String, out: String) -> PeriodSpec {
    period(
      "2025-08-07T00:00:00Z",
      miss: miss,
      hit: hit,
      out: out,
      source: "https://github.com/LiveBench/LiveBench/issues/269",
      observed: "2025-08-08",
      .corroborated,
      note: "GPT-5 family launched 2025-08-07 (charmbracelet/catwalk PR 32 of that day citing "
        + "platform.openai.com). " + dateOnly + " Table gpt-5 $1.25/$0.125/$10, mini "
        + "$0.25/$0.025/$2, nano $0.05/$0.005/$0.40; also langchain-community PR 229, "
        + "lobehub PR 8723." + pricingPeers + " " + reasoning + " " + batch
    )
  }

  static let gpt52Period = period(
    "2025-12-11T00:00:00Z",
    miss: "1.75",
    hit: "0.175",
    out: "14",
    source: genaiPrices,
    observed: "2026-08-21",
    .corroborated,
    note: "Released 2025-12-11 (snapshot gpt-5.2-2025-12-11; simonw/llm-prices issue 38 "
      + "opened that day). " + dateOnly + pricingPeers + " " + reasoning + " " + batch
  )
}
