import Foundation

/// A stated assumption about a workload's monthly cost, for unit tests that a finance
/// owner can read: "customer service costs under ¥20,000 in 2026-11 on the cheapest of
/// DeepSeek Flash or Qwen Plus".
///
/// ```swift
/// @Test func supportFitsTheBudget() throws {
///   try CostAssumption(.customerService, on: ["deepseek-flash", "qwen-plus"],
///                      in: "2026-11", under: "¥20,000").check()
/// }
/// ```
///
/// ``check()`` throws an error whose message is the whole explanation (the projection,
/// each candidate's cost, the margin, the exchange rate and any provisional calendar), so
/// a failing test reads as a finance statement; ``evaluate()`` returns the
/// ``Outcome`` to inspect instead.
public struct CostAssumption: Sendable {
  /// The offerings an assumption is about; the cheapest of them must fit the budget.
  public enum Candidates: Hashable, Sendable, ExpressibleByStringLiteral,
    ExpressibleByArrayLiteral
  {
    /// Models by id or alias (`"deepseek-flash"`, `"alibaba/qwen-plus"`): each priced on
    /// its list in the budget's currency when published, otherwise its native list,
    /// converted.
    case models([String])
    /// Every model of these providers (`"deepseek"`, `"alibaba"`), each on its list in the
    /// budget's currency when published, otherwise its native list.
    case providers([String])
    /// These offerings exactly.
    case offerings([Offering])

    /// One model, written as a string literal: `on: "deepseek-flash"`.
    ///
    /// - Parameter value: The model id or alias.
    public init(stringLiteral value: String) { self = .models([value]) }

    /// Several models, written as an array literal: `on: ["deepseek-flash", "qwen-plus"]`.
    ///
    /// - Parameter elements: The model ids or aliases.
    public init(arrayLiteral elements: String...) { self = .models(elements) }

    /// Every model of some providers.
    ///
    /// - Parameter ids: Provider ids, such as `"deepseek"` and `"alibaba"`.
    /// - Returns: The candidates.
    public static func providers(_ ids: String...) -> Candidates { .providers(ids) }
  }

  /// The result of checking an assumption.
  public struct Outcome: Hashable, Sendable {
    /// Whether the cheapest candidate's cost is at or under the budget.
    public var holds: Bool
    /// The cheapest candidate's projected cost.
    public var cost: MonthlyCost
    /// The cheapest cost in the budget's currency.
    public var projected: Money
    /// Budget minus cost: positive when under, negative when over.
    public var margin: Money
    /// Every candidate that could be priced, cheapest first in the budget's currency.
    public var ranked: [MonthlyCost]
    /// Candidates that could not be priced that month (not yet sold, retired, a request
    /// too large for them), with the reason.
    public var skipped: [WorkloadComparison.Skipped]
    /// A paragraph with the projection, the candidates, the margin and the assumptions.
    public var explanation: String
  }

  /// The workload.
  public var workload: WorkloadProfile
  /// The offerings; the cheapest must fit.
  public var candidates: Candidates
  /// The month.
  public var month: YearMonth
  /// The most the workload may cost in the month.
  public var budget: Money
  /// The catalog the candidates are found in; the default is the built-in catalog.
  public var catalog: Catalog
  /// The exchange rates, for candidates priced in another currency than the budget's.
  public var rates: ExchangeRates

  /// States an assumption: the workload costs at most `budget` in `month` on the cheapest
  /// of `candidates`.
  ///
  /// - Parameters:
  ///   - workload: The workload.
  ///   - candidates: One model (`"deepseek-flash"`), several (`["deepseek-flash",
  ///     "qwen-plus"]`), providers (`.providers("deepseek", "alibaba")`) or offerings.
  ///   - month: The month, such as `"2026-11"`.
  ///   - budget: The most it may cost, such as `"¥20,000"`; costs in other currencies are
  ///     converted at mid-month.
  ///   - catalog: The catalog.
  ///   - rates: The exchange rates.
  public init(
    _ workload: WorkloadProfile,
    on candidates: Candidates,
    in month: YearMonth,
    under budget: Money,
    catalog: Catalog = .builtIn,
    rates: ExchangeRates = .centralParity
  ) {
    self.workload = workload
    self.candidates = candidates
    self.month = month
    self.budget = budget
    self.catalog = catalog
    self.rates = rates
  }

  /// States an assumption about one model.
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
    self.init(
      workload,
      on: .models([provider.map { "\($0)/\(model)" } ?? model]),
      in: month,
      under: budget,
      catalog: catalog,
      rates: rates
    )
  }

  /// Projects every candidate's cost and compares the cheapest with the budget.
  ///
  /// - Returns: Whether the assumption holds, with the breakdown and the margin.
  /// - Throws: ``PricingError/Code/unknownModel`` for a model or provider that is not in
  ///   the catalog; ``PricingError/Code/invalidData`` when no candidate can be priced in
  ///   the month (the message gives each one's reason); FX errors.
  public func evaluate() throws -> Outcome {
    var ranked: [MonthlyCost] = []
    var skipped: [WorkloadComparison.Skipped] = []
    for offering in try offerings() {
      do {
        ranked.append(
          try MonthlyProjection.cost(
            of: workload,
            on: offering,
            in: month,
            currency: budget.currency,
            rates: rates,
            calendars: catalog.holidayCalendars
          )
        )
      } catch let error as PricingError where error.code != .missingExchangeRate {
        skipped.append(WorkloadComparison.Skipped(offering: offering.id, reason: error.message))
      }
    }
    ranked = try ranked.sorted(byAmount: \.reportingTotal)
    guard let cheapest = ranked.first else {
      throw PricingError(
        .invalidData,
        "no candidate can be priced for \(workload.name) in \(month): "
          + skipped.map { "\($0.offering): \($0.reason)" }.joined(separator: "; ")
      )
    }
    let projected = cheapest.reportingTotal
    let margin = try budget.subtracting(projected)
    return Outcome(
      holds: !margin.amount.isNegative,
      cost: cheapest,
      projected: projected,
      margin: margin,
      ranked: ranked,
      skipped: skipped,
      explanation: explanation(cheapest: cheapest, ranked: ranked, skipped: skipped, margin: margin)
    )
  }

  /// Checks the assumption, for a unit test: returns the outcome when it holds, and throws
  /// the explanation when it does not.
  ///
  /// - Returns: The outcome, when the cheapest candidate fits the budget.
  /// - Throws: ``PricingError/Code/assumptionFailed`` with ``Outcome/explanation`` as its
  ///   message when the cost is over budget; the errors of ``evaluate()``.
  @discardableResult
  public func check() throws -> Outcome {
    let outcome = try evaluate()
    guard outcome.holds else { throw PricingError(.assumptionFailed, outcome.explanation) }
    return outcome
  }

  /// The offerings the candidates name, one per model: its list in the budget's currency
  /// when published, else its native list.
  private func offerings() throws -> [Offering] {
    switch candidates {
    case .offerings(let offerings):
      return offerings
    case .models(let models):
      return try models.map {
        try catalog.preferredOffering(model: $0, currency: budget.currency)
      }
    case .providers(let providers):
      var result: [Offering] = []
      for provider in providers {
        let wanted = provider.lowercased()
        let own = catalog.offerings.filter { $0.provider.id == wanted }
        guard !own.isEmpty else {
          let known = Set(catalog.offerings.map(\.provider.id))
          throw PricingError(
            .unknownModel,
            "unknown provider '\(provider)'; closest: "
              + ClosestNames.closest(to: wanted, among: known).joined(separator: ", ")
          )
        }
        var seen: Set<String> = []
        for offering in own where seen.insert(offering.model.id).inserted {
          result.append(
            try catalog.preferredOffering(
              model: offering.model.id,
              provider: wanted,
              currency: budget.currency
            )
          )
        }
      }
      return result
    }
  }

  private func explanation(
    cheapest: MonthlyCost,
    ranked: [MonthlyCost],
    skipped: [WorkloadComparison.Skipped],
    margin: Money
  ) -> String {
    let projected = cheapest.reportingTotal
    let holds = !margin.amount.isNegative
    var parts = cheapest.costByWindow.sorted { $0.key < $1.key }
      .map { "\($0.key) \(Money($0.value, cheapest.total.currency).formatted())" }
    if cheapest.costByWindow.count < 2 { parts = [] }
    let detail = parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
    let rate =
      cheapest.converted.map {
        "; converted at \($0.legs.map(\.description).joined(separator: ", "))"
      } ?? ""
    let percent =
      (try? margin.amount.magnitude.divided(by: budget.amount) * 100)
      .map { " (\($0.formatted(places: 1))%)" } ?? ""
    let others =
      ranked.count > 1
      ? " The cheapest of \(ranked.count) candidates; the others: "
        + ranked.dropFirst().map { "\($0.offering) \($0.reportingTotal.formatted())" }
        .joined(separator: ", ") + "."
      : ""
    let unpriced =
      skipped.isEmpty
      ? ""
      : " Not priced: " + skipped.map { "\($0.offering) (\($0.reason))" }.joined(separator: "; ")
        + "."
    let over = Money(margin.amount.magnitude, margin.currency).formatted()
    return "\(workload.name) on \(cheapest.offering) in \(month) costs \(projected.formatted())"
      + "\(detail) for \(cheapest.sessions.formatted(places: 0)) sessions, "
      + (holds
        ? "under the budget of \(budget.formatted()) by \(margin.formatted())\(percent)"
        : "OVER the budget of \(budget.formatted()) by \(over)\(percent)")
      + rate + "." + others + unpriced
      + cheapest.notes.filter { $0.contains("provisional") || $0.hasPrefix("assumed") }
      .map { " Note: \($0)." }.joined()
  }
}
