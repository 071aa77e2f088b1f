import Foundation
import LLMPricing
import Testing

@Suite("Tiers")
struct TieredSheetTests {
  /// Qwen-Plus-style cliff tiers: (0, 128000] at 0.8/2, (128000, 256000] at 2.4/20,
  /// (256000, 1000000] at 4.8/48, each bound inclusive above, exclusive below.
  func qwenLike() throws -> PriceSchedule {
    let first = TokenRange(upTo: 128_000)
    let second = first.next(to: 256_000)
    let third = second.next(to: 1_000_000)
    return try schedule(
      PriceSheet(
        currency: .cny,
        tiers: [
          PriceTier(input: first, prices: ComponentPrices(input: dec("0.8"), output: dec("2"))),
          PriceTier(input: second, prices: ComponentPrices(input: dec("2.4"), output: dec("20"))),
          PriceTier(input: third, prices: ComponentPrices(input: dec("4.8"), output: dec("48"))),
        ]
      )
    )
  }

  @Test(
    "The tier is chosen by total input, at and around every bound",
    arguments: [
      (0, "2"), (1, "2"), (127_999, "2"), (128_000, "2"), (128_001, "20"),
      (255_999, "20"), (256_000, "20"), (256_001, "48"), (1_000_000, "48"),
    ]
  )
  func inputTierBounds(input: Int, expectedOutputPrice: String) throws {
    // Half the input is cached: the tier still sees the total.
    let usage = try TokenUsage(uncachedInput: input - input / 2, cacheRead: input / 2, output: 10)
    let cost = try qwenLike().cost(of: usage, at: instant("2025-01-01T00:00:00Z"))
    // Each tier has its own output price, so the output line shows the tier chosen.
    #expect(cost.lines.last?.unitPrice == (try dec(expectedOutputPrice)))
  }

  @Test func cliffPricingBillsTheWholeRequestAtTheTier() throws {
    // 200,000 input × ¥2.4 + 1,000 output × ¥20 = ¥0.48 + ¥0.02 = ¥0.5.
    let usage = try TokenUsage(uncachedInput: 200_000, output: 1_000)
    let cost = try qwenLike().cost(of: usage, at: instant("2025-01-01T00:00:00Z"))
    #expect(cost.total == Money(try dec("0.5"), .cny))
  }

  @Test func aRequestBeyondTheLastTierIsAnError() throws {
    let usage = try TokenUsage(uncachedInput: 1_000_001, output: 1)
    let error = #expect(throws: PricingError.self) {
      try qwenLike().cost(of: usage, at: instant("2025-01-01T00:00:00Z"))
    }
    #expect(error?.code == .noMatchingTier)
    #expect(error?.message.contains("1000001") == true)
  }

  /// Doubao Seed 1.6 shape: input [0, 32000] splits on output [0, 200] vs (200, ∞).
  func outputKeyed() throws -> PriceSchedule {
    let small = TokenRange(upTo: 32_000)
    let short = TokenRange(upTo: 200)
    return try schedule(
      PriceSheet(
        currency: .cny,
        tiers: [
          PriceTier(
            input: small,
            output: short,
            prices: ComponentPrices(input: dec("0.8"), output: dec("2"))
          ),
          PriceTier(
            input: small,
            output: short.next(to: nil),
            prices: ComponentPrices(input: dec("0.8"), output: dec("8"))
          ),
          PriceTier(
            input: small.next(to: 128_000),
            prices: ComponentPrices(input: dec("1.2"), output: dec("16"))
          ),
        ]
      )
    )
  }

  @Test(
    "A second key on output length",
    arguments: [(199, "2"), (200, "2"), (201, "8"), (5_000, "8")]
  )
  func outputTierBounds(output: Int, expectedPrice: String) throws {
    let usage = try TokenUsage(uncachedInput: 1_000, output: output)
    let cost = try outputKeyed().cost(of: usage, at: instant("2025-01-01T00:00:00Z"))
    #expect(cost.lines.last?.unitPrice == (try dec(expectedPrice)))
  }

  @Test func reasoningCountsTowardTheOutputKey() throws {
    let usage = try TokenUsage(uncachedInput: 1_000, output: 100, reasoning: 150)
    let cost = try outputKeyed().cost(of: usage, at: instant("2025-01-01T00:00:00Z"))
    #expect(cost.lines.last?.unitPrice == (try dec("8")))
  }

  @Test(
    "Broken tier layouts are rejected with the reason",
    arguments: [
      // Not from 0:
      [TokenRange(from: 1, to: 10), TokenRange(from: 10, lowerIsInclusive: false, to: nil)],
      [TokenRange(upTo: 10), TokenRange(from: 11, to: nil)],  // gap
      [TokenRange(upTo: 10), TokenRange(from: 10, to: nil)],  // overlap
      [TokenRange(upTo: 10), TokenRange(from: 5, lowerIsInclusive: false, to: nil)],
    ]
  )
  func invalidTiers(ranges: [TokenRange]) throws {
    let prices = ComponentPrices(input: 1, output: 1)
    let error = #expect(throws: PricingError.self) {
      try PriceSheet(currency: .cny, tiers: ranges.map { PriceTier(input: $0, prices: prices) })
    }
    #expect(error?.code == .invalidPriceSheet)
  }

  @Test func negativeAndImplausiblePricesAreRejected() throws {
    #expect(throws: PricingError.self) { try flatSheet(input: "-1", output: "2") }
    let error = #expect(throws: PricingError.self) { try flatSheet(input: "2000000", output: "2") }
    #expect(error?.message.contains("per-token or per-thousand") == true)
  }

  @Test func batchMultiplierAppliesToCachePricesToo() throws {
    let sheet = try flatSheet(input: "2", cacheRead: "0.5", output: "8", batch: "0.5")
    // Batch: 1M input × ¥1 + 1M cache reads × ¥0.25 + 1M output × ¥4 = ¥5.25.
    let usage = try TokenUsage(uncachedInput: 1_000_000, cacheRead: 1_000_000, output: 1_000_000)
    let cost = try schedule(sheet).cost(of: usage, at: instant("2025-01-01T00:00:00Z"), batch: true)
    #expect(cost.total == Money(try dec("5.25"), .cny))
    #expect(cost.isBatch && cost.adjustments == ["batch ×0.5"])
    let noBatch = try schedule(try flatSheet(input: "2", output: "8"))
    let error = #expect(throws: PricingError.self) {
      try noBatch.cost(of: usage, at: instant("2025-01-01T00:00:00Z"), batch: true)
    }
    #expect(error?.code == .batchNotOffered)
  }

  @Test func fallbacksAndPerRequestFees() throws {
    let sheet = try PriceSheet(
      currency: .usd,
      tiers: [
        PriceTier(
          prices: ComponentPrices(
            input: dec("3"),
            cacheRead: dec("0.3"),
            cacheWrite: dec("3.75"),
            cacheWrite1h: dec("6"),
            output: dec("15"),
            perRequest: dec("0.01")
          )
        )
      ]
    )
    // 1M each: 3 + 0.3 + 3.75 + 6 + 15 + 15 (reasoning falls back to output) + 2 × 0.01.
    let usage = try TokenUsage(
      uncachedInput: 1_000_000,
      cacheRead: 1_000_000,
      cacheWrite: 1_000_000,
      cacheWrite1h: 1_000_000,
      output: 1_000_000,
      reasoning: 1_000_000,
      requests: 2
    )
    let cost = try schedule(sheet).cost(of: usage, at: instant("2025-01-01T00:00:00Z"))
    #expect(cost.total == Money(try dec("43.07"), .usd))
    // Every token component this sheet sells and the request fee; twelve-hour writes have
    // no price here, and tool calls and cache storage come from request options.
    let absent: Set<CostComponent> = [.cacheWrite12h, .toolCalls, .cacheStorage]
    #expect(cost.lines.map(\.component) == CostComponent.allCases.filter { !absent.contains($0) })
  }
}
