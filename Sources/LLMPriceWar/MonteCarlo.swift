import Foundation
import LLMPricing

/// Runs a scenario many times with its uncertain parameters drawn at random, and reports
/// percentile bands.
///
/// Run `r` draws every uncertain parameter uniformly between its low and high from its
/// own stream, `SeededRandomNumberGenerator(seed: seed, stream: r)`, in the scenario's
/// order. Results depend only on the seed and the number of runs: not on the platform,
/// nor on how many cores share the work.
///
/// ```swift
/// let simulation = try ScenarioSimulation(try ScenarioPreset.scenario("minus-93-percent"))
/// let bands = try await MonteCarlo(simulation).run(runs: 10_000, seed: 42, parallelism: 2)
/// print(bands.buyerBill.p10, bands.buyerBill.p50, bands.buyerBill.p90)
/// ```
public struct MonteCarlo: Sendable {
  /// The 10th, 50th and 90th percentiles of a figure across runs (nearest rank).
  ///
  /// The nearest-rank percentile `p` is the smallest value with at least `p`% of the values
  /// at or below it: of 10 values, p10 is the smallest, p50 the 5th, p90 the 9th.
  public struct Band: Hashable, Sendable, Codable {
    /// The 10th percentile.
    public var p10: FixedDecimal
    /// The median.
    public var p50: FixedDecimal
    /// The 90th percentile.
    public var p90: FixedDecimal

    /// Creates a band.
    ///
    /// - Parameters:
    ///   - p10: The 10th percentile.
    ///   - p50: The median.
    ///   - p90: The 90th percentile.
    public init(p10: FixedDecimal, p50: FixedDecimal, p90: FixedDecimal) {
      (self.p10, self.p50, self.p90) = (p10, p50, p90)
    }

    /// The band of the values in `range`, found by reordering them in place, each
    /// percentile rounded half to even to `places` decimals.
    init(selectingIn values: inout [Double], _ range: Range<Int>, places: Int) throws {
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
      p10 = try FixedDecimal(modelled: values[low], places: places, "a percentile")
      p50 = try FixedDecimal(modelled: values[middle], places: places, "a percentile")
      p90 = try FixedDecimal(modelled: values[high], places: places, "a percentile")
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
    /// The runs in which its share grew the most (none count when no share moved).
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
    /// What the whole market paid over the timeline.
    public var marketSpend: Band
    /// Million tokens the whole market used over the timeline.
    public var marketVolume: Band
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
  /// - Throws: ``ScenarioError/Code/invalidScenario`` for a bad run count;
  ///   ``ScenarioError/Code/outOfRange`` for a band beyond what an amount holds.
  public func run(runs: Int, seed: UInt64) throws -> Result {
    try check(runs)
    return try summarize([outcomes(0..<runs, seed: seed)], runs: runs, seed: seed)
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
    // Contiguous chunks, reassembled in run order: the same figures in the same order
    // whatever the number of tasks.
    let chunks = (0..<tasks).map { task in (runs * task / tasks)..<(runs * (task + 1) / tasks) }
    let parts = await withTaskGroup(of: (Int, [Double]).self) { group in
      for (index, chunk) in chunks.enumerated() {
        group.addTask { (index, self.outcomes(chunk, seed: seed)) }
      }
      var parts = [[Double]](repeating: [], count: chunks.count)
      for await (index, part) in group { parts[index] = part }
      return parts
    }
    return try summarize(parts, runs: runs, seed: seed)
  }

  private func check(_ runs: Int) throws {
    guard (1...Self.maximumRuns).contains(runs) else {
      throw ScenarioError.invalid("runs: \(runs) is out of range; give 1 to \(Self.maximumRuns)")
    }
  }

  /// The parameter values of run `run`.
  func draws(run: Int, seed: UInt64) -> [Double] {
    var random = SeededRandomNumberGenerator(seed: seed, stream: UInt64(run))
    var values = simulation.parameters
    for slot in simulation.uncertain {
      if slot.isWholeNumber {
        let low = slot.low.wholeNumber() ?? 0
        values[slot.index] = Double(random.uniform(low, slot.high.wholeNumber() ?? low))
      } else {
        values[slot.index] = random.uniform(slot.range.lowerBound, slot.range.upperBound)
      }
    }
    return values
  }

  /// The figures of a range of runs, a column per figure (see ``Layout``): each band then
  /// reads one contiguous stretch per chunk of runs.
  private func outcomes(_ range: Range<Int>, seed: UInt64) -> [Double] {
    let layout = Layout(simulation)
    var figures = [Double](repeating: 0, count: range.count * layout.width)
    var market = Market(simulation)
    for (position, run) in range.enumerated() {
      market.reset(draws(run: run, seed: seed))
      for month in simulation.timeline.indices { market.advance(month) }
      layout.write(market, run: position, of: range.count, into: &figures)
    }
    return figures
  }

  /// Where each figure of a run sits in its row.
  struct Layout {
    let months: Int
    let offerings: Int
    /// Totals: buyer, switching buyer, saving, market spend, market volume.
    let totals = 5
    var width: Int { totals + 4 * months + 6 * offerings + 1 }
    /// The first of four month columns: buyer bill, switching bill, average price, volume.
    func month(_ figure: Int, _ month: Int) -> Int { totals + figure * months + month }
    /// The first of six offering columns: end share, revenue, margin, end price, floor
    /// reached, share gain.
    func offering(_ figure: Int, _ offering: Int) -> Int {
      totals + 4 * months + figure * offerings + offering
    }

    init(_ simulation: ScenarioSimulation) {
      months = simulation.timeline.count
      offerings = simulation.count
    }

    /// Writes a run's figures into column-major storage for `runs` runs.
    func write(_ market: Market, run: Int, of runs: Int, into figures: inout [Double]) {
      func put(_ column: Int, _ value: Double) { figures[column * runs + run] = value }
      let sellers = market.sellers
      var (buyer, switching, volume) = (0.0, 0.0, 0.0)
      for (index, figures) in market.months.enumerated() {
        buyer += figures.buyerBill
        switching += figures.switchingBill
        volume += figures.volume
        put(month(0, index), figures.buyerBill)
        put(month(1, index), figures.switchingBill)
        put(month(2, index), figures.averagePrice)
        put(month(3, index), figures.volume)
      }
      put(0, buyer)
      put(1, switching)
      put(2, market.billAtStart - buyer)
      put(3, sellers.reduce(0) { $0 + $1.revenue })
      put(4, volume)
      // The run's share winner: the largest gain, the first of equals; −1 when none moved.
      var best = -1
      var bestGain = 0.0
      for (index, seller) in sellers.enumerated() {
        let hasCost = !market.simulation.marginalCosts[index].isNaN
        put(offering(0, index), seller.marketShare)
        put(offering(1, index), seller.revenue)
        put(offering(2, index), hasCost ? seller.revenue - seller.cost : .nan)
        put(offering(3, index), seller.lastQuote)
        put(offering(4, index), seller.floorMonth >= 0 ? 1 : 0)
        let gain = seller.marketShare - seller.startShare
        put(offering(5, index), gain)
        if abs(gain) > 1e-9, best < 0 || gain > bestGain { (best, bestGain) = (index, gain) }
      }
      put(width - 1, Double(best))
    }
  }

  private func summarize(_ parts: [[Double]], runs: Int, seed: UInt64) throws -> Result {
    let layout = Layout(simulation)
    let width = layout.width
    var column: [Double] = []
    column.reserveCapacity(runs)
    // A column's values in run order: its stretch of each chunk, chunk after chunk.
    func gather(_ position: Int) {
      column.removeAll(keepingCapacity: true)
      for part in parts {
        let count = part.count / width
        column += part[(position * count)..<((position + 1) * count)]
      }
    }
    func values(_ position: Int) -> [Double] {
      gather(position)
      return column
    }
    func band(_ position: Int, places: Int) throws -> Band {
      gather(position)
      return try Band(selectingIn: &column, 0..<runs, places: places)
    }
    func band(of values: [Double], places: Int) throws -> Band? {
      var values = values.filter { !$0.isNaN }
      return values.isEmpty ? nil : try Band(selectingIn: &values, values.indices, places: places)
    }
    let months = try simulation.timeline.indices.map { month in
      MonthBands(
        month: simulation.timeline[month],
        buyerBill: try band(layout.month(0, month), places: 4),
        switchingBuyerBill: try band(layout.month(1, month), places: 4),
        averagePrice: try band(layout.month(2, month), places: 6),
        marketVolume: try band(layout.month(3, month), places: 6)
      )
    }
    let winners = values(width - 1)
    let offerings = try simulation.scenario.offerings.indices.map { index in
      OfferingBands(
        offering: simulation.scenario.offerings[index].id,
        endShare: try band(layout.offering(0, index), places: 6),
        revenue: try band(layout.offering(1, index), places: 4),
        grossMargin: try band(of: values(layout.offering(2, index)), places: 4),
        endPrice: try band(of: values(layout.offering(3, index)), places: 6),
        shareWins: winners.filter { $0 == Double(index) }.count,
        floorReached: values(layout.offering(4, index)).filter { $0 == 1 }.count
      )
    }
    return Result(
      scenario: simulation.scenario.id,
      currency: simulation.scenario.currency,
      runs: runs,
      seed: seed,
      parameters: simulation.uncertain.map(\.parameter.description),
      buyerBill: try band(0, places: 4),
      switchingBuyerBill: try band(1, places: 4),
      cumulativeSaving: try band(2, places: 4),
      marketSpend: try band(3, places: 4),
      marketVolume: try band(4, places: 6),
      months: months,
      offerings: offerings
    )
  }
}
