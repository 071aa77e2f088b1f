import Foundation
import LLMPricing

/// One deterministic timeline of a scenario: each month's prices, volumes, shares,
/// revenue and margins, the buyer's bills, and a summary.
///
/// Prices are effective prices per million tokens of the scenario's workload. Volumes
/// are million tokens; "reporting" figures are in the scenario's currency at the month's
/// exchange rate. The market's figures are modelled in floating point and rounded half to
/// even once, here: amounts to 4 decimal places, prices, shares and volumes to 6. A
/// buyer's bill in a month its offering charges the catalog's own price is the catalog's
/// exact cost, converted exactly; totals are exact sums of the months.
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
    /// Yuan per US dollar at the month's middle, when the exchange rates have it.
    public var cnyPerUSD: FixedDecimal?
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
    /// The month it joined the market after the start (a launch, an entry), if it did.
    public var entered: YearMonth?
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
    /// The offering whose share grew the most; `nil` when no share moved.
    public var shareWinner: String?
    /// Whether any offering's share moved between the first month and the last.
    public var sharesMoved: Bool
    /// What the whole market paid over the timeline: every offering's revenue.
    public var marketSpend: FixedDecimal
    /// Million tokens the whole market used over the timeline.
    public var marketVolume: FixedDecimal
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

extension ScenarioResult {
  /// A recorded run's result: the months as recorded, the summary from the market's end.
  init(_ market: Market, months: [Month]) throws {
    let simulation = market.simulation
    let scenario = simulation.scenario
    let timeline = simulation.timeline
    func amount(_ value: Double, _ what: String) throws -> FixedDecimal {
      try FixedDecimal(modelled: value, places: 4, what)
    }
    func fraction(_ value: Double, _ what: String) throws -> FixedDecimal {
      try FixedDecimal(modelled: value, places: 6, what)
    }
    func month(_ index: Int) -> YearMonth? { index >= 0 ? timeline[index] : nil }
    var offerings: [OfferingSummary] = []
    for (index, offering) in scenario.offerings.enumerated() {
      let id = offering.id
      let seller = market.sellers[index]
      let revenue = try amount(seller.revenue, "the revenue of \(id)")
      let hasCost = offering.marginalCost != nil
      let sold = !seller.firstQuote.isNaN
      offerings.append(
        OfferingSummary(
          offering: id,
          startShare: try fraction(seller.startShare, "a share"),
          endShare: try fraction(seller.marketShare, "a share"),
          startPrice: sold ? try fraction(seller.firstQuote, "a price of \(id)") : nil,
          endPrice: sold ? try fraction(seller.lastQuote, "a price of \(id)") : nil,
          revenue: revenue,
          grossMargin: hasCost
            ? try amount(seller.revenue - seller.cost, "the margin of \(id)") : nil,
          floorReached: month(seller.floorMonth),
          exited: month(seller.exitMonth),
          entered: month(seller.entryMonth)
        )
      )
    }
    var buyerBill = FixedDecimal.zero
    var switchingBill = FixedDecimal.zero
    for month in months {
      buyerBill = try buyerBill + month.buyer.bill
      switchingBill = try switchingBill + month.buyer.switchingBill
    }
    let billAtStart = try amount(market.billAtStart, "the bill at the first month's prices")
    // A share "moved" when it changed by more than floating point's noise.
    let gains = offerings.indices.map {
      market.sellers[$0].marketShare - market.sellers[$0].startShare
    }
    let best = gains.indices.max { gains[$0] < gains[$1] || (gains[$0] == gains[$1] && $0 > $1) }
    let moved = gains.contains { abs($0) > 1e-9 }
    self.init(
      scenario: scenario.id,
      currency: scenario.currency,
      months: months,
      summary: Summary(
        buyerBill: buyerBill,
        switchingBuyerBill: switchingBill,
        switchingSaving: try buyerBill - switchingBill,
        billAtStartPrices: billAtStart,
        cumulativeSaving: try billAtStart - buyerBill,
        shareWinner: moved ? best.map { scenario.offerings[$0].id } : nil,
        sharesMoved: moved,
        marketSpend: try amount(
          market.sellers.reduce(0) { $0 + $1.revenue },
          "the market's spend"
        ),
        marketVolume: try fraction(
          market.months.reduce(0) { $0 + $1.volume },
          "the market's volume"
        ),
        offerings: offerings
      ),
      notes: simulation.notes + market.notes
    )
  }
}

extension Market {
  /// The month just advanced, as exact figures.
  func recordedMonth(_ month: Int) throws -> ScenarioResult.Month {
    let offerings = simulation.scenario.offerings
    let figures = months[month]
    let volume = figures.volume
    func amount(_ value: Double, _ what: String) throws -> FixedDecimal {
      try FixedDecimal(modelled: value, places: 4, what)
    }
    func fraction(_ value: Double, _ what: String) throws -> FixedDecimal {
      try FixedDecimal(modelled: value, places: 6, what)
    }
    var rows: [ScenarioResult.OfferingMonth] = []
    for index in 0..<count {
      let id = offerings[index].id
      let seller = sellers[index]
      let served = seller.marketShare * volume
      let reportingRevenue = served * seller.effective
      let marginalCost = simulation.marginalCosts[month * count + index]
      let unitCost: Double? = marginalCost.isNaN ? nil : marginalCost
      rows.append(
        ScenarioResult.OfferingMonth(
          offering: id,
          available: seller.available,
          price: try fraction(seller.price, "the price of \(id)"),
          currency: simulation.currencies[index],
          reportingPrice: try fraction(seller.reportingPrice, "the price of \(id)"),
          atFloor: seller.floor >= 0 && seller.floor == seller.price,
          freeTokensPerMonth: Int((seller.free * 1e6).rounded()),
          volume: try fraction(served, "the volume of \(id)"),
          share: try fraction(seller.marketShare, "the share of \(id)"),
          revenue: try amount(
            reportingRevenue / simulation.toReporting[month * count + index],
            "the revenue of \(id)"
          ),
          reportingRevenue: try amount(reportingRevenue, "the revenue of \(id)"),
          grossMargin: try unitCost.map {
            try amount(reportingRevenue - served * $0, "the margin of \(id)")
          }
        )
      )
    }
    return ScenarioResult.Month(
      month: simulation.timeline[month],
      cnyPerUSD: simulation.cnyPerUSD[month],
      marketVolume: try fraction(volume, "the market's volume"),
      averagePrice: try fraction(figures.averagePrice, "the market's average price"),
      offerings: rows,
      buyer: ScenarioResult.BuyerMonth(
        tokens: simulation.exactTokens[month],
        offering: offerings[figures.buyer].id,
        bill: try exactBill(
          month,
          figures.buyer,
          modelled: figures.buyerBill,
          moved: figures.forced
        ),
        switchingOffering: offerings[figures.switcher].id,
        switchingBill: try exactBill(
          month,
          figures.switcher,
          modelled: figures.switchingBill,
          moved: figures.switched
        ),
        switched: figures.switched
      )
    )
  }

  /// A buyer's bill: the catalog's exact cost when the offering charges the catalog's own
  /// price with no free tokens (plus the cost of moving, if it moved), else the modelled one.
  private func exactBill(
    _ month: Int,
    _ index: Int,
    modelled: Double,
    moved: Bool
  ) throws -> FixedDecimal {
    let seller = sellers[index]
    guard !seller.modified, seller.free == 0,
      simulation.catalogPrices[month * count + index] == seller.price,
      let exact = simulation.catalogBills[month * count + index]
    else {
      return try FixedDecimal(modelled: modelled, places: 4, "a buyer's bill")
    }
    return moved ? try exact + simulation.scenario.market.switching.cost : exact
  }
}
