import Foundation
import LLMPricing

/// The yuan per US dollar in each month of a scenario: a step path, each point holding
/// until the next.
///
/// ```json
/// [{"from": "2026-01", "cnyPerUSD": "7.1"}, {"from": "2026-07", "cnyPerUSD": "6.9"}]
/// ```
public struct ExchangeRatePoint: Hashable, Sendable, Codable {
  /// The first month the rate holds.
  public var from: YearMonth
  /// Yuan per US dollar.
  public var cnyPerUSD: FixedDecimal

  /// Creates a point of the path.
  ///
  /// - Parameters:
  ///   - from: The first month the rate holds.
  ///   - cnyPerUSD: Yuan per US dollar.
  public init(from: YearMonth, cnyPerUSD: FixedDecimal) {
    self.from = from
    self.cnyPerUSD = cnyPerUSD
  }
}
