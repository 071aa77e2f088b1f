// The shortest program that embeds LLMPricing: price one usage on one model and print
// the breakdown in CNY and in USD. The README shows this same code.
import Foundation
import LLMPricing

let at = try Date("2025-06-01T17:00:00Z", strategy: .iso8601)  // 01:00 Beijing: off-peak
let usage = try TokenUsage.inclusive(
  promptTokens: 100_000,
  cachedTokens: 80_000,
  completionTokens: 2_000
)
for currency in [Currency.cny, .usd] {
  guard let chat = try Catalog.builtIn.offering(model: "deepseek-chat", currency: currency) else {
    continue
  }
  let cost = try chat.schedule.cost(of: usage, at: at)
  let lines = cost.lines.map { "\($0.component) \($0.tokens) × \($0.unitPrice)/M = \($0.amount)" }
  print("\(chat.id) [\(cost.window ?? "standard")]: \(lines.joined(separator: "; "))")
  print("  total \(cost.total) ≈ \(cost.total.formatted())  (source: \(cost.provenance.source))")
}
