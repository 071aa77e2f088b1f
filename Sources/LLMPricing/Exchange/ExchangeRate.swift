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

  /// Creates a standing rate: one that applies at every instant, such as a rate a user
  /// chooses for a budget (`--fx USD/CNY=7.05`).
  ///
  /// Its ``asOf`` is `Date.distantPast`, so it is older than every dated rate and wins over
  /// none of them in an ``ExchangeRates`` unless it replaces them (see
  /// ``ExchangeRates/overriding(with:)``). A standing rate is never flagged assumed: the
  /// user chose it.
  ///
  /// - Parameters:
  ///   - base: The currency being priced.
  ///   - quote: The currency the price is expressed in.
  ///   - rate: Units of `quote` per one `base`.
  ///   - source: Where it comes from, such as `"--fx USD/CNY=7.05"`.
  /// - Throws: The errors of ``init(base:quote:rate:asOf:source:)``.
  public init(base: Currency, quote: Currency, rate: FixedDecimal, source: String) throws {
    try self.init(base: base, quote: quote, rate: rate, asOf: .distantPast, source: source)
  }

  /// Whether the rate applies at every instant (see ``init(base:quote:rate:source:)``).
  public var isStanding: Bool { asOf == .distantPast }

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

/// How one exchange rate was applied in a conversion, and how far to trust it there.
///
/// A rate is *assumed* when it is more than ``assumptionAgeInDays`` days older than the
/// instant it converts, or the instant is in the future: the figure then rests on the
/// assumption that the rate has not moved, and text and JSON outputs say so.
public struct AppliedRate: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The stored rate.
  public let rate: ExchangeRate
  /// Whether the conversion went from ``ExchangeRate/quote`` to ``ExchangeRate/base``,
  /// dividing by the stored rate rather than multiplying by a rounded inverse.
  public let isInverse: Bool
  /// Whole days from the rate's ``ExchangeRate/asOf`` to the converted instant; `nil` for
  /// a standing rate (see ``ExchangeRate/isStanding``).
  public let ageDays: Int?
  /// Whether the figure rests on an assumed rate: older than ``assumptionAgeInDays`` at the
  /// instant, or applied to an instant in the future.
  public let isAssumed: Bool

  /// How old a rate may be, in days, before a conversion with it is flagged assumed: 31.
  public static let assumptionAgeInDays = 31

  /// Creates an applied rate.
  ///
  /// - Parameters:
  ///   - rate: The stored rate.
  ///   - isInverse: Whether the conversion divides by the rate.
  ///   - instant: The instant converted.
  ///   - now: The present, to tell a future instant; the default is the system clock.
  public init(rate: ExchangeRate, isInverse: Bool, at instant: Date, now: Date = Date()) {
    self.rate = rate
    self.isInverse = isInverse
    if rate.isStanding {
      self.ageDays = nil
      self.isAssumed = false
    } else {
      let days = Int((instant.timeIntervalSince(rate.asOf) / 86_400).rounded(.down))
      self.ageDays = days
      self.isAssumed = days > Self.assumptionAgeInDays || instant > now
    }
  }

  /// The currency converted from.
  public var from: Currency { isInverse ? rate.quote : rate.base }
  /// The currency converted to.
  public var to: Currency { isInverse ? rate.base : rate.quote }

  /// Why the figure is assumed, in words, or `nil` when it is not.
  public var assumption: String? {
    guard isAssumed, let ageDays else { return nil }
    let day = CalendarDay(utcDateOf: rate.asOf)
    let when =
      ageDays > Self.assumptionAgeInDays
      ? "\(ageDays) days old at the converted instant" : "applied to an instant in the future"
    return "assumed exchange rate: 1 \(rate.base) = \(rate.rate) \(rate.quote) of \(day) is "
      + "\(when); pass a current rate (--fx \(rate.base)/\(rate.quote)=RATE or --fx-file FILE, "
      + "or your own ExchangeRates)"
  }

  /// The rate as stored and its date and source: `1 USD = 7.1069 CNY (2024-05-21, …)`.
  public var description: String {
    let day = rate.isStanding ? "standing rate" : CalendarDay(utcDateOf: rate.asOf).description
    let direction = isInverse ? ", divided" : ""
    let assumed = isAssumed ? ", assumed" : ""
    return
      "1 \(rate.base) = \(rate.rate) \(rate.quote) (\(day)\(direction)\(assumed); \(rate.source))"
  }
}
