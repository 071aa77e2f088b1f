import Foundation
import LLMPricing
import Testing

/// Prices a provider publishes that the catalog lacks, and when each price was last checked.
@Suite("Missing prices and last verification")
struct MissingPriceTests {
  /// A CNY offering priced 2 / 8 per million, with no cache price and one tier that ends at
  /// 256,000 input tokens; its provenance records both gaps.
  func gappyOffering() throws -> Offering {
    let sheet = try PriceSheet(
      currency: .cny,
      tiers: [
        PriceTier(
          input: TokenRange(upTo: 256_000),
          prices: ComponentPrices(input: dec("2"), output: dec("8"))
        )
      ]
    )
    return Offering(
      model: Model(id: "gappy", vendor: "test", family: "Test"),
      provider: .testCNY,
      region: "test",
      schedule: try PriceSchedule(entries: [
        PriceSchedule.Entry(
          effectiveFrom: instant("2026-01-01T00:00:00Z"),
          sheet: sheet,
          provenance: Provenance(
            source: "https://example.com/gappy",
            observed: CalendarDay("2026-01-01"),
            confidence: .official,
            lastVerified: CalendarDay("2026-11-30"),
            missing: [
              MissingPrice(
                component: .cacheRead,
                note: "hits cost 20% of input from an undated page"
              ),
              MissingPrice(component: nil, note: "above 256K only a reseller quotes a price"),
            ]
          )
        )
      ])
    )
  }

  @Test func aMissingCachePriceBillsAtInputAndSaysSo() throws {
    let offering = try gappyOffering()
    let usage = try TokenUsage(uncachedInput: 100_000, cacheRead: 100_000, output: 50_000)
    let cost = try offering.schedule.cost(of: usage, at: instant("2026-12-01T00:00:00Z"))
    // By hand: 0.1M fresh × 2 + 0.1M hits × 2 (the input price) + 0.05M × 8 = 0.2 + 0.2 + 0.4.
    #expect(cost.total == Money(try dec("0.8"), .cny))
    #expect(cost.notes.count == 1)
    #expect(cost.notes.first?.contains("cacheRead billed at the input price") == true)
    #expect(cost.notes.first?.contains("20% of input") == true)
  }

  @Test func noNoteWhenTheMissingComponentIsNotBilled() throws {
    let offering = try gappyOffering()
    let usage = try TokenUsage(uncachedInput: 1_000, output: 1_000)
    let cost = try offering.schedule.cost(of: usage, at: instant("2026-12-01T00:00:00Z"))
    #expect(cost.notes.isEmpty)
  }

  @Test func aRequestInAMissingRangeFailsWithTheReasonNotAsTooLarge() throws {
    let offering = try gappyOffering()
    let usage = try TokenUsage(uncachedInput: 300_000, output: 10)
    let error = #expect(throws: PricingError.self) {
      try offering.schedule.cost(of: usage, at: instant("2026-12-01T00:00:00Z"))
    }
    #expect(error?.code == .noMatchingTier)
    #expect(error?.message.contains("only a reseller quotes a price") == true)
    #expect(error?.message.contains("exceeds what this offering accepts") == false)
  }

  @Test func checkListsGapsAndUsesTheLastVerifiedDay() throws {
    let catalog = Catalog(offerings: [try gappyOffering()])
    // Observed 2026-01-01 (336 days before 2026-12-03) but re-checked 2026-11-30 (3 days).
    let report = catalog.freshness(at: try instant("2026-12-03T00:00:00Z"), maximumAgeInDays: 90)
    #expect(report.unverified.isEmpty)
    #expect(report.missingPrices.map(\.component) == [.cacheRead, nil])
    let later = catalog.freshness(at: try instant("2027-03-31T00:00:00Z"), maximumAgeInDays: 90)
    // 2026-11-30 → 2027-03-31 is 1 + 31 + 28 + 31 = 121 days.
    #expect(later.unverified.map(\.ageDays) == [121])
    #expect(later.unverified.first?.lastVerified == CalendarDay("2026-11-30"))
  }

  @Test func provenanceRoundTripsAndRefusesAVerificationBeforeItsSighting() throws {
    let provenance = try gappyOffering().schedule.entries[0].provenance
    let data = try JSONEncoder().encode(provenance)
    #expect(try JSONDecoder().decode(Provenance.self, from: data) == provenance)
    // An entry never re-checked writes no lastVerified and reads it back as `observed`.
    let plain = #"{"source":"https://x","observed":"2026-01-02","confidence":"official"}"#
    let decoded = try JSONDecoder().decode(Provenance.self, from: Data(plain.utf8))
    #expect(decoded.lastVerified == CalendarDay("2026-01-02"))
    #expect(
      String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self).contains("lastVerified")
        == false
    )
    let backwards =
      #"{"source":"https://x","observed":"2026-01-02","lastVerified":"2026-01-01","confidence":"official"}"#
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(Provenance.self, from: Data(backwards.utf8))
    }
  }

  @Test func ingestionReportsTheMissingPriceOnce() throws {
    var ingestor = try UsageIngestor(catalog: Catalog(offerings: [try gappyOffering()]))
    let line =
      #"{"timestamp": "2026-12-01T00:00:00Z", "model": "gappy", "usage": {"prompt_tokens": 200, "#
      + #""prompt_tokens_details": {"cached_tokens": 100}, "completion_tokens": 10}}"#
    for number in 1...3 { ingestor.ingest(line: Data(line.utf8), number: number) }
    let report = ingestor.currentReport()
    #expect(report.priced == 3)
    #expect(report.missingPrices.count == 1)
    #expect(
      report.notes.contains { $0.hasPrefix("test/gappy@CNY: cacheRead billed at the input price") }
    )
  }
}
