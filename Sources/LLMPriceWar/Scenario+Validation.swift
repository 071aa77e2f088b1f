import Foundation
import LLMPricing

extension Scenario {
  /// The most tokens a free tier can give a buyer in a month.
  static let maximumFreeTokens = 1_000_000_000_000_000

  /// Checks every rule a scenario must keep, naming the path of the first bad value and
  /// what to do about it.
  ///
  /// - Throws: ``ScenarioError/Code/invalidScenario``: negative prices, cuts above 100%,
  ///   lags beyond the horizon, elasticity of the wrong sign, shares that do not add up,
  ///   unknown offerings in events, events outside the horizon, uncertain parameters that
  ///   do not exist or whose range breaks the same rules.
  public func validate() throws {
    try validateStructure()
    for (index, uncertainty) in uncertainties.enumerated() {
      let path = "uncertainties[\(index)]"
      guard uncertainty.low <= uncertainty.high else {
        throw ScenarioError.invalid(
          "\(path): low \(uncertainty.low) is above high \(uncertainty.high); swap them"
        )
      }
      // A range is valid when both ends make a valid scenario.
      for end in [uncertainty.low, uncertainty.high] {
        do {
          try setting(uncertainty.parameter, to: end).validateStructure()
        } catch let error as ScenarioError {
          throw ScenarioError.invalid(
            "\(path) (\(uncertainty.parameter) = \(end)): \(error.message)"
          )
        }
      }
    }
  }

  /// The scenario with one parameter set to a value.
  ///
  /// - Parameters:
  ///   - parameter: The parameter.
  ///   - value: The value; whole months for a lag.
  /// - Returns: The changed scenario (not validated).
  /// - Throws: ``ScenarioError/Code/invalidScenario`` when the parameter names no event, or
  ///   a number the event does not have.
  public func setting(_ parameter: ScenarioParameter, to value: FixedDecimal) throws -> Scenario {
    var copy = self
    switch parameter {
    case .elasticity: copy.market.elasticity = value
    case .growth: copy.market.growth = value
    case .switchingThreshold: copy.market.switching.threshold = value
    case .switchingRate: copy.market.switching.rate = value
    case .event(let reference, let field):
      guard let index = eventIndex(reference) else {
        throw ScenarioError.invalid(
          "'\(parameter)' names no event: there are \(events.count), numbered from 0, and "
            + "the ids are \(events.compactMap(\.id).joined(separator: ", "))"
        )
      }
      let action = events[index].action
      let changed: ScenarioEvent.Action? =
        switch (action, field) {
        case (.cut, .fraction): .cut(value)
        case (.raise, .fraction): .raise(value)
        case (.surge, .fraction): .surge(value)
        case (.enter, .fraction), (.enter, .share): .enter(share: value)
        case (.setPrice, .price): .setPrice(value)
        case (.floor, .price): .floor(value)
        case (.follow(let leaders, _, let discount), .lag):
          value.wholeNumber().map { .follow(leaders: leaders, lag: $0, discount: discount) }
        case (.follow(let leaders, let lag, _), .discount):
          .follow(leaders: leaders, lag: lag, discount: value)
        default: nil
        }
      guard let changed else {
        throw ScenarioError.invalid(
          "'\(parameter)': a \(action.name) event has no \(field.rawValue) that can vary"
            + (field == .lag ? ", or \(value) is not a whole number of months" : "")
        )
      }
      copy.events[index].action = changed
    }
    return copy
  }

  /// The rules on everything but the uncertainties.
  func validateStructure() throws {
    func fail(_ message: String) -> ScenarioError { ScenarioError.invalid(message) }
    let one = FixedDecimal(1)
    guard (1...Self.maximumMonths).contains(months) else {
      throw fail("months: \(months) is out of range; give 1 to \(Self.maximumMonths)")
    }
    _ = try timeline()
    guard !offerings.isEmpty else { throw fail("offerings: add at least one offering") }
    var seen: Set<String> = []
    var givenShares = FixedDecimal.zero
    for (index, offering) in offerings.enumerated() {
      let path = "offerings[\(index)]"
      guard !offering.id.isEmpty else { throw fail("\(path).id: give the offering a name") }
      guard seen.insert(offering.id).inserted else {
        throw fail("\(path).id: '\(offering.id)' appears twice; ids must be unique")
      }
      if offering.catalog == nil {
        guard offering.currency != nil, offering.price != nil else {
          throw fail(
            "\(path): '\(offering.id)' has no catalog offering; give its currency and price"
          )
        }
      }
      if let price = offering.price { try checkPrice(price, at: "\(path).price") }
      if let cost = offering.marginalCost { try checkPrice(cost, at: "\(path).marginalCost") }
      if let share = offering.share {
        try checkFraction(share, at: "\(path).share", allowingOne: true)
        givenShares = try givenShares + share
      }
    }
    if givenShares > one {
      throw fail("offerings: the shares add up to \(givenShares); they must add up to 1 at most")
    }
    if offerings.allSatisfy({ $0.share != nil }), givenShares != one, !givenShares.isZero {
      throw fail(
        "offerings: every offering has a share and they add up to \(givenShares), not 1; "
          + "fix them, or leave one out to take the rest"
      )
    }
    if let buyer = buyerOffering, offeringIndex(buyer) == nil {
      throw unknownOffering(buyer, at: "buyerOffering")
    }
    try validateMarket()
    let end = try start.adding(months: months - 1)
    for (index, event) in events.enumerated() {
      try validate(event, at: "events[\(index)]", end: end)
    }
    var previous: YearMonth?
    for (index, point) in exchangeRates.enumerated() {
      guard point.cnyPerUSD > .zero else {
        throw fail("exchangeRates[\(index)].cnyPerUSD: \(point.cnyPerUSD) must be above 0")
      }
      if let previous, point.from <= previous {
        throw fail(
          "exchangeRates[\(index)].from: \(point.from) is not after \(previous); order the points"
        )
      }
      previous = point.from
    }
  }

  private func validateMarket() throws {
    func fail(_ message: String) -> ScenarioError { ScenarioError.invalid(message) }
    guard !market.volume.isNegative else {
      throw fail("market.volume: \(market.volume) million tokens is negative")
    }
    guard market.growth > FixedDecimal(-1), market.growth <= FixedDecimal(10) else {
      throw fail(
        "market.growth: \(market.growth) a month is out of range; give a fraction above -1 and at most 10"
      )
    }
    guard market.elasticity <= .zero else {
      throw fail(
        "market.elasticity: \(market.elasticity) has the wrong sign; demand falls as prices "
          + "rise, so give a value from \(MarketModel.leastElasticity) to 0 (such as -1)"
      )
    }
    guard market.elasticity >= MarketModel.leastElasticity else {
      throw fail("market.elasticity: \(market.elasticity) is below \(MarketModel.leastElasticity)")
    }
    let switching = market.switching
    try checkFraction(switching.threshold, at: "market.switching.threshold", allowingOne: true)
    try checkFraction(switching.rate, at: "market.switching.rate", allowingOne: true)
    try checkPrice(switching.cost, at: "market.switching.cost", bound: FixedDecimal.greatestValue)
    guard (1...Self.maximumMonths).contains(switching.paybackMonths) else {
      throw fail(
        "market.switching.paybackMonths: \(switching.paybackMonths) is out of range; give 1 to \(Self.maximumMonths)"
      )
    }
  }

  private func validate(_ event: ScenarioEvent, at path: String, end: YearMonth) throws {
    func fail(_ message: String) -> ScenarioError { ScenarioError.invalid(message) }
    guard let own = offeringIndex(event.offering) else {
      throw unknownOffering(event.offering, at: "\(path).offering")
    }
    guard event.month >= start, event.month <= end else {
      throw fail("\(path).month: \(event.month) is outside the horizon \(start) to \(end)")
    }
    func checkOthers(_ ids: [String], _ key: String) throws {
      for (index, id) in ids.enumerated() {
        guard let other = offeringIndex(id) else {
          throw unknownOffering(id, at: "\(path).\(key)[\(index)]")
        }
        guard other != own else {
          throw fail("\(path).\(key)[\(index)]: '\(id)' is the event's own offering")
        }
      }
    }
    switch event.action {
    case .cut(let fraction):
      guard fraction > .zero, fraction <= FixedDecimal(1) else {
        throw fail(
          "\(path).cut: \(fraction) is not a cut; give a fraction above 0 and at most 1 "
            + "(0.5 halves the price, 1 makes it free)"
        )
      }
    case .raise(let fraction):
      guard fraction > .zero, fraction <= FixedDecimal(100) else {
        throw fail(
          "\(path).raise: \(fraction) is out of range; give a fraction above 0 and at most 100"
        )
      }
    case .surge(let fraction):
      guard fraction > .zero, fraction <= FixedDecimal(100) else {
        throw fail(
          "\(path).surge: \(fraction) is out of range; give a fraction above 0 and at most 100"
        )
      }
    case .setPrice(let price): try checkPrice(price, at: "\(path).setPrice")
    case .floor(let price): try checkPrice(price, at: "\(path).floor")
    case .freeTier(let tokens):
      guard (0...Self.maximumFreeTokens).contains(tokens) else {
        throw fail(
          "\(path).freeTier: \(tokens) tokens is out of range; give 0 to \(Self.maximumFreeTokens)"
        )
      }
    case .follow(let leaders, let lag, let discount):
      try checkOthers(leaders, "follow.leaders")
      guard lag >= 0, lag < months else {
        throw fail(
          "\(path).follow.lag: \(lag) months is beyond the \(months)-month horizon; "
            + "give 0 to \(months - 1)"
        )
      }
      try checkFraction(discount, at: "\(path).follow.discount", allowingOne: false)
    case .exit(let migrateTo): try checkOthers(migrateTo, "exit.migrateTo")
    case .enter(let share): try checkFraction(share, at: "\(path).enter.share", allowingOne: false)
    }
  }

  private func checkPrice(
    _ price: FixedDecimal,
    at path: String,
    bound: FixedDecimal = PriceSheet.maximumPricePerMillion
  ) throws {
    guard !price.isNegative else {
      throw ScenarioError.invalid(
        "\(path): \(price) is negative; prices and costs start at 0"
      )
    }
    guard price <= bound else {
      throw ScenarioError.invalid(
        "\(path): \(price) per million tokens is above \(bound); is it a price per token "
          + "or per thousand?"
      )
    }
  }

  private func checkFraction(_ value: FixedDecimal, at path: String, allowingOne: Bool) throws {
    let one = FixedDecimal(1)
    guard !value.isNegative, allowingOne ? value <= one : value < one else {
      throw ScenarioError.invalid(
        "\(path): \(value) is not a fraction; give 0 to 1\(allowingOne ? "" : " (1 excluded)"), such as 0.2 for 20%"
      )
    }
  }
}

extension FixedDecimal {
  /// The value as an `Int` when it is a whole number that fits, otherwise `nil`.
  func wholeNumber() -> Int? {
    let (quotient, remainder) = units.quotientAndRemainder(dividingBy: 1_000_000_000_000_000_000)
    guard remainder == 0, let whole = Int(exactly: quotient) else { return nil }
    return whole
  }
}
