import Foundation
import LLMPricing

/// One priced usage, rendered as a table or as JSON.
struct Quote {
  let offering: Offering
  let at: Date
  let breakdown: CostBreakdown

  /// The JSON contract: the keys named in the issue, plus additions.
  struct JSON: Encodable {
    struct Line: Encodable {
      let component: String
      let tokens: Int
      let unitPricePerMillion: String
      let amount: String
      /// The fee's name on a `toolCalls` line, whose unit price is per call.
      let name: String?
    }
    struct Conversion: Encodable {
      let from: String
      let to: String
      let rate: String
      let inverse: Bool
      let asOf: String
      let source: String
    }
    let model: String
    let provider: String
    let offering: String
    let at: String
    let currency: String
    let total: String
    let totalRounded: String
    let lines: [Line]
    let tier: String
    let window: String?
    let batch: Bool
    let adjustments: [String]
    let source: String
    let confidence: String
    let observed: String
    let effectiveFrom: String
    let note: String?
    let offeringCurrency: String
    let conversion: [Conversion]
    let exchangeRate: ExchangeRateJSON?
    let provisional: Bool
    let provisionalCalendar: [ProvisionalYear]
    let notes: [String]
  }

  static func iso(_ date: Date) -> String { date.formatted(.iso8601) }

  func json() throws -> String {
    let value = JSON(
      model: offering.model.id,
      provider: offering.provider.id,
      offering: offering.id,
      at: Self.iso(at),
      currency: breakdown.total.currency.code,
      total: breakdown.total.amount.description,
      totalRounded: breakdown.total.rounded().amount.formatted(
        places: breakdown.total.currency.minorUnitDigits
      ),
      lines: breakdown.lines.map {
        JSON.Line(
          component: $0.component.rawValue,
          tokens: $0.tokens,
          unitPricePerMillion: $0.unitPrice.description,
          amount: $0.amount.description,
          name: $0.name
        )
      },
      tier: breakdown.tier,
      window: breakdown.window,
      batch: breakdown.isBatch,
      adjustments: breakdown.adjustments,
      source: breakdown.provenance.source,
      confidence: breakdown.provenance.confidence.rawValue,
      observed: breakdown.provenance.observed.description,
      effectiveFrom: Self.iso(breakdown.effectiveFrom),
      note: breakdown.provenance.note,
      offeringCurrency: offering.currency.code,
      conversion: breakdown.conversion.map {
        JSON.Conversion(
          from: $0.from.code,
          to: $0.to.code,
          rate: $0.rate.rate.description,
          inverse: $0.isInverse,
          asOf: Self.iso($0.rate.asOf),
          source: $0.rate.source
        )
      },
      exchangeRate: ExchangeRateJSON(breakdown.conversion),
      provisional: breakdown.isProvisional,
      provisionalCalendar: breakdown.provisionalYears,
      notes: breakdown.notes
    )
    return try Output.json(value)
  }

  /// The breakdown's lines and the total, one row each.
  func lineTable() -> TextTable {
    let currency = breakdown.total.currency
    var table = TextTable(
      ["component", "tokens", "per 1M \(currency.code)", "amount"],
      rightAligned: [1, 2, 3]
    )
    for line in breakdown.lines {
      let unit: String
      switch line.component {
      case .requests: unit = "\(line.unitPrice) /req"
      case .toolCalls: unit = "\(line.unitPrice) /call"
      default: unit = line.unitPrice.description
      }
      let label = line.name.map { "\(line.component.rawValue) \($0)" } ?? line.component.rawValue
      table.append([label, grouped(line.tokens), unit, line.amount.description])
    }
    table.append(["total", "", "", breakdown.total.amount.description])
    return table
  }

  func table() -> String {
    // The table's own rule goes under the headers and again above the total.
    var rendered = lineTable().rendered().split(separator: "\n").map(String.init)
    if rendered.count > 2 { rendered.insert(rendered[1], at: rendered.count - 1) }
    var out: [String] = []
    out.append(
      "\(offering.model.id) · \(offering.provider.name) · \(offering.currency.code) list "
        + "(\(offering.region))"
    )
    out.append("at \(Self.iso(at))")
    var rules = "tier: \(breakdown.tier)"
    rules += " · window: \(breakdown.window ?? "none")"
    if breakdown.isBatch { rules += " · batch" }
    out.append(rules)
    out.append("")
    out += rendered
    out.append("")
    out.append("total: \(breakdown.total.formatted()) (exact: \(breakdown.total))")
    for leg in breakdown.conversion {
      out.append("converted from \(offering.currency.code) at \(leg)")
    }
    for assumption in breakdown.conversion.compactMap(\.assumption) {
      out.append("warning: \(assumption)")
    }
    out += Output.provisionalLines(breakdown.provisionalYears)
    let provenance = breakdown.provenance
    out.append(
      "prices in effect from \(Self.iso(breakdown.effectiveFrom)); source: \(provenance.source) "
        + "(\(provenance.confidence.rawValue), observed \(provenance.observed))"
    )
    if let note = provenance.note { out.append("note: \(note)") }
    return out.joined(separator: "\n")
  }

  private func grouped(_ value: Int) -> String {
    var digits = String(value)
    var groups: [String] = []
    while digits.count > 3 {
      groups.insert(String(digits.suffix(3)), at: 0)
      digits.removeLast(3)
    }
    groups.insert(digits, at: 0)
    return groups.joined(separator: ",")
  }
}
