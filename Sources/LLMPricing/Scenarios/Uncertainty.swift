import Foundation

/// A scenario parameter that Monte Carlo runs draw uniformly between two values.
///
/// The parameter is named by its path in the scenario:
///
/// | path | what varies |
/// |---|---|
/// | `market.elasticity` | the price elasticity of demand |
/// | `market.growth` | the monthly growth |
/// | `market.switching.threshold` | the relative saving that moves buyers |
/// | `market.switching.rate` | the share of eligible buyers moving each month |
/// | `events[3].fraction` | the size of the fourth event's cut, raise or surge |
/// | `events[cut-1].fraction` | the same, for the event whose `id` is `cut-1` |
/// | `events[2].price` | the price of a `setPrice` or `floor` event |
/// | `events[2].lag` | the lag of a `follow` event, in whole months |
/// | `events[2].discount` | the discount of a `follow` event |
///
/// ```json
/// {"parameter": "events[0].fraction", "low": "0.2", "high": "0.5"}
/// ```
public struct Uncertainty: Hashable, Sendable, Codable {
  /// The parameter's path.
  public var parameter: String
  /// The least value drawn.
  public var low: FixedDecimal
  /// The greatest value drawn.
  public var high: FixedDecimal

  /// Creates an uncertain parameter.
  ///
  /// - Parameters:
  ///   - parameter: The parameter's path, such as `market.elasticity`.
  ///   - low: The least value drawn.
  ///   - high: The greatest value drawn.
  public init(_ parameter: String, low: FixedDecimal, high: FixedDecimal) {
    self.parameter = parameter
    self.low = low
    self.high = high
  }
}
