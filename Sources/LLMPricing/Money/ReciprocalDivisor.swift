/// A positive decimal below 2^64 units (about 18.4) prepared for exact division by
/// multiplication with its reciprocal.
///
/// `a.divided(by: d)` divides `a × 10^18` by `d`; Swift lowers the 128-by-64-bit divisions
/// that needs to calls of the runtime's slow `__udivti3`, two a quotient. Möller and
/// Granlund's method ("Improved division by invariant integers", 2011, algorithm 4)
/// instead multiplies by a precomputed reciprocal of the divisor shifted until its top
/// bit is set, with two rarely taken corrections. Preparing costs one division, so a
/// divisor used many times — an exchange rate over a run's months, a run's starting
/// average price — is prepared once and kept.
///
/// Quotients are exact and rounded half to even, the same bits as
/// ``FixedDecimal/divided(by:rounding:)`` with its default rule.
struct ReciprocalDivisor: Sendable {
  private let value: UInt64
  private let shift: Int
  private let normalized: UInt64
  private let reciprocal: UInt64

  /// Prepares a divisor; `nil` unless it is positive and below 2^64 units.
  init?(_ divisor: FixedDecimal) {
    guard divisor.high == 0, divisor.low > 0 else { return nil }
    value = divisor.low
    shift = value.leadingZeroBitCount
    normalized = value << shift
    // ⌊(2^128 − 1) ÷ normalized⌋ − 2^64, that is ⌊(~normalized × 2^64 + 2^64 − 1) ÷ normalized⌋.
    reciprocal = normalized.dividingFullWidth((~normalized, UInt64.max)).quotient
  }

  /// `dividend ÷ divisor`, rounded half to even; `nil` for a negative dividend or a
  /// quotient out of range, which the caller leaves to the general division.
  @inline(__always)
  func quotient(of dividend: FixedDecimal) -> FixedDecimal? {
    guard dividend.high >= 0 else { return nil }
    // The dividend times 10^18: three words.
    let (top, middle, low) = WideArithmetic.multiply(
      1_000_000_000_000_000_000,
      UInt64(bitPattern: dividend.high),
      dividend.low
    )
    // The quotient fits in 128 bits exactly when the top word is below the divisor; the
    // shifted words then divide in two steps, each with a remainder below the divisor.
    guard top < value else { return nil }
    let high = top << shift | (shift == 0 ? 0 : middle >> (64 - shift))
    let mid = middle << shift | (shift == 0 ? 0 : low >> (64 - shift))
    let (quotientHigh, remainderHigh) = step(high, mid)
    let (quotientLow, shiftedRemainder) = step(remainderHigh, low << shift)
    return FixedDecimal.nearest(
      quotient: UInt128(quotientHigh) << 64 | UInt128(quotientLow),
      remainder: UInt128(shiftedRemainder >> shift),
      divisor: UInt128(value)
    )
  }

  /// `(high × 2^64 + low) ÷ normalized` and its remainder, for `high < normalized`.
  @inline(__always)
  private func step(_ high: UInt64, _ low: UInt64) -> (UInt64, UInt64) {
    WideArithmetic.divide(high, low, byNormalized: normalized, reciprocal: reciprocal)
  }
}
