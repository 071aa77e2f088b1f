import Foundation
import LLMPricing

/// How a market's volume and shares respond to prices in a scenario.
///
/// Each month the market's volume is
///
/// `volume × (1 + growth)^month × (averagePrice / startingAveragePrice)^elasticity`
///
/// where the average is the share-weighted effective price in the reporting currency
/// (free tokens included as free), computed in floating point (see ``ScenarioSimulation``).
/// An elasticity of −1 doubles demand when the average
/// price halves; 0 leaves volume to growth alone. A price ratio below 1% counts as 1%, so
/// a free model does not summon infinite demand. Surges (``ScenarioEvent/Action/surge(_:)``)
/// add demand on top; shares move by ``switching``.
public struct MarketModel: Hashable, Sendable, Codable {
  /// Million tokens a month across the scenario's offerings at the start.
  public var volume: FixedDecimal
  /// Growth a month regardless of price: `0.05` is 5% a month.
  public var growth: FixedDecimal
  /// The price elasticity of demand, from −3 to 0.
  public var elasticity: FixedDecimal
  /// When buyers move to a cheaper offering.
  public var switching: SwitchingRule

  /// Creates a market model.
  ///
  /// - Parameters:
  ///   - volume: Million tokens a month at the start.
  ///   - growth: Growth a month regardless of price.
  ///   - elasticity: The price elasticity of demand (−3 to 0).
  ///   - switching: When buyers move to a cheaper offering.
  public init(
    volume: FixedDecimal,
    growth: FixedDecimal = .zero,
    elasticity: FixedDecimal = .zero,
    switching: SwitchingRule = .never
  ) {
    self.volume = volume
    self.growth = growth
    self.elasticity = elasticity
    self.switching = switching
  }

  /// The least elasticity accepted: beyond it a 99% cut multiplies demand by more than
  /// a million, which no price war has shown.
  public static let leastElasticity = FixedDecimal(-3)
}
