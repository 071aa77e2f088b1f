import Foundation

/// What one usage costs, line by line, with the rules and the source that produced it.
///
/// Amounts are exact and unrounded; round the ``total`` with ``Money/rounded(_:)`` when
/// billing or displaying.
///
/// ```swift
/// let cost = try schedule.cost(of: usage, at: timestamp)
/// for line in cost.lines { print(line.component, line.tokens, line.amount) }
/// print(cost.total.formatted())  // ¥0.03
/// ```
public struct CostBreakdown: Hashable, Sendable, Codable {
  /// One billed component.
  public struct Line: Hashable, Sendable, Codable {
    /// What was billed.
    public var component: CostComponent
    /// How many tokens (requests for ``CostComponent/requests``, calls for
    /// ``CostComponent/toolCalls``).
    public var tokens: Int
    /// The price applied, per million tokens (per request for ``CostComponent/requests``),
    /// after window and batch adjustments.
    public var unitPrice: FixedDecimal
    /// The exact amount: `tokens × unitPrice ÷ 1,000,000` (× `unitPrice` for requests and
    /// tool calls).
    public var amount: FixedDecimal
    /// The fee's name for a ``CostComponent/toolCalls`` line, such as `"web_search"`; `nil`
    /// for token lines.
    public var name: String?

    /// Creates a line.
    ///
    /// - Parameters:
    ///   - component: What was billed.
    ///   - tokens: The count.
    ///   - unitPrice: The price per million tokens, or per request.
    ///   - amount: The exact amount.
    ///   - name: The fee's name, for a tool-call line.
    public init(
      component: CostComponent,
      tokens: Int,
      unitPrice: FixedDecimal,
      amount: FixedDecimal,
      name: String? = nil
    ) {
      self.component = component
      self.tokens = tokens
      self.unitPrice = unitPrice
      self.amount = amount
      self.name = name
    }
  }

  /// The billed components, in ``CostComponent`` order; components with no tokens are omitted.
  public var lines: [Line]
  /// The sum of the lines' amounts.
  public var total: Money
  /// The label of the tier applied.
  public var tier: String
  /// The name of the time window applied, or `nil` when none was.
  public var window: String?
  /// Whether batch pricing was applied.
  public var isBatch: Bool
  /// The adjustments applied, for people: `"off-peak window prices"`, `"batch ×0.5"`.
  public var adjustments: [String]
  /// When the sheet that priced the usage took effect.
  public var effectiveFrom: Date
  /// Where that sheet's prices come from.
  public var provenance: Provenance
  /// The rates used to convert from the offering's currency; empty when not converted.
  public var conversion: [AppliedRate]
  /// The holiday-calendar years that decided the time window and are provisional (computed
  /// from rules, not published): empty when the price rests on official data only.
  public var provisionalYears: [ProvisionalYear]
  /// Other assumptions the figure rests on, in words, such as a tool's free allowance that
  /// a single request cannot apply.
  public var assumptions: [String] = []

  /// Whether the price rests on a provisional holiday calendar; see ``provisionalYears``.
  public var isProvisional: Bool { !provisionalYears.isEmpty }

  /// What a reader must know about this figure, in words: each provisional calendar year,
  /// each assumed exchange rate, each component billed at a fallback because the
  /// catalog lacks a price the provider publishes (``Provenance/missing``), and the
  /// ``assumptions``.
  public var notes: [String] {
    provisionalYears.map(\.note) + conversion.compactMap(\.assumption)
      + provenance.missingPriceNotes(billed: lines.filter { $0.tokens > 0 }.map(\.component))
      + assumptions
  }

  /// Creates a breakdown.
  ///
  /// - Parameters:
  ///   - lines: The billed components.
  ///   - total: Their sum.
  ///   - tier: The tier label.
  ///   - window: The window name, if one applied.
  ///   - isBatch: Whether batch pricing applied.
  ///   - adjustments: The adjustments applied, for people.
  ///   - effectiveFrom: When the sheet took effect.
  ///   - provenance: Where its prices come from.
  ///   - conversion: The exchange rates applied, if converted.
  ///   - provisionalYears: The provisional calendar years that decided the window, if any.
  public init(
    lines: [Line],
    total: Money,
    tier: String,
    window: String?,
    isBatch: Bool,
    adjustments: [String],
    effectiveFrom: Date,
    provenance: Provenance,
    conversion: [AppliedRate] = [],
    provisionalYears: [ProvisionalYear] = []
  ) {
    self.lines = lines
    self.total = total
    self.tier = tier
    self.window = window
    self.isBatch = isBatch
    self.adjustments = adjustments
    self.effectiveFrom = effectiveFrom
    self.provenance = provenance
    self.conversion = conversion
    self.provisionalYears = provisionalYears
  }

  /// Returns the breakdown in another currency.
  ///
  /// Each line's unit price and amount are converted with the same rates; the total is
  /// the sum of the converted lines, so the breakdown still adds up exactly.
  ///
  /// - Parameters:
  ///   - target: The currency to convert to.
  ///   - rates: The exchange rates.
  ///   - instant: When the conversion happens; it selects the rates.
  /// - Returns: The converted breakdown, with ``conversion`` set.
  /// - Throws: The errors of ``ExchangeRates/convert(_:to:at:)``.
  public func converted(
    to target: Currency,
    using rates: ExchangeRates,
    at instant: Date
  ) throws -> CostBreakdown {
    let source = total.currency
    guard source != target else { return self }
    var copy = self
    var total = FixedDecimal.zero
    for index in copy.lines.indices {
      let line = copy.lines[index]
      let amount = try rates.convert(Money(line.amount, source), to: target, at: instant)
      let price = try rates.convert(Money(line.unitPrice, source), to: target, at: instant)
      copy.lines[index].amount = amount.converted.amount
      copy.lines[index].unitPrice = price.converted.amount
      total = try total + amount.converted.amount
    }
    copy.total = Money(total, target)
    copy.conversion = try rates.path(from: source, to: target, at: instant)
    return copy
  }
}
