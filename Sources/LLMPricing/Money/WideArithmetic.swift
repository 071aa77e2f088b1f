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
    let product = a.magnitude.multipliedFullWidth(by: b.magnitude)
    let divisorMagnitude = divisor.magnitude
    // dividingFullWidth traps when the quotient does not fit; rule that out first.
    guard product.high < divisorMagnitude else { return nil }
    var (quotient, remainder) = divisorMagnitude.dividingFullWidth(product)
    if rule.roundsUp(
      quotient: quotient,
      remainder: remainder,
      divisor: divisorMagnitude,
      isNegative: resultIsNegative
    ) {
      guard quotient < UInt128.max else { return nil }
      quotient += 1
      remainder = 0
    }
    guard quotient <= UInt128(Int128.max) else { return nil }
    let magnitude = Int128(quotient)
    return resultIsNegative ? -magnitude : magnitude
  }
}
