import Foundation

/// One deterministic timeline of a scenario: each month's prices, volumes, shares,
/// revenue and margins, the buyer's bills, and a summary.
///
/// Prices are effective prices per million tokens of the scenario's workload. Volumes
/// are million tokens. Amounts are exact; "reporting" figures are in the scenario's
/// currency at the month's exchange rate.
public struct ScenarioResult: Hashable, Sendable, Codable {
  /// One offering in one month.
  public struct OfferingMonth: Hashable, Sendable, Codable {
    /// The offering's scenario id.
    public var offering: String
    /// Whether it is in the market this month.
    public var available: Bool
    /// The effective price per million tokens, in its own currency.
    public var price: FixedDecimal
    /// Its own currency.
    public var currency: Currency
    /// The price in the reporting currency.
    public var reportingPrice: FixedDecimal
    /// The price at its floor, when it has one.
    public var atFloor: Bool
    /// Free tokens a month for each buyer.
    public var freeTokensPerMonth: Int
    /// Million tokens served this month.
    public var volume: FixedDecimal
    /// Its share of the market's volume (0 to 1).
    public var share: FixedDecimal
    /// Revenue in its own currency: paid tokens × price.
    public var revenue: FixedDecimal
    /// Revenue in the reporting currency.
    public var reportingRevenue: FixedDecimal
    /// Revenue less the marginal cost of every token served (free ones included), in the
    /// reporting currency; `nil` without a marginal cost.
    public var grossMargin: FixedDecimal?
  }

  /// The buyer's month.
  public struct BuyerMonth: Hashable, Sendable, Codable {
    /// Million tokens the workload uses this month.
    public var tokens: FixedDecimal
    /// The offering of the buyer who stays put (moving only when it exits).
    public var offering: String
    /// That buyer's bill, in the reporting currency.
    public var bill: FixedDecimal
    /// The offering of the buyer who switches by the market's rule.
    public var switchingOffering: String
    /// That buyer's bill, switching costs included, in the reporting currency.
    public var switchingBill: FixedDecimal
    /// Whether the switching buyer moved this month.
    public var switched: Bool
  }

  /// One month of the timeline.
  public struct Month: Hashable, Sendable, Codable {
    /// The month.
    public var month: YearMonth
    /// Yuan per US dollar used this month.
    public var cnyPerUSD: FixedDecimal
    /// Million tokens across the market.
    public var marketVolume: FixedDecimal
    /// The share-weighted effective price per million tokens, reporting currency.
    public var averagePrice: FixedDecimal
    /// Every offering, in the scenario's order.
    public var offerings: [OfferingMonth]
    /// The buyer.
    public var buyer: BuyerMonth
  }

  /// One offering over the whole timeline.
  public struct OfferingSummary: Hashable, Sendable, Codable {
    /// The offering's scenario id.
    public var offering: String
    /// Its share in the first month.
    public var startShare: FixedDecimal
    /// Its share in the last month.
    public var endShare: FixedDecimal
    /// Its reporting price in the first month it was in the market.
    public var startPrice: FixedDecimal?
    /// Its reporting price in the last month it was in the market.
    public var endPrice: FixedDecimal?
    /// Revenue over the timeline, reporting currency.
    public var revenue: FixedDecimal
    /// Gross margin over the timeline, reporting currency; `nil` without a marginal cost.
    public var grossMargin: FixedDecimal?
    /// The first month its price sat at its floor, if ever.
    public var floorReached: YearMonth?
    /// The month it left the market, if it did.
    public var exited: YearMonth?
  }

  /// What the timeline adds up to.
  public struct Summary: Hashable, Sendable, Codable {
    /// The buyer's bills over the timeline, staying put.
    public var buyerBill: FixedDecimal
    /// The buyer's bills over the timeline, switching by the market's rule (switching
    /// costs included).
    public var switchingBuyerBill: FixedDecimal
    /// What switching saved: ``buyerBill`` − ``switchingBuyerBill``.
    public var switchingSaving: FixedDecimal
    /// What the staying buyer would have paid at the first month's prices, with the
    /// same volumes.
    public var billAtStartPrices: FixedDecimal
    /// What the price war saved the staying buyer: ``billAtStartPrices`` − ``buyerBill``.
    public var cumulativeSaving: FixedDecimal
    /// The offering whose share grew the most.
    public var shareWinner: String
    /// Each offering, in the scenario's order.
    public var offerings: [OfferingSummary]
  }

  /// The scenario's id.
  public var scenario: String
  /// The reporting currency.
  public var currency: Currency
  /// The timeline.
  public var months: [Month]
  /// The totals.
  public var summary: Summary
  /// Things to know about these figures: prices carried over, forced migrations.
  public var notes: [String]
}
