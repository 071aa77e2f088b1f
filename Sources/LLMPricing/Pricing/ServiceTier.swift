/// A named level of service a sheet sells beside its standard prices, such as OpenAI's and
/// Gemini's `flex` (slower, about half price) and `priority` (faster, up to double).
///
/// A request chooses its tier (``RequestOptions/serviceTier``, `llm-cost quote
/// --service-tier flex`, or the `service_tier` a response reports); `standard` (and
/// `default`, OpenAI's name for it) always means the sheet's own tiers. A tier either
/// multiplies every token price of the standard tier in force or replaces the standard
/// tiers with its own. Encodes in JSON as `{"name": "flex", "multiplier": "0.5"}` or
/// `{"name": "priority", "tiers": [PriceTier, …]}`.
public struct ServiceTier: Hashable, Sendable, Codable {
  /// The name requests use, such as `"flex"`; compared case-insensitively.
  public var name: String
  /// What the tier does to the standard prices.
  public var effect: TimeWindow.Effect

  /// Creates a service tier.
  ///
  /// - Parameters:
  ///   - name: The name requests use.
  ///   - effect: A multiplier on the standard prices, or the tier's own price tiers.
  public init(name: String, effect: TimeWindow.Effect) {
    self.name = name
    self.effect = effect
  }

  /// The names that always mean the sheet's own prices.
  public static let standardNames: Set<String> = ["standard", "default", "auto"]

  private enum CodingKeys: String, CodingKey {
    case name
  }

  /// Decodes `{"name": …, "multiplier": …}` or `{"name": …, "tiers": […]}`.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path of a missing name or effect.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      name: try container.decode(String.self, forKey: .name),
      effect: try TimeWindow.Effect(from: decoder)
    )
  }

  /// Encodes the tier in the form ``init(from:)`` reads.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(name, forKey: .name)
    try effect.encode(to: encoder)
  }
}
