import Foundation

/// A self-hosted model deployment, reduced to an effective price per million tokens.
///
/// Its monthly cost is fixed — GPUs rented by the hour (or bought and amortised) plus power —
/// and its capacity is the sustained throughput at the stated utilisation. Against an API
/// price that gives a break-even monthly volume, and a hybrid plan: routine traffic on the
/// deployment up to its capacity, the rest to the API.
///
/// ```swift
/// let rig = try SelfHostedDeployment(
///   currency: .cny, gpuCount: 8, gpuHourlyCost: 12, powerHourlyCost: 6,
///   tokensPerSecond: 20_000, utilisation: FixedDecimal("0.6"))
/// let price = try rig.pricePerMillion(hours: 720)  // effective ¥/M
/// ```
public struct SelfHostedDeployment: Hashable, Sendable, Codable {
  /// The currency of the costs.
  public var currency: Currency
  /// GPUs in the deployment.
  public var gpuCount: Int
  /// The cost of one GPU per hour: the rental price, or purchase price ÷ amortisation hours.
  public var gpuHourlyCost: FixedDecimal
  /// Power and hosting for the whole deployment, per hour.
  public var powerHourlyCost: FixedDecimal
  /// Sustained output of the whole deployment at full load, tokens per second.
  public var tokensPerSecond: Int
  /// The share of time the deployment is busy, 0 (exclusive) to 1.
  public var utilisation: FixedDecimal

  /// Describes a deployment.
  ///
  /// - Parameters:
  ///   - currency: The currency of the costs.
  ///   - gpuCount: GPUs, at least 1.
  ///   - gpuHourlyCost: Per GPU per hour, ≥ 0.
  ///   - powerHourlyCost: Power for the deployment per hour, ≥ 0.
  ///   - tokensPerSecond: Sustained tokens per second at full load, at least 1.
  ///   - utilisation: Busy share, greater than 0 and at most 1.
  /// - Throws: ``PricingError/Code/invalidData`` naming the value out of range.
  public init(
    currency: Currency,
    gpuCount: Int,
    gpuHourlyCost: FixedDecimal,
    powerHourlyCost: FixedDecimal = .zero,
    tokensPerSecond: Int,
    utilisation: FixedDecimal
  ) throws {
    guard gpuCount >= 1, tokensPerSecond >= 1 else {
      throw PricingError(.invalidData, "a deployment needs at least 1 GPU and 1 token per second")
    }
    guard gpuHourlyCost >= .zero, powerHourlyCost >= .zero else {
      throw PricingError(.invalidData, "hourly costs cannot be negative")
    }
    guard utilisation > .zero, utilisation <= 1 else {
      throw PricingError(.invalidData, "utilisation \(utilisation) must be above 0 and at most 1")
    }
    self.currency = currency
    self.gpuCount = gpuCount
    self.gpuHourlyCost = gpuHourlyCost
    self.powerHourlyCost = powerHourlyCost
    self.tokensPerSecond = tokensPerSecond
    self.utilisation = utilisation
  }

  /// Creates a deployment whose GPUs are bought and amortised.
  ///
  /// - Parameters:
  ///   - currency: The currency of the costs.
  ///   - gpuCount: GPUs.
  ///   - gpuPurchasePrice: The price of one GPU (with its share of the server).
  ///   - amortisationMonths: Months to write the purchase off over (30-day months).
  ///   - powerHourlyCost: Power for the deployment per hour.
  ///   - tokensPerSecond: Sustained tokens per second at full load.
  ///   - utilisation: Busy share.
  /// - Throws: The errors of the main initializer.
  public init(
    currency: Currency,
    gpuCount: Int,
    gpuPurchasePrice: FixedDecimal,
    amortisationMonths: Int,
    powerHourlyCost: FixedDecimal = .zero,
    tokensPerSecond: Int,
    utilisation: FixedDecimal
  ) throws {
    guard amortisationMonths >= 1 else {
      throw PricingError(.invalidData, "amortisation needs at least 1 month")
    }
    try self.init(
      currency: currency,
      gpuCount: gpuCount,
      gpuHourlyCost: gpuPurchasePrice.divided(by: FixedDecimal(amortisationMonths * 30 * 24)),
      powerHourlyCost: powerHourlyCost,
      tokensPerSecond: tokensPerSecond,
      utilisation: utilisation
    )
  }

  /// The fixed cost of running the deployment for a number of hours.
  ///
  /// - Parameter hours: Hours, such as 720 for a 30-day month.
  /// - Returns: GPUs plus power.
  /// - Throws: ``PricingError/Code/overflow``.
  public func cost(hours: Int) throws -> Money {
    let hourly = try (try gpuHourlyCost * gpuCount) + powerHourlyCost
    return Money(try hourly * hours, currency)
  }

  /// Tokens the deployment serves in a number of hours at its utilisation.
  ///
  /// - Parameter hours: Hours.
  /// - Returns: The capacity in tokens.
  /// - Throws: ``PricingError/Code/overflow``.
  public func capacity(hours: Int) throws -> FixedDecimal {
    try FixedDecimal(tokensPerSecond) * utilisation * (hours * 3_600)
  }

  /// The effective price per million tokens when the deployment runs at its utilisation.
  ///
  /// - Parameter hours: Hours in the period.
  /// - Returns: Cost ÷ capacity × 1,000,000, rounded at the 18th digit.
  /// - Throws: ``PricingError/Code/overflow``.
  public func pricePerMillion(hours: Int) throws -> Money {
    let perToken = try cost(hours: hours).amount.divided(by: capacity(hours: hours))
    return Money(try perToken * 1_000_000, currency)
  }

  /// The monthly volume at which the API costs as much as the deployment.
  ///
  /// - Parameters:
  ///   - apiPricePerMillion: The API's blended price per million tokens, in ``currency``.
  ///   - hours: Hours in the month.
  /// - Returns: Tokens per month; above it, self-hosting is cheaper (if it has the capacity).
  /// - Throws: ``PricingError/Code/currencyMismatch``; ``PricingError/Code/divisionByZero``
  ///   for a free API.
  public func breakEvenTokens(apiPricePerMillion: Money, hours: Int) throws -> FixedDecimal {
    guard apiPricePerMillion.currency == currency else {
      throw PricingError(
        .currencyMismatch,
        "the API price is in \(apiPricePerMillion.currency) but the deployment in \(currency); convert first"
      )
    }
    return try (try cost(hours: hours).amount * 1_000_000).divided(by: apiPricePerMillion.amount)
  }

  /// The cost of serving a monthly volume: the deployment up to its capacity, the API for
  /// the rest.
  ///
  /// - Parameters:
  ///   - tokens: Tokens in the month.
  ///   - apiPricePerMillion: The API's blended price per million tokens, in ``currency``.
  ///   - hours: Hours in the month.
  /// - Returns: The fixed cost plus the API cost of the overflow.
  /// - Throws: ``PricingError/Code/currencyMismatch``; ``PricingError/Code/overflow``.
  public func hybridCost(
    tokens: FixedDecimal,
    apiPricePerMillion: Money,
    hours: Int
  ) throws -> Money {
    guard apiPricePerMillion.currency == currency else {
      throw PricingError(.currencyMismatch, "convert the API price to \(currency) first")
    }
    let overflow = max(.zero, try tokens - capacity(hours: hours))
    let cloud = try (try overflow * apiPricePerMillion.amount).divided(by: 1_000_000)
    return Money(try cost(hours: hours).amount + cloud, currency)
  }
}

extension MonthlyCost {
  /// The blended price per million tokens (input and output together) of this month.
  public var blendedPricePerMillion: Money? {
    guard let tokens = try? inputTokens + outputTokens, !tokens.isZero,
      let perToken = try? total.amount.divided(by: tokens), let million = try? perToken * 1_000_000
    else { return nil }
    return Money(million, total.currency)
  }
}
