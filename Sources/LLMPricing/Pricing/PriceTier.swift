/// The prices that apply to requests of one size band.
///
/// A tier is chosen by the request's total input tokens (cached and cache-write tokens
/// included) and, for providers that split on it, its total output tokens. The whole
/// request is billed at the chosen tier's prices ("cliff" pricing), not marginally.
///
/// ```swift
/// // Qwen-Plus on Bailian: input up to 128K tokens.
/// let first = PriceTier(
///   input: TokenRange(upTo: 128_000),
///   prices: ComponentPrices(input: try FixedDecimal("0.8"), output: try FixedDecimal("2")))
/// ```
public struct PriceTier: Hashable, Sendable, Codable {
  /// A short label for breakdowns, such as `"≤128K"`; `nil` to show the ranges.
  public var name: String?
  /// The request input sizes this tier covers.
  public var input: TokenRange
  /// The request output sizes this tier covers; `nil` when output length does not matter.
  public var output: TokenRange?
  /// The prices of requests in this tier.
  public var prices: ComponentPrices

  /// Creates a tier.
  ///
  /// - Parameters:
  ///   - name: A short label, or `nil` to show the ranges.
  ///   - input: The request input sizes covered; the default is all sizes.
  ///   - output: The request output sizes covered, or `nil` when output length does not matter.
  ///   - prices: The prices.
  public init(
    name: String? = nil,
    input: TokenRange = .all,
    output: TokenRange? = nil,
    prices: ComponentPrices
  ) {
    self.name = name
    self.input = input
    self.output = output
    self.prices = prices
  }

  /// The label shown in breakdowns: ``name``, or the ranges.
  public var label: String {
    if let name { return name }
    if let output { return "input \(input), output \(output)" }
    return "input \(input)"
  }
}

extension PriceTier {
  private enum CodingKeys: String, CodingKey {
    case name, input, output, prices
  }

  /// Decodes a tier; `input` defaults to every size and `name` and `output` are optional,
  /// as in ``init(name:input:output:prices:)``.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path of a missing or bad value.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      name: try container.decodeIfPresent(String.self, forKey: .name),
      input: try container.decodeIfPresent(TokenRange.self, forKey: .input) ?? .all,
      output: try container.decodeIfPresent(TokenRange.self, forKey: .output),
      prices: try container.decode(ComponentPrices.self, forKey: .prices)
    )
  }
}
