extension FixedDecimal {
  /// The sum of the products of pairs, exact until one rounding at the end.
  ///
  /// Adding rounded products (`try a * b + c * d`) rounds every term at the 18th fractional
  /// digit; this keeps every product whole and rounds the total once, half to even. The
  /// scenario engine computes a market's share-weighted average price this way.
  ///
  /// ```swift
  /// let average = try FixedDecimal.sumOfProducts([(share, price), (otherShare, otherPrice)])
  /// ```
  ///
  /// - Parameter terms: The pairs of factors, none of them negative.
  /// - Returns: `Σ a × b`, rounded half to even at the 18th fractional digit; zero for none.
  /// - Throws: ``PricingError/Code/invalidNumber`` naming the first term with a negative
  ///   factor; ``PricingError/Code/overflow`` when the sum is out of range.
  public static func sumOfProducts(
    _ terms: some Sequence<(FixedDecimal, FixedDecimal)>
  ) throws -> FixedDecimal {
    var sum = ProductSum()
    for (position, (a, b)) in terms.enumerated() {
      try checkNonNegative(position, a, b)
      sum.add(a, times: b)
    }
    guard let total = sum.rounded() else {
      throw PricingError(.overflow, "a sum of products is outside the representable range")
    }
    return total
  }

  /// The sum of the products of triples, exact until one rounding at the end.
  ///
  /// The scenario engine totals revenue this way: share × market volume × price, month by
  /// month, rounded once. Each term is kept whole, up to 54 fractional digits.
  ///
  /// - Parameter terms: The triples of factors, none of them negative.
  /// - Returns: `Σ a × b × c`, rounded half to even at the 18th fractional digit; zero for
  ///   none.
  /// - Throws: ``PricingError/Code/invalidNumber`` naming the first term with a negative
  ///   factor; ``PricingError/Code/overflow`` when the sum is out of range.
  public static func sumOfProducts(
    _ terms: some Sequence<(FixedDecimal, FixedDecimal, FixedDecimal)>
  ) throws -> FixedDecimal {
    var sum = TripleProductSum()
    for (position, (a, b, c)) in terms.enumerated() {
      try checkNonNegative(position, a, b, c)
      sum.add(ProductSum(a, times: b), times: c)
    }
    guard let total = sum.rounded() else {
      throw PricingError(.overflow, "a sum of products is outside the representable range")
    }
    return total
  }

  /// Throws for a term with a negative factor, naming it.
  private static func checkNonNegative(_ position: Int, _ factors: FixedDecimal...) throws {
    guard let negative = factors.first(where: \.isNegative) else { return }
    throw PricingError(
      .invalidNumber,
      "term \(position) has the negative factor \(negative); sums of products take "
        + "non-negative factors, so subtract the negative terms' sum instead"
    )
  }
}
