import Foundation

/// Runs a scenario many times with its uncertain parameters drawn at random, and reports
/// percentile bands.
///
/// Run `r` draws every uncertain parameter uniformly between its low and high from its
/// own stream, `SeededRandomNumberGenerator(seed: seed, stream: r)`, in the scenario's
/// order. Results depend only on the seed and the number of runs — not on the platform,
/// nor on how many cores share the work.
///
/// ```swift
/// let simulation = try ScenarioSimulation(try ScenarioPreset.scenario("minus-93-percent"))
/// let bands = try await MonteCarlo(simulation).run(runs: 10_000, seed: 42, parallelism: 2)
/// print(bands.buyerBill.p10, bands.buyerBill.p50, bands.buyerBill.p90)
/// ```
public struct MonteCarlo: Sendable {
  /// The 10th, 50th and 90th percentiles of a figure across runs (nearest rank).
  public struct Band: Hashable, Sendable, Codable {
    /// The 10th percentile.
    public var p10: FixedDecimal
    /// The median.
    public var p50: FixedDecimal
    /// The 90th percentile.
    public var p90: FixedDecimal

    /// The band of some values, by nearest rank; zeros when there are none.
    ///
    /// The nearest-rank percentile `p` is the smallest value with at least `p`% of the
    /// values at or below it: of 10 values, p10 is the smallest, p50 the 5th, p90 the 9th.
    ///
    /// - Parameter values: The values, in any order.
    public init(_ values: consuming [FixedDecimal]) {
      var values = consume values
      self.init(selectingIn: &values, values.indices)
    }

    /// The band of the values in `range`, found by reordering them in place.
    init(selectingIn values: inout [FixedDecimal], _ range: Range<Int>) {
      guard !range.isEmpty else {
        (p10, p50, p90) = (.zero, .zero, .zero)
        return
      }
      let count = range.count
      func position(_ percent: Int) -> Int {
        range.lowerBound + max(0, min(count - 1, (percent * count + 99) / 100 - 1))
      }
      let (low, middle, high) = (position(10), position(50), position(90))
      // The median first; the other two then lie on either side of it.
      values.select(rank: middle, within: range)
      if low < middle { values.select(rank: low, within: range.lowerBound..<middle) }
      if high > middle { values.select(rank: high, within: (middle + 1)..<range.upperBound) }
      (p10, p50, p90) = (values[low], values[middle], values[high])
    }
  }

  /// The bands of one month.
  public struct MonthBands: Hashable, Sendable, Codable {
    /// The month.
    public var month: YearMonth
    /// The staying buyer's bill.
    public var buyerBill: Band
    /// The switching buyer's bill.
    public var switchingBuyerBill: Band
    /// The market's average effective price per million tokens.
    public var averagePrice: Band
    /// The market's volume, million tokens.
    public var marketVolume: Band
  }

  /// The bands of one offering.
  public struct OfferingBands: Hashable, Sendable, Codable {
    /// The offering's scenario id.
    public var offering: String
    /// Its share in the last month.
    public var endShare: Band
    /// Its revenue over the timeline, reporting currency.
    public var revenue: Band
    /// Its gross margin over the timeline; `nil` without a marginal cost.
    public var grossMargin: Band?
    /// Its reporting price in the last month it was sold; `nil` if never sold.
    public var endPrice: Band?
    /// The runs in which its share grew the most.
    public var shareWins: Int
    /// The runs in which its price reached its floor.
    public var floorReached: Int
  }

  /// What the runs add up to.
  public struct Result: Hashable, Sendable, Codable {
    /// The scenario's id.
    public var scenario: String
    /// The reporting currency.
    public var currency: Currency
    /// The number of runs.
    public var runs: Int
    /// The seed.
    public var seed: UInt64
    /// The parameters drawn, by path.
    public var parameters: [String]
    /// The staying buyer's bills over the timeline.
    public var buyerBill: Band
    /// The switching buyer's bills over the timeline.
    public var switchingBuyerBill: Band
    /// What the price war saved the staying buyer against the first month's prices.
    public var cumulativeSaving: Band
    /// Month by month.
    public var months: [MonthBands]
    /// Offering by offering.
    public var offerings: [OfferingBands]
  }

  /// The most runs: beyond this, bands stop moving and memory does not.
  public static let maximumRuns = 1_000_000

  /// The simulation to run.
  public let simulation: ScenarioSimulation

  /// Prepares Monte Carlo runs of a simulation.
  ///
  /// - Parameter simulation: The resolved scenario.
  public init(_ simulation: ScenarioSimulation) {
    self.simulation = simulation
  }

  /// Runs on the calling thread.
  ///
  /// - Parameters:
  ///   - runs: How many runs, from 1 to ``maximumRuns``.
  ///   - seed: The seed.
  /// - Returns: The bands.
  /// - Throws: ``PricingError/Code/invalidScenario`` for a bad run count; a run's
  ///   ``PricingError/Code/overflow``, naming the run and its draws.
  public func run(runs: Int, seed: UInt64) throws -> Result {
    try check(runs)
    return try summarize(try outcomes(0..<runs, seed: seed), runs: runs, seed: seed)
  }

  /// Runs on up to `parallelism` cores, with the same result as ``run(runs:seed:)``.
  ///
  /// - Parameters:
  ///   - runs: How many runs, from 1 to ``maximumRuns``.
  ///   - seed: The seed.
  ///   - parallelism: How many tasks share the runs; at least 1.
  /// - Returns: The bands.
  /// - Throws: The errors of ``run(runs:seed:)``.
  public func run(runs: Int, seed: UInt64, parallelism: Int) async throws -> Result {
    try check(runs)
    let tasks = max(1, min(parallelism, runs))
    if tasks == 1 { return try run(runs: runs, seed: seed) }
    // Contiguous chunks, reassembled in run order: the same outcomes in the same order
    // whatever the number of tasks.
    let chunks = (0..<tasks).map { task in (runs * task / tasks)..<(runs * (task + 1) / tasks) }
    let parts = try await withThrowingTaskGroup(
      of: (Int, [ScenarioSimulation.RunOutcome]).self
    ) { group in
      for (index, chunk) in chunks.enumerated() {
        group.addTask { (index, try self.outcomes(chunk, seed: seed)) }
      }
      var parts = [[ScenarioSimulation.RunOutcome]](repeating: [], count: chunks.count)
      for try await (index, part) in group { parts[index] = part }
      return parts
    }
    return try summarize(parts.flatMap { $0 }, runs: runs, seed: seed)
  }

  private func check(_ runs: Int) throws {
    guard (1...Self.maximumRuns).contains(runs) else {
      throw PricingError(
        .invalidScenario,
        "runs: \(runs) is out of range; give 1 to \(Self.maximumRuns)"
      )
    }
  }

  /// The parameter values of run `run`.
  func draws(run: Int, seed: UInt64) -> [FixedDecimal] {
    var random = SeededRandomNumberGenerator(seed: seed, stream: UInt64(run))
    var values = simulation.parameters
    for slot in simulation.uncertain {
      if slot.isWholeNumber {
        let low = slot.low.wholeNumber() ?? 0
        let high = slot.high.wholeNumber() ?? low
        values[slot.index] = FixedDecimal(random.uniform(low, high))
      } else {
        values[slot.index] = random.uniform(slot.low, slot.high)
      }
    }
    return values
  }

  private func outcomes(
    _ range: Range<Int>,
    seed: UInt64
  ) throws -> [ScenarioSimulation.RunOutcome] {
    var result: [ScenarioSimulation.RunOutcome] = []
    result.reserveCapacity(range.count)
    var state: ScenarioRun?
    for run in range {
      let values = draws(run: run, seed: seed)
      do {
        result.append(try simulation.simulate(values, reusing: &state))
      } catch let error as PricingError {
        let drawn = simulation.uncertain.map { "\($0.parameter) = \(values[$0.index])" }
        throw PricingError(
          error.code,
          "run \(run) (\(drawn.joined(separator: ", "))): \(error.message)"
        )
      }
    }
    return result
  }

  private func summarize(
    _ outcomes: [ScenarioSimulation.RunOutcome],
    runs: Int,
    seed: UInt64
  ) throws -> Result {
    let timeline = simulation.timeline
    let monthCount = timeline.count
    let offeringCount = simulation.startPrices.count
    let runCount = outcomes.count
    // Each run's figures, copied once into one column per figure: reading them band by
    // band instead jumps between ten thousand small arrays for every band.
    var byMonth = [FixedDecimal](repeating: .zero, count: 4 * monthCount * runCount)
    var byOffering = [FixedDecimal](repeating: .zero, count: 2 * offeringCount * runCount)
    var margins = [[FixedDecimal]](repeating: [], count: offeringCount)
    var prices = [[FixedDecimal]](repeating: [], count: offeringCount)
    var floors = [Int](repeating: 0, count: offeringCount)
    var wins = [Int](repeating: 0, count: offeringCount)
    for (run, outcome) in outcomes.enumerated() {
      for month in 0..<monthCount {
        byMonth[month * runCount + run] = outcome.buyerBills[month]
        byMonth[(monthCount + month) * runCount + run] = outcome.switchingBills[month]
        byMonth[(2 * monthCount + month) * runCount + run] = outcome.averagePrices[month]
        byMonth[(3 * monthCount + month) * runCount + run] = outcome.marketVolumes[month]
      }
      for index in 0..<offeringCount {
        byOffering[index * runCount + run] = outcome.endShares[index]
        byOffering[(offeringCount + index) * runCount + run] = outcome.revenues[index]
        if let margin = outcome.margins[index] { margins[index].append(margin) }
        if let price = outcome.endPrices[index] { prices[index].append(price) }
        if outcome.floorMonths[index] != nil { floors[index] += 1 }
      }
      wins[outcome.shareWinner] += 1
    }
    func band(_ columns: inout [FixedDecimal], _ number: Int) -> Band {
      Band(selectingIn: &columns, (number * runCount)..<((number + 1) * runCount))
    }
    let months = timeline.indices.map { month in
      MonthBands(
        month: timeline[month],
        buyerBill: band(&byMonth, month),
        switchingBuyerBill: band(&byMonth, monthCount + month),
        averagePrice: band(&byMonth, 2 * monthCount + month),
        marketVolume: band(&byMonth, 3 * monthCount + month)
      )
    }
    let offerings = simulation.scenario.offerings.indices.map { index in
      OfferingBands(
        offering: simulation.scenario.offerings[index].id,
        endShare: band(&byOffering, index),
        revenue: band(&byOffering, offeringCount + index),
        grossMargin: margins[index].isEmpty ? nil : Band(margins[index]),
        endPrice: prices[index].isEmpty ? nil : Band(prices[index]),
        shareWins: wins[index],
        floorReached: floors[index]
      )
    }
    return Result(
      scenario: simulation.scenario.id,
      currency: simulation.scenario.currency,
      runs: runs,
      seed: seed,
      parameters: simulation.uncertain.map(\.parameter),
      buyerBill: Band(outcomes.map(\.buyerBill)),
      switchingBuyerBill: Band(outcomes.map(\.switchingBill)),
      cumulativeSaving: Band(try outcomes.map { try $0.billAtStartPrices - $0.buyerBill }),
      months: months,
      offerings: offerings
    )
  }
}
