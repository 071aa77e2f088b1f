import Foundation

extension ScenarioSimulation {
  /// An amount in CNY or USD in the other (or the same) currency, at a yuan-per-dollar
  /// rate: multiplied into yuan, divided into dollars, so a round trip is exact when the
  /// division is.
  static func convert(
    _ amount: FixedDecimal,
    from source: Currency,
    to target: Currency,
    cnyPerUSD: FixedDecimal
  ) throws -> FixedDecimal {
    if source == target { return amount }
    return source == .usd ? try amount * cnyPerUSD : try amount.divided(by: cnyPerUSD)
  }

  /// What one run adds up to: everything a summary or a Monte Carlo band needs.
  struct RunOutcome: Sendable {
    var buyerBills: [FixedDecimal] = []
    var switchingBills: [FixedDecimal] = []
    var averagePrices: [FixedDecimal] = []
    var marketVolumes: [FixedDecimal] = []
    var buyerBill = FixedDecimal.zero
    var switchingBill = FixedDecimal.zero
    var billAtStartPrices = FixedDecimal.zero
    var startShares: [FixedDecimal] = []
    var endShares: [FixedDecimal] = []
    var startPrices: [FixedDecimal?] = []
    var endPrices: [FixedDecimal?] = []
    var revenues: [FixedDecimal] = []
    var margins: [FixedDecimal?] = []
    var floorMonths: [Int?] = []
    var exitMonths: [Int?] = []
    var notes: [String] = []

    /// The offering whose share grew the most; the first of equals.
    var shareWinner: Int {
      var best = 0
      var bestGain: FixedDecimal?
      for index in endShares.indices {
        guard let gain = try? endShares[index] - startShares[index] else { continue }
        if bestGain.map({ gain > $0 }) ?? true {
          best = index
          bestGain = gain
        }
      }
      return best
    }
  }

  /// Runs the timeline with a set of parameter values.
  func simulate(_ values: [FixedDecimal]) throws -> RunOutcome {
    var run: ScenarioRun?
    return try simulate(values, reusing: &run)
  }

  /// Runs the timeline with a set of parameter values in `run`, restarting it when there
  /// is one and setting one up when there is not: Monte Carlo runs reuse one run's columns.
  func simulate(_ values: [FixedDecimal], reusing run: inout ScenarioRun?) throws -> RunOutcome {
    let growth = try FixedDecimal(1) + values[Self.growthSlot]
    let keep = try FixedDecimal(1) - values[Self.thresholdSlot]
    // Not a throwing helper that returns the run: on Swift 6.3.1 for Linux, throwing
    // functions returning large structs were miscompiled in optimized builds.
    // Moved out of the optional for the months: stepping it through optional chaining
    // copied the whole run in and out of every call.
    // Plain copies in and out: moving the run out with `take()` and back with `consume`
    // crashed in optimized builds on Swift 6.3.1 for Linux.
    var current = run ?? ScenarioRun(self, values: values, growth: growth, keep: keep)
    if run != nil {
      // Dropped first: the run's copies share its columns, and only one is stepped.
      run = nil
      current.restart(values: values, growth: growth, keep: keep)
    }
    var unrecorded: [ScenarioResult.Month]? = nil
    for month in timeline.indices { try current.advance(month, recording: &unrecorded) }
    try current.finish()
    run = current
    return current.outcome
  }

  /// Runs the timeline with a set of parameter values, keeping every month's rows.
  func record(_ values: [FixedDecimal]) throws -> ScenarioResult {
    // Not a throwing helper that returns the run: on Swift 6.3.1 for Linux, throwing
    // functions returning large structs were miscompiled in optimized builds.
    var run = ScenarioRun(
      self,
      values: values,
      growth: try FixedDecimal(1) + values[Self.growthSlot],
      keep: try FixedDecimal(1) - values[Self.thresholdSlot]
    )
    var months: [ScenarioResult.Month]? = []
    months?.reserveCapacity(timeline.count)
    for month in timeline.indices { try run.advance(month, recording: &months) }
    try run.finish()
    return try result(run.outcome, months: months ?? [])
  }

  /// The result of a recorded run.
  func result(_ outcome: RunOutcome, months: [ScenarioResult.Month]) throws -> ScenarioResult {
    let offerings = scenario.offerings.indices.map { index in
      ScenarioResult.OfferingSummary(
        offering: scenario.offerings[index].id,
        startShare: outcome.startShares[index],
        endShare: outcome.endShares[index],
        startPrice: outcome.startPrices[index],
        endPrice: outcome.endPrices[index],
        revenue: outcome.revenues[index],
        grossMargin: outcome.margins[index],
        floorReached: outcome.floorMonths[index].map { timeline[$0] },
        exited: outcome.exitMonths[index].map { timeline[$0] }
      )
    }
    return ScenarioResult(
      scenario: scenario.id,
      currency: scenario.currency,
      months: months,
      summary: ScenarioResult.Summary(
        buyerBill: outcome.buyerBill,
        switchingBuyerBill: outcome.switchingBill,
        switchingSaving: try outcome.buyerBill - outcome.switchingBill,
        billAtStartPrices: outcome.billAtStartPrices,
        cumulativeSaving: try outcome.billAtStartPrices - outcome.buyerBill,
        shareWinner: scenario.offerings[outcome.shareWinner].id,
        offerings: offerings
      ),
      notes: notes + outcome.notes
    )
  }
}
