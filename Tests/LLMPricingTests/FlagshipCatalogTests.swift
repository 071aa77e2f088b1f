import Foundation
import LLMPricing
import Testing

/// The flagships added in December 2026, priced to hand-computed amounts.
@Suite("Flagships of late 2026: Claude 5.x and Gemini 3.x")
struct FlagshipCatalogTests {
  func cost(
    _ model: String,
    _ usage: TokenUsage,
    at: String,
    batch: Bool = false
  ) throws -> FixedDecimal {
    let offering = try Catalog.builtIn.preferredOffering(model: model, currency: .usd)
    return try offering.schedule.cost(of: usage, at: instant(at), batch: batch).total.amount
  }

  @Test(
    "Claude 5.x: input, 5-minute and 1-hour writes, reads, output",
    arguments: [
      // 1M each of fresh input, 5-minute write, 1-hour write, read, output:
      // Opus 5.5: 4 + 5 + 8 + 0.20 + 20 = 37.20.
      ("claude-opus-5-5", "2026-12-01T00:00:00Z", "37.2"),
      // Sonnet 5.5 before the read cut: 2 + 2.50 + 4 + 0.20 + 10 = 18.70; after: 18.60.
      ("claude-sonnet-5-5", "2026-10-06T23:59:59Z", "18.7"),
      ("claude-sonnet-5-5", "2026-10-07T00:00:00Z", "18.6"),
      // Opus 5: 5 + 6.25 + 10 + 0.50 + 25 = 46.75. Sonnet 5: 2 + 2.5 + 4 + 0.2 + 10 = 18.7.
      ("claude-opus-5", "2026-12-01T00:00:00Z", "46.75"),
      ("claude-sonnet-5", "2026-12-01T00:00:00Z", "18.7"),
    ]
  )
  func claude(model: String, at: String, expected: String) throws {
    let usage = try TokenUsage(
      uncachedInput: 1_000_000,
      cacheRead: 1_000_000,
      cacheWrite: 1_000_000,
      cacheWrite1h: 1_000_000,
      output: 1_000_000
    )
    #expect(try cost(model, usage, at: at) == (try dec(expected)))
  }

  @Test func haikuFiveFiveSwitchesTierAbove100000PromptTokens() throws {
    // 100,000 prompt tokens (90,000 fresh + 10,000 read) + 1,000 output, at the lower tier:
    // 90,000 × 0.10 + 10,000 × 0.01 + 1,000 × 0.50, per million = 0.009 + 0.0001 + 0.0005.
    let at = "2026-12-01T00:00:00Z"
    let low = try TokenUsage(uncachedInput: 90_000, cacheRead: 10_000, output: 1_000)
    #expect(try cost("claude-haiku-5-5", low, at: at) == (try dec("0.0096")))
    // One token more and the whole request bills at the upper tier:
    // 90,001 × 0.50 + 10,000 × 0.05 + 1,000 × 2.50, per million = 0.0480005.
    let high = try TokenUsage(uncachedInput: 90_001, cacheRead: 10_000, output: 1_000)
    #expect(try cost("claude-haiku-5-5", high, at: at) == (try dec("0.0480005")))
    // The Batch API halves everything: 0.0048.
    #expect(try cost("claude-haiku-5-5", low, at: at, batch: true) == (try dec("0.0048")))
  }

  @Test func geminiThreeEightFlashDoublesOnNewYearsDay2027() throws {
    // 1M input, 1M cached, 1M output: 0.75 + 0.075 + 3.75 = 4.575 through 2026; from
    // 2027-01-01 1.50 + 0.15 + 7.50 = 9.15.
    let usage = try TokenUsage(uncachedInput: 1_000_000, cacheRead: 1_000_000, output: 1_000_000)
    #expect(try cost("gemini-3.8-flash", usage, at: "2026-12-31T23:59:59Z") == (try dec("4.575")))
    #expect(try cost("gemini-3.8-flash", usage, at: "2027-01-01T00:00:00Z") == (try dec("9.15")))
    // The retired gemini-2.5-pro names it as its successor.
    let pro25 = try Catalog.builtIn.preferredOffering(model: "gemini-2.5-pro", currency: .usd)
    #expect(pro25.schedule.successor == "gemini-3.8-flash")
    #expect(try Catalog.builtIn.offerings(model: "gemini-3.8-flash").count == 1)
  }

  @Test(
    "Gemini 3.x flat lists and 3.1 Pro's 200,000-token tier",
    arguments: [
      // 1M input + 1M output.
      ("gemini-3.5-flash", 1_000_000, "10.5"),  // 1.50 + 9
      ("gemini-3.5-flash-lite", 1_000_000, "2.8"),  // 0.30 + 2.50
      ("gemini-3.1-flash-lite", 1_000_000, "1.75"),  // 0.25 + 1.50
      // 3.1 Pro: a 200,000-token prompt is the lower tier: 0.2 × 2 + 1 × 12 = 12.4 for
      // 200,000 input and 1M output; 200,001 input bills the whole request at 4 / 18:
      // 200,001 × 4 / 1M + 18 = 18.800004.
      ("gemini-3.1-pro-preview", 200_000, "12.4"),
      ("gemini-3.1-pro-preview", 200_001, "18.800004"),
    ]
  )
  func gemini(model: String, input: Int, expected: String) throws {
    let usage = try TokenUsage(uncachedInput: input, output: 1_000_000)
    #expect(try cost(model, usage, at: "2026-12-01T00:00:00Z") == (try dec(expected)))
  }

  @Test(
    "Chinese flagships of late 2026 in CNY",
    arguments: [
      // 500,000 fresh input, 500,000 cache hits, 1,000,000 output, per million prices:
      // GLM-5.3: 0.5 × 8 + 0.5 × 2 + 28 = 33.
      ("glm-5.3", "33"),
      // GLM-5.3-Flash (list price from 2026-09-10): 0.5 × 0.8 + 0.5 × 0.23 + 2.8 = 3.315.
      ("glm-5.3-flash", "3.315"),
      // Kimi K3 (CNY): 0.5 × 20 + 0.5 × 2 + 100 = 111; K2.6: 0.5 × 6.5 + 0.5 × 1.1 + 27 = 30.8;
      // K2.7 Code: 0.5 × 6.5 + 0.5 × 1.3 + 27 = 30.9.
      ("kimi-k3", "111"),
      ("kimi-k2.6", "30.8"),
      ("kimi-k2.7-code", "30.9"),
      // StepFun: step-5-preview 0.5 × 7 + 0.5 × 0.35 + 20 = 23.675; step-3.7-flash
      // 0.5 × 1.35 + 0.5 × 0.27 + 8.1 = 8.91; step-3.5-flash 0.5 × 0.7 + 0.5 × 0.14 + 2.1 = 2.52.
      ("step-5-preview", "23.675"),
      ("step-3.7-flash", "8.91"),
      ("step-3.5-flash", "2.52"),
    ]
  )
  func chinese(model: String, expected: String) throws {
    let offering = try Catalog.builtIn.offering(model: model, currency: .cny)
    let usage = try TokenUsage(uncachedInput: 500_000, cacheRead: 500_000, output: 1_000_000)
    let cost = try offering.schedule.cost(of: usage, at: instant("2026-12-01T00:00:00Z"))
    #expect(cost.total == Money(try dec(expected), .cny))
  }

  @Test func miniMaxM27AndM25RetiredOnNovember18() throws {
    // 0.5 × 2.1 + 0.5 × 0.42 + 8.4 = 9.66 for M2.7; M2.5 reads at 0.21: 9.555.
    let usage = try TokenUsage(uncachedInput: 500_000, cacheRead: 500_000, output: 1_000_000)
    for (model, expected) in [("MiniMax-M2.7", "9.66"), ("MiniMax-M2.5", "9.555")] {
      let offering = try Catalog.builtIn.offering(model: model, currency: .cny)
      let cost = try offering.schedule.cost(of: usage, at: instant("2026-11-17T15:59:59Z"))
      #expect(cost.total == Money(try dec(expected), .cny))
      let error = #expect(throws: PricingError.self) {
        try offering.schedule.cost(of: usage, at: instant("2026-11-17T16:00:00Z"))
      }
      #expect(error?.message.contains("MiniMax-M3.1-Flash") == true)
    }
  }

  @Test func glmFiveThreeFlashHasNoPriceBeforeItsListPriceReturned() throws {
    // The 50% promotion before 2026-09-10 is not recorded (its start is not sourced), so
    // nothing is priced before then rather than the list price over the promotion.
    let flash = try Catalog.builtIn.offering(model: "glm-5.3-flash", currency: .cny)
    let usage = try TokenUsage(uncachedInput: 1, output: 1)
    #expect(throws: PricingError.self) {
      try flash.schedule.cost(of: usage, at: instant("2026-09-09T15:59:59Z"))
    }
  }

  @Test(
    "OpenAI GPT-6.x and 5.x: cache writes, and the whole request above 272,000 input tokens",
    arguments: [
      // 200,000 fresh + 50,000 read + 50,000 written (300,000 input, so the long tier),
      // 100,000 output. gpt-6.1-sol long tier 4 / 0.20 / 5 / 15:
      // 0.8 + 0.01 + 0.25 + 1.5 = 2.56.
      ("gpt-6.1-sol", 200_000, "2.56"),
      // The same with 100,000 fresh (200,000 input, the short tier 2 / 0.10 / 2.50 / 10):
      // 0.2 + 0.005 + 0.125 + 1 = 1.33.
      ("gpt-6.1-sol", 100_000, "1.33"),
      // gpt-6-luna short tier 0.10 / 0.01 / 0.125 / 0.50: 0.01 + 0.0005 + 0.00625 + 0.05.
      ("gpt-6-luna", 100_000, "0.06675"),
      // gpt-6.1-terra long tier 2 / 0.10 / 2.50 / 7.50: 0.4 + 0.005 + 0.125 + 0.75 = 1.28.
      ("gpt-6.1-terra", 200_000, "1.28"),
    ]
  )
  func openAI(model: String, fresh: Int, expected: String) throws {
    let usage = try TokenUsage(
      uncachedInput: fresh,
      cacheRead: 50_000,
      cacheWrite: 50_000,
      output: 100_000
    )
    #expect(try cost(model, usage, at: "2026-12-12T00:00:00Z") == (try dec(expected)))
    // Each is the successor a retiring model names, and is sold after it retires.
    #expect(try Catalog.builtIn.offerings(model: model).count == 1)
  }

  @Test func grokSwitchesTierWhenThePromptReaches200000Tokens() throws {
    let at = "2026-12-01T00:00:00Z"
    // 199,999 input + 10,000 output at 2 / 6: 0.399998 + 0.06 = 0.459998.
    let below = try TokenUsage(uncachedInput: 199_999, output: 10_000)
    #expect(try cost("grok-4.7", below, at: at) == (try dec("0.459998")))
    // 200,000 input reaches the long tier, 4 / 12: 0.8 + 0.12 = 0.92.
    let reaching = try TokenUsage(uncachedInput: 200_000, output: 10_000)
    #expect(try cost("grok-4.7", reaching, at: at) == (try dec("0.92")))
    // grok-4.5's cache price is first seen on 2026-07-30; before it hits bill as input.
    let cached = try TokenUsage(uncachedInput: 0, cacheRead: 1_000_000, output: 0)
    #expect(try cost("grok-4.5", cached, at: "2026-07-20T00:00:00Z") == (try dec("4")))
    #expect(try cost("grok-4.5", cached, at: "2026-08-01T00:00:00Z") == (try dec("0.6")))
  }

  @Test func kimiAndMiniMaxInternationalLists() throws {
    let at = "2026-12-01T00:00:00Z"
    // kimi-k3.1-pro: 400,000 fresh × 2 + 500,000 read × 0.2 + 100,000 written × 2
    // + 1,000,000 output × 10, per million = 0.8 + 0.1 + 0.2 + 10 = 11.1.
    let kimi = try TokenUsage(
      uncachedInput: 400_000,
      cacheRead: 500_000,
      cacheWrite: 100_000,
      output: 1_000_000
    )
    #expect(try cost("kimi-k3.1-pro", kimi, at: at) == (try dec("11.1")))
    // MiniMax-M3: 524,288 input tokens is the lower tier (0.30): 0.1572864; one more and
    // the whole request bills at 0.60: 524,289 × 0.6 / 1M = 0.3145734.
    let edge = try TokenUsage(uncachedInput: 524_288, output: 0)
    #expect(try cost("MiniMax-M3", edge, at: at) == (try dec("0.1572864")))
    let over = try TokenUsage(uncachedInput: 524_289, output: 0)
    #expect(try cost("MiniMax-M3", over, at: at) == (try dec("0.3145734")))
  }

  @Test(
    "Qwen 3.7 and 3.8 on Bailian's two lists",
    arguments: [
      // 500,000 fresh, 500,000 implicit cache hits, 1,000,000 output, per million:
      // qwen3.8-max CNY 0.5 × 12 + 0.5 × 1.5 + 36 = 42.75; USD 0.5 × 2 + 0.5 × 0.25 + 6.
      ("qwen3.8-max", "CNY", "42.75"),
      ("qwen3.8-max", "USD", "7.125"),
      // qwen3.7-max USD 0.5 × 2.5 + 0.5 × 0.5 + 7.5 = 9; qwen3.8-flash USD
      // 0.5 × 0.15 + 0.5 × 0.016 + 0.47 = 0.553.
      ("qwen3.7-max", "USD", "9"),
      ("qwen3.8-flash", "USD", "0.553"),
    ]
  )
  func qwen(model: String, currency: String, expected: String) throws {
    let code = try Currency(code: currency)
    let offering = try Catalog.builtIn.offering(model: model, currency: code)
    let usage = try TokenUsage(uncachedInput: 500_000, cacheRead: 500_000, output: 1_000_000)
    let cost = try offering.schedule.cost(of: usage, at: instant("2026-12-01T00:00:00Z"))
    #expect(cost.total == Money(try dec(expected), code))
  }
}
