extension DeepSeekPrices {
  typealias S = BuiltInData

  /// The offerings: each model in DeepSeek's CNY list and its USD list.
  static func offerings() throws -> [Offering] {
    let mainland = "mainland China"
    let international = "international"
    return [
      Offering(
        model: chatModel,
        provider: provider,
        region: mainland,
        schedule: try schedule(.cny, chatCNY(), retiredAt: retirement)
      ),
      Offering(
        model: chatModel,
        provider: provider,
        region: international,
        schedule: try schedule(.usd, chatUSD(), retiredAt: retirement)
      ),
      Offering(
        model: reasonerModel,
        provider: provider,
        region: mainland,
        schedule: try schedule(.cny, reasonerCNY(), retiredAt: retirement)
      ),
      Offering(
        model: reasonerModel,
        provider: provider,
        region: international,
        schedule: try schedule(.usd, reasonerUSD(), retiredAt: retirement)
      ),
      Offering(
        model: v4FlashModel,
        provider: provider,
        region: mainland,
        schedule: try schedule(.cny, v4FlashCNY())
      ),
      Offering(
        model: v4FlashModel,
        provider: provider,
        region: international,
        schedule: try schedule(.usd, v4FlashUSD())
      ),
      Offering(
        model: v41FlashModel,
        provider: provider,
        region: mainland,
        schedule: try schedule(.cny, [try v41FlashCNY()])
      ),
      Offering(
        model: v41FlashModel,
        provider: provider,
        region: international,
        schedule: try schedule(.usd, [try v41FlashUSD()])
      ),
      Offering(
        model: v4ProModel,
        provider: provider,
        region: mainland,
        schedule: try schedule(.cny, v4ProCNY())
      ),
      Offering(
        model: v4ProModel,
        provider: provider,
        region: international,
        schedule: try schedule(.usd, v4ProUSD())
      ),
    ]
  }

  // Context windows from DeepSeek's pricing pages: 128K for V3.1/V3.2 (64K for V3 and R1
  // before 2025-08-21), 1M with 384K output for V4 and V4.1.
  static let chatModel = Model(
    id: "deepseek-chat",
    vendor: "deepseek",
    family: "DeepSeek",
    openWeights: true,
    contextWindow: 131_072,
    maxOutput: 8_192,
    releaseDate: try? CalendarDay("2024-05-06")
  )
  static let reasonerModel = Model(
    id: "deepseek-reasoner",
    vendor: "deepseek",
    family: "DeepSeek",
    openWeights: true,
    contextWindow: 131_072,
    maxOutput: 65_536,
    releaseDate: try? CalendarDay("2025-01-20")
  )
  static let v4FlashModel = Model(
    id: "deepseek-v4-flash",
    aliases: ["deepseek-v4-flash-vision-exp"],
    vendor: "deepseek",
    family: "DeepSeek",
    openWeights: true,
    contextWindow: 1_048_576,
    maxOutput: 393_216,
    releaseDate: try? CalendarDay("2026-04-24")
  )
  static let v41FlashModel = Model(
    id: "deepseek-flash",
    aliases: ["deepseek-v4.1-flash"],
    vendor: "deepseek",
    family: "DeepSeek",
    openWeights: true,
    contextWindow: 1_048_576,
    maxOutput: 393_216,
    releaseDate: try? CalendarDay("2026-09-10")
  )
  static let v4ProModel = Model(
    id: "deepseek-v4-pro",
    vendor: "deepseek",
    family: "DeepSeek",
    openWeights: true,
    contextWindow: 1_048_576,
    maxOutput: 393_216,
    releaseDate: try? CalendarDay("2026-04-24")
  )

  /// deepseek-chat and deepseek-reasoner stopped answering at this instant.
  static let retirement = "2026-07-24T15:59:00Z"

  // MARK: Shared periods, V3.1 onward: one price for chat and reasoner

  static func unifiedCNY() throws -> [Period] {
    [
      Period(
        from: "2025-09-05T16:00:00Z",
        hit: "0.5",
        miss: "4",
        output: "12",
        source: try S.source(
          "https://api-docs.deepseek.com/zh-cn/news/news250821",
          observed: "2025-08-21",
          .singleSource,
          note: "V3.1 price list from 2025-09-06 00:00 Beijing time, night discount cancelled; "
            + "read from a transcription of the official notice"
        )
      ),
      Period(
        from: "2025-09-28T16:00:00Z",
        hit: "0.2",
        miss: "2",
        output: "3",
        source: try S.source(
          "https://github.com/langgenius/dify-official-plugins/blob/0e8f1f9a/models/deepseek/models/llm/deepseek-chat.yaml",
          observed: "2025-11-10",
          .corroborated,
          note: "V3.2-Exp 'effective immediately' on 2025-09-29. " + dateOnly
            + " Output ¥3 also in ciw.news 2025-10-29; cache hit ¥0.2 from four secondary sources"
        )
      ),
      Period(
        from: "2026-04-23T16:00:00Z",
        hit: "0.2",
        miss: "1",
        output: "2",
        source: try S.source(
          "https://test-news.aibase.com/news/27442",
          observed: "2026-04-24",
          .corroborated,
          note: "From the V4 launch the id serves deepseek-v4-flash at its prices. " + dateOnly
            + " Cache hit ¥0.2 from a single source"
        )
      ),
      Period(
        from: "2026-04-26T12:15:00Z",
        hit: "0.02",
        miss: "1",
        output: "2",
        source: try S.source(
          "https://welinux.com/topic/54.rss",
          observed: "2026-05-01",
          .corroborated,
          note: "Cache-hit price cut to 1/10 from 2026-04-26 20:15 Beijing time"
        )
      ),
    ]
  }

  static func unifiedUSD() throws -> [Period] {
    [
      Period(
        from: "2025-09-05T16:00:00Z",
        hit: "0.07",
        miss: "0.56",
        output: "1.68",
        source: try S.source(
          usdPage,
          observed: "2025-09-01",
          .official,
          note: "'Starting from 16:00 UTC Time on Sept 5th, 2025, we will apply the following "
            + "price list and cancel the nighttime discount'"
        )
      ),
      Period(
        from: "2025-09-28T16:00:00Z",
        hit: "0.028",
        miss: "0.28",
        output: "0.42",
        source: try S.source(
          usdPage,
          observed: "2025-10-01",
          .official,
          note: "V3.2-Exp 'effective immediately' on 2025-09-29. " + dateOnly
        )
      ),
      Period(
        from: "2026-04-23T16:00:00Z",
        hit: "0.028",
        miss: "0.14",
        output: "0.28",
        source: try S.source(
          "https://github.com/ginlix-ai/LangAlpha/pull/173",
          observed: "2026-04-25",
          .corroborated,
          note: "From the V4 launch the id serves deepseek-v4-flash at its prices. " + dateOnly
            + " Also simonw/llm-prices"
        )
      ),
      Period(
        from: "2026-04-26T12:15:00Z",
        hit: "0.0028",
        miss: "0.14",
        output: "0.28",
        source: try S.source(
          usdPage,
          observed: "2026-05-22",
          .official,
          note: "Cache-hit price cut to 1/10 from 2026/4/26 12:15 UTC"
        )
      ),
    ]
  }

  // MARK: deepseek-chat

  static func chatCNY() throws -> [Period] {
    [
      Period(
        from: "2024-05-05T16:00:00Z",
        hit: nil,
        miss: "1",
        output: "2",
        source: try S.source(
          "https://www.jiemian.com/article/11185963.html",
          observed: "2024-05-07",
          .corroborated,
          note: "DeepSeek-V2 launch, 2024-05-06. " + dateOnly + " Also xmsumi.com/detail/310"
        )
      ),
      Period(
        from: "2024-08-01T16:00:00Z",
        hit: "0.1",
        miss: "1",
        output: "2",
        source: try S.source(
          "https://api-docs.deepseek.com/zh-cn/news/news0802",
          observed: "2024-08-02",
          .official,
          note: "Context caching on disk launched 2024-08-02; cache hits ¥0.1. " + dateOnly
        )
      ),
      Period(
        from: "2025-02-08T16:00:00Z",
        hit: "0.5",
        miss: "2",
        output: "8",
        source: try S.source(
          "https://xmsumi.com/detail/310",
          observed: "2025-02-26",
          .corroborated,
          note: "DeepSeek-V3 list price after the launch promotion (¥0.1/¥1/¥2, unchanged from "
            + "V2.5) ended 2025-02-08 24:00 Beijing time. Also lobe-chat aiModels/deepseek.ts"
        )
      ),
      Period(
        from: "2025-02-26T16:30:00Z",
        hit: "0.5",
        miss: "2",
        output: "8",
        source: try S.source(
          "https://faxianai.com/news/7934.html",
          observed: "2025-02-27",
          .corroborated,
          note: "Night discount 00:30–08:30 Beijing time, V3 at 50%, from the first window "
            + "after the 2025-02-26 announcement. Also coolwj.com (证券时报)"
        ),
        windows: .nightOffPeak(hit: "0.25", miss: "1", output: "4")
      ),
    ] + (try unifiedCNY())
  }

  static func chatUSD() throws -> [Period] {
    [
      Period(
        from: "2024-05-05T16:00:00Z",
        hit: nil,
        miss: "0.14",
        output: "0.28",
        source: try S.source(
          "https://github.com/BerriAI/litellm/pull/3502",
          observed: "2024-05-07",
          .corroborated,
          note: "DeepSeek-V2 launch, 2024-05-06. " + dateOnly
            + " Also openrouter.ai deepseek-coder ($0.14/$0.28)"
        )
      ),
      Period(
        from: "2024-08-01T16:00:00Z",
        hit: "0.014",
        miss: "0.14",
        output: "0.28",
        source: try S.source(
          "https://platform.deepseek.com/api-docs/news/news0802/",
          observed: "2024-08-02",
          .official,
          note: "Context caching launched 2024-08-02 at $0.014 per million hits. " + dateOnly
        )
      ),
      Period(
        from: "2025-02-08T16:00:00Z",
        hit: "0.07",
        miss: "0.27",
        output: "1.10",
        source: try S.source(
          "https://api-docs.deepseek.com/quick_start/pricing-details-usd",
          observed: "2025-02-20",
          .official,
          note: "V3 list price after the launch promotion ended 2025-02-08 16:00 UTC"
        )
      ),
      Period(
        from: "2025-02-26T16:30:00Z",
        hit: "0.07",
        miss: "0.27",
        output: "1.10",
        source: try S.source(
          usdPage,
          observed: "2025-08-21",
          .official,
          note: "STANDARD PRICE (UTC 00:30-16:30), DISCOUNT PRICE (UTC 16:30-00:30)"
        ),
        windows: .nightOffPeak(hit: "0.035", miss: "0.135", output: "0.55")
      ),
    ] + (try unifiedUSD())
  }

  // MARK: deepseek-reasoner

  static func reasonerCNY() throws -> [Period] {
    [
      Period(
        from: "2025-01-19T16:00:00Z",
        hit: "1",
        miss: "4",
        output: "16",
        source: try S.source(
          "https://api-docs.deepseek.com/zh-cn/news/news250120",
          observed: "2025-01-20",
          .official,
          note: "DeepSeek-R1 launch; reasoning tokens billed as output. " + dateOnly
            + " Read from a copy in petehsu/LLM-Docs"
        )
      ),
      Period(
        from: "2025-02-26T16:30:00Z",
        hit: "1",
        miss: "4",
        output: "16",
        source: try S.source(
          "https://faxianai.com/news/7934.html",
          observed: "2025-02-27",
          .corroborated,
          note: "Night discount 00:30–08:30 Beijing time, R1 at 25%"
        ),
        windows: .nightOffPeak(hit: "0.25", miss: "1", output: "4")
      ),
    ] + (try unifiedCNY())
  }

  static func reasonerUSD() throws -> [Period] {
    [
      Period(
        from: "2025-01-19T16:00:00Z",
        hit: "0.14",
        miss: "0.55",
        output: "2.19",
        source: try S.source(
          "https://api-docs.deepseek.com/quick_start/pricing-details-usd",
          observed: "2025-02-20",
          .official,
          note: "DeepSeek-R1 launch, 2025-01-20; reasoning tokens billed as output. " + dateOnly
        )
      ),
      Period(
        from: "2025-02-26T16:30:00Z",
        hit: "0.14",
        miss: "0.55",
        output: "2.19",
        source: try S.source(
          usdPage,
          observed: "2025-08-21",
          .official,
          note: "STANDARD PRICE (UTC 00:30-16:30), DISCOUNT PRICE (UTC 16:30-00:30)"
        ),
        windows: .nightOffPeak(hit: "0.035", miss: "0.135", output: "0.55")
      ),
    ] + (try unifiedUSD())
  }

  // MARK: V4 and V4.1 with peak hours

  static let peakEveryDay =
    "Peak 09:00–12:00 and 14:00–18:00 Beijing time every day; off-peak is half of peak"
  static let peakWorkingDays =
    "Peak Mon–Fri only: weekends (make-up working days included) off-peak all day from "
    + "2026-08-23 00:00 Beijing time; Chinese statutory holidays off-peak (clause first seen "
    + "2026-09-21; no holiday fell on a weekday before it)"

  static func v4FlashCNY() throws -> [Period] {
    [
      Period(
        from: "2026-04-23T16:00:00Z",
        hit: "0.2",
        miss: "1",
        output: "2",
        source: try S.source(
          "https://test-news.aibase.com/news/27442",
          observed: "2026-04-24",
          .corroborated,
          note: "V4 launch. " + dateOnly + " Cache hit ¥0.2 from a single source"
        )
      ),
      Period(
        from: "2026-04-26T12:15:00Z",
        hit: "0.02",
        miss: "1",
        output: "2",
        source: try S.source(
          "https://welinux.com/topic/54.rss",
          observed: "2026-05-01",
          .corroborated,
          note: "Cache-hit price cut to 1/10 from 2026-04-26 20:15 Beijing time"
        )
      ),
      Period(
        from: "2026-08-16T16:00:00Z",
        hit: "0.05",
        miss: "1.5",
        output: "4.5",
        source: try S.source(
          "https://github.com/Snailclimb/JavaGuide/issues/2906",
          observed: "2026-08-24",
          .corroborated,
          note: peakEveryDay + ". Also dsh-usage-plugin, dsh-peak-pricing"
        ),
        windows: .peak(hit: "0.10", miss: "3", output: "9", days: .everyDay)
      ),
      Period(
        from: "2026-08-22T16:00:00Z",
        hit: "0.05",
        miss: "1.5",
        output: "4.5",
        source: try S.source(
          "https://github.com/Snailclimb/JavaGuide/issues/2906",
          observed: "2026-08-24",
          .corroborated,
          note: peakWorkingDays
        ),
        windows: .peak(
          hit: "0.10",
          miss: "3",
          output: "9",
          days: .weekdaysExceptHolidays(Weekday.mondayToFriday)
        )
      ),
      try v41FlashCNY(),
    ]
  }

  static func v4FlashUSD() throws -> [Period] {
    [
      Period(
        from: "2026-04-23T16:00:00Z",
        hit: "0.028",
        miss: "0.14",
        output: "0.28",
        source: try S.source(
          "https://github.com/ginlix-ai/LangAlpha/pull/173",
          observed: "2026-04-25",
          .corroborated,
          note: "V4 launch. " + dateOnly + " Also simonw/llm-prices"
        )
      ),
      Period(
        from: "2026-04-26T12:15:00Z",
        hit: "0.0028",
        miss: "0.14",
        output: "0.28",
        source: try S.source(
          usdPage,
          observed: "2026-05-22",
          .official,
          note: "Cache-hit price cut to 1/10 from 2026/4/26 12:15 UTC"
        )
      ),
      Period(
        from: "2026-08-16T16:00:00Z",
        hit: "0.007",
        miss: "0.22",
        output: "0.66",
        source: try S.source(
          "https://docs.apiyi.com/en/live/2026-08/deepseek-price-peak-tier.md",
          observed: "2026-08-15",
          .corroborated,
          note: peakEveryDay + ". Also anomalyco/models.dev PR 4891"
        ),
        windows: .peak(hit: "0.014", miss: "0.44", output: "1.32", days: .everyDay)
      ),
      Period(
        from: "2026-08-22T16:00:00Z",
        hit: "0.007",
        miss: "0.22",
        output: "0.66",
        source: try S.source(
          "https://github.com/anomalyco/models.dev/pull/4891",
          observed: "2026-08-24",
          .corroborated,
          note: peakWorkingDays
        ),
        windows: .peak(
          hit: "0.014",
          miss: "0.44",
          output: "1.32",
          days: .weekdaysExceptHolidays(Weekday.mondayToFriday)
        )
      ),
      try v41FlashUSD(),
    ]
  }

  static func v41FlashCNY() throws -> Period {
    Period(
      from: "2026-09-10T04:00:00Z",
      hit: "0.02",
      miss: "1",
      output: "4",
      source: try S.source(
        cnyPage,
        observed: "2026-10-27",
        .official,
        note: "V4.1-Flash (deepseek-flash) from 2026-09-10 12:00 Beijing time; legacy "
          + "deepseek-v4-flash ids billed at its price. One source gives 2026-09-09 16:00 UTC. "
          + "Peak: Mon–Fri excluding statutory holidays, 09:00–12:00 and 14:00–18:00"
      ),
      windows: .peak(
        hit: "0.04",
        miss: "2",
        output: "8",
        days: .weekdaysExceptHolidays(Weekday.mondayToFriday)
      )
    )
  }

  static func v41FlashUSD() throws -> Period {
    Period(
      from: "2026-09-10T04:00:00Z",
      hit: "0.003",
      miss: "0.15",
      output: "0.60",
      source: try S.source(
        usdPage,
        observed: "2026-10-27",
        .official,
        note: "V4.1-Flash (deepseek-flash) from 2026-09-10 04:00 UTC; legacy deepseek-v4-flash "
          + "ids billed at its price. One source gives 2026-09-09 16:00 UTC"
      ),
      windows: .peak(
        hit: "0.006",
        miss: "0.30",
        output: "1.20",
        days: .weekdaysExceptHolidays(Weekday.mondayToFriday)
      )
    )
  }

  static let proPromoGap =
    "Prices from the 2026-04-24 launch to this instant are not included: sources disagree on "
    + "when the 75% launch discount began. The discounted price was made permanent on 2026-05-22"

  static func v4ProCNY() throws -> [Period] {
    [
      Period(
        from: "2026-04-26T12:15:00Z",
        hit: "0.025",
        miss: "3",
        output: "6",
        source: try S.source(
          "https://welinux.com/topic/54.rss",
          observed: "2026-05-01",
          .corroborated,
          note: proPromoGap
        )
      ),
      Period(
        from: "2026-08-16T16:00:00Z",
        hit: "0.15",
        miss: "4.5",
        output: "13.5",
        source: try S.source(cnyPage, observed: "2026-10-27", .official, note: peakEveryDay),
        windows: .peak(hit: "0.30", miss: "9", output: "27", days: .everyDay)
      ),
      Period(
        from: "2026-08-22T16:00:00Z",
        hit: "0.15",
        miss: "4.5",
        output: "13.5",
        source: try S.source(cnyPage, observed: "2026-10-27", .official, note: peakWorkingDays),
        windows: .peak(
          hit: "0.30",
          miss: "9",
          output: "27",
          days: .weekdaysExceptHolidays(Weekday.mondayToFriday)
        )
      ),
    ]
  }

  static func v4ProUSD() throws -> [Period] {
    [
      Period(
        from: "2026-04-26T12:15:00Z",
        hit: "0.003625",
        miss: "0.435",
        output: "0.87",
        source: try S.source(usdPage, observed: "2026-05-22", .official, note: proPromoGap)
      ),
      Period(
        from: "2026-08-16T16:00:00Z",
        hit: "0.022",
        miss: "0.66",
        output: "1.98",
        source: try S.source(usdPage, observed: "2026-10-27", .official, note: peakEveryDay),
        windows: .peak(hit: "0.044", miss: "1.32", output: "3.96", days: .everyDay)
      ),
      Period(
        from: "2026-08-22T16:00:00Z",
        hit: "0.022",
        miss: "0.66",
        output: "1.98",
        source: try S.source(usdPage, observed: "2026-10-27", .official, note: peakWorkingDays),
        windows: .peak(
          hit: "0.044",
          miss: "1.32",
          output: "3.96",
          days: .weekdaysExceptHolidays(Weekday.mondayToFriday)
        )
      ),
    ]
  }
}
