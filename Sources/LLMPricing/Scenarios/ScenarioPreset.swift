import Foundation

/// Ready-made price wars, from the catalog's dated prices and the sourced history.
///
/// Each preset documents its sources in ``Scenario/sources`` and says which of its
/// numbers are assumptions (market size, shares, segments, elasticity ranges) in
/// ``Scenario/summary`` and its event notes. Every preset takes the workload you pass:
/// the offerings' effective prices are the catalog's prices for that workload.
///
/// ```swift
/// for preset in ScenarioPreset.all { print(preset.id, preset.title) }
/// let war = try ScenarioPreset.scenario("china-may-2024", workload: .coding)
/// ```
public struct ScenarioPreset: Hashable, Sendable {
  /// The preset's id, such as `china-may-2024`.
  public var id: String
  /// A title for people.
  public var title: String
  let build: @Sendable (WorkloadProfile) throws -> Scenario

  /// Compares presets by id.
  ///
  /// - Parameters:
  ///   - lhs: A preset.
  ///   - rhs: Another preset.
  /// - Returns: Whether the ids are equal.
  public static func == (lhs: ScenarioPreset, rhs: ScenarioPreset) -> Bool { lhs.id == rhs.id }

  /// Hashes the id.
  ///
  /// - Parameter hasher: The hasher.
  public func hash(into hasher: inout Hasher) { hasher.combine(id) }

  /// Every preset, in the order `llm-cost scenario --list` prints them.
  public static let all: [ScenarioPreset] = [
    ScenarioPreset(
      id: "china-may-2024",
      title: "The May 2024 Chinese price war, replayed from the catalog's dated prices",
      build: chinaMay2024
    ),
    ScenarioPreset(
      id: "minus-93-percent",
      title: "Prices fall 93% in twelve months: 0.12 to 0.008 CNY per thousand tokens",
      build: minus93Percent
    ),
    ScenarioPreset(
      id: "gemini-2.5-pro-cut",
      title: "What if Gemini 2.5 Pro were cut 33% (hypothetical)",
      build: geminiCut
    ),
    ScenarioPreset(
      id: "us-access-restriction",
      title: "US APIs close to mainland China (July 2024) and developers migrate",
      build: usAccessRestriction
    ),
    ScenarioPreset(
      id: "deepseek-2026-peak",
      title: "DeepSeek's 2026 peak and off-peak pricing, replayed against its rivals",
      build: deepSeekPeak2026
    ),
  ]

  /// The workload presets use unless told otherwise.
  public static let defaultWorkload = WorkloadProfile.customerService

  /// A preset scenario for a workload.
  ///
  /// - Parameters:
  ///   - id: The preset's id.
  ///   - workload: The workload; ``defaultWorkload`` when `nil`.
  /// - Returns: The scenario.
  /// - Throws: ``PricingError/Code/invalidScenario`` for an unknown id, with the closest.
  public static func scenario(_ id: String, workload: WorkloadProfile? = nil) throws -> Scenario {
    guard let preset = all.first(where: { $0.id == id.lowercased() }) else {
      throw PricingError(
        .invalidScenario,
        "no scenario preset '\(id)'; closest: "
          + ClosestNames.closest(to: id, among: all.map(\.id)).joined(separator: ", ")
          + ". List them with `llm-cost scenario --list`"
      )
    }
    return try preset.build(workload ?? defaultWorkload)
  }
}

extension ScenarioPreset {
  // Shared facts, each with its source.
  static let idcVolume = Scenario.Source(
    "https://m.dbgt.com.cn/newsDetail_forward_31802232",
    "IDC: China's public-cloud LLM calls were 114.2 trillion tokens in 2024 (about 9.5 "
      + "trillion a month) and 536.7 trillion in the first half of 2025"
  )
  static let elasticityEstimate = Scenario.Source(
    "https://aione.chat/2026/01/04/price-elasticity-of-demand-for-large-language-models-estimated-at-1-11-en-version/",
    "NBER working paper 'The Emerging Market for Intelligence': short-run price elasticity "
      + "of LLM demand about -1.11 (secondary summary; the paper itself not retrieved)"
  )
  static let tanDaiRuleOfThumb = Scenario.Source(
    "https://www.aicnews.cn/keji/moxing/17951.html",
    "Volcano Engine's Tan Dai, 2024-09: 'cut the price to a tenth and volume may rise "
      + "tenfold' (elasticity about -1); Doubao daily tokens 120 billion (May 2024) to "
      + "over 1.3 trillion (September 2024)"
  )
  static let deepSeekServingCost = Scenario.Source(
    "https://github.com/deepseek-ai/open-infra-index/blob/main/202502OpenSourceWeek/day_6_one_more_thing_deepseekV3R1_inference_system_overview.md",
    "DeepSeek, 2025-03-01: $87,072 a day of H800 rental (at $2 per GPU-hour) served 608 "
      + "billion input and 168 billion output tokens a day: about $0.112 per million tokens "
      + "(derived; rental only)"
  )

  static func month(_ text: String) throws -> YearMonth { try YearMonth(text) }
  static func decimal(_ text: String) throws -> FixedDecimal { try FixedDecimal(text) }

  /// The usual market assumptions: elasticity −1.11 (varied −1.5 to −0.5), switching at a
  /// 20% saving with 10% of eligible buyers moving a month (varied 5% to 20%).
  static func standardMarket(volume: FixedDecimal, growth: String) throws -> MarketModel {
    MarketModel(
      volume: volume,
      growth: try decimal(growth),
      elasticity: try decimal("-1.11"),
      switching: SwitchingRule(
        threshold: try decimal("0.2"),
        cost: .zero,
        paybackMonths: 12,
        rate: try decimal("0.1")
      )
    )
  }

  static func standardUncertainties() throws -> [Uncertainty] {
    [
      Uncertainty("market.elasticity", low: try decimal("-1.5"), high: try decimal("-0.5")),
      Uncertainty("market.switching.rate", low: try decimal("0.05"), high: try decimal("0.2")),
    ]
  }

  @Sendable static func chinaMay2024(_ workload: WorkloadProfile) throws -> Scenario {
    func replay(_ id: String, _ segment: String) -> ScenarioOffering {
      ScenarioOffering(catalog: id, replaysCatalog: true, segment: segment)
    }
    var scenario = Scenario(
      id: "china-may-2024",
      title: "The May 2024 Chinese price war, replayed from the catalog's dated prices",
      summary: """
        Every price comes from the built-in catalog's dated entries, month by month from \
        May to December 2024, for the chosen workload: DeepSeek-V2 at 1/2 CNY (6 May), \
        GLM-3-Turbo cut from 5 to 1 (11 May), Doubao pro and lite (15 May), Qwen's cuts \
        (21 May, September), ERNIE Speed/Lite and hunyuan-lite free, GLM-4-Air and \
        GLM-4-Flash (June, free from August). Offerings launched mid-month are priced for \
        the whole month. Assumptions, not sources: equal starting shares, the three \
        segments (flagship, mid, lite) within which buyers switch, the market's size \
        (IDC's 2024 average month) and growth, elasticity -1.11 (varied -1.5 to -0.5). \
        The buyer starts on Qwen-Plus.
        """,
      sources: [
        Scenario.Source(
          "https://www.jiemian.com/article/11185963.html",
          "DeepSeek-V2 at 1 CNY input / 2 CNY output per million tokens, 2024-05-06, the first shot"
        ),
        Scenario.Source(
          "https://c.m.163.com/news/a/J2O09HCV05118O92.html",
          "Doubao pro-32k at 0.0008 CNY per thousand tokens, 99.3% below the industry's 0.12 (2024-05-15)"
        ),
        idcVolume, elasticityEstimate, tanDaiRuleOfThumb,
      ],
      start: try month("2024-05"),
      months: 8,
      currency: .cny,
      workload: workload,
      offerings: [
        replay("alibaba/qwen-max@CNY", "flagship"),
        replay("baidu/ernie-4.0-8k@CNY", "flagship"),
        replay("tencent/hunyuan-pro@CNY", "flagship"),
        replay("baidu/ernie-3.5-8k@CNY", "mid"),
        replay("deepseek/deepseek-chat@CNY", "mid"),
        replay("zhipu/glm-3-turbo@CNY", "mid"),
        replay("bytedance/doubao-pro-32k@CNY", "mid"),
        replay("alibaba/qwen-plus@CNY", "mid"),
        replay("alibaba/qwen-long@CNY", "mid"),
        replay("tencent/hunyuan-standard@CNY", "mid"),
        replay("zhipu/glm-4-air@CNY", "mid"),
        replay("bytedance/doubao-lite-32k@CNY", "lite"),
        replay("alibaba/qwen-turbo@CNY", "lite"),
        replay("baidu/ernie-speed-8k@CNY", "lite"),
        replay("baidu/ernie-lite-8k@CNY", "lite"),
        replay("tencent/hunyuan-lite@CNY", "lite"),
        replay("zhipu/glm-4-flash@CNY", "lite"),
        replay("iflytek/lite@CNY", "lite"),
      ],
      market: try standardMarket(volume: FixedDecimal(9_500_000), growth: "0.1"),
      buyerOffering: "alibaba/qwen-plus@CNY",
      uncertainties: try standardUncertainties() + [
        Uncertainty("market.growth", low: try decimal("0.05"), high: try decimal("0.2"))
      ]
    )
    scenario.market.switching.threshold = try decimal("0.2")
    return scenario
  }

  @Sendable static func minus93Percent(_ workload: WorkloadProfile) throws -> Scenario {
    let start = try month("2024-05")
    var events: [ScenarioEvent] = []
    for index in 1...12 {
      events.append(
        ScenarioEvent(
          try start.adding(months: index),
          "leader",
          .cut(try decimal("0.2024")),
          id: "cut-\(index)",
          note: "12 cuts of 20.24% leave 6.6% of the price: 120 → 7.95 CNY (varied 15% to 25% each)"
        )
      )
    }
    events.append(
      ScenarioEvent(
        start,
        "challenger",
        .follow(leaders: ["leader"], lag: 1, discount: .zero),
        id: "challenger",
        note: "assumption: a challenger matches the leader a month later (varied 0 to 3 months)"
      )
    )
    events.append(
      ScenarioEvent(
        try month("2024-11"),
        "incumbent",
        .follow(leaders: ["leader"], lag: 2, discount: .zero),
        id: "incumbent",
        note: "assumption: the incumbent holds six months, then matches two months late"
      )
    )
    return Scenario(
      id: "minus-93-percent",
      title: "Prices fall 93% in twelve months: 0.12 to 0.008 CNY per thousand tokens",
      summary: """
        A stylised path, not a replay: a leader starts at the industry's May 2024 price of \
        0.12 CNY per thousand tokens (120 per million) and cuts 20.24% a month for twelve \
        months, to about 8 per million (0.008 per thousand, the price hunyuan-lite had \
        before it went free): -93%. A challenger follows a month later; an incumbent holds \
        for six months, then follows. The two end figures are sourced; the path between \
        them, the followers, the shares (40/30/30) and the market are assumptions. Marginal \
        cost 0.8 CNY per million is DeepSeek's disclosed 2025 GPU rental per token, \
        converted at 7.17 (derived, an assumption for everyone).
        """,
      sources: [
        Scenario.Source(
          "https://c.m.163.com/news/a/J2O09HCV05118O92.html",
          "2024-05-15: Tan Dai put ERNIE's and pre-cut Qwen 2.5's 32K flagship prices 'close to 0.12 CNY per thousand tokens'"
        ),
        Scenario.Source(
          "https://new.qq.com/rain/a/20240615A03IK500",
          "Tencent: hunyuan-lite went from 0.008 CNY per thousand tokens to free (May 2024)"
        ),
        deepSeekServingCost, idcVolume, elasticityEstimate,
      ],
      start: start,
      months: 18,
      currency: .cny,
      workload: workload,
      offerings: [
        ScenarioOffering(
          id: "leader",
          currency: .cny,
          price: 120,
          marginalCost: try decimal("0.8"),
          share: try decimal("0.3")
        ),
        ScenarioOffering(
          id: "challenger",
          currency: .cny,
          price: 120,
          marginalCost: try decimal("0.8"),
          share: try decimal("0.3")
        ),
        ScenarioOffering(
          id: "incumbent",
          currency: .cny,
          price: 120,
          marginalCost: try decimal("0.8"),
          share: try decimal("0.4")
        ),
      ],
      events: events,
      market: try standardMarket(volume: FixedDecimal(9_500_000), growth: "0.05"),
      buyerOffering: "incumbent",
      uncertainties: try standardUncertainties()
        + (1...12).map {
          Uncertainty(
            "events[cut-\($0)].fraction",
            low: try decimal("0.15"),
            high: try decimal("0.25")
          )
        }
        + [
          Uncertainty("events[challenger].lag", low: 0, high: 3),
          Uncertainty("events[incumbent].lag", low: 0, high: 4),
        ]
    )
  }

  @Sendable static func geminiCut(_ workload: WorkloadProfile) throws -> Scenario {
    let start = try month("2026-12")
    return Scenario(
      id: "gemini-2.5-pro-cut",
      title: "What if Gemini 2.5 Pro were cut 33% (hypothetical)",
      summary: """
        Hypothetical. No dated source shows a 33% cut to Gemini 2.5 Pro: its list price \
        has been $1.25/$10 (prompts up to 200K) and $2.50/$15 above since the 2025 preview \
        (the catalog holds it). This preset asks what a 33% cut in February 2027 would do: \
        GPT-5 follows one to four months later (assumption), Claude Sonnet 4.6 holds, and \
        DeepSeek's international list stays as the catalog has it. Starting prices are the \
        catalog's for the workload in December 2026; shares and market are assumptions.
        """,
      sources: [
        Scenario.Source(
          "https://ai.google.dev/gemini-api/docs/pricing",
          "Gemini 2.5 Pro: $1.25 input / $10 output per million tokens up to 200K-token prompts"
        ),
        elasticityEstimate,
      ],
      start: start,
      months: 12,
      currency: .usd,
      workload: workload,
      offerings: [
        ScenarioOffering(catalog: "google/gemini-2.5-pro@USD", share: try decimal("0.25")),
        ScenarioOffering(catalog: "openai/gpt-5@USD", share: try decimal("0.35")),
        ScenarioOffering(catalog: "anthropic/claude-sonnet-4-6@USD", share: try decimal("0.3")),
        ScenarioOffering(catalog: "deepseek/deepseek-flash@USD", share: try decimal("0.1")),
      ],
      events: [
        ScenarioEvent(
          try month("2027-02"),
          "google/gemini-2.5-pro@USD",
          .cut(try decimal("0.33")),
          id: "gemini-cut",
          note: "hypothetical (varied 20% to 45%)"
        ),
        ScenarioEvent(
          try month("2027-02"),
          "openai/gpt-5@USD",
          .follow(leaders: ["google/gemini-2.5-pro@USD"], lag: 2, discount: .zero),
          id: "openai-follows",
          note: "assumption (lag varied 1 to 4 months)"
        ),
      ],
      market: try standardMarket(volume: FixedDecimal(1_000_000), growth: "0.03"),
      buyerOffering: "anthropic/claude-sonnet-4-6@USD",
      uncertainties: try standardUncertainties() + [
        Uncertainty(
          "events[gemini-cut].fraction",
          low: try decimal("0.2"),
          high: try decimal("0.45")
        ),
        Uncertainty("events[openai-follows].lag", low: 1, high: 4),
      ]
    )
  }

  @Sendable static func usAccessRestriction(_ workload: WorkloadProfile) throws -> Scenario {
    let targets = [
      "deepseek/deepseek-chat@CNY", "tencent/hunyuan-standard@CNY", "alibaba/qwen-plus@CNY",
    ]
    let surges = ["surge-deepseek", "surge-hunyuan", "surge-qwen"]
    return Scenario(
      id: "us-access-restriction",
      title: "US APIs close to mainland China (July 2024) and developers migrate",
      summary: """
        OpenAI blocked API traffic from mainland China, Hong Kong and Macao from 9 July \
        2024 (warning e-mails of 25 June); Chinese providers offered migration plans (Zhipu \
        150 million free tokens, Baidu 50 million). GPT-4o's mainland buyers (a 20% share, \
        assumption) move to DeepSeek, Hunyuan and Qwen in proportion to their shares, and \
        those three see new demand on top. The often-quoted '~300,000 developers' and \
        '50%+ traffic surge' could not be sourced: the surge is an assumption at 50%, \
        varied 20% to 80%. Zhipu's and Baidu's grants are modelled as one month of free \
        tokens. Prices replay the catalog; GPT-4o is converted at each month's fixing.
        """,
      sources: [
        Scenario.Source(
          "https://www.theregister.com/2024/06/25/openai_unsupported_countries/",
          "OpenAI's e-mail: API traffic from unsupported regions blocked from 9 July 2024"
        ),
        Scenario.Source(
          "https://www.globaltimes.cn/page/202407/1315728.shtml",
          "2024-07-09: the Chinese mainland and Hong Kong excluded from OpenAI's API"
        ),
        Scenario.Source(
          "https://www.deeplearning.ai/the-batch/",
          "The Batch, 2024-07-03: Zhipu 150M free tokens (50M GLM-4, 100M GLM-4-Air), Baidu 50M ERNIE tokens, Alibaba 22M, Tencent 100M"
        ),
        elasticityEstimate,
      ],
      start: try month("2024-06"),
      months: 12,
      currency: .cny,
      workload: workload,
      offerings: [
        ScenarioOffering(
          catalog: "openai/gpt-4o@USD",
          replaysCatalog: true,
          share: try decimal("0.2")
        ),
        ScenarioOffering(catalog: targets[0], replaysCatalog: true),
        ScenarioOffering(catalog: targets[1], replaysCatalog: true),
        ScenarioOffering(catalog: targets[2], replaysCatalog: true),
        ScenarioOffering(catalog: "zhipu/glm-4-air@CNY", replaysCatalog: true),
        ScenarioOffering(catalog: "baidu/ernie-3.5-8k@CNY", replaysCatalog: true),
      ],
      events: [
        ScenarioEvent(
          try month("2024-07"),
          "openai/gpt-4o@USD",
          .exit(migrateTo: targets),
          note: "OpenAI's block from 2024-07-09"
        ),
        ScenarioEvent(
          try month("2024-07"),
          "zhipu/glm-4-air@CNY",
          .freeTier(tokensPerMonth: 150_000_000),
          note: "Zhipu's migration plan: 150 million free tokens, as one month"
        ),
        ScenarioEvent(try month("2024-08"), "zhipu/glm-4-air@CNY", .freeTier(tokensPerMonth: 0)),
        ScenarioEvent(
          try month("2024-07"),
          "baidu/ernie-3.5-8k@CNY",
          .freeTier(tokensPerMonth: 50_000_000),
          note: "Baidu Qianfan: 50 million free ERNIE tokens, as one month"
        ),
        ScenarioEvent(try month("2024-08"), "baidu/ernie-3.5-8k@CNY", .freeTier(tokensPerMonth: 0)),
      ]
        + (try zip(targets, surges).map { target, id in
          ScenarioEvent(
            try month("2024-07"),
            target,
            .surge(try decimal("0.5")),
            id: id,
            note: "assumption: the unsourced '50%+' surge"
          )
        }),
      market: try standardMarket(volume: FixedDecimal(9_500_000), growth: "0.1"),
      buyerOffering: "openai/gpt-4o@USD",
      uncertainties: try standardUncertainties()
        + surges.map {
          Uncertainty(
            "events[\($0)].fraction",
            low: try decimal("0.2"),
            high: try decimal("0.8")
          )
        }
    )
  }

  @Sendable static func deepSeekPeak2026(_ workload: WorkloadProfile) throws -> Scenario {
    func replay(_ id: String) -> ScenarioOffering {
      ScenarioOffering(catalog: id, replaysCatalog: true)
    }
    return Scenario(
      id: "deepseek-2026-peak",
      title: "DeepSeek's 2026 peak and off-peak pricing, replayed against its rivals",
      summary: """
        DeepSeek V4 moved to peak and off-peak prices from 16 August 2026 (peak at twice \
        off-peak, 09:00-12:00 and 14:00-18:00 Beijing time, Mon-Fri except holidays, from \
        22 August), and V4.1 Flash (deepseek-flash) replaced V4-Flash on 10 September. \
        Every price replays the catalog for the workload, so a daytime workload feels the \
        peak and a night-time batch job does not: run it with different workloads. Shares, \
        market size and growth are assumptions.
        """,
      sources: [
        Scenario.Source(
          "https://api-docs.deepseek.com/quick_start/pricing",
          "DeepSeek's price list: V4 peak and off-peak prices, deepseek-flash"
        ),
        idcVolume, elasticityEstimate,
      ],
      start: try month("2026-06"),
      months: 7,
      currency: .cny,
      workload: workload,
      offerings: [
        replay("deepseek/deepseek-v4-flash@CNY"),
        replay("deepseek/deepseek-flash@CNY"),
        replay("deepseek/deepseek-v4-pro@CNY"),
        replay("alibaba/qwen-plus@CNY"),
        replay("bytedance/doubao-seed-1.6@CNY"),
        replay("zhipu/glm-4.6@CNY"),
        replay("moonshot/kimi-k3@CNY"),
      ],
      market: try standardMarket(volume: FixedDecimal(45_000_000), growth: "0.05"),
      buyerOffering: "deepseek/deepseek-v4-flash@CNY",
      uncertainties: try standardUncertainties()
    )
  }
}
