import Foundation

/// A subscription sold beside pay-as-you-go: a monthly fee for an allowance of tokens or of
/// requests, such as Tencent TokenHub's or Baidu Qianfan's token plans and the coding plans
/// of Alibaba, Zhipu and Volcano Engine.
///
/// `llm-cost monthly --plan ID` (``PlanComparison``) puts a plan beside pay-as-you-go for a
/// workload and says which is cheaper and at what volume they break even. An allowance
/// counted in requests per rolling window is recorded as such and never converted to tokens.
/// Encodes in JSON as `{"id", "provider", "name", "currency", "monthlyFee",
/// "tokensPerMonth" | "requests": {"count", "perHours"}, "overagePerMillion"?, "models",
/// "effectiveFrom", "provenance"}`.
public struct Plan: Hashable, Sendable, Codable {
  /// What the monthly fee buys.
  public enum Allowance: Hashable, Sendable {
    /// Tokens per subscription month, input and output together.
    case tokensPerMonth(Int)
    /// Requests per rolling window of some hours, such as 1,200 per 5 hours.
    case requests(count: Int, perHours: Int)
  }

  /// The plan's id, such as `"tencent-tokenhub-token-plan-lite"`.
  public var id: String
  /// The id of the provider that sells it.
  public var provider: String
  /// Its name on the provider's page.
  public var name: String
  /// The currency of the fee.
  public var currency: Currency
  /// The monthly fee, before first-month offers.
  public var monthlyFee: FixedDecimal
  /// What the fee buys.
  public var allowance: Allowance
  /// The price per million tokens beyond a token allowance; `nil` when the plan stops
  /// serving until its allowance renews.
  public var overagePerMillion: FixedDecimal?
  /// The model ids the plan covers.
  public var models: [String]
  /// When the plan was first seen on sale at this fee.
  public var effectiveFrom: Date
  /// Where the plan is published.
  public var provenance: Provenance

  /// Creates a validated plan.
  ///
  /// - Parameters:
  ///   - id: The plan's id.
  ///   - provider: The provider that sells it.
  ///   - name: Its name.
  ///   - currency: The fee's currency.
  ///   - monthlyFee: The monthly fee.
  ///   - allowance: What the fee buys.
  ///   - overagePerMillion: The price beyond a token allowance, or `nil` when it stops.
  ///   - models: The model ids it covers, at least one.
  ///   - effectiveFrom: When it was first seen at this fee.
  ///   - provenance: Where it is published.
  /// - Throws: ``PricingError/Code/invalidData`` naming the value at fault.
  public init(
    id: String,
    provider: String,
    name: String,
    currency: Currency,
    monthlyFee: FixedDecimal,
    allowance: Allowance,
    overagePerMillion: FixedDecimal? = nil,
    models: [String],
    effectiveFrom: Date,
    provenance: Provenance
  ) throws {
    func invalid(_ message: String) -> PricingError {
      PricingError(.invalidData, "plan '\(id)': \(message)")
    }
    guard !id.isEmpty, !models.isEmpty else { throw invalid("needs an id and at least one model") }
    guard monthlyFee >= .zero else { throw invalid("monthly fee \(monthlyFee) is negative") }
    switch allowance {
    case .tokensPerMonth(let tokens) where tokens < 1:
      throw invalid("an allowance of \(tokens) tokens buys nothing")
    case .requests(let count, let hours) where count < 1 || hours < 1:
      throw invalid("an allowance of \(count) requests per \(hours) hours buys nothing")
    default: break
    }
    if let overagePerMillion, overagePerMillion < .zero {
      throw invalid("overage price \(overagePerMillion) is negative")
    }
    self.id = id
    self.provider = provider
    self.name = name
    self.currency = currency
    self.monthlyFee = monthlyFee
    self.allowance = allowance
    self.overagePerMillion = overagePerMillion
    self.models = models
    self.effectiveFrom = effectiveFrom
    self.provenance = provenance
  }

  private enum CodingKeys: String, CodingKey {
    case id, provider, name, currency, monthlyFee, tokensPerMonth, requests, overagePerMillion
    case models, effectiveFrom, provenance
  }

  private struct Requests: Codable {
    var count: Int
    var perHours: Int
  }

  /// Decodes a plan through the validating initializer.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path of a bad value; exactly one of
  ///   `tokensPerMonth` and `requests` must be present.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let tokens = try c.decodeIfPresent(Int.self, forKey: .tokensPerMonth)
    let requests = try c.decodeIfPresent(Requests.self, forKey: .requests)
    let allowance: Allowance
    switch (tokens, requests) {
    case (let tokens?, nil): allowance = .tokensPerMonth(tokens)
    case (nil, let requests?):
      allowance = .requests(count: requests.count, perHours: requests.perHours)
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .tokensPerMonth,
        in: c,
        debugDescription: "a plan needs exactly one of tokensPerMonth and requests"
      )
    }
    self = try decoder.validated {
      try Plan(
        id: c.decode(String.self, forKey: .id),
        provider: c.decode(String.self, forKey: .provider),
        name: c.decode(String.self, forKey: .name),
        currency: c.decode(Currency.self, forKey: .currency),
        monthlyFee: c.decode(FixedDecimal.self, forKey: .monthlyFee),
        allowance: allowance,
        overagePerMillion: c.decodeIfPresent(FixedDecimal.self, forKey: .overagePerMillion),
        models: c.decode([String].self, forKey: .models),
        effectiveFrom: c.decode(Date.self, forKey: .effectiveFrom),
        provenance: c.decode(Provenance.self, forKey: .provenance)
      )
    }
  }

  /// Encodes the plan in the form ``init(from:)`` reads.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(provider, forKey: .provider)
    try c.encode(name, forKey: .name)
    try c.encode(currency, forKey: .currency)
    try c.encode(monthlyFee, forKey: .monthlyFee)
    switch allowance {
    case .tokensPerMonth(let tokens): try c.encode(tokens, forKey: .tokensPerMonth)
    case .requests(let count, let hours):
      try c.encode(Requests(count: count, perHours: hours), forKey: .requests)
    }
    try c.encodeIfPresent(overagePerMillion, forKey: .overagePerMillion)
    try c.encode(models, forKey: .models)
    try c.encode(effectiveFrom, forKey: .effectiveFrom)
    try c.encode(provenance, forKey: .provenance)
  }
}
