import Foundation

/// A scenario made ready to run: catalog prices resolved for its workload, the exchange
/// rate and the buyer's tokens fixed for every month, events compiled.
///
/// ```swift
/// let simulation = try ScenarioSimulation(try ScenarioPreset.scenario("china-may-2024"))
/// let result = try simulation.run()
/// print(result.summary.cumulativeSaving)
/// ```
///
/// Each month, in order:
/// 1. Replaying offerings take the catalog's price change (in proportion, when an event
///    has moved their price); offerings the catalog does not sell that month leave.
/// 2. The month's events apply, in the scenario's order.
/// 3. Followers match their leaders' prices of `lag` months before, in offering order.
/// 4. From the second month on, buyers whose saving passes the ``SwitchingRule`` move:
///    the market's at its rate, the scenario's switching buyer whole.
/// 5. Demand follows the ``MarketModel``; volumes, revenue and margins follow shares.
///
/// Running is deterministic: the same scenario gives the same result on every platform.
public struct ScenarioSimulation: Sendable {
  /// The scenario.
  public let scenario: Scenario
  /// Things to know about the resolved inputs: exchange rates carried forward, partial
  /// months priced whole.
  public let notes: [String]
  /// The exchange rate each month used when the scenario converts with the catalog's
  /// rates (not its own path), with its age and whether it is assumed; empty otherwise.
  public let exchangeRates: [(month: YearMonth, legs: [AppliedRate])]

  let timeline: [YearMonth]
  let cnyPerUSD: [FixedDecimal]
  /// Each month's rate prepared for division (see ``ReciprocalDivisor``); `nil` where it
  /// is 18.4 or more.
  let rateDivisors: [ReciprocalDivisor?]
  /// The buyer's tokens each month, in millions.
  let buyerTokens: [FixedDecimal]
  /// Each month, the least saving per million tokens that pays the switching cost back
  /// within the payback months, rounded up.
  let leastSavings: [FixedDecimal]
  let currencies: [Currency]
  /// How each offering's prices become reporting-currency prices.
  let conversions: [Conversion]
  let segments: [Int]
  let startPrices: [FixedDecimal]
  /// The starting prices in the reporting currency, at the first month's rate.
  let startReportingPrices: [FixedDecimal]
  /// Per offering, the catalog's effective price each month; empty when not replaying.
  let replay: [[FixedDecimal?]]
  /// The offerings that replay the catalog.
  let replaying: [Int]
  /// Each replaying offering's catalog price in the first month.
  let replayStarts: [FixedDecimal?]
  /// Whether each offering has a marginal cost.
  let hasMarginalCost: [Bool]
  /// Each month's marginal costs in the reporting currency, `month × count + offering`;
  /// zero for offerings without one.
  let reportingCosts: [FixedDecimal]
  let startShares: [FixedDecimal]
  let startAvailable: [Bool]
  let entryShares: [FixedDecimal]
  /// Whether each offering can serve the workload at all (its context window holds it).
  let servable: [Bool]
  let buyerStart: Int
  /// The values uncertainties vary: see ``Slot``.
  let parameters: [FixedDecimal]
  let eventsByMonth: [[CompiledEvent]]
  /// Every follow event's leaders, one after another.
  let followedLeaders: [Int]
  /// The offerings, segment by segment; segment `s` is `segmentMembers[segmentRanges[s]]`.
  let segmentMembers: [Int]
  let segmentRanges: [Range<Int>]
  /// Whether any event follows: only then does a run keep the prices of past months.
  let hasFollowers: Bool
  /// Per month, a number that changes exactly when the exchange rate does, so a run can
  /// tell whether a converted price is still current by comparing two integers.
  let rateEpochs: [Int]
  let uncertain: [Slot]

  /// Where a varying value lives in ``parameters``.
  struct Slot: Sendable {
    var index: Int
    var low: FixedDecimal
    var high: FixedDecimal
    var isWholeNumber: Bool
    var parameter: String
  }

  /// How an amount in an offering's currency becomes one in the reporting currency.
  enum Conversion: Sendable {
    /// The same currency.
    case none
    /// Dollars into yuan: times the yuan-per-dollar rate.
    case multiply
    /// Yuan into dollars: divided by the rate.
    case divide
  }

  static let elasticitySlot = 0
  static let growthSlot = 1
  static let thresholdSlot = 2
  static let rateSlot = 3
  /// An event's value (fraction, price, share or discount) is at `4 + 2i`, a follow
  /// event's lag at `5 + 2i`.
  static func valueSlot(ofEvent index: Int) -> Int { 4 + 2 * index }

  enum Kind: Sendable {
    case cut, raise, setPrice, floor, surge, enter
    case freeTier(Int)
    case exit([Int])
    /// The leaders, as a range of ``followedLeaders``: a flat list keeps a run's inner
    /// loop free of nested arrays.
    /// `wholeSegment` when the leaders are every other offering of the follower's segment.
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
  ///   - rates: The exchange rates for months without a rate in the scenario; fixings
  ///     are carried forward past the table's end, with a note.
  /// - Throws: ``PricingError/Code/invalidScenario`` for a scenario that breaks a rule;
  ///   ``PricingError/Code/unknownModel`` for a catalog offering that does not exist; the
  ///   projection's errors for a workload a catalog offering cannot serve.
  public init(
    _ scenario: Scenario,
    catalog: Catalog = .builtIn,
    rates: ExchangeRates = .centralParity
  ) throws {
    try scenario.validate()
    self.scenario = scenario
    var notes: [String] = []
    let timeline = try scenario.timeline()
    self.timeline = timeline
    let offerings = scenario.offerings
    let n = offerings.count

    // The catalog offerings and their currencies.
    var resolved: [Offering?] = []
    for (index, offering) in offerings.enumerated() {
      guard let reference = offering.catalog else {
        resolved.append(nil)
        continue
      }
      do {
        resolved.append(try Self.catalogOffering(reference, in: catalog))
      } catch let error as PricingError {
        throw PricingError(error.code, "offerings[\(index)].catalog: \(error.message)")
      }
    }
    currencies = zip(offerings, resolved).map { $0.currency ?? $1?.currency ?? .usd }
    for (index, currency) in currencies.enumerated() where ![.cny, .usd].contains(currency) {
      throw PricingError(
        .invalidScenario,
        "offerings[\(index)]: \(offerings[index].id) is priced in \(currency); scenarios "
          + "convert between CNY and USD only"
      )
    }

    var legs: [[AppliedRate]] = []
    cnyPerUSD = try Self.exchangeRates(
      scenario: scenario,
      timeline: timeline,
      rates: rates,
      needed: currencies.contains { $0 != scenario.currency },
      notes: &notes,
      legs: &legs
    )
    exchangeRates =
      currencies.contains { $0 != scenario.currency }
      ? zip(timeline, legs).filter { !$0.1.isEmpty }.map { (month: $0.0, legs: $0.1) } : []
    rateDivisors = cnyPerUSD.map { ReciprocalDivisor($0) }
    let buyerTokens = try timeline.enumerated().map { index, month in
      let volume = try MonthlyProjection.volume(of: scenario.workload, in: month, monthIndex: index)
      return try (try volume.input + volume.output).divided(by: FixedDecimal(1_000_000))
    }
    self.buyerTokens = buyerTokens
    let rule = scenario.market.switching
    leastSavings = try buyerTokens.map { tokens in
      rule.cost.isZero || tokens.isZero
        ? .zero : try rule.cost.divided(by: try tokens * rule.paybackMonths, rounding: .up)
    }

    // Starting prices and replays.
    var startPrices: [FixedDecimal] = []
    var replay: [[FixedDecimal?]] = []
    var startAvailable: [Bool] = []
    var servable: [Bool] = []
    let entering = Set(
      scenario.events.compactMap { event -> String? in
        if case .enter = event.action { return event.offering }
        return nil
      }
    )
    for index in 0..<n {
      let offering = offerings[index]
      var path: [FixedDecimal?] = []
      if let catalogOffering = resolved[index], offering.replaysCatalog || offering.price == nil {
        let months = offering.replaysCatalog ? timeline : [timeline[0]]
        do {
          for month in months {
            path.append(
              try Self.effectivePrice(
                of: scenario.workload,
                on: catalogOffering,
                in: month,
                notes: &notes
              )
            )
          }
        } catch let error as PricingError where error.code == .contextWindowExceeded {
          // A model that cannot hold the workload's requests is out of this market, not
          // an error in the scenario: a coding workload rules out 8K models.
          notes.append("\(offering.id) is left out: \(error.message)")
          startPrices.append(.zero)
          replay.append(
            offering.replaysCatalog ? [FixedDecimal?](repeating: nil, count: timeline.count) : []
          )
          startAvailable.append(false)
          servable.append(false)
          continue
        } catch let error as PricingError {
          throw PricingError(error.code, "offerings[\(index)] (\(offering.id)): \(error.message)")
        }
      }
      let first = offering.price ?? path.first ?? nil
      guard let first = first ?? path.compactMap({ $0 }).first else {
        throw PricingError(
          .invalidScenario,
          "offerings[\(index)] (\(offering.id)): the catalog has no price for it in any month "
            + "of the scenario; give a price, or start the scenario when it is sold"
        )
      }
      startPrices.append(first)
      replay.append(offering.replaysCatalog ? path : [])
      startAvailable.append(
        offering.replaysCatalog ? path[0] != nil : !entering.contains(offering.id)
      )
      servable.append(true)
    }
    self.startPrices = startPrices
    var conversions: [Conversion] = []
    var startReportingPrices: [FixedDecimal] = []
    for (index, currency) in currencies.enumerated() {
      conversions.append(
        currency == scenario.currency ? .none : currency == .usd ? .multiply : .divide
      )
      startReportingPrices.append(
        try Self.convert(
          startPrices[index],
          from: currency,
          to: scenario.currency,
          cnyPerUSD: cnyPerUSD[0]
        )
      )
    }
    self.conversions = conversions
    self.startReportingPrices = startReportingPrices
    self.replay = replay
    replaying = replay.indices.filter { !replay[$0].isEmpty }
    replayStarts = replay.map { $0.first ?? nil }
    self.startAvailable = startAvailable
    self.servable = servable
    hasMarginalCost = offerings.map { $0.marginalCost != nil }
    var reportingCosts: [FixedDecimal] = []
    for month in timeline.indices {
      for (index, offering) in offerings.enumerated() {
        guard let cost = offering.marginalCost else {
          reportingCosts.append(.zero)
          continue
        }
        reportingCosts.append(
          try Self.convert(
            cost,
            from: currencies[index],
            to: scenario.currency,
            cnyPerUSD: cnyPerUSD[month]
          )
        )
      }
    }
    self.reportingCosts = reportingCosts
    entryShares = offerings.map { $0.share ?? .zero }
    var segmentIndex: [String: Int] = [:]
    var segments: [Int] = []
    for offering in offerings {
      if segmentIndex[offering.segment] == nil {
        segmentIndex[offering.segment] = segmentIndex.count
      }
      segments.append(segmentIndex[offering.segment] ?? 0)
    }
    self.segments = segments
    var segmentMembers: [Int] = []
    var segmentRanges: [Range<Int>] = []
    for segment in 0..<segmentIndex.count {
      let first = segmentMembers.count
      segmentMembers += segments.indices.filter { segments[$0] == segment }
      segmentRanges.append(first..<segmentMembers.count)
    }
    self.segmentMembers = segmentMembers
    self.segmentRanges = segmentRanges
    startShares = try Self.startShares(offerings, available: startAvailable)
    guard startAvailable.contains(true) else {
      throw PricingError(
        .invalidScenario,
        "no offering is in the market in \(timeline[0]); start the scenario later, or add one"
      )
    }
    if let buyer = scenario.buyerOffering, let index = scenario.offeringIndex(buyer) {
      guard servable[index] else {
        throw PricingError(
          .contextWindowExceeded,
          "buyerOffering: \(buyer) cannot serve the workload '\(scenario.workload.name)': "
            + "its requests do not fit the model's context window; pick another workload or offering"
        )
      }
      guard startAvailable[index] else {
        throw PricingError(
          .invalidScenario,
          "buyerOffering: \(buyer) is not in the market in \(timeline[0]); pick one that is"
        )
      }
      buyerStart = index
    } else {
      buyerStart = startAvailable.firstIndex(of: true) ?? 0
    }

    // Parameters and events.
    var parameters = [
      scenario.market.elasticity, scenario.market.growth, scenario.market.switching.threshold,
      scenario.market.switching.rate,
    ]
    var eventsByMonth = [[CompiledEvent]](repeating: [], count: timeline.count)
    var followedLeaders: [Int] = []
    for (index, event) in scenario.events.enumerated() {
      let own = scenario.offeringIndex(event.offering) ?? 0
      let ids = { (list: [String]) in list.compactMap { scenario.offeringIndex($0) } }
      let value: FixedDecimal
      var lag = 0
      let kind: Kind
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
          ? (0..<n).filter { $0 != own && segments[$0] == segments[own] } : ids(leaders)
        let first = followedLeaders.count
        followedLeaders += chosen
        (kind, value, lag) = (
          .follow(first..<followedLeaders.count, wholeSegment: leaders.isEmpty), discount, months
        )
      }
      parameters += [value, FixedDecimal(lag)]
      let monthIndex = timeline.firstIndex(of: event.month) ?? 0
      eventsByMonth[monthIndex].append(
        CompiledEvent(offering: own, kind: kind, slot: Self.valueSlot(ofEvent: index))
      )
    }
    self.parameters = parameters
    self.eventsByMonth = eventsByMonth
    self.followedLeaders = followedLeaders
    hasFollowers = scenario.events.contains {
      if case .follow = $0.action { return true } else { return false }
    }
    var rateEpochs: [Int] = []
    for month in timeline.indices {
      let moved = month > 0 && cnyPerUSD[month] != cnyPerUSD[month - 1]
      rateEpochs.append(month == 0 ? 0 : rateEpochs[month - 1] + (moved ? 1 : 0))
    }
    self.rateEpochs = rateEpochs
    uncertain = try scenario.uncertainties.map { uncertainty in
      let slot = try Self.slot(of: uncertainty.parameter, in: scenario)
      return Slot(
        index: slot,
        low: uncertainty.low,
        high: uncertainty.high,
        isWholeNumber: slot >= 4 && slot % 2 == 1,
        parameter: uncertainty.parameter
      )
    }
    self.notes = notes
  }

  /// The slot of a parameter path.
  static func slot(of parameter: String, in scenario: Scenario) throws -> Int {
    switch parameter {
    case "market.elasticity": return elasticitySlot
    case "market.growth": return growthSlot
    case "market.switching.threshold": return thresholdSlot
    case "market.switching.rate": return rateSlot
    default:
      // `setting` has checked the path; find the event it names.
      _ = try scenario.setting(parameter, to: .zero)
      let close = parameter.firstIndex(of: "]") ?? parameter.endIndex
      let reference = parameter[parameter.index(parameter.startIndex, offsetBy: 7)..<close]
      let index = scenario.eventIndex(reference) ?? 0
      return valueSlot(ofEvent: index) + (parameter.hasSuffix(".lag") ? 1 : 0)
    }
  }

  /// Runs the scenario once, with its own values.
  ///
  /// - Returns: The timeline and its summary.
  /// - Throws: ``PricingError/Code/overflow`` when volumes or amounts leave the
  ///   representable range.
  public func run() throws -> ScenarioResult {
    try record(parameters)
  }

  /// Runs the scenario with some parameters set: `["market.elasticity": -2]`.
  ///
  /// - Parameter values: Values by parameter path (see ``Uncertainty``).
  /// - Returns: The timeline and its summary.
  /// - Throws: ``PricingError/Code/invalidScenario`` for an unknown path or a value that
  ///   breaks a rule; the errors of ``run()``.
  public func run(setting values: [String: FixedDecimal]) throws -> ScenarioResult {
    var parameters = parameters
    var changed = scenario
    for (path, value) in values.sorted(by: { $0.key < $1.key }) {
      changed = try changed.setting(path, to: value)
      parameters[try Self.slot(of: path, in: scenario)] = value
    }
    try changed.validate()
    return try record(parameters)
  }
}
