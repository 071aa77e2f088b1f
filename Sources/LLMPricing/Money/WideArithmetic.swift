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
      // Multiplication of two decimals, one of them below 18.4: one or two steps of a
      // division by a reciprocal instead of a 256-bit division.
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
    // Bit tests, not `UInt128(Int128.max)` and `Int128(quotient)`: those generic
    // conversions compile to out-of-line calls, two per product.
    guard quotient >> 127 == 0 else { return nil }
    let magnitude = Int128(truncatingIfNeeded: quotient)
    return resultIsNegative ? -magnitude : magnitude
  }

  /// 10^18, the divisor of every product of two ``FixedDecimal`` values.
  private static let unit: UInt128 = 1_000_000_000_000_000_000

  /// 10^18 × 2^4: the divisor shifted until its top bit is set, as the reciprocal
  /// division below requires.
  private static let normalizedUnit: UInt64 = 16_000_000_000_000_000_000

  /// `⌊(2^128 − 1) ÷ normalizedUnit⌋ − 2^64`, the reciprocal of ``normalizedUnit``.
  private static let unitReciprocal: UInt64 = 2_820_903_858_849_102_350

  /// `(high × 2^64 + low) ÷ normalizedUnit` and its remainder, for `high < normalizedUnit`,
  /// by multiplying with a precomputed reciprocal.
  ///
  /// Möller and Granlund, "Improved division by invariant integers" (2011), algorithm 4:
  /// one 64-by-64-bit product and two rarely taken corrections, where a division calls
  /// the runtime's 128-bit routine. Products of decimals were the largest cost of Monte
  /// Carlo runs.
  @inline(__always)
  static func divideByNormalizedUnit(
    _ high: UInt64,
    _ low: UInt64
  ) -> (quotient: UInt64, remainder: UInt64) {
    divide(high, low, byNormalized: normalizedUnit, reciprocal: unitReciprocal)
  }

  /// `(high × 2^64 + low) ÷ divisor` and its remainder, for a divisor whose top bit is set
  /// and `high < divisor`, given `reciprocal = ⌊(2^128 − 1) ÷ divisor⌋ − 2^64`.
  ///
  /// Möller and Granlund's algorithm 4; ``ReciprocalDivisor`` uses it with a reciprocal
  /// computed for its divisor.
  @inline(__always)
  static func divide(
    _ high: UInt64,
    _ low: UInt64,
    byNormalized divisor: UInt64,
    reciprocal: UInt64
  ) -> (quotient: UInt64, remainder: UInt64) {
    let product = reciprocal.multipliedFullWidth(by: high)
    let (sumLow, carry) = product.low.addingReportingOverflow(low)
    var quotient = product.high &+ high &+ (carry ? 1 : 0) &+ 1
    var remainder = low &- quotient &* divisor
    if remainder > sumLow {
      quotient &-= 1
      remainder &+= divisor
    }
    if remainder >= divisor {
      quotient &+= 1
      remainder &-= divisor
    }
    return (quotient, remainder)
  }

  /// `a × b ÷ 10^18` with its remainder, when one factor is below 2^64.
  ///
  /// The product has at most 192 bits, three 64-bit limbs; shifted left by 4 to match
  /// ``normalizedUnit``, it divides in two steps of ``divideByNormalizedUnit(_:_:)``.
  /// `nil` when neither factor is small, or when the quotient needs more than 128 bits.
  @inline(__always)
  static func productOverUnit(_ a: UInt128, _ b: UInt128) -> (UInt128, UInt128)? {
    let (small, large) = a <= b ? (a, b) : (b, a)
    guard small >> 64 == 0 else { return nil }
    let (top, middle, low) = multiply(
      UInt64(truncatingIfNeeded: small),
      UInt64(truncatingIfNeeded: large >> 64),
      UInt64(truncatingIfNeeded: large)
    )
    return overUnit(top, middle, low)
  }

  /// `factor × (high × 2^64 + low)` as three words, most significant first: the 192-bit
  /// product of a 64-bit and a 128-bit value, which cannot overflow.
  @inline(__always)
  static func multiply(
    _ factor: UInt64,
    _ high: UInt64,
    _ low: UInt64
  ) -> (top: UInt64, middle: UInt64, low: UInt64) {
    let lower = factor.multipliedFullWidth(by: low)
    let upper = factor.multipliedFullWidth(by: high)
    let (middle, carry) = upper.low.addingReportingOverflow(lower.high)
    return (upper.high &+ (carry ? 1 : 0), middle, lower.low)
  }

  /// `(top × 2^128 + middle × 2^64 + low) ÷ 10^18` with its remainder, or `nil` when the
  /// quotient needs more than 128 bits (when `top` is 10^18 or more).
  @inline(__always)
  static func overUnit(_ top: UInt64, _ middle: UInt64, _ low: UInt64) -> (UInt128, UInt128)? {
    // The quotient fits in 128 bits exactly when the top limb is below 10^18; then the
    // shifted top limb is below the normalized divisor, as the division needs.
    guard top < UInt64(truncatingIfNeeded: unit) else { return nil }
    if top == 0, middle < normalizedUnit >> 4 {
      // A quotient below 2^64, as for most products of prices, shares and rates: one
      // step, since the upper shifted limb is below the divisor.
      let (quotient, remainder) = divideByNormalizedUnit(
        middle << 4 | low >> 60,
        low << 4
      )
      return (UInt128(quotient), UInt128(remainder >> 4))
    }
    let (quotientHigh, remainderHigh) = divideByNormalizedUnit(
      top << 4 | middle >> 60,
      middle << 4 | low >> 60
    )
    let (quotientLow, remainder) = divideByNormalizedUnit(remainderHigh, low << 4)
    return (UInt128(quotientHigh) << 64 | UInt128(quotientLow), UInt128(remainder >> 4))
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
