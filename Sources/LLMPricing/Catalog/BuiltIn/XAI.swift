import Foundation

/// xAI's USD list prices, 2025-06 to 2026-11: Grok 3, Grok 3 Mini, Grok 4, Grok 4 Fast,
/// Grok Code Fast 1 and Grok 4.3.
///
/// Sources and gaps are listed in `Docs/CatalogSources.md`. Where xAI gave a date but no
/// time, the boundary is 00:00 UTC of that date and the entry's note says so. Reasoning
/// tokens are billed as output. No batch price is included: xAI's batch discount is not
/// sourced well enough.
enum XAIPrices {
  static let provider = Provider(
    id: "xai",
    name: "xAI",
    country: "US",
    homeCurrency: .usd,
    timeZone: "America/Los_Angeles",
    pricingPage: "https://docs.x.ai/docs/models"
  )

  /// The offerings, one per model id, all in USD.
  static func offerings() throws -> [Offering] {
    try specs().map { try $0.offering() }
  }

  static func specs() -> [OfferingSpec] {
    [
      spec(
        grok3,
        [grok3Period(miss: "3", hit: "0.75", out: "15", retired: true)],
        retiredAt: retirement
      ),
      spec(grok3Mini, [grok3Period(miss: "0.30", hit: "0.075", out: "0.50", retired: false)]),
      spec(grok4, [grok4Period], retiredAt: retirement),
      spec(grok4FastReasoning, [grok4FastPeriod], retiredAt: retirement),
      spec(grok4FastNonReasoning, [grok4FastPeriod], retiredAt: retirement),
      spec(grokCodeFast1, [grokCodeFast1Period], retiredAt: retirement),
      spec(grok43, [grok43Period]),
    ]
  }

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

  // MARK: Shared wording

  static let dateOnly = "xAI gave the date but not the time; 00:00 UTC assumed."
  static let reasoning = "Reasoning tokens are billed as output."
  /// 2026-05-15 12:00 PT (PDT, UTC-7): the retirement wave announced in xAI's email of
  /// 2026-05-06.
  static let retirement = "2026-05-15T19:00:00Z"
  static let retirementNote =
    " Retired 2026-05-15 12:00 PT (xAI's email of 2026-05-06, quoted in agentjido/llmdb "
    + "issue 184; docs.x.ai/developers/migration/may-15-retirement). Per xAI's 2026-05-15 "
    + "email (llm-exe/llm-exe issue 512) the slug still answers, redirected to grok-4.3 and "
    + "billed at its rates; LiteLLM PR 28788 names grok-build-0.1 as grok-code-fast-1's "
    + "target. Price later requests as the target model."
  static let longContextGap =
    " Requests above 128,000 input tokens are not priced (no matching tier): sources agree "
    + "on doubled input/output above 128K but not on the cached price there, nor on whether "
    + "the 128K counts the whole request or the prompt."

  // MARK: Models

  static func model(
    _ id: String,
    aliases: [String] = [],
    context: Int,
    maxOutput: Int? = nil,
    released: String?,
    modalities: [String] = ["text"]
  ) -> Model {
    Model(
      id: id,
      aliases: aliases,
      vendor: "xai",
      family: "Grok",
      openWeights: false,
      contextWindow: context,
      maxOutput: maxOutput,
      releaseDate: released.flatMap { try? CalendarDay($0) },
      modalities: modalities
    )
  }

  // Grok 3's API release day is not sourced precisely (April 2025), so it is left nil.
  static let grok3 = model("grok-3", aliases: ["grok-3-latest"], context: 131_072, released: nil)
  static let grok3Mini = model(
    "grok-3-mini",
    aliases: ["grok-3-mini-latest"],
    context: 131_072,
    released: nil
  )
  static let grok4 = model(
    "grok-4",
    aliases: ["grok-4-0709"],
    context: 256_000,
    released: "2025-07-09"
  )
  static let grok4FastReasoning = model(
    "grok-4-fast-reasoning",
    aliases: ["grok-4-fast"],
    context: 2_000_000,
    released: "2025-09-19"
  )
  static let grok4FastNonReasoning = model(
    "grok-4-fast-non-reasoning",
    context: 2_000_000,
    released: "2025-09-19"
  )
  static let grokCodeFast1 = model(
    "grok-code-fast-1",
    aliases: ["grok-code-fast", "grok-code-fast-1-0825"],
    context: 256_000,
    maxOutput: 10_000,
    released: "2025-08-28"
  )
  static let grok43 = model(
    "grok-4.3",
    aliases: ["grok-4.3-latest"],
    context: 1_000_000,
    released: "2026-04-30",
    modalities: ["text", "image"]
  )

  // MARK: Grok 3

  static func grok3Period(miss: String, hit: String, out: String, retired: Bool) -> PeriodSpec {
    PeriodSpec(
      from: "2025-06-02T00:00:00Z",
      tiers: [TierSpec(miss: miss, hit: hit, out: out)],
      source: "https://archive.fo/dYUtw",
      observed: "2025-06-02",
      confidence: .official,
      note: "xAI 'Models and Pricing' page, archived 2025-06-02 10:51 UTC. This is an "
        + "observation date: the API served Grok 3 from April 2025 (ai-shifu/ChatALL PR 998, "
        + "2025-04-10, citing docs.x.ai release notes), but the cache price at its launch is "
        + "not sourced, so earlier requests are not priced. Also genai-prices (checked "
        + "2025-07-12). " + reasoning + (retired ? retirementNote : "")
    )
  }

  // MARK: Grok 4

  static let grok4Period = PeriodSpec(
    from: "2025-07-09T00:00:00Z",
    tiers: [TierSpec(input: TokenRange(upTo: 128_000), miss: "3", hit: "0.75", out: "15")],
    source: "https://github.com/anomalyco/models.dev/pull/43",
    observed: "2025-07-10",
    confidence: .corroborated,
    note: "Grok 4 (grok-4-0709) released 2025-07-09; input $3, cache read $0.75, output $15. "
      + dateOnly
      + " Also genai-prices (checked 2025-07-12), theopenco/llmgateway PR 2037 (from docs.x.ai). "
      + reasoning + longContextGap + " Reported above 128K: $6 in / $30 out (agentsapis.com, "
      + "llmgateway PR 2037, simonw/llm-prices)." + retirementNote
  )

  // MARK: Grok 4 Fast

  static let grok4FastPeriod = PeriodSpec(
    from: "2025-09-19T00:00:00Z",
    tiers: [TierSpec(input: TokenRange(upTo: 128_000), miss: "0.20", hit: "0.05", out: "0.50")],
    source: "https://github.com/Helicone/helicone/issues/4894",
    observed: "2025-09-26",
    confidence: .corroborated,
    note: "Grok 4 Fast (reasoning and non-reasoning, same rates) released 2025-09-19 (model "
      + "card data.x.ai/2025-09-19-grok-4-fast-model-card.pdf). " + dateOnly + " Also "
      + "agentjido/req_llm PR 37, genai-prices. " + reasoning + longContextGap
      + " Reported above 128K: $0.40 in / $1.00 out; cached $0.05 (Helicone, "
      + "simonw/llm-prices) or not offered (llmgateway PR 2037)." + retirementNote
  )

  // MARK: Grok Code Fast 1

  static let grokCodeFast1Period = PeriodSpec(
    from: "2025-08-28T00:00:00Z",
    tiers: [TierSpec(miss: "0.20", hit: "0.02", out: "1.50")],
    source: "https://github.com/promptfoo/promptfoo/pull/5425",
    observed: "2025-08-30",
    confidence: .corroborated,
    note: "Released 2025-08-28 (x.ai/blog/grok-code-fast-1 via JonathanChavezTamales/"
      + "llm-leaderboard PR 92; theopenco/llmgateway PR 666 of that day). " + dateOnly
      + " $0.20 in, $0.02 cache read, $1.50 out; also genai-prices (checked 2026-01-19). "
      + "LiteLLM 1.106.2's $1/$2 for this id is grok-build-0.1's price after the "
      + "retirement redirect. " + reasoning + retirementNote
  )

  // MARK: Grok 4.3

  static let grok43Period = PeriodSpec(
    from: "2026-04-30T00:00:00Z",
    tiers: [
      TierSpec(
        name: "prompt < 200K",
        input: TokenRange(to: 200_000, upperIsInclusive: false),
        miss: "1.25",
        hit: "0.20",
        out: "2.50"
      ),
      TierSpec(
        name: "prompt ≥ 200K",
        input: TokenRange(to: 200_000, upperIsInclusive: false).next(to: nil),
        miss: "2.50",
        hit: "0.40",
        out: "5"
      ),
    ],
    source: "https://github.com/BerriAI/litellm/pull/27153",
    observed: "2026-05-05",
    confidence: .corroborated,
    note: "From xAI's published model metadata: $1.25/$0.20/$2.50, above 200K "
      + "$2.50/$0.40/$5.00. xAI's page (quoted in pydantic/genai-prices PR 586, "
      + "2026-08-22): requests whose prompt reaches 200k tokens are billed at the higher "
      + "rate for every token, so the tier is picked by all input tokens, cached included, "
      + "and 200,000 is already long. API release 2026-04-30 (ai-tldr.dev, aiwiki.ai); "
      + "xAI's availability email came 2026-05-06. " + dateOnly + " " + reasoning
  )
}
