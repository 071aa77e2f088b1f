import Foundation

/// A set of dated exchange rates, and the rules for choosing among them.
///
/// A conversion at an instant uses the newest rate published at or before it: directly,
/// inversely (dividing by the stored rate, never multiplying by a rounded inverse), or
/// across a ``pivot`` currency when no rate joins the two currencies. Every conversion
/// reports the rates it used.
///
/// ```swift
/// let usd = try ExchangeRates.centralParity.convert(
///   Money(180, .cny), to: .usd, at: someDate)
/// print(usd.legs)  // [1 USD = 7.1069 CNY (2024-05-21, divided; …)]
/// ```
public struct ExchangeRates: Hashable, Sendable, Codable {
  /// The rates, oldest first.
  public let rates: [ExchangeRate]
  /// The currency that bridges two currencies with no rate between them.
  public let pivot: Currency
  /// How old, in days, the newest usable rate may be; `nil` accepts any age.
  public let maximumAgeInDays: Int?

  /// Creates a rate set.
  ///
  /// - Parameters:
  ///   - rates: The rates, in any order.
  ///   - pivot: The bridging currency for cross rates; the default is USD.
  ///   - maximumAgeInDays: How old, in days, a rate may be at the instant of a conversion;
  ///     `nil`, the default, accepts any age.
  public init(_ rates: [ExchangeRate], pivot: Currency = .usd, maximumAgeInDays: Int? = nil) {
    self.rates = rates.sorted { $0.asOf < $1.asOf }
    self.pivot = pivot
    self.maximumAgeInDays = maximumAgeInDays
  }

  /// Returns this set with a user's rates laid over it: for each currency pair the user
  /// gives a rate for (in either direction), the user's rates replace this set's from the
  /// user's first one on, so a user's rate always wins over the table.
  ///
  /// A standing rate (``ExchangeRate/init(base:quote:rate:source:)``) replaces every rate of
  /// its pair. Rates of other pairs, and this set's rates from before the user's first dated
  /// one, are kept.
  ///
  /// ```swift
  /// let mine = try ExchangeRate(base: .usd, quote: .cny, rate: 7.05, source: "budget 2027")
  /// let rates = ExchangeRates.centralParity.overriding(with: [mine])
  /// ```
  ///
  /// - Parameter userRates: The user's rates.
  /// - Returns: The combined set, with this set's pivot and maximum age.
  public func overriding(with userRates: [ExchangeRate]) -> ExchangeRates {
    struct Pair: Hashable {
      var a: String
      var b: String
      init(_ rate: ExchangeRate) {
        (a, b) =
          rate.base.code < rate.quote.code
          ? (rate.base.code, rate.quote.code) : (rate.quote.code, rate.base.code)
      }
    }
    var firstUserRate: [Pair: Date] = [:]
    for rate in userRates {
      let pair = Pair(rate)
      firstUserRate[pair] = min(firstUserRate[pair] ?? rate.asOf, rate.asOf)
    }
    let kept = rates.filter { rate in
      guard let first = firstUserRate[Pair(rate)] else { return true }
      return rate.asOf < first
    }
    return ExchangeRates(kept + userRates, pivot: pivot, maximumAgeInDays: maximumAgeInDays)
  }

  /// Returns a copy of this set that rejects rates older than a number of days.
  ///
  /// - Parameter days: The greatest accepted age, in days.
  /// - Returns: The same rates with the new limit.
  public func limitingAge(toDays days: Int) -> ExchangeRates {
    ExchangeRates(rates, pivot: pivot, maximumAgeInDays: days)
  }

  /// Converts an amount to another currency at an instant.
  ///
  /// The result is unrounded: exact for a direct rate whose digits and the amount's fit in
  /// 18 fractional digits, and otherwise rounded half to even at the 18th digit.
  ///
  /// - Parameters:
  ///   - money: The amount to convert.
  ///   - target: The currency to convert to.
  ///   - instant: When the conversion happens; it selects the rate.
  /// - Returns: The converted amount and the rates used.
  /// - Throws: ``PricingError/Code/missingExchangeRate`` when no rate, direct, inverse or
  ///   across the pivot, was published by `instant`; ``PricingError/Code/staleExchangeRate``
  ///   when the newest one is older than ``maximumAgeInDays``;
  ///   ``PricingError/Code/overflow`` when the result is out of range.
  public func convert(
    _ money: Money,
    to target: Currency,
    at instant: Date
  ) throws -> Conversion {
    guard money.currency != target else {
      return Conversion(original: money, converted: money, legs: [])
    }
    let legs = try path(from: money.currency, to: target, at: instant)
    var amount = money.amount
    for leg in legs {
      amount =
        leg.isInverse
        ? try amount.divided(by: leg.rate.rate) : try amount.multiplied(by: leg.rate.rate)
    }
    return Conversion(original: money, converted: Money(amount, target), legs: legs)
  }

  /// Returns the rates a conversion would apply, in order.
  ///
  /// - Parameters:
  ///   - source: The currency converted from.
  ///   - target: The currency converted to.
  ///   - instant: When the conversion happens.
  /// - Returns: One leg for a direct or inverse rate, two across the pivot.
  /// - Throws: ``PricingError/Code/missingExchangeRate`` or
  ///   ``PricingError/Code/staleExchangeRate``, as ``convert(_:to:at:)`` does.
  public func path(
    from source: Currency,
    to target: Currency,
    at instant: Date
  ) throws -> [AppliedRate] {
    // `Date`'s `<=` is `!(rhs < lhs)`, so a NaN instant would match every rate.
    guard instant.timeIntervalSince1970.isFinite else {
      throw PricingError(
        .invalidData,
        "the conversion instant \(instant.timeIntervalSince1970) is not a finite date"
      )
    }
    if let direct = try newest(from: source, to: target, at: instant) { return [direct] }
    if source != pivot, target != pivot,
      let first = try newest(from: source, to: pivot, at: instant),
      let second = try newest(from: pivot, to: target, at: instant)
    {
      return [first, second]
    }
    let day = CalendarDay(utcDateOf: instant)
    let route = source == pivot || target == pivot ? "" : " (directly or via \(pivot))"
    throw PricingError(
      .missingExchangeRate,
      "no exchange rate from \(source) to \(target)\(route) was published on or before "
        + "\(day); add one to the ExchangeRates you pass"
    )
  }

  /// The newest direct or inverse rate between two currencies at an instant.
  private func newest(
    from source: Currency,
    to target: Currency,
    at instant: Date
  ) throws -> AppliedRate? {
    let match = rates.last {
      $0.asOf <= instant
        && (($0.base == source && $0.quote == target) || ($0.base == target && $0.quote == source))
    }
    guard let match else { return nil }
    if let days = maximumAgeInDays,
      instant.timeIntervalSince(match.asOf) > TimeInterval(days) * 86_400
    {
      throw PricingError(
        .staleExchangeRate,
        "the newest \(match.base)/\(match.quote) rate is from \(CalendarDay(utcDateOf: match.asOf)), "
          + "more than \(days) days before \(CalendarDay(utcDateOf: instant)); pass newer rates "
          + "(llm-cost --fx \(match.base)/\(match.quote)=RATE or --fx-file FILE), or allow older "
          + "ones (a larger maximum age, or none: newer instants then use the latest rate, "
          + "flagged assumed)"
      )
    }
    return AppliedRate(rate: match, isInverse: match.base != source, at: instant)
  }
}

/// The result of a currency conversion, with the rates that produced it.
public struct Conversion: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The amount before conversion.
  public let original: Money
  /// The amount after conversion, unrounded.
  public let converted: Money
  /// The rates applied, in order; empty when no conversion was needed.
  public let legs: [AppliedRate]

  /// `180 CNY → 25 USD at 1 USD = 7.2 CNY (…)`.
  public var description: String {
    let rates = legs.map(\.description).joined(separator: ", then ")
    return "\(original) → \(converted)" + (legs.isEmpty ? "" : " at \(rates)")
  }
}
