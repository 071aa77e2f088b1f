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
  @inline(__always)
  static func multiplyDivide(
    _ a: Int128,
    _ b: Int128,
    dividingBy divisor: Int128,
    rounding rule: RoundingRule
  ) -> Int128? {
    let isNegative = (a < 0) != (b < 0) && a != 0 && b != 0
    let resultIsNegative = isNegative != (divisor < 0)
    let divisorMagnitude = divisor.magnitude
    var quotient: UInt128
    var remainder: UInt128
    if divisorMagnitude == unit,
      let (wholeQuotient, rest) = productOverUnit(a.magnitude, b.magnitude)
    {
      // Multiplication of two decimals, one of them below 18.4: one or two 128-by-64-bit
      // divisions instead of a 256-bit one.
      (quotient, remainder) = (wholeQuotient, rest)
    } else {
      let product = a.magnitude.multipliedFullWidth(by: b.magnitude)
      // dividingFullWidth traps when the quotient does not fit; rule that out first.
      guard product.high < divisorMagnitude else { return nil }
      (quotient, remainder) = divide(product, by: divisorMagnitude)
    }
    if rule.roundsUp(
      quotient: quotient,
      remainder: remainder,
      divisor: divisorMagnitude,
      isNegative: resultIsNegative
    ) {
      guard quotient < UInt128.max else { return nil }
      quotient += 1
    }
    guard quotient <= UInt128(Int128.max) else { return nil }
    let magnitude = Int128(quotient)
    return resultIsNegative ? -magnitude : magnitude
  }

  /// 10^18, the divisor of every product of two ``FixedDecimal`` values.
  private static let unit: UInt128 = 1_000_000_000_000_000_000

  /// `x ÷ 10^18` and its remainder; a 128-by-64-bit division, several times faster than
  /// the generic 256-bit one.
  @inline(__always)
  static func dividedByUnit(_ x: UInt128) -> (quotient: UInt128, remainder: UInt128) {
    let quotient = x / unit
    return (quotient, x &- quotient &* unit)
  }

  /// `a × b ÷ 10^18` with its remainder, when one factor is below 2^64.
  ///
  /// The larger factor splits into whole and fractional units, `b = b₁ × 10^18 + b₀`, so
  /// `a × b ÷ 10^18 = a × b₁ + a × b₀ ÷ 10^18`, and `a × b₀ < 2^128`. `nil` when neither
  /// factor is small, or when the quotient needs more than 128 bits.
  @inline(__always)
  static func productOverUnit(_ a: UInt128, _ b: UInt128) -> (UInt128, UInt128)? {
    let (small, large) = a <= b ? (a, b) : (b, a)
    guard small >> 64 == 0 else { return nil }
    if large >> 64 == 0 { return dividedByUnit(small &* large) }
    let (whole, fraction) = dividedByUnit(large)
    let (low, remainder) = dividedByUnit(small &* fraction)
    let (high, overflow) = small.multipliedReportingOverflow(by: whole)
    guard !overflow else { return nil }
    let (sum, carry) = high.addingReportingOverflow(low)
    guard !carry else { return nil }
    return (sum, remainder)
  }

  /// A 256-bit value over a divisor whose quotient fits in 128 bits.
  private static func divide(
    _ product: (high: UInt128, low: UInt128),
    by divisorMagnitude: UInt128
  ) -> (UInt128, UInt128) {
    var quotient: UInt128
    var remainder: UInt128
    if let small = UInt64(exactly: divisorMagnitude) {
      // The common case — a divisor below 2^64, such as 10^18 — as long division by 64-bit
      // limbs: `product.high < divisor` leaves two steps. The generic 256-bit division is
      // many times slower and dominated Monte Carlo runs.
      let top = UInt64(truncatingIfNeeded: product.high)
      let middle = UInt64(truncatingIfNeeded: product.low >> 64)
      let low = UInt64(truncatingIfNeeded: product.low)
      let (quotientHigh, remainderHigh) = small.dividingFullWidth((top, middle))
      let (quotientLow, rest) = small.dividingFullWidth((remainderHigh, low))
      quotient = UInt128(quotientHigh) << 64 | UInt128(quotientLow)
      remainder = UInt128(rest)
    } else {
      (quotient, remainder) = divisorMagnitude.dividingFullWidth(product)
    }
    return (quotient, remainder)
  }
}
