import Foundation
import LLMPricing

/// The few functions of the market model that the standard library leaves to the platform,
/// written out so that a seeded run gives the same bits on every platform.
///
/// `Foundation.log`, `exp` and `pow` come from the C library, and glibc and Apple's libm
/// differ in the last bit for some arguments; these use only IEEE 754 addition,
/// multiplication and division, which round the same way everywhere (Swift fuses no
/// multiply-add unless asked, with `addingProduct`).
package enum MarketMath {
  /// ln 2, split so that `k × ln2High` is exact for the `k` an exponent can have.
  private static let ln2High = 0.693_147_180_369_123_816_49
  private static let ln2Low = 1.908_214_929_270_587_700_02e-10

  /// The natural logarithm of a positive, finite `x`.
  ///
  /// `x = m × 2^k` with `m` in [√½, √2), and `ln m = 2 atanh((m − 1) ÷ (m + 1))` by its
  /// series.
  package static func log(_ x: Double) -> Double {
    var k = Int(x.exponent)
    var m = x.significand
    if m > 1.414_213_562_373_095 {
      m /= 2
      k += 1
    }
    let z = (m - 1) / (m + 1)
    let z2 = z * z
    // z + z³/3 + z⁵/5 + … + z²¹/21 in Horner's form; |z| < 0.172 leaves the next term
    // below 10⁻¹⁸. The coefficients are folded at compile time, by IEEE division as at run
    // time.
    var sum = 1.0 / 21
    sum = sum * z2 + 1.0 / 19
    sum = sum * z2 + 1.0 / 17
    sum = sum * z2 + 1.0 / 15
    sum = sum * z2 + 1.0 / 13
    sum = sum * z2 + 1.0 / 11
    sum = sum * z2 + 1.0 / 9
    sum = sum * z2 + 1.0 / 7
    sum = sum * z2 + 1.0 / 5
    sum = sum * z2 + 1.0 / 3
    sum = (sum * z2 + 1) * z
    return Double(k) * ln2High + (2 * sum + Double(k) * ln2Low)
  }

  /// e to the `y`, for `|y|` up to about 700.
  ///
  /// `y = k ln 2 + r` with `|r| ≤ ½ ln 2`, `e^r` by its Taylor series, then scaled by
  /// `2^k` exactly.
  package static func exp(_ y: Double) -> Double {
    let k = (y / (ln2High + ln2Low)).rounded()
    let r = (y - k * ln2High) - k * ln2Low
    // 1 + r + r²/2! + … + r¹⁴/14! in Horner's form; |r| ≤ 0.347 leaves the next term
    // below 10⁻¹⁸.
    var sum = 1.0 / 87_178_291_200
    sum = sum * r + 1.0 / 6_227_020_800
    sum = sum * r + 1.0 / 479_001_600
    sum = sum * r + 1.0 / 39_916_800
    sum = sum * r + 1.0 / 3_628_800
    sum = sum * r + 1.0 / 362_880
    sum = sum * r + 1.0 / 40_320
    sum = sum * r + 1.0 / 5_040
    sum = sum * r + 1.0 / 720
    sum = sum * r + 1.0 / 120
    sum = sum * r + 1.0 / 24
    sum = sum * r + 1.0 / 6
    sum = sum * r + 0.5
    sum = (sum * r + 1) * r + 1
    return Double(sign: .plus, exponent: Int(k), significand: 1) * sum
  }

  /// `ratio^elasticity`, the constant-elasticity demand multiplier, with the ratio held
  /// between 1% and a million so a free model does not summon unbounded demand.
  package static func demand(ratio: Double, elasticity: Double) -> Double {
    if elasticity == 0 || ratio == 1 { return 1 }
    return exp(elasticity * log(min(max(ratio, 0.01), 1_000_000)))
  }
}

extension FixedDecimal {
  /// A modelled figure as an exact decimal: `value` rounded half to even to `places`
  /// fractional digits, from its exact binary value (no decimal text in between).
  ///
  /// This is where the market model's floating point becomes the exact amounts reports
  /// show: once, at the boundary.
  ///
  /// - Throws: ``ScenarioError/Code/outOfRange`` for a value that is not finite or does
  ///   not fit.
  package init(modelled value: Double, places: Int, _ what: @autoclosure () -> String) throws {
    guard value.isFinite, value.magnitude < 1e20 else {
      throw ScenarioError(.outOfRange, "\(what()) (\(value)) is beyond what an amount holds")
    }
    if value == 0 {
      self = .zero
      return
    }
    // value = significand × 2^exponent, the significand a 53-bit integer.
    let significand = Int128(value.significandBitPattern | (1 << 52))
    let exponent = Int(value.exponent) - 52
    var scale: Int128 = 1
    for _ in 0..<places { scale *= 10 }
    let scaled = significand * scale
    var units: Int128
    if exponent >= 0 {
      units = scaled << exponent
    } else if -exponent >= 127 {
      units = 0
    } else {
      let shift = -exponent
      units = scaled >> shift
      let remainder = scaled - (units << shift)
      let half = Int128(1) << (shift - 1)
      if remainder > half || (remainder == half && units & 1 == 1) { units += 1 }
    }
    var toUnits: Int128 = 1
    for _ in places..<18 { toUnits *= 10 }
    self = try FixedDecimal(units: (value < 0 ? -units : units) * toUnits)
  }

  /// The value as the nearest `Double`.
  var double: Double { Double(units) / 1e18 }
}
