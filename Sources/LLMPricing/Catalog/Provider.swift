/// A company that sells LLM API access.
public struct Provider: Hashable, Sendable, Codable {
  /// A stable lowercase identifier, such as `"deepseek"`.
  public var id: String
  /// The display name, such as `"DeepSeek"`.
  public var name: String
  /// The ISO 3166 country code of the company's home, such as `"CN"`.
  public var country: String
  /// The currency of its home market.
  public var homeCurrency: Currency
  /// The IANA time zone its time-of-day prices use.
  public var timeZone: String
  /// Its pricing page.
  public var pricingPage: String

  /// Creates a provider.
  ///
  /// - Parameters:
  ///   - id: A stable lowercase identifier.
  ///   - name: The display name.
  ///   - country: The ISO 3166 country code.
  ///   - homeCurrency: The home market's currency.
  ///   - timeZone: The IANA time zone of its time-of-day prices.
  ///   - pricingPage: Its pricing page URL.
  public init(
    id: String,
    name: String,
    country: String,
    homeCurrency: Currency,
    timeZone: String,
    pricingPage: String
  ) {
    self.id = id
    self.name = name
    self.country = country
    self.homeCurrency = homeCurrency
    self.timeZone = timeZone
    self.pricingPage = pricingPage
  }
}
