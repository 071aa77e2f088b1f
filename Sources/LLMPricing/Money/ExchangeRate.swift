import Foundation

/// One dated exchange rate with its source: `rate` units of ``quote`` buy one ``base``.
///
/// ```swift
/// let fixing = try ExchangeRate(
///   base: .usd, quote: .cny, rate: try FixedDecimal("7.1069"),
///   asOf: Date(timeIntervalSince1970: 1_716_254_100),  // 2024-05-21 09:15 Beijing
///   source: "https://menafn.com/1108239145")
/// ```
public struct ExchangeRate: Hashable, Sendable, Codable {
  /// The currency being priced, such as USD in "1 USD = 7.1069 CNY".
  public let base: Currency
  /// The currency the price is expressed in, such as CNY in "1 USD = 7.1069 CNY".
  public let quote: Currency
  /// Units of ``quote`` per one unit of ``base``; always greater than zero.
  public let rate: FixedDecimal
  /// The instant from which the rate applies.
  public let asOf: Date
  /// Where the rate was published: a URL or a short citation.
  public let source: String

  /// Creates a validated exchange rate.
  ///
  /// - Parameters:
  ///   - base: The currency being priced.
  ///   - quote: The currency the price is expressed in.
  ///   - rate: Units of `quote` per one `base`.
  ///   - asOf: The instant from which the rate applies.
  ///   - source: Where the rate was published.
  /// - Throws: ``PricingError/Code/invalidExchangeRate`` naming the rate when it is zero or
  ///   negative, when `base == quote`, or when `source` is empty.
  public init(
    base: Currency,
    quote: Currency,
    rate: FixedDecimal,
    asOf: Date,
    source: String
  ) throws {
    guard rate > .zero else {
      throw PricingError(
        .invalidExchangeRate,
        "the \(base)/\(quote) rate \(rate) must be greater than zero"
      )
    }
    guard base != quote else {
      throw PricingError(.invalidExchangeRate, "a rate from \(base) to itself is not allowed")
    }
    guard !source.isEmpty else {
      throw PricingError(
        .invalidExchangeRate,
        "the \(base)/\(quote) rate \(rate) has no source; say where it was published"
      )
    }
    self.base = base
    self.quote = quote
    self.rate = rate
    self.asOf = asOf
    self.source = source
  }

  private enum CodingKeys: String, CodingKey {
    case base, quote, rate, asOf, source
  }

  /// Decodes a rate through the validating initializer.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path of a missing or invalid value.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let rate = try container.decode(FixedDecimal.self, forKey: .rate)
    // The rule broken may involve several keys (rate, currencies, source): name the object.
    self = try decoder.validated {
      try Self(
        base: container.decode(Currency.self, forKey: .base),
        quote: container.decode(Currency.self, forKey: .quote),
        rate: rate,
        asOf: container.decode(Date.self, forKey: .asOf),
        source: container.decode(String.self, forKey: .source)
      )
    }
  }
}

/// How one exchange rate was applied in a conversion.
public struct AppliedRate: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The stored rate.
  public let rate: ExchangeRate
  /// Whether the conversion went from ``ExchangeRate/quote`` to ``ExchangeRate/base``,
  /// dividing by the stored rate rather than multiplying by a rounded inverse.
  public let isInverse: Bool

  /// The currency converted from.
  public var from: Currency { isInverse ? rate.quote : rate.base }
  /// The currency converted to.
  public var to: Currency { isInverse ? rate.base : rate.quote }

  /// The rate as stored and its date and source: `1 USD = 7.1069 CNY (2024-05-21, …)`.
  public var description: String {
    let day = CalendarDay(utcDateOf: rate.asOf)
    let direction = isInverse ? ", divided" : ""
    return "1 \(rate.base) = \(rate.rate) \(rate.quote) (\(day)\(direction); \(rate.source))"
  }
}
