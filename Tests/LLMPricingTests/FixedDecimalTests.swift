import Foundation
import LLMPricing
import Testing

@Suite("FixedDecimal")
struct FixedDecimalTests {
  @Test(
    "Parses and prints exactly",
    arguments: [
      ("0.008", "0.008"), ("-12", "-12"), ("+1.50", "1.5"), ("1.5e-7", "0.00000015"),
      ("2E3", "2000"), ("000.100000000000000000000000", "0.1"), ("0", "0"), ("-0.0", "0"),
      ("170141183460469231731", "170141183460469231731"), ("1e-18", "0.000000000000000001"),
      // More trailing zeros than the mantissa holds, scaled back by the exponent (found by
      // fuzzing: these threw overflow).
      ("1" + String(repeating: "0", count: 41) + "e-30", "100000000000"),
      ("-5" + String(repeating: "0", count: 45) + "e-40", "-500000"),
      (
        "170141183460469231731" + String(repeating: "0", count: 26) + ".000e-26",
        "170141183460469231731"
      ),
    ]
  )
  func parsesExactly(text: String, expected: String) throws {
    #expect(try FixedDecimal(text).description == expected)
  }

  @Test(
    "Rejects what it cannot hold exactly",
    arguments: ["", "-", ".", "1.2.3", "abc", "1e", "1,5", " 1", "1e-19", "0.0000000000000000001"]
  )
  func rejectsInvalid(text: String) {
    let error = #expect(throws: PricingError.self) { try FixedDecimal(text) }
    #expect(error?.code == .invalidNumber)
    #expect(error?.message.contains("'\(text)'") == true)
  }

  @Test(
    "Out-of-range values throw overflow",
    arguments: ["170141183460469231732", "1e21", "-1e30"]
  )
  func rejectsOverflow(text: String) {
    let error = #expect(throws: PricingError.self) { try FixedDecimal(text) }
    #expect(error?.code == .overflow)
  }

  @Test func decimalArithmeticIsExact() throws {
    #expect(try dec("0.1") + dec("0.2") == dec("0.3"))
    #expect(try dec("0.008") * 1_000 == dec("8"))
    #expect(try dec("0.000001") * dec("0.5") == dec("0.0000005"))
    #expect(try dec("180").divided(by: dec("7.2")) == dec("25"))
  }

  @Test func arithmeticOverflowThrowsInsteadOfTrapping() throws {
    let big = FixedDecimal.greatestValue
    #expect(throws: PricingError.self) { try big + FixedDecimal(1) }
    #expect(throws: PricingError.self) { try FixedDecimal.leastValue - FixedDecimal(1) }
    #expect(throws: PricingError.self) { try big * 2 }
    #expect(throws: PricingError.self) { try big * dec("1.5") }
    #expect(throws: PricingError.self) { try big.divided(by: dec("0.5")) }
    let zero = #expect(throws: PricingError.self) { try big.divided(by: .zero) }
    #expect(zero?.code == .divisionByZero)
    #expect(big.negated == FixedDecimal.leastValue)
  }

  @Test(
    "Rounds by every rule",
    arguments: [
      (RoundingRule.toNearestOrEven, "2.345", "2.34"), (.toNearestOrEven, "2.355", "2.36"),
      (.toNearestOrEven, "-2.345", "-2.34"), (.toNearestOrEven, "2.3451", "2.35"),
      (.toNearestOrAwayFromZero, "2.345", "2.35"), (.toNearestOrAwayFromZero, "-2.345", "-2.35"),
      (.toNearestOrAwayFromZero, "2.3449", "2.34"), (.towardZero, "2.349", "2.34"),
      (.towardZero, "-2.349", "-2.34"), (.awayFromZero, "2.341", "2.35"),
      (.awayFromZero, "-2.341", "-2.35"), (.up, "2.341", "2.35"), (.up, "-2.349", "-2.34"),
      (.down, "2.349", "2.34"), (.down, "-2.341", "-2.35"), (.toNearestOrEven, "2.34", "2.34"),
    ]
  )
  func rounding(rule: RoundingRule, input: String, expected: String) throws {
    #expect(try dec(input).rounded(toPlaces: 2, rule) == dec(expected))
  }

  @Test func roundingAtTheRangeLimitStaysInRange() {
    let rounded = FixedDecimal.greatestValue.rounded(toPlaces: 0, .up)
    #expect(rounded == FixedDecimal.greatestValue)
  }

  @Test func formatsFixedPlaces() throws {
    #expect(try dec("1234.5").formatted(places: 2) == "1234.50")
    #expect(try dec("-0.005").formatted(places: 2) == "0.00")
    #expect(try dec("-0.015").formatted(places: 2) == "-0.02")
    #expect(try dec("0.125").formatted(places: 2) == "0.12")
    #expect(try dec("7").formatted(places: 0) == "7")
  }

  @Test func codableUsesExactStrings() throws {
    let data = try JSONEncoder().encode([dec("0.008")])
    #expect(String(decoding: data, as: UTF8.self) == #"["0.008"]"#)
    let decoded = try JSONDecoder().decode([FixedDecimal].self, from: Data(#"["1.5", 2.25]"#.utf8))
    #expect(try decoded == [dec("1.5"), dec("2.25")])
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([FixedDecimal].self, from: Data(#"["x"]"#.utf8))
    }
  }
}

@Suite("FixedDecimal multiplication")
struct FixedDecimalProductTests {
  /// Factors of every size, below and above 2^64 units (18.4), signs mixed, drawn from a
  /// seeded generator.
  @Test("products round down to the exact floor of a × b ÷ 10^18", arguments: [1, 2, 3, 4])
  func productsAgainstWideArithmetic(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    let unit = UInt128(1_000_000_000_000_000_000)
    for _ in 0..<2_000 {
      let a = random.units(shiftedBy: 27, spread: 100)
      let b = random.units(shiftedBy: 27, spread: 100)
      let x = try FixedDecimal(units: a)
      let y = try FixedDecimal(units: b)
      guard let product = try? x.multiplied(by: y, rounding: .towardZero) else {
        // Out of range: the exact magnitude must be too.
        let wide = a.magnitude.multipliedFullWidth(by: b.magnitude)
        let limit = FixedDecimal.greatestValue.units.magnitude
        #expect(wide.high >= unit || unit.dividingFullWidth(wide).quotient > limit)
        continue
      }
      // |product| × 10^18 ≤ |a × b| < (|product| + 1) × 10^18, in 256-bit arithmetic.
      let exact = a.magnitude.multipliedFullWidth(by: b.magnitude)
      let low = product.units.magnitude.multipliedFullWidth(by: unit)
      let high = (product.units.magnitude + 1).multipliedFullWidth(by: unit)
      #expect(low.high < exact.high || (low.high == exact.high && low.low <= exact.low))
      #expect(exact.high < high.high || (exact.high == high.high && exact.low < high.low))
      #expect((product.units < 0) == ((a < 0) != (b < 0)) || product.units == 0)
    }
  }
}

@Suite("FixedDecimal products rounded half to even")
struct FixedDecimalNearestProductTests {
  /// Factors below and above 2^64 units and products below and above 2^64 units.
  @Test("a × b is the nearest value, ties to even", arguments: [5, 6, 7, 8])
  func nearestProducts(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    let unit = UInt128(1_000_000_000_000_000_000)
    for _ in 0..<2_000 {
      let a = random.units(shiftedBy: 40, spread: 87)
      let b = random.units(shiftedBy: 40, spread: 87)
      guard let product = try? FixedDecimal(units: a) * FixedDecimal(units: b) else { continue }
      // |a × b − q × 10^18| ≤ 10^18 / 2, with q even on a tie.
      let nearness = Nearness(
        exact: a.magnitude.multipliedFullWidth(by: b.magnitude),
        rounded: product.units.magnitude,
        scale: unit
      )
      #expect(nearness.isWithinHalf)
      if nearness.isTie { #expect(product.units & 1 == 0) }
      #expect(product.isZero || product.isNegative == ((a < 0) != (b < 0)))
    }
  }

  @Test("ties at the 18th digit go to the even neighbour")
  func ties() throws {
    let nano = FixedDecimal("0.000000001")
    // Both factors and the product below 18.4.
    #expect(try nano * FixedDecimal("0.0000000005") == .zero)
    #expect(try nano * FixedDecimal("0.0000000015") == (try FixedDecimal(units: 2)))
    #expect(try nano * FixedDecimal("0.0000000025") == (try FixedDecimal(units: 2)))
    #expect(try nano * FixedDecimal("0.0000000035") == (try FixedDecimal(units: 4)))
    // One factor above 18.4.
    let big = FixedDecimal("100000000000.5")
    #expect(try big * FixedDecimal("0.000000000000000001") == FixedDecimal("0.0000001"))
    let unit = try FixedDecimal(units: 1)
    #expect(try FixedDecimal("20.5") * unit == (try FixedDecimal(units: 20)))
    #expect(try FixedDecimal("21.5") * unit == (try FixedDecimal(units: 22)))
    // A product at 2^64 units.
    let root = FixedDecimal("4.294967296")  // 2^32 × 10^-9
    #expect(try root * root == FixedDecimal("18.446744073709551616"))
  }
}

@Suite("FixedDecimal division")
struct FixedDecimalQuotientTests {
  /// Dividends and divisors of every size (divisors below and above 18.4, quotients below
  /// and above 2^64 units), signs mixed, from a seeded generator.
  @Test("quotients are the nearest value, ties to even", arguments: [1, 2, 3, 4])
  func quotientsAgainstWideArithmetic(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    let unit = UInt128(1_000_000_000_000_000_000)
    for _ in 0..<2_000 {
      let a = random.units(shiftedBy: 1, spread: 120)
      var d = random.units(shiftedBy: 40, spread: 87)
      if d == 0 { d = 7 }
      guard let x = try? FixedDecimal(units: a), let y = try? FixedDecimal(units: d) else {
        continue
      }
      guard let quotient = try? x.divided(by: y) else {
        // Out of range: |a| × 10^18 ÷ |d| must exceed the range too.
        let numerator = a.magnitude.multipliedFullWidth(by: unit)
        let limit = FixedDecimal.greatestValue.units.magnitude.multipliedFullWidth(by: d.magnitude)
        #expect(Nearness.less(limit, numerator))
        continue
      }
      // |a × 10^18 − q × d| ≤ d / 2, with q even on a tie.
      let nearness = Nearness(
        exact: a.magnitude.multipliedFullWidth(by: unit),
        rounded: quotient.units.magnitude,
        scale: d.magnitude
      )
      #expect(nearness.isWithinHalf)
      if nearness.isTie { #expect(quotient.units & 1 == 0) }
      #expect(quotient.isZero || quotient.isNegative == ((a < 0) != (d < 0)))
    }
  }

  @Test("ties and small divisors")
  func ties() throws {
    // Exact ties at the 18th digit round to the even neighbour.
    let tiny = try FixedDecimal(units: 1)
    #expect(try tiny.divided(by: FixedDecimal(2)) == .zero)  // 0.5 units → 0
    #expect(try (try FixedDecimal(units: 3)).divided(by: FixedDecimal(2)) == FixedDecimal(units: 2))
    #expect(try (try FixedDecimal(units: 5)).divided(by: FixedDecimal(2)) == FixedDecimal(units: 2))
    #expect(try FixedDecimal(180).divided(by: FixedDecimal("7.2")) == FixedDecimal(25))
    #expect(
      try FixedDecimal(1).divided(by: FixedDecimal(3)) == FixedDecimal("0.333333333333333333")
    )
    #expect(
      try FixedDecimal(2).divided(by: FixedDecimal(3)) == FixedDecimal("0.666666666666666667")
    )
    // The smallest divisor: 10^-18.
    #expect(try FixedDecimal(5).divided(by: tiny) == FixedDecimal("5000000000000000000"))
  }
}

/// SplitMix64, seeded: the same sequence for the same seed on every platform and run.
private struct SplitMix64 {
  private var state: UInt64

  init(seed: UInt64) {
    var mixer = seed
    state = Self.mix(&mixer) ^ seed
  }

  mutating func next() -> UInt64 { Self.mix(&state) }

  private static func mix(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A random count of 10⁻¹⁸ units, signs mixed: 128 random bits shifted right
  /// (arithmetically) by `shift` plus up to `spread − 1` more, so sizes vary widely.
  mutating func units(shiftedBy shift: Int, spread: UInt64) -> Int128 {
    let bits = Int128(truncatingIfNeeded: UInt128(next()) << 64 | UInt128(next()))
    return bits >> (shift + Int(next() % spread))
  }
}

/// How far a rounded result `q` is from an exact 256-bit value, in units of `scale`: the
/// exact value is `q × scale` within half a unit, in 256-bit arithmetic.
private struct Nearness {
  typealias Wide = (high: UInt128, low: UInt128)

  /// Whether `|exact − q × scale| ≤ scale / 2`.
  let isWithinHalf: Bool
  /// Whether `|exact − q × scale|` is exactly half of `scale`.
  let isTie: Bool

  init(exact: Wide, rounded: UInt128, scale: UInt128) {
    let approximation = rounded.multipliedFullWidth(by: scale)
    let approximate: Wide = (approximation.high, approximation.low)
    let error =
      Self.less(exact, approximate)
      ? Self.difference(approximate, exact) : Self.difference(exact, approximate)
    let twice: Wide = (error.high << 1 | error.low >> 127, error.low << 1)
    let whole: Wide = (0, scale)
    isWithinHalf = error.high >> 127 == 0 && !Self.less(whole, twice)
    isTie = twice == whole
  }

  static func less(_ a: Wide, _ b: Wide) -> Bool {
    a.high < b.high || (a.high == b.high && a.low < b.low)
  }

  private static func difference(_ a: Wide, _ b: Wide) -> Wide {
    let (low, borrow) = a.low.subtractingReportingOverflow(b.low)
    return (a.high &- b.high &- (borrow ? 1 : 0), low)
  }
}
