import Foundation

/// Constant-elasticity demand, `ratio^elasticity`, in integer arithmetic.
///
/// Why not `pow` on `Double`: the C library's `pow`, `exp` and `log` differ in the last bits
/// between platforms (glibc, Apple's libm), and a scenario must give the same result, to
/// the digit, everywhere. Here `ln` and `exp` are series in 60-bit binary fixed point on
/// `Int128`, with only shifts, multiplications and one division each, so every platform
/// computes the same bits; the result is good to about 10⁻¹⁶ relative, then rounded to a
/// ``FixedDecimal``.
enum DemandCurve {
  /// Fractional bits of the fixed-point format.
  private static let bits = 60
  private static let one: Int128 = 1 << 60
  /// ln 2 × 2⁶⁰, rounded down.
  private static let ln2: Int128 = 799_144_290_325_165_978
  /// 2⁶³ ÷ (2k + 1) for the atanh series of `ln`.
  private static let oddReciprocals: [UInt64] = (0..<24).map {
    (UInt64(1) << 63) / UInt64(2 * $0 + 1)
  }
  /// 2⁶³ ÷ n for the Taylor series of `exp`.
  private static let reciprocals: [UInt64] = (1...24).map { (UInt64(1) << 63) / UInt64($0) }

  /// The least price ratio counted: a free or nearly free market does not summon
  /// unbounded demand.
  static let leastRatio = FixedDecimal(checkedUnits: 10_000_000_000_000_000)
  /// The greatest price ratio counted.
  static let greatestRatio = FixedDecimal(1_000_000)

  /// `ratio^elasticity`, with the ratio held between ``leastRatio`` and ``greatestRatio``.
  ///
  /// - Parameters:
  ///   - ratio: The price now over the price at the start.
  ///   - elasticity: The elasticity, from −3 to 0.
  /// - Returns: The demand multiplier, rounded half to even to 18 digits.
  /// - Throws: ``PricingError/Code/overflow`` only if the result is out of range.
  static func factor(ratio: FixedDecimal, elasticity: FixedDecimal) throws -> FixedDecimal {
    if elasticity.isZero || ratio == FixedDecimal(1) { return FixedDecimal(1) }
    let clamped = min(max(ratio, leastRatio), greatestRatio)
    // Both values are in range, so the conversions cannot overflow.
    let x = toFixedPoint(clamped)
    let e = toFixedPoint(elasticity)
    let exponent = multiply(log(x), e)
    return try fromFixedPoint(exp(exponent))
  }

  private static func multiply(_ a: Int128, _ b: Int128) -> Int128 { (a * b) >> bits }

  private static func multiply(_ a: Int128, reciprocal: UInt64) -> Int128 {
    a >= 0 ? (a * Int128(reciprocal)) >> 63 : -((-a * Int128(reciprocal)) >> 63)
  }

  private static func toFixedPoint(_ value: FixedDecimal) -> Int128 {
    WideArithmetic.multiplyDivide(
      value.units,
      one,
      dividingBy: FixedDecimal.unitsPerOne,
      rounding: .toNearestOrEven
    ) ?? 0
  }

  private static func fromFixedPoint(_ value: Int128) throws -> FixedDecimal {
    guard
      let units = WideArithmetic.multiplyDivide(
        value,
        FixedDecimal.unitsPerOne,
        dividingBy: one,
        rounding: .toNearestOrEven
      )
    else { throw PricingError(.overflow, "a demand multiplier is outside the representable range") }
    return try FixedDecimal(units: units)
  }

  /// ln x for x > 0 in fixed point: x = m × 2^k with m in [1, 2), ln m = 2 atanh z with
  /// z = (m − 1) ÷ (m + 1) ≤ 1/3, so 24 terms of the series pass 2⁻⁶⁰.
  static func log(_ x: Int128) -> Int128 {
    let highest = Int128.bitWidth - 1 - x.leadingZeroBitCount
    let k = highest - bits
    let m = k >= 0 ? x >> k : x << -k
    let z = ((m - one) << bits) / (m + one)
    let z2 = multiply(z, z)
    var power = z
    var sum: Int128 = 0
    for reciprocal in oddReciprocals {
      sum += multiply(power, reciprocal: reciprocal)
      power = multiply(power, z2)
      if power == 0 { break }
    }
    return 2 * sum + Int128(k) * ln2
  }

  /// e^y in fixed point: y = k ln 2 + r with r in [0, ln 2), e^r by its Taylor series.
  static func exp(_ y: Int128) -> Int128 {
    var k = y / ln2
    var r = y - k * ln2
    if r < 0 {
      k -= 1
      r += ln2
    }
    var term = one
    var sum = one
    for reciprocal in reciprocals {
      term = multiply(multiply(term, r), reciprocal: reciprocal)
      if term == 0 { break }
      sum += term
    }
    return k >= 0 ? sum << Int(k) : sum >> Int(-k)
  }
}
