import Foundation
import LLMPricing
import Testing

@Suite("Workloads and monthly projections")
struct WorkloadProjectionTests {
  func offering(_ model: String, _ currency: Currency) throws -> Offering {
    try Catalog.builtIn.offering(model: model, currency: currency)
  }

  @Test func theRAGPresetMatchesItsClosedForm() throws {
    // March 2026 in Beijing time has 22 working days and 9 weekend days (no holiday):
    // sessions = 10,000 × (22 + 9 × 0.3) = 247,000.
    // Per request on gpt-4.1-mini: 6,080 fresh × $0.40 + 500 cached × $0.10 + 400 out × $1.60
    // per million = $0.002432 + $0.00005 + $0.00064 = $0.003122; × 247,000 = $771.134.
    let cost = try MonthlyProjection.cost(
      of: .rag,
      on: offering("gpt-4.1-mini", .usd),
      in: YearMonth("2026-03")
    )
    #expect(cost.sessions == 247_000)
    #expect(cost.total == Money(FixedDecimal("771.134"), .usd))
    #expect(cost.costByWindow == ["standard": FixedDecimal("771.134")])
  }

  @Test func agentTokensGrowQuadraticallyWithSteps() throws {
    let agents = WorkloadProfile.agents
    // Step k re-sends 2,000 (system) + (k − 1) × (100 + 800 + 300) history + 100 new tokens.
    var simulatedInput = 0
    var history = 0
    for step in 1...agents.stepsPerSession {
      let usage = try agents.usage(ofStep: step)
      #expect(usage.totalInput == 2_000 + history + 100)
      // 80% of the stable prefix is cached, rounded down.
      #expect(usage.cacheRead == (2_000 + history) * 8 / 10)
      simulatedInput += usage.totalInput
      history += 100 + 800 + 300
    }
    // Closed form: 12 × 2,100 + 1,200 × (0 + 1 + … + 11) = 25,200 + 79,200 = 104,400.
    #expect(simulatedInput == 104_400)
  }

  @Test(
    "Months follow China's calendar for a Beijing workload",
    arguments: [
      // February 2026: 16 working days (make-up Saturdays 02-14 and 02-28 included, the
      // Spring Festival weekdays excluded) and 12 rest days: 2,000 × (16 + 12 × 0.15).
      ("2026-02", "35600"),
      // October 2026: 18 working days (National Day excluded, Saturday 10-10 included)
      // and 13 rest days: 2,000 × (18 + 13 × 0.15).
      ("2026-10", "39900"),
      // June 2026: 21 working days (Dragon Boat on Friday 06-19 excluded), 9 rest days.
      ("2026-06", "44700"),
    ]
  )
  func calendarEffects(month: String, expectedSessions: String) throws {
    let cost = try MonthlyProjection.cost(
      of: .coding,
      on: offering("gpt-4.1-mini", .usd),
      in: YearMonth(month)
    )
    #expect(cost.sessions == (try FixedDecimal(expectedSessions)))
  }

  @Test func deepSeekPeakHoursSplitTheMonth() throws {
    let cost = try MonthlyProjection.cost(
      of: .coding,
      on: offering("deepseek-flash", .cny),
      in: YearMonth("2026-10")
    )
    let peak = try #require(cost.costByWindow["peak"])
    let standard = try #require(cost.costByWindow["standard"])
    #expect(try (peak + standard - cost.total.amount).magnitude <= FixedDecimal("1e-15"))
    // Office-hours traffic mostly falls in peak hours, at twice the off-peak price.
    #expect(peak > standard)
  }

  @Test func tiersApplyToEachStepNotToTheMonth() throws {
    // Steps re-send a history that crosses qwen-plus's 128,000-token tier mid-session.
    let profile = try WorkloadProfile(
      name: "long-agent",
      sessionsPerDay: 1,
      stepsPerSession: 5,
      systemPromptTokens: 60_000,
      userTokensPerStep: 0,
      toolOutputTokensPerStep: 20_000,
      outputTokens: 0,
      carriesHistory: true,
      restDayRatio: 1
    )
    let qwen = try offering("qwen-plus", .cny)
    let month = YearMonth("2026-03")
    let cost = try MonthlyProjection.cost(of: profile, on: qwen, in: month)
    // Steps send 60K, 80K, 100K, 120K and 140K tokens: four at ¥0.8, one at ¥2.4 per million
    // = 0.048 + 0.064 + 0.08 + 0.096 + 0.336 = ¥0.624 a session; 31 sessions.
    let at = try instant("2026-03-10T04:00:00Z")
    var perSession = FixedDecimal.zero
    for step in 1...5 {
      perSession =
        try perSession + qwen.schedule.totalCost(of: profile.usage(ofStep: step), at: at).amount
    }
    #expect(perSession == FixedDecimal("0.624"))
    #expect(cost.total.amount == (try perSession * 31))
  }

  @Test func batchSharesUseBatchPricesWhereOffered() throws {
    // Translation sends 70% as batch: on gpt-4.1-mini (batch × 0.5) each request costs
    // 0.3 × full + 0.7 × half = 0.65 × full.
    let month = YearMonth("2026-03")
    let batch = try MonthlyProjection.cost(
      of: .translation,
      on: offering("gpt-4.1-mini", .usd),
      in: month
    )
    var realTime = WorkloadProfile.translation
    realTime.batchShare = .zero
    let full = try MonthlyProjection.cost(
      of: realTime,
      on: offering("gpt-4.1-mini", .usd),
      in: month
    )
    #expect(batch.batchApplied)
    #expect(batch.total.amount == (try full.total.amount * FixedDecimal("0.65")))
    let noBatch = try MonthlyProjection.cost(
      of: .translation,
      on: offering("deepseek-chat", .cny),
      in: month
    )
    #expect(!noBatch.batchApplied && noBatch.notes.contains { $0.contains("batch") })
  }

  @Test func comparisonsRankAcrossCurrenciesWithTheRateShown() throws {
    let comparison = try WorkloadComparison(
      profile: .customerService,
      month: YearMonth("2026-03"),
      currency: .cny
    )
    let totals = comparison.ranked.map(\.reportingTotal.amount)
    #expect(totals == totals.sorted())
    #expect(comparison.ranked.allSatisfy { $0.reportingTotal.currency == .cny })
    let usd = try #require(comparison.ranked.first { $0.total.currency == .usd })
    #expect(usd.converted?.legs.first?.rate.rate == FixedDecimal("6.9007"))
    let china = try #require(comparison.cheapest(in: "CN", paidOnly: true))
    let us = try #require(comparison.cheapest(in: "US", paidOnly: true))
    #expect(china.reportingTotal.amount < us.reportingTotal.amount)
    // Offerings retired by then are skipped with the reason, not priced.
    let august = try WorkloadComparison(
      profile: .customerService,
      month: YearMonth("2026-08"),
      currency: .cny
    )
    let retired = try #require(august.skipped.first { $0.offering == "deepseek/deepseek-chat@CNY" })
    #expect(retired.reason.contains("retired"))
  }

  @Test func comparisonsFilterMeasureSavingsAndTheChinaUSGap() throws {
    let month = YearMonth("2026-03")
    let all = try WorkloadComparison(profile: .customerService, month: month, currency: .cny)
    // A filter is the same ranking restricted, not a different computation.
    let query = CatalogQuery(country: "US", minimumContextWindow: 200_000)
    let filtered = try WorkloadComparison(
      profile: .customerService,
      query: query,
      month: month,
      currency: .cny
    )
    #expect(!filtered.ranked.isEmpty)
    let ids = Set(Catalog.builtIn.offerings(matching: query).map(\.id))
    #expect(filtered.ranked.allSatisfy { ids.contains($0.offering) })
    #expect(filtered.ranked == all.ranked.filter { ids.contains($0.offering) })

    // Savings are the baseline's total minus each offering's, and the fraction of it.
    let baseline = try all.cost(of: "gpt-4o")
    #expect(baseline.offering == "openai/gpt-4o@USD")
    #expect(try all.cost(of: "OpenAI/GPT-4o") == baseline)
    let savings = try all.savings(against: "gpt-4o")
    #expect(savings.map(\.offering) == all.ranked.map(\.offering))
    // A closed form: RAG in 2026-03 costs $771.134 on gpt-4.1-mini (see the RAG test), and
    // gpt-4.1 lists exactly 5× its prices ($2 / $0.50 / $8 against $0.40 / $0.10 / $1.60),
    // so $3,855.67; mini saves $3,084.536, which is 80%.
    let rag = try WorkloadComparison(profile: .rag, month: YearMonth("2026-03"), currency: .usd)
    let mini = try #require(
      try rag.savings(against: "gpt-4.1").first { $0.offering == "openai/gpt-4.1-mini@USD" }
    )
    #expect(mini.amount == FixedDecimal("3084.536"))
    #expect(mini.fraction == FixedDecimal("0.8"))
    #expect(savings.first { $0.offering == baseline.offering }?.amount == .zero)
    #expect(savings.contains { $0.amount < .zero })  // something costs more than gpt-4o
    let unknown = #expect(throws: PricingError.self) { try all.savings(against: "gpt-4x") }
    #expect(unknown?.code == .unknownModel)
    #expect(unknown?.message.contains("openai/gpt-4o@USD") == true)

    // The gap between the cheapest paid US and Chinese options, as one ratio.
    let gap = try #require(all.priceRatio(of: "US", to: "CN"))
    // Independently of cheapest(in:): no paid US offering undercuts the numerator, and the
    // two come from the right countries.
    let countries = Dictionary(
      Catalog.builtIn.offerings.map { ($0.id, $0.provider.country) },
      uniquingKeysWith: { first, _ in first }
    )
    #expect(countries[gap.numerator.offering] == "US")
    #expect(countries[gap.denominator.offering] == "CN")
    #expect(
      !all.ranked.contains {
        countries[$0.offering] == "US" && !$0.total.amount.isZero
          && $0.reportingTotal.amount < gap.numerator.reportingTotal.amount
      }
    )
    let product = try gap.ratio * gap.denominator.reportingTotal.amount
    let residue = try product - gap.numerator.reportingTotal.amount
    #expect(residue.magnitude < FixedDecimal("0.000000001"))
    #expect(gap.ratio > FixedDecimal(1))
    #expect(all.priceRatio(of: "US", to: "XX") == nil)
  }

  @Test func requestsLargerThanTheContextWindowAreSkippedNotFree() throws {
    // The coding preset's requests do not fit in an 8K model: it is not a free option.
    let comparison = try WorkloadComparison(
      profile: .coding,
      month: YearMonth("2026-03"),
      currency: .cny
    )
    let skip = try #require(comparison.skipped.first { $0.offering == "baidu/ernie-lite-8k@CNY" })
    #expect(skip.reason.contains("8192"))
    #expect(!comparison.ranked.contains { $0.offering == "baidu/ernie-lite-8k@CNY" })
    let small = try offering("ernie-lite-8k", .cny)
    let error = #expect(throws: PricingError.self) {
      try MonthlyProjection.cost(of: .coding, on: small, in: YearMonth("2026-03"))
    }
    #expect(error?.code == .contextWindowExceeded)
    // The customer-service preset's short requests fit.
    #expect(
      try MonthlyProjection.cost(of: .customerService, on: small, in: YearMonth("2026-03"))
        .total.amount == .zero
    )
  }

  @Test(
    "An explicit cache policy bills the writes each step makes",
    arguments: [
      (WorkloadProfile.CacheWriteTTL.fiveMinutes, "0.222585"),
      (WorkloadProfile.CacheWriteTTL.oneHour, "0.25341"),
    ]
  )
  func explicitCachePolicy(ttl: WorkloadProfile.CacheWriteTTL, perSession: String) throws {
    var agents = WorkloadProfile.agents
    agents.cacheWriteTTL = ttl
    // Step 1 reads the warm 80% of the 2,000-token system prompt and writes the rest and
    // the user's 100 tokens; step k ≥ 2 reads 2,000 + (k − 2) × 1,200 + 100 and writes the
    // 1,200 tokens since (tool 800, output 300, user 100).
    let steps = try (1...12).map { try agents.usage(ofStep: $0) }
    let reads = steps.map(\.cacheRead)
    let writes = steps.map { $0.cacheWrite + $0.cacheWrite1h }
    #expect(reads[0] == 1_600 && writes[0] == 500)
    #expect(reads[1] == 2_100 && reads[11] == 14_100 && writes[1...].allSatisfy { $0 == 1_200 })
    #expect(reads.reduce(0, +) == 90_700 && writes.reduce(0, +) == 13_700)
    // The request sizes are the automatic-caching ones: only the billing differs.
    for step in 1...12 {
      #expect(
        try agents.usage(ofStep: step).totalInput
          == WorkloadProfile.agents.usage(ofStep: step).totalInput
      )
    }
    // claude-sonnet-4-5: $0.30 read, $3.75 (5 min) or $6 (1 h) write, $15 output.
    // 5 min: (90,700 × 0.3 + 13,700 × 3.75 + 9,600 × 15) / 10⁶ = $0.222585 a session;
    // 1 h:   (90,700 × 0.3 + 13,700 × 6    + 9,600 × 15) / 10⁶ = $0.25341.
    let sonnet = try offering("claude-sonnet-4-5", .usd)
    let cost = try MonthlyProjection.cost(of: agents, on: sonnet, in: YearMonth("2026-06"))
    #expect(cost.costPerSession == (try FixedDecimal(perSession)))
    let data = try JSONEncoder().encode(agents)
    #expect(String(decoding: data, as: UTF8.self).contains("\"cacheWriteTTL\":\"\(ttl.rawValue)\""))
    #expect(try JSONDecoder().decode(WorkloadProfile.self, from: data) == agents)
  }

  @Test func anUnknownCacheLifetimeNamesTheKey() throws {
    let json = #"{"name": "x", "sessionsPerDay": 1, "outputTokens": 1, "cacheWriteTTL": "2h"}"#
    let error = #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(WorkloadProfile.self, from: Data(json.utf8))
    }
    #expect(PricingError(decoding: try #require(error)).message.contains("cacheWriteTTL"))
  }

  @Test(
    "Invalid profiles are typed errors naming the value",
    arguments: [
      #"{"name": "x", "sessionsPerDay": -1, "outputTokens": 1}"#,
      #"{"name": "x", "sessionsPerDay": 1, "outputTokens": 1, "cacheHitRatio": "1.5"}"#,
      #"{"name": "x", "sessionsPerDay": 1, "outputTokens": 1, "hourlyTraffic": ["0","0","0","0","0","0","0","0","0","0","0","0","0","0","0","0","0","0","0","0","0","0","0","0"]}"#,
      #"{"name": "x", "sessionsPerDay": 1, "outputTokens": 1, "hourlyTraffic": ["1"]}"#,
      #"{"name": "x", "sessionsPerDay": 1, "outputTokens": 1, "stepsPerSession": 0}"#,
      #"{"name": "x", "sessionsPerDay": 1, "outputTokens": 1, "systemPromptTokens": 9000000000000000000}"#,
      #"{"name": "x", "sessionsPerDay": 1, "outputTokens": 100000001}"#,
    ]
  )
  func invalidProfiles(json: String) {
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(WorkloadProfile.self, from: Data(json.utf8))
    }
  }

  @Test func horizonsPastTheYear9999AreErrorsNotCrashes() throws {
    #expect(try YearMonth("2026-11").adding(months: 14) == YearMonth("2028-01"))
    #expect(try YearMonth("2026-01").adding(months: -1) == YearMonth("2025-12"))
    #expect(YearMonth("2026-11").middle == CalendarDay("2026-11-15"))
    #expect(throws: PricingError.self) { try YearMonth("9999-12").adding(months: 1) }
    #expect(throws: PricingError.self) { try YearMonth("0001-01").adding(months: -1) }
    #expect(throws: PricingError.self) { try YearMonth("2026-01").adding(months: .max) }
  }

  @Test func presetsAreValidAndRoundTrip() throws {
    #expect(WorkloadProfile.presets.count == 6)
    for preset in WorkloadProfile.presets.values {
      #expect(preset.sessionsPerDay > 0, "\(preset.name)")
      #expect(!preset.rationale.isEmpty)
      let data = try JSONEncoder().encode(preset)
      #expect(try JSONDecoder().decode(WorkloadProfile.self, from: data) == preset)
    }
  }
}

@Suite("Budgets, self-hosting and free quotas")
struct BudgetAndSelfHostingTests {
  @Test func budgetAssumptionsExplainTheMarginBothWays() throws {
    let month = YearMonth("2026-03")
    // RAG on gpt-4.1-mini in March 2026 costs exactly $771.134 (see the closed form above).
    let under = try CostAssumption(
      workload: .rag,
      model: "gpt-4.1-mini",
      month: month,
      budget: Money(800, .usd)
    ).evaluate()
    #expect(under.holds)
    #expect(under.margin == Money(FixedDecimal("28.866"), .usd))
    #expect(under.explanation.contains("under the budget of $800.00 by $28.87"))
    let over = try CostAssumption(
      workload: .rag,
      model: "gpt-4.1-mini",
      month: month,
      budget: Money(700, .usd)
    ).evaluate()
    #expect(!over.holds)
    #expect(over.explanation.contains("OVER the budget of $700.00 by $71.13"))
    // A CNY budget on a USD-only model converts, and says at which rate.
    let yuan = try CostAssumption(
      workload: .rag,
      model: "gpt-4.1-mini",
      month: month,
      budget: Money(6_000, .cny)
    ).evaluate()
    #expect(yuan.explanation.contains("converted at 1 USD = 6.9007 CNY"))
  }

  @Test func selfHostingGivesAPriceAndABreakEven() throws {
    // 8 GPUs at ¥10 an hour + ¥20 of power = ¥100 an hour; 720 hours = ¥72,000.
    // Capacity: 10,000 tokens/s × 0.5 × 2,592,000 s = 12,960,000,000 tokens.
    let rig = try SelfHostedDeployment(
      currency: .cny,
      gpuCount: 8,
      gpuHourlyCost: 10,
      powerHourlyCost: 20,
      tokensPerSecond: 10_000,
      utilisation: FixedDecimal("0.5")
    )
    #expect(try rig.cost(hours: 720) == Money(72_000, .cny))
    #expect(try rig.capacity(hours: 720) == FixedDecimal(12_960_000_000))
    // ¥72,000 ÷ 12,960 million tokens = ¥5.5555… per million.
    let price = try rig.pricePerMillion(hours: 720)
    #expect(price.amount.rounded(toPlaces: 6) == FixedDecimal("5.555556"))
    // Against an API at ¥8 per million: break even at 72,000 × 1,000,000 ÷ 8 = 9 billion tokens.
    let api = Money(8, .cny)
    #expect(
      try rig.breakEvenTokens(apiPricePerMillion: api, hours: 720) == FixedDecimal(9_000_000_000)
    )
    // 15 billion tokens: 12.96 billion local, 2.04 billion to the API at ¥8 = ¥16,320 more.
    let hybrid = try rig.hybridCost(
      tokens: FixedDecimal(15_000_000_000),
      apiPricePerMillion: api,
      hours: 720
    )
    #expect(hybrid == Money(88_320, .cny))
    #expect(throws: PricingError.self) {
      try rig.breakEvenTokens(apiPricePerMillion: Money(8, .usd), hours: 720)
    }
    // Bought instead: ¥172,800 a GPU over 24 months of 720 hours = ¥10 an hour.
    let bought = try SelfHostedDeployment(
      currency: .cny,
      gpuCount: 8,
      gpuPurchasePrice: 172_800,
      amortisationMonths: 24,
      powerHourlyCost: 20,
      tokensPerSecond: 10_000,
      utilisation: FixedDecimal("0.5")
    )
    #expect(bought == rig)
    #expect(throws: PricingError.self) {
      try SelfHostedDeployment(
        currency: .cny,
        gpuCount: 1,
        gpuHourlyCost: 1,
        tokensPerSecond: 1,
        utilisation: 0
      )
    }
  }

  @Test func freeQuotasAreConsumedAcrossAHorizon() throws {
    // qwen-plus on Bailian grants 1,000,000 free tokens for 180 days.
    var small = WorkloadProfile.rag
    small.sessionsPerDay = 10  // 6,980 tokens a request: about 1.7 million tokens a month
    let qwen = try Catalog.builtIn.offering(model: "qwen-plus", currency: .cny)
    let months = try MonthlyProjection.horizon(
      of: small,
      on: qwen,
      from: YearMonth("2025-03"),
      months: 3
    ).costs
    let full = try MonthlyProjection.cost(of: small, on: qwen, in: YearMonth("2025-03"))
    #expect(months[0].freeTokensUsed == 1_000_000)
    #expect(months[0].total.amount < full.total.amount)
    #expect(months[1].freeTokensUsed == .zero)
    #expect(months[0].notes.contains { $0.contains("free quota") })
  }
}
