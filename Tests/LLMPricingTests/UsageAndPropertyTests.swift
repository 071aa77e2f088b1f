import Foundation
import LLMPricing
import Testing

@Suite("Token usage and cost properties")
struct UsageAndPropertyTests {
  @Test func inclusiveConventionSubtractsTheParts() throws {
    // OpenAI: prompt_tokens 10,000 of which 8,000 cached; completion 500 of which 200 reasoning.
    let usage = try TokenUsage.inclusive(
      promptTokens: 10_000,
      cachedTokens: 8_000,
      completionTokens: 500,
      reasoningTokens: 200
    )
    #expect(usage.uncachedInput == 2_000 && usage.cacheRead == 8_000)
    #expect(usage.output == 300 && usage.reasoning == 200)
    #expect(usage.totalInput == 10_000 && usage.totalOutput == 500)
  }

  @Test func additiveConventionAddsTheParts() throws {
    // Anthropic: input_tokens excludes cache reads and writes.
    let usage = try TokenUsage.additive(
      inputTokens: 2_000,
      cacheReadTokens: 8_000,
      cacheWriteTokens: 1_000,
      cacheWrite1hTokens: 500,
      outputTokens: 300
    )
    #expect(usage.uncachedInput == 2_000 && usage.totalInput == 11_500)
  }

  @Test(
    "Negative or inconsistent counts throw",
    arguments: [
      (10, 11, 5, 0), (10, 0, 5, 6), (10, -1, 5, 0), (-1, 0, 5, 0), (10, 0, -5, 0),
    ]
  )
  func inconsistentUsage(prompt: Int, cached: Int, completion: Int, reasoning: Int) {
    let error = #expect(throws: PricingError.self) {
      try TokenUsage.inclusive(
        promptTokens: prompt,
        cachedTokens: cached,
        completionTokens: completion,
        reasoningTokens: reasoning
      )
    }
    #expect(error?.code == .invalidUsage)
  }

  @Test func overflowingTotalsThrow() {
    #expect(throws: PricingError.self) {
      try TokenUsage(uncachedInput: Int.max, cacheRead: 1)
    }
    #expect(throws: PricingError.self) { try TokenUsage(requests: 0) }
  }

  /// A deterministic generator, so failures reproduce.
  struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  func randomUsage(_ rng: inout SplitMix64, scale: Int = 100_000) throws -> TokenUsage {
    try TokenUsage(
      uncachedInput: Int.random(in: 0...scale, using: &rng),
      cacheRead: Int.random(in: 0...scale, using: &rng),
      cacheWrite: Int.random(in: 0...scale / 10, using: &rng),
      output: Int.random(in: 0...scale / 10, using: &rng),
      reasoning: Int.random(in: 0...scale / 10, using: &rng)
    )
  }

  static let instants = [
    "2024-09-01T12:00:00Z", "2025-03-01T18:00:00Z", "2025-03-01T06:00:00Z", "2025-10-01T00:00:00Z",
    "2026-05-01T00:00:00Z", "2026-10-09T02:00:00Z", "2026-10-09T12:00:00Z",
  ]

  @Test("Cost never decreases when any token count grows", arguments: instants)
  func monotonic(at: String) throws {
    var rng = SplitMix64(state: 42)
    let offerings =
      try Catalog.builtIn.offerings(model: "deepseek-v4-flash")
      + Catalog.builtIn.offerings(model: "deepseek-chat")
    let when = try instant(at)
    var checked = 0
    for offering in offerings {
      guard (try? offering.schedule.entry(at: when)) != nil,
        offering.schedule.retiredAt.map({ when < $0 }) ?? true
      else { continue }
      checked += 1
      for _ in 0..<50 {
        let usage = try randomUsage(&rng)
        let base = try offering.schedule.totalCost(of: usage, at: when).amount
        for component in [CostComponent.input, .cacheRead, .cacheWrite, .output, .reasoning] {
          let grown = try TokenUsage(
            uncachedInput: usage.uncachedInput + (component == .input ? 1_000 : 0),
            cacheRead: usage.cacheRead + (component == .cacheRead ? 1_000 : 0),
            cacheWrite: usage.cacheWrite + (component == .cacheWrite ? 1_000 : 0),
            output: usage.output + (component == .output ? 1_000 : 0),
            reasoning: usage.reasoning + (component == .reasoning ? 1_000 : 0)
          )
          #expect(try offering.schedule.totalCost(of: grown, at: when).amount >= base)
        }
      }
    }
    #expect(checked > 0, "no offering was priced at \(at)")
  }

  @Test("Cost is additive over splits within one tier and window", arguments: instants)
  func additive(at: String) throws {
    var rng = SplitMix64(state: 7)
    let when = try instant(at)
    let offerings =
      try Catalog.builtIn.offerings(model: "deepseek-v4-pro")
      + Catalog.builtIn.offerings(model: "deepseek-chat")
    var checked = 0
    for offering in offerings {
      guard (try? offering.schedule.entry(at: when)) != nil,
        offering.schedule.retiredAt.map({ when < $0 }) ?? true
      else { continue }
      checked += 1
      for _ in 0..<50 {
        let a = try randomUsage(&rng)
        let b = try randomUsage(&rng)
        let sum = try TokenUsage(
          uncachedInput: a.uncachedInput + b.uncachedInput,
          cacheRead: a.cacheRead + b.cacheRead,
          cacheWrite: a.cacheWrite + b.cacheWrite,
          output: a.output + b.output,
          reasoning: a.reasoning + b.reasoning
        )
        let whole = try offering.schedule.totalCost(of: sum, at: when)
        let parts = try offering.schedule.totalCost(of: a, at: when)
          .adding(offering.schedule.totalCost(of: b, at: when))
        #expect(whole == parts)
      }
    }
    #expect(checked > 0, "no offering was priced at \(at)")
  }

  @Test func theFastTotalEqualsTheBreakdownTotal() throws {
    var rng = SplitMix64(state: 99)
    for offering in Catalog.builtIn.offerings {
      for entry in offering.schedule.entries {
        let when = entry.effectiveFrom.addingTimeInterval(3_600)
        guard offering.schedule.retiredAt.map({ when < $0 }) ?? true else { continue }
        for _ in 0..<20 {
          let usage = try randomUsage(&rng, scale: 10_000_000)
          // Tiers may stop at the context limit: such a request is refused, not priced.
          let breakdown: CostBreakdown
          do {
            breakdown = try offering.schedule.cost(of: usage, at: when)
          } catch let error as PricingError where error.code == .noMatchingTier {
            #expect(throws: PricingError.self) {
              try offering.schedule.totalCost(of: usage, at: when)
            }
            continue
          }
          #expect(try offering.schedule.totalCost(of: usage, at: when) == breakdown.total)
          let sum = try breakdown.lines.reduce(FixedDecimal.zero) { try $0 + $1.amount }
          #expect(sum == breakdown.total.amount)
        }
      }
    }
  }

  @Test func aBillionIdenticalRecordsSumToTheClosedFormExactly() throws {
    let chat = try deepSeek("deepseek-chat", .cny)
    let when = try instant("2025-10-01T00:00:00Z")
    // One record: 1,234 miss × ¥2 + 5,678 hit × ¥0.2 + 910 out × ¥3 per million
    // = 0.002468 + 0.0011356 + 0.00273 = ¥0.0063336.
    let usage = try TokenUsage(uncachedInput: 1_234, cacheRead: 5_678, output: 910)
    let one = try chat.schedule.cost(of: usage, at: when)
    #expect(one.total.amount == (try dec("0.0063336")))
    // Sum 10^9 copies by doubling and adding partial sums (30 merges, each exact).
    var single = CostTotals()
    try single.add(one)
    var total = CostTotals()
    var power = single
    var remaining = 1_000_000_000
    while remaining > 0 {
      if remaining & 1 == 1 { try total.merge(power) }
      try power.merge(power)
      remaining >>= 1
    }
    #expect(total.count == 1_000_000_000)
    #expect(total.total(in: .cny).amount == (try dec("6333600")))
    #expect(total.components["CNY"]?[.cacheRead]?.tokens == 5_678_000_000_000)
    // The same volume priced as one usage gives the same figure.
    let bulk = try TokenUsage(
      uncachedInput: 1_234_000_000_000,
      cacheRead: 5_678_000_000_000,
      output: 910_000_000_000,
      requests: 1_000_000_000
    )
    #expect(try chat.schedule.totalCost(of: bulk, at: when).amount == (try dec("6333600")))
  }

  @Test func tokenCountsUpToTenToTheFifteenArePricedExactly() throws {
    let sheet = try flatSheet(input: "0.000001", output: "999.999999")
    let usage = try TokenUsage(uncachedInput: 1_000_000_000_000_000, output: 1_000_000_000_000_000)
    let cost = try schedule(sheet).totalCost(of: usage, at: instant("2025-01-01T00:00:00Z"))
    // 10^15 × 0.000001 / 10^6 + 10^15 × 999.999999 / 10^6 = 1,000 + 999,999,999,000.
    #expect(cost.amount == (try dec("1000000000000")))
  }

  @Test func breakdownsConvertWithTheRateShown() throws {
    let chat = try deepSeek("deepseek-chat", .cny)
    let when = try instant("2025-10-01T00:00:00Z")
    let usage = try TokenUsage(uncachedInput: 1_000_000, output: 1_000_000)
    let cny = try chat.schedule.cost(of: usage, at: when)
    let usd = try cny.converted(to: .usd, using: .centralParity, at: when)
    #expect(usd.total.currency == .usd)
    #expect(usd.conversion.count == 1 && usd.conversion[0].isInverse)
    // ¥5 at the 2025-09-23 fixing of 7.1057.
    let expected = try FixedDecimal(5).divided(by: dec("7.1057"))
    #expect(usd.total.amount.rounded(toPlaces: 12) == expected.rounded(toPlaces: 12))
  }
}
