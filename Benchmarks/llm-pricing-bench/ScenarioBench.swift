import Foundation
import LLMPriceWar
import LLMPricing

/// Monte Carlo throughput: 10,000 runs × 20 offerings × 36 months, on one core and on
/// every core, with the bands checked equal.
enum ScenarioBench {
  /// A market of 20 offerings (14 in CNY, 6 in USD) over 36 months with cuts, followers,
  /// floors, an exit, an entry, a surge and a free tier, and 18 uncertain parameters.
  static func scenario() throws -> Scenario {
    let start = YearMonth("2027-01")
    var offerings: [ScenarioOffering] = []
    for index in 0..<20 {
      let isUSD = index % 10 >= 7
      offerings.append(
        ScenarioOffering(
          id: "offering-\(index)",
          currency: isUSD ? .usd : .cny,
          price: FixedDecimal(isUSD ? 1 + index % 5 : 2 + index),
          marginalCost: try FixedDecimal(isUSD ? "0.1" : "0.5"),
          segment: index % 2 == 0 ? "flagship" : "lite"
        )
      )
    }
    var events: [ScenarioEvent] = []
    var uncertainties: [Uncertainty] = []
    for index in 0..<20 {
      let month = try start.adding(months: 1 + (index * 7) % 30)
      events.append(ScenarioEvent(month, "offering-\(index)", .cut(FixedDecimal("0.2"))))
      if index < 10 {
        uncertainties.append(
          Uncertainty(
            .event(.index(events.count - 1), .fraction),
            low: FixedDecimal("0.1"),
            high: FixedDecimal("0.4")
          )
        )
      }
      if index % 2 == 1 {
        events.append(
          ScenarioEvent(
            start,
            "offering-\(index)",
            .follow(leaders: [], lag: 1, discount: FixedDecimal("0.05"))
          )
        )
        if index < 10 {
          uncertainties.append(Uncertainty(.event(.index(events.count - 1), .lag), low: 0, high: 3))
        }
      }
      if index % 4 == 0 {
        events.append(ScenarioEvent(start, "offering-\(index)", .floor(FixedDecimal("0.6"))))
      }
    }
    events += [
      ScenarioEvent(
        try start.adding(months: 6),
        "offering-7",
        .exit(migrateTo: ["offering-2", "offering-4"])
      ),
      ScenarioEvent(
        try start.adding(months: 9),
        "offering-19",
        .enter(share: FixedDecimal("0.05"))
      ),
      ScenarioEvent(try start.adding(months: 6), "offering-2", .surge(FixedDecimal("0.5"))),
      ScenarioEvent(
        try start.adding(months: 3),
        "offering-5",
        .freeTier(tokensPerMonth: 10_000_000)
      ),
    ]
    uncertainties += [
      Uncertainty(
        .elasticity,
        low: FixedDecimal("-1.5"),
        high: FixedDecimal("-0.5")
      ),
      Uncertainty(.growth, low: FixedDecimal("0.01"), high: FixedDecimal("0.1")),
      Uncertainty(
        .switchingRate,
        low: FixedDecimal("0.05"),
        high: FixedDecimal("0.2")
      ),
    ]
    return Scenario(
      id: "bench",
      title: "Benchmark market",
      start: start,
      months: 36,
      currency: .cny,
      workload: .customerService,
      offerings: offerings,
      events: events,
      market: MarketModel(
        volume: 10_000_000,
        growth: FixedDecimal("0.05"),
        elasticity: FixedDecimal("-1.1"),
        switching: SwitchingRule(
          threshold: FixedDecimal("0.2"),
          cost: 1_000,
          paybackMonths: 6,
          rate: FixedDecimal("0.1")
        )
      ),
      exchangeRates: [ExchangeRatePoint(from: start, cnyPerUSD: FixedDecimal("7.1"))],
      uncertainties: uncertainties
    )
  }

  /// Each configuration's best time of this many: on a shared machine, interference only
  /// ever adds time, so the best run is the most faithful figure.
  static let repetitions = 7

  static func run(runs: Int) async throws {
    let simulation = try ScenarioSimulation(try scenario())
    let monteCarlo = MonteCarlo(simulation)
    let clock = ContinuousClock()
    var results: [Int: MonteCarlo.Result] = [:]
    let cores = ProcessInfo.processInfo.activeProcessorCount
    for parallelism in Set([1, cores]).sorted() {
      var best = Duration.seconds(1_000)
      for _ in 0..<Self.repetitions {
        let start = clock.now
        results[parallelism] = try await monteCarlo.run(
          runs: runs,
          seed: 42,
          parallelism: parallelism
        )
        best = min(best, clock.now - start)
      }
      print(
        "scenario: \(runs) runs × 20 offerings × 36 months on \(parallelism) core(s) in \(best) (best of \(Self.repetitions))"
      )
    }
    print("bands identical across core counts: \(Set(results.values).count == 1)")
  }
}
