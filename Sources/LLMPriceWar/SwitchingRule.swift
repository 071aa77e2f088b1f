import Foundation
import LLMPricing

/// When buyers move to a cheaper offering: only when the saving is large enough, and
/// pays back the cost of moving soon enough.
///
/// A buyer on offering A moves to the cheapest offering B of A's segment in a month when
/// both hold, with bills for the scenario's workload in the reporting currency:
///
/// - `bill(A) − bill(B) ≥ threshold × bill(A)` (the relative saving), and
/// - `(bill(A) − bill(B)) × paybackMonths ≥ cost` (the one-time cost of moving: testing,
///   prompt work, integration).
///
/// In the market, `rate` of the buyers who would gain move each month (the rest are on
/// contracts, busy, or loyal); the scenario's own buyer moves whole and pays `cost`.
public struct SwitchingRule: Hashable, Sendable, Codable {
  /// The least relative saving that moves anyone, from 0 to 1: `0.2` is 20%.
  public var threshold: FixedDecimal
  /// The one-time cost of moving, in the scenario's reporting currency.
  public var cost: FixedDecimal
  /// The months of saving that must cover ``cost``.
  public var paybackMonths: Int
  /// The fraction of the market's eligible buyers who move in a month, from 0 to 1.
  public var rate: FixedDecimal

  /// Creates a rule.
  ///
  /// - Parameters:
  ///   - threshold: The least relative saving that moves anyone (0 to 1).
  ///   - cost: The one-time cost of moving, in the reporting currency.
  ///   - paybackMonths: The months of saving that must cover the cost.
  ///   - rate: The fraction of eligible market buyers who move each month (0 to 1).
  public init(
    threshold: FixedDecimal,
    cost: FixedDecimal = .zero,
    paybackMonths: Int = 12,
    rate: FixedDecimal
  ) {
    self.threshold = threshold
    self.cost = cost
    self.paybackMonths = paybackMonths
    self.rate = rate
  }

  /// Nobody switches.
  public static let never = SwitchingRule(
    threshold: 1,
    cost: .zero,
    paybackMonths: 1,
    rate: .zero
  )
}
