import Foundation

/// A filter over a catalog's offerings; every criterion left `nil` matches everything.
///
/// ```swift
/// let query = CatalogQuery(country: "CN", currency: .cny, minimumContextWindow: 128_000)
/// let chinese = Catalog.builtIn.offerings(matching: query)
/// ```
public struct CatalogQuery: Hashable, Sendable {
  /// A provider id, such as `"deepseek"`.
  public var provider: String?
  /// A provider's ISO 3166 country code, such as `"CN"`.
  public var country: String?
  /// The offering's currency.
  public var currency: Currency?
  /// Whether the model's weights are published; offerings with unknown status never match
  /// a non-`nil` value.
  public var openWeights: Bool?
  /// The smallest acceptable context window; offerings with an unknown window never match.
  public var minimumContextWindow: Int?
  /// An instant at which the offering must have a price in effect.
  public var offeredAt: Date?

  /// Creates a query.
  ///
  /// - Parameters:
  ///   - provider: A provider id.
  ///   - country: A provider country code.
  ///   - currency: The offering's currency.
  ///   - openWeights: Whether the weights must be published (or must not be).
  ///   - minimumContextWindow: The smallest acceptable context window.
  ///   - offeredAt: An instant at which a price must be in effect.
  public init(
    provider: String? = nil,
    country: String? = nil,
    currency: Currency? = nil,
    openWeights: Bool? = nil,
    minimumContextWindow: Int? = nil,
    offeredAt: Date? = nil
  ) {
    self.provider = provider
    self.country = country
    self.currency = currency
    self.openWeights = openWeights
    self.minimumContextWindow = minimumContextWindow
    self.offeredAt = offeredAt
  }

  /// Whether an offering meets every criterion.
  ///
  /// - Parameter offering: The offering.
  /// - Returns: `true` when it matches.
  public func matches(_ offering: Offering) -> Bool {
    if let provider, offering.provider.id.lowercased() != provider.lowercased() { return false }
    if let country, offering.provider.country.uppercased() != country.uppercased() { return false }
    if let currency, offering.currency != currency { return false }
    if let openWeights, offering.model.openWeights != openWeights { return false }
    if let minimumContextWindow {
      guard let window = offering.model.contextWindow, window >= minimumContextWindow else {
        return false
      }
    }
    if let offeredAt, (try? offering.schedule.entry(at: offeredAt)) == nil { return false }
    return true
  }
}

extension Catalog {
  /// The offerings that match a query, in catalog order.
  ///
  /// - Parameter query: The criteria.
  /// - Returns: The matching offerings.
  public func offerings(matching query: CatalogQuery) -> [Offering] {
    offerings.filter(query.matches)
  }
}
