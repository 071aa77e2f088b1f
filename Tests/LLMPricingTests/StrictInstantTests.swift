import Foundation
import LLMPricing
import Testing

/// Instants that do not exist are refused everywhere a user or a file can give one (#16).
@Suite("Strict instants")
struct StrictInstantTests {
  @Test func quoteRefusesAnImpossibleDay() throws {
    let result = try LLMCostBinary.run([
      "quote", "--model", "deepseek-flash", "--input", "1", "--output", "1", "--at",
      "2025-02-29T12:00:00Z",
    ])
    #expect(result.status == 2)
    #expect(result.error.contains("2025-02-29T12:00:00Z"))
  }

  @Test func aLogLineWithAnImpossibleTimeIsRejectedOnBothPaths() throws {
    var ingestor = try UsageIngestor()
    let lines = [
      // The scanner's form, and an offset form that takes the general path.
      #"{"timestamp": "2026-11-01T25:00:00Z", "model": "deepseek-flash", "usage": {"prompt_tokens": 1, "completion_tokens": 1}}"#,
      #"{"timestamp": "2026-02-29T12:00:00+08:00", "model": "deepseek-flash", "usage": {"prompt_tokens": 1, "completion_tokens": 1}}"#,
      #"{"timestamp": "2026-11-01T09:00:00+08:00", "model": "deepseek-flash", "usage": {"prompt_tokens": 1, "completion_tokens": 1}}"#,
    ]
    for (number, line) in lines.enumerated() {
      ingestor.ingest(line: Data(line.utf8), number: number + 1)
    }
    let report = ingestor.currentReport()
    #expect(report.priced == 1)
    #expect(report.rejected == 2)
    #expect(report.rejections.allSatisfy { $0.reason.contains("timestamp") })
  }

  @Test func aCatalogWithAnImpossibleEffectiveDayIsRefused() throws {
    let exported = String(decoding: try Catalog.builtIn.encodedJSON(), as: UTF8.self)
    // Move one real instant to 30 February.
    let broken = exported.replacingOccurrences(
      of: "\"2024-05-20T16:00:00Z\"",
      with: "\"2024-02-30T16:00:00Z\""
    )
    #expect(broken != exported)
    let error = #expect(throws: PricingError.self) { try Catalog.decode(from: Data(broken.utf8)) }
    #expect(error?.message.contains("2024-02-30T16:00:00Z") == true)
  }
}
