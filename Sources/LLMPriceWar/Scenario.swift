import Foundation
import LLMPricing

/// A price war to play against a workload: offerings, a market, a buyer, and a timeline
/// of price events, month by month.
///
/// Build one in code or keep it in a JSON file (`Scenario.decode(from:)`); run it with
/// ``ScenarioSimulation`` for one deterministic timeline, or ``MonteCarlo`` for
/// percentile bands over its ``uncertainties``. The presets (``ScenarioPreset``) are such
/// files.
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
  /// The reporting currency; offerings in other currencies convert through
  /// `ExchangeRates`.
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
  /// Yuan per US dollar by month, over the exchange rates the simulation is given (the
  /// central parity by default, at each month's middle).
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
  ///   - currency: The reporting currency.
  ///   - workload: The workload.
  ///   - offerings: The offerings.
  ///   - events: The events.
  ///   - market: The market model.
  ///   - buyerOffering: The buyer's starting offering; the first when `nil`.
  ///   - exchangeRates: Yuan per US dollar by month, over the simulation's rates.
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
  /// - Throws: ``ScenarioError/Code/invalidScenario`` when the horizon leaves the years
  ///   the calendar counts.
  public func timeline() throws -> [YearMonth] {
    do {
      return try (0..<months).map { try start.adding(months: $0) }
    } catch let error as PricingError {
      throw ScenarioError.invalid("months: \(error.message)")
    }
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
    // References by position move with the events; references to dropped events go.
    copy.uncertainties = uncertainties.compactMap { uncertainty in
      guard case .event(let reference, let field) = uncertainty.parameter else {
        return uncertainty
      }
      guard let index = eventIndex(reference), let position = kept.firstIndex(of: index) else {
        return nil
      }
      var moved = uncertainty
      if case .index = reference { moved.parameter = .event(.index(position), field) }
      return moved
    }
    return copy
  }

  /// The scenario moved in time to start in another month: every event and exchange-rate
  /// point moves by the same number of months.
  ///
  /// Offerings priced from the catalog take the catalog's prices of the new months, so a
  /// preset re-based to next year plays its moves against today's prices.
  ///
  /// - Parameter start: The new first month.
  /// - Returns: The moved scenario.
  /// - Throws: ``ScenarioError/Code/invalidScenario`` when a moved month leaves the years
  ///   the calendar counts.
  public func rebased(start: YearMonth) throws -> Scenario {
    let shift = (start.year - self.start.year) * 12 + (start.month - self.start.month)
    var copy = self
    copy.start = start
    do {
      for index in copy.events.indices {
        copy.events[index].month = try events[index].month.adding(months: shift)
      }
      for index in copy.exchangeRates.indices {
        copy.exchangeRates[index].from = try exchangeRates[index].from.adding(months: shift)
      }
    } catch let error as PricingError {
      throw ScenarioError.invalid("start: moving the scenario to \(start): \(error.message)")
    }
    return copy
  }

  /// The index of the event a parameter names.
  func eventIndex(_ reference: ScenarioParameter.EventReference) -> Int? {
    switch reference {
    case .index(let index): events.indices.contains(index) ? index : nil
    case .id(let id): events.firstIndex { $0.id == id }
    }
  }

  /// The offering index of a scenario id.
  func offeringIndex(_ id: String) -> Int? { offerings.firstIndex { $0.id == id } }

  /// The error for an unknown offering id, with the closest ids.
  func unknownOffering(_ id: String, at path: String) -> ScenarioError {
    ScenarioError.invalid(
      "\(path): no offering '\(id)' in the scenario; closest: "
        + ClosestNames.closest(to: id, among: offerings.map(\.id)).joined(separator: ", ")
    )
  }
}
