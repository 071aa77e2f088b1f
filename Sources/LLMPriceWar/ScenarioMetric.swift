import Foundation
import LLMPricing

/// One number a scenario run ends with, for sensitivity tables.
public enum ScenarioMetric: Hashable, Sendable, CustomStringConvertible {
  /// The staying buyer's bills over the timeline.
  case buyerBill
  /// The switching buyer's bills over the timeline, switching costs included.
  case switchingBuyerBill
  /// What the price war saved the staying buyer against the first month's prices.
  case cumulativeSaving
  /// What the whole market paid over the timeline.
  case marketSpend
  /// An offering's revenue over the timeline, reporting currency.
  case revenue(String)
  /// An offering's gross margin over the timeline, reporting currency.
  case grossMargin(String)
  /// An offering's share in the last month.
  case endShare(String)

  /// Parses `buyer-bill`, `switching-buyer-bill`, `cumulative-saving`, `market-spend`,
  /// `revenue:ID`, `gross-margin:ID` or `end-share:ID`.
  ///
  /// - Parameter text: The metric's name.
  /// - Throws: ``ScenarioError/Code/invalidScenario`` naming the accepted forms.
  public init(_ text: String) throws {
    let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
    switch (parts.first ?? "", parts.count == 2 ? parts[1] : nil) {
    case ("buyer-bill", nil): self = .buyerBill
    case ("switching-buyer-bill", nil): self = .switchingBuyerBill
    case ("cumulative-saving", nil): self = .cumulativeSaving
    case ("market-spend", nil): self = .marketSpend
    case ("revenue", let id?): self = .revenue(id)
    case ("gross-margin", let id?): self = .grossMargin(id)
    case ("end-share", let id?): self = .endShare(id)
    default:
      throw ScenarioError.invalid(
        "unknown metric '\(text)'; use buyer-bill, switching-buyer-bill, cumulative-saving, "
          + "market-spend, revenue:ID, gross-margin:ID or end-share:ID"
      )
    }
  }

  /// The metric's name, as ``init(_:)`` reads it.
  public var description: String {
    switch self {
    case .buyerBill: "buyer-bill"
    case .switchingBuyerBill: "switching-buyer-bill"
    case .cumulativeSaving: "cumulative-saving"
    case .marketSpend: "market-spend"
    case .revenue(let id): "revenue:\(id)"
    case .grossMargin(let id): "gross-margin:\(id)"
    case .endShare(let id): "end-share:\(id)"
    }
  }

  /// Whether the metric is a share (shown as a percentage) rather than an amount.
  var isShare: Bool {
    if case .endShare = self { return true } else { return false }
  }

  /// The offering a per-offering metric names, checked against the scenario.
  func offering(in scenario: Scenario) throws -> Int? {
    let id: String
    switch self {
    case .buyerBill, .switchingBuyerBill, .cumulativeSaving, .marketSpend: return nil
    case .revenue(let name), .endShare(let name): id = name
    case .grossMargin(let name):
      id = name
      if let index = scenario.offeringIndex(name), scenario.offerings[index].marginalCost == nil {
        throw ScenarioError.invalid(
          "metric \(description): '\(name)' has no marginalCost, so no gross margin; give it one"
        )
      }
    }
    guard let index = scenario.offeringIndex(id) else {
      throw scenario.unknownOffering(id, at: "metric \(description)")
    }
    return index
  }

  /// The metric's value at the end of a run.
  func value(in market: Market, offering: Int?) -> Double {
    let buyer = market.months.reduce(0) { $0 + $1.buyerBill }
    switch self {
    case .buyerBill: return buyer
    case .switchingBuyerBill: return market.months.reduce(0) { $0 + $1.switchingBill }
    case .cumulativeSaving: return market.billAtStart - buyer
    case .marketSpend: return market.sellers.reduce(0) { $0 + $1.revenue }
    case .revenue: return market.sellers[offering ?? 0].revenue
    case .grossMargin:
      let seller = market.sellers[offering ?? 0]
      return seller.revenue - seller.cost
    case .endShare: return market.sellers[offering ?? 0].marketShare
    }
  }
}

/// How much one uncertain parameter moves an outcome on its own: one row of a
/// one-at-a-time sensitivity (tornado) table.
public struct SensitivityRow: Hashable, Sendable, Codable {
  /// The parameter's path.
  public var parameter: String
  /// Its low value.
  public var low: FixedDecimal
  /// Its high value.
  public var high: FixedDecimal
  /// The outcome with the parameter at its low and every other at the scenario's value.
  public var outcomeAtLow: FixedDecimal
  /// The outcome with the parameter at its high.
  public var outcomeAtHigh: FixedDecimal
  /// `|outcomeAtHigh − outcomeAtLow|`: how far this parameter alone moves the outcome.
  public var swing: FixedDecimal
}

extension ScenarioSimulation {
  /// The one-at-a-time sensitivity table: each uncertain parameter at its low and high
  /// with the others at the scenario's values, largest swing first.
  ///
  /// ```swift
  /// for row in try simulation.sensitivity(of: .marketSpend) {
  ///   print(row.parameter, row.swing)
  /// }
  /// ```
  ///
  /// - Parameter metric: The outcome to measure.
  /// - Returns: One row per uncertainty, by swing (largest first), then by path.
  /// - Throws: ``ScenarioError/Code/invalidScenario`` for a metric naming an unknown
  ///   offering; ``ScenarioError/Code/outOfRange`` for an outcome beyond an amount's range.
  public func sensitivity(of metric: ScenarioMetric) throws -> [SensitivityRow] {
    let offering = try metric.offering(in: scenario)
    let places = metric.isShare ? 6 : 4
    var market = Market(self)
    let rows = try uncertain.map { slot in
      var outcomes: [FixedDecimal] = []
      for end in [slot.low, slot.high] {
        var values = parameters
        values[slot.index] = end.double
        market.reset(values)
        for month in timeline.indices { market.advance(month) }
        outcomes.append(
          try FixedDecimal(
            modelled: metric.value(in: market, offering: offering),
            places: places,
            "the outcome \(metric)"
          )
        )
      }
      return SensitivityRow(
        parameter: slot.parameter.description,
        low: slot.low,
        high: slot.high,
        outcomeAtLow: outcomes[0],
        outcomeAtHigh: outcomes[1],
        swing: (try outcomes[1] - outcomes[0]).magnitude
      )
    }
    return rows.sorted { ($1.swing, $0.parameter) < ($0.swing, $1.parameter) }
  }
}
