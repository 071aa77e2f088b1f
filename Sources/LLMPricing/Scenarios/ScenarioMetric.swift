import Foundation

/// One number a scenario run ends with, for sensitivity tables.
public enum ScenarioMetric: Hashable, Sendable, CustomStringConvertible {
  /// The staying buyer's bills over the timeline.
  case buyerBill
  /// The switching buyer's bills over the timeline, switching costs included.
  case switchingBuyerBill
  /// What the price war saved the staying buyer against the first month's prices.
  case cumulativeSaving
  /// An offering's revenue over the timeline, reporting currency.
  case revenue(String)
  /// An offering's gross margin over the timeline, reporting currency.
  case grossMargin(String)
  /// An offering's share in the last month.
  case endShare(String)

  /// Parses `buyer-bill`, `switching-buyer-bill`, `cumulative-saving`, `revenue:ID`,
  /// `gross-margin:ID` or `end-share:ID`.
  ///
  /// - Parameter text: The metric's name.
  /// - Throws: ``PricingError/Code/invalidScenario`` naming the accepted forms.
  public init(_ text: String) throws {
    let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
    switch (parts.first ?? "", parts.count == 2 ? parts[1] : nil) {
    case ("buyer-bill", nil): self = .buyerBill
    case ("switching-buyer-bill", nil): self = .switchingBuyerBill
    case ("cumulative-saving", nil): self = .cumulativeSaving
    case ("revenue", let id?): self = .revenue(id)
    case ("gross-margin", let id?): self = .grossMargin(id)
    case ("end-share", let id?): self = .endShare(id)
    default:
      throw PricingError(
        .invalidScenario,
        "unknown metric '\(text)'; use buyer-bill, switching-buyer-bill, cumulative-saving, "
          + "revenue:ID, gross-margin:ID or end-share:ID"
      )
    }
  }

  /// The metric's name, as ``init(_:)`` reads it.
  public var description: String {
    switch self {
    case .buyerBill: "buyer-bill"
    case .switchingBuyerBill: "switching-buyer-bill"
    case .cumulativeSaving: "cumulative-saving"
    case .revenue(let id): "revenue:\(id)"
    case .grossMargin(let id): "gross-margin:\(id)"
    case .endShare(let id): "end-share:\(id)"
    }
  }

  /// The metric's value in a run.
  func value(
    of outcome: ScenarioSimulation.RunOutcome,
    in scenario: Scenario
  ) throws -> FixedDecimal {
    func index(_ id: String) throws -> Int {
      guard let index = scenario.offeringIndex(id) else {
        throw scenario.unknownOffering(id, at: "metric \(description)")
      }
      return index
    }
    switch self {
    case .buyerBill: return outcome.buyerBill
    case .switchingBuyerBill: return outcome.switchingBill
    case .cumulativeSaving: return try outcome.billAtStartPrices - outcome.buyerBill
    case .revenue(let id): return outcome.revenues[try index(id)]
    case .endShare(let id): return outcome.endShares[try index(id)]
    case .grossMargin(let id):
      let position = try index(id)
      guard let margin = outcome.margins[position] else {
        throw PricingError(
          .invalidScenario,
          "metric \(description): '\(id)' has no marginalCost, so no gross margin; give it one"
        )
      }
      return margin
    }
  }
}
