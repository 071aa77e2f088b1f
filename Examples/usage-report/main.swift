// usage-report: turns a JSON Lines usage log into a CSV of daily costs by model and an SVG
// chart of the same, stacked by model. Every line is priced at its own timestamp with
// LLMPricing's built-in catalog, in one reporting currency.
//
//   swift run usage-report Examples/usage-report/sample.jsonl usage.csv usage.svg [CNY|USD]
import Foundation
import LLMPricing

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 3 || arguments.count == 4 else {
  print("usage: usage-report LOG.jsonl OUTPUT.csv OUTPUT.svg [CURRENCY]")
  exit(2)
}
let currency = try Currency(code: arguments.count == 4 ? arguments[3].uppercased() : "CNY")

// Price the log, grouped by day and model.
var ingestor = try UsageIngestor(groupBy: [.day, .model], currency: currency)
try ingestor.ingest(fileAt: arguments[0])
let report = ingestor.currentReport()

// The CSV: one row per day and model, with the exact total and the same figure for people.
var table = TextTable([
  "day", "model", "requests", "input tokens", "output tokens", "total", "cost",
])
for group in report.groups {
  let total = report.total(of: group) ?? .zero(currency)
  table.append([
    group.key["day"] ?? "", group.key["model"] ?? "", "\(group.requests)",
    "\(group.inputTokens)", "\(group.outputTokens)", total.amount.description, total.formatted(),
  ])
}
try Data(table.csv().utf8).write(to: URL(fileURLWithPath: arguments[1]))

// The chart: one stacked bar per day, one segment per model.
let days = Array(Set(report.groups.compactMap { $0.key["day"] })).sorted()
let models = Array(Set(report.groups.compactMap { $0.key["model"] })).sorted()
var amounts: [String: FixedDecimal] = [:]
for group in report.groups {
  amounts["\(group.key["day"] ?? "")|\(group.key["model"] ?? "")"] = group.total
}
var dailyTotals: [String?] = []
for day in days {
  let total = try models.reduce(FixedDecimal.zero) { try $0 + (amounts["\(day)|\($1)"] ?? .zero) }
  dailyTotals.append(Money(total, currency).formatted())
}
let chart = SVGBarChart(
  title: "LLM spend by day and model (\(report.priced) requests, \(report.rejected) rejected)",
  categories: days,
  valueLabel: "\(currency.code) per day",
  series: models.map { model in
    SVGBarChart.Series(name: model, values: days.map { amounts["\($0)|\(model)"] })
  },
  orientation: .vertical,
  arrangement: .stacked,
  totalLabels: dailyTotals
)
try Data(chart.render().utf8).write(to: URL(fileURLWithPath: arguments[2]))

print(
  "\(report.priced) requests priced, \(report.rejected) rejected; total "
    + (report.grandTotal?.formatted() ?? "nothing priced")
)
for note in report.notes { print("note: \(note)") }
for rejection in report.rejections { print("line \(rejection.line): \(rejection.reason)") }
print("wrote \(arguments[1]) and \(arguments[2])")
