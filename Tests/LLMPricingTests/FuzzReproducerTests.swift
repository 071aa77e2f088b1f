import Foundation
import LLMPricing
import Testing

/// The lines on which the log's two readers once disagreed (found by the
/// `log-line-differential` fuzz target, kept in `Tests/Fuzz/Reproducers`): each is bad
/// JSON or has a duplicate key, so each must be rejected, never priced.
@Suite("Fuzz reproducers")
struct FuzzReproducerTests {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fuzz/Reproducers/log-line-differential")

  static var files: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
  }

  @Test func theReproducersAreThere() {
    #expect(Self.files.count >= 13)
  }

  @Test("A line the readers once disagreed on is rejected", arguments: files)
  func reproducerIsRejected(_ name: String) throws {
    var ingestor = try UsageIngestor(groupBy: [.tag("team")])
    try ingestor.ingest(fileAt: Self.directory.appendingPathComponent(name).path)
    let report = ingestor.currentReport()
    #expect(report.priced == 0, "\(name) priced \(report.total)")
    #expect(report.rejected == 1, "\(name)")
    let reason = try #require(report.rejections.first?.reason)
    #expect(reason.contains("not valid JSON") || reason.contains("duplicate key"), "\(reason)")
  }
}
