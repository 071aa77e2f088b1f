import Foundation
import LLMPriceWar
import LLMPricing
import Testing

/// The floating-point parts of the market and where they become exact: the logarithm and
/// exponential written out for determinism, the half-even boundary, exchange-rate paths,
/// margins, a Monte Carlo band in closed form, and the report's text.
@Suite("The market model in Double")
struct MarketModelTests {
  @Test(
    "ln and exp agree with the C library to a few units in the last place",
    arguments: [1e-6, 0.01, 0.3, 0.5, 0.7071, 1, 1.5, 2, 7.1, 1234.5, 1e6]
  )
  func logAndExp(x: Double) {
    let log = MarketMath.log(x)
    #expect(abs(log - Foundation.log(x)) <= 4 * Foundation.log(x).ulp.magnitude + 1e-300)
    let exp = MarketMath.exp(log)
    #expect(abs(exp - x) <= 1e-14 * x, "exp(log(\(x))) = \(exp)")
    let y = (x.squareRoot() - 1) / 100
    #expect(abs(MarketMath.exp(y) - Foundation.exp(y)) <= 4 * Foundation.exp(y).ulp)
  }

  @Test("the demand multiplier is the ratio to the elasticity, held between 1% and a million")
  func demand() {
    #expect(abs(MarketMath.demand(ratio: 0.5, elasticity: -1) - 2) < 1e-15)
    #expect(abs(MarketMath.demand(ratio: 0.25, elasticity: -0.5) - 2) < 1e-15)
    #expect(MarketMath.demand(ratio: 0.3, elasticity: 0) == 1)
    // A free market counts as 1% of the starting price: demand × 100 at elasticity −1.
    #expect(abs(MarketMath.demand(ratio: 0, elasticity: -1) - 100) < 1e-12)
  }

  @Test(
    "modelled figures become decimals rounded half to even from their exact binary value",
    arguments: [
      (0.125, 2, "0.12"), (0.375, 2, "0.38"), (2.5, 0, "2"), (-2.5, 0, "-2"), (3.5, 0, "4"),
      // 0.1 is 0.1000000000000000055… in binary: six places round it to 0.1.
      (0.1, 6, "0.1"), (1e15 + 0.5, 0, "1000000000000000"), (123_456.789_012_5, 4, "123456.789"),
      (5e-7, 6, "0"), (1.5e-6, 6, "0.000002"),
    ] as [(Double, Int, String)]
  )
  func boundary(value: Double, places: Int, expected: String) throws {
    let text = expected
    #expect(try FixedDecimal(modelled: value, places: places, "x") == FixedDecimal(text))
  }

  @Test("a figure that is not finite or beyond an amount's range is an error naming it")
  func outOfRange() {
    for value in [Double.nan, .infinity, 1e21] {
      #expect {
        _ = try FixedDecimal(modelled: value, places: 4, "the test figure")
      } throws: { error in
        (error as? ScenarioError)?.code == .outOfRange
          && (error as? ScenarioError)?.message.contains("the test figure") == true
      }
    }
  }

  /// One offering in US dollars at 2 a million tokens, reported in yuan, over four months
  /// whose rate steps from 7 to 7.5 in March.
  func dollarOffering() -> Scenario {
    Scenario(
      id: "fx-path",
      title: "A dollar price in yuan",
      start: "2026-01",
      months: 4,
      currency: .cny,
      workload: .customerService,
      offerings: [
        ScenarioOffering(id: "US", currency: .usd, price: 2, marginalCost: "0.5", share: 1)
      ],
      market: MarketModel(volume: 1_000),
      exchangeRates: [
        ExchangeRatePoint(from: "2026-01", cnyPerUSD: 7),
        ExchangeRatePoint(from: "2026-03", cnyPerUSD: "7.5"),
      ]
    )
  }

  @Test("a changing exchange-rate path converts each month at its own rate")
  func exchangeRatePath() throws {
    let result = try ScenarioSimulation(dollarOffering()).run()
    let rates: [FixedDecimal] = [7, 7, "7.5", "7.5"]
    #expect(result.months.map(\.cnyPerUSD) == rates)
    for (month, rate) in zip(result.months, rates) {
      let row = try #require(month.offerings.first)
      #expect(row.price == 2)
      #expect(row.reportingPrice == (try rate * 2))
      // 1,000 million tokens at 2 dollars: 2,000 dollars, and in yuan at the month's rate.
      #expect(row.revenue == 2_000)
      #expect(row.reportingRevenue == (try rate * 2_000))
      // The buyer's bill: its tokens at 2 × rate yuan a million, rounded to 4 places.
      let exact = try month.buyer.tokens * (try rate * 2)
      let difference = try month.buyer.bill - exact
      #expect(difference.magnitude <= FixedDecimal("0.0001"), "\(month.month)")
    }
  }

  @Test("gross margin is revenue less the marginal cost of every token served")
  func margin() throws {
    let result = try ScenarioSimulation(dollarOffering()).run()
    // Each month 1,000 million tokens at (2 − 0.5) dollars of margin, in yuan.
    let monthly: [FixedDecimal] = [10_500, 10_500, 11_250, 11_250]
    #expect(result.months.map { $0.offerings[0].grossMargin } == monthly)
    let summary = try #require(result.summary.offerings.first)
    #expect(summary.revenue == 58_000)
    #expect(summary.grossMargin == 43_500)
    #expect(result.summary.marketSpend == 58_000)
    #expect(result.summary.marketVolume == 4_000)
  }

  @Test("a Monte Carlo band over one uniform cut is the cut's quantiles, in closed form")
  func closedFormBand() throws {
    // One offering at 10 yuan a million; in February it cuts by f, drawn uniformly from
    // 0.2 to 0.6. The buyer's bill is 10 T₁ + 10 (1 − f) T₂, falling in f, so its p10 is
    // the bill at f's 90th percentile (0.56), its median at 0.4, its p90 at 0.24.
    var scenario = Scenario(
      id: "one-cut",
      title: "One uncertain cut",
      start: "2026-01",
      months: 2,
      currency: .cny,
      workload: .customerService,
      offerings: [ScenarioOffering(id: "A", currency: .cny, price: 10)],
      events: [ScenarioEvent("2026-02", "A", .cut("0.4"), id: "cut")],
      market: MarketModel(volume: 1_000)
    )
    scenario.uncertainties = [Uncertainty(.event(.id("cut"), .fraction), low: "0.2", high: "0.6")]
    let simulation = try ScenarioSimulation(scenario)
    let months = try simulation.run().months
    let (first, second) = (months[0].buyer.tokens.double, months[1].buyer.tokens.double)
    func bill(_ f: Double) -> Double { 10 * first + 10 * (1 - f) * second }
    let bands = try MonteCarlo(simulation).run(runs: 20_000, seed: 11)
    // With 20,000 runs a quantile of f lies within 0.001 of its true value with
    // overwhelming probability (its standard error is 0.0009 here, times 0.4).
    let tolerance = 10 * second * 0.005
    for (band, f) in [
      (bands.buyerBill.p10, 0.56), (bands.buyerBill.p50, 0.4), (bands.buyerBill.p90, 0.24),
    ] {
      #expect(abs(band.double - bill(f)) <= tolerance, "\(band) vs \(bill(f))")
    }
    #expect(bands.buyerBill.p10 < bands.buyerBill.p50)
    #expect(bands.buyerBill.p50 < bands.buyerBill.p90)
  }

  /// The golden file holds figures checked by hand.
  ///
  /// Prices 14 then 15 yuan (2 dollars at
  /// 7 and 7.5) and 10 then 5; half of US's buyers move each month (shares 0.6, 0.3, 0.15,
  /// 0.075), so the averages are 12.4, 7.7, 6.5 and 5.75; US's revenue 8,400 + 4,200 +
  /// 2,250 + 1,125 = 15,975 yuan and its margin that less 3,993.75 of cost; the buyer's
  /// bills are the month's tokens times 14, 14, 15, 15 (staying) or 14, 5, 5, 5
  /// (switching). Regenerate with LLM_PRICING_UPDATE_GOLDEN=1 only after checking again.
  @Test("the report's text is the golden file, figure for figure")
  func goldenText() throws {
    var scenario = dollarOffering()
    scenario.offerings.append(ScenarioOffering(id: "CN", currency: .cny, price: 10))
    scenario.offerings[0].share = "0.6"
    scenario.offerings[1].share = "0.4"
    scenario.market.switching = SwitchingRule(threshold: "0.1", rate: "0.5")
    scenario.events = [ScenarioEvent("2026-02", "CN", .cut("0.5"))]
    let simulation = try ScenarioSimulation(scenario)
    let text = ScenarioReport(simulation: simulation, result: try simulation.run()).text()
    let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Golden/fx-path-report.txt")
    if ProcessInfo.processInfo.environment["LLM_PRICING_UPDATE_GOLDEN"] == "1" {
      try Data(text.utf8).write(to: golden)
    }
    #expect(text == (try String(contentsOf: golden, encoding: .utf8)))
  }
}

extension FixedDecimal {
  /// The nearest `Double`, for comparing with closed forms.
  var double: Double { Double(description) ?? .nan }
}
