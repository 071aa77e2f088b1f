import Foundation

/// Anthropic's Claude API list prices in USD, 2024-03 to 2026-11.
///
/// Prices are per million tokens. `write` is a 5-minute cache write (1.25× input),
/// `write1h` a 1-hour cache write (2× input), `hit` a cache read or refresh (0.1× input);
/// the Message Batches API halves every price, cache prices included. Where Anthropic gave
/// a date but no time, the boundary is 00:00 UTC of that date and the note says so.
/// Sources and gaps are listed in `Docs/CatalogSources.md`.
enum AnthropicPrices {
  static let provider = Provider(
    id: "anthropic",
    name: "Anthropic",
    country: "US",
    homeCurrency: .usd,
    timeZone: "America/Los_Angeles",
    pricingPage: "https://platform.claude.com/docs/en/about-claude/pricing"
  )

  /// The offerings: every model in Anthropic's USD list, one offering each.
  static func offerings() throws -> [Offering] {
    try specs().map { try $0.offering() }
  }
}

extension AnthropicPrices {
  // MARK: Price lines

  /// One row of Anthropic's price table, per million tokens.
  struct Rates {
    var input: String
    var write: String
    /// The 1-hour cache write; `nil` where no price was published for the period.
    var write1h: String?
    var hit: String
    var output: String
  }

  /// Which cache prices a period has.
  enum Caching {
    /// Before prompt caching launched (2024-08-14): cache tokens cannot occur.
    case none
    /// 5-minute writes and hits; 1-hour writes fall back to the 5-minute price.
    case fiveMinute
    /// 5-minute and 1-hour writes and hits (1-hour cache GA from 2025-08-13).
    case oneHour
  }

  static let opus4 = Rates(input: "15", write: "18.75", write1h: "30", hit: "1.50", output: "75")
  static let opus45 = Rates(input: "5", write: "6.25", write1h: "10", hit: "0.50", output: "25")
  static let opus46Long = Rates(
    input: "10",
    write: "12.50",
    write1h: "20",
    hit: "1",
    output: "37.50"
  )
  static let sonnet = Rates(input: "3", write: "3.75", write1h: "6", hit: "0.30", output: "15")
  static let sonnetLong = Rates(
    input: "6",
    write: "7.50",
    write1h: "12",
    hit: "0.60",
    output: "22.50"
  )
  static let haiku45 = Rates(input: "1", write: "1.25", write1h: "2", hit: "0.10", output: "5")
  static let haiku35Launch = Rates(
    input: "1",
    write: "1.25",
    write1h: nil,
    hit: "0.10",
    output: "5"
  )
  static let haiku35 = Rates(input: "0.80", write: "1", write1h: "1.6", hit: "0.08", output: "4")
  static let haiku3 = Rates(
    input: "0.25",
    write: "0.30",
    write1h: "0.50",
    hit: "0.03",
    output: "1.25"
  )

  /// `[0, 200000]`: a request whose total input (uncached, cache reads and cache writes)
  /// is at most 200,000 tokens.
  static let standardContext = TokenRange(upTo: 200_000)
  /// `(200000, 1000000]`: the 1M-context premium tier; the whole request is billed at it.
  static let longContext = standardContext.next(to: 1_000_000)

  static func tier(_ rates: Rates, _ caching: Caching, input: TokenRange = .all) -> TierSpec {
    TierSpec(
      input: input,
      miss: rates.input,
      hit: caching == .none ? nil : rates.hit,
      write: caching == .none ? nil : rates.write,
      write1h: caching == .oneHour ? rates.write1h : nil,
      out: rates.output
    )
  }

  /// The cliff tiers of the 1M-context beta: everything at `long` above 200,000 input tokens.
  static func longContextTiers(_ base: Rates, _ long: Rates, _ caching: Caching) -> [TierSpec] {
    [tier(base, caching, input: standardContext), tier(long, caching, input: longContext)]
  }

  /// After the 1M beta for Sonnet 4 and 4.5 was retired: requests over 200,000 input tokens
  /// are rejected by the API, so they match no tier.
  static func standardContextOnly(_ rates: Rates) -> [TierSpec] {
    [tier(rates, .oneHour, input: standardContext)]
  }

  // MARK: Sources

  static let pricingPage = "https://platform.claude.com/docs/en/about-claude/pricing"
  static let releaseNotes = "https://docs.claude.com/en/release-notes/api"
  static let releaseNotes2026 = "https://platform.claude.com/docs/en/release-notes/overview"
  static let cachingLaunch = "https://www.vizbyai.com/share/207"
  static let longContextDocs =
    "https://github.com/patrickcarmichael/claude-docs/blob/a9add268/docs/ai-platforms/"
    + "anthropic/formatted/75-feature-specific-pricing.md"

  static let dateOnly = "Anthropic gave the date but not the time; 00:00 UTC assumed."
  static let copy0207 =
    "Read from a transcription of the official page dated 2026-02-07 "
    + "(karstenheld3/SharePoint-GPT-Middleware)."
  static let releaseCopy =
    "Date from the official API release notes (copy in mcarrollnow/medfit, to 2025-10-16)."
  static let multipliers =
    "Cache prices are the published 1.25x/2x/0.1x multipliers, which 'apply on top of long "
    + "context pricing'; genai-prices encodes the same tier prices."
  static let retiredNote =
    "Retirement date from the official model-deprecations page (copy fetched 2026-09-26); "
    + "00:00 UTC assumed."

  // MARK: Shared periods

  /// Prompt caching public beta, 2024-08-14: 5-minute writes at 1.25x, hits at 0.1x.
  static func cachingLaunched(_ rates: Rates) -> PeriodSpec {
    PeriodSpec(
      from: "2024-08-14T00:00:00Z",
      tiers: [tier(rates, .fiveMinute)],
      source: cachingLaunch,
      observed: "2024-08-14",
      confidence: .corroborated,
      note: "Prompt caching public beta (Claude 3.5 Sonnet and Claude 3 Haiku) with these "
        + "write and hit prices; copy of Anthropic's 2024-08-14 announcement, also "
        + "6thwave.news and swipeinsight.app. " + dateOnly
    )
  }

  /// Message Batches API beta, 2024-10-08, at 50% of every price.
  static func batchLaunched(_ rates: Rates) -> PeriodSpec {
    PeriodSpec(
      from: "2024-10-08T00:00:00Z",
      tiers: [tier(rates, .fiveMinute)],
      batch: "0.5",
      source: releaseNotes,
      observed: "2025-10-16",
      confidence: .official,
      note: "Message Batches API beta 'for 50% less cost'. " + releaseCopy + " " + dateOnly
    )
  }

  /// The 1-hour cache duration became generally available on 2025-08-13.
  static func oneHourGA(
    _ tiers: [TierSpec],
    retired: Bool = false,
    observed: String = "2026-02-07",
    copy: String = copy0207
  ) -> PeriodSpec {
    PeriodSpec(
      from: "2025-08-13T00:00:00Z",
      tiers: tiers,
      batch: "0.5",
      source: pricingPage,
      observed: observed,
      confidence: .official,
      note: "1-hour cache writes priced from 2025-08-13, when the 1-hour duration became "
        + "generally available (API release notes); its earlier beta price is not sourced, so "
        + "1-hour writes before then bill at the 5-minute price. " + copy
        + (retired ? " " + retiredNote : "")
    )
  }

  /// A model's launch period, priced from the 2026-02-07 copy of the official page.
  static func launch(_ from: String, _ tiers: [TierSpec], what: String) -> PeriodSpec {
    PeriodSpec(
      from: from,
      tiers: tiers,
      batch: "0.5",
      source: pricingPage,
      observed: "2026-02-07",
      confidence: .official,
      note: what + " " + dateOnly + " " + copy0207
    )
  }
}

extension AnthropicPrices {
  // MARK: Models

  static let vision = ["text", "image"]

  static let haiku3Model = Model(
    id: "claude-3-haiku-20240307",
    vendor: "anthropic",
    family: "Claude",
    openWeights: false,
    contextWindow: 200_000,
    maxOutput: 4_096,
    releaseDate: try? CalendarDay("2024-03-13"),
    modalities: vision
  )
  static let sonnet35JuneModel = Model(
    id: "claude-3-5-sonnet-20240620",
    vendor: "anthropic",
    family: "Claude",
    openWeights: false,
    contextWindow: 200_000,
    maxOutput: 8_192,
    releaseDate: try? CalendarDay("2024-06-20"),
    modalities: vision
  )
  static let sonnet35Model = Model(
    id: "claude-3-5-sonnet-20241022",
    aliases: ["claude-3-5-sonnet-latest"],
    vendor: "anthropic",
    family: "Claude",
    openWeights: false,
    contextWindow: 200_000,
    maxOutput: 8_192,
    releaseDate: try? CalendarDay("2024-10-22"),
    modalities: vision
  )
  static let haiku35Model = Model(
    id: "claude-3-5-haiku-20241022",
    aliases: ["claude-3-5-haiku-latest"],
    vendor: "anthropic",
    family: "Claude",
    openWeights: false,
    contextWindow: 200_000,
    maxOutput: 8_192,
    releaseDate: try? CalendarDay("2024-11-04"),
    modalities: vision
  )
  static let sonnet37Model = Model(
    id: "claude-3-7-sonnet-20250219",
    aliases: ["claude-3-7-sonnet-latest"],
    vendor: "anthropic",
    family: "Claude",
    openWeights: false,
    contextWindow: 200_000,
    maxOutput: 64_000,
    releaseDate: try? CalendarDay("2025-02-24"),
    modalities: vision
  )
  static let sonnet4Model = Model(
    id: "claude-sonnet-4-0",
    aliases: ["claude-sonnet-4-20250514"],
    vendor: "anthropic",
    family: "Claude",
    openWeights: false,
    contextWindow: 200_000,
    maxOutput: 64_000,
    releaseDate: try? CalendarDay("2025-05-22"),
    modalities: vision
  )
  static let opus4Model = Model(
    id: "claude-opus-4-0",
    aliases: ["claude-opus-4-20250514"],
    vendor: "anthropic",
    family: "Claude",
    openWeights: false,
    contextWindow: 200_000,
    maxOutput: 32_000,
    releaseDate: try? CalendarDay("2025-05-22"),
    modalities: vision
  )
  static let opus41Model = Model(
    id: "claude-opus-4-1",
    aliases: ["claude-opus-4-1-20250805"],
    vendor: "anthropic",
    family: "Claude",
    openWeights: false,
    contextWindow: 200_000,
    maxOutput: 32_000,
    releaseDate: try? CalendarDay("2025-08-05"),
    modalities: vision
  )
  static let sonnet45Model = Model(
    id: "claude-sonnet-4-5",
    aliases: ["claude-sonnet-4-5-20250929"],
    vendor: "anthropic",
    family: "Claude",
    openWeights: false,
    contextWindow: 200_000,
    maxOutput: 64_000,
    releaseDate: try? CalendarDay("2025-09-29"),
    modalities: vision
  )
  static let haiku45Model = Model(
    id: "claude-haiku-4-5",
    aliases: ["claude-haiku-4-5-20251001"],
    vendor: "anthropic",
    family: "Claude",
    openWeights: false,
    contextWindow: 200_000,
    maxOutput: 64_000,
    releaseDate: try? CalendarDay("2025-10-15"),
    modalities: vision
  )
  static let opus45Model = Model(
    id: "claude-opus-4-5",
    aliases: ["claude-opus-4-5-20251101"],
    vendor: "anthropic",
    family: "Claude",
    openWeights: false,
    contextWindow: 200_000,
    maxOutput: 64_000,
    releaseDate: try? CalendarDay("2025-11-24"),
    modalities: vision
  )
  static let opus46Model = Model(
    id: "claude-opus-4-6",
    vendor: "anthropic",
    family: "Claude",
    openWeights: false,
    contextWindow: 1_000_000,
    maxOutput: 128_000,
    releaseDate: try? CalendarDay("2026-02-05"),
    modalities: vision
  )
  static let sonnet46Model = Model(
    id: "claude-sonnet-4-6",
    vendor: "anthropic",
    family: "Claude",
    openWeights: false,
    contextWindow: 1_000_000,
    maxOutput: 64_000,
    releaseDate: try? CalendarDay("2026-02-17"),
    modalities: vision
  )
}

extension AnthropicPrices {
  // MARK: Offerings

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

  static func specs() -> [OfferingSpec] {
    [
      haiku3Offering(), sonnet35JuneOffering(), sonnet35Offering(), haiku35Offering(),
      sonnet37Offering(), sonnet4Offering(), opus4Offering(), opus41Offering(),
      sonnet45Offering()
        .retiring(
          at: "2026-11-30T00:00:00Z",
          successor: "Claude Sonnet 5.5",
          source: "https://platform.claude.com/docs/pt-BR/models/sonnet-4-5/overview.md: "
            + "\"retires on November 30, 2026. Recommended replacement: Claude Sonnet 5.5.\" "
            + "Anthropic gave the date but not the time; 00:00 UTC assumed"
        ),
      haiku45Offering(), opus45Offering(), opus46Offering(),
      sonnet46Offering(),
    ]
  }

  static func haiku3Offering() -> OfferingSpec {
    spec(
      haiku3Model,
      [
        PeriodSpec(
          from: "2024-03-13T00:00:00Z",
          tiers: [tier(haiku3, .none)],
          source: cachingLaunch,
          observed: "2024-08-14",
          confidence: .corroborated,
          note: "$0.25/$1.25 from the 2024-08-14 caching announcement (also llm-prices). API "
            + "availability 2024-03-13 from langmart.ai's model page only. " + dateOnly
        ),
        cachingLaunched(haiku3),
        batchLaunched(haiku3),
        oneHourGA(
          [tier(haiku3, .oneHour)],
          retired: true,
          observed: "2026-02-17",
          copy: "Read from a copy of the official page taken between 2026-02-17 and 2026-03-13 "
            + "(its table lists Haiku 3 at $0.25/$0.30/$0.50/$0.03/$1.25)."
        ),
      ],
      retiredAt: "2026-04-20T00:00:00Z"
    )
  }

  static let sonnet35Retired =
    "Retired 2025-10-28 per the deprecations page; the 2025-08-13 notice had said 2025-10-22. "
    + "1-hour price is the official 2x multiplier (model no longer in the 2026 table); "
    + "genai-prices lists the same $6."

  static func sonnet35JuneOffering() -> OfferingSpec {
    spec(
      sonnet35JuneModel,
      [
        PeriodSpec(
          from: "2024-06-20T00:00:00Z",
          tiers: [tier(sonnet, .none)],
          source: cachingLaunch,
          observed: "2024-08-14",
          confidence: .corroborated,
          note: "Claude 3.5 Sonnet GA on the API 2024-06-20 (release notes); $3/$15 from the "
            + "2024-08-14 caching announcement, also llm-prices. " + dateOnly
        ),
        cachingLaunched(sonnet),
        batchLaunched(sonnet),
        PeriodSpec(
          from: "2025-08-13T00:00:00Z",
          tiers: [tier(sonnet, .oneHour)],
          batch: "0.5",
          source: releaseNotes,
          observed: "2025-10-16",
          confidence: .corroborated,
          note: "1-hour cache GA. " + sonnet35Retired
        ),
      ],
      retiredAt: "2025-10-28T00:00:00Z"
    )
  }

  static func sonnet35Offering() -> OfferingSpec {
    spec(
      sonnet35Model,
      [
        PeriodSpec(
          from: "2024-10-22T00:00:00Z",
          tiers: [tier(sonnet, .fiveMinute)],
          batch: "0.5",
          source: releaseNotes,
          observed: "2025-10-16",
          confidence: .corroborated,
          note: "Upgraded Claude 3.5 Sonnet on the API 2024-10-22 at the same prices as "
            + "claude-3-5-sonnet-20240620 (also genai-prices, llm-prices). " + releaseCopy + " "
            + dateOnly
        ),
        PeriodSpec(
          from: "2025-08-13T00:00:00Z",
          tiers: [tier(sonnet, .oneHour)],
          batch: "0.5",
          source: releaseNotes,
          observed: "2025-10-16",
          confidence: .corroborated,
          note: "1-hour cache GA. " + sonnet35Retired
        ),
      ],
      retiredAt: "2025-10-28T00:00:00Z"
    )
  }

  static func haiku35Offering() -> OfferingSpec {
    spec(
      haiku35Model,
      [
        PeriodSpec(
          from: "2024-11-04T00:00:00Z",
          tiers: [tier(haiku35Launch, .fiveMinute)],
          batch: "0.5",
          source: "https://github.com/simonw/llm-claude-3/issues/23",
          observed: "2024-11-04",
          confidence: .corroborated,
          note: "Launch price $1/$5 on the API 2024-11-04 (release notes); also litellm PR "
            + "6586 with writes $1.25 and hits $0.10, and keywordsai.co's copy of the caching "
            + "table. Batch support from launch assumed. " + dateOnly
        ),
        PeriodSpec(
          from: "2024-12-04T00:00:00Z",
          tiers: [tier(haiku35, .fiveMinute)],
          batch: "0.5",
          source: "https://github.com/danny-avila/LibreChat/pull/4851",
          observed: "2024-12-04",
          confidence: .corroborated,
          note: "Cut to $0.80/$4 'about a month' after launch (aiwiki.ai); the effective day is "
            + "not published, so the first dated observation (a PR quoting the official page on "
            + "2024-12-04) is used: requests in the days before may be over-billed. Later "
            + "official page copies show the same prices."
        ),
        PeriodSpec(
          from: "2025-08-13T00:00:00Z",
          tiers: [tier(haiku35, .oneHour)],
          batch: "0.5",
          source: pricingPage,
          observed: "2026-02-07",
          confidence: .official,
          note: "1-hour cache GA (release notes). " + copy0207 + " " + retiredNote
        ),
      ],
      retiredAt: "2026-02-19T00:00:00Z"
    )
  }

  static func sonnet37Offering() -> OfferingSpec {
    spec(
      sonnet37Model,
      [
        launch(
          "2025-02-24T00:00:00Z",
          [tier(sonnet, .fiveMinute)],
          what: "Claude Sonnet 3.7 launched 2025-02-24 (release notes)."
        ),
        oneHourGA([tier(sonnet, .oneHour)], retired: true),
      ],
      retiredAt: "2026-02-19T00:00:00Z"
    )
  }

  static func sonnet4Offering() -> OfferingSpec {
    spec(
      sonnet4Model,
      [
        launch(
          "2025-05-22T00:00:00Z",
          [tier(sonnet, .fiveMinute, input: standardContext)],
          what: "Claude Sonnet 4 launched 2025-05-22 (release notes), 200K context."
        ),
        PeriodSpec(
          from: "2025-08-12T00:00:00Z",
          tiers: longContextTiers(sonnet, sonnetLong, .fiveMinute),
          batch: "0.5",
          source: longContextDocs,
          observed: "2025-11-08",
          confidence: .official,
          note: "1M-context beta for Sonnet 4 from 2025-08-12 (release notes): over 200,000 "
            + "total input tokens (cache reads and writes included) the whole request is billed "
            + "at $6/$22.50. Copy of the official docs (llms-full.txt, 2025-11-08). "
            + multipliers + " " + dateOnly
        ),
        oneHourGA(longContextTiers(sonnet, sonnetLong, .oneHour)),
        betaRetired(),
      ],
      retiredAt: "2026-06-15T00:00:00Z"
    )
  }

  /// The 1M-context beta for Sonnet 4 and 4.5 was retired on 2026-04-30.
  static func betaRetired() -> PeriodSpec {
    PeriodSpec(
      from: "2026-04-30T00:00:00Z",
      tiers: standardContextOnly(sonnet),
      batch: "0.5",
      source: releaseNotes2026,
      observed: "2026-03-31",
      confidence: .official,
      note: "March 30, 2026 release note: the 1M beta for Sonnet 4.5 and Sonnet 4 is retired on "
        + "2026-04-30, after which requests over the standard 200k window return an error; "
        + "such requests match no tier here. " + dateOnly
    )
  }

  static func opus4Offering() -> OfferingSpec {
    spec(
      opus4Model,
      [
        launch(
          "2025-05-22T00:00:00Z",
          [tier(opus4, .fiveMinute)],
          what: "Claude Opus 4 launched 2025-05-22 (release notes)."
        ),
        oneHourGA([tier(opus4, .oneHour)], retired: true),
      ],
      retiredAt: "2026-06-15T00:00:00Z"
    )
  }

  static func opus41Offering() -> OfferingSpec {
    spec(
      opus41Model,
      [
        launch(
          "2025-08-05T00:00:00Z",
          [tier(opus4, .fiveMinute)],
          what: "Claude Opus 4.1 launched 2025-08-05 (release notes)."
        ),
        oneHourGA([tier(opus4, .oneHour)], retired: true),
      ],
      retiredAt: "2026-08-05T00:00:00Z"
    )
  }

  static func sonnet45Offering() -> OfferingSpec {
    spec(
      sonnet45Model,
      [
        launch(
          "2025-09-29T00:00:00Z",
          longContextTiers(sonnet, sonnetLong, .oneHour),
          what: "Claude Sonnet 4.5 launched 2025-09-29 (release notes) with the 1M-context beta: "
            + "over 200,000 total input tokens the whole request is billed at $6/$22.50. "
            + multipliers
        ),
        betaRetired(),
      ]
    )
  }

  static func haiku45Offering() -> OfferingSpec {
    spec(
      haiku45Model,
      [
        launch(
          "2025-10-15T00:00:00Z",
          [tier(haiku45, .oneHour)],
          what: "Claude Haiku 4.5 launched 2025-10-15 (release notes)."
        )
      ]
    )
  }

  static func opus45Offering() -> OfferingSpec {
    spec(
      opus45Model,
      [
        launch(
          "2025-11-24T00:00:00Z",
          [tier(opus45, .oneHour)],
          what: "Claude Opus 4.5 launched 2025-11-24 (release notes)."
        )
      ]
    )
  }

  /// On 2026-03-13 the 1M context became GA for Opus 4.6 and Sonnet 4.6 at standard prices.
  static func longContextGA(_ rates: Rates) -> PeriodSpec {
    PeriodSpec(
      from: "2026-03-13T00:00:00Z",
      tiers: [tier(rates, .oneHour)],
      batch: "0.5",
      source: "https://claudeai-48i.pages.dev/blog/claude-1m-context-practical-rollout-guide",
      observed: "2026-03-14",
      confidence: .corroborated,
      note: "1M context GA for Opus 4.6 and Sonnet 4.6 on 2026-03-13 with no long-context "
        + "premium; also agentmastered.com, getaibook.com, genai-prices (start_date "
        + "2026-03-13); a later official pricing page says both include the full 1M window at "
        + "standard pricing. " + dateOnly
    )
  }

  static func opus46Offering() -> OfferingSpec {
    spec(
      opus46Model,
      [
        launch(
          "2026-02-05T00:00:00Z",
          longContextTiers(opus45, opus46Long, .oneHour),
          what: "Claude Opus 4.6 launched 2026-02-05 (release notes) with the 1M-context beta: "
            + "over 200,000 total input tokens the whole request is billed at $10/$37.50. "
            + multipliers
        ),
        longContextGA(opus45),
      ]
    )
  }

  static func sonnet46Offering() -> OfferingSpec {
    spec(
      sonnet46Model,
      [
        PeriodSpec(
          from: "2026-02-17T00:00:00Z",
          tiers: longContextTiers(sonnet, sonnetLong, .oneHour),
          batch: "0.5",
          source: pricingPage,
          observed: "2026-02-18",
          confidence: .official,
          note: "Claude Sonnet 4.6 launched 2026-02-17 (release notes) with the 1M-context beta "
            + "at the Sonnet 4.5 long-context prices ('Claude Sonnet 4.6 / 4.5 / 4' in a copy of "
            + "the official page taken before 2026-03-13; also claude-code-ultimate-guide "
            + "commit 78f4dc4b verified 2026-02-18, genai-prices). " + multipliers + " " + dateOnly
        ),
        longContextGA(sonnet),
      ]
    )
  }
}
