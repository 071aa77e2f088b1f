/// An exact sum of products of three non-negative decimals, rounded once when it is read.
///
/// A scenario's revenue is `Σ share × market volume × effective price` over its months.
/// Rounding each month's volume, or each stretch of months at one price, and then
/// multiplying by the price costs a division by 10¹⁸ twice for every price change, and
/// a market whose followers reprice monthly changes prices about every other offering
/// and month. This keeps every term whole instead: a ``ProductSum`` (share × volume,
/// up to 256 bits) times a price, in a 384-bit count of 10⁻⁵⁴ units, divided by 10³⁶
/// once at the end.
struct TripleProductSum: Sendable {
  private var limbs: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
  /// Set when a term was negative or the sum passed 2³⁸⁴; ``rounded()`` then fails.
  private var isInvalid = false

  /// An empty sum.
  init() {}

  /// Adds `product × factor`, exactly.
  @inline(__always)
  mutating func add(_ product: ProductSum, times factor: FixedDecimal) {
    guard product.isValid, !factor.isNegative else {
      isInvalid = true
      return
    }
    let (a0, a1, a2, a3) = product.words
    let (b0, b1) = (factor.low, UInt64(bitPattern: factor.high))
    var (r0, r1, r2, r3, r4, r5) = limbs
    var carry: UInt64
    (r0, carry) = Self.multiplyAdd(a0, b0, r0, 0)
    (r1, carry) = Self.multiplyAdd(a1, b0, r1, carry)
    (r2, carry) = Self.multiplyAdd(a2, b0, r2, carry)
    (r3, carry) = Self.multiplyAdd(a3, b0, r3, carry)
    (r4, carry) = Self.multiplyAdd(0, 0, r4, carry)
    (r5, carry) = Self.multiplyAdd(0, 0, r5, carry)
    var overflow = carry != 0
    if b1 != 0 {
      (r1, carry) = Self.multiplyAdd(a0, b1, r1, 0)
      (r2, carry) = Self.multiplyAdd(a1, b1, r2, carry)
      (r3, carry) = Self.multiplyAdd(a2, b1, r3, carry)
      (r4, carry) = Self.multiplyAdd(a3, b1, r4, carry)
      (r5, carry) = Self.multiplyAdd(0, 0, r5, carry)
      overflow = overflow || carry != 0
    }
    limbs = (r0, r1, r2, r3, r4, r5)
    if overflow { isInvalid = true }
  }

  /// `a × b + addend + carry` as a low and a high word; it cannot overflow 128 bits.
  @inline(__always)
  private static func multiplyAdd(
    _ a: UInt64,
    _ b: UInt64,
    _ addend: UInt64,
    _ carry: UInt64
  ) -> (UInt64, UInt64) {
    // Wrapping additions: the total is at most (2^64 − 1)^2 + 2 × (2^64 − 1) = 2^128 − 1.
    // A checked `UInt128` product here compiled to a multiplication with an overflow test.
    let product = a.multipliedFullWidth(by: b)
    let total =
      (UInt128(product.high) << 64 | UInt128(product.low)) &+ UInt128(addend)
      &+ UInt128(carry)
    return (UInt64(truncatingIfNeeded: total), UInt64(truncatingIfNeeded: total >> 64))
  }

  /// The sum, rounded half to even at the 18th fractional digit; `nil` when it is out of
  /// range or a term was negative.
  func rounded() -> FixedDecimal? {
    guard !isInvalid else { return nil }
    var words = limbs
    // Two divisions by 10^18 make one by 10^36; the two remainders make its remainder,
    // `high × 10^18 + low`, below 10^36 and so within 128 bits.
    let low = Self.divideByUnit(&words)
    let high = Self.divideByUnit(&words)
    guard words.2 | words.3 | words.4 | words.5 == 0 else { return nil }
    let unit = FixedDecimal.unitsPerOne.magnitude
    return FixedDecimal.nearest(
      quotient: UInt128(words.1) << 64 | UInt128(words.0),
      remainder: UInt128(high) * unit + UInt128(low),
      divisor: unit * unit
    )
  }

  /// Divides six words by 10^18 in place and returns the remainder.
  ///
  /// Long division by 10^18 × 2^4 of the value shifted left by 4 bits, a word at a time,
  /// with ``WideArithmetic/divideByNormalizedUnit(_:_:)``; the quotient is the same and
  /// the remainder comes out shifted.
  private static func divideByUnit(
    _ words: inout (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
  ) -> UInt64 {
    var remainder = words.5 >> 60
    (words.5, remainder) = step(remainder, words.5 << 4 | words.4 >> 60)
    (words.4, remainder) = step(remainder, words.4 << 4 | words.3 >> 60)
    (words.3, remainder) = step(remainder, words.3 << 4 | words.2 >> 60)
    (words.2, remainder) = step(remainder, words.2 << 4 | words.1 >> 60)
    (words.1, remainder) = step(remainder, words.1 << 4 | words.0 >> 60)
    (words.0, remainder) = step(remainder, words.0 << 4)
    return remainder >> 4
  }

  @inline(__always)
  private static func step(_ high: UInt64, _ low: UInt64) -> (UInt64, UInt64) {
    WideArithmetic.divideByNormalizedUnit(high, low)
  }
}
