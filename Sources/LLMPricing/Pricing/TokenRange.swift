/// A range of token counts with each bound declared inclusive or exclusive.
///
/// Providers word their tiers both ways ("0 < tokens ≤ 32K", "[0, 32K)"), so each bound
/// says which it is. A missing upper bound means no limit.
///
/// ```swift
/// let firstTier = TokenRange(upTo: 32_000)  // [0, 32000]
/// firstTier.contains(32_000)  // true
/// ```
public struct TokenRange: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The lower bound.
  public let lower: Int
  /// Whether ``lower`` itself is in the range.
  public let lowerIsInclusive: Bool
  /// The upper bound; `nil` for no limit.
  public let upper: Int?
  /// Whether ``upper`` itself is in the range.
  public let upperIsInclusive: Bool

  /// Creates a range.
  ///
  /// - Parameters:
  ///   - lower: The lower bound; the default is 0.
  ///   - lowerIsInclusive: Whether `lower` is in the range; the default is `true`.
  ///   - upper: The upper bound, or `nil` for none.
  ///   - upperIsInclusive: Whether `upper` is in the range; the default is `true`.
  public init(
    from lower: Int = 0,
    lowerIsInclusive: Bool = true,
    to upper: Int?,
    upperIsInclusive: Bool = true
  ) {
    self.lower = lower
    self.lowerIsInclusive = lowerIsInclusive
    self.upper = upper
    self.upperIsInclusive = upperIsInclusive
  }

  /// The range from 0 up to and including `upper`.
  ///
  /// - Parameter upper: The inclusive upper bound.
  public init(upTo upper: Int) { self.init(to: upper) }

  /// Every count from 0 up.
  public static let all = TokenRange(to: nil)

  /// The range that starts where `self` ends, with the complementary inclusivity,
  /// up to `upper`.
  ///
  /// - Parameters:
  ///   - upper: The new range's upper bound, or `nil` for none.
  ///   - upperIsInclusive: Whether `upper` is in the new range.
  /// - Returns: The adjacent range.
  public func next(to upper: Int?, upperIsInclusive: Bool = true) -> TokenRange {
    TokenRange(
      from: self.upper ?? Int.max,
      lowerIsInclusive: !self.upperIsInclusive,
      to: upper,
      upperIsInclusive: upperIsInclusive
    )
  }

  /// Whether a count is in the range.
  ///
  /// - Parameter count: A token count.
  /// - Returns: `true` when the count lies between the bounds, honouring inclusivity.
  public func contains(_ count: Int) -> Bool {
    let aboveLower = lowerIsInclusive ? count >= lower : count > lower
    guard aboveLower else { return false }
    guard let upper else { return true }
    return upperIsInclusive ? count <= upper : count < upper
  }

  /// Whether `next` starts exactly where `self` ends, with no gap and no overlap.
  func isFollowed(by next: TokenRange) -> Bool {
    guard let upper else { return false }
    return next.lower == upper && next.lowerIsInclusive != upperIsInclusive
  }

  /// Whether the range is empty, such as `(5, 5]`.
  var isEmpty: Bool {
    guard let upper else { return false }
    return upper < lower || (upper == lower && !(lowerIsInclusive && upperIsInclusive))
  }

  /// Interval notation: `[0, 32000]`, `(32000, 128000]`, `(128000, ∞)`.
  public var description: String {
    let open = lowerIsInclusive ? "[" : "("
    guard let upper else { return "\(open)\(lower), ∞)" }
    return "\(open)\(lower), \(upper)\(upperIsInclusive ? "]" : ")")"
  }

  private enum CodingKeys: String, CodingKey {
    case lower, lowerIsInclusive, upper, upperIsInclusive
  }

  /// Decodes a range; absent bounds default to `[0, ∞)` and inclusivity to `true`.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path of a bad bound.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let lower = try container.decodeIfPresent(Int.self, forKey: .lower) ?? 0
    guard lower >= 0 else {
      throw DecodingError.dataCorruptedError(
        forKey: .lower,
        in: container,
        debugDescription: "a token bound cannot be negative: \(lower)"
      )
    }
    self.init(
      from: lower,
      lowerIsInclusive: try container.decodeIfPresent(Bool.self, forKey: .lowerIsInclusive) ?? true,
      to: try container.decodeIfPresent(Int.self, forKey: .upper),
      upperIsInclusive: try container.decodeIfPresent(Bool.self, forKey: .upperIsInclusive) ?? true
    )
  }
}
