import Foundation

/// One run of a scenario with one set of parameter values: the market's state, advanced a
/// month at a time.
///
/// The state lives in a struct with mutating methods rather than in local variables shared
/// with nested functions: variables that nested functions capture are boxed on the heap
/// and checked for exclusive access at run time on every use. The per-offering state is
/// in ``RunColumn``s rather than arrays: writing one leaves the run unchanged, so the
/// steps' loops carry no uniqueness checks and no copies (see ``RunColumn``).
///
/// Copies of a run share its columns. A run is restarted in place for the next set of
/// values and never used through two copies at once.
struct ScenarioRun {
  /// A follow event in force for an offering.
  private struct Follow {
    /// The leaders, as a range of ``ScenarioSimulation/followedLeaders``.
    var leaders: Range<Int>
    /// Whether the leaders are the rest of the follower's segment.
    var wholeSegment: Bool
    var lag: Int
    /// `1 − discount`: the share of the leaders' price the follower matches.
    var matched: FixedDecimal
  }

  private let simulation: ScenarioSimulation
  private let count: Int
  private let reporting: Currency
  private let switchCost: FixedDecimal
  private var values: [FixedDecimal]
  private var elasticity: FixedDecimal
  private var growth: FixedDecimal
  private var rate: FixedDecimal
  /// `1 − threshold`: a move is worth it when the new price is at most this share of the old.
  private var keep: FixedDecimal

  /// Owns the memory of every column below.
  private let storage = RunColumnStorage()
  private let price: RunColumn<FixedDecimal>
  private let replayBase: RunColumn<FixedDecimal?>
  private let floor: RunColumn<FixedDecimal?>
  private let free: RunColumn<Int>
  private let available: RunColumn<Bool>
  private let share: RunColumn<FixedDecimal>
  private let follows: RunColumn<Follow?>
  /// The offerings with a follow event in force, in offering order.
  ///
  /// The first `followerCount` elements: a column rather than an array, which the loop
  /// over it retained and released every month.
  private let followers: RunColumn<Int>
  private var followerCount = 0
  /// The last follow target per offering and the leaders' lowest price and exchange rate
  /// it came from: followers recompute only when either moves.
  private let followTarget: RunColumn<FixedDecimal>
  private let followLowest: RunColumn<FixedDecimal>
  private let followEpoch: RunColumn<Int>
  /// Past months' reporting prices, `month × count + offering`, with ``unsold`` for an
  /// offering not in the market; kept only when something follows.
  private let pastPrices: RunColumn<FixedDecimal>
  /// Per past month and segment, `month × segments + segment`: whether it has been
  /// scanned, its lowest price and where, and its second-lowest.
  private let segmentScanned: RunColumn<Bool>
  private let segmentLowest: RunColumn<FixedDecimal>
  private let segmentLowestAt: RunColumn<Int>
  private let segmentSecond: RunColumn<FixedDecimal>
  /// Each offering's price in the reporting currency, converted from `convertedFrom` at
  /// the rate of epoch `convertedEpoch` (−1 before the first conversion).
  private let reportingPrice: RunColumn<FixedDecimal>
  private let convertedFrom: RunColumn<FixedDecimal>
  private let convertedEpoch: RunColumn<Int>
  private let effective: RunColumn<FixedDecimal>
  /// `effective × keep`, rounded down, and the effective price it was computed from.
  private let bound: RunColumn<FixedDecimal>
  private let boundFrom: RunColumn<FixedDecimal>
  /// Revenue as the exact sum of share × market volume × effective price over the
  /// months, rounded once when the run ends.
  private let revenueSums: RunColumn<TripleProductSum>
  /// Cost accrues as marginal cost × volume over each stretch of months at one cost.
  ///
  /// One multiplication a stretch rather than one a month: costs move with exchange rates
  /// only. The volumes are exact sums of share × market volume, rounded once when the
  /// stretch closes.
  private let stretchCost: RunColumn<FixedDecimal>
  private let costVolume: RunColumn<ProductSum>
  private let costs: RunColumn<FixedDecimal>
  private let quoted: RunColumn<Bool>
  private let firstQuote: RunColumn<FixedDecimal>
  private let lastQuote: RunColumn<FixedDecimal>
  /// The cheapest available offering of each segment this month, −1 for none.
  private let cheapest: RunColumn<Int>
  private let floorMonths: RunColumn<Int?>
  private var growthFactor = FixedDecimal(1)
  private var surgeFactor = FixedDecimal(1)
  private var startAverage = FixedDecimal.zero
  /// ``startAverage`` prepared for the month-by-month ratios of the demand curve.
  private var startDivisor: ReciprocalDivisor?
  private var buyer: Int
  private var switcher: Int
  private var startEffective = FixedDecimal.zero
  private(set) var outcome: ScenarioSimulation.RunOutcome

  /// What a follower sees of a leader not in the market: above any price.
  private static var unsold: FixedDecimal { .greatestValue }

  /// Sets a run up at the start of the timeline.
  ///
  /// - Parameters:
  ///   - simulation: The resolved scenario.
  ///   - values: The parameter values of this run.
  ///   - growth: `1 + growth`, computed by the caller so that this cannot throw.
  ///   - keep: `1 − threshold`, likewise.
  init(
    _ simulation: ScenarioSimulation,
    values: [FixedDecimal],
    growth: FixedDecimal,
    keep: FixedDecimal
  ) {
    let rule = simulation.scenario.market.switching
    self.simulation = simulation
    let count = simulation.startPrices.count
    self.count = count
    reporting = simulation.scenario.currency
    switchCost = rule.cost
    self.values = values
    elasticity = .zero
    self.growth = growth
    rate = .zero
    self.keep = keep
    // Placeholders: `restart` sets every column.
    let storage = self.storage
    func prices(_ count: Int) -> RunColumn<FixedDecimal> {
      storage.column(repeating: .zero, count: count)
    }
    func counts(_ count: Int) -> RunColumn<Int> { storage.column(repeating: 0, count: count) }
    func flags(_ count: Int) -> RunColumn<Bool> {
      storage.column(repeating: false, count: count)
    }
    let segments = simulation.segmentRanges.count
    let history = simulation.hasFollowers ? simulation.timeline.count : 0
    (price, share) = (prices(count), prices(count))
    replayBase = storage.column(repeating: nil, count: count)
    floor = storage.column(repeating: nil, count: count)
    (free, available) = (counts(count), flags(count))
    follows = storage.column(repeating: nil, count: count)
    (followTarget, followLowest, followEpoch) = (prices(count), prices(count), counts(count))
    pastPrices = prices(history * count)
    segmentScanned = flags(history * segments)
    (segmentLowest, segmentSecond) = (prices(history * segments), prices(history * segments))
    segmentLowestAt = counts(history * segments)
    (reportingPrice, convertedFrom, convertedEpoch) = (prices(count), prices(count), counts(count))
    (effective, bound, boundFrom) = (prices(count), prices(count), prices(count))
    revenueSums = storage.column(repeating: TripleProductSum(), count: count)
    stretchCost = prices(count)
    costVolume = storage.column(repeating: ProductSum(), count: count)
    costs = prices(count)
    (quoted, firstQuote) = (flags(count), prices(count))
    lastQuote = prices(count)
    followers = counts(count)
    cheapest = counts(simulation.segments.count)
    floorMonths = storage.column(repeating: nil, count: count)
    (buyer, switcher) = (simulation.buyerStart, simulation.buyerStart)
    outcome = ScenarioSimulation.RunOutcome()
    restart(values: values, growth: growth, keep: keep)
  }

  /// Puts the run back at the start of the timeline with other parameter values, reusing
  /// its columns: a Monte Carlo run is a few microseconds, and allocating some forty
  /// arrays for each was a twentieth of it.
  mutating func restart(values: [FixedDecimal], growth: FixedDecimal, keep: FixedDecimal) {
    let months = simulation.timeline.count
    self.values = values
    elasticity = values[ScenarioSimulation.elasticitySlot]
    self.growth = growth
    rate = values[ScenarioSimulation.rateSlot]
    self.keep = keep

    price.fill(from: simulation.startPrices)
    replayBase.fill(from: simulation.replayStarts)
    floor.fill(with: nil)
    free.fill(with: 0)
    available.fill(from: simulation.startAvailable)
    share.fill(from: simulation.startShares)
    follows.fill(with: nil)
    followers.fill(with: -1)
    followerCount = 0
    followTarget.fill(with: .zero)
    followLowest.fill(with: Self.unsold)
    followEpoch.fill(with: -1)
    pastPrices.fill(with: Self.unsold)
    segmentScanned.fill(with: false)
    segmentLowest.fill(with: Self.unsold)
    segmentLowestAt.fill(with: -1)
    segmentSecond.fill(with: Self.unsold)
    reportingPrice.fill(with: .zero)
    convertedFrom.fill(with: .zero)
    convertedEpoch.fill(with: -1)
    effective.fill(with: .zero)
    bound.fill(with: .zero)
    // Prices are never negative, so no effective price equals the least value.
    boundFrom.fill(with: .leastValue)
    revenueSums.fill(with: TripleProductSum())
    stretchCost.fill(with: .leastValue)
    costVolume.fill(with: ProductSum())
    costs.fill(with: .zero)
    quoted.fill(with: false)
    firstQuote.fill(with: .zero)
    lastQuote.fill(with: .zero)
    cheapest.fill(with: -1)
    floorMonths.fill(with: nil)
    growthFactor = FixedDecimal(1)
    surgeFactor = FixedDecimal(1)
    startAverage = .zero
    startDivisor = nil
    buyer = simulation.buyerStart
    switcher = simulation.buyerStart
    startEffective = .zero

    // A new outcome each run: the last one belongs to the caller now.
    var outcome = ScenarioSimulation.RunOutcome()
    outcome.exitMonths = [Int?](repeating: nil, count: count)
    outcome.buyerBills.reserveCapacity(months)
    outcome.switchingBills.reserveCapacity(months)
    outcome.averagePrices.reserveCapacity(months)
    outcome.marketVolumes.reserveCapacity(months)
    self.outcome = outcome
  }

  // MARK: - A month

  /// Advances the market by one month; appends the month's rows when `months` is given.
  mutating func advance(_ month: Int, recording months: inout [ScenarioResult.Month]?) throws {
    try replayCatalog(month)
    try applyEvents(month)
    try follow(month)
    try quotePrices(month)
    findCheapest()

    let tokens = simulation.buyerTokens[month]
    let leastSaving = simulation.leastSavings[month]
    if month > 0, !rate.isZero { try switchMarket(leastSaving: leastSaving) }
    let (average, volume) = try demand(month)

    // The buyer: the one who stays moves only when its offering leaves.
    var forcedCost = FixedDecimal.zero
    if !available[buyer] {
      buyer = try replacement(for: buyer, month: month)
      forcedCost = switchCost
      outcome.notes.append(
        "\(simulation.timeline[month]): the buyer's offering left; it moved to "
          + simulation.scenario.offerings[buyer].id
      )
    }
    var switched = false
    if !available[switcher] {
      switcher = try replacement(for: switcher, month: month)
      switched = true
    } else if month > 0 {
      let target = cheapest[simulation.segments[switcher]]
      if target >= 0, target != switcher,
        try worthMoving(from: switcher, to: target, leastSaving: leastSaving)
      {
        switcher = target
        switched = true
      }
    }
    if month == 0 { startEffective = effective[buyer] }
    let bill =
      try (try Self.bill(reportingPrice[buyer], free: free[buyer], tokens: tokens))
      + forcedCost
    let switchingBill =
      try (try Self.bill(reportingPrice[switcher], free: free[switcher], tokens: tokens))
      + (switched ? switchCost : .zero)
    outcome.buyerBills.append(bill)
    outcome.switchingBills.append(switchingBill)
    outcome.averagePrices.append(average)
    outcome.marketVolumes.append(volume)
    outcome.buyerBill = try outcome.buyerBill + bill
    outcome.switchingBill = try outcome.switchingBill + switchingBill
    outcome.billAtStartPrices = try outcome.billAtStartPrices + (try startEffective * tokens)

    let rows = try serve(month, volume: volume, recording: months != nil)
    if month == 0 { outcome.startShares = share.elements }
    months?.append(
      ScenarioResult.Month(
        month: simulation.timeline[month],
        cnyPerUSD: simulation.cnyPerUSD[month],
        marketVolume: volume,
        averagePrice: average,
        offerings: rows,
        buyer: ScenarioResult.BuyerMonth(
          tokens: tokens,
          offering: simulation.scenario.offerings[buyer].id,
          bill: bill,
          switchingOffering: simulation.scenario.offerings[switcher].id,
          switchingBill: switchingBill,
          switched: switched
        )
      )
    )
  }

  /// Closes the last cost stretches, rounds the revenues and completes ``outcome``.
  ///
  /// It returns nothing on purpose: on Swift 6.3.1 for Linux, this method returning the
  /// outcome (a throwing method returning a large struct) was miscompiled in optimized
  /// builds into a spurious throw of a corrupt error.
  mutating func finish() throws {
    var revenues: [FixedDecimal] = []
    revenues.reserveCapacity(count)
    for index in 0..<count {
      guard let revenue = revenueSums[index].rounded() else {
        throw PricingError(
          .overflow,
          "the revenue of \(simulation.scenario.offerings[index].id) is outside the representable range"
        )
      }
      revenues.append(revenue)
      try Self.close(index, volume: costVolume, at: stretchCost[index], into: costs)
    }
    outcome.revenues = revenues
    outcome.floorMonths = floorMonths.elements
    outcome.endShares = (0..<count).map { available[$0] ? share[$0] : .zero }
    outcome.startPrices = (0..<count).map { quoted[$0] ? firstQuote[$0] : nil }
    outcome.endPrices = (0..<count).map { quoted[$0] ? lastQuote[$0] : nil }
    var margins: [FixedDecimal?] = []
    margins.reserveCapacity(count)
    for index in 0..<count {
      if simulation.hasMarginalCost[index] {
        margins.append(try revenues[index] - costs[index])
      } else {
        margins.append(nil)
      }
    }
    outcome.margins = margins
  }

  /// Step 1: the catalog's own price changes.
  private mutating func replayCatalog(_ month: Int) throws {
    for index in simulation.replaying {
      guard let catalogPrice = simulation.replay[index][month] else {
        if available[index] { try leave(index, to: [], month: month) }
        continue
      }
      if !available[index] { try enter(index, taking: simulation.entryShares[index]) }
      if let base = replayBase[index], base != catalogPrice {
        price[index] =
          price[index] == base || base.isZero
          ? catalogPrice : try (try price[index] * catalogPrice).divided(by: base)
      } else if replayBase[index] == nil {
        price[index] = catalogPrice
      }
      setPrice(index, price[index])
      replayBase[index] = catalogPrice
    }
  }

  /// Step 2: the month's events, in order.
  private mutating func applyEvents(_ month: Int) throws {
    let one = FixedDecimal(1)
    // A local copy of the month's events: iterating `simulation`'s array in place while
    // mutating `self` made the compiler copy the whole run for every month.
    let events = simulation.eventsByMonth[month]
    for event in events {
      let index = event.offering
      let value = values[event.slot]
      switch event.kind {
      case .cut: setPrice(index, try price[index] * (try one - value))
      case .raise: setPrice(index, try price[index] * (try one + value))
      case .setPrice: setPrice(index, value)
      case .floor:
        floor[index] = value
        setPrice(index, price[index])
      case .freeTier(let tokens): free[index] = tokens
      case .enter: try enter(index, taking: value)
      case .exit(let targets): if available[index] { try leave(index, to: targets, month: month) }
      case .surge:
        guard available[index] else { break }
        let extra = try share[index] * value
        let total = try one + extra
        for other in 0..<count where other != index {
          share[other] = try share[other].divided(by: total)
        }
        share[index] = try (try share[index] + extra).divided(by: total)
        surgeFactor = try surgeFactor * total
      case .follow(let leaders, let wholeSegment):
        let lag = values[event.slot + 1].wholeNumber() ?? 0
        if follows[index] == nil { addFollower(index) }
        follows[index] = Follow(
          leaders: leaders,
          wholeSegment: wholeSegment,
          lag: lag,
          matched: try one - value
        )
        followEpoch[index] = -1
      }
    }
  }

  /// Adds an offering to ``followers``, keeping them in offering order.
  private mutating func addFollower(_ index: Int) {
    var position = followerCount
    while position > 0, followers[position - 1] > index {
      followers[position] = followers[position - 1]
      position -= 1
    }
    followers[position] = index
    followerCount += 1
  }

  /// Step 3: followers match their leaders' earlier prices, in offering order.
  private mutating func follow(_ month: Int) throws {
    for position in 0..<followerCount where available[followers[position]] {
      let index = followers[position]
      guard let follow = follows[index] else { continue }
      let source = month - follow.lag
      var lowest = Self.unsold
      if source >= 0, source < month, follow.wholeSegment {
        // A past month's lowest and second-lowest price in a segment serve every
        // follower of that segment: the second when the follower itself was the lowest.
        let slot = source * simulation.segmentRanges.count + simulation.segments[index]
        if !segmentScanned[slot] { scanSegment(slot, source: source) }
        lowest = segmentLowestAt[slot] == index ? segmentSecond[slot] : segmentLowest[slot]
      } else if source >= 0, source < month {
        // A scan of one past month's prices.
        let base = source * count
        for position in follow.leaders {
          let quote = pastPrices[base + simulation.followedLeaders[position]]
          if quote < lowest { lowest = quote }
        }
      } else {
        for position in follow.leaders {
          let leader = simulation.followedLeaders[position]
          let quote: FixedDecimal
          if source == month {
            guard available[leader] else { continue }
            quote = try currentReportingPrice(leader, month)
          } else if source < 0 {
            guard simulation.startAvailable[leader] else { continue }
            quote = simulation.startReportingPrices[leader]
          } else {
            quote = pastPrices[source * count + leader]
          }
          if quote < lowest { lowest = quote }
        }
      }
      guard lowest != Self.unsold else { continue }
      let epoch = simulation.rateEpochs[month]
      if followLowest[index] != lowest || followEpoch[index] != epoch {
        let target = try Self.fromReporting(
          try lowest.fractionProduct(follow.matched) ?? lowest * follow.matched,
          simulation.conversions[index],
          rate: simulation.cnyPerUSD[month],
          divisor: simulation.rateDivisors[month]
        )
        followTarget[index] = target
        followLowest[index] = lowest
        followEpoch[index] = epoch
      }
      let target = followTarget[index]
      if target < price[index] { setPrice(index, target) }
    }
  }

  /// Finds a segment's lowest and second-lowest reporting price in a past month.
  private mutating func scanSegment(_ slot: Int, source: Int) {
    let segment = slot % simulation.segmentRanges.count
    var lowest = Self.unsold
    var second = Self.unsold
    var lowestAt = -1
    for position in simulation.segmentRanges[segment] {
      let member = simulation.segmentMembers[position]
      let quote = pastPrices[source * count + member]
      if quote < lowest {
        second = lowest
        lowest = quote
        lowestAt = member
      } else if quote < second {
        second = quote
      }
    }
    segmentLowest[slot] = lowest
    segmentSecond[slot] = second
    segmentLowestAt[slot] = lowestAt
    segmentScanned[slot] = true
  }

  /// Prices as buyers see them, in the reporting currency and net of free tokens.
  private mutating func quotePrices(_ month: Int) throws {
    let tokens = simulation.buyerTokens[month]
    let keepsHistory = simulation.hasFollowers
    for index in 0..<count {
      let quote = try currentReportingPrice(index, month)
      if keepsHistory, available[index] { pastPrices[month * count + index] = quote }
      if free[index] == 0 || tokens.isZero {
        effective[index] = quote
      } else {
        effective[index] = try Self.spread(quote, tokens: tokens, free: free[index])
      }
      guard available[index] else { continue }
      if !quoted[index] {
        firstQuote[index] = quote
        quoted[index] = true
      }
      lastQuote[index] = quote
      if let minimum = floor[index], price[index] == minimum, floorMonths[index] == nil {
        floorMonths[index] = month
      }
    }
  }

  /// The cheapest available offering of each segment by effective price.
  private mutating func findCheapest() {
    cheapest.fill(with: -1)
    for index in 0..<count where available[index] {
      let segment = simulation.segments[index]
      if cheapest[segment] < 0 || effective[index] < effective[cheapest[segment]] {
        cheapest[segment] = index
      }
    }
  }

  /// Step 4: the market's buyers move toward the cheapest of their segment at the rate.
  ///
  /// Moved shares go straight to their target: a segment's cheapest offering never moves
  /// itself, and additions are exact, so the order of the moves does not matter.
  private mutating func switchMarket(leastSaving: FixedDecimal) throws {
    for index in 0..<count where available[index] && !share[index].isZero {
      let target = cheapest[simulation.segments[index]]
      guard target != index, try worthMoving(from: index, to: target, leastSaving: leastSaving)
      else { continue }
      let moved = try share[index].fractionProduct(rate) ?? share[index] * rate
      share[index] = try share[index] - moved
      share[target] = try share[target] + moved
    }
  }

  /// Step 5: the market's average effective price and its volume.
  private mutating func demand(_ month: Int) throws -> (average: FixedDecimal, volume: FixedDecimal)
  {
    // One rounding for the month rather than one a term: exact products, summed wide.
    var sum = ProductSum()
    for index in 0..<count where available[index] {
      sum.add(share[index], times: effective[index])
    }
    let average = try Self.rounded(sum, "the market's average price")
    if month == 0 {
      startAverage = average
      startDivisor = ReciprocalDivisor(average)
    } else {
      growthFactor = try growthFactor * growth
    }
    var volume = try (try simulation.scenario.market.volume * growthFactor) * surgeFactor
    if !elasticity.isZero, !startAverage.isZero {
      let ratio = try startDivisor?.quotient(of: average) ?? average.divided(by: startAverage)
      volume = try volume * (try DemandCurve.factor(ratio: ratio, elasticity: elasticity))
    }
    return (average, volume)
  }

  /// Volumes, revenue and margins; the month's rows when recording.
  private mutating func serve(
    _ month: Int,
    volume: FixedDecimal,
    recording: Bool
  ) throws -> [ScenarioResult.OfferingMonth] {
    try accrue(month, volume: volume)
    guard recording else { return [] }
    var rows: [ScenarioResult.OfferingMonth] = []
    rows.reserveCapacity(count)
    for index in 0..<count {
      let served = available[index] && !share[index].isZero ? try share[index] * volume : .zero
      let hasCost = simulation.hasMarginalCost[index]
      let cost = simulation.reportingCosts[month * count + index]
      let revenue = try served * effective[index]
      var margin: FixedDecimal?
      if hasCost { margin = try revenue - (try served * cost) }
      rows.append(
        ScenarioResult.OfferingMonth(
          offering: simulation.scenario.offerings[index].id,
          available: available[index],
          price: price[index],
          currency: simulation.currencies[index],
          reportingPrice: reportingPrice[index],
          atFloor: floor[index] == price[index],
          freeTokensPerMonth: free[index],
          volume: served,
          share: available[index] ? share[index] : .zero,
          revenue: try Self.fromReporting(
            revenue,
            simulation.conversions[index],
            rate: simulation.cnyPerUSD[month],
            divisor: simulation.rateDivisors[month]
          ),
          reportingRevenue: revenue,
          grossMargin: margin
        )
      )
    }
    return rows
  }

  /// Adds the month's revenue to the exact sums, and its volumes to the open stretches of
  /// cost, closing those whose cost has moved.
  ///
  /// An offering that serves nothing this month is skipped: a cost stretch left open over
  /// such months closes when the offering next serves at another cost, with the volume it
  /// served at the old one.
  private mutating func accrue(_ month: Int, volume: FixedDecimal) throws {
    let base = month * count
    for index in 0..<count where available[index] && !share[index].isZero {
      let served = ProductSum(share[index], times: volume)
      revenueSums[index].add(served, times: effective[index])
      guard simulation.hasMarginalCost[index] else { continue }
      let cost = simulation.reportingCosts[base + index]
      if cost != stretchCost[index] {
        try Self.close(index, volume: costVolume, at: stretchCost[index], into: costs)
        stretchCost[index] = cost
      }
      costVolume[index].add(served)
    }
  }

  // MARK: - Helpers

  /// An amount in an offering's currency in the reporting currency, as
  /// ``ScenarioSimulation/convert(_:from:to:cnyPerUSD:)`` does, with the direction looked
  /// up rather than found by comparing currencies.
  private static func toReporting(
    _ amount: FixedDecimal,
    _ conversion: ScenarioSimulation.Conversion,
    rate: FixedDecimal,
    divisor: ReciprocalDivisor?
  ) throws -> FixedDecimal {
    switch conversion {
    case .none: return amount
    case .multiply: return try amount * rate
    case .divide: return try divisor?.quotient(of: amount) ?? amount.divided(by: rate)
    }
  }

  /// An amount in the reporting currency in an offering's currency.
  private static func fromReporting(
    _ amount: FixedDecimal,
    _ conversion: ScenarioSimulation.Conversion,
    rate: FixedDecimal,
    divisor: ReciprocalDivisor?
  ) throws -> FixedDecimal {
    switch conversion {
    case .none: return amount
    case .multiply: return try divisor?.quotient(of: amount) ?? amount.divided(by: rate)
    case .divide: return try amount * rate
    }
  }

  /// An offering's price in the reporting currency this month: the cached conversion when
  /// neither its price nor the exchange rate's epoch has moved, a new one otherwise.
  @inline(__always)
  private func currentReportingPrice(_ index: Int, _ month: Int) throws -> FixedDecimal {
    let epoch = simulation.rateEpochs[month]
    if convertedEpoch[index] != epoch || convertedFrom[index] != price[index] {
      reportingPrice[index] = try Self.toReporting(
        price[index],
        simulation.conversions[index],
        rate: simulation.cnyPerUSD[month],
        divisor: simulation.rateDivisors[month]
      )
      convertedFrom[index] = price[index]
      convertedEpoch[index] = epoch
    }
    return reportingPrice[index]
  }

  /// Whether a buyer on `from` gains enough by moving to `to`: saving ≥ threshold × bill,
  /// that is `to ≤ from × (1 − threshold)`, and saving × tokens × payback ≥ cost.
  ///
  /// Both are tested against bounds rounded toward the test (down, then up), which keeps
  /// them exact while computing each bound once per price or month.
  @inline(__always)
  private func worthMoving(from: Int, to: Int, leastSaving: FixedDecimal) throws -> Bool {
    guard effective[to] < effective[from] else { return false }
    if boundFrom[from] != effective[from] {
      bound[from] = try Self.lowerBound(effective[from], keep: keep)
      boundFrom[from] = effective[from]
    }
    guard effective[to] <= bound[from] else { return false }
    if switchCost.isZero { return true }
    return try effective[from] - effective[to] >= leastSaving
  }

  /// `price × keep`, rounded down: out of line, so that the product with a rounding rule
  /// does not crowd the switching loop's registers.
  @inline(never)
  private static func lowerBound(_ price: FixedDecimal, keep: FixedDecimal) throws -> FixedDecimal {
    try price.multiplied(by: keep, rounding: .down)
  }

  /// A price spread over all of a month's tokens when some are free; out of line like
  /// ``lowerBound(_:keep:)``.
  @inline(never)
  private static func spread(
    _ price: FixedDecimal,
    tokens: FixedDecimal,
    free: Int
  ) throws -> FixedDecimal {
    try bill(price, free: free, tokens: tokens).divided(by: tokens)
  }

  /// Where a buyer goes when its offering leaves: the cheapest of its segment, else of
  /// the market.
  private mutating func replacement(for current: Int, month: Int) throws -> Int {
    let segmentCheapest = cheapest[simulation.segments[current]]
    if segmentCheapest >= 0 { return segmentCheapest }
    return try cheapestOffering(segment: nil, month: month) ?? current
  }

  /// A bill: price × paid tokens, exactly; `effective` (the price spread over all tokens)
  /// is rounded and serves comparisons only.
  ///
  /// Static, with the price and free tokens passed in: called as a method from the
  /// mutating `advance`, it made the compiler copy the whole run (1.5 KB) for each call.
  private static func bill(
    _ price: FixedDecimal,
    free: Int,
    tokens: FixedDecimal
  ) throws -> FixedDecimal {
    guard free > 0 else { return try price * tokens }
    return try price * max(.zero, try tokens - (try millions(free)))
  }

  /// A count of tokens in millions, exactly: 10^12 units of 10^-18 per token, with no
  /// division.
  private static func millions(_ tokens: Int) throws -> FixedDecimal {
    try FixedDecimal(units: Int128(tokens) * 1_000_000_000_000)
  }

  /// Closes a stretch at one price or one cost.
  ///
  /// Adds its volume, rounded, × the price to the total and empties the volume; revenue
  /// and cost stretches both use it.
  @inline(__always)
  private static func close(
    _ index: Int,
    volume: RunColumn<ProductSum>,
    at price: FixedDecimal,
    into totals: RunColumn<FixedDecimal>
  ) throws {
    guard !volume[index].isZero else { return }
    let served = try rounded(volume[index], "an offering's volume")
    totals[index] = try totals[index] + (try served * price)
    volume[index] = ProductSum()
  }

  /// A wide sum rounded to a decimal, or an overflow error naming what it was.
  private static func rounded(_ sum: ProductSum, _ name: String) throws -> FixedDecimal {
    guard let value = sum.rounded() else {
      throw PricingError(.overflow, "\(name) is outside the representable range")
    }
    return value
  }

  /// Sets a price, held at the offering's floor.
  private func setPrice(_ index: Int, _ value: FixedDecimal) {
    if let minimum = floor[index], value < minimum {
      price[index] = minimum
    } else {
      price[index] = value
    }
  }

  /// The cheapest offering in the market by reporting price, in a segment or any.
  private mutating func cheapestOffering(segment: Int?, month: Int) throws -> Int? {
    var best: Int?
    var bestPrice = FixedDecimal.zero
    for index in 0..<count
    where available[index] && (segment == nil || simulation.segments[index] == segment) {
      let quote = try currentReportingPrice(index, month)
      if best == nil || quote < bestPrice {
        best = index
        bestPrice = quote
      }
    }
    return best
  }

  /// An offering leaves the market; its share goes to `targets` in proportion to their
  /// shares, or to the cheapest offering left.
  private mutating func leave(_ index: Int, to targets: [Int], month: Int) throws {
    available[index] = false
    outcome.exitMonths[index] = month
    let moving = share[index]
    share[index] = .zero
    var destinations = targets.filter { available[$0] }
    if destinations.isEmpty {
      if let any =
        try cheapestOffering(segment: simulation.segments[index], month: month)
        ?? cheapestOffering(segment: nil, month: month)
      {
        destinations = [any]
      }
    }
    var weight = FixedDecimal.zero
    for destination in destinations { weight = try weight + share[destination] }
    for destination in destinations {
      let part =
        weight.isZero
        ? try moving.divided(by: FixedDecimal(destinations.count))
        : try (try moving * share[destination]).divided(by: weight)
      share[destination] = try share[destination] + part
    }
  }

  /// An offering enters the market and takes a share from the others in proportion.
  private mutating func enter(_ index: Int, taking entryShare: FixedDecimal) throws {
    guard !available[index], simulation.servable[index] else { return }
    available[index] = true
    let keep = try FixedDecimal(1) - entryShare
    for other in 0..<count where other != index { share[other] = try share[other] * keep }
    share[index] = entryShare
  }
}
