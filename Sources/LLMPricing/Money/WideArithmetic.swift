/// Full-width integer helpers behind ``FixedDecimal``'s multiplication and division.
///
/// Products of two 128-bit values need 256 bits before they are scaled back down;
/// the standard library's `multipliedFullWidth(by:)` and `dividingFullWidth(_:)` provide
/// them without any intermediate overflow.
enum WideArithmetic {
  /// Returns 10 to the given power, for exponents from 0 to 38.
  ///
  /// Computed rather than tabulated: arrays of `Int128` are avoided (see ``FixedDecimal``).
  static func powerOfTen(_ exponent: Int) -> Int128 {
    var result: Int128 = 1
    for _ in 0..<exponent { result *= 10 }
    return result
  }

  /// Returns `a × b ÷ divisor`, rounded by `rule`, or `nil` when the result overflows.
  ///
  /// - Precondition: `divisor` is not zero.
  static func multiplyDivide(
    _ a: Int128,
    _ b: Int128,
    dividingBy divisor: Int128,
    rounding rule: RoundingRule
  ) -> Int128? {
    let isNegative = (a < 0) != (b < 0) && a != 0 && b != 0
    let resultIsNegative = isNegative != (divisor < 0)
    let divisorMagnitude = divisor.magnitude
    let product = a.magnitude.multipliedFullWidth(by: b.magnitude)
    // dividingFullWidth traps when the quotient does not fit; rule that out first.
    guard product.high < divisorMagnitude else { return nil }
    var (quotient, remainder) = divide(product, by: divisorMagnitude)
    if rule.roundsUp(
      quotient: quotient,
      remainder: remainder,
      divisor: divisorMagnitude,
      isNegative: resultIsNegative
    ) {
      guard quotient < UInt128.max else { return nil }
      quotient += 1
    }
    // Bit tests, not `UInt128(Int128.max)` and `Int128(quotient)`: those generic
    // conversions compile to out-of-line calls, two per product.
    guard quotient >> 127 == 0 else { return nil }
    let magnitude = Int128(truncatingIfNeeded: quotient)
    return resultIsNegative ? -magnitude : magnitude
  }

  /// A 256-bit value over a divisor whose quotient fits in 128 bits.
  private static func divide(
    _ product: (high: UInt128, low: UInt128),
    by divisorMagnitude: UInt128
  ) -> (quotient: UInt128, remainder: UInt128) {
    guard let small = UInt64(exactly: divisorMagnitude) else {
      return divisorMagnitude.dividingFullWidth(product)
    }
    // A divisor below 2^64, such as 10^18 for every product: long division by 64-bit limbs,
    // two steps since `product.high < divisor`, where the generic 256-bit division is many
    // times slower.
    let top = UInt64(truncatingIfNeeded: product.high)
    let middle = UInt64(truncatingIfNeeded: product.low >> 64)
    let low = UInt64(truncatingIfNeeded: product.low)
    let (quotientHigh, remainderHigh) = small.dividingFullWidth((top, middle))
    let (quotientLow, rest) = small.dividingFullWidth((remainderHigh, low))
    return (UInt128(quotientHigh) << 64 | UInt128(quotientLow), UInt128(rest))
  }
}
