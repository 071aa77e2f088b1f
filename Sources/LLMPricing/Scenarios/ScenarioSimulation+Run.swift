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

  /// A leader's price a follower sees: its reporting price in a month, if it was sold.
  private struct Quote {
    var price: FixedDecimal
    var available: Bool
  }

  /// Runs the timeline with a set of parameter values.
  func simulate(
    _ values: [FixedDecimal],
    months: inout [ScenarioResult.Month],
    recording: Bool
  ) throws -> RunOutcome {
    let n = startPrices.count
    let one = FixedDecimal(1)
    let million = FixedDecimal(1_000_000)
    let reporting = scenario.currency
    let rule = scenario.market.switching
    let switchCost = rule.cost
    let payback = rule.paybackMonths
    let elasticity = values[Self.elasticitySlot]
    let growth = try one + values[Self.growthSlot]
    let threshold = values[Self.thresholdSlot]
    let rate = values[Self.rateSlot]

    var price = startPrices
    var replayBase: [FixedDecimal?] = replay.map { $0.first ?? nil }
    var floor = [FixedDecimal?](repeating: nil, count: n)
    var free = [Int](repeating: 0, count: n)
    var available = startAvailable
    var share = startShares
    var follows = [(leaders: [Int], lag: Int, discount: FixedDecimal)?](repeating: nil, count: n)
    var history: [[Quote]] = []
    let keepsHistory = eventsByMonth.contains { events in
      events.contains { if case .follow = $0.kind { return true } else { return false } }
    }
    var convertedFrom = [FixedDecimal?](repeating: nil, count: n)
    let keep = try one - threshold
    var bound = [FixedDecimal](repeating: .zero, count: n)
    var boundFrom = [FixedDecimal?](repeating: nil, count: n)
    var stretchPrice = [FixedDecimal?](repeating: nil, count: n)
    var stretchCost = [FixedDecimal?](repeating: nil, count: n)
    var stretchVolume = [FixedDecimal](repeating: .zero, count: n)
    var reportingPrice = [FixedDecimal](repeating: .zero, count: n)
    var effective = [FixedDecimal](repeating: .zero, count: n)
    var pending = [FixedDecimal](repeating: .zero, count: n)
    var cheapest = [Int](repeating: -1, count: segments.count)
    var growthFactor = one
    var surgeFactor = one
    var startAverage = FixedDecimal.zero
    var buyer = buyerStart
    var switcher = buyerStart
    var startEffective = FixedDecimal.zero
    var outcome = RunOutcome()
    outcome.startPrices = [FixedDecimal?](repeating: nil, count: n)
    outcome.endPrices = outcome.startPrices
    outcome.revenues = [FixedDecimal](repeating: .zero, count: n)
    outcome.margins = marginalCosts.map { $0 == nil ? nil : .zero }
    outcome.floorMonths = [Int?](repeating: nil, count: n)
    outcome.exitMonths = outcome.floorMonths
    outcome.buyerBills.reserveCapacity(timeline.count)

    func toReporting(_ amount: FixedDecimal, _ index: Int, _ month: Int) throws -> FixedDecimal {
      try Self.convert(amount, from: currencies[index], to: reporting, cnyPerUSD: cnyPerUSD[month])
    }
    func fromReporting(_ amount: FixedDecimal, _ index: Int, _ month: Int) throws -> FixedDecimal {
      try Self.convert(amount, from: reporting, to: currencies[index], cnyPerUSD: cnyPerUSD[month])
    }
    func flush(_ index: Int) throws {
      guard let price = stretchPrice[index], !stretchVolume[index].isZero else { return }
      outcome.revenues[index] = try outcome.revenues[index] + (try stretchVolume[index] * price)
      if let cost = stretchCost[index] {
        let margin = try stretchVolume[index] * (try price - cost)
        outcome.margins[index] = try (outcome.margins[index] ?? .zero) + margin
      }
      stretchVolume[index] = .zero
    }
    func clamp(_ value: FixedDecimal, _ index: Int) -> FixedDecimal {
      if let minimum = floor[index], value < minimum { return minimum }
      return value
    }
    /// The cheapest offering in the market by reporting price, in a segment or any.
    func cheapestOffering(segment: Int?, month: Int) throws -> Int? {
      var best: Int?
      var bestPrice = FixedDecimal.zero
      for index in 0..<n where available[index] && (segment == nil || segments[index] == segment) {
        let quote = try toReporting(price[index], index, month)
        if best == nil || quote < bestPrice {
          best = index
          bestPrice = quote
        }
      }
      return best
    }
    func leave(_ index: Int, to targets: [Int], month: Int) throws {
      available[index] = false
      outcome.exitMonths[index] = month
      let moving = share[index]
      share[index] = .zero
      var destinations = targets.filter { available[$0] }
      if destinations.isEmpty {
        if let any =
          try cheapestOffering(segment: segments[index], month: month)
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
    func enter(_ index: Int, taking entryShare: FixedDecimal) throws {
      guard !available[index], servable[index] else { return }
      available[index] = true
      let keep = try one - entryShare
      for other in 0..<n where other != index { share[other] = try share[other] * keep }
      share[index] = entryShare
    }

    for month in 0..<timeline.count {
      // 1. The catalog's own price changes.
      for index in 0..<n where !replay[index].isEmpty {
        guard let catalogPrice = replay[index][month] else {
          if available[index] { try leave(index, to: [], month: month) }
          continue
        }
        if !available[index] { try enter(index, taking: entryShares[index]) }
        if let base = replayBase[index], base != catalogPrice {
          price[index] =
            price[index] == base || base.isZero
            ? catalogPrice : try (try price[index] * catalogPrice).divided(by: base)
        } else if replayBase[index] == nil {
          price[index] = catalogPrice
        }
        price[index] = clamp(price[index], index)
        replayBase[index] = catalogPrice
      }

      // 2. Events, in order.
      for event in eventsByMonth[month] {
        let index = event.offering
        let value = values[event.slot]
        switch event.kind {
        case .cut: price[index] = clamp(try price[index] * (try one - value), index)
        case .raise: price[index] = clamp(try price[index] * (try one + value), index)
        case .setPrice: price[index] = clamp(value, index)
        case .floor:
          floor[index] = value
          price[index] = clamp(price[index], index)
        case .freeTier(let tokens): free[index] = tokens
        case .enter: try enter(index, taking: value)
        case .exit(let targets): if available[index] { try leave(index, to: targets, month: month) }
        case .surge:
          guard available[index] else { break }
          let extra = try share[index] * value
          let total = try one + extra
          for other in 0..<n where other != index {
            share[other] = try share[other].divided(by: total)
          }
          share[index] = try (try share[index] + extra).divided(by: total)
          surgeFactor = try surgeFactor * total
        case .follow(let leaders):
          let lag = values[event.slot + 1].wholeNumber() ?? 0
          follows[index] = (leaders, lag, value)
        }
      }

      // 3. Followers match their leaders' earlier prices.
      for index in 0..<n where available[index] {
        guard let follow = follows[index] else { continue }
        let source = month - follow.lag
        var lowest: FixedDecimal?
        for leader in follow.leaders {
          let quote: Quote
          if source == month {
            quote = Quote(
              price: try toReporting(price[leader], leader, month),
              available: available[leader]
            )
          } else if source < 0 {
            quote = Quote(
              price: try toReporting(startPrices[leader], leader, 0),
              available: startAvailable[leader]
            )
          } else {
            quote = history[source][leader]
          }
          if quote.available, lowest.map({ quote.price < $0 }) ?? true { lowest = quote.price }
        }
        guard let lowest else { continue }
        let target = try fromReporting(try lowest * (try one - follow.discount), index, month)
        if target < price[index] { price[index] = clamp(target, index) }
      }

      // Prices as buyers see them; conversions only when a price or the rate moved.
      let tokens = buyerTokens[month]
      let rateMoved = month == 0 || cnyPerUSD[month] != cnyPerUSD[month - 1]
      var quotes: [Quote] = []
      if keepsHistory { quotes.reserveCapacity(n) }
      for index in 0..<n {
        if rateMoved || convertedFrom[index] != price[index] {
          reportingPrice[index] = try toReporting(price[index], index, month)
          convertedFrom[index] = price[index]
        }
        if keepsHistory {
          quotes.append(Quote(price: reportingPrice[index], available: available[index]))
        }
        if free[index] == 0 || tokens.isZero {
          effective[index] = reportingPrice[index]
        } else {
          let paid = max(.zero, try tokens - (try FixedDecimal(free[index]).divided(by: million)))
          effective[index] = try (try reportingPrice[index] * paid).divided(by: tokens)
        }
        if available[index] {
          if outcome.startPrices[index] == nil {
            outcome.startPrices[index] = reportingPrice[index]
          }
          outcome.endPrices[index] = reportingPrice[index]
          if let minimum = floor[index], price[index] == minimum, outcome.floorMonths[index] == nil
          {
            outcome.floorMonths[index] = month
          }
        }
      }
      if keepsHistory { history.append(quotes) }
      for segment in cheapest.indices { cheapest[segment] = -1 }
      for index in 0..<n where available[index] {
        let segment = segments[index]
        if cheapest[segment] < 0 || effective[index] < effective[cheapest[segment]] {
          cheapest[segment] = index
        }
      }
      // Whether a buyer on `from` gains enough by moving to `to`: saving ≥ threshold × bill,
      // that is `to ≤ from × (1 − threshold)`, and saving × tokens × payback ≥ cost. Both
      // are tested against bounds rounded toward the test (down, then up), which keeps them
      // exact while computing each bound once per price or month.
      let leastSaving =
        switchCost.isZero || tokens.isZero
        ? FixedDecimal.zero
        : try switchCost.divided(by: try tokens * payback, rounding: .up)
      func worthMoving(from: Int, to: Int) throws -> Bool {
        guard effective[to] < effective[from] else { return false }
        if boundFrom[from] != effective[from] {
          bound[from] = try effective[from].multiplied(by: keep, rounding: .down)
          boundFrom[from] = effective[from]
        }
        guard effective[to] <= bound[from] else { return false }
        if switchCost.isZero { return true }
        return try effective[from] - effective[to] >= leastSaving
      }

      // 4. Switching, from the second month on.
      if month > 0, !rate.isZero {
        for index in 0..<n where available[index] && !share[index].isZero {
          let target = cheapest[segments[index]]
          guard target != index, try worthMoving(from: index, to: target) else { continue }
          let moved = try share[index] * rate
          share[index] = try share[index] - moved
          pending[target] = try pending[target] + moved
        }
        for index in 0..<n where !pending[index].isZero {
          share[index] = try share[index] + pending[index]
          pending[index] = .zero
        }
      }

      // 5. Demand.
      var average = FixedDecimal.zero
      for index in 0..<n where available[index] && !share[index].isZero {
        average = try average + (try share[index] * effective[index])
      }
      if month == 0 {
        startAverage = average
      } else {
        growthFactor = try growthFactor * growth
      }
      var volume = try (try scenario.market.volume * growthFactor) * surgeFactor
      if !elasticity.isZero, !startAverage.isZero {
        let ratio = try average.divided(by: startAverage)
        volume = try volume * (try DemandCurve.factor(ratio: ratio, elasticity: elasticity))
      }

      // The buyer: the one who stays moves only when its offering leaves.
      var switched = false
      var forcedCost = FixedDecimal.zero
      for isSwitcher in [false, true] {
        var current = isSwitcher ? switcher : buyer
        if !available[current] {
          current =
            cheapest[segments[current]] >= 0
            ? cheapest[segments[current]]
            : (try cheapestOffering(segment: nil, month: month) ?? current)
          if isSwitcher {
            switched = true
          } else {
            forcedCost = switchCost
            outcome.notes.append(
              "\(timeline[month]): the buyer's offering left; it moved to \(scenario.offerings[current].id)"
            )
          }
        } else if isSwitcher, month > 0 {
          let target = cheapest[segments[current]]
          if target >= 0, target != current, try worthMoving(from: current, to: target) {
            current = target
            switched = true
          }
        }
        if isSwitcher { switcher = current } else { buyer = current }
      }
      if month == 0 { startEffective = effective[buyer] }
      // Bills are price × paid tokens, exactly; `effective` (the price spread over all
      // tokens) is rounded and serves comparisons only.
      func billOn(_ index: Int) throws -> FixedDecimal {
        guard free[index] > 0 else { return try reportingPrice[index] * tokens }
        let freeTokens = try FixedDecimal(free[index]).divided(by: million)
        return try reportingPrice[index] * max(.zero, try tokens - freeTokens)
      }
      let bill = try (try billOn(buyer)) + forcedCost
      let switchingBill = try (try billOn(switcher)) + (switched ? switchCost : .zero)
      let billAtStart = try startEffective * tokens
      outcome.buyerBills.append(bill)
      outcome.switchingBills.append(switchingBill)
      outcome.averagePrices.append(average)
      outcome.marketVolumes.append(volume)
      outcome.buyerBill = try outcome.buyerBill + bill
      outcome.switchingBill = try outcome.switchingBill + switchingBill
      outcome.billAtStartPrices = try outcome.billAtStartPrices + billAtStart

      // Volumes, revenue and margins.
      var rows: [ScenarioResult.OfferingMonth] = []
      if recording { rows.reserveCapacity(n) }
      for index in 0..<n {
        let served = available[index] ? try share[index] * volume : .zero
        // Totals are price × volume over each stretch of unchanged price and cost: one
        // multiplication a stretch, not two a month.
        let cost = reportingCosts[month][index]
        if effective[index] != stretchPrice[index] || cost != stretchCost[index] {
          try flush(index)
          stretchPrice[index] = effective[index]
          stretchCost[index] = cost
        }
        stretchVolume[index] = try stretchVolume[index] + served
        if recording {
          let revenue = try served * effective[index]
          let margin = try cost.map { try revenue - (try served * $0) }
          rows.append(
            ScenarioResult.OfferingMonth(
              offering: scenario.offerings[index].id,
              available: available[index],
              price: price[index],
              currency: currencies[index],
              reportingPrice: reportingPrice[index],
              atFloor: floor[index] == price[index],
              freeTokensPerMonth: free[index],
              volume: served,
              share: available[index] ? share[index] : .zero,
              revenue: try fromReporting(revenue, index, month),
              reportingRevenue: revenue,
              grossMargin: margin
            )
          )
        }
      }
      if month == 0 { outcome.startShares = share }
      if recording {
        months.append(
          ScenarioResult.Month(
            month: timeline[month],
            cnyPerUSD: cnyPerUSD[month],
            marketVolume: volume,
            averagePrice: average,
            offerings: rows,
            buyer: ScenarioResult.BuyerMonth(
              tokens: tokens,
              offering: scenario.offerings[buyer].id,
              bill: bill,
              switchingOffering: scenario.offerings[switcher].id,
              switchingBill: switchingBill,
              switched: switched
            )
          )
        )
      }
    }
    for index in 0..<n { try flush(index) }
    outcome.endShares = (0..<n).map { available[$0] ? share[$0] : .zero }
    return outcome
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
