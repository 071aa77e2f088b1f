/// How to round an exact decimal to fewer digits.
///
/// Case names follow the standard library's `FloatingPointRoundingRule`. The examples
/// round to two decimal places.
public enum RoundingRule: String, Hashable, Sendable, Codable, CaseIterable {
  /// Round to the nearest value; ties go to the even neighbour (2.345 → 2.34, 2.355 → 2.36).
  ///
  /// Banker's rounding: the default, because it does not bias sums of many rounded values.
  case toNearestOrEven
  /// Round to the nearest value; ties go away from zero (2.345 → 2.35, −2.345 → −2.35).
  ///
  /// Commonly called "half up".
  case toNearestOrAwayFromZero
  /// Drop the extra digits (2.349 → 2.34, −2.349 → −2.34).
  case towardZero
  /// Round away from zero whenever digits are dropped (2.341 → 2.35, −2.341 → −2.35).
  case awayFromZero
  /// Round toward positive infinity (2.341 → 2.35, −2.349 → −2.34).
  case up
  /// Round toward negative infinity (2.349 → 2.34, −2.341 → −2.35).
  case down

  /// Whether a truncated magnitude must grow by one unit.
  ///
  /// - Parameters:
  ///   - quotient: The truncated magnitude.
  ///   - remainder: What was dropped, in units of `divisor`.
  ///   - divisor: The size of one unit of the result.
  ///   - isNegative: Whether the exact value is negative.
  /// - Returns: `true` when the magnitude rounds up by one.
  @inline(__always)
  func roundsUp(
    quotient: UInt128,
    remainder: UInt128,
    divisor: UInt128,
    isNegative: Bool
  ) -> Bool {
    guard remainder != 0 else { return false }
    // Comparing against `divisor - remainder` avoids overflowing `2 * remainder`.
    let rest = divisor - remainder
    switch self {
    case .toNearestOrEven: return remainder > rest || (remainder == rest && quotient & 1 == 1)
    case .toNearestOrAwayFromZero: return remainder >= rest
    case .towardZero: return false
    case .awayFromZero: return true
    case .up: return !isNegative
    case .down: return isNegative
    }
  }
}
