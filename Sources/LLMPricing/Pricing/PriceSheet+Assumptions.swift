import Foundation

extension PriceSheet {
  /// Creates a one-tier sheet, for stating a price assumption in a few words.
  ///
  /// ```swift
  /// let quoted = try PriceSheet(.cny, input: "2", cacheRead: "0.5", output: "8")
  /// let cost = try quoted.cost(of: usage)
  /// ```
  ///
  /// - Parameters:
  ///   - currency: The currency of the prices.
  ///   - input: Fresh input, per million tokens.
  ///   - cacheRead: Cache reads, per million tokens, or `nil` to bill them as input.
  ///   - cacheWrite: Cache writes, per million tokens, or `nil` to bill them as input.
  ///   - output: Output, per million tokens.
  ///   - reasoning: Reasoning output, or `nil` to bill it as output.
  ///   - batchMultiplier: The batch factor, such as `"0.5"`, or `nil` when batch is not
  ///     offered.
  /// - Throws: ``PricingError/Code/invalidPriceSheet`` for a negative or out-of-range
  ///   price.
  public init(
    _ currency: Currency,
    input: FixedDecimal,
    cacheRead: FixedDecimal? = nil,
    cacheWrite: FixedDecimal? = nil,
    output: FixedDecimal,
    reasoning: FixedDecimal? = nil,
    batchMultiplier: FixedDecimal? = nil
  ) throws {
    try self.init(
      currency: currency,
      tiers: [
        PriceTier(
          prices: ComponentPrices(
            input: input,
            cacheRead: cacheRead,
            cacheWrite: cacheWrite,
            output: output,
            reasoning: reasoning
          )
        )
      ],
      batchMultiplier: batchMultiplier
    )
  }

  /// Prices a usage on this sheet alone, without a date: for assumptions such as "a
  /// provider quoted us these prices".
  ///
  /// Time windows are not applied (there is no instant to place the request in); a sheet
  /// that has windows is priced at its standard prices, and the breakdown's
  /// ``CostBreakdown/notes`` say so. To price at an instant, put the sheet in a
  /// ``PriceSchedule``.
  ///
  /// - Parameters:
  ///   - usage: The tokens used.
  ///   - batch: Whether the request goes through the batch API.
  ///   - options: How the request is served: service tier, residency, thinking, tools.
  /// - Returns: The breakdown, in the sheet's currency, unrounded; its provenance names
  ///   the sheet as an assumption.
  /// - Throws: The errors of ``PriceSchedule/cost(of:at:batch:options:)``.
  public func cost(
    of usage: TokenUsage,
    batch: Bool = false,
    options: RequestOptions = .none
  ) throws -> CostBreakdown {
    let standard =
      windows.isEmpty
      ? self
      : try PriceSheet(
        currency: currency,
        tiers: tiers,
        timeZone: timeZone,
        holidayCalendar: holidayCalendar,
        batchMultiplier: batchMultiplier,
        freeQuota: freeQuota,
        serviceTiers: serviceTiers,
        toolFees: toolFees,
        uplifts: uplifts,
        cacheStorage: cacheStorage
      )
    let epoch = Date(timeIntervalSince1970: 0)
    let schedule = try PriceSchedule(entries: [
      PriceSchedule.Entry(
        effectiveFrom: epoch,
        sheet: standard,
        provenance: Provenance(
          source: "a price sheet given by the caller, priced without a date",
          observed: CalendarDay(utcDateOf: epoch),
          confidence: .singleSource
        )
      )
    ])
    var breakdown = try schedule.cost(of: usage, at: epoch, batch: batch, options: options)
    if !windows.isEmpty {
      breakdown.assumptions.append(
        "priced at the sheet's standard prices: its time windows ("
          + windows.map(\.name).joined(separator: ", ")
          + ") need an instant; put the sheet in a PriceSchedule to price at one"
      )
    }
    return breakdown
  }
}
