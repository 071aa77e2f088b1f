import Foundation

/// A reproducible random number generator: SplitMix64, the same sequence for the same
/// seed on every platform and every run.
///
/// Monte Carlo runs draw from independent streams, one per run (`stream:`), so results do
/// not depend on how runs are spread over cores.
///
/// ```swift
/// var random = SeededRandomNumberGenerator(seed: 42)
/// let cut = random.uniform(0.2, 0.5)
/// ```
public struct SeededRandomNumberGenerator: RandomNumberGenerator, Hashable, Sendable {
  private var state: UInt64

  /// Creates a generator.
  ///
  /// - Parameters:
  ///   - seed: The seed.
  ///   - stream: An independent stream of the same seed, such as a run's index.
  public init(seed: UInt64, stream: UInt64 = 0) {
    // Mixing the stream through one SplitMix64 step keeps neighbouring streams apart.
    var mixer = stream &* 0xD1B5_4A32_D192_ED03 &+ seed
    state = Self.mix(&mixer) ^ seed
  }

  /// The next 64 random bits.
  ///
  /// - Returns: A value uniformly distributed over all of `UInt64`.
  public mutating func next() -> UInt64 { Self.mix(&state) }

  private static func mix(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number drawn uniformly from a closed range.
  ///
  /// - Parameters:
  ///   - low: The least value.
  ///   - high: The greatest value, at least `low`.
  /// - Returns: `low + (high − low) × u` for `u` the top 53 bits over 2⁵³, in [0, 1);
  ///   `low` when the range is empty.
  public mutating func uniform(_ low: Double, _ high: Double) -> Double {
    let draw = next()
    guard high > low else { return low }
    return low + (high - low) * (Double(draw >> 11) * 0x1p-53)
  }

  /// A whole number drawn uniformly from a closed range.
  ///
  /// - Parameters:
  ///   - low: The least value.
  ///   - high: The greatest value, at least `low`.
  /// - Returns: A value in `low...high`; `low` when the range is empty.
  public mutating func uniform(_ low: Int, _ high: Int) -> Int {
    let draw = next()
    guard high > low else { return low }
    // The difference of any two Ints fits in a UInt64; wrapping arithmetic computes it.
    let span = UInt64(truncatingIfNeeded: high &- low) &+ 1
    if span == 0 { return low &+ Int(truncatingIfNeeded: draw) }
    return low &+ Int(truncatingIfNeeded: draw.multipliedFullWidth(by: span).high)
  }
}
