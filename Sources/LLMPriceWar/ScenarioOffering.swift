import Foundation
import LLMPricing

/// One offering in a price-war scenario: a catalog offering, or one of your own (a
/// private deployment, a competitor you model by its price alone).
///
/// A scenario prices each offering by one number: its **effective price per million
/// tokens for the scenario's workload**, in the offering's own currency — what the
/// workload costs on it in a month divided by the tokens it uses. Catalog offerings get
/// it from the catalog (tiers, cache prices, time windows and batch all included);
/// others give it.
///
/// ```json
/// {"id": "deepseek", "catalog": "deepseek/deepseek-chat@CNY", "share": "0.2",
///  "marginalCost": "0.3", "segment": "flagship"}
/// {"id": "our-cluster", "currency": "CNY", "price": "0.6", "marginalCost": "0.45"}
/// ```
public struct ScenarioOffering: Hashable, Sendable, Codable {
  /// How the scenario names the offering in events and results.
  public var id: String
  /// The catalog offering (`provider/model@CURRENCY`, `provider/model` or a model id)
  /// whose prices the scenario starts from; `nil` for an offering priced by ``price``.
  public var catalog: String?
  /// The currency of ``price``, ``marginalCost`` and the offering's revenue; the catalog
  /// offering's currency when `nil`.
  public var currency: Currency?
  /// The starting effective price per million tokens; the catalog's price for the
  /// workload in the first month when `nil`.
  public var price: FixedDecimal?
  /// Whether the price follows the catalog's dated prices month by month.
  ///
  /// A replay of history, with the scenario's events applied on top. A month the catalog has no
  /// price for is a month the offering is out of the market.
  public var replaysCatalog: Bool
  /// The cost of serving a million tokens, for gross margin; `nil` when unknown.
  public var marginalCost: FixedDecimal?
  /// The share of the market's volume at the start (0 to 1); offerings without one split
  /// what the others leave equally.
  public var share: FixedDecimal?
  /// The substitution group, such as "flagship" or "lite".
  ///
  /// Buyers switch, and followers with no leaders named match, only within a segment. Empty puts every offering in one.
  public var segment: String

  /// Creates a scenario offering.
  ///
  /// - Parameters:
  ///   - id: The scenario's name for it; the catalog id when `nil`.
  ///   - catalog: The catalog offering, if any.
  ///   - currency: The currency, required without a catalog offering.
  ///   - price: The starting effective price per million tokens, required without a
  ///     catalog offering.
  ///   - replaysCatalog: Whether to follow the catalog's dated prices month by month.
  ///   - marginalCost: The cost of serving a million tokens, if known.
  ///   - share: The starting market share, if known.
  ///   - segment: The substitution group.
  public init(
    id: String? = nil,
    catalog: String? = nil,
    currency: Currency? = nil,
    price: FixedDecimal? = nil,
    replaysCatalog: Bool = false,
    marginalCost: FixedDecimal? = nil,
    share: FixedDecimal? = nil,
    segment: String = ""
  ) {
    self.id = id ?? catalog ?? ""
    self.catalog = catalog
    self.currency = currency
    self.price = price
    self.replaysCatalog = replaysCatalog
    self.marginalCost = marginalCost
    self.share = share
    self.segment = segment
  }

  private enum CodingKeys: String, CodingKey {
    case id, catalog, currency, price, replaysCatalog, marginalCost, share, segment
  }

  /// Decodes an offering; `id` defaults to `catalog`, `segment` to empty.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path of a bad value.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let catalog = try container.decodeIfPresent(String.self, forKey: .catalog)
    guard let id = try container.decodeIfPresent(String.self, forKey: .id) ?? catalog else {
      throw DecodingError.keyNotFound(
        CodingKeys.id,
        .init(codingPath: decoder.codingPath, debugDescription: "give an id or a catalog offering")
      )
    }
    self.init(
      id: id,
      catalog: catalog,
      currency: try container.decodeIfPresent(Currency.self, forKey: .currency),
      price: try container.decodeIfPresent(FixedDecimal.self, forKey: .price),
      replaysCatalog: try container.decodeIfPresent(Bool.self, forKey: .replaysCatalog) ?? false,
      marginalCost: try container.decodeIfPresent(FixedDecimal.self, forKey: .marginalCost),
      share: try container.decodeIfPresent(FixedDecimal.self, forKey: .share),
      segment: try container.decodeIfPresent(String.self, forKey: .segment) ?? ""
    )
  }
}
