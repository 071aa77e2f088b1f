import Foundation
import LLMPricing

/// The charts `compare --svg` and `monthly --svg` write, drawn by the library's
/// ``SVGBarChart``.
enum Charts {
  /// A comparison as horizontal bars in the reporting currency, one per offering, coloured
  /// by the currency the offering publishes its prices in; each bar is labelled in both
  /// currencies.
  static func comparison(
    _ ranked: [MonthlyCost],
    workload: String,
    month: YearMonth,
    currency: Currency,
    rates: ExchangeRates
  ) -> SVGBarChart {
    let other: Currency = currency == .cny ? .usd : .cny
    let published = Set(ranked.map(\.total.currency)).sorted { $0.code < $1.code }
    let series = published.map { list in
      SVGBarChart.Series(
        name: "published in \(list.code)",
        values: ranked.map { $0.total.currency == list ? $0.reportingTotal.amount : nil }
      )
    }
    let labels: [String?] = ranked.map { cost in
      // The second currency: the offering's own list when it is that one, otherwise the
      // reporting figure converted at mid-month, as the ranking converts.
      let second =
        cost.total.currency == other
        ? cost.total
        : try? rates.convert(cost.reportingTotal, to: other, at: month.middle.startInUTC)
          .converted
      return second.map { "\(cost.reportingTotal.formatted()) · \($0.formatted())" }
        ?? cost.reportingTotal.formatted()
    }
    return SVGBarChart(
      title: "\(workload), \(month): monthly cost in \(currency.code) (and \(other.code))",
      categories: ranked.map(\.offering),
      valueLabel: "\(currency.code) per month",
      series: series,
      orientation: .horizontal,
      arrangement: .stacked,
      totalLabels: labels
    )
  }

  /// A horizon as vertical bars, one per month, stacked by billed component, in the
  /// reporting currency; a month that could not be priced is an empty slot labelled so.
  static func monthly(
    _ horizon: MonthlyHorizon,
    workload: String,
    offering: String,
    rates: ExchangeRates
  ) throws -> SVGBarChart {
    let months = (horizon.costs.map(\.month) + horizon.unpriced.map(\.month)).sorted()
    let byMonth = Dictionary(horizon.costs.map { ($0.month, $0) }, uniquingKeysWith: { a, _ in a })
    let currency = horizon.costs.first?.reportingTotal.currency ?? .cny
    // Each component in the reporting currency, converted as the month's total is.
    var values: [String: [YearMonth: FixedDecimal]] = [:]
    for cost in horizon.costs {
      for (component, amount) in cost.costByComponent {
        let money = Money(amount, cost.total.currency)
        let shown =
          cost.converted == nil
          ? money
          : try rates.convert(money, to: currency, at: cost.month.middle.startInUTC).converted
        values[component, default: [:]][cost.month] = shown.amount
      }
    }
    let order = CostComponent.allCases.map(\.rawValue)
    let components = values.keys.sorted {
      (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1)
    }
    return SVGBarChart(
      title: "\(workload) on \(offering): monthly bill by component",
      categories: months.map(\.description),
      valueLabel: "\(currency.code) per month",
      series: components.map { component in
        SVGBarChart.Series(
          name: displayNames[component] ?? component,
          values: months.map { values[component]?[$0] }
        )
      },
      orientation: .vertical,
      arrangement: .stacked,
      totalLabels: months.map { byMonth[$0]?.reportingTotal.formatted() ?? "not priced" }
    )
  }

  /// The legend's names of the billed components.
  static let displayNames = [
    "cacheRead": "cache reads", "cacheWrite": "cache writes", "cacheWrite1h": "1-hour cache writes",
    "cacheWrite12h": "12-hour cache writes", "requests": "request fees", "toolCalls": "tool calls",
    "cacheStorage": "cache storage", MonthlyCost.freeQuotaComponent: "free quota (deducted)",
  ]

  /// Writes a chart, naming the file in the error when it cannot.
  static func write(_ chart: SVGBarChart, to path: String) throws {
    do {
      try Data(chart.render().utf8).write(to: URL(fileURLWithPath: path))
    } catch {
      throw PricingError(.invalidData, "cannot write the chart to '\(path)': \(error)")
    }
  }
}
