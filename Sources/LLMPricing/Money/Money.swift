import Foundation

/// An exact amount of money in one currency.
///
/// Arithmetic is defined only between amounts of the same currency: adding yuan to dollars
/// throws ``PricingError/Code/currencyMismatch`` (it never traps, since amounts come from
/// files, responses and users), and so does overflow.
///
/// `Money` encodes in JSON as `{"amount": "0.008", "currency": "CNY"}`: the amount is an
/// exact decimal string.
///
/// ```swift
/// let price: Money = "¥0.008"
/// let total = try price * 1_000 + .cny(2)  // 10 CNY
/// print(total.formatted())  // ¥10.00
/// ```
///
/// There is deliberately no `Comparable` and no `Money × Money`: comparing or multiplying
/// across currencies has no meaning. Order amounts with ``isLess(than:)``,
/// `sorted()` or `sorted(byAmount:)`, which throw on mixed currencies.
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The exact amount, in units of ``currency``.
  public var amount: FixedDecimal
  /// The currency of ``amount``.
  public var currency: Currency

  /// Creates an amount of money.
  ///
  /// - Parameters:
  ///   - amount: The exact amount.
  ///   - currency: Its currency.
  public init(_ amount: FixedDecimal, _ currency: Currency) {
    self.amount = amount
    self.currency = currency
  }

  /// Returns zero in a currency.
  ///
  /// - Parameter currency: The currency.
  /// - Returns: An amount of zero.
  public static func zero(_ currency: Currency) -> Money { Money(.zero, currency) }

  /// The exact amount and the code, such as `"0.008 CNY"`.
  public var description: String { "\(amount) \(currency.code)" }

  /// Returns the sum, checking the currencies.
  ///
  /// - Parameter other: An amount in the same currency.
  /// - Returns: The exact sum.
  /// - Throws: ``PricingError/Code/currencyMismatch`` naming both currencies when they
  ///   differ; ``PricingError/Code/overflow`` when the sum is out of range.
  public func adding(_ other: Money) throws -> Money {
    guard currency == other.currency else {
      throw PricingError(
        .currencyMismatch,
        "cannot add \(other) to \(self); convert one of them first with ExchangeRates"
      )
    }
    return Money(try amount + other.amount, currency)
  }

  /// Returns the difference, checking the currencies.
  ///
  /// - Parameter other: An amount in the same currency.
  /// - Returns: The exact difference.
  /// - Throws: ``PricingError/Code/currencyMismatch`` when the currencies differ;
  ///   ``PricingError/Code/overflow`` when the difference is out of range.
  public func subtracting(_ other: Money) throws -> Money {
    guard currency == other.currency else {
      throw PricingError(
        .currencyMismatch,
        "cannot subtract \(other) from \(self); convert one of them first with ExchangeRates"
      )
    }
    return Money(try amount - other.amount, currency)
  }

  /// Returns the sum of two amounts in the same currency.
  ///
  /// - Parameters:
  ///   - lhs: An amount.
  ///   - rhs: An amount in the same currency.
  /// - Returns: The exact sum.
  /// - Throws: ``PricingError/Code/currencyMismatch`` when the currencies differ (never a
  ///   trap: amounts come from files and users); ``PricingError/Code/overflow`` when the
  ///   sum is out of range.
  public static func + (lhs: Money, rhs: Money) throws -> Money {
    try lhs.adding(rhs)
  }

  /// Returns the difference of two amounts in the same currency.
  ///
  /// - Parameters:
  ///   - lhs: An amount.
  ///   - rhs: An amount in the same currency.
  /// - Returns: The exact difference.
  /// - Throws: ``PricingError/Code/currencyMismatch`` when the currencies differ (never a
  ///   trap); ``PricingError/Code/overflow`` when the difference is out of range.
  public static func - (lhs: Money, rhs: Money) throws -> Money {
    try lhs.subtracting(rhs)
  }

  /// Returns the amount scaled by a decimal factor, keeping the currency.
  ///
  /// - Parameters:
  ///   - lhs: The amount.
  ///   - rhs: The factor, such as a discount multiplier.
  /// - Returns: The product, rounded half to even at the 18th fractional digit.
  /// - Throws: ``PricingError/Code/overflow`` when the product is out of range.
  public static func * (lhs: Money, rhs: FixedDecimal) throws -> Money {
    Money(try lhs.amount * rhs, lhs.currency)
  }

  /// Returns the amount times a count, keeping the currency.
  ///
  /// - Parameters:
  ///   - lhs: The amount.
  ///   - rhs: The count.
  /// - Returns: The exact product.
  /// - Throws: ``PricingError/Code/overflow`` when the product is out of range.
  public static func * (lhs: Money, rhs: Int) throws -> Money {
    Money(try lhs.amount * rhs, lhs.currency)
  }

  /// Returns the amount rounded to the currency's minor unit (fen, cents).
  ///
  /// ```swift
  /// Money(try FixedDecimal("2.345"), .cny).rounded()  // 2.34 CNY
  /// ```
  ///
  /// - Parameter rule: The rounding rule; the default rounds half to even.
  /// - Returns: The rounded amount in the same currency.
  public func rounded(_ rule: RoundingRule = .toNearestOrEven) -> Money {
    Money(amount.rounded(toPlaces: currency.minorUnitDigits, rule), currency)
  }

  /// Returns the amount rounded to a number of fractional digits.
  ///
  /// - Parameters:
  ///   - places: The fractional digits to keep, from 0 to 18.
  ///   - rule: The rounding rule; the default rounds half to even.
  /// - Returns: The rounded amount in the same currency.
  public func rounded(toPlaces places: Int, _ rule: RoundingRule = .toNearestOrEven) -> Money {
    Money(amount.rounded(toPlaces: places, rule), currency)
  }

  /// Formats the amount for people: `¥1,234.56`, `-$0.50`, and `¥0.00234` for the cost of
  /// one request.
  ///
  /// Amounts of one whole unit or more are rounded to the minor unit (fen, cents). A smaller
  /// amount keeps three significant digits (at least the minor-unit places, trailing zeros
  /// dropped down to them), so a single request priced at a fraction of a fen does not
  /// print as `¥0.00`. Use ``formatted(places:_:)`` for a fixed number of places.
  ///
  /// The output does not depend on the machine's locale; use ``formatted(locale:_:)`` for
  /// locale-aware separators and symbol placement.
  ///
  /// - Parameter rule: The rounding rule; the default rounds half to even.
  /// - Returns: The symbol, grouped integer digits and the fractional digits.
  public func formatted(_ rule: RoundingRule = .toNearestOrEven) -> String {
    formatted(places: displayPlaces, rule, trimmingTo: currency.minorUnitDigits)
  }

  /// Formats the amount for people with a fixed number of fractional digits.
  ///
  /// ```swift
  /// Money.cny("0.0023").formatted(places: 2)  // ¥0.00
  /// Money.cny("0.0023").formatted(places: 4)  // ¥0.0023
  /// ```
  ///
  /// - Parameters:
  ///   - places: The fractional digits, from 0 to 18.
  ///   - rule: The rounding rule; the default rounds half to even.
  /// - Returns: The symbol, grouped integer digits and exactly `places` fractional digits.
  public func formatted(places: Int, _ rule: RoundingRule = .toNearestOrEven) -> String {
    formatted(places: places, rule, trimmingTo: places)
  }

  /// The places ``formatted(_:)`` shows: the minor unit for a whole unit or more, enough
  /// for three significant digits below.
  var displayPlaces: Int {
    let minor = currency.minorUnitDigits
    guard !amount.isZero, amount.magnitude < FixedDecimal(1) else { return minor }
    // The plain text of a magnitude under 1 is "0.000ddd"; the zeros after the point
    // come before the first significant digit.
    let text = amount.magnitude.description
    let fraction = text.drop { $0 != "." }.dropFirst()
    let leadingZeros = fraction.prefix { $0 == "0" }.count
    return Swift.min(FixedDecimal.fractionDigits, Swift.max(minor, leadingZeros + 3))
  }

  private func formatted(places: Int, _ rule: RoundingRule, trimmingTo minimum: Int) -> String {
    var text = amount.rounded(toPlaces: places, rule).formatted(places: places)
    if places > minimum {
      var extra = places - minimum
      while extra > 0, text.hasSuffix("0") {
        text.removeLast()
        extra -= 1
      }
      if text.hasSuffix(".") { text.removeLast() }
    }
    let grouped = DecimalFormatter.grouped(text)
    return grouped.hasPrefix("-")
      ? "-" + currency.symbol + grouped.dropFirst()
      : currency.symbol + grouped
  }

  /// Formats the amount for people in a locale's conventions.
  ///
  /// The amount is rounded exactly first, to the places ``formatted(_:)`` would show (the
  /// minor unit, or three significant digits below one unit), then laid out by
  /// Foundation's currency formatter: `1.234,56 €` in `de_DE`, `¥1,234.56` in `zh_CN`.
  ///
  /// - Parameters:
  ///   - locale: The locale whose separators and symbol placement to use.
  ///   - rule: The rounding rule; the default rounds half to even.
  /// - Returns: The formatted amount.
  public func formatted(locale: Locale, _ rule: RoundingRule = .toNearestOrEven) -> String {
    let places = displayPlaces
    let text = amount.rounded(toPlaces: places, rule).formatted(places: places)
    let formatter = NumberFormatter()
    formatter.locale = locale
    formatter.numberStyle = .currency
    formatter.currencyCode = currency.code
    formatter.minimumFractionDigits = currency.minorUnitDigits
    formatter.maximumFractionDigits = places
    // Decimal holds 38 significant digits, more than a rounded in-range amount needs,
    // so this hand-over is exact.
    guard let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
      let formatted = formatter.string(from: decimal as NSDecimalNumber)
    else { return formatted(rule) }
    return formatted
  }
}
