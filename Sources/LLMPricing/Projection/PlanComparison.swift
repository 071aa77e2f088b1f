import Foundation

/// A subscription plan beside pay-as-you-go for one workload's month: which is cheaper,
/// and at what monthly volume the two cost the same.
///
/// Pay-as-you-go is taken as proportional to volume at the workload's average price per
/// token (its month's cost over its tokens, input and output together), so the break-even
/// volume has a closed form: with fee F, allowance A tokens and overage o per token,
/// `V* = F / c` when that is within A, else `V* = (F − A·o) / (c − o)` when c > o; a plan
/// that stops at its allowance has no volume above A. A plan whose allowance is counted in
/// requests per window is not compared in tokens: ``breakEvenTokens`` is `nil` and the
/// note says why.
///
/// ```swift
/// let month = try MonthlyProjection.cost(of: profile, on: offering, in: november)
/// let comparison = try PlanComparison(plan: plan, month: month)
/// print(comparison.cheaper, comparison.breakEvenTokens ?? 0)
/// ```
public struct PlanComparison: Hashable, Sendable, Codable {
  /// Which option costs less for the workload.
  public enum Choice: String, Hashable, Sendable, Codable {
    /// The plan.
    case plan
    /// Pay-as-you-go.
    case payAsYouGo
    /// They cost the same.
    case equal
    /// The plan cannot serve the volume (its allowance stops it), so pay-as-you-go.
    case planExceeded
    /// The plan's allowance is not counted in tokens; no comparison in money.
    case notComparable
  }

  /// The plan's id.
  public var plan: String
  /// The workload's tokens in the month, input and output.
  public var tokens: FixedDecimal
  /// The month at pay-as-you-go prices, in the plan's currency.
  public var payAsYouGo: Money
  /// The month on the plan: the fee, plus overage above the allowance; `nil` when the plan
  /// stops at its allowance before the workload's volume, or counts requests.
  public var planCost: Money?
  /// Which costs less.
  public var cheaper: Choice
  /// The monthly volume, in tokens, at which the two cost the same; `nil` when there is
  /// none.
  public var breakEvenTokens: FixedDecimal?
  /// What a reader must know: the assumptions of the comparison.
  public var notes: [String]

  /// Compares a plan with a month priced at pay-as-you-go.
  ///
  /// - Parameters:
  ///   - plan: The plan.
  ///   - month: The workload's month at pay-as-you-go prices; its reporting total must be
  ///     in the plan's currency (price it with `currency: plan.currency`).
  /// - Throws: ``PricingError/Code/currencyMismatch`` when the month is in another
  ///   currency; ``PricingError/Code/invalidData`` when the plan does not cover the model.
  public init(plan: Plan, month: MonthlyCost) throws {
    guard plan.models.contains(where: { $0.lowercased() == month.model.lowercased() }) else {
      throw PricingError(
        .invalidData,
        "plan '\(plan.id)' does not cover \(month.model); it covers "
          + plan.models.joined(separator: ", ")
      )
    }
    let payAsYouGo = month.reportingTotal
    guard payAsYouGo.currency == plan.currency else {
      throw PricingError(
        .currencyMismatch,
        "the month is priced in \(payAsYouGo.currency.code) and plan '\(plan.id)' in "
          + "\(plan.currency.code); price the month in \(plan.currency.code)"
      )
    }
    let tokens = try month.inputTokens + month.outputTokens
    self.plan = plan.id
    self.tokens = tokens
    self.payAsYouGo = payAsYouGo
    var notes = [
      "pay-as-you-go is taken as proportional to volume at this workload's average price "
        + "per token; the plan's allowance counts input and output tokens together"
    ]
    guard case .tokensPerMonth(let allowance) = plan.allowance else {
      planCost = nil
      cheaper = .notComparable
      breakEvenTokens = nil
      notes = [
        "plan '\(plan.id)' counts requests per rolling window, not tokens: compare its "
          + "request limits with the workload's \(month.requests.formatted(places: 0)) requests"
      ]
      self.notes = notes
      return
    }
    let limit = FixedDecimal(allowance)
    let overage = try plan.overagePerMillion.map { try $0.divided(by: FixedDecimal(1_000_000)) }
    // The plan's cost at the workload's volume.
    var cost: FixedDecimal? = plan.monthlyFee
    if tokens > limit {
      if let overage {
        cost = try plan.monthlyFee + (try (tokens - limit) * overage)
      } else {
        cost = nil
        notes.append(
          "plan '\(plan.id)' stops at \(allowance) tokens a month; this workload needs "
            + "\(tokens.formatted(places: 0))"
        )
      }
    }
    planCost = cost.map { Money($0, plan.currency) }
    switch cost {
    case nil: cheaper = .planExceeded
    case let cost? where cost < payAsYouGo.amount: cheaper = .plan
    case let cost? where cost > payAsYouGo.amount: cheaper = .payAsYouGo
    default: cheaper = .equal
    }
    // Break-even: c·V* = F within the allowance, else c·V* = F + (V* − A)·o, with c = P / V
    // for the month's pay-as-you-go cost P at volume V. Multiplying through by V keeps the
    // per-token price unrounded: V* = F·V / P, or V* = (F − A·o)·V / (P − o·V).
    breakEvenTokens = nil
    let price = payAsYouGo.amount
    if !tokens.isZero, !price.isZero {
      let withinAllowance = try (try plan.monthlyFee * tokens).divided(by: price)
      if withinAllowance <= limit {
        breakEvenTokens = withinAllowance
      } else if let overage {
        let denominator = try price - (try overage * tokens)
        if denominator > .zero {
          let numerator = try (try plan.monthlyFee - (try limit * overage)) * tokens
          breakEvenTokens = try numerator.divided(by: denominator)
        }
      }
    }
    self.notes = notes
  }
}
