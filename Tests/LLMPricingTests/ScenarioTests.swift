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
    start: YearMonth("2026-01"),
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

@Suite("Scenario switching, exits and demand")
struct ScenarioMarketTests {
  /// B cuts 5 points a month from 1: A's buyers gain 5%, 10%, 15%, 20%, 25%.
  func steppedCuts(threshold: String, cost: FixedDecimal = .zero) throws -> Scenario {
    var scenario = try twoPlayers(
      months: 6,
      switching: SwitchingRule(
        threshold: try dec(threshold),
        cost: cost,
        paybackMonths: 1,
        rate: try dec("0.5")
      )
    )
    scenario.offerings[0].price = 1
    scenario.offerings[1].price = 1
    scenario.events = try (1...5).map { step in
      ScenarioEvent(
        try month("2026-0\(step + 1)"),
        "B",
        .setPrice(try FixedDecimal(1) - (try dec("0.05")) * step)
      )
    }
    return scenario
  }

  @Test("switching starts exactly in the month the saving reaches the threshold")
  func threshold() throws {
    let result = try ScenarioSimulation(try steppedCuts(threshold: "0.2")).run()
    // Saving: 5% Feb, 10% Mar, 15% Apr, 20% May (= threshold), 25% Jun.
    #expect(
      rows(result, "A").map(\.share) == [
        try dec("0.5"), try dec("0.5"), try dec("0.5"), try dec("0.5"), try dec("0.25"),
        try dec("0.125"),
      ]
    )
    #expect(result.months.map(\.buyer.switched) == [false, false, false, false, true, false])
    #expect(result.months[4].buyer.switchingOffering == "B")
    #expect(result.months.allSatisfy { $0.buyer.offering == "A" })
  }

  @Test("a switching cost delays the move until the monthly saving pays it back")
  func switchingCost() throws {
    let tokens = try ScenarioSimulation(try steppedCuts(threshold: "0")).run().months[3].buyer
      .tokens
    // Require a saving of 0.15 per million tokens × April's tokens × one month of payback;
    // March saves 0.10 a million on more tokens (31 days), still short.
    let cost = try (try dec("0.15")) * tokens
    let result = try ScenarioSimulation(try steppedCuts(threshold: "0", cost: cost)).run()
    #expect(result.months.map(\.buyer.switched) == [false, false, false, true, false, false])
    // The month it moves, the switching buyer pays the cost on top of B's bill.
    let april = result.months[3]
    #expect(april.buyer.switchingBill == (try (try dec("0.85")) * april.buyer.tokens + cost))
  }

  @Test("an exit moves the offering's share to the named offerings, in proportion")
  func exit() throws {
    var scenario = try twoPlayers(months: 3)
    scenario.offerings = [
      ScenarioOffering(id: "US", currency: .usd, price: 1, share: try dec("0.4")),
      ScenarioOffering(id: "X", currency: .cny, price: 2, share: try dec("0.45")),
      ScenarioOffering(id: "Y", currency: .cny, price: 3, share: try dec("0.15")),
    ]
    scenario.exchangeRates = [ExchangeRatePoint(from: try month("2026-01"), cnyPerUSD: 7)]
    scenario.events = [ScenarioEvent(try month("2026-02"), "US", .exit(migrateTo: ["X", "Y"]))]
    let result = try ScenarioSimulation(scenario).run()
    #expect(rows(result, "US").map(\.available) == [true, false, false])
    #expect(rows(result, "X").map(\.share) == [try dec("0.45"), try dec("0.75"), try dec("0.75")])
    #expect(rows(result, "Y").map(\.share) == [try dec("0.15"), try dec("0.25"), try dec("0.25")])
    #expect(result.summary.offerings[0].exited == (try month("2026-02")))
    // The buyer on the US offering is moved, to the cheapest: X.
    #expect(result.months[1].buyer.offering == "X")
    #expect(rows(result, "US")[0].reportingPrice == 7)
  }

  @Test("a surge adds demand to one offering and leaves the others' volumes alone")
  func surge() throws {
    var scenario = try twoPlayers(months: 2)
    scenario.events = [ScenarioEvent(try month("2026-02"), "A", .surge(try dec("0.5")))]
    let result = try ScenarioSimulation(scenario).run()
    #expect(rows(result, "A").map(\.volume) == [500, 750])
    #expect(rows(result, "B").map(\.volume) == [500, 500])
    #expect(result.months[1].marketVolume == 1_250)
  }

  @Test("a free tier lowers the buyer's bill by the free tokens' worth")
  func freeTier() throws {
    var scenario = try twoPlayers(months: 2)
    scenario.events = [
      ScenarioEvent(try month("2026-02"), "A", .freeTier(tokensPerMonth: 1_000_000))
    ]
    let result = try ScenarioSimulation(scenario).run()
    let february = result.months[1]
    // 2 CNY per million on (tokens − 1) million.
    #expect(february.buyer.bill == (try (try february.buyer.tokens - 1) * 2))
  }

  @Test("an entry takes its share from the others in proportion")
  func entry() throws {
    var scenario = try twoPlayers(months: 2)
    scenario.offerings.append(ScenarioOffering(id: "C", currency: .cny, price: 1))
    scenario.events = [ScenarioEvent(try month("2026-02"), "C", .enter(share: try dec("0.2")))]
    let result = try ScenarioSimulation(scenario).run()
    #expect(rows(result, "C").map(\.share) == [0, try dec("0.2")])
    #expect(rows(result, "A").map(\.share) == [try dec("0.5"), try dec("0.4")])
  }
}

@Suite("Scenario validation and files")
struct ScenarioValidationTests {
  @Test(
    "bad values are refused with the path and what to do",
    arguments: [
      ("events[0].cut", ScenarioEvent.Action.cut(FixedDecimal(2))),
      ("events[0].cut", .cut(.zero)),
      ("events[0].setPrice", .setPrice(FixedDecimal(-1))),
      ("events[0].floor", .floor(FixedDecimal(-1))),
      ("events[0].follow.lag", .follow(leaders: ["A"], lag: 4, discount: .zero)),
      ("events[0].follow.leaders[0]", .follow(leaders: ["Z"], lag: 0, discount: .zero)),
      ("events[0].exit.migrateTo[0]", .exit(migrateTo: ["B", "Q"])),
      ("events[0].enter.share", .enter(share: FixedDecimal(1))),
    ]
  )
  func badEvents(path: String, action: ScenarioEvent.Action) throws {
    let scenario = try twoPlayers(events: [ScenarioEvent(try month("2026-02"), "B", action)])
    let error = try #require(throws: PricingError.self) { try scenario.validate() }
    #expect(error.code == .invalidScenario)
    #expect(error.message.hasPrefix(path), "\(error.message)")
  }

  @Test("elasticity of the wrong sign, negative prices, shares over 1, unknown ids")
  func badScenario() throws {
    var scenario = try twoPlayers(elasticity: "0.5")
    var error = try #require(throws: PricingError.self) { try scenario.validate() }
    #expect(error.message.contains("wrong sign"))
    scenario = try twoPlayers()
    scenario.offerings[1].price = -1
    error = try #require(throws: PricingError.self) { try scenario.validate() }
    #expect(error.message.hasPrefix("offerings[1].price"))
    scenario = try twoPlayers()
    scenario.offerings[1].share = try dec("0.6")
    error = try #require(throws: PricingError.self) { try scenario.validate() }
    #expect(error.message.contains("add up to 1.1"))
    scenario = try twoPlayers(events: [
      ScenarioEvent(try month("2026-02"), "AA", .cut(try dec("0.1")))
    ])
    error = try #require(throws: PricingError.self) { try scenario.validate() }
    #expect(error.message.contains("closest: A"))
    scenario = try twoPlayers(events: [
      ScenarioEvent(try month("2027-02"), "A", .cut(try dec("0.1")))
    ])
    error = try #require(throws: PricingError.self) { try scenario.validate() }
    #expect(error.message.contains("outside the horizon"))
    scenario = try twoPlayers()
    scenario.uncertainties = [Uncertainty("market.elasticity", low: -1, high: 1)]
    error = try #require(throws: PricingError.self) { try scenario.validate() }
    #expect(error.message.hasPrefix("uncertainties[0] (market.elasticity = 1)"))
    scenario.uncertainties = [Uncertainty("events[9].fraction", low: 0, high: 1)]
    error = try #require(throws: PricingError.self) { try scenario.validate() }
    #expect(error.message.contains("names no event"))
  }

  @Test("a scenario survives a JSON round trip, and bad JSON names its key path")
  func json() throws {
    let scenario = try ScenarioPreset.scenario("minus-93-percent")
    let decoded = try Scenario.decode(from: try scenario.encodedJSON())
    #expect(decoded == scenario)
    let text = String(decoding: try scenario.encodedJSON(), as: UTF8.self)
    #expect(text.contains("\"workload\" : \"customer-service\""))
    let bad = text.replacingOccurrences(of: "\"cut\" : \"0.2024\"", with: "\"cut\" : \"lots\"")
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
    let month = YearMonth("0232-05")
    #expect(month.description == "0232-05")
    let data = try JSONEncoder().encode([month])
    #expect(try JSONDecoder().decode([YearMonth].self, from: data) == [month])
    #expect(try YearMonth(year: 1, month: 1).description == "0001-01")
  }
}

@Suite("Monte Carlo, sensitivity and replays")
struct ScenarioMonteCarloTests {
  @Test("the same seed gives the same bands, on one task or four; bands are ordered")
  func reproducible() async throws {
    let simulation = try ScenarioSimulation(try ScenarioPreset.scenario("minus-93-percent"))
    let monteCarlo = MonteCarlo(simulation)
    let serial = try monteCarlo.run(runs: 64, seed: 42)
    let parallel = try await monteCarlo.run(runs: 64, seed: 42, parallelism: 4)
    #expect(serial == parallel)
    let other = try monteCarlo.run(runs: 64, seed: 43)
    #expect(other != serial)
    for band in [serial.buyerBill, serial.switchingBuyerBill, serial.cumulativeSaving]
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
    var scenario = try twoPlayers(events: [
      ScenarioEvent(try month("2026-02"), "A", .cut(try dec("0.5")))
    ])
    scenario.uncertainties = [
      Uncertainty("events[0].fraction", low: try dec("0.5"), high: try dec("0.5"))
    ]
    let simulation = try ScenarioSimulation(scenario)
    let result = try simulation.run()
    let bands = try MonteCarlo(simulation).run(runs: 10, seed: 1)
    #expect(bands.buyerBill.p10 == result.summary.buyerBill)
    #expect(bands.buyerBill.p90 == result.summary.buyerBill)
    #expect(bands.offerings[1].revenue.p50 == result.summary.offerings[1].revenue)
  }

  @Test("lags are drawn as whole months: every band is one of the whole-month outcomes")
  func wholeMonthLags() throws {
    var scenario = try twoPlayers(months: 6)
    scenario.buyerOffering = "B"
    scenario.events = [
      ScenarioEvent(try month("2026-02"), "A", .cut(try dec("0.5"))),
      ScenarioEvent(try month("2026-01"), "B", .follow(leaders: ["A"], lag: 1, discount: .zero)),
    ]
    scenario.uncertainties = [Uncertainty("events[1].lag", low: 0, high: 3)]
    let simulation = try ScenarioSimulation(scenario)
    let outcomes = try (0...3).map {
      try simulation.run(setting: ["events[1].lag": FixedDecimal($0)]).summary.buyerBill
    }
    #expect(Set(outcomes).count == 4)
    let bands = try MonteCarlo(simulation).run(runs: 400, seed: 5)
    for value in [bands.buyerBill.p10, bands.buyerBill.p50, bands.buyerBill.p90] {
      #expect(outcomes.contains(value))
    }
    #expect(bands.buyerBill.p10 == outcomes[0])
    #expect(bands.buyerBill.p90 == outcomes[3])
  }

  @Test("the sensitivity table ranks the parameter that moves the bill most first")
  func sensitivity() throws {
    var scenario = try twoPlayers(events: [
      ScenarioEvent(try month("2026-02"), "A", .cut(try dec("0.5")), id: "cut")
    ])
    scenario.uncertainties = [
      Uncertainty("market.elasticity", low: -2, high: 0),
      Uncertainty("events[cut].fraction", low: try dec("0.1"), high: try dec("0.9")),
    ]
    let rows = try ScenarioSimulation(scenario).sensitivity(of: .buyerBill)
    // The buyer is on A: the cut moves its bill; elasticity moves the market, not the bill.
    #expect(rows.map(\.parameter) == ["events[cut].fraction", "market.elasticity"])
    #expect(rows[1].swing == 0)
    #expect(rows[0].outcomeAtLow > rows[0].outcomeAtHigh)
    let shares = try ScenarioSimulation(scenario).sensitivity(of: .revenue("A"))
    #expect(shares.allSatisfy { $0.swing > 0 })
  }

  @Test("the May 2024 replay prices every full month as the catalog does")
  func replayMatchesCatalog() throws {
    let scenario = try ScenarioPreset.scenario("china-may-2024")
    let result = try ScenarioSimulation(scenario).run()
    var checked = 0
    for offering in scenario.offerings {
      let catalogOffering = try Catalog.builtIn.offering(
        model: String(offering.id.split(separator: "@")[0]),
        currency: .cny
      )
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
        let tokens = try cost.inputTokens + cost.outputTokens
        let price = try (try cost.total.amount * 1_000_000).divided(by: tokens)
        #expect(row.price == price, "\(offering.id) \(month.month)")
        checked += 1
      }
    }
    #expect(checked > 100)
    // Known history: GLM-3-Turbo at 1 CNY from June; Qwen-Plus 4/12 → 0.8/2 by October.
    let glm = rows(result, "zhipu/glm-3-turbo@CNY")
    #expect(glm[1].price == 1)
    let plus = rows(result, "alibaba/qwen-plus@CNY")
    #expect(plus[5].price < plus[1].price)
  }

  @Test(
    "demand curve: exact where it can be, close everywhere",
    arguments: [
      ("0.5", "-1", "2"), ("4", "-0.5", "0.5"), ("0.01", "-3", "1000000"), ("1", "-2", "1"),
      ("2", "0", "1"), ("0.25", "-2", "16"),
    ]
  )
  func demandCurve(ratio: String, elasticity: String, expected: String) throws {
    let scenario = try twoPlayers(
      months: 2,
      events: [
        ScenarioEvent(try month("2026-02"), "A", .setPrice(try (try dec(ratio)) * 2)),
        ScenarioEvent(try month("2026-02"), "B", .setPrice(try (try dec(ratio)) * 2)),
      ],
      elasticity: elasticity
    )
    let volume = try ScenarioSimulation(scenario).run().months[1].marketVolume
    let target = try (try dec(expected)) * 1_000
    let error = try (try volume - target).magnitude.divided(by: target)
    #expect(error < (try dec("0.000000000000001")), "\(volume) vs \(target)")
  }

  @Test(
    "bands by selection equal nearest ranks of the sorted values",
    arguments: [1, 2, 3, 9, 10, 11, 99, 100, 101, 1_000, 10_007]
  )
  func bandsMatchSorting(count: Int) {
    var random = SeededRandomNumberGenerator(seed: UInt64(count))
    func expected(_ values: [FixedDecimal]) -> [FixedDecimal] {
      let sorted = values.sorted()
      return [10, 50, 90].map { percent in
        sorted[max(0, min(sorted.count - 1, (percent * sorted.count + 99) / 100 - 1))]
      }
    }
    // Distinct values, many ties, already sorted, reversed, constant, negative.
    let distinct = (0..<count).map { _ in random.uniform(FixedDecimal(-1_000), FixedDecimal(1_000))
    }
    let ties = (0..<count).map { _ in FixedDecimal(random.uniform(-3, 3)) }
    for values in [
      distinct, ties, distinct.sorted(), distinct.sorted().reversed(),
      ties.map { _ in FixedDecimal(7) },
    ] {
      let band = MonteCarlo.Band(values)
      #expect([band.p10, band.p50, band.p90] == expected(values), "\(count) values")
    }
    #expect(MonteCarlo.Band([]) == MonteCarlo.Band([.zero]))
  }

  @Test("the seeded generator repeats its sequence and keeps streams apart")
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
    for _ in 0..<100 {
      let value = d.uniform(FixedDecimal.leastValue, FixedDecimal.greatestValue)
      #expect(value >= FixedDecimal.leastValue && value <= FixedDecimal.greatestValue)
    }
    let decimals = (0..<1_000).map { _ in d.uniform(FixedDecimal(-2), FixedDecimal(3)) }
    #expect(decimals.allSatisfy { $0 >= FixedDecimal(-2) && $0 < FixedDecimal(3) })
    #expect(
      decimals.contains { $0 < FixedDecimal(-1) } && decimals.contains { $0 > FixedDecimal(2) }
    )
  }
}
