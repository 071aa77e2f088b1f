import Foundation

extension PriceSchedule {
  /// Prices a usage at an instant with the billing choices of its request: service tier,
  /// residency uplift, thinking mode and tool calls.
  ///
  /// Standard options (``RequestOptions/none``) give exactly ``cost(of:at:batch:)``. Each
  /// choice applies to the prices of the tier the request falls in, after its time window
  /// and batch adjustments: a service tier multiplies them or replaces the standard tiers
  /// (batch is a service tier of its own, so the two do not combine); a residency uplift
  /// multiplies every token price; thinking mode bills the whole output at
  /// ``ComponentPrices/thinkingOutput``; each tool fee adds a line.
  ///
  /// ```swift
  /// let flex = try schedule.cost(
  ///   of: usage, at: now, options: RequestOptions(serviceTier: "flex"))
  /// ```
  ///
  /// - Parameters:
  ///   - usage: The tokens used.
  ///   - instant: The request's timestamp.
  ///   - batch: Whether the request went through the batch API.
  ///   - options: How the request was served.
  /// - Returns: The breakdown, in the schedule's currency, unrounded.
  /// - Throws: ``PricingError/Code/unknownBillingOption`` naming what the sheet sells when a
  ///   service tier, residency or tool fee is not on it; ``PricingError/Code/invalidUsage``
  ///   for a negative tool-call count or batch combined with a service tier; and the
  ///   errors of ``cost(of:at:batch:)``.
  public func cost(
    of usage: TokenUsage,
    at instant: Date,
    batch: Bool = false,
    options: RequestOptions
  ) throws -> CostBreakdown {
    let base = try cost(of: usage, at: instant, batch: batch)
    guard !options.isStandard else { return base }
    let second = Self.second(of: instant)
    let index = try entryIndex(atSecond: second)
    let sheet = entries[index].sheet
    let match = try compiled.variant(sheet: index, atSecond: second)
    let tier = try compiled.tierIndex(sheet: index, for: usage, variant: match.index, batch: batch)
    var prices = compiled.prices[tier]
    var label = compiled.labels[tier]
    var adjustments = base.adjustments.filter { $0 != "thinking-mode output" }
    var assumptions: [String] = []

    do {
      if let serviceTier = try sheet.serviceTier(named: options.serviceTier) {
        guard !batch else {
          throw PricingError(
            .invalidUsage,
            "batch is a service tier of its own; price a batch request without service tier "
              + "'\(serviceTier.name)'"
          )
        }
        switch serviceTier.effect {
        case .multiplier(let factor):
          prices = try prices.scaled(by: factor)
          adjustments.append("\(serviceTier.name) service tier ×\(factor)")
        case .tiers(let own):
          let chosen = try Self.tier(in: own, for: usage, serviceTier: serviceTier.name)
          prices = chosen.prices
          label = chosen.label
          adjustments.append("\(serviceTier.name) service tier prices")
        }
      }
      if let uplift = try sheet.uplift(named: options.residency) {
        prices = try prices.scaled(by: uplift.multiplier)
        adjustments.append("\(uplift.name) residency ×\(uplift.multiplier)")
      }
    } catch let error as PricingError where error.code == .unknownBillingOption {
      throw PricingError(error.code, error.message + " (prices in force at \(Self.iso(second)))")
    }
    let thinking = (options.thinking ?? (usage.reasoning > 0)) && prices.thinkingOutput != nil
    if thinking { adjustments.append("thinking-mode output") }

    var lines: [CostBreakdown.Line] = []
    var total = FixedDecimal.zero
    for component in CostComponent.allCases
    where component != .toolCalls && component != .cacheStorage {
      let count = usage.count(of: component)
      if component == .requests, prices.perRequest == nil { continue }
      guard count > 0 else { continue }
      if component == .cacheWrite12h, prices.cacheWrite12h == nil {
        throw PricingError(
          .unknownBillingOption,
          "\(count) tokens written to a cache for twelve hours, but this tier sells no "
            + "twelve-hour cache write"
        )
      }
      let unitPrice = prices.effectivePrice(of: component, thinking: thinking)
      let amount = try Self.amount(count: count, price: unitPrice, perUnit: component == .requests)
      lines.append(
        CostBreakdown.Line(
          component: component,
          tokens: count,
          unitPrice: unitPrice,
          amount: amount
        )
      )
      total = try total + amount
    }
    for (name, calls) in options.toolCalls.sorted(by: { $0.key < $1.key }) {
      guard calls >= 0 else {
        throw PricingError(
          .invalidUsage,
          "\(calls) '\(name)' calls; a call count cannot be negative"
        )
      }
      guard calls > 0 else { continue }
      let fee = try sheet.toolFee(named: name)
      let amount = try Self.amount(count: calls, price: fee.perCall, perUnit: true)
      lines.append(
        CostBreakdown.Line(
          component: .toolCalls,
          tokens: calls,
          unitPrice: fee.perCall,
          amount: amount,
          name: fee.name
        )
      )
      total = try total + amount
      if let free = fee.freeCalls {
        assumptions.append(
          "\(fee.name): every call is billed; the free allowance of \(free.calls) calls per "
            + "\(free.period.rawValue) is applied by usage reports and monthly projections, "
            + "not to a single request"
        )
      }
    }
    if options.cacheStorageTokenHours != 0 {
      guard options.cacheStorageTokenHours > 0 else {
        throw PricingError(
          .invalidUsage,
          "\(options.cacheStorageTokenHours) cache token-hours; storage cannot be negative"
        )
      }
      guard let price = sheet.cacheStorage else {
        throw PricingError(
          .unknownBillingOption,
          "this sheet bills no cache storage at \(Self.iso(second)); price the request without it"
        )
      }
      let amount = try Self.amount(
        count: options.cacheStorageTokenHours,
        price: price,
        perUnit: false
      )
      lines.append(
        CostBreakdown.Line(
          component: .cacheStorage,
          tokens: options.cacheStorageTokenHours,
          unitPrice: price,
          amount: amount
        )
      )
      total = try total + amount
    }
    var breakdown = CostBreakdown(
      lines: lines,
      total: Money(total, currency),
      tier: label,
      window: base.window,
      isBatch: batch,
      adjustments: adjustments,
      effectiveFrom: base.effectiveFrom,
      provenance: base.provenance,
      provisionalYears: base.provisionalYears
    )
    breakdown.assumptions = assumptions
    return breakdown
  }

  /// The exact amount of `count` units at a price per million tokens, or per unit.
  static func amount(count: Int, price: FixedDecimal, perUnit: Bool) throws -> FixedDecimal {
    if perUnit {
      let (units, overflow) = Int128(count).multipliedReportingOverflow(by: price.units)
      guard !overflow else {
        throw PricingError(
          .overflow,
          "\(count) units at \(price) cost more than an amount can hold"
        )
      }
      return try FixedDecimal(units: units)
    }
    // More than 18 fractional digits after dividing by a million: round half to even, as
    // the compiled path does.
    guard
      let units = WideArithmetic.multiplyDivide(
        Int128(count),
        price.units,
        dividingBy: 1_000_000,
        rounding: .toNearestOrEven
      )
    else {
      throw PricingError(.overflow, "\(count) tokens at \(price) cost more than an amount can hold")
    }
    return try FixedDecimal(units: units)
  }

  /// The tier of a service tier's own list that a request falls in.
  private static func tier(
    in tiers: [PriceTier],
    for usage: TokenUsage,
    serviceTier: String
  ) throws
    -> PriceTier
  {
    let input = usage.totalInput / usage.requests
    let output = usage.totalOutput / usage.requests
    guard
      let tier = tiers.first(where: {
        CompiledSchedule.Bounds($0).matches(input: input, output: output)
      })
    else {
      throw PricingError(
        .noMatchingTier,
        "service tier '\(serviceTier)' has no price for a request of \(input) input and "
          + "\(output) output tokens"
      )
    }
    return tier
  }
}
