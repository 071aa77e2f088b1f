/// A workload's costs over consecutive months: every month that could be priced, and every
/// one that could not, with its reason.
///
/// ```swift
/// let horizon = try MonthlyProjection.horizon(
///   of: .coding, on: offering, from: YearMonth("2026-10"), months: 6)
/// for cost in horizon.costs { print(cost.month, cost.reportingTotal) }
/// for month in horizon.unpriced { print(month.month, month.reason) }
/// ```
public struct MonthlyHorizon: Hashable, Sendable, Codable {
  /// A month that could not be priced.
  public struct Unpriced: Hashable, Sendable, Codable {
    /// The month.
    public var month: YearMonth
    /// The ``PricingError/Code`` of the failure, such as `noPriceInEffect`.
    public var code: String
    /// Why, for people.
    public var reason: String

    /// Creates a record of an unpriced month.
    ///
    /// - Parameters:
    ///   - month: The month.
    ///   - code: The error code's name.
    ///   - reason: Why.
    public init(month: YearMonth, code: String, reason: String) {
      self.month = month
      self.code = code
      self.reason = reason
    }
  }

  /// The priced months, in order.
  public var costs: [MonthlyCost]
  /// The months that could not be priced, in order.
  public var unpriced: [Unpriced]

  /// Creates a horizon.
  ///
  /// - Parameters:
  ///   - costs: The priced months.
  ///   - unpriced: The months that could not be priced.
  public init(costs: [MonthlyCost], unpriced: [Unpriced]) {
    self.costs = costs
    self.unpriced = unpriced
  }
}
