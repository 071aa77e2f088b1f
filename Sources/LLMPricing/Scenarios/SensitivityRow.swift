import Foundation

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
  /// for row in try simulation.sensitivity(of: .switchingBuyerBill) {
  ///   print(row.parameter, row.swing)
  /// }
  /// ```
  ///
  /// - Parameter metric: The outcome to measure.
  /// - Returns: One row per uncertainty, by swing (largest first), then by path.
  /// - Throws: ``PricingError/Code/invalidScenario`` for a metric naming an unknown
  ///   offering; a run's ``PricingError/Code/overflow``.
  public func sensitivity(of metric: ScenarioMetric) throws -> [SensitivityRow] {
    let rows = try uncertain.map { slot in
      var outcomes: [FixedDecimal] = []
      for end in [slot.low, slot.high] {
        var values = parameters
        values[slot.index] = end
        let outcome = try simulate(values)
        outcomes.append(try metric.value(of: outcome, in: scenario))
      }
      return SensitivityRow(
        parameter: slot.parameter,
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
