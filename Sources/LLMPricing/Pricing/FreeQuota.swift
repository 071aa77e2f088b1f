/// Free tokens an offering grants per model, valid for a number of days after activation.
///
/// For example, Alibaba Bailian grants 1,000,000 tokens per model for 180 days. A quota
/// is consumed across requests, so pricing one request ignores it: the sheet records the
/// quota as a fact, and monthly projections consume it.
public struct FreeQuota: Hashable, Sendable, Codable {
  /// The free tokens, input and output together.
  public var tokens: Int
  /// How many days after activation the tokens stay valid.
  public var validityDays: Int

  /// Creates a quota.
  ///
  /// - Parameters:
  ///   - tokens: The free tokens, at least 0.
  ///   - validityDays: The days they stay valid, at least 1.
  /// - Throws: ``PricingError/Code/invalidPriceSheet`` when a value is out of range.
  public init(tokens: Int, validityDays: Int) throws {
    guard tokens >= 0, validityDays >= 1 else {
      throw PricingError(
        .invalidPriceSheet,
        "a free quota of \(tokens) tokens for \(validityDays) days is invalid; "
          + "tokens must be at least 0 and days at least 1"
      )
    }
    self.tokens = tokens
    self.validityDays = validityDays
  }

  private enum CodingKeys: String, CodingKey {
    case tokens, validityDays
  }

  /// Decodes a quota through the validating initializer.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path when a value is out of range.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self = try decoder.validated {
      try Self(
        tokens: container.decode(Int.self, forKey: .tokens),
        validityDays: container.decode(Int.self, forKey: .validityDays)
      )
    }
  }
}
