import Foundation
import LLMPricing

/// How every subcommand writes JSON and CSV, so the formats cannot drift apart.
enum Output {
  /// Pretty, key-sorted JSON without escaped slashes (URLs stay readable).
  static func json<T: Encodable>(_ value: T) throws -> String {
    try JSONReport.render(value)
  }

  /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
  static func csvField(_ text: String) -> String {
    TextTable.csvField(text)
  }
}

/// The `exchangeRate` object of every converted figure in JSON: the rate, its date and
/// source, how old it was at the converted instant, and whether it was assumed.
struct ExchangeRateJSON: Encodable {
  let base: String
  let quote: String
  let rate: String
  let inverse: Bool
  let asOf: String?
  let source: String
  let ageDays: Int?
  let assumed: Bool
  let note: String?

  /// One leg as stored; two legs (a cross rate through the pivot) as one rate from the
  /// first leg's source currency to the last leg's target, with both sources.
  init?(_ legs: [AppliedRate]) {
    guard let first = legs.first, let last = legs.last else { return nil }
    if legs.count == 1 {
      base = first.rate.base.code
      quote = first.rate.quote.code
      rate = first.rate.rate.description
      inverse = first.isInverse
    } else {
      base = first.from.code
      quote = last.to.code
      // The legs' product; out of range (it cannot be, for real rates) it is written as the
      // legs themselves rather than as a wrong number.
      var combined: FixedDecimal? = FixedDecimal(1)
      for leg in legs {
        combined = combined.flatMap {
          leg.isInverse ? try? $0.divided(by: leg.rate.rate) : try? $0.multiplied(by: leg.rate.rate)
        }
      }
      rate =
        combined?.description
        ?? legs.map { ($0.isInverse ? "1/" : "") + $0.rate.rate.description }
        .joined(separator: " × ")
      inverse = false
    }
    let dated = legs.filter { !$0.rate.isStanding }
    asOf = dated.map(\.rate.asOf).min().map { $0.formatted(.iso8601) }
    source = legs.map(\.rate.source).joined(separator: "; then ")
    ageDays = dated.compactMap(\.ageDays).max()
    assumed = legs.contains(where: \.isAssumed)
    note = legs.compactMap(\.assumption).first
  }
}

extension Output {
  /// The lines a text report prints under a converted figure: the rate with its date and
  /// source, and a warning when it is assumed.
  static func rateLines(_ legs: [AppliedRate], indent: String = "") -> [String] {
    guard !legs.isEmpty else { return [] }
    var lines = ["\(indent)rate: " + legs.map(\.description).joined(separator: ", then ")]
    for assumption in legs.compactMap(\.assumption) {
      lines.append("\(indent)warning: \(assumption)")
    }
    return lines
  }

  /// The lines a text report prints for provisional calendar years.
  static func provisionalLines(_ years: [ProvisionalYear], indent: String = "") -> [String] {
    years.map { "\(indent)note: \($0.note)" }
  }
}
