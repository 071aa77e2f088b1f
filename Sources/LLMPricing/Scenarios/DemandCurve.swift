import Foundation

/// Constant-elasticity demand, `ratio^elasticity`, in integer arithmetic.
///
/// Why not `pow` on `Double`: the C library's `pow`, `exp` and `log` differ in the last bits
/// between platforms (glibc, Apple's libm), and a scenario must give the same result, to
/// the digit, everywhere. Here `ln` and `exp` are a 64-entry table and a short series in
/// 60-bit binary fixed point on `Int128`, with only shifts, multiplications and integer
/// divisions, so every platform computes the same bits; the result is good to about 10⁻¹⁶
/// relative, then rounded to a ``FixedDecimal``. The tables are computed once, by the same
/// series, on first use.
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

  /// `value × 10^18 ÷ 2^60`, rounded half to even: the division by a power of two is a
  /// shift, which spares a 256-bit division every month of every run.
  private static func fromFixedPoint(_ value: Int128) throws -> FixedDecimal {
    let product = value.magnitude.multipliedFullWidth(by: FixedDecimal.unitsPerOne.magnitude)
    guard product.high >> bits == 0 else {
      throw PricingError(.overflow, "a demand multiplier is outside the representable range")
    }
    var quotient = product.high << (128 - bits) | product.low >> bits
    let remainder = product.low & ((1 << bits) - 1)
    let half: UInt128 = 1 << (bits - 1)
    if remainder > half || (remainder == half && quotient & 1 == 1) { quotient += 1 }
    guard quotient >> 127 == 0 else {
      throw PricingError(.overflow, "a demand multiplier is outside the representable range")
    }
    let magnitude = Int128(truncatingIfNeeded: quotient)
    return try FixedDecimal(units: value < 0 ? -magnitude : magnitude)
  }

  /// Table entries: ln(1 + j/64) and e^(j × ``expStep``) for j in 0..<64.
  private static let tableSize = 64
  /// ln 2 ÷ 64, rounded down: the spacing of ``expTable``.
  private static let expStep: Int128 = ln2 / 64

  /// ln(1 + j/64), computed once by the plain series.
  ///
  /// Stored as `Int64` (every entry is below 2^63): arrays of `Int128` are avoided, see
  /// ``FixedDecimal``.
  private static let logTable: [Int64] = (0..<64).map {
    Int64(truncatingIfNeeded: seriesLog(one + Int128($0) << (bits - 6), near: one))
  }

  /// e^(j × expStep), computed once by the plain series; every entry is below 2^61.
  private static let expTable: [Int64] = (0..<64).map {
    Int64(truncatingIfNeeded: seriesExp(Int128($0) * expStep))
  }

  /// ln x for x > 0 in fixed point.
  ///
  /// x = m × 2^k with m in [1, 2), and m = c × (m ÷ c) with c = 1 + j/64 the table point
  /// at or below m: ln x = k ln 2 + ln c + 2 atanh((m − c) ÷ (m + c)). The atanh argument
  /// is below 1/128, so five terms pass 2⁻⁶⁰ where the untabled series needs twenty: the
  /// curve runs once a month in every Monte Carlo run.
  static func log(_ x: Int128) -> Int128 {
    let highest = Int128.bitWidth - 1 - x.leadingZeroBitCount
    let k = highest - bits
    let m = k >= 0 ? x >> k : x << -k
    let j = Int((m - one) >> (bits - 6))
    let c = one + Int128(j) << (bits - 6)
    return seriesLog(m, near: c) + Int128(logTable[j]) + Int128(k) * ln2
  }

  /// ln(m ÷ c) = 2 atanh z with z = (m − c) ÷ (m + c), for m ≥ c > 0.
  private static func seriesLog(_ m: Int128, near c: Int128) -> Int128 {
    let z = ((m - c) << bits) / (m + c)
    let z2 = multiply(z, z)
    var power = z
    var sum: Int128 = 0
    for reciprocal in oddReciprocals {
      if power == 0 { break }
      sum += multiply(power, reciprocal: reciprocal)
      power = multiply(power, z2)
    }
    return 2 * sum
  }

  /// e^y in fixed point: y = k ln 2 + j × expStep + r with r in [0, expStep), so
  /// e^y = 2^k × e^(j × expStep) × e^r, the middle factor from the table and e^r from
  /// eight terms of its Taylor series.
  static func exp(_ y: Int128) -> Int128 {
    var k = y / ln2
    var r = y - k * ln2
    if r < 0 {
      k -= 1
      r += ln2
    }
    let j = min(Int(r / expStep), tableSize - 1)
    let sum = multiply(Int128(expTable[j]), seriesExp(r - Int128(j) * expStep))
    return k >= 0 ? sum << Int(k) : sum >> Int(-k)
  }

  /// e^r by its Taylor series, for 0 ≤ r < ln 2.
  private static func seriesExp(_ r: Int128) -> Int128 {
    var term = one
    var sum = one
    for reciprocal in reciprocals {
      term = multiply(multiply(term, r), reciprocal: reciprocal)
      if term == 0 { break }
      sum += term
    }
    return sum
  }
}
