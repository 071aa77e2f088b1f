import Foundation
import LLMPricing
import Testing

@Suite("Catalog freshness and export")
struct CatalogFreshnessTests {
  func offering(_ id: String, observed: String, retiredAt: String? = nil) throws -> Offering {
    Offering(
      model: Model(id: id, vendor: "test", family: "Test"),
      provider: .testCNY,
      region: "test",
      schedule: try PriceSchedule(
        entries: [
          PriceSchedule.Entry(
            effectiveFrom: instant("2025-01-01T00:00:00Z"),
            sheet: flatSheet(input: "1", output: "2"),
            provenance: Provenance(
              source: "https://example.com/\(id)",
              observed: CalendarDay(observed),
              confidence: .official
            )
          )
        ],
        retiredAt: try retiredAt.map { try instant($0) },
        successor: retiredAt == nil ? nil : "next-model"
      )
    )
  }

  @Test func oldVerificationsAndNearRetirementsAreReported() throws {
    let catalog = Catalog(offerings: [
      // 2026-08-25 is 100 days before 2026-12-03; 2026-09-04 is 90.
      try offering("old", observed: "2026-08-25"),
      try offering("edge", observed: "2026-09-04"),
      try offering("retiring", observed: "2026-11-01", retiredAt: "2027-01-14T00:00:00Z"),
      try offering("later", observed: "2026-11-01", retiredAt: "2027-03-01T00:00:00Z"),
      try offering("gone", observed: "2026-01-01", retiredAt: "2026-11-01T00:00:00Z"),
    ])
    let report = catalog.freshness(at: try instant("2026-12-03T00:00:00Z"), maximumAgeInDays: 90)
    #expect(report.offeringsInForce == 4)
    #expect(report.unverified.map(\.offering) == ["test/old@CNY"])
    #expect(report.unverified.first?.ageDays == 100)
    // 2027-01-14 is 42 days ahead; 2027-03-01 is 88, outside the 60-day window.
    #expect(report.upcomingRetirements.map(\.offering) == ["test/retiring@CNY"])
    #expect(report.upcomingRetirements.first?.successor == "next-model")
  }

  @Test func theBuiltInCatalogListsDecembersRetirements() throws {
    let report = Catalog.builtIn.freshness(
      at: try instant("2026-12-03T00:00:00Z"),
      maximumAgeInDays: 90
    )
    let retiring = Set(report.upcomingRetirements.map(\.offering))
    #expect(retiring.isSuperset(of: ["openai/gpt-5@USD", "openai/o3@USD"]))
    #expect(!retiring.contains("anthropic/claude-sonnet-4-5@USD"))  // already retired
  }

  @Test func exportReadsBackAsTheSameCatalog() throws {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("llm-cost-export-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try LLMCostBinary.run(["catalog", "export", "--output", file.path])
    #expect(result.status == 0, "\(result.error)")
    let data = try Data(contentsOf: file)
    let exported = try Catalog.decode(from: data)
    #expect(exported.offerings == Catalog.builtIn.offerings)
    // The check, through the command line.
    let check = try LLMCostBinary.run([
      "catalog", "check", "--at", "2026-12-03T00:00:00Z", "--json",
    ])
    #expect(check.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(check.output.utf8)) as? [String: Any]
    )
    let retirements = try #require(object["upcomingRetirements"] as? [[String: Any]])
    #expect(
      retirements.contains {
        $0["offering"] as? String == "openai/gpt-5@USD"
          && $0["successor"] as? String == "gpt-6.1-sol"
      }
    )
  }
}
