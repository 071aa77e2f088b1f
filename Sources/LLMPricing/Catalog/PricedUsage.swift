import Foundation

/// One usage priced on a catalog offering: the breakdown in the offering's own currency
/// and, when another currency was asked for, the same breakdown converted.
///
/// What ``Catalog/price(_:model:provider:at:in:rates:batch:options:)`` and
/// ``Catalog/price(response:format:model:provider:at:in:rates:batch:options:)`` return.
///
/// ```swift
/// let priced = try Catalog.builtIn.price(usage, model: "deepseek-flash", at: now, in: .usd)
/// print(priced.total.formatted())  // in USD: DeepSeek publishes a USD list
/// ```
public struct PricedUsage: Hashable, Sendable, CustomStringConvertible {
  /// The offering that priced the usage.
  public var offering: Offering
  /// The tokens priced.
  public var usage: TokenUsage
  /// The instant the prices were taken at.
  public var instant: Date
  /// The breakdown in the offering's currency, as the provider bills it.
  public var native: CostBreakdown
  /// The breakdown converted to the currency asked for, when the offering is in another
  /// one; its ``CostBreakdown/conversion`` names the rates.
  public var converted: CostBreakdown?

  /// Creates a priced usage.
  ///
  /// - Parameters:
  ///   - offering: The offering that priced the usage.
  ///   - usage: The tokens priced.
  ///   - instant: The instant of the prices.
  ///   - native: The breakdown in the offering's currency.
  ///   - converted: The breakdown in the currency asked for, if converted.
  public init(
    offering: Offering,
    usage: TokenUsage,
    instant: Date,
    native: CostBreakdown,
    converted: CostBreakdown? = nil
  ) {
    self.offering = offering
    self.usage = usage
    self.instant = instant
    self.native = native
    self.converted = converted
  }

  /// The breakdown in the currency asked for: ``converted`` when there is one, otherwise
  /// ``native``.
  public var breakdown: CostBreakdown { converted ?? native }

  /// The exact total in the currency asked for.
  public var total: Money { breakdown.total }

  /// What a reader must know about the figure: provisional calendars, assumed exchange
  /// rates, prices missing from the catalog, an instant assumed for a response without a
  /// timestamp.
  public var notes: [String] { breakdown.notes }

  /// The offering, the instant and the total, such as
  /// `deepseek/deepseek-flash@CNY at 2026-12-01T02:00:00Z: ¥0.0123`.
  public var description: String {
    "\(offering.id) at \(instant.formatted(.iso8601)): \(total.formatted())"
  }
}
