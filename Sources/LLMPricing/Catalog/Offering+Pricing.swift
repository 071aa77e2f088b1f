import Foundation

extension Offering {
  /// Prices a usage at an instant, with one line per component: the same as
  /// ``PriceSchedule/cost(of:at:batch:options:)`` on ``schedule``.
  ///
  /// - Parameters:
  ///   - usage: The tokens used.
  ///   - instant: The request's timestamp; it selects the prices and the time window.
  ///   - batch: Whether the request went through the batch API.
  ///   - options: How the request was served: service tier, residency, thinking, tools.
  /// - Returns: The breakdown, in the offering's currency, unrounded.
  /// - Throws: The errors of ``PriceSchedule/cost(of:at:batch:options:)``.
  public func cost(
    of usage: TokenUsage,
    at instant: Date,
    batch: Bool = false,
    options: RequestOptions = .none
  ) throws -> CostBreakdown {
    try schedule.cost(of: usage, at: instant, batch: batch, options: options)
  }

  /// The list price of a component per million tokens (per request for
  /// ``CostComponent/requests``) at an instant, outside any time window.
  ///
  /// ```swift
  /// let flash = try Catalog.builtIn.offering(model: "deepseek-flash", currency: .cny)
  /// let output = try flash.listPrice(of: .output, at: now)  // ¥ per million output tokens
  /// ```
  ///
  /// The price is the one billed after the sheet's fallbacks (a cache read without its
  /// own price bills as input), in the tier that covers `inputTokens` of input.
  ///
  /// - Parameters:
  ///   - component: The component, such as ``CostComponent/output``.
  ///   - instant: The instant; it selects the sheet in force.
  ///   - inputTokens: A request's input size, for context-length tiers; the default, 0,
  ///     reads the first tier.
  /// - Returns: The price, in the offering's currency.
  /// - Throws: ``PricingError/Code/noPriceInEffect`` when no sheet is in force at
  ///   `instant`; ``PricingError/Code/noMatchingTier`` when no tier covers `inputTokens`.
  public func listPrice(
    of component: CostComponent,
    at instant: Date,
    inputTokens: Int = 0
  ) throws -> Money {
    let sheet = try schedule.entry(at: instant).sheet
    guard let tier = sheet.tiers.first(where: { $0.input.contains(inputTokens) }) else {
      throw PricingError(
        .noMatchingTier,
        "no tier of \(id) covers \(inputTokens) input tokens; its tiers are "
          + sheet.tiers.map(\.label).joined(separator: ", ")
      )
    }
    return Money(tier.prices.effectivePrice(of: component), currency)
  }
}
