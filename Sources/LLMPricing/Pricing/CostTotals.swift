/// Exact running totals of many breakdowns, by currency and component.
///
/// Amounts in different currencies are kept apart, never added; convert first for a
/// single figure.
///
/// ```swift
/// var totals = CostTotals()
/// try totals.add(breakdown)
/// print(totals.total(in: .cny))
/// ```
public struct CostTotals: Hashable, Sendable, Codable {
  /// The tokens and amount of one component in one currency.
  public struct Component: Hashable, Sendable, Codable {
    /// The tokens (or requests) billed.
    public var tokens: Int = 0
    /// The exact amount billed.
    public var amount: FixedDecimal = .zero
  }

  /// Per currency code, per component, the running totals.
  public private(set) var components: [String: [CostComponent: Component]] = [:]
  /// Per currency code, the exact total.
  public private(set) var totals: [String: FixedDecimal] = [:]
  /// How many breakdowns were added.
  public private(set) var count = 0

  /// Creates empty totals.
  public init() {}

  /// Adds a breakdown.
  ///
  /// - Parameter breakdown: The breakdown to add.
  /// - Throws: ``PricingError/Code/overflow`` when a total would overflow; the totals
  ///   are then unchanged.
  public mutating func add(_ breakdown: CostBreakdown) throws {
    let code = breakdown.total.currency.code
    var byComponent = components[code] ?? [:]
    for line in breakdown.lines {
      var entry = byComponent[line.component] ?? Component()
      let (tokens, overflow) = entry.tokens.addingReportingOverflow(line.tokens)
      guard !overflow else {
        throw PricingError(.overflow, "the \(line.component) token total overflows")
      }
      entry.tokens = tokens
      entry.amount = try entry.amount + line.amount
      byComponent[line.component] = entry
    }
    let total = try (totals[code] ?? .zero) + breakdown.total.amount
    components[code] = byComponent
    totals[code] = total
    count += 1
  }

  /// Adds another set of totals, as when merging shards.
  ///
  /// - Parameter other: The totals to add.
  /// - Throws: ``PricingError/Code/overflow`` when a total would overflow; the totals
  ///   are then unchanged.
  public mutating func merge(_ other: CostTotals) throws {
    var merged = self
    for (code, byComponent) in other.components {
      var mine = merged.components[code] ?? [:]
      for (component, entry) in byComponent {
        var sum = mine[component] ?? Component()
        let (tokens, overflow) = sum.tokens.addingReportingOverflow(entry.tokens)
        guard !overflow else {
          throw PricingError(.overflow, "the \(component) token total overflows")
        }
        sum.tokens = tokens
        sum.amount = try sum.amount + entry.amount
        mine[component] = sum
      }
      merged.components[code] = mine
    }
    for (code, amount) in other.totals {
      merged.totals[code] = try (merged.totals[code] ?? .zero) + amount
    }
    merged.count += other.count
    self = merged
  }

  /// The exact total in one currency; zero when nothing was billed in it.
  ///
  /// - Parameter currency: The currency.
  /// - Returns: The total.
  public func total(in currency: Currency) -> Money {
    Money(totals[currency.code] ?? .zero, currency)
  }
}
