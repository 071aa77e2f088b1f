import Foundation

/// A stated assumption about a workload's monthly cost, for unit tests that a finance
/// owner can read: "customer service on deepseek-chat costs under ¥20,000 in 2026-11".
///
/// ```swift
/// let outcome = try CostAssumption(
///   workload: .customerService, model: "deepseek-flash", month: YearMonth("2026-11"),
///   budget: Money(20_000, .cny)
/// ).evaluate()
/// #expect(outcome.holds, "\(outcome.explanation)")
/// ```
public struct CostAssumption: Sendable {
  /// The result of checking an assumption.
  public struct Outcome: Hashable, Sendable {
    /// Whether the cost is at or under the budget.
    public var holds: Bool
    /// The projected cost.
    public var cost: MonthlyCost
    /// The cost in the budget's currency.
    public var projected: Money
    /// Budget minus cost: positive when under, negative when over.
    public var margin: Money
    /// A sentence with the breakdown and the margin.
    public var explanation: String
  }

  /// The workload.
  public var workload: WorkloadProfile
  /// The model id or alias.
  public var model: String
  /// The provider, when the model is sold by several.
  public var provider: String?
  /// The month.
  public var month: YearMonth
  /// The most the workload may cost in the month.
  public var budget: Money
  /// The offerings; the default is the built-in catalog.
  public var catalog: Catalog
  /// The exchange rates, for a budget in another currency.
  public var rates: ExchangeRates

  /// States an assumption.
  ///
  /// - Parameters:
  ///   - workload: The workload.
  ///   - model: The model id or alias.
  ///   - provider: The provider, if the model is sold by several.
  ///   - month: The month.
  ///   - budget: The most it may cost; the provider's list in this currency is used
  ///     when published, otherwise the cost is converted at mid-month.
  ///   - catalog: The offerings.
  ///   - rates: The exchange rates.
  public init(
    workload: WorkloadProfile,
    model: String,
    provider: String? = nil,
    month: YearMonth,
    budget: Money,
    catalog: Catalog = .builtIn,
    rates: ExchangeRates = .centralParity
  ) {
    self.workload = workload
    self.model = model
    self.provider = provider
    self.month = month
    self.budget = budget
    self.catalog = catalog
    self.rates = rates
  }

  /// Projects the cost and compares it with the budget.
  ///
  /// - Returns: Whether the assumption holds, with the breakdown and the margin.
  /// - Throws: The errors of ``MonthlyProjection/cost(of:on:in:monthIndex:currency:rates:calendars:)``
  ///   and ``Catalog/offerings(model:provider:)``.
  public func evaluate() throws -> Outcome {
    let offering = try catalog.preferredOffering(
      model: model,
      provider: provider,
      currency: budget.currency
    )
    let cost = try MonthlyProjection.cost(
      of: workload,
      on: offering,
      in: month,
      currency: budget.currency,
      rates: rates,
      calendars: catalog.holidayCalendars
    )
    let projected = cost.reportingTotal
    let margin = try budget.subtracting(projected)
    let holds = !margin.amount.isNegative
    var parts = cost.costByWindow.sorted { $0.key < $1.key }
      .map { "\($0.key) \(Money($0.value, cost.total.currency).formatted())" }
    if cost.costByWindow.count < 2 { parts = [] }
    let detail = parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
    let rate =
      cost.converted.map { "; converted at \($0.legs.map(\.description).joined(separator: ", "))" }
      ?? ""
    let percent =
      (try? (try margin.amount.magnitude.divided(by: budget.amount)) * 100)
      .map { " (\($0.formatted(places: 1))%)" } ?? ""
    let explanation =
      "\(workload.name) on \(cost.offering) in \(month) costs \(projected.formatted())\(detail) "
      + "for \(cost.sessions.formatted(places: 0)) sessions, "
      + (holds
        ? "under the budget of \(budget.formatted()) by \(margin.formatted())\(percent)"
        : "OVER the budget of \(budget.formatted()) by \(margin.magnitudeFormatted)\(percent)")
      + rate + "."
      + cost.notes.filter { $0.contains("provisional") || $0.hasPrefix("assumed") }
      .map { " Note: \($0)." }.joined()
    return Outcome(
      holds: holds,
      cost: cost,
      projected: projected,
      margin: margin,
      explanation: explanation
    )
  }
}

extension Money {
  /// The magnitude, formatted for people.
  fileprivate var magnitudeFormatted: String { Money(amount.magnitude, currency).formatted() }
}
