extension Money {
  /// Whether this amount is less than another in the same currency.
  ///
  /// `Money` is deliberately not `Comparable`: `<` cannot throw, and an order between yuan
  /// and dollars without an exchange rate would be a silent wrong answer. Comparing across
  /// currencies is a thrown error instead; convert first with ``ExchangeRates``.
  ///
  /// - Parameter other: An amount in the same currency.
  /// - Returns: Whether `self < other`.
  /// - Throws: ``PricingError/Code/currencyMismatch`` naming both amounts when the
  ///   currencies differ.
  public func isLess(than other: Money) throws -> Bool {
    guard currency == other.currency else {
      throw PricingError(
        .currencyMismatch,
        "cannot compare \(self) with \(other); convert one of them first with ExchangeRates"
      )
    }
    return amount < other.amount
  }
}

extension Sequence where Element == Money {
  /// The amounts in ascending order.
  ///
  /// ```swift
  /// let bills: [Money] = ["¥120", "¥80.50", "¥99"]
  /// try bills.sorted()  // ¥80.50, ¥99, ¥120
  /// ```
  ///
  /// - Returns: The amounts, smallest first; equal amounts keep their order.
  /// - Throws: ``PricingError/Code/currencyMismatch`` when the amounts are not all in one
  ///   currency.
  public func sorted() throws -> [Money] {
    try sorted(byAmount: { $0 })
  }

  /// The smallest amount, or `nil` for an empty sequence.
  ///
  /// - Returns: The least amount.
  /// - Throws: ``PricingError/Code/currencyMismatch`` when the currencies differ.
  public func min() throws -> Money? {
    try reduce(nil) { least, next in
      guard let least else { return next }
      return try next.isLess(than: least) ? next : least
    }
  }

  /// The largest amount, or `nil` for an empty sequence.
  ///
  /// - Returns: The greatest amount.
  /// - Throws: ``PricingError/Code/currencyMismatch`` when the currencies differ.
  public func max() throws -> Money? {
    try reduce(nil) { most, next in
      guard let most else { return next }
      return try most.isLess(than: next) ? next : most
    }
  }

  /// The exact sum of amounts in one currency; zero for an empty sequence.
  ///
  /// ```swift
  /// let total = try bills.sum(in: .cny)
  /// ```
  ///
  /// - Parameter currency: The currency every amount must be in, and of the result.
  /// - Returns: The sum.
  /// - Throws: ``PricingError/Code/currencyMismatch`` naming the first amount in another
  ///   currency; ``PricingError/Code/overflow`` when the sum is out of range.
  public func sum(in currency: Currency) throws -> Money {
    try reduce(Money.zero(currency)) { try $0.adding($1) }
  }
}

extension Sequence {
  /// The elements in ascending order of an amount of money, such as each bill's total.
  ///
  /// ```swift
  /// let cheapestFirst = try costs.sorted(byAmount: \.total)
  /// ```
  ///
  /// - Parameter amount: The amount to order by; every element's must be in one currency.
  /// - Returns: The elements, smallest amount first; ties keep their order.
  /// - Throws: ``PricingError/Code/currencyMismatch`` when two amounts' currencies differ;
  ///   whatever `amount` throws.
  public func sorted(byAmount amount: (Element) throws -> Money) throws -> [Element] {
    let keyed = try enumerated().map {
      (offset: $0.offset, key: try amount($0.element), $0.element)
    }
    if let first = keyed.first {
      for other in keyed where other.key.currency != first.key.currency {
        _ = try first.key.isLess(than: other.key)
      }
    }
    return keyed.sorted {
      $0.key.amount != $1.key.amount ? $0.key.amount < $1.key.amount : $0.offset < $1.offset
    }.map(\.2)
  }
}
