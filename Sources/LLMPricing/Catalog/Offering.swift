/// A model sold by a provider in one currency, with its price history.
///
/// DeepSeek's CNY list and its USD list for `deepseek-chat` are two offerings: each is
/// priced in the currency the provider publishes, and neither is derived from the other.
public struct Offering: Hashable, Sendable, Codable {
  /// The model sold, with its id, aliases and facts.
  public var model: Model
  /// The provider.
  public var provider: Provider
  /// Where the offering is sold, such as `"mainland China"` or `"international"`.
  public var region: String
  /// The prices over time, in the offering's currency.
  public var schedule: PriceSchedule

  /// The currency the provider publishes this offering's prices in.
  public var currency: Currency { schedule.currency }

  /// `provider/model@CURRENCY`, unique in a catalog: `"deepseek/deepseek-chat@CNY"`.
  public var id: String { "\(provider.id)/\(model.id)@\(currency.code)" }

  /// Creates an offering.
  ///
  /// - Parameters:
  ///   - model: The model sold.
  ///   - provider: The provider.
  ///   - region: Where it is sold.
  ///   - schedule: Its prices over time.
  public init(
    model: Model,
    provider: Provider,
    region: String,
    schedule: PriceSchedule
  ) {
    self.model = model
    self.provider = provider
    self.region = region
    self.schedule = schedule
  }
}
