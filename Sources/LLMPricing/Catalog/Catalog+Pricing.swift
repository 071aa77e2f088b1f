import Foundation

extension Catalog {
  /// Prices a usage on a model, at an instant, in the currency asked for.
  ///
  /// The offering is the model's list published in `currency` when there is one, so a
  /// provider's own USD prices are used rather than a conversion of its CNY ones;
  /// otherwise the list the provider publishes natively, converted at `instant` with
  /// `rates`.
  ///
  /// ```swift
  /// let usage = try TokenUsage.inclusive(promptTokens: 12_000, completionTokens: 800)
  /// let priced = try Catalog.builtIn.price(usage, model: "claude-sonnet-5", at: now, in: .cny)
  /// print(priced.total.formatted(), priced.notes)
  /// ```
  ///
  /// - Parameters:
  ///   - usage: The tokens used.
  ///   - model: A model id or alias, optionally as `provider/model`.
  ///   - provider: A provider id, when the model is sold by several.
  ///   - instant: When the request was made; it selects the prices and the time window.
  ///   - currency: The currency to report in; `nil` for the offering's own.
  ///   - rates: The exchange rates, for a conversion.
  ///   - batch: Whether the request went through the batch API.
  ///   - options: How the request was served: service tier, residency, thinking, tools.
  /// - Returns: The native breakdown and, when converted, the converted one.
  /// - Throws: ``PricingError/Code/unknownModel`` with the closest ids; the errors of
  ///   ``PriceSchedule/cost(of:at:batch:options:)`` and
  ///   ``ExchangeRates/convert(_:to:at:)``.
  public func price(
    _ usage: TokenUsage,
    model: String,
    provider: String? = nil,
    at instant: Date,
    in currency: Currency? = nil,
    rates: ExchangeRates = .centralParity,
    batch: Bool = false,
    options: RequestOptions = .none
  ) throws -> PricedUsage {
    let offering = try preferredOffering(model: model, provider: provider, currency: currency)
    let native = try offering.schedule.cost(
      of: usage,
      at: instant,
      batch: batch,
      options: options
    )
    var converted: CostBreakdown?
    if let currency, currency != offering.currency {
      converted = try native.converted(to: currency, using: rates, at: instant)
    }
    return PricedUsage(
      offering: offering,
      usage: usage,
      instant: instant,
      native: native,
      converted: converted
    )
  }
}
