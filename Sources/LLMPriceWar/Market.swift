import Foundation
import LLMPricing

/// One run of a scenario's market with one set of parameter values, advanced a month at a
/// time: plain arrays of `Double`, one element per offering, and ordinary mutating methods.
///
/// Prices are per million tokens of the scenario's workload; `price` is in each
/// offering's own currency, `reportingPrice` and every amount in the reporting currency.
/// ``reset(_:)`` puts the market back at the start, so Monte Carlo runs reuse its arrays.
struct Market {
  let simulation: ScenarioSimulation
  let count: Int
  let switchCost: Double

  private(set) var values: [Double] = []
  private var growth = 0.0
  /// `1 − threshold`: a move is worth it when the new price is at most this share of the old.
  private var keep = 1.0
  private var rate = 0.0
  private var elasticity = 0.0

  // Each offering.
  private(set) var price: [Double]
  /// The catalog price the offering's price was last set from; −1 before the first.
  private var base: [Double]
  /// Whether an event, a follower's move or a floor has moved the price off the catalog's.
  private(set) var modified: [Bool]
  /// The floor; −1 for none.
  private(set) var floor: [Double]
  /// Free million tokens a buyer gets each month.
  private(set) var free: [Double]
  private(set) var available: [Bool]
  private var leftByEvent: [Bool]
  private(set) var share: [Double]
  /// A follower matches from `followFrom` on (`Int.max` for none), `followLag` months late.
  private var followFrom: [Int]
  private var followLag: [Int]
  private var followMatched: [Double]
  /// The leaders, as a range of ``ScenarioSimulation/followedLeaders``.
  private var followLeaders: [Range<Int>]
  private var followsSegment: [Bool]
  /// Per past month and segment, `month × segments + segment`: whether it has been
  /// scanned, its lowest reporting price, where, and the second lowest. Every follower of
  /// a whole segment reads them, and past months do not change.
  private var scanned: [Bool]
  private var segmentLowest: [Double]
  private var segmentLowestAt: [Int]
  private var segmentSecond: [Double]
  private(set) var reportingPrice: [Double]
  /// The reporting price net of free tokens: what switching compares.
  private(set) var effective: [Double]
  /// Reporting prices of past months, `month × count + offering`; infinity when unsold.
  private var past: [Double]
  private var cheapest: [Int]
  private(set) var firstQuote: [Double]
  private(set) var lastQuote: [Double]
  private(set) var revenue: [Double]
  private(set) var cost: [Double]
  private(set) var floorMonth: [Int]
  private(set) var exitMonth: [Int]
  private(set) var entryMonth: [Int]
  private(set) var startShares: [Double]

  // The market and the buyers.
  private var growthFactor = 1.0
  private var surgeFactor = 1.0
  private var startAverage = 0.0
  private var startEffective = 0.0
  private(set) var buyer = 0
  private(set) var switcher = 0
  private(set) var billAtStart = 0.0

  // Month by month.
  private(set) var buyerBills: [Double] = []
  private(set) var switchingBills: [Double] = []
  private(set) var averagePrices: [Double] = []
  private(set) var volumes: [Double] = []
  private(set) var buyerOn: [Int] = []
  private(set) var switcherOn: [Int] = []
  /// Whether the staying buyer paid a forced move's cost, and the switching buyer moved.
  private(set) var forced: [Bool] = []
  private(set) var switched: [Bool] = []
  private(set) var notes: [String] = []

  init(_ simulation: ScenarioSimulation) {
    self.simulation = simulation
    let count = simulation.count
    self.count = count
    switchCost = simulation.scenario.market.switching.cost.double
    let zeros = [Double](repeating: 0, count: count)
    let none = [Int](repeating: -1, count: count)
    (price, base, floor, free, share) = (zeros, zeros, zeros, zeros, zeros)
    (modified, available, leftByEvent) = ([], [], [])
    (followFrom, followLag, followMatched) = ([], none, zeros)
    followLeaders = Array(repeating: 0..<0, count: count)
    followsSegment = Array(repeating: false, count: count)
    let slots = simulation.hasFollowers ? simulation.segmentCount * simulation.timeline.count : 0
    scanned = Array(repeating: false, count: slots)
    (segmentLowest, segmentSecond) = (
      Array(repeating: 0, count: slots), Array(repeating: 0, count: slots)
    )
    segmentLowestAt = Array(repeating: -1, count: slots)
    (reportingPrice, effective, firstQuote, lastQuote) = (zeros, zeros, zeros, zeros)
    past =
      simulation.hasFollowers ? Array(repeating: 0, count: count * simulation.timeline.count) : []
    cheapest = Array(repeating: -1, count: simulation.segmentCount)
    (revenue, cost, startShares) = (zeros, zeros, zeros)
    (floorMonth, exitMonth, entryMonth) = (none, none, none)
  }

  /// Puts the market at the start of the timeline with a set of parameter values.
  mutating func reset(_ values: [Double]) {
    self.values = values
    elasticity = values[ScenarioSimulation.elasticitySlot]
    growth = values[ScenarioSimulation.growthSlot]
    keep = 1 - values[ScenarioSimulation.thresholdSlot]
    rate = values[ScenarioSimulation.rateSlot]
    for index in 0..<count {
      price[index] = simulation.givenPrices[index] ?? 0
      base[index] = -1
      floor[index] = -1
      free[index] = 0
      share[index] = simulation.startShares[index]
      followLag[index] = 0
      followMatched[index] = 1
      firstQuote[index] = .nan
      lastQuote[index] = .nan
      revenue[index] = 0
      cost[index] = 0
      floorMonth[index] = -1
      exitMonth[index] = -1
      entryMonth[index] = -1
    }
    modified = simulation.givenPrices.map { $0 != nil }
    available = simulation.startAvailable
    leftByEvent = Array(repeating: false, count: count)
    followFrom = Array(repeating: .max, count: count)
    for slot in scanned.indices { scanned[slot] = false }
    for index in past.indices { past[index] = .infinity }
    (growthFactor, surgeFactor, startAverage, startEffective) = (1, 1, 0, 0)
    (buyer, switcher, billAtStart) = (simulation.buyerStart, simulation.buyerStart, 0)
    for column in [\Market.buyerBills, \.switchingBills, \.averagePrices, \.volumes] {
      self[keyPath: column].removeAll(keepingCapacity: true)
    }
    buyerOn.removeAll(keepingCapacity: true)
    switcherOn.removeAll(keepingCapacity: true)
    forced.removeAll(keepingCapacity: true)
    switched.removeAll(keepingCapacity: true)
    notes.removeAll()
  }

  /// Advances the market by one month.
  mutating func advance(_ month: Int) {
    followCatalog(month)
    for event in simulation.eventsByMonth[month] { apply(event, month) }
    if simulation.hasFollowers { follow(month) }
    quote(month)
    let tokens = simulation.tokens[month]
    let leastSaving = simulation.leastSavings[month]
    if month > 0, rate > 0 { switchMarket(leastSaving: leastSaving) }
    let (average, volume) = demand(month)

    // The staying buyer moves only when its offering leaves.
    var forcedMove = false
    if !available[buyer] {
      buyer = replacement(for: buyer)
      forcedMove = true
      notes.append(
        "\(simulation.timeline[month]): the buyer's offering left; it moved to "
          + simulation.scenario.offerings[buyer].id
      )
    }
    var moved = false
    if !available[switcher] {
      switcher = replacement(for: switcher)
      moved = true
    } else if month > 0 {
      let target = cheapest[simulation.segments[switcher]]
      if target >= 0, target != switcher,
        worthMoving(from: switcher, to: target, leastSaving: leastSaving)
      {
        switcher = target
        moved = true
      }
    }
    if month == 0 { startEffective = effective[buyer] }
    buyerBills.append(bill(buyer, tokens) + (forcedMove ? switchCost : 0))
    switchingBills.append(bill(switcher, tokens) + (moved ? switchCost : 0))
    billAtStart += startEffective * tokens
    buyerOn.append(buyer)
    switcherOn.append(switcher)
    forced.append(forcedMove)
    switched.append(moved)
    averagePrices.append(average)
    volumes.append(volume)
    serve(month, volume: volume)
    if month == 0 { startShares = share }
  }

  /// What the buyer on an offering pays for the month's paid tokens.
  func bill(_ index: Int, _ tokens: Double) -> Double {
    reportingPrice[index] * max(0, tokens - free[index])
  }

  /// Step 1: catalog offerings join, leave and follow the catalog's prices.
  private mutating func followCatalog(_ month: Int) {
    for index in simulation.catalogPriced {
      let catalogPrice = simulation.catalogPrices[month * count + index]
      guard !catalogPrice.isNaN else {
        if available[index] { leave(index, to: [], month: month) }
        continue
      }
      if !available[index] {
        guard !leftByEvent[index] else { continue }
        enter(index, taking: simulation.entryShares[index], month: month)
      }
      if base[index] < 0 {
        setPrice(index, catalogPrice, fromCatalog: true)
      } else if simulation.replays[index], base[index] != catalogPrice {
        let moved = modified[index] && base[index] > 0
        setPrice(
          index,
          moved ? price[index] * catalogPrice / base[index] : catalogPrice,
          fromCatalog: !modified[index]
        )
      } else {
        continue
      }
      base[index] = catalogPrice
    }
  }

  /// Step 2: one event.
  private mutating func apply(_ event: ScenarioSimulation.CompiledEvent, _ month: Int) {
    let index = event.offering
    let value = values[event.slot]
    switch event.kind {
    case .cut: setPrice(index, price[index] * (1 - value))
    case .raise: setPrice(index, price[index] * (1 + value))
    case .setPrice: setPrice(index, value)
    case .floor:
      floor[index] = value
      if price[index] < value { setPrice(index, value) }
    case .freeTier(let tokens): free[index] = Double(tokens) / 1e6
    case .enter: enter(index, taking: value, month: month)
    case .exit(let targets):
      leftByEvent[index] = true
      if available[index] { leave(index, to: targets, month: month) }
    case .surge:
      guard available[index] else { break }
      let extra = share[index] * value
      let total = 1 + extra
      for other in 0..<count where other != index { share[other] /= total }
      share[index] = (share[index] + extra) / total
      surgeFactor *= total
    case .follow(let leaders, let wholeSegment):
      followsSegment[index] = wholeSegment
      let lag = Int(values[event.slot + 1])
      followFrom[index] = month + lag
      followLag[index] = lag
      followMatched[index] = 1 - value
      followLeaders[index] = leaders
    }
  }

  /// Step 3: followers match their leaders' prices of `lag` months before, once `lag`
  /// months have passed since they decided to follow.
  private mutating func follow(_ month: Int) {
    let rates = month * count
    for index in 0..<count where available[index] && followFrom[index] <= month {
      let source = month - followLag[index]
      let lowest: Double
      if followsSegment[index], source < month {
        // The segment's lowest price that month, or the second lowest when it is the
        // follower's own.
        let slot = source * simulation.segmentCount + simulation.segments[index]
        if !scanned[slot] { scan(slot, source) }
        lowest = segmentLowestAt[slot] == index ? segmentSecond[slot] : segmentLowest[slot]
      } else {
        lowest = lowestLeader(index, source: source, month: month)
      }
      guard lowest < .infinity else { continue }
      // Compared in the reporting currency: a division only when the price moves.
      let target = lowest * followMatched[index]
      let rate = simulation.toReporting[rates + index]
      if target < price[index] * rate { setPrice(index, target / rate) }
    }
  }

  /// The lowest reporting price of a follower's leaders in month `source`.
  private func lowestLeader(_ index: Int, source: Int, month: Int) -> Double {
    var lowest = Double.infinity
    for position in followLeaders[index] {
      let leader = simulation.followedLeaders[position]
      if source < month {
        lowest = min(lowest, past[source * count + leader])
      } else if available[leader] {
        lowest = min(lowest, price[leader] * simulation.toReporting[month * count + leader])
      }
    }
    return lowest
  }

  /// Finds a segment's lowest and second-lowest reporting price in a past month.
  private mutating func scan(_ slot: Int, _ source: Int) {
    let segment = slot % simulation.segmentCount
    var (lowest, second, lowestAt) = (Double.infinity, Double.infinity, -1)
    for position in simulation.segmentRanges[segment] {
      let member = simulation.segmentMembers[position]
      let quote = past[source * count + member]
      if quote < lowest {
        (second, lowest, lowestAt) = (lowest, quote, member)
      } else if quote < second {
        second = quote
      }
    }
    (segmentLowest[slot], segmentSecond[slot]) = (lowest, second)
    segmentLowestAt[slot] = lowestAt
    scanned[slot] = true
  }

  /// Prices as buyers see them, in the reporting currency and net of free tokens, and the
  /// cheapest available offering of each segment by that price.
  private mutating func quote(_ month: Int) {
    let tokens = simulation.tokens[month]
    for segment in cheapest.indices { cheapest[segment] = -1 }
    for index in 0..<count {
      let quote = price[index] * simulation.toReporting[month * count + index]
      reportingPrice[index] = quote
      effective[index] =
        free[index] > 0 && tokens > 0 ? quote * max(0, tokens - free[index]) / tokens : quote
      if simulation.hasFollowers, available[index] { past[month * count + index] = quote }
      guard available[index] else { continue }
      if firstQuote[index].isNaN { firstQuote[index] = quote }
      lastQuote[index] = quote
      if floor[index] >= 0, price[index] == floor[index], floorMonth[index] < 0 {
        floorMonth[index] = month
      }
      let segment = simulation.segments[index]
      let current = cheapest[segment]
      if current < 0 || effective[index] < effective[current] { cheapest[segment] = index }
    }
  }

  /// Step 4: the market's buyers move toward the cheapest of their segment at the rate.
  private mutating func switchMarket(leastSaving: Double) {
    for index in 0..<count where available[index] && share[index] > 0 {
      let target = cheapest[simulation.segments[index]]
      guard target != index, worthMoving(from: index, to: target, leastSaving: leastSaving)
      else { continue }
      let moved = share[index] * rate
      share[index] -= moved
      share[target] += moved
    }
  }

  /// Whether a buyer on `from` gains enough by moving to `to`: a saving of at least the
  /// threshold (a cut of exactly the threshold counts, whatever the last bit says), which
  /// pays the cost of moving back within the payback months.
  private func worthMoving(from: Int, to: Int, leastSaving: Double) -> Bool {
    let old = effective[from]
    let new = effective[to]
    return new < old && new <= old * keep * (1 + 1e-12)
      && (switchCost == 0 || old - new >= leastSaving * (1 - 1e-12))
  }

  /// Step 5: the market's average effective price and its volume.
  private mutating func demand(_ month: Int) -> (average: Double, volume: Double) {
    var average = 0.0
    for index in 0..<count where available[index] { average += share[index] * effective[index] }
    if month == 0 {
      startAverage = average
    } else {
      growthFactor *= 1 + growth
    }
    var volume = simulation.marketVolume * growthFactor * surgeFactor
    if elasticity != 0, startAverage > 0 {
      volume *= MarketMath.demand(ratio: average / startAverage, elasticity: elasticity)
    }
    return (average, volume)
  }

  /// Revenue and serving cost of the month's volume.
  private mutating func serve(_ month: Int, volume: Double) {
    for index in 0..<count where available[index] && share[index] > 0 {
      let served = share[index] * volume
      revenue[index] += served * effective[index]
      if let unitCost = simulation.marginalCosts[month * count + index] {
        cost[index] += served * unitCost
      }
    }
  }

  /// Sets a price, held at the offering's floor; a price not from the catalog, or one the
  /// floor holds, is no longer the catalog's.
  private mutating func setPrice(_ index: Int, _ value: Double, fromCatalog: Bool = false) {
    let held = floor[index] >= 0 && value < floor[index]
    price[index] = held ? floor[index] : value
    if held || !fromCatalog { modified[index] = true }
  }

  /// Where a buyer goes when its offering leaves: the cheapest of its segment, else of
  /// the market.
  private func replacement(for current: Int) -> Int {
    let inSegment = cheapest[simulation.segments[current]]
    if inSegment >= 0, available[inSegment] { return inSegment }
    return cheapestOffering(segment: nil) ?? current
  }

  /// The cheapest offering in the market by reporting price, in a segment or any.
  private func cheapestOffering(segment: Int?) -> Int? {
    var best: Int?
    for index in 0..<count
    where available[index] && (segment == nil || simulation.segments[index] == segment) {
      if best.map({ reportingPrice[index] < reportingPrice[$0] }) ?? true { best = index }
    }
    return best
  }

  /// An offering leaves; its share goes to `targets` in proportion to their shares, or to
  /// the cheapest offering left.
  private mutating func leave(_ index: Int, to targets: [Int], month: Int) {
    available[index] = false
    exitMonth[index] = month
    let moving = share[index]
    share[index] = 0
    var destinations = targets.filter { available[$0] }
    if destinations.isEmpty,
      let any = cheapestOffering(segment: simulation.segments[index])
        ?? cheapestOffering(segment: nil)
    {
      destinations = [any]
    }
    let weight = destinations.reduce(0) { $0 + share[$1] }
    for destination in destinations {
      share[destination] +=
        weight > 0 ? moving * share[destination] / weight : moving / Double(destinations.count)
    }
  }

  /// An offering enters and takes a share from the others in proportion to theirs.
  private mutating func enter(_ index: Int, taking entryShare: Double, month: Int) {
    guard !available[index], simulation.servable[index] else { return }
    available[index] = true
    if month > 0 { entryMonth[index] = month }
    for other in 0..<count where other != index { share[other] *= 1 - entryShare }
    share[index] = entryShare
  }
}
