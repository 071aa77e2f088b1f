import Foundation
import LLMPricing
import Testing

/// A two-player market in CNY: A and B at 2 CNY per million, half the market each,
/// 1,000 million tokens a month, no growth, no elasticity, nobody switching.
func twoPlayers(
  months: Int = 4,
  events: [ScenarioEvent] = [],
  elasticity: String = "0",
  switching: SwitchingRule = .never
) throws -> Scenario {
  Scenario(
    id: "two-players",
    title: "A and B",
    start: try YearMonth("2026-01"),
    months: months,
    currency: .cny,
    workload: .customerService,
    offerings: [
      ScenarioOffering(id: "A", currency: .cny, price: 2, share: try dec("0.5")),
      ScenarioOffering(id: "B", currency: .cny, price: 2),
    ],
    events: events,
    market: MarketModel(volume: 1_000, elasticity: try dec(elasticity), switching: switching)
  )
}

func month(_ text: String) throws -> YearMonth { try YearMonth(text) }

/// The rows of one offering, month by month.
func rows(_ result: ScenarioResult, _ id: String) -> [ScenarioResult.OfferingMonth] {
  result.months.compactMap { $0.offerings.first { $0.offering == id } }
}

@Suite("Scenario timelines")
struct ScenarioTimelineTests {
  @Test("A cuts 50% in February, B follows with a one-month lag: hand-computed timeline")
  func cutAndFollow() throws {
    let scenario = try twoPlayers(events: [
      ScenarioEvent(try month("2026-02"), "A", .cut(try dec("0.5"))),
      ScenarioEvent(try month("2026-02"), "B", .follow(leaders: ["A"], lag: 1, discount: 0)),
    ])
    let result = try ScenarioSimulation(scenario).run()
    #expect(rows(result, "A").map(\.price) == [2, 1, 1, 1])
    // In February B sees A's January price (2), in March A's February price (1).
    #expect(rows(result, "B").map(\.price) == [2, 2, 1, 1])
    // No elasticity, no growth, no switching: 500 million tokens each, every month.
    #expect(rows(result, "A").map(\.volume) == [500, 500, 500, 500])
    #expect(rows(result, "B").map(\.volume) == [500, 500, 500, 500])
    // Revenue: A 1,000 + 500 × 3; B 1,000 × 2 + 500 × 2.
    #expect(result.summary.offerings.map(\.revenue) == [2_500, 3_000])
    #expect(result.months.map(\.averagePrice) == [2, try dec("1.5"), 1, 1])
    // The buyer (on A, the first offering) pays price × its tokens.
    for month in result.months {
      let price = month.offerings[0].price
      #expect(month.buyer.bill == (try price * month.buyer.tokens))
      #expect(month.buyer.offering == "A")
    }
    let tokens = result.months.map(\.buyer.tokens)
    let atStart = try tokens.reduce(FixedDecimal.zero) { try $0 + (try $1 * 2) }
    #expect(result.summary.billAtStartPrices == atStart)
    #expect(
      result.summary.cumulativeSaving
        == (try tokens[1...].reduce(FixedDecimal.zero) { try $0 + $1 })
    )
  }

  @Test("elasticity −1: halving the average price doubles demand", arguments: ["0.5", "0.25"])
  func elasticity(cut: String) throws {
    let scenario = try twoPlayers(
      months: 2,
      events: [
        ScenarioEvent(try month("2026-02"), "A", .cut(try dec(cut))),
        ScenarioEvent(try month("2026-02"), "B", .cut(try dec(cut))),
      ],
      elasticity: "-1"
    )
    let result = try ScenarioSimulation(scenario).run()
    let remaining = try FixedDecimal(1) - (try dec(cut))
    let expected = try FixedDecimal(1_000).divided(by: remaining)
    // The demand curve is exact to about 10⁻¹⁶ relative, not to the 18th digit.
    #expect((try result.months[1].marketVolume - expected).magnitude < (try dec("0.000000000001")))
  }

  @Test("elasticity −0.5 with a one-sided cut matches the closed form to 15 digits")
  func elasticityClosedForm() throws {
    let scenario = try twoPlayers(
      months: 2,
      events: [ScenarioEvent(try month("2026-02"), "A", .cut(try dec("0.5")))],
      elasticity: "-0.5"
    )
    let result = try ScenarioSimulation(scenario).run()
    // Average 2 → 1.5; demand × (0.75)^−0.5 = 1.154700538379251529… (2/√3).
    let expected = try dec("1154.700538379251529267")
    #expect((try result.months[1].marketVolume - expected).magnitude < (try dec("0.000000000001")))
  }

  @Test("elasticity zero leaves volume flat whatever the prices do")
  func zeroElasticity() throws {
    let scenario = try twoPlayers(
      months: 6,
      events: [
        ScenarioEvent(try month("2026-02"), "A", .cut(try dec("0.9"))),
        ScenarioEvent(try month("2026-03"), "B", .raise(try dec("2"))),
        ScenarioEvent(try month("2026-04"), "A", .setPrice(50)),
      ]
    )
    let result = try ScenarioSimulation(scenario).run()
    #expect(result.months.allSatisfy { $0.marketVolume == 1_000 })
    #expect(rows(result, "A").map(\.volume) == [500, 500, 500, 500, 500, 500])
  }

  @Test("a floor holds against cuts and followers, and its month is reported")
  func floors() throws {
    let scenario = try twoPlayers(
      months: 5,
      events: [
        ScenarioEvent(try month("2026-01"), "B", .floor(try dec("0.3"))),
        ScenarioEvent(try month("2026-01"), "B", .follow(leaders: ["A"], lag: 0, discount: 0)),
        ScenarioEvent(try month("2026-02"), "A", .cut(try dec("0.5"))),
        ScenarioEvent(try month("2026-03"), "A", .cut(try dec("0.9"))),
        ScenarioEvent(try month("2026-04"), "A", .cut(1)),
      ]
    )
    let result = try ScenarioSimulation(scenario).run()
    #expect(rows(result, "A").map(\.price) == [2, 1, try dec("0.1"), 0, 0])
    #expect(
      rows(result, "B").map(\.price) == [2, 1, try dec("0.3"), try dec("0.3"), try dec("0.3")]
    )
    #expect(rows(result, "B").map(\.atFloor) == [false, false, true, true, true])
    #expect(result.summary.offerings[1].floorReached == (try month("2026-03")))
    #expect(result.summary.offerings[0].floorReached == nil)
  }

  @Test("followers converge on the leader, less their discount, after their lag")
  func convergence() throws {
    var scenario = try twoPlayers(months: 8)
    scenario.offerings.append(ScenarioOffering(id: "C", currency: .usd, price: 1))
    scenario.exchangeRates = [ExchangeRatePoint(from: try month("2026-01"), cnyPerUSD: 8)]
    scenario.events = [
      ScenarioEvent(
        try month("2026-01"),
        "B",
        .follow(leaders: [], lag: 2, discount: try dec("0.1"))
      ),
      ScenarioEvent(try month("2026-01"), "C", .follow(leaders: ["A"], lag: 1, discount: 0)),
      ScenarioEvent(try month("2026-02"), "A", .cut(try dec("0.6"))),
    ]
    let result = try ScenarioSimulation(scenario).run()
    // A: 2 → 0.8 CNY. C (USD, 8 CNY/USD) matches A a month later: 0.8 / 8 = 0.1 USD.
    #expect(
      rows(result, "C").map(\.price) == [
        try dec("0.25"), try dec("0.25"), try dec("0.1"), try dec("0.1"), try dec("0.1"),
        try dec("0.1"), try dec("0.1"), try dec("0.1"),
      ]
    )
    // B follows everyone (A and C) two months late, 10% below: from the start it undercuts
    // C's 2 CNY (0.25 USD) to 1.8; from April, A's February 0.8 → 0.72.
    let b = rows(result, "B").map(\.price)
    #expect(b[0] == (try dec("1.8")))
    #expect(b[3...].allSatisfy { $0 == (try? dec("0.72")) })
    #expect(b.last == (try dec("0.72")))
  }
}

@Suite("Scenario presets")
struct ScenarioPresetTests {
  @Test(
    "every preset resolves and runs for every workload preset",
    arguments: ScenarioPreset.all.map(\.id)
  )
  func runs(id: String) throws {
    for workload in [WorkloadProfile.customerService, .coding, .rag] {
      let scenario = try ScenarioPreset.scenario(id, workload: workload)
      #expect(!scenario.sources.isEmpty)
      let result = try ScenarioSimulation(scenario).run()
      #expect(result.months.count == scenario.months)
      for month in result.months {
        let total = try month.offerings.reduce(FixedDecimal.zero) { try $0 + $1.share }
        #expect((try total - 1).magnitude < (try dec("0.000000000001")), "\(id) \(month.month)")
      }
    }
  }
}
