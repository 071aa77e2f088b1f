/// An exact sum of products of non-negative decimals, rounded once when it is read.
///
/// `Σ aᵢ × bᵢ` as ``FixedDecimal`` arithmetic rounds every product to 18 digits and divides
/// each by 10¹⁸; this keeps the full products instead, as a 256-bit count of 10⁻³⁶ units,
/// and divides once. It is both more exact and, in the scenario engine's monthly loops
/// (a market's average price, an offering's volume over a stretch of months), much
/// cheaper: two 64-bit multiplications and a few additions per term.
struct ProductSum: Sendable {
  // Four 64-bit limbs, least significant first, rather than two `UInt128`s: see the note on
  // stored `Int128` properties in ``FixedDecimal``.
  private var limb0: UInt64 = 0
  private var limb1: UInt64 = 0
  private var limb2: UInt64 = 0
  private var limb3: UInt64 = 0
  /// Set when a term was negative or the sum passed 2²⁵⁶; ``rounded()`` then fails.
  private var isInvalid = false

  /// An empty sum.
  init() {}

  /// A sum of one product, `lhs × rhs`.
  @inline(__always)
  init(_ lhs: FixedDecimal, times rhs: FixedDecimal) {
    add(lhs, times: rhs)
  }

  /// Adds another sum.
  @inline(__always)
  mutating func add(_ other: ProductSum) {
    addLimbs(other.limb0, other.limb1, other.limb2, other.limb3)
    if other.isInvalid { isInvalid = true }
  }

  /// The sum's four 64-bit words, least significant first, in units of 10⁻³⁶.
  var words: (UInt64, UInt64, UInt64, UInt64) { (limb0, limb1, limb2, limb3) }

  /// Whether every term was non-negative and the sum fits in 256 bits.
  var isValid: Bool { !isInvalid }

  /// Whether nothing but zeros has been added.
  var isZero: Bool { limb0 | limb1 | limb2 | limb3 == 0 && !isInvalid }

  /// Adds `lhs × rhs`, exactly.
  ///
  /// A negative factor marks the sum invalid rather than trapping: the engine's shares,
  /// volumes and prices are never negative, and the caller reports the error.
  @inline(__always)
  mutating func add(_ lhs: FixedDecimal, times rhs: FixedDecimal) {
    guard lhs.high >= 0, rhs.high >= 0 else {
      isInvalid = true
      return
    }
    if lhs.high == 0 || rhs.high == 0 {
      // One factor below 2^64 units, as a share always is: a 192-bit product.
      let (small, large) = lhs.high == 0 ? (lhs.low, rhs) : (rhs.low, lhs)
      let (top, middle, low) = WideArithmetic.multiply(
        small,
        UInt64(bitPattern: large.high),
        large.low
      )
      addLimbs(low, middle, top, 0)
    } else {
      let product = lhs.units.magnitude.multipliedFullWidth(by: rhs.units.magnitude)
      addLimbs(
        UInt64(truncatingIfNeeded: product.low),
        UInt64(truncatingIfNeeded: product.low >> 64),
        UInt64(truncatingIfNeeded: product.high),
        UInt64(truncatingIfNeeded: product.high >> 64)
      )
    }
  }

  /// Adds a 256-bit value given as four limbs, least significant first.
  ///
  /// In two 128-bit halves, which the compiler turns into a chain of add-with-carry
  /// instructions where 64-bit steps with carry flags became branches.
  @inline(__always)
  private mutating func addLimbs(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) {
    let low = UInt128(limb1) << 64 | UInt128(limb0)
    let high = UInt128(limb3) << 64 | UInt128(limb2)
    let (newLow, carry) = low.addingReportingOverflow(UInt128(b) << 64 | UInt128(a))
    let (partial, overflow) = high.addingReportingOverflow(UInt128(d) << 64 | UInt128(c))
    let (newHigh, last) = partial.addingReportingOverflow(carry ? 1 : 0)
    limb0 = UInt64(truncatingIfNeeded: newLow)
    limb1 = UInt64(truncatingIfNeeded: newLow >> 64)
    limb2 = UInt64(truncatingIfNeeded: newHigh)
    limb3 = UInt64(truncatingIfNeeded: newHigh >> 64)
    if overflow || last { isInvalid = true }
  }

  /// The sum, rounded half to even at the 18th fractional digit, as ``FixedDecimal``'s
  /// products are; `nil` when it is out of range or a term was negative.
  @inline(__always)
  func rounded() -> FixedDecimal? {
    guard !isInvalid, limb3 == 0,
      let (quotient, remainder) = WideArithmetic.overUnit(limb2, limb1, limb0)
    else { return nil }
    return FixedDecimal.nearest(
      quotient: quotient,
      remainder: remainder,
      divisor: FixedDecimal.unitsPerOne.magnitude
    )
  }
}
