/// A named multiplier on every token price, chosen per request: a data-residency or
/// regional-processing premium such as Anthropic's US-only inference (×1.1, reported as
/// `usage.inference_geo: "us"`) or a cloud's in-region profile.
///
/// Requests choose it with ``RequestOptions/residency`` (`llm-cost quote --residency us`);
/// tool fees and cache storage are not multiplied. Encodes in JSON as
/// `{"name": "us", "multiplier": "1.1"}`.
public struct PriceUplift: Hashable, Sendable, Codable {
  /// The name requests use, such as `"us"`; compared case-insensitively.
  public var name: String
  /// The factor on every token price, such as 1.1.
  public var multiplier: FixedDecimal

  /// Creates an uplift.
  ///
  /// - Parameters:
  ///   - name: The name requests use.
  ///   - multiplier: The factor on every token price.
  public init(name: String, multiplier: FixedDecimal) {
    self.name = name
    self.multiplier = multiplier
  }
}
