import Foundation
import LLMPricing
import Testing

@Suite("Retirements name their successor")
struct RetirementTests {
  func schedule(successor: String?, source: String?) throws -> PriceSchedule {
    try PriceSchedule(
      entries: [
        PriceSchedule.Entry(
          effectiveFrom: instant("2025-01-01T00:00:00Z"),
          sheet: flatSheet(input: "2", output: "8"),
          provenance: Provenance(
            source: "https://example.com/pricing",
            observed: CalendarDay("2025-01-01"),
            confidence: .official
          )
        )
      ],
      retiredAt: instant("2026-12-01T00:00:00Z"),
      successor: successor,
      retirementSource: source
    )
  }

  @Test func aPriceAfterRetirementNamesTheSuccessorAndTheSource() throws {
    let retiring = try schedule(successor: "model-2", source: "https://example.com/deprecations")
    let usage = try TokenUsage(uncachedInput: 1_000_000, output: 0)
    // Before: ¥2 per million input tokens.
    let before = try retiring.cost(of: usage, at: instant("2026-11-30T23:59:59Z"))
    #expect(before.total == Money(2, .cny))
    let error = #expect(throws: PricingError.self) {
      try retiring.cost(of: usage, at: instant("2026-12-02T00:00:00Z"))
    }
    #expect(error?.code == .noPriceInEffect)
    let message = error?.message ?? ""
    #expect(message.contains("retired at 2026-12-01T00:00:00Z"))
    #expect(message.contains("https://example.com/deprecations"))
    #expect(message.contains("names model-2 as its successor"))
  }

  @Test func retirementDetailsSurviveJSONOverridesAndCalendarChanges() throws {
    let retiring = try schedule(successor: "model-2", source: "notice")
    let data = try JSONEncoder().encode(retiring)
    let decoded = try JSONDecoder().decode(PriceSchedule.self, from: data)
    #expect(decoded == retiring)
    #expect(decoded.successor == "model-2" && decoded.retirementSource == "notice")
    let moved = try retiring.replacingEntries(retiring.entries)
    #expect(moved.successor == "model-2")
    // Without a retirement, a successor is refused.
    let error = #expect(throws: PricingError.self) {
      try PriceSchedule(entries: retiring.entries, successor: "model-2")
    }
    #expect(error?.message.contains("retiredAt") == true)
  }
}
