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

  @Test(
    "Built-in models retired by December 2026 name their successor",
    arguments: [
      ("claude-sonnet-4-5", "2026-11-30T00:00:00Z", "claude-sonnet-5-5"),
      ("gemini-2.5-pro", "2026-12-01T00:00:00Z", "gemini-3.8-flash"),
      ("gemini-2.5-flash", "2026-12-01T00:00:00Z", "gemini-3.5-flash-lite"),
      ("gpt-5", "2026-12-11T00:00:00Z", "gpt-6.1-sol"),
      ("gpt-5-mini", "2026-12-11T00:00:00Z", "gpt-6.1-terra"),
      ("gpt-5-nano", "2026-12-11T00:00:00Z", "gpt-6-luna"),
      ("o3", "2026-12-11T00:00:00Z", "gpt-6.1-sol"),
      ("gpt-4o-2024-08-06", "2027-01-14T00:00:00Z", "gpt-6-luna"),
      ("gpt-4o-2024-11-20", "2027-01-14T00:00:00Z", "gpt-6-luna"),
    ]
  )
  func builtInRetirements(model: String, retiredAt: String, successor: String) throws {
    let offering = try Catalog.builtIn.preferredOffering(model: model, currency: .usd)
    #expect(offering.schedule.retiredAt == (try instant(retiredAt)))
    #expect(offering.schedule.successor == successor)
    #expect(offering.schedule.retirementSource?.contains("https://") == true)
    let usage = try TokenUsage(uncachedInput: 1_000, output: 10)
    let after = try instant(retiredAt).addingTimeInterval(86_400)
    let error = #expect(throws: PricingError.self) {
      try offering.schedule.cost(of: usage, at: after)
    }
    #expect(error?.message.contains("retired") == true)
    #expect(error?.message.contains(successor) == true)
    // A second before, it is still priced.
    #expect(throws: Never.self) {
      try offering.schedule.cost(of: usage, at: instant(retiredAt).addingTimeInterval(-1))
    }
  }

  @Test func quoteOfARetiredModelFailsAndNamesItsSuccessor() throws {
    let result = try LLMCostBinary.run([
      "quote", "--model", "claude-sonnet-4-5", "--input", "1000", "--output", "10", "--at",
      "2026-12-02T00:00:00Z",
    ])
    #expect(result.status == 1)
    #expect(result.error.contains("retired"))
    #expect(result.error.contains("claude-sonnet-5-5"))
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
