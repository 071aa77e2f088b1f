import Foundation

/// A price war to play against a workload: offerings, a market, a buyer, and a timeline
/// of price events, month by month.
///
/// Build one in code or keep it in a JSON file (`Scenario.decode(from:)`); run it with
/// ``ScenarioSimulation`` for one deterministic timeline, or ``MonteCarlo`` for
/// percentile bands over its ``uncertainties``.
///
/// ```swift
/// var war = Scenario(
///   id: "two-player", title: "A cuts, B follows", start: try YearMonth("2026-01"),
///   months: 12, currency: .cny, workload: .customerService,
///   offerings: [
///     ScenarioOffering(id: "A", currency: .cny, price: 2, share: try FixedDecimal("0.5")),
///     ScenarioOffering(id: "B", currency: .cny, price: 2),
///   ],
///   market: MarketModel(volume: 1_000_000, elasticity: -1))
/// war.events = [
///   ScenarioEvent(try YearMonth("2026-03"), "A", .cut(try FixedDecimal("0.5"))),
///   ScenarioEvent(try YearMonth("2026-03"), "B", .follow(leaders: ["A"], lag: 1, discount: 0)),
/// ]
/// let result = try ScenarioSimulation(war).run()
/// ```
public struct Scenario: Hashable, Sendable, Codable {
  /// A source a scenario rests on, and what it supports.
  public struct Source: Hashable, Sendable, Codable {
    /// The address.
    public var url: String
    /// What it supports, such as "OpenAI blocked API traffic from mainland China from
    /// 2024-07-09".
    public var claim: String

    /// Creates a source.
    ///
    /// - Parameters:
    ///   - url: The address.
    ///   - claim: What it supports.
    public init(_ url: String, _ claim: String) {
      self.url = url
      self.claim = claim
    }
  }

  /// A short name, such as `china-may-2024`.
  public var id: String
  /// A title for people.
  public var title: String
  /// What the scenario plays out, its assumptions and their grounds.
  public var summary: String
  /// The sources of its facts; assumptions are said so in ``summary`` and event notes.
  public var sources: [Source]
  /// The first month.
  public var start: YearMonth
  /// How many months, from 1 to 600.
  public var months: Int
  /// The reporting currency: CNY or USD.
  public var currency: Currency
  /// The workload: it sets each offering's effective price, and the buyer's bill.
  public var workload: WorkloadProfile
  /// The offerings in the market.
  public var offerings: [ScenarioOffering]
  /// What happens, month by month; events of one month apply in order.
  public var events: [ScenarioEvent]
  /// How volume and shares respond to prices.
  public var market: MarketModel
  /// The offering the buyer starts on; the first offering when `nil`.
  public var buyerOffering: String?
  /// Yuan per US dollar by month; the central parity fixing in force at each month's
  /// middle (the latest known one after the table ends) when empty.
  public var exchangeRates: [ExchangeRatePoint]
  /// The parameters Monte Carlo runs vary.
  public var uncertainties: [Uncertainty]

  /// Creates a scenario.
  ///
  /// - Parameters:
  ///   - id: A short name.
  ///   - title: A title for people.
  ///   - summary: What it plays out and its assumptions.
  ///   - sources: Its sources.
  ///   - start: The first month.
  ///   - months: How many months.
  ///   - currency: The reporting currency (CNY or USD).
  ///   - workload: The workload.
  ///   - offerings: The offerings.
  ///   - events: The events.
  ///   - market: The market model.
  ///   - buyerOffering: The buyer's starting offering; the first when `nil`.
  ///   - exchangeRates: Yuan per US dollar by month; the central parity when empty.
  ///   - uncertainties: The parameters Monte Carlo runs vary.
  public init(
    id: String,
    title: String,
    summary: String = "",
    sources: [Source] = [],
    start: YearMonth,
    months: Int,
    currency: Currency,
    workload: WorkloadProfile,
    offerings: [ScenarioOffering],
    events: [ScenarioEvent] = [],
    market: MarketModel,
    buyerOffering: String? = nil,
    exchangeRates: [ExchangeRatePoint] = [],
    uncertainties: [Uncertainty] = []
  ) {
    self.id = id
    self.title = title
    self.summary = summary
    self.sources = sources
    self.start = start
    self.months = months
    self.currency = currency
    self.workload = workload
    self.offerings = offerings
    self.events = events
    self.market = market
    self.buyerOffering = buyerOffering
    self.exchangeRates = exchangeRates
    self.uncertainties = uncertainties
  }

  /// The most months a scenario runs: fifty years.
  public static let maximumMonths = 600

  /// The months of the scenario, in order.
  ///
  /// - Throws: ``PricingError/Code/invalidScenario`` when the horizon leaves the years
  ///   the calendar counts.
  public func timeline() throws -> [YearMonth] {
    try (0..<months).map { try start.adding(months: $0) }
  }

  /// The scenario over a different number of months: events after the new end are
  /// dropped, with the uncertainties that vary them.
  ///
  /// - Parameter months: The new horizon.
  /// - Returns: The changed scenario (validate it before use).
  public func withHorizon(months: Int) -> Scenario {
    var copy = self
    copy.months = months
    guard months < self.months, let end = try? start.adding(months: months) else { return copy }
    let kept = events.indices.filter { events[$0].month < end }
    copy.events = kept.map { events[$0] }
    // Index references move with the events; references to dropped events go.
    copy.uncertainties = uncertainties.compactMap { uncertainty in
      let path = uncertainty.parameter
      guard path.hasPrefix("events["), let close = path.firstIndex(of: "]") else {
        return uncertainty
      }
      let reference = path[path.index(path.startIndex, offsetBy: 7)..<close]
      guard let index = eventIndex(reference), let position = kept.firstIndex(of: index) else {
        return nil
      }
      var moved = uncertainty
      if Int(reference) != nil {
        moved.parameter = "events[\(position)]" + path[close...].dropFirst()
      }
      return moved
    }
    return copy
  }

  /// The index of the event an uncertainty or a path names: `events[3]` or `events[cut-1]`.
  func eventIndex(_ reference: Substring) -> Int? {
    if let index = Int(reference), events.indices.contains(index) { return index }
    return events.firstIndex { $0.id == String(reference) }
  }

  /// The offering index of a scenario id.
  func offeringIndex(_ id: String) -> Int? { offerings.firstIndex { $0.id == id } }

  /// The error for an unknown offering id, with the closest ids.
  func unknownOffering(_ id: String, at path: String) -> PricingError {
    PricingError(
      .invalidScenario,
      "\(path): no offering '\(id)' in the scenario; closest: "
        + ClosestNames.closest(to: id, among: offerings.map(\.id)).joined(separator: ", ")
    )
  }
}
