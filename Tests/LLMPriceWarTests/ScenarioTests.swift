import Foundation
import LLMPriceWar
import LLMPricing
import Testing

// The market model computes in Double and rounds half to even once, at the result: amounts
// (bills, revenue, margins, spend) to 4 decimal places, prices, shares and volumes to 6.
// Expected values below are computed by hand or in closed form, exactly, then compared
// with that rounding applied, or within a tolerance that each test states.

/// A two-player market in CNY: A and B at 2 CNY per million, half the market each,
/// 1,000 million tokens a month, no growth, no elasticity, nobody switching.
func twoPlayers(
  months: Int = 4,
  events: [ScenarioEvent] = [],
  elasticity: FixedDecimal = .zero,
  switching: SwitchingRule = .never
) -> Scenario {
  Scenario(
    id: "two-players",
    title: "A and B",
    start: "2026-01",
    months: months,
    currency: .cny,
    workload: .customerService,
    offerings: [
      ScenarioOffering(id: "A", currency: .cny, price: 2, share: "0.5"),
      ScenarioOffering(id: "B", currency: .cny, price: 2),
    ],
    events: events,
    market: MarketModel(volume: 1_000, elasticity: elasticity, switching: switching)
  )
}

/// The rows of one offering, month by month.
func rows(_ result: ScenarioResult, _ id: String) -> [ScenarioResult.OfferingMonth] {
  result.months.compactMap { $0.offerings.first { $0.offering == id } }
}

/// Whether two decimals differ by at most `tolerance`.
func within(_ value: FixedDecimal, _ expected: FixedDecimal, _ tolerance: FixedDecimal) -> Bool {
  guard let difference = try? (value - expected).magnitude else { return false }
  return difference <= tolerance
}

/// An amount as the result reports it: the exact value rounded half to even to 4 places.
func amount(_ exact: FixedDecimal) -> FixedDecimal { exact.rounded(toPlaces: 4) }

/// A price, share or volume as the result reports it: rounded half to even to 6 places.
func fraction(_ exact: FixedDecimal) -> FixedDecimal { exact.rounded(toPlaces: 6) }

/// One unit in the last reported place of an amount, and half of it.
let amountStep: FixedDecimal = "0.0001"
let halfAmountStep: FixedDecimal = "0.00005"
/// One unit in the last reported place of a price, share or volume.
let fractionStep: FixedDecimal = "0.000001"

@Suite("Scenario timelines")
struct ScenarioTimelineTests {
  @Test("A cuts 50% in February and B follows a month late: the hand-computed timeline holds")
  func cutAndFollow() throws {
    let scenario = twoPlayers(events: [
      ScenarioEvent("2026-02", "A", .cut("0.5")),
      ScenarioEvent("2026-02", "B", .follow(leaders: ["A"], lag: 1, discount: 0)),
    ])
    let result = try ScenarioSimulation(scenario).run()
    #expect(rows(result, "A").map(\.price) == [2, 1, 1, 1])
    // The follow decided in February acts from March, on A's February price (1).
    #expect(rows(result, "B").map(\.price) == [2, 2, 1, 1])
    // No elasticity, no growth, no switching: 500 million tokens each, every month.
    #expect(rows(result, "A").map(\.volume) == [500, 500, 500, 500])
    #expect(rows(result, "B").map(\.volume) == [500, 500, 500, 500])
    // Revenue: A 1,000 + 500 × 3; B 1,000 × 2 + 500 × 2 (whole numbers: no rounding).
    #expect(result.summary.offerings.map(\.revenue) == [2_500, 3_000])
    #expect(result.months.map(\.averagePrice) == [2, "1.5", 1, 1])
    #expect(result.summary.marketSpend == 5_500)
    #expect(result.summary.marketVolume == 4_000)
    // The buyer (on A, the first offering) pays price × its tokens, rounded once to 4
    // places: the tokens are exact and the Double product is good to about 10⁻¹², far
    // inside the 4th place, so the rounded values agree.
    for month in result.months {
      let price = month.offerings[0].price
      #expect(month.buyer.bill == amount(try price * month.buyer.tokens))
      #expect(month.buyer.offering == "A")
    }
    let tokens = result.months.map(\.buyer.tokens)
    let atStart = try tokens.reduce(FixedDecimal.zero) { try $0 + (try $1 * 2) }
    #expect(result.summary.billAtStartPrices == amount(atStart))
    // The saving is the start-price total (rounded once) less four monthly bills (each
    // rounded): at most 5 half-steps of the 4th place from the exact Σ tokens of Feb–Apr.
    let saving = try tokens[1...].reduce(FixedDecimal.zero) { try $0 + $1 }
    #expect(within(result.summary.cumulativeSaving, saving, try halfAmountStep * 5))
  }

  @Test(
    "with elasticity −1, cutting every price by a fraction divides demand by what is left",
    arguments: ["0.5", "0.25"] as [FixedDecimal]
  )
  func elasticity(cut: FixedDecimal) throws {
    let scenario = twoPlayers(
      months: 2,
      events: [
        ScenarioEvent("2026-02", "A", .cut(cut)),
        ScenarioEvent("2026-02", "B", .cut(cut)),
      ],
      elasticity: -1
    )
    let result = try ScenarioSimulation(scenario).run()
    let expected = try FixedDecimal(1_000).divided(by: try FixedDecimal(1) - cut)
    // The demand curve is good to about 10⁻¹⁵ relative; the volume is reported to 6
    // places, so it is the closed form rounded, give or take one unit of the 6th place.
    #expect(within(result.months[1].marketVolume, fraction(expected), fractionStep))
  }

  @Test("with elasticity −0.5, a one-sided cut moves demand as the closed form says")
  func elasticityClosedForm() throws {
    let scenario = twoPlayers(
      months: 2,
      events: [ScenarioEvent("2026-02", "A", .cut("0.5"))],
      elasticity: "-0.5"
    )
    let result = try ScenarioSimulation(scenario).run()
    // Average 2 → 1.5; demand × (0.75)^−0.5 = 2/√3 = 1.154700538379251529…
    let expected: FixedDecimal = "1154.700538379251529267"
    #expect(within(result.months[1].marketVolume, fraction(expected), fractionStep))
  }

  @Test("elasticity zero leaves volume flat whatever the prices do")
  func zeroElasticity() throws {
    let scenario = twoPlayers(
      months: 6,
      events: [
        ScenarioEvent("2026-02", "A", .cut("0.9")),
        ScenarioEvent("2026-03", "B", .raise("2")),
        ScenarioEvent("2026-04", "A", .setPrice(50)),
      ]
    )
    let result = try ScenarioSimulation(scenario).run()
    #expect(result.months.allSatisfy { $0.marketVolume == 1_000 })
    #expect(rows(result, "A").map(\.volume) == [500, 500, 500, 500, 500, 500])
  }

  @Test("a floor holds against cuts and followers, and the month it is reached is reported")
  func floors() throws {
    let scenario = twoPlayers(
      months: 5,
      events: [
        ScenarioEvent("2026-01", "B", .floor("0.3")),
        ScenarioEvent("2026-01", "B", .follow(leaders: ["A"], lag: 0, discount: 0)),
        ScenarioEvent("2026-02", "A", .cut("0.5")),
        ScenarioEvent("2026-03", "A", .cut("0.9")),
        ScenarioEvent("2026-04", "A", .cut(1)),
      ]
    )
    let result = try ScenarioSimulation(scenario).run()
    // 1 × (1 − 0.9) is 0.09999999999999998 in Double: reported to 6 places, 0.1.
    #expect(rows(result, "A").map(\.price) == [2, 1, "0.1", 0, 0])
    #expect(rows(result, "B").map(\.price) == [2, 1, "0.3", "0.3", "0.3"])
    #expect(rows(result, "B").map(\.atFloor) == [false, false, true, true, true])
    #expect(result.summary.offerings[1].floorReached == "2026-03")
    #expect(result.summary.offerings[0].floorReached == nil)
  }

  @Test("followers converge on the leader, less their discount, from lag months after deciding")
  func convergence() throws {
    var scenario = twoPlayers(months: 8)
    scenario.offerings.append(ScenarioOffering(id: "C", currency: .usd, price: 1))
    scenario.exchangeRates = [ExchangeRatePoint(from: "2026-01", cnyPerUSD: 8)]
    scenario.events = [
      ScenarioEvent("2026-01", "B", .follow(leaders: [], lag: 2, discount: "0.1")),
      ScenarioEvent("2026-01", "C", .follow(leaders: ["A"], lag: 1, discount: 0)),
      ScenarioEvent("2026-02", "A", .cut("0.6")),
    ]
    let result = try ScenarioSimulation(scenario).run()
    // A: 2 → 0.8 CNY from February. C (USD, 8 CNY/USD) decided in January with a lag of
    // 1: it keeps its 1 USD in January (the old engine matched from the deciding month;
    // a follow now first acts lag months later), matches A's January 2 CNY = 0.25 USD in
    // February, and A's February 0.8 CNY = 0.1 USD from March.
    #expect(
      rows(result, "C").map(\.price) == [1, "0.25", "0.1", "0.1", "0.1", "0.1", "0.1", "0.1"]
    )
    #expect(result.months.allSatisfy { $0.cnyPerUSD == 8 })
    // B follows everyone else (A and C) two months late, 10% below, from March: on the
    // January prices (A 2, C 8 CNY) 1.8; from April on A's 0.8 of February on → 0.72.
    #expect(
      rows(result, "B").map(\.price) == [2, 2, "1.8", "0.72", "0.72", "0.72", "0.72", "0.72"]
    )
  }

  @Test("a leader's cut in month M reaches a follower with lag L in month M + L, never earlier")
  func followNeverEarly() throws {
    for lag in 0...3 {
      let scenario = twoPlayers(
        months: 8,
        events: [
          ScenarioEvent("2026-01", "B", .follow(leaders: ["A"], lag: lag, discount: 0)),
          ScenarioEvent("2026-04", "A", .setPrice(1)),
        ]
      )
      let b = rows(try ScenarioSimulation(scenario).run(), "B").map(\.price)
      // A's cut is in April (index 3): B is at 2 before index 3 + lag and at 1 from it.
      let expected: [FixedDecimal] = (0..<8).map { $0 < 3 + lag ? 2 : 1 }
      #expect(b == expected, "lag \(lag)")
    }
  }
}

@Suite("Scenario presets")
struct ScenarioPresetTests {
  @Test(
    "every preset resolves and runs for every workload preset, its shares adding up to 1",
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
        // Each share is rounded to 6 places: n shares are off by at most n half-steps.
        let tolerance = try FixedDecimal("0.0000005") * month.offerings.count
        #expect(within(total, 1, tolerance), "\(id) \(month.month)")
      }
    }
  }

  @Test(
    "every preset's events act on offerings that are in the market in the event's month",
    arguments: ScenarioPreset.all.map(\.id)
  )
  func presetEventsActOnTheMarket(id: String) throws {
    let scenario = try ScenarioPreset.scenario(id)
    let result = try ScenarioSimulation(scenario).run()
    var absent: [String] = []
    for (index, event) in scenario.events.enumerated() {
      // An entry brings its offering in; an exit takes it out, so look at the month before.
      if case .enter = event.action { continue }
      var month = event.month
      if case .exit = event.action, month > scenario.start { month = try month.adding(months: -1) }
      let row = result.months.first { $0.month == month }?.offerings.first {
        $0.offering == event.offering
      }
      if row?.available != true { absent.append("events[\(index)] \(event.offering) \(month)") }
    }
    #expect(absent.isEmpty, "\(id): \(absent)")
  }

  @Test("a preset moved past its models' retirement leaves them out and says what that undoes")
  func rebasedPastRetirement() throws {
    let moved = try ScenarioPreset.scenario("gemini-2.5-pro-cut").rebased(start: "2027-01")
    let result = try ScenarioSimulation(moved).run()
    // The catalog retires Gemini 2.5 Pro on 2026-12-01 and GPT-5 on 2026-12-11; the May 2026
    // cut, two months after the March start, moves to March 2027.
    for id in ["google/gemini-2.5-pro@USD", "openai/gpt-5@USD"] {
      #expect(result.notes.contains { $0.hasPrefix("\(id) is left out: ") }, "\(result.notes)")
      #expect(rows(result, id).allSatisfy { !$0.available })
    }
    #expect(result.notes.contains { $0.hasPrefix("events[0] (cut, 2027-03) acts on google/") })
    #expect(result.months.first?.month == "2027-01")
  }

  @Test(
    "every preset survives a JSON round trip unchanged",
    arguments: ScenarioPreset.all.map(\.id)
  )
  func presetRoundTrip(id: String) throws {
    let scenario = try ScenarioPreset.scenario(id)
    #expect(try Scenario.decode(from: try scenario.encodedJSON()) == scenario)
  }
}

@Suite("Scenario switching, exits and demand")
struct ScenarioMarketTests {
  /// B cuts 5 points a month from 1: A's buyers gain 5%, 10%, 15%, 20%, 25%.
  func steppedCuts(threshold: FixedDecimal, cost: FixedDecimal = .zero) throws -> Scenario {
    var scenario = twoPlayers(
      months: 6,
      switching: SwitchingRule(threshold: threshold, cost: cost, paybackMonths: 1, rate: "0.5")
    )
    scenario.offerings[0].price = 1
    scenario.offerings[1].price = 1
    scenario.events = try (1...5).map { step in
      ScenarioEvent(
        try YearMonth("2026-0\(step + 1)"),
        "B",
        .setPrice(try FixedDecimal(1) - (try FixedDecimal("0.05") * step))
      )
    }
    return scenario
  }

  @Test("switching starts exactly in the month the saving reaches the threshold")
  func threshold() throws {
    let result = try ScenarioSimulation(try steppedCuts(threshold: "0.2")).run()
    // Saving: 5% Feb, 10% Mar, 15% Apr, 20% May (= threshold), 25% Jun; half move a month.
    #expect(rows(result, "A").map(\.share) == ["0.5", "0.5", "0.5", "0.5", "0.25", "0.125"])
    #expect(result.months.map(\.buyer.switched) == [false, false, false, false, true, false])
    #expect(result.months[4].buyer.switchingOffering == "B")
    #expect(result.months.allSatisfy { $0.buyer.offering == "A" })
  }

  @Test("a switching cost delays the move until the monthly saving pays it back")
  func switchingCost() throws {
    let tokens = try ScenarioSimulation(try steppedCuts(threshold: 0)).run().months[3].buyer
      .tokens
    // Require a saving of 0.15 per million tokens × April's tokens × one month of payback;
    // March saves 0.10 a million on barely more tokens (31 days), still short.
    let cost = try FixedDecimal("0.15") * tokens
    let result = try ScenarioSimulation(try steppedCuts(threshold: 0, cost: cost)).run()
    #expect(result.months.map(\.buyer.switched) == [false, false, false, true, false, false])
    // The month it moves, the switching buyer pays the cost on top of B's bill: computed
    // in Double and rounded once to 4 places, so within a unit of the 4th place.
    let april = result.months[3]
    let expected = try (try FixedDecimal("0.85") * april.buyer.tokens) + cost
    #expect(within(april.buyer.switchingBill, expected, amountStep))
  }

  @Test("an exit moves the offering's share to the named offerings, in proportion")
  func exit() throws {
    var scenario = twoPlayers(months: 3)
    scenario.offerings = [
      ScenarioOffering(id: "US", currency: .usd, price: 1, share: "0.4"),
      ScenarioOffering(id: "X", currency: .cny, price: 2, share: "0.45"),
      ScenarioOffering(id: "Y", currency: .cny, price: 3, share: "0.15"),
    ]
    scenario.exchangeRates = [ExchangeRatePoint(from: "2026-01", cnyPerUSD: 7)]
    scenario.events = [ScenarioEvent("2026-02", "US", .exit(migrateTo: ["X", "Y"]))]
    let result = try ScenarioSimulation(scenario).run()
    #expect(rows(result, "US").map(\.available) == [true, false, false])
    // X gets 0.4 × 0.45/0.6 = 0.3, Y 0.4 × 0.15/0.6 = 0.1.
    #expect(rows(result, "X").map(\.share) == ["0.45", "0.75", "0.75"])
    #expect(rows(result, "Y").map(\.share) == ["0.15", "0.25", "0.25"])
    #expect(result.summary.offerings[0].exited == "2026-02")
    // The buyer on the US offering is moved, to the cheapest: X.
    #expect(result.months[1].buyer.offering == "X")
    #expect(rows(result, "US")[0].reportingPrice == 7)
  }

  @Test("an offering that left by an exit event stays out when the catalog still sells it")
  func exitIsFinal() throws {
    var scenario = twoPlayers(months: 4)
    scenario.start = "2025-01"
    scenario.offerings[1] = ScenarioOffering(
      id: "deepseek",
      catalog: "deepseek/deepseek-chat@CNY",
      replaysCatalog: true
    )
    scenario.events = [ScenarioEvent("2025-02", "deepseek", .exit(migrateTo: ["A"]))]
    let result = try ScenarioSimulation(scenario).run()
    #expect(rows(result, "deepseek").map(\.available) == [true, false, false, false])
    #expect(rows(result, "A").dropFirst().allSatisfy { $0.share == 1 })
  }

  @Test("a surge adds demand to one offering and leaves the others' volumes alone")
  func surge() throws {
    var scenario = twoPlayers(months: 2)
    scenario.events = [ScenarioEvent("2026-02", "A", .surge("0.5"))]
    let result = try ScenarioSimulation(scenario).run()
    // A: 500 × 1.5 = 750; the market 1,250; A's share 0.6, B's 0.4.
    #expect(rows(result, "A").map(\.volume) == [500, 750])
    #expect(rows(result, "B").map(\.volume) == [500, 500])
    #expect(rows(result, "A").map(\.share) == ["0.5", "0.6"])
    #expect(result.months[1].marketVolume == 1_250)
  }

  @Test("a free tier lowers the buyer's bill by the free tokens' worth")
  func freeTier() throws {
    var scenario = twoPlayers(months: 2)
    scenario.events = [ScenarioEvent("2026-02", "A", .freeTier(tokensPerMonth: 1_000_000))]
    let result = try ScenarioSimulation(scenario).run()
    let february = result.months[1]
    // 2 CNY per million on (tokens − 1) million, modelled and rounded once to 4 places.
    let expected = try (try february.buyer.tokens - 1) * 2
    #expect(within(february.buyer.bill, expected, halfAmountStep))
    #expect(rows(result, "A")[1].freeTokensPerMonth == 1_000_000)
  }

  @Test("an entry takes its share from the others in proportion")
  func entry() throws {
    var scenario = twoPlayers(months: 2)
    scenario.offerings.append(ScenarioOffering(id: "C", currency: .cny, price: 1))
    scenario.events = [ScenarioEvent("2026-02", "C", .enter(share: "0.2"))]
    let result = try ScenarioSimulation(scenario).run()
    #expect(rows(result, "C").map(\.share) == [0, "0.2"])
    #expect(rows(result, "A").map(\.share) == ["0.5", "0.4"])
    #expect(result.summary.offerings[2].entered == "2026-02")
  }

  @Test("when no share moves there is no share winner")
  func noShareWinner() throws {
    let result = try ScenarioSimulation(twoPlayers()).run()
    #expect(result.summary.shareWinner == nil)
    #expect(!result.summary.sharesMoved)
  }
}

@Suite("Scenario validation and files")
struct ScenarioValidationTests {
  @Test(
    "bad event values are refused with the path and what to do",
    arguments: [
      ("events[0].cut", ScenarioEvent.Action.cut(2)),
      ("events[0].cut", .cut(.zero)),
      ("events[0].setPrice", .setPrice(-1)),
      ("events[0].floor", .floor(-1)),
      ("events[0].follow.lag", .follow(leaders: ["A"], lag: 4, discount: .zero)),
      ("events[0].follow.leaders[0]", .follow(leaders: ["Z"], lag: 0, discount: .zero)),
      ("events[0].exit.migrateTo[0]", .exit(migrateTo: ["B", "Q"])),
      ("events[0].enter.share", .enter(share: 1)),
    ]
  )
  func badEvents(path: String, action: ScenarioEvent.Action) throws {
    let scenario = twoPlayers(events: [ScenarioEvent("2026-02", "B", action)])
    let error = try #require(throws: ScenarioError.self) { try scenario.validate() }
    #expect(error.code == .invalidScenario)
    #expect(error.message.hasPrefix(path), "\(error.message)")
  }

  @Test("wrong-sign elasticity, negative prices, shares over 1 and unknown ids are refused")
  func badScenario() throws {
    var scenario = twoPlayers(elasticity: "0.5")
    var error = try #require(throws: ScenarioError.self) { try scenario.validate() }
    #expect(error.message.contains("wrong sign"))
    scenario = twoPlayers()
    scenario.offerings[1].price = -1
    error = try #require(throws: ScenarioError.self) { try scenario.validate() }
    #expect(error.message.hasPrefix("offerings[1].price"))
    scenario = twoPlayers()
    scenario.offerings[1].share = "0.6"
    error = try #require(throws: ScenarioError.self) { try scenario.validate() }
    #expect(error.message.contains("add up to 1.1"))
    scenario = twoPlayers(events: [ScenarioEvent("2026-02", "AA", .cut("0.1"))])
    error = try #require(throws: ScenarioError.self) { try scenario.validate() }
    #expect(error.message.contains("closest: A"))
    scenario = twoPlayers(events: [ScenarioEvent("2027-02", "A", .cut("0.1"))])
    error = try #require(throws: ScenarioError.self) { try scenario.validate() }
    #expect(error.message.contains("outside the horizon"))
    scenario = twoPlayers()
    scenario.uncertainties = [Uncertainty(.elasticity, low: -1, high: 1)]
    error = try #require(throws: ScenarioError.self) { try scenario.validate() }
    #expect(error.message.hasPrefix("uncertainties[0] (market.elasticity = 1)"))
    scenario.uncertainties = [Uncertainty(.event(.index(9), .fraction), low: 0, high: 1)]
    error = try #require(throws: ScenarioError.self) { try scenario.validate() }
    #expect(error.message.contains("names no event"))
    #expect(error.code == .invalidScenario)
  }

  @Test("a scenario survives a JSON round trip, and bad JSON names its key path")
  func json() throws {
    let scenario = try ScenarioPreset.scenario("minus-93-percent")
    let decoded = try Scenario.decode(from: try scenario.encodedJSON())
    #expect(decoded == scenario)
    let text = String(decoding: try scenario.encodedJSON(), as: UTF8.self)
    #expect(text.contains("\"workload\" : \"customer-service\""))
    let bad = text.replacingOccurrences(of: "\"cut\" : \"0.2024\"", with: "\"cut\" : \"lots\"")
    // A value that does not decode is the core's strict reader's error, with the path.
    let error = try #require(throws: PricingError.self) {
      try Scenario.decode(from: Data(bad.utf8))
    }
    #expect(error.message.contains("events[0].cut"), "\(error.message)")
    let twoActions = text.replacingOccurrences(
      of: "\"cut\" : \"0.2024\"",
      with: "\"cut\" : \"0.2\", \"raise\" : \"0.1\""
    )
    let second = try #require(throws: PricingError.self) {
      try Scenario.decode(from: Data(twoActions.utf8))
    }
    #expect(second.message.contains("several actions"))
  }

  @Test("a month before year 1000 is written with four digits and reads back (fuzzing)")
  func earlyMonthsRoundTrip() throws {
    let month: YearMonth = "0232-05"
    #expect(month.description == "0232-05")
    let data = try JSONEncoder().encode([month])
    #expect(try JSONDecoder().decode([YearMonth].self, from: data) == [month])
    #expect(try YearMonth(year: 1, month: 1).description == "0001-01")
  }
}

@Suite("Scenario parameters, horizons and re-basing")
struct ScenarioTransformTests {
  @Test("every parameter form reads back from its path, and its path is the documented one")
  func parameterPaths() throws {
    var expected: [(ScenarioParameter, String)] = [
      (.elasticity, "market.elasticity"),
      (.growth, "market.growth"),
      (.switchingThreshold, "market.switching.threshold"),
      (.switchingRate, "market.switching.rate"),
    ]
    for field in ScenarioParameter.EventField.allCases {
      expected.append((.event(.index(3), field), "events[3].\(field.rawValue)"))
      expected.append((.event(.id("cut-1"), field), "events[cut-1].\(field.rawValue)"))
    }
    #expect(ScenarioParameter.EventField.allCases.count == 5)
    for (parameter, path) in expected {
      #expect(parameter.description == path)
      #expect(try ScenarioParameter(path: path) == parameter, "\(path)")
      let json = try JSONEncoder().encode([parameter])
      #expect(String(decoding: json, as: UTF8.self) == "[\"\(path)\"]")
      #expect(try JSONDecoder().decode([ScenarioParameter].self, from: json) == [parameter])
    }
  }

  @Test(
    "a bad parameter path is refused, naming it and every accepted form",
    arguments: ["market.elastic", "events[3].speed", "events[3]fraction", "events3.lag", ""]
  )
  func badParameterPath(path: String) throws {
    let error = try #require(throws: ScenarioError.self) { try ScenarioParameter(path: path) }
    #expect(error.code == .invalidScenario)
    #expect(error.message.hasPrefix("unknown parameter '\(path)'"), "\(error.message)")
    for form in [
      "market.elasticity", "market.growth", "market.switching.threshold",
      "market.switching.rate", "events[N or id].fraction", ".price", ".lag", ".discount",
      ".share",
    ] {
      #expect(error.message.contains(form), "\(form) in \(error.message)")
    }
  }

  @Test("shrinking the horizon drops later events and their uncertainties, and renumbers")
  func horizonShrink() throws {
    var scenario = twoPlayers(
      months: 6,
      events: [
        ScenarioEvent("2026-02", "A", .cut("0.1")),
        ScenarioEvent("2026-05", "A", .cut("0.2"), id: "late"),
        ScenarioEvent("2026-03", "B", .cut("0.3"), id: "early"),
        ScenarioEvent("2026-04", "B", .cut("0.4")),
      ]
    )
    scenario.uncertainties = [
      Uncertainty(.elasticity, low: -2, high: 0),
      Uncertainty(.event(.index(1), .fraction), low: "0.1", high: "0.3"),
      Uncertainty(.event(.index(2), .fraction), low: "0.2", high: "0.4"),
      Uncertainty(.event(.id("late"), .fraction), low: "0.1", high: "0.3"),
      Uncertainty(.event(.id("early"), .fraction), low: "0.2", high: "0.4"),
      Uncertainty(.event(.index(3), .fraction), low: "0.3", high: "0.5"),
    ]
    try scenario.validate()
    // Three months: January to March; April and May events go.
    let short = scenario.withHorizon(months: 3)
    #expect(short.months == 3)
    #expect(short.events == [scenario.events[0], scenario.events[2]])
    #expect(
      short.uncertainties == [
        Uncertainty(.elasticity, low: -2, high: 0),
        // The event that was third is now second: its index reference moves with it.
        Uncertainty(.event(.index(1), .fraction), low: "0.2", high: "0.4"),
        // A reference by id stays as it was.
        Uncertainty(.event(.id("early"), .fraction), low: "0.2", high: "0.4"),
      ]
    )
    try short.validate()
    #expect(try ScenarioSimulation(short).run().months.count == 3)
    // A longer horizon keeps everything.
    let long = scenario.withHorizon(months: 9)
    #expect(long.events == scenario.events)
    #expect(long.uncertainties == scenario.uncertainties)
    #expect(long.months == 9)
  }

  @Test("re-basing moves the start, every event and every exchange-rate point alike")
  func rebase() throws {
    var scenario = twoPlayers(
      months: 4,
      events: [
        ScenarioEvent("2026-02", "A", .cut("0.5")),
        ScenarioEvent("2026-04", "B", .cut("0.5")),
      ]
    )
    scenario.offerings[1].currency = .usd
    scenario.offerings[1].price = "0.25"
    scenario.exchangeRates = [
      ExchangeRatePoint(from: "2025-12", cnyPerUSD: 8),
      ExchangeRatePoint(from: "2026-03", cnyPerUSD: 7),
    ]
    // 2026-01 → 2027-11 is 22 months later, across a year end.
    let moved = try scenario.rebased(start: "2027-11")
    #expect(moved.start == "2027-11")
    #expect(moved.events.map(\.month) == ["2027-12", "2028-02"])
    #expect(moved.exchangeRates.map(\.from) == ["2027-10", "2028-01"])
    #expect(moved.exchangeRates.map(\.cnyPerUSD) == [8, 7])
    #expect(moved.events.map(\.action) == scenario.events.map(\.action))
    let result = try ScenarioSimulation(moved).run()
    #expect(result.months.map(\.month) == ["2027-11", "2027-12", "2028-01", "2028-02"])
    // The same timeline, months moved: A halves in the second month, B in the fourth,
    // B's 0.25 USD at 8 then 7 CNY.
    #expect(rows(result, "A").map(\.price) == [2, 1, 1, 1])
    #expect(rows(result, "B").map(\.reportingPrice) == [2, 2, "1.75", "0.875"])
    // And back again.
    #expect(try moved.rebased(start: "2026-01") == scenario)
  }

  @Test("an offering priced from the catalog joins the market in the month it launches")
  func launchJoinsLater() throws {
    // DeepSeek V2 launched on 2024-05-06: a scenario from March 2024 is not an error;
    // the offering is out of the market until the catalog sells it.
    var scenario = twoPlayers(months: 4)
    scenario.start = "2024-03"
    scenario.offerings[1] = ScenarioOffering(
      id: "deepseek",
      catalog: "deepseek/deepseek-chat@CNY",
      replaysCatalog: true
    )
    let result = try ScenarioSimulation(scenario).run()
    let available = rows(result, "deepseek").map(\.available)
    let launch = try #require(available.firstIndex(of: true))
    #expect(launch > 0)
    #expect(available[launch...].allSatisfy { $0 })
    #expect(result.summary.offerings[1].entered == result.months[launch].month)
  }
}

@Suite("Monte Carlo, sensitivity and replays")
struct ScenarioMonteCarloTests {
  @Test("the same seed gives the same bands on one task or four, and bands are ordered")
  func reproducible() async throws {
    let simulation = try ScenarioSimulation(try ScenarioPreset.scenario("minus-93-percent"))
    let monteCarlo = MonteCarlo(simulation)
    let serial = try monteCarlo.run(runs: 64, seed: 42)
    let parallel = try await monteCarlo.run(runs: 64, seed: 42, parallelism: 4)
    #expect(serial == parallel)
    let other = try monteCarlo.run(runs: 64, seed: 43)
    #expect(other != serial)
    let totals = [
      serial.buyerBill, serial.switchingBuyerBill, serial.cumulativeSaving, serial.marketSpend,
      serial.marketVolume,
    ]
    for band in totals
      + serial.months.flatMap({ [$0.buyerBill, $0.averagePrice, $0.marketVolume] })
    {
      #expect(band.p10 <= band.p50 && band.p50 <= band.p90)
    }
    // The cut sizes vary, so the staying buyer's bill does too.
    #expect(serial.buyerBill.p10 < serial.buyerBill.p90)
    #expect(serial.offerings.map(\.shareWins).reduce(0, +) == 64)
  }

  @Test("without uncertainty every run is the deterministic run")
  func degenerate() throws {
    var scenario = twoPlayers(events: [ScenarioEvent("2026-02", "A", .cut("0.5"))])
    scenario.uncertainties = [Uncertainty(.event(.index(0), .fraction), low: "0.5", high: "0.5")]
    let simulation = try ScenarioSimulation(scenario)
    let result = try simulation.run()
    let bands = try MonteCarlo(simulation).run(runs: 10, seed: 1)
    // The band rounds the Double total once; the summary adds four monthly bills each
    // rounded to 4 places: they agree within four half-steps of the 4th place.
    let tolerance = try halfAmountStep * 4
    #expect(within(bands.buyerBill.p10, result.summary.buyerBill, tolerance))
    #expect(within(bands.buyerBill.p90, result.summary.buyerBill, tolerance))
    #expect(bands.buyerBill.p10 == bands.buyerBill.p90)
    // Revenue is rounded once on both sides, from the same Double.
    #expect(bands.offerings[1].revenue.p50 == result.summary.offerings[1].revenue)
    #expect(bands.marketSpend.p50 == result.summary.marketSpend)
    #expect(bands.marketVolume.p50 == result.summary.marketVolume)
  }

  @Test("lags are drawn as whole months: every band is one of the whole-month outcomes")
  func wholeMonthLags() throws {
    var scenario = twoPlayers(months: 6)
    scenario.buyerOffering = "B"
    scenario.events = [
      ScenarioEvent("2026-02", "A", .cut("0.5")),
      ScenarioEvent("2026-01", "B", .follow(leaders: ["A"], lag: 1, discount: .zero)),
    ]
    let lag = ScenarioParameter.event(.index(1), .lag)
    scenario.uncertainties = [Uncertainty(lag, low: 0, high: 3)]
    let simulation = try ScenarioSimulation(scenario)
    let results = try (0...3).map { try simulation.run(setting: [lag: FixedDecimal($0)]) }
    let outcomes = results.map(\.summary.buyerBill)
    // Hand computation: A's cut in month 1 reaches B in month 1 + lag; B pays 2 a million
    // before that month and 1 from it, each month's bill rounded to 4 places.
    for (lag, result) in results.enumerated() {
      let tokens = result.months.map(\.buyer.tokens)
      let expected = try tokens.indices.reduce(FixedDecimal.zero) { total, month in
        let price: FixedDecimal = month < 1 + lag ? 2 : 1
        return try total + amount(try price * tokens[month])
      }
      #expect(outcomes[lag] == expected, "lag \(lag)")
    }
    #expect(Set(outcomes).count == 4)
    let bands = try MonteCarlo(simulation).run(runs: 400, seed: 5)
    // Bands round the Double total once; outcomes add six rounded months.
    let tolerance = try halfAmountStep * 6
    for value in [bands.buyerBill.p10, bands.buyerBill.p50, bands.buyerBill.p90] {
      #expect(outcomes.contains { within(value, $0, tolerance) })
    }
    #expect(within(bands.buyerBill.p10, outcomes[0], tolerance))
    #expect(within(bands.buyerBill.p90, outcomes[3], tolerance))
  }

  @Test(
    "bands are the nearest ranks of the runs' values",
    arguments: [1, 2, 3, 9, 10, 11, 99, 100, 101]
  )
  func bandsAreNearestRanks(count: Int) throws {
    // A's price in February is drawn uniformly per run: its end-price band is then the
    // nearest-rank percentiles of the draws, each from stream `run` of the seed.
    var scenario = twoPlayers(months: 2, events: [ScenarioEvent("2026-02", "A", .setPrice(1))])
    scenario.uncertainties = [Uncertainty(.event(.index(0), .price), low: 0, high: 10)]
    let seed = UInt64(count)
    let bands = try MonteCarlo(try ScenarioSimulation(scenario)).run(runs: count, seed: seed)
    let draws = (0..<count).map { run in
      var random = SeededRandomNumberGenerator(seed: seed, stream: UInt64(run))
      return random.uniform(0.0, 10.0)
    }.sorted()
    let band = try #require(bands.offerings[0].endPrice)
    for (percent, value) in zip([10, 50, 90], [band.p10, band.p50, band.p90]) {
      let rank = max(0, min(count - 1, (percent * count + 99) / 100 - 1))
      // The draw's shortest decimal form, to 6 places: within one unit of the 6th place.
      let expected = try FixedDecimal(String(format: "%.9f", draws[rank]))
      #expect(within(value, expected, fractionStep), "p\(percent) of \(count)")
    }
  }

  @Test("the sensitivity table ranks the parameter that moves the outcome most first")
  func sensitivity() throws {
    var scenario = twoPlayers(events: [ScenarioEvent("2026-02", "A", .cut("0.5"), id: "cut")])
    scenario.uncertainties = [
      Uncertainty(.elasticity, low: -2, high: 0),
      Uncertainty(.event(.id("cut"), .fraction), low: "0.1", high: "0.9"),
    ]
    let rows = try ScenarioSimulation(scenario).sensitivity(of: .buyerBill)
    // The buyer is on A: the cut moves its bill; elasticity moves the market, not the bill.
    #expect(rows.map(\.parameter) == ["events[cut].fraction", "market.elasticity"])
    #expect(rows[1].swing == 0)
    #expect(rows[0].outcomeAtLow > rows[0].outcomeAtHigh)
    let revenue = try ScenarioSimulation(scenario).sensitivity(of: .revenue("A"))
    #expect(revenue.allSatisfy { $0.swing > 0 })
    let spend = try ScenarioSimulation(scenario).sensitivity(of: .marketSpend)
    #expect(spend.allSatisfy { $0.swing > 0 })
    #expect(try ScenarioMetric("market-spend") == .marketSpend)
  }

  @Test("the May 2024 replay prices every full month as the catalog does, and bills exactly")
  func replayMatchesCatalog() throws {
    let scenario = try ScenarioPreset.scenario("china-may-2024")
    let result = try ScenarioSimulation(scenario).run()
    let buyer = try #require(scenario.buyerOffering)
    var checked = 0
    var billsChecked = 0
    for offering in scenario.offerings {
      let catalogOffering = try Catalog.builtIn.offering(id: try #require(offering.catalog))
      for month in result.months.dropFirst() {
        guard let row = month.offerings.first(where: { $0.offering == offering.id }) else {
          continue
        }
        guard
          let cost = try? MonthlyProjection.cost(
            of: scenario.workload,
            on: catalogOffering,
            in: month.month
          )
        else {
          // Not sold, or sold for part of the month only (priced whole, and noted).
          let partial = "\(offering.id) is sold for part of \(month.month) only"
          #expect(!row.available || result.notes.contains { $0.hasPrefix(partial) })
          continue
        }
        // The effective price: the month's cost per million tokens, reported to 6 places
        // (from Double, so within one unit of the 6th place of the exact quotient).
        let tokens = try cost.inputTokens + cost.outputTokens
        let price = try (try cost.total.amount * 1_000_000).divided(by: tokens)
        #expect(
          within(row.price, fraction(price), fractionStep),
          "\(offering.id) \(month.month): \(row.price) vs \(price)"
        )
        #expect(row.available)
        checked += 1
        // The staying buyer on the catalog's own price pays the catalog's exact bill.
        if offering.id == buyer, month.buyer.offering == buyer {
          #expect(month.buyer.bill == cost.total.amount, "\(month.month)")
          billsChecked += 1
        }
      }
    }
    #expect(checked > 100)
    #expect(billsChecked == result.months.count - 1)
    // Known history: GLM-3-Turbo at 1 CNY from June; Qwen-Plus 4/12 → 0.8/2 by October.
    let glm = rows(result, "zhipu/glm-3-turbo@CNY")
    #expect(glm[1].price == 1)
    let plus = rows(result, buyer)
    #expect(plus[5].price < plus[1].price)
  }

  @Test("the May 2024 buyer's June bill is the list prices times the workload's tokens")
  func replayBillByHand() throws {
    let scenario = try ScenarioPreset.scenario("china-may-2024")
    let result = try ScenarioSimulation(scenario).run()
    let june: YearMonth = "2024-06"
    let month = try #require(result.months.first { $0.month == june })
    let buyer = try #require(scenario.buyerOffering)
    #expect(month.buyer.offering == buyer)
    let qwenPlus = try Catalog.builtIn.offering(model: "qwen-plus", currency: .cny)
    let instant = june.middle.startInUTC
    let input = try qwenPlus.listPrice(of: .input, at: instant).amount
    let output = try qwenPlus.listPrice(of: .output, at: instant).amount
    // June 2024: 4 CNY in, 12 out a million, and no cache price (hits bill as input).
    #expect(input == 4)
    #expect(output == 12)
    #expect(try qwenPlus.listPrice(of: .cacheRead, at: instant).amount == input)
    let volume = try MonthlyProjection.volume(of: scenario.workload, in: june)
    let bill = try (try volume.input * input + volume.output * output).divided(
      by: FixedDecimal(1_000_000)
    )
    #expect(month.buyer.bill == bill)
    // And the tokens the result reports are the same workload's, in millions.
    let tokens = try (try volume.input + volume.output).divided(by: FixedDecimal(1_000_000))
    #expect(month.buyer.tokens == tokens)
  }

  @Test(
    "the demand curve matches its closed form to 6 places",
    arguments: [
      ("0.5", "-1", "2"), ("4", "-0.5", "0.5"), ("0.01", "-3", "1000000"), ("1", "-2", "1"),
      ("2", "0", "1"), ("0.25", "-2", "16"),
    ] as [(FixedDecimal, FixedDecimal, FixedDecimal)]
  )
  func demandCurve(ratio: FixedDecimal, elasticity: FixedDecimal, expected: FixedDecimal) throws {
    let price = try ratio * 2
    let scenario = twoPlayers(
      months: 2,
      events: [
        ScenarioEvent("2026-02", "A", .setPrice(price)),
        ScenarioEvent("2026-02", "B", .setPrice(price)),
      ],
      elasticity: elasticity
    )
    let volume = try ScenarioSimulation(scenario).run().months[1].marketVolume
    let target = try expected * 1_000
    // ln and exp are good to about 10⁻¹⁵ relative: up to 10⁹ × 10⁻¹⁵ = 10⁻⁶ absolute for
    // the million-fold case, so allow one unit of the 6th place plus that.
    let tolerance = try fractionStep + (try target * "0.000000000000002")
    #expect(within(volume, target, tolerance), "\(volume) vs \(target)")
  }

  @Test("the seeded generator repeats its sequence, keeps streams apart and stays in range")
  func generator() {
    var a = SeededRandomNumberGenerator(seed: 42)
    var b = SeededRandomNumberGenerator(seed: 42)
    var c = SeededRandomNumberGenerator(seed: 42, stream: 1)
    let first = (0..<8).map { _ in a.next() }
    #expect(first == (0..<8).map { _ in b.next() })
    #expect(first != (0..<8).map { _ in c.next() })
    var d = SeededRandomNumberGenerator(seed: 1)
    let draws = (0..<1_000).map { _ in d.uniform(3, 5) }
    #expect(Set(draws) == [3, 4, 5])
    // The widest ranges neither trap nor leave the range.
    _ = d.uniform(Int.min, Int.max)
    #expect(d.uniform(7, 7) == 7)
    let reals = (0..<1_000).map { _ in d.uniform(-2.0, 3.0) }
    #expect(reals.allSatisfy { $0 >= -2 && $0 < 3 })
    #expect(reals.contains { $0 < -1 } && reals.contains { $0 > 2 })
    #expect(d.uniform(1.5, 1.5) == 1.5)
  }
}
