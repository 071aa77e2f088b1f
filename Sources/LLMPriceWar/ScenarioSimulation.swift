import Foundation
import LLMPricing

/// A scenario made ready to run: catalog prices resolved for its workload, exchange rates
/// and the buyer's tokens fixed for every month, events compiled.
///
/// ```swift
/// let simulation = try ScenarioSimulation(try ScenarioPreset.scenario("china-may-2024"))
/// let result = try simulation.run()
/// print(result.summary.cumulativeSaving)
/// ```
///
/// Each month, in order:
/// 1. Catalog offerings take the catalog's price for the month (replaying ones follow it
///    in proportion when an event has moved their price); an offering joins the market in
///    the month the catalog starts selling it and leaves when it stops.
/// 2. The month's events apply, in the scenario's order.
/// 3. Followers match their leaders' prices of `lag` months before, in offering order.
/// 4. From the second month on, buyers whose saving passes the ``SwitchingRule`` move:
///    the market's at its rate, the scenario's switching buyer whole.
/// 5. Demand follows the ``MarketModel``; volumes, revenue and margins follow shares.
///
/// The market is a statistical model of guessed elasticities and switching rates, so it
/// runs in `Double`, with its own logarithm and exponential (see ``MarketModel``): a run
/// gives the same bits on every platform. Its figures become exact decimals once, in the
/// result, rounded half to even: amounts to 4 decimal places, prices, shares and volumes
/// to 6. A buyer's bill in a month when its offering's price is the catalog's own is not
/// modelled at all: it is the catalog's exact monthly cost for the workload, converted
/// exactly.
public struct ScenarioSimulation: Sendable {
  /// The scenario.
  public let scenario: Scenario
  /// Things to know about the resolved inputs: exchange rates carried forward, partial
  /// months priced whole, offerings left out.
  public let notes: [String]
  /// The exchange rates each month converted with, for the months that convert.
  public let exchangeRates: [(month: YearMonth, legs: [AppliedRate])]

  let timeline: [YearMonth]
  let count: Int
  let currencies: [Currency]
  let segments: [Int]
  let segmentCount: Int
  /// The offerings, segment by segment: segment `s` is `segmentMembers[segmentRanges[s]]`.
  let segmentMembers: [Int]
  let segmentRanges: [Range<Int>]
  /// Yuan per US dollar each month, when the rates have it.
  let cnyPerUSD: [FixedDecimal?]
  /// Reporting currency per unit of each offering's currency, `month × count + offering`.
  let toReporting: [Double]
  /// `1 ÷ toReporting`: units of each offering's currency per unit of the reporting one.
  let fromReporting: [Double]
  /// The buyer's tokens each month, in millions.
  let tokens: [Double]
  let exactTokens: [FixedDecimal]
  /// Each month, the least saving per million tokens that pays the switching cost back.
  let leastSavings: [Double]
  /// The catalog's effective price of each offering in its own currency, `month × count +
  /// offering`; NaN when not sold, or not priced from the catalog.
  let catalogPrices: [Double]
  /// The offerings priced from the catalog.
  let catalogPriced: [Int]
  /// Every follow event's leaders, one list after another.
  let followedLeaders: [Int]
  /// Per offering and month, the catalog's exact bill for the buyer's workload in the
  /// reporting currency, `month × count + offering`.
  let catalogBills: [FixedDecimal?]
  let replays: [Bool]
  let givenPrices: [Double?]
  /// Marginal cost in the reporting currency, `month × count + offering`; NaN without.
  let marginalCosts: [Double]
  /// The market's starting volume, million tokens a month.
  let marketVolume: Double
  let startShares: [Double]
  let entryShares: [Double]
  let startAvailable: [Bool]
  let servable: [Bool]
  let buyerStart: Int
  /// The scenario's own parameter values: see ``Slot``.
  let parameters: [Double]
  let eventsByMonth: [[CompiledEvent]]
  let hasFollowers: Bool
  let uncertain: [Slot]

  /// Where a varying value lives in ``parameters``.
  struct Slot: Sendable {
    var index: Int
    var low: FixedDecimal
    var high: FixedDecimal
    /// `low...high` as the model's numbers.
    var range: ClosedRange<Double>
    var isWholeNumber: Bool
    var parameter: ScenarioParameter
  }

  static let elasticitySlot = 0
  static let growthSlot = 1
  static let thresholdSlot = 2
  static let rateSlot = 3
  /// An event's number (fraction, price, share or discount) is at `4 + 2i`, a follow
  /// event's lag at `5 + 2i`.
  static func valueSlot(ofEvent index: Int) -> Int { 4 + 2 * index }

  enum Kind: Sendable {
    case cut, raise, setPrice, floor, surge, enter
    case freeTier(Int)
    case exit([Int])
    /// The leaders, as a range of ``followedLeaders``; `wholeSegment` when they are every
    /// other offering of the follower's segment.
    case follow(Range<Int>, wholeSegment: Bool)
  }

  struct CompiledEvent: Sendable {
    var offering: Int
    var kind: Kind
    var slot: Int
  }

  /// Resolves a scenario against a catalog and exchange rates.
  ///
  /// - Parameters:
  ///   - scenario: The scenario.
  ///   - catalog: The catalog its offerings refer to; the built-in one by default.
  ///   - rates: The exchange rates for offerings priced in another currency than the
  ///     report; the scenario's own `exchangeRates` points lie over them.
  /// - Throws: ``ScenarioError/Code/invalidScenario`` for a scenario that breaks a rule;
  ///   `PricingError` for an unknown catalog offering (with the closest ids),
  ///   a missing exchange rate, or a workload a buyer's offering cannot serve.
  public init(
    _ scenario: Scenario,
    catalog: Catalog = .builtIn,
    rates: ExchangeRates = .centralParity
  ) throws {
    try scenario.validate()
    self.scenario = scenario
    let timeline = try scenario.timeline()
    self.timeline = timeline
    let offerings = scenario.offerings
    let count = offerings.count
    self.count = count
    var notes: [String] = []

    var resolved: [Offering?] = []
    for (index, offering) in offerings.enumerated() {
      do {
        resolved.append(try offering.catalog.map { try catalog.offering(id: $0) })
      } catch let error as PricingError {
        throw PricingError(error.code, "offerings[\(index)].catalog: \(error.message)")
      }
    }
    currencies = zip(offerings, resolved).map { $0.currency ?? $1?.currency ?? scenario.currency }
    let rates = try Self.rates(rates, scenario.exchangeRates, start: timeline[0])
    let fx = try ExchangeConversion(
      timeline: timeline,
      currencies: currencies,
      reporting: scenario.currency,
      rates: rates
    )
    notes += fx.notes
    exchangeRates = fx.applied
    toReporting = fx.factors
    fromReporting = fx.factors.map { 1 / $0 }
    cnyPerUSD = timeline.map { month in
      (try? rates.convert(Money(1, .usd), to: .cny, at: month.middle.startInUTC))?.converted.amount
    }

    let volumes = try timeline.indices.map { index in
      try MonthlyProjection.volume(of: scenario.workload, in: timeline[index], monthIndex: index)
    }
    exactTokens = try volumes.map {
      try (try $0.input + $0.output).divided(by: FixedDecimal(1_000_000))
    }
    tokens = exactTokens.map(\.double)
    let rule = scenario.market.switching
    leastSavings = tokens.map { tokens in
      rule.cost.isZero || tokens == 0
        ? 0 : rule.cost.double / (tokens * Double(rule.paybackMonths))
    }

    // Catalog prices, month by month, and the exact bills they give the buyer.
    var catalogPrices = [Double](repeating: .nan, count: timeline.count * count)
    var catalogPriced: [Int] = []
    var catalogBills = [FixedDecimal?](repeating: nil, count: timeline.count * count)
    var servable: [Bool] = []
    for index in 0..<count {
      guard let offering = resolved[index], offerings[index].price == nil else {
        servable.append(true)
        continue
      }
      var path: [Double?] = []
      do {
        for (month, yearMonth) in timeline.enumerated() {
          guard
            let cost = try Self.catalogCost(
              scenario.workload,
              offering,
              yearMonth,
              month,
              &notes
            )
          else {
            path.append(nil)
            continue
          }
          let tokens = try cost.inputTokens + cost.outputTokens
          path.append(tokens.isZero ? 0 : cost.total.amount.double * 1e6 / tokens.double)
          catalogBills[month * count + index] =
            try fx.convert(cost.total, at: yearMonth).converted.amount
        }
        servable.append(true)
      } catch let error as PricingError where error.code == .contextWindowExceeded {
        // A model that cannot hold the workload's requests is out of this market, not an
        // error in the scenario: a coding workload rules out 8K models.
        notes.append("\(offerings[index].id) is left out: \(error.message)")
        path = Array(repeating: nil, count: timeline.count)
        servable.append(false)
      } catch let error as PricingError {
        throw PricingError(
          error.code,
          "offerings[\(index)] (\(offerings[index].id)): \(error.message)"
        )
      }
      if servable[index], !path.contains(where: { $0 != nil }) {
        // Retired before the scenario starts, or launched after it ends: out of this
        // market, as a re-based preset's retired models are.
        let retired = offering.schedule.retiredAt.map { " (retired \(CalendarDay(utcDateOf: $0)))" }
        notes.append(
          "\(offerings[index].id) is left out: the catalog sells it in no month of the "
            + "scenario\(retired ?? ""); give it a price to keep it in"
        )
        servable[index] = false
      }
      for (month, price) in path.enumerated() {
        catalogPrices[month * count + index] = price ?? .nan
      }
      catalogPriced.append(index)
    }
    self.catalogPrices = catalogPrices
    self.catalogPriced = catalogPriced
    self.catalogBills = catalogBills
    self.servable = servable
    replays = offerings.map(\.replaysCatalog)
    givenPrices = offerings.map { $0.price?.double }
    marginalCosts = timeline.indices.flatMap { month in
      offerings.indices.map { index in
        offerings[index].marginalCost.map { $0.double * fx.factors[month * count + index] } ?? .nan
      }
    }

    let entering = Set(
      scenario.events.compactMap { event -> String? in
        if case .enter = event.action { return event.offering }
        return nil
      }
    )
    let startAvailable = offerings.indices.map { index in
      catalogPriced.contains(index)
        ? !catalogPrices[index].isNaN : !entering.contains(offerings[index].id)
    }
    self.startAvailable = startAvailable
    guard startAvailable.contains(true) else {
      throw ScenarioError.invalid(
        "no offering is in the market in \(timeline[0]); start the scenario later, or add one"
      )
    }
    startShares = Self.startShares(offerings, available: startAvailable)
    marketVolume = scenario.market.volume.double
    entryShares = offerings.map { $0.share?.double ?? 0 }
    var segmentIndex: [String: Int] = [:]
    let segments = offerings.map { offering in
      if let known = segmentIndex[offering.segment] { return known }
      segmentIndex[offering.segment] = segmentIndex.count
      return segmentIndex.count - 1
    }
    self.segments = segments
    segmentCount = segmentIndex.count
    var segmentMembers: [Int] = []
    var segmentRanges: [Range<Int>] = []
    for segment in 0..<segmentCount {
      let first = segmentMembers.count
      segmentMembers += segments.indices.filter { segments[$0] == segment }
      segmentRanges.append(first..<segmentMembers.count)
    }
    self.segmentMembers = segmentMembers
    self.segmentRanges = segmentRanges

    if let buyer = scenario.buyerOffering, let index = scenario.offeringIndex(buyer) {
      guard servable[index] else {
        let reason = notes.last { $0.hasPrefix("\(buyer) is left out: ") } ?? "it is left out"
        throw ScenarioError.invalid(
          "buyerOffering: \(buyer) cannot be the buyer's offering: "
            + reason.dropFirst(buyer.count + 1) + "; pick another offering or workload"
        )
      }
      guard startAvailable[index] else {
        throw ScenarioError.invalid(
          "buyerOffering: \(buyer) is not in the market in \(timeline[0]); pick one that is"
        )
      }
      buyerStart = index
    } else {
      buyerStart = startAvailable.firstIndex(of: true) ?? 0
    }

    var parameters = [
      scenario.market.elasticity.double, scenario.market.growth.double,
      scenario.market.switching.threshold.double, scenario.market.switching.rate.double,
    ]
    var eventsByMonth = [[CompiledEvent]](repeating: [], count: timeline.count)
    var followedLeaders: [Int] = []
    for (index, event) in scenario.events.enumerated() {
      let own = scenario.offeringIndex(event.offering) ?? 0
      let ids = { (list: [String]) in list.compactMap { scenario.offeringIndex($0) } }
      var lag = 0
      let (kind, value): (Kind, FixedDecimal)
      switch event.action {
      case .cut(let fraction): (kind, value) = (.cut, fraction)
      case .raise(let fraction): (kind, value) = (.raise, fraction)
      case .surge(let fraction): (kind, value) = (.surge, fraction)
      case .setPrice(let price): (kind, value) = (.setPrice, price)
      case .floor(let price): (kind, value) = (.floor, price)
      case .enter(let share): (kind, value) = (.enter, share)
      case .freeTier(let tokens): (kind, value) = (.freeTier(tokens), .zero)
      case .exit(let targets): (kind, value) = (.exit(ids(targets)), .zero)
      case .follow(let leaders, let months, let discount):
        let chosen =
          leaders.isEmpty
          ? (0..<count).filter { $0 != own && segments[$0] == segments[own] } : ids(leaders)
        (kind, value, lag) = (
          .follow(
            followedLeaders.count..<followedLeaders.count + chosen.count,
            wholeSegment: leaders.isEmpty
          ), discount, months
        )
        followedLeaders += chosen
      }
      parameters += [value.double, Double(lag)]
      if !servable[own] {
        notes.append(
          "events[\(index)] (\(event.action.name), \(event.month)) acts on \(event.offering), "
            + "which is left out: it changes nothing"
        )
      }
      let month = timeline.firstIndex(of: event.month) ?? 0
      eventsByMonth[month].append(
        CompiledEvent(offering: own, kind: kind, slot: Self.valueSlot(ofEvent: index))
      )
    }
    self.parameters = parameters
    self.eventsByMonth = eventsByMonth
    self.followedLeaders = followedLeaders
    hasFollowers = eventsByMonth.joined().contains {
      if case .follow = $0.kind { return true } else { return false }
    }
    uncertain = try scenario.uncertainties.map { uncertainty in
      let slot = try Self.slot(of: uncertainty.parameter, in: scenario)
      return Slot(
        index: slot,
        low: uncertainty.low,
        high: uncertainty.high,
        range: uncertainty.low.double...uncertainty.high.double,
        isWholeNumber: slot >= 4 && slot % 2 == 1,
        parameter: uncertainty.parameter
      )
    }
    self.notes = notes
  }

  /// The slot of a parameter.
  static func slot(of parameter: ScenarioParameter, in scenario: Scenario) throws -> Int {
    switch parameter {
    case .elasticity: return elasticitySlot
    case .growth: return growthSlot
    case .switchingThreshold: return thresholdSlot
    case .switchingRate: return rateSlot
    case .event(let reference, let field):
      // `setting` checks that the event has the field.
      _ = try scenario.setting(parameter, to: .zero)
      let index = scenario.eventIndex(reference) ?? 0
      return valueSlot(ofEvent: index) + (field == .lag ? 1 : 0)
    }
  }

  /// Runs the scenario once, with its own values.
  ///
  /// - Returns: The timeline and its summary.
  /// - Throws: ``ScenarioError/Code/outOfRange`` when a modelled figure is beyond what an
  ///   exact amount holds.
  public func run() throws -> ScenarioResult {
    try record(parameters)
  }

  /// Runs the scenario with some parameters set: `[.elasticity: -2]`.
  ///
  /// - Parameter values: Values by parameter.
  /// - Returns: The timeline and its summary.
  /// - Throws: ``ScenarioError/Code/invalidScenario`` for a parameter the scenario does
  ///   not have or a value that breaks a rule; the errors of ``run()``.
  public func run(setting values: [ScenarioParameter: FixedDecimal]) throws -> ScenarioResult {
    var parameters = parameters
    var changed = scenario
    for (parameter, value) in values.sorted(by: { $0.key.description < $1.key.description }) {
      changed = try changed.setting(parameter, to: value)
      parameters[try Self.slot(of: parameter, in: scenario)] = value.double
    }
    try changed.validate()
    return try record(parameters)
  }

  /// Runs the timeline with a set of parameter values and keeps every month.
  func record(_ values: [Double]) throws -> ScenarioResult {
    var market = Market(self)
    market.reset(values)
    var months: [ScenarioResult.Month] = []
    for month in timeline.indices {
      market.advance(month)
      months.append(try market.recordedMonth(month))
    }
    return try ScenarioResult(market, months: months)
  }

  /// The exchange rates: the caller's, with the scenario's own points laid over them.
  private static func rates(
    _ rates: ExchangeRates,
    _ points: [ExchangeRatePoint],
    start: YearMonth
  ) throws -> ExchangeRates {
    guard let first = points.first else { return rates }
    guard first.from <= start else {
      throw ScenarioError.invalid(
        "exchangeRates: the first point is from \(first.from), after the scenario starts in "
          + "\(start); start the path at or before it"
      )
    }
    return rates.overriding(
      with: try points.map {
        try ExchangeRate(
          base: .usd,
          quote: .cny,
          rate: $0.cnyPerUSD,
          asOf: $0.from.days[0].startInUTC,
          source: "the scenario's exchangeRates"
        )
      }
    )
  }

  /// The catalog's cost of the workload in a month, or `nil` when it is not sold then.
  ///
  /// A month it is sold only part of is priced whole at the prices of that part, with a note.
  private static func catalogCost(
    _ workload: WorkloadProfile,
    _ offering: Offering,
    _ month: YearMonth,
    _ index: Int,
    _ notes: inout [String]
  ) throws -> MonthlyCost? {
    func cost(_ offering: Offering) throws -> MonthlyCost {
      try MonthlyProjection.cost(
        of: workload,
        on: offering,
        in: month,
        monthIndex: index,
        currency: nil,
        rates: .centralParity,
        calendars: HolidayCalendar.builtIn
      )
    }
    let result: MonthlyCost
    do {
      result = try cost(offering)
    } catch let error as PricingError where error.code == .noPriceInEffect {
      guard let whole = try wholeMonth(offering, month) else { return nil }
      result = try cost(whole)
      notes.append("\(offering.id) is sold for part of \(month) only; that month is priced whole")
    }
    for note in result.provisionalYears.map(\.note) where !notes.contains(note) {
      notes.append(note)
    }
    return result
  }

  /// The offering with its launch moved back to the start of the month, or its retirement
  /// to the month's end, when it is sold in part of the month; `nil` when not at all.
  private static func wholeMonth(_ offering: Offering, _ month: YearMonth) throws -> Offering? {
    let schedule = offering.schedule
    // A day either side covers any time zone's month.
    let start = month.days[0].adding(days: -1).startInUTC
    let end = try month.adding(months: 1).days[0].adding(days: 1).startInUTC
    guard let first = schedule.entries.first, first.effectiveFrom < end else { return nil }
    if let retired = schedule.retiredAt, retired <= start { return nil }
    var entries = schedule.entries
    if first.effectiveFrom > start { entries[0].effectiveFrom = start }
    let retiredAt = schedule.retiredAt.flatMap { $0 < end ? nil : $0 }
    var whole = offering
    whole.schedule = try PriceSchedule(entries: entries, retiredAt: retiredAt)
    return whole
  }

  /// The given shares of the offerings in the market at the start; the rest split
  /// equally among those without one, or, when every offering there has a share (others
  /// join later with theirs), the given shares scaled to add up to 1.
  static func startShares(_ offerings: [ScenarioOffering], available: [Bool]) -> [Double] {
    var shares = [Double](repeating: 0, count: offerings.count)
    var open: [Int] = []
    for (index, offering) in offerings.enumerated() where available[index] {
      if let share = offering.share { shares[index] = share.double } else { open.append(index) }
    }
    let given = shares.reduce(0, +)
    if open.isEmpty {
      return given > 0 ? shares.map { $0 / given } : shares
    }
    for index in open { shares[index] = max(0, 1 - given) / Double(open.count) }
    return shares
  }
}
