import Foundation

/// Google's Gemini API (ai.google.dev, paid tier) list prices in USD, 2024-05 to 2026-11.
///
/// Text prices only: audio input (and cached audio) is priced higher on Google's page and is
/// not modelled. `hit` is the context-caching (cached input) price; the hourly storage fee of
/// explicit caches is not modelled. Thinking tokens are billed as output. Where Google gave a
/// date but no time, the boundary is 00:00 UTC of that date and the note says so. Sources
/// and gaps are listed in `Docs/CatalogSources.md`.
enum GooglePrices {
  static let provider = Provider(
    id: "google",
    name: "Google",
    country: "US",
    homeCurrency: .usd,
    timeZone: "America/Los_Angeles",
    pricingPage: "https://ai.google.dev/gemini-api/docs/pricing"
  )

  /// The offerings: each Gemini model in the Gemini API's USD list.
  static func offerings() throws -> [Offering] {
    try specs().map { try $0.offering() }
  }
}

extension GooglePrices {
  // MARK: Sources

  static let pricingPage = "https://ai.google.dev/gemini-api/docs/pricing"
  static let batchLaunch =
    "https://developers.googleblog.com/ja/scale-your-ai-workloads-batch-mode-gemini-api"
  static let proCut =
    "https://developers.googleblog.com/en/"
    + "updated-gemini-models-reduced-15-pro-pricing-increased-rate-limits-and-more/"

  static let dateOnly = "Google gave the date but not the time; 00:00 UTC assumed."
  static let textOnly = "Text/image/video prices; audio input is priced higher and not modelled."
  static let copy1002 = "Read from a copy of the official page last updated 2025-10-02 UTC."
  static let copy1008 =
    "Read from a copy of the official page published 2025-10-08 17:57:41 GMT "
    + "(gfargo/token-tally scripts/fixtures/gemini/pricing.md)."
  static let copy1031 = "Read from a copy of the official page last updated 2025-10-31 UTC."
  static let batchCaveat =
    "Batch halves every price here, but Google's Batch tab lists cached input at the standard "
    + "context-caching price, so batch requests with cache hits are under-billed by half the "
    + "cache-hit line."
  static let cacheChangeWindow =
    "Cached input cut from 25% to 10% of input. The effective date is not published: the page "
    + "of 2025-10-02 shows the old price"

  // MARK: Tiers

  /// A flat tier: fresh input, cached input (`nil` where context caching is not offered),
  /// output.
  static func flat(_ input: String, _ hit: String?, _ output: String) -> [TierSpec] {
    [TierSpec(miss: input, hit: hit, out: output)]
  }

  /// Two cliff tiers split on the prompt size (all input tokens, cached included):
  /// `[0, split]` and `(split, limit]` (open above when `limit` is `nil`); the whole request
  /// is billed at its tier.
  static func split(
    at split: Int,
    limit: Int?,
    _ small: (input: String, hit: String, output: String),
    _ large: (input: String, hit: String, output: String)
  ) -> [TierSpec] {
    let first = TokenRange(upTo: split)
    return [
      TierSpec(input: first, miss: small.input, hit: small.hit, out: small.output),
      TierSpec(
        input: first.next(to: limit),
        miss: large.input,
        hit: large.hit,
        out: large.output
      ),
    ]
  }

  /// The Gemini API batch mode, launched 2025-07-07 at 50% of the standard price.
  static func batchLaunched(_ tiers: [TierSpec]) -> PeriodSpec {
    PeriodSpec(
      from: "2025-07-07T00:00:00Z",
      tiers: tiers,
      batch: "0.5",
      source: batchLaunch,
      observed: "2025-07-07",
      confidence: .official,
      note: "Batch Mode 'at a 50% discount compared to our synchronous APIs', rolled out "
        + "2025-07-07 and 07-08. " + dateOnly + " " + batchCaveat
    )
  }
}

extension GooglePrices {
  // MARK: Models

  static let multimodal = ["text", "image", "audio", "video"]

  static let pro15Model = Model(
    id: "gemini-1.5-pro",
    aliases: ["gemini-1.5-pro-002", "gemini-1.5-pro-001", "gemini-1.5-pro-latest"],
    vendor: "google",
    family: "Gemini",
    openWeights: false,
    modalities: multimodal
  )
  static let flash20Model = Model(
    id: "gemini-2.0-flash",
    aliases: ["gemini-2.0-flash-001"],
    vendor: "google",
    family: "Gemini",
    openWeights: false,
    contextWindow: 1_048_576,
    maxOutput: 8_192,
    releaseDate: try? CalendarDay("2025-02-05"),
    modalities: multimodal
  )
  static let flashLite20Model = Model(
    id: "gemini-2.0-flash-lite",
    aliases: ["gemini-2.0-flash-lite-001"],
    vendor: "google",
    family: "Gemini",
    openWeights: false,
    contextWindow: 1_048_576,
    maxOutput: 8_192,
    releaseDate: try? CalendarDay("2025-02-25"),
    modalities: multimodal
  )
  static let pro25Model = Model(
    id: "gemini-2.5-pro",
    vendor: "google",
    family: "Gemini",
    openWeights: false,
    contextWindow: 1_048_576,
    maxOutput: 65_536,
    releaseDate: try? CalendarDay("2025-06-17"),
    modalities: multimodal
  )
  static let flash25Model = Model(
    id: "gemini-2.5-flash",
    vendor: "google",
    family: "Gemini",
    openWeights: false,
    contextWindow: 1_048_576,
    maxOutput: 65_536,
    releaseDate: try? CalendarDay("2025-06-17"),
    modalities: multimodal
  )
  static let flashLite25Model = Model(
    id: "gemini-2.5-flash-lite",
    vendor: "google",
    family: "Gemini",
    openWeights: false,
    contextWindow: 1_048_576,
    maxOutput: 65_536,
    releaseDate: try? CalendarDay("2025-07-22"),
    modalities: multimodal
  )
  static let pro3PreviewModel = Model(
    id: "gemini-3-pro-preview",
    vendor: "google",
    family: "Gemini",
    openWeights: false,
    contextWindow: 1_048_576,
    maxOutput: 65_536,
    releaseDate: try? CalendarDay("2025-11-18"),
    modalities: multimodal
  )
}

extension GooglePrices {
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

  /// Gemini 2.5 Pro and Flash on the Gemini API: shut down 2026-12-01, requests routed to
  /// the successor and billed at its rates.
  static let shutdown2025 =
    "Gemini API deprecations, as quoted at https://dev.to/aideprecations/what-to-do-before-"
    + "gemini-25-pro-and-25-flash-are-retired-on-december-1-2026-5gg9 (read 2026-11-10): "
    + "calls routed to the successor and billed at its rates. Google gave the date but not "
    + "the time; 00:00 UTC assumed"

  static func specs() -> [OfferingSpec] {
    [
      pro15Offering(), flash20Offering(), flashLite20Offering(),
      pro25Offering()
        .retiring(at: "2026-12-01T00:00:00Z", successor: "gemini-3.8-flash", source: shutdown2025),
      flash25Offering()
        .retiring(
          at: "2026-12-01T00:00:00Z",
          successor: "gemini-3.5-flash-lite",
          source: shutdown2025
        ),
      flashLite25Offering(), pro3PreviewOffering(),
    ]
  }

  /// Google describes a "2 million token" window without an exact count in the sources read,
  /// so the upper tier is left open.
  static let pro15Limit: Int? = nil

  static func pro15Offering() -> OfferingSpec {
    spec(
      pro15Model,
      [
        PeriodSpec(
          from: "2024-05-30T00:00:00Z",
          tiers: split(
            at: 128_000,
            limit: pro15Limit,
            ("3.50", "0.875", "10.50"),
            ("7", "1.75", "21")
          ),
          source: "https://bigbullcloud.com/blog/google-gemini-api-cost-structure",
          observed: "2024-09-30",
          confidence: .corroborated,
          note: "Paid tier from 2024-05-30 (Google developers blog). $3.50/$10.50 up to 128K, "
            + "$7/$21 above, as quoted from the official page in big-AGI and other code; cached "
            + "input $0.875/$1.75 from one page only (store-restack). The page is undated and "
            + "shows the pre-cut prices, so observed is the last day they applied. '128K' taken "
            + "as 128,000. Google dates context caching to May 2024 (day not sourced). " + dateOnly
        ),
        PeriodSpec(
          from: "2024-10-01T00:00:00Z",
          tiers: split(
            at: 128_000,
            limit: pro15Limit,
            ("1.25", "0.3125", "5"),
            ("2.50", "0.625", "10")
          ),
          source: proCut,
          observed: "2024-09-24",
          confidence: .official,
          note: "'64% price reduction on input tokens, a 52% price reduction on output tokens, "
            + "and a 64% price reduction on incremental cached tokens ... effective October "
            + "1st, 2024'. Absolute prices from copies of the official pricing page (2025) and "
            + "genai-prices. No batch (batch mode came after). Shut down 2025-09-24 (Google "
            + "discontinuation notice, as quoted in several repositories). " + dateOnly
        ),
      ],
      retiredAt: "2025-09-24T00:00:00Z"
    )
  }

  static let flash20Shutdown =
    "Shut down 2026-06-01 per the official deprecations page as quoted by ai-tldr.dev, "
    + "gate.com and others; a January 2026 notice had said 2026-03-31."

  static func flash20Offering() -> OfferingSpec {
    spec(
      flash20Model,
      [
        PeriodSpec(
          from: "2025-02-05T00:00:00Z",
          tiers: flat("0.10", "0.025", "0.40"),
          source: pricingPage,
          observed: "2025-10-08",
          confidence: .official,
          note: "GA 2025-02-05 (ai-tldr.dev, devhelpcenter.com) at one price for any prompt "
            + "size. " + textOnly + " When context caching became available for 2.0 Flash is not "
            + "sourced; its price is listed from GA. " + copy1008 + " " + dateOnly
        ),
        batchLaunched(flat("0.10", "0.025", "0.40")),
      ],
      retiredAt: "2026-06-01T00:00:00Z"
    )
  }

  static func flashLite20Offering() -> OfferingSpec {
    spec(
      flashLite20Model,
      [
        PeriodSpec(
          from: "2025-02-25T00:00:00Z",
          tiers: flat("0.075", nil, "0.30"),
          source: pricingPage,
          observed: "2025-10-08",
          confidence: .official,
          note: "GA 2025-02-25 (ai-tldr.dev). Context caching 'Not available'. " + copy1008
            + " " + dateOnly
        ),
        batchLaunched(flat("0.075", nil, "0.30")),
      ],
      retiredAt: "2026-06-01T00:00:00Z"
    )
  }

  static let pro25Limit = 1_048_576

  static func pro25Tiers(hit small: String, _ large: String) -> [TierSpec] {
    split(at: 200_000, limit: pro25Limit, ("1.25", small, "10"), ("2.50", large, "15"))
  }

  static func pro25Offering() -> OfferingSpec {
    spec(
      pro25Model,
      [
        PeriodSpec(
          from: "2025-06-17T00:00:00Z",
          tiers: pro25Tiers(hit: "0.31", "0.625"),
          source: pricingPage,
          observed: "2025-10-02",
          confidence: .official,
          note: "Stable gemini-2.5-pro from 2025-06-17 ('Stable release (June 17th, 2025)' in "
            + "the models list). Prompts over 200k tokens ('200k' taken as 200,000, as in "
            + "litellm and genai-prices) bill the whole request at $2.50/$15. " + copy1002 + " "
            + dateOnly
        ),
        batchLaunched(pro25Tiers(hit: "0.31", "0.625")),
        PeriodSpec(
          from: "2025-10-08T17:57:41Z",
          tiers: pro25Tiers(hit: "0.125", "0.25"),
          batch: "0.5",
          source: pricingPage,
          observed: "2025-10-08",
          confidence: .official,
          note: cacheChangeWindow + "; this copy is the first to show the new one, and its "
            + "publication time is used. " + copy1008 + " " + batchCaveat
        ),
      ]
    )
  }

  static func flash25Offering() -> OfferingSpec {
    spec(
      flash25Model,
      [
        PeriodSpec(
          from: "2025-06-17T00:00:00Z",
          tiers: flat("0.30", "0.075", "2.50"),
          source: pricingPage,
          observed: "2025-10-02",
          confidence: .official,
          note: "Stable gemini-2.5-flash from 2025-06-17 at $0.30/$2.50, thinking included "
            + "(the preview's $0.15/$0.60/$3.50 prices ended with it; aiwiki.ai). " + textOnly
            + " " + copy1002 + " " + dateOnly
        ),
        batchLaunched(flat("0.30", "0.075", "2.50")),
        PeriodSpec(
          from: "2025-10-08T17:57:41Z",
          tiers: flat("0.30", "0.03", "2.50"),
          batch: "0.5",
          source: pricingPage,
          observed: "2025-10-08",
          confidence: .official,
          note: cacheChangeWindow + "; this copy is the first to show the new one, and its "
            + "publication time is used. " + copy1008 + " " + batchCaveat
        ),
      ]
    )
  }

  static func flashLite25Offering() -> OfferingSpec {
    spec(
      flashLite25Model,
      [
        PeriodSpec(
          from: "2025-07-22T00:00:00Z",
          tiers: flat("0.10", "0.025", "0.40"),
          batch: "0.5",
          source: pricingPage,
          observed: "2025-10-08",
          confidence: .official,
          note: "Stable gemini-2.5-flash-lite from 2025-07-22 (roboflow.com; the page lists it "
            + "as stable). " + textOnly + " " + copy1008 + " " + dateOnly + " " + batchCaveat
        ),
        PeriodSpec(
          from: "2025-10-31T00:00:00Z",
          tiers: flat("0.10", "0.01", "0.40"),
          batch: "0.5",
          source: pricingPage,
          observed: "2025-10-31",
          confidence: .official,
          note: "Cached input cut from 25% to 10% of input. The copy of 2025-10-08 still shows "
            + "$0.025; the page revision dated 2025-10-31 is the first seen with $0.01 and its "
            + "date is used (00:00 UTC). " + copy1031
        ),
      ]
    )
  }

  static func pro3PreviewOffering() -> OfferingSpec {
    spec(
      pro3PreviewModel,
      [
        PeriodSpec(
          from: "2025-11-18T00:00:00Z",
          tiers: split(
            at: 200_000,
            limit: 1_048_576,
            ("2", "0.20", "12"),
            ("4", "0.40", "18")
          ),
          batch: "0.5",
          source: "https://www.anttisahla.com/ai/models/gemini-3-pro-preview",
          observed: "2026-04-13",
          confidence: .corroborated,
          note: "$2/$12 up to 200k-token prompts; $4/$18 above and cached input $0.20/$0.40 "
            + "from a copy of the official page and genai-prices; llm-prices agrees on both "
            + "tiers. Preview from 2025-11-18 (absent from the 2025-10-31 page; API access "
            + "reported that day). Shut down 2026-03-09 (official models page warning as "
            + "quoted; anttisahla.com). " + dateOnly + " " + batchCaveat
        )
      ],
      retiredAt: "2026-03-09T00:00:00Z"
    )
  }
}
