import Foundation
import LLMPricing

/// One run of a scenario's market with one set of parameter values, advanced a month at a
/// time: a plain array of ``Seller`` values, one per offering, and ordinary mutating
/// methods.
///
/// Prices are per million tokens of the scenario's workload; `price` is in each
/// offering's own currency, `reportingPrice` and every amount in the reporting currency.
/// ``reset(_:)`` puts the market back at the start, so Monte Carlo runs reuse its arrays.
struct Market {
  /// One offering's state in the market.
  struct Seller {
    /// The price in its own currency.
    var price = 0.0
    /// The catalog price the price was last set from; −1 before the first.
    var base = -1.0
    /// Whether an event, a follower's move or a floor has moved the price off the catalog's.
    var modified = false
    /// The floor; −1 for none.
    var floor = -1.0
    /// Free million tokens a buyer gets each month.
    var free = 0.0
    var available = false
    var leftByEvent = false
    var share = 0.0
    var startShare = 0.0
    /// A follower matches from `followFrom` on (`Int.max` for none), `followLag` months
    /// late, `followMatched` of the leaders' lowest price.
    var followFrom = Int.max
    var followLag = 0
    var followMatched = 1.0
    /// The leaders, as a range of ``ScenarioSimulation/followedLeaders``.
    var followLeaders = 0..<0
    var followsSegment = false
    var reportingPrice = 0.0
    /// The reporting price net of free tokens: what switching compares.
    var effective = 0.0
    var firstQuote = Double.nan
    var lastQuote = Double.nan
    var revenue = 0.0
    var cost = 0.0
    var floorMonth = -1
    var exitMonth = -1
    var entryMonth = -1

    /// Its share, or 0 when it is out of the market.
    var marketShare: Double { available ? share : 0 }
  }

  let simulation: ScenarioSimulation
  let count: Int
  let switchCost: Double

  private(set) var values: [Double] = []
  private var growth = 0.0
  /// `1 − threshold`, widened by a relative 10⁻¹²: a move is worth it when the new price
  /// is at most this share of the old, and a cut of exactly the threshold counts whatever
  /// the last bit of the product says.
  private var keep = 1.0
  private var rate = 0.0
  private var elasticity = 0.0

  private(set) var sellers: [Seller]
  /// The offerings with a follow event, in offering order.
  private var followers: [Int] = []
  /// Per past month and segment (`month × segments + segment`), whether it was scanned.
  ///
  /// With it, the segment's lowest reporting price, where, and the second lowest: every
  /// follower of a whole segment reads them, and past months do not change.
  private var scanned: [Bool]
  private var segmentLowest: [Double]
  private var segmentLowestAt: [Int]
  private var segmentSecond: [Double]
  /// Reporting prices of past months, `month × count + offering`; infinity when unsold.
  private var past: [Double]
  private var cheapest: [Int]

  // The market and the buyers.
  private var growthFactor = 1.0
  private var surgeFactor = 1.0
  private var startAverage = 0.0
  private var startEffective = 0.0
  private(set) var buyer = 0
  private(set) var switcher = 0
  private(set) var billAtStart = 0.0

  /// One month's figures.
  struct MonthFigures {
    /// The staying buyer's bill, and the switching buyer's.
    var buyerBill = 0.0
    var switchingBill = 0.0
    var averagePrice = 0.0
    var volume = 0.0
    /// The offerings the buyers are on.
    var buyer = 0
    var switcher = 0
    /// Whether the staying buyer paid a forced move's cost, and the switching buyer moved.
    var forced = false
    var switched = false
  }

  /// What each month came to; the months not yet advanced hold the last run's figures.
  private(set) var months: [MonthFigures]
  private(set) var notes: [String] = []

  init(_ simulation: ScenarioSimulation) {
    self.simulation = simulation
    let count = simulation.count
    self.count = count
    switchCost = simulation.scenario.market.switching.cost.double
    sellers = Array(repeating: Seller(), count: count)
    let slots = simulation.hasFollowers ? simulation.segmentCount * simulation.timeline.count : 0
    scanned = Array(repeating: false, count: slots)
    (segmentLowest, segmentSecond) = (
      Array(repeating: 0, count: slots), Array(repeating: 0, count: slots)
    )
    segmentLowestAt = Array(repeating: -1, count: slots)
    past =
      simulation.hasFollowers ? Array(repeating: 0, count: count * simulation.timeline.count) : []
    cheapest = Array(repeating: -1, count: simulation.segmentCount)
    months = Array(repeating: MonthFigures(), count: simulation.timeline.count)
  }

  /// Puts the market at the start of the timeline with a set of parameter values.
  mutating func reset(_ values: [Double]) {
    self.values = values
    elasticity = values[ScenarioSimulation.elasticitySlot]
    growth = values[ScenarioSimulation.growthSlot]
    keep = (1 - values[ScenarioSimulation.thresholdSlot]) * (1 + 1e-12)
    rate = values[ScenarioSimulation.rateSlot]
    for index in 0..<count {
      var seller = Seller()
      seller.price = simulation.givenPrices[index] ?? 0
      seller.modified = simulation.givenPrices[index] != nil
      seller.available = simulation.startAvailable[index]
      seller.share = simulation.startShares[index]
      sellers[index] = seller
    }
    for slot in scanned.indices { scanned[slot] = false }
    followers.removeAll(keepingCapacity: true)
    for index in past.indices { past[index] = .infinity }
    (growthFactor, surgeFactor, startAverage, startEffective) = (1, 1, 0, 0)
    (buyer, switcher, billAtStart) = (simulation.buyerStart, simulation.buyerStart, 0)
    notes.removeAll()
  }

  /// Advances the market by one month.
  mutating func advance(_ month: Int) {
    followCatalog(month)
    for event in simulation.eventsByMonth[month] { apply(event, month) }
    if !followers.isEmpty { follow(month) }
    var average = quote(month)
    let tokens = simulation.tokens[month]
    let leastSaving = simulation.leastSavings[month]
    if month > 0, rate > 0 { switchMarket(leastSaving: leastSaving, average: &average) }
    let volume = demand(month, average: average)

    // The staying buyer moves only when its offering leaves.
    var forcedMove = false
    if !sellers[buyer].available {
      buyer = replacement(for: buyer)
      forcedMove = true
      notes.append(
        "\(simulation.timeline[month]): the buyer's offering left; it moved to "
          + simulation.scenario.offerings[buyer].id
      )
    }
    var moved = false
    if !sellers[switcher].available {
      switcher = replacement(for: switcher)
      moved = true
    } else if month > 0 {
      let target = cheapest[simulation.segments[switcher]]
      if target >= 0, target != switcher,
        worthMoving(
          from: sellers[switcher].effective,
          to: sellers[target].effective,
          leastSaving: leastSaving
        )
      {
        switcher = target
        moved = true
      }
    }
    if month == 0 { startEffective = sellers[buyer].effective }
    billAtStart += startEffective * tokens
    months[month] = MonthFigures(
      buyerBill: bill(buyer, tokens) + (forcedMove ? switchCost : 0),
      switchingBill: bill(switcher, tokens) + (moved ? switchCost : 0),
      averagePrice: average,
      volume: volume,
      buyer: buyer,
      switcher: switcher,
      forced: forcedMove,
      switched: moved
    )
    serve(month, volume: volume)
    if month == 0 {
      for index in 0..<count { sellers[index].startShare = sellers[index].share }
    }
  }

  /// What the buyer on an offering pays for the month's paid tokens.
  func bill(_ index: Int, _ tokens: Double) -> Double {
    sellers[index].reportingPrice * max(0, tokens - sellers[index].free)
  }

  /// Step 1: catalog offerings join, leave and follow the catalog's prices.
  private mutating func followCatalog(_ month: Int) {
    for index in simulation.catalogPriced {
      let catalogPrice = simulation.catalogPrices[month * count + index]
      guard !catalogPrice.isNaN else {
        if sellers[index].available { leave(index, to: [], month: month) }
        continue
      }
      if !sellers[index].available {
        guard !sellers[index].leftByEvent else { continue }
        enter(index, taking: simulation.entryShares[index], month: month)
      }
      let seller = sellers[index]
      if seller.base < 0 {
        setPrice(index, catalogPrice, fromCatalog: true)
      } else if simulation.replays[index], seller.base != catalogPrice {
        let moved = seller.modified && seller.base > 0
        setPrice(
          index,
          moved ? seller.price * catalogPrice / seller.base : catalogPrice,
          fromCatalog: !seller.modified
        )
      } else {
        continue
      }
      sellers[index].base = catalogPrice
    }
  }

  /// Step 2: one event.
  private mutating func apply(_ event: ScenarioSimulation.CompiledEvent, _ month: Int) {
    let index = event.offering
    let value = values[event.slot]
    let price = sellers[index].price
    switch event.kind {
    case .cut: setPrice(index, price * (1 - value))
    case .raise: setPrice(index, price * (1 + value))
    case .setPrice: setPrice(index, value)
    case .floor:
      sellers[index].floor = value
      if price < value { setPrice(index, value) }
    case .freeTier(let tokens): sellers[index].free = Double(tokens) / 1e6
    case .enter: enter(index, taking: value, month: month)
    case .exit(let targets):
      sellers[index].leftByEvent = true
      if sellers[index].available { leave(index, to: targets, month: month) }
    case .surge:
      guard sellers[index].available else { break }
      let extra = sellers[index].share * value
      let total = 1 + extra
      for other in 0..<count where other != index { sellers[other].share /= total }
      sellers[index].share = (sellers[index].share + extra) / total
      surgeFactor *= total
    case .follow(let leaders, let wholeSegment):
      let lag = Int(values[event.slot + 1])
      sellers[index].followsSegment = wholeSegment
      sellers[index].followFrom = month + lag
      sellers[index].followLag = lag
      sellers[index].followMatched = 1 - value
      sellers[index].followLeaders = leaders
      if !followers.contains(index) {
        followers.append(index)
        followers.sort()
      }
    }
  }

  /// Step 3: followers match their leaders' prices of `lag` months before, once `lag`
  /// months have passed since they decided to follow.
  private mutating func follow(_ month: Int) {
    let rates = month * count
    for index in followers {
      let follower = sellers[index]
      guard follower.available, follower.followFrom <= month else { continue }
      let source = month - follower.followLag
      let lowest: Double
      if follower.followsSegment, source < month {
        // The segment's lowest price that month, or the second lowest when it is the
        // follower's own.
        let slot = source * simulation.segmentCount + simulation.segments[index]
        if !scanned[slot] { scan(slot, source) }
        lowest = segmentLowestAt[slot] == index ? segmentSecond[slot] : segmentLowest[slot]
      } else {
        lowest = lowestLeader(follower, source: source, month: month)
      }
      guard lowest < .infinity else { continue }
      // Compared in the reporting currency: a division only when the price moves.
      let target = lowest * follower.followMatched
      if target < follower.price * simulation.toReporting[rates + index] {
        setPrice(index, target * simulation.fromReporting[rates + index])
      }
    }
  }

  /// The lowest reporting price of a follower's leaders in month `source`.
  private func lowestLeader(_ follower: Seller, source: Int, month: Int) -> Double {
    var lowest = Double.infinity
    for position in follower.followLeaders {
      let leader = simulation.followedLeaders[position]
      if source < month {
        lowest = min(lowest, past[source * count + leader])
      } else if sellers[leader].available {
        lowest = min(
          lowest,
          sellers[leader].price * simulation.toReporting[month * count + leader]
        )
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
  ///
  /// - Returns: The market's share-weighted average effective price.
  private mutating func quote(_ month: Int) -> Double {
    let tokens = simulation.tokens[month]
    let keepsHistory = simulation.hasFollowers
    var average = 0.0
    for segment in cheapest.indices { cheapest[segment] = -1 }
    for index in 0..<count {
      let seller = sellers[index]
      let quote = seller.price * simulation.toReporting[month * count + index]
      let effective =
        seller.free > 0 && tokens > 0 ? quote * max(0, tokens - seller.free) / tokens : quote
      sellers[index].reportingPrice = quote
      sellers[index].effective = effective
      guard seller.available else { continue }
      if keepsHistory { past[month * count + index] = quote }
      if seller.firstQuote.isNaN { sellers[index].firstQuote = quote }
      sellers[index].lastQuote = quote
      if seller.floor >= 0, seller.price == seller.floor, seller.floorMonth < 0 {
        sellers[index].floorMonth = month
      }
      let segment = simulation.segments[index]
      let current = cheapest[segment]
      if current < 0 || effective < sellers[current].effective { cheapest[segment] = index }
      average += seller.share * effective
    }
    return average
  }

  /// Step 4: the market's buyers move toward the cheapest of their segment at the rate.
  ///
  /// The market's average price follows each move: `moved × (target's price − own)`.
  private mutating func switchMarket(leastSaving: Double, average: inout Double) {
    for index in 0..<count where sellers[index].available {
      let share = sellers[index].share
      let target = cheapest[simulation.segments[index]]
      guard share > 0, target != index else { continue }
      let (old, new) = (sellers[index].effective, sellers[target].effective)
      guard worthMoving(from: old, to: new, leastSaving: leastSaving) else { continue }
      let moved = share * rate
      sellers[index].share -= moved
      sellers[target].share += moved
      average += moved * (new - old)
    }
  }

  /// Whether a buyer on `from` gains enough by moving to `to`: a saving of at least the
  /// threshold, which pays the cost of moving back within the payback months.
  private func worthMoving(from old: Double, to new: Double, leastSaving: Double) -> Bool {
    new < old && new <= old * keep
      && (switchCost == 0 || old - new >= leastSaving * (1 - 1e-12))
  }

  /// Step 5: the market's volume, from its average effective price.
  private mutating func demand(_ month: Int, average: Double) -> Double {
    if month == 0 {
      startAverage = average
    } else {
      growthFactor *= 1 + growth
    }
    var volume = simulation.marketVolume * growthFactor * surgeFactor
    if elasticity != 0, startAverage > 0 {
      volume *= MarketMath.demand(ratio: average / startAverage, elasticity: elasticity)
    }
    return volume
  }

  /// Revenue and serving cost of the month's volume.
  private mutating func serve(_ month: Int, volume: Double) {
    for index in 0..<count where sellers[index].available && sellers[index].share > 0 {
      let served = sellers[index].share * volume
      sellers[index].revenue += served * sellers[index].effective
      let unitCost = simulation.marginalCosts[month * count + index]
      if !unitCost.isNaN { sellers[index].cost += served * unitCost }
    }
  }

  /// Sets a price, held at the offering's floor; a price not from the catalog, or one the
  /// floor holds, is no longer the catalog's.
  private mutating func setPrice(_ index: Int, _ value: Double, fromCatalog: Bool = false) {
    let floor = sellers[index].floor
    let held = floor >= 0 && value < floor
    sellers[index].price = held ? floor : value
    if held || !fromCatalog { sellers[index].modified = true }
  }

  /// Where a buyer goes when its offering leaves: the cheapest of its segment, else of
  /// the market.
  private func replacement(for current: Int) -> Int {
    let inSegment = cheapest[simulation.segments[current]]
    if inSegment >= 0, sellers[inSegment].available { return inSegment }
    return cheapestOffering(segment: nil) ?? current
  }

  /// The cheapest offering in the market by reporting price, in a segment or any.
  private func cheapestOffering(segment: Int?) -> Int? {
    var best: Int?
    for index in 0..<count
    where sellers[index].available && (segment == nil || simulation.segments[index] == segment) {
      if best.map({ sellers[index].reportingPrice < sellers[$0].reportingPrice }) ?? true {
        best = index
      }
    }
    return best
  }

  /// An offering leaves; its share goes to `targets` in proportion to their shares, or to
  /// the cheapest offering left.
  private mutating func leave(_ index: Int, to targets: [Int], month: Int) {
    sellers[index].available = false
    sellers[index].exitMonth = month
    let moving = sellers[index].share
    sellers[index].share = 0
    var destinations = targets.filter { sellers[$0].available }
    if destinations.isEmpty,
      let any = cheapestOffering(segment: simulation.segments[index])
        ?? cheapestOffering(segment: nil)
    {
      destinations = [any]
    }
    let weight = destinations.reduce(0) { $0 + sellers[$1].share }
    for destination in destinations {
      sellers[destination].share +=
        weight > 0
        ? moving * sellers[destination].share / weight : moving / Double(destinations.count)
    }
  }

  /// An offering enters and takes a share from the others in proportion to theirs.
  private mutating func enter(_ index: Int, taking entryShare: Double, month: Int) {
    guard !sellers[index].available, simulation.servable[index] else { return }
    sellers[index].available = true
    if month > 0 { sellers[index].entryMonth = month }
    for other in 0..<count where other != index { sellers[other].share *= 1 - entryShare }
    sellers[index].share = entryShare
  }
}
