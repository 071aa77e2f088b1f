// The shortest program that embeds LLMPricing: price one usage on one model and print
// the breakdown in CNY and in USD. The README shows this same code.
import Foundation
import LLMPricing

let at = try Date("2026-12-01T02:00:00Z", strategy: .iso8601)  // 10:00 Beijing: peak
let usage = try TokenUsage.inclusive(
  promptTokens: 100_000,
  cachedTokens: 80_000,
  completionTokens: 2_000
)
for currency in [Currency.cny, .usd] {
  let flash = try Catalog.builtIn.offering(model: "deepseek-flash", currency: currency)
  let cost = try flash.schedule.cost(of: usage, at: at)
  let lines = cost.lines.map { "\($0.component) \($0.tokens) × \($0.unitPrice)/M = \($0.amount)" }
  print("\(flash.id) [\(cost.window ?? "standard")]: \(lines.joined(separator: "; "))")
  print("  total \(cost.total) ≈ \(cost.total.formatted())  (source: \(cost.provenance.source))")
}
