import Foundation
import LLMPricing
import Testing

/// Issue #16 at the ingestion boundary: long lines, odd line endings, directories,
/// `--strict`, inconsistent partial reports and absurd imported prices never turn into a
/// silent wrong number.
@Suite("Ingest hardening")
struct IngestHardeningTests {
  /// A DeepSeek V3.2 request on 2025-10-01: 1,234 miss × ¥2 + 5,678 hit × ¥0.2 + 910 out × ¥3
  /// per million = ¥0.002468 + ¥0.0011356 + ¥0.00273 = ¥0.0063336.
  let line =
    #"{"timestamp": "2025-10-01T04:00:00Z", "model": "deepseek-chat", "provider": "deepseek", "usage": {"prompt_tokens": 6912, "completion_tokens": 910, "prompt_cache_hit_tokens": 5678, "prompt_cache_miss_tokens": 1234}}"#
  var lineBytes: Data { Data(line.utf8) }

  func temporaryPath(_ suffix: String = ".jsonl") -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("ingest-hardening-\(UUID().uuidString)\(suffix)").path
  }

  /// Writes the bytes to a new file and ingests it.
  func ingest(_ bytes: Data, maximumLineBytes: Int? = nil) throws -> UsageReport {
    let path = temporaryPath()
    try bytes.write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    var ingestor =
      try maximumLineBytes.map { try UsageIngestor(maximumLineBytes: $0) } ?? UsageIngestor()
    try ingestor.ingest(fileAt: path)
    return ingestor.currentReport()
  }

  func spaces(_ count: Int) -> Data { Data(repeating: UInt8(ascii: " "), count: count) }

  @Test func aLineOverTheLimitIsRejectedAndTheNextLineIsRead() throws {
    // The middle line is the valid line padded with spaces to 1,024 + 64 = 1,088 bytes.
    let padded = lineBytes + spaces(1_088 - lineBytes.count)
    let file = lineBytes + Data("\n".utf8) + padded + Data("\n".utf8) + lineBytes
    let report = try ingest(file, maximumLineBytes: 1_024)
    #expect(report.priced == 2 && report.rejected == 1)
    #expect(report.total == FixedDecimal("0.0126672"))
    let rejection = try #require(report.rejections.first)
    #expect(rejection.line == 2)
    #expect(rejection.reason.contains("1088 bytes"))
    #expect(rejection.reason.contains("1024"))
    #expect(rejection.reason.contains("--max-line-bytes"))
    // The same line exactly at the limit is read.
    let atLimit = lineBytes + Data("\n".utf8) + lineBytes + spaces(1_024 - lineBytes.count)
    let priced = try ingest(atLimit, maximumLineBytes: 1_024)
    #expect(priced.priced == 2 && priced.rejected == 0)
  }

  @Test func aLongLineWithoutNewlineIsRejectedWithoutHoldingIt() throws {
    // 8 MiB of zeros spans several 1 MiB reads; the limit is 64 KiB.
    let zeros = Data(count: 8 << 20)
    let between = lineBytes + Data("\n".utf8) + zeros + Data("\n".utf8) + lineBytes
    let report = try ingest(between, maximumLineBytes: 64 << 10)
    #expect(report.priced == 2 && report.rejected == 1)
    #expect(report.rejections.first?.line == 2)
    #expect(report.rejections.first?.reason.contains("8388608 bytes") == true)
    // At the end of the file, with no newline at all.
    let last = try ingest(lineBytes + Data("\n".utf8) + zeros, maximumLineBytes: 64 << 10)
    #expect(last.priced == 1 && last.rejected == 1)
    #expect(last.rejections.first?.line == 2)
    #expect(last.rejections.first?.reason.contains("8388608 bytes") == true)
  }

  @Test func fiftyMegabytesOfPaddingAreReadInLinearTime() throws {
    // Whitespace after the object is legal JSON: under a limit above it the line is priced.
    let padding = 50 << 20
    let file = lineBytes + spaces(padding) + Data("\n".utf8) + lineBytes
    let start = ContinuousClock.now
    let report = try ingest(file, maximumLineBytes: 64 << 20)
    let elapsed = ContinuousClock.now - start
    #expect(report.priced == 2 && report.rejected == 0)
    #expect(report.total == FixedDecimal("0.0126672"))
    // Generous for a debug build on a shared machine; a quadratic scan of the pending
    // line is what this guards against.
    #expect(elapsed < .seconds(60))
    // Under the default 16 MiB limit the same line is rejected with its whole length.
    let capped = try ingest(file)
    #expect(capped.priced == 1 && capped.rejected == 1)
    #expect(capped.rejections.first?.reason.contains("\(lineBytes.count + padding) bytes") == true)
    #expect(capped.rejections.first?.reason.contains("16777216") == true)
  }

  @Test func aByteOrderMarkAtTheStartIsSkipped() throws {
    let bom = Data([0xEF, 0xBB, 0xBF])
    let report = try ingest(bom + lineBytes + Data("\n".utf8) + lineBytes)
    #expect(report.priced == 2 && report.rejected == 0)
    #expect(report.total == FixedDecimal("0.0126672"))
  }

  @Test func crlfLinesArePricedAndCROnlyLinesAreRejected() throws {
    let crlf = try ingest(lineBytes + Data("\r\n".utf8) + lineBytes + Data("\r\n".utf8))
    #expect(crlf.priced == 2 && crlf.rejected == 0)
    #expect(crlf.total == FixedDecimal("0.0126672"))
    // Without \n the file is one line holding two objects: not one request, so rejected.
    let crOnly = try ingest(lineBytes + Data("\r".utf8) + lineBytes + Data("\r".utf8))
    #expect(crOnly.priced == 0 && crOnly.rejected == 1)
    #expect(crOnly.total == .zero)
    #expect(crOnly.rejections.first?.line == 1)
    #expect(crOnly.rejections.first?.reason.isEmpty == false)
  }

  @Test func aDirectoryOrAMissingFileIsACleanError() throws {
    let directory = temporaryPath("")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var ingestor = try UsageIngestor()
    let error = #expect(throws: PricingError.self) { try ingestor.ingest(fileAt: directory) }
    #expect(error?.code == .invalidData)
    #expect(
      error?.message == "'\(directory)' is a directory, not a usage log; pass the files in it"
    )
    let missing = #expect(throws: PricingError.self) {
      try ingestor.ingest(fileAt: directory + "/absent.jsonl")
    }
    #expect(missing?.message.contains("cannot read usage log") == true)
  }

  @Test(arguments: [0, -1])
  func aLimitBelowOneByteIsRefused(limit: Int) throws {
    let error = #expect(throws: PricingError.self) { try UsageIngestor(maximumLineBytes: limit) }
    #expect(error?.code == .invalidData)
    #expect(error?.message.contains("\(limit)") == true)
  }
}

// MARK: - Partial reports

extension IngestHardeningTests {
  /// Two deepseek-chat lines and one bad line, grouped by model: ¥0.0126672.
  func sampleReport() throws -> UsageReport {
    var ingestor = try UsageIngestor(groupBy: [.model])
    ingestor.ingest(line: lineBytes, number: 1)
    ingestor.ingest(line: lineBytes, number: 2)
    ingestor.ingest(line: Data("{".utf8), number: 3)
    return ingestor.currentReport()
  }

  @Test func reportsFromTheIngestorAndFromMergesAddUp() throws {
    let report = try sampleReport()
    try report.validate()
    var merged = report
    try merged.merge(report)
    try merged.validate()
    #expect(merged.total == FixedDecimal("0.0253344"))
    try UsageIngestor().currentReport().validate()
  }

  @Test func aReportWhoseFiguresDisagreeIsRefused() throws {
    let report = try sampleReport()
    var total = report
    total.total = FixedDecimal("0.0126673")
    var native = report
    native.totalsByCurrency["CNY"] = FixedDecimal("1")
    var rejected = report
    rejected.rejected = 2
    var negative = report
    negative.groups[0].outputTokens = -1
    var requests = report
    requests.priced = 3
    var noGroups = report
    noGroups.groups = []
    var key = report
    key.groups[0].key = ["day": "2025-10-01"]
    let cases: [(UsageReport, String)] = [
      (total, "0.0126673"), (native, "totalsByCurrency"), (rejected, "rejected is 2"),
      (negative, "outputTokens -1"), (requests, "priced is 3"), (noGroups, "0 groups"),
      (key, "groupBy"),
    ]
    for (tampered, mention) in cases {
      let error = #expect(throws: PricingError.self) { try tampered.validate() }
      #expect(error?.code == .invalidData)
      #expect(error?.message.contains(mention) == true, "\(error?.message ?? "")")
    }
  }
}

// MARK: - Imported price files

extension IngestHardeningTests {
  @Test func anAbsurdLiteLLMPriceSkipsItsEntryOnly() throws {
    let file = """
      {
        "aaa-ok": {"input_cost_per_token": 2.8e-07, "output_cost_per_token": 1.1e-06,
          "litellm_provider": "deepseek", "mode": "chat"},
        "huge": {"input_cost_per_token": 1e300, "output_cost_per_token": 1.1e-06,
          "litellm_provider": "deepseek", "mode": "chat"},
        "huge-cache": {"input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06,
          "cache_read_input_token_cost": 1e16, "litellm_provider": "deepseek", "mode": "chat"},
        "zzz-ok": {"input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
          "litellm_provider": "anthropic", "mode": "chat"}
      }
      """
    let result = try LiteLLMImporter.import(
      Data(file.utf8),
      source: "test",
      observed: CalendarDay("2026-11-01")
    )
    #expect(
      Set(result.catalog.offerings.map(\.id)) == ["deepseek/aaa-ok@USD", "anthropic/zzz-ok@USD"]
    )
    // 2.8e-07 per token = $0.28 per million; 1.5e-05 = $15.
    let ok = try #require(result.catalog.offerings.first { $0.model.id == "aaa-ok" })
    #expect(ok.schedule.entries[0].sheet.tiers[0].prices.input == FixedDecimal("0.28"))
    let zzz = try #require(result.catalog.offerings.first { $0.model.id == "zzz-ok" })
    #expect(zzz.schedule.entries[0].sheet.tiers[0].prices.output == 15)
    let huge = try #require(result.skipped.first { $0.entry == "huge" })
    #expect(huge.reason.contains("input_cost_per_token is 1e300"))
    #expect(huge.reason.contains("overflows"))
    // 1e16 per token is 1e22 per million, above the exact range: skipped, not dropped.
    let cache = try #require(result.skipped.first { $0.entry == "huge-cache" })
    #expect(cache.reason.contains("cache_read_input_token_cost"))
    #expect(cache.reason.contains("overflows"))
    // A file that is not JSON still fails as a whole; quoting never repairs it.
    let malformed = [
      #"{"x": {"input_cost_per_token": 1e}}"#, #"{"x": {1e300: 1}}"#,
      #"{"x": ["a" 1e300]}"#,
    ]
    for text in malformed {
      #expect(throws: PricingError.self) {
        try LiteLLMImporter.import(
          Data(text.utf8),
          source: "test",
          observed: CalendarDay("2026-11-01")
        )
      }
    }
  }

  @Test func anAbsurdGenAIPricesPriceSkipsItsModelOnly() throws {
    let file = """
      [{"id": "demo", "models": [
        {"id": "fine", "prices": {"input_mtok": 0.27, "output_mtok": 1.1}},
        {"id": "huge", "prices": {"input_mtok": 1e300, "output_mtok": 1.1}},
        {"id": "huge-tier", "prices": {"input_mtok": {"base": 1, "tiers": [{"start": 200000, "price": 1e300}]}, "output_mtok": 1}},
        {"id": "huge-fee", "prices": {"input_mtok": 1, "output_mtok": 1, "requests_kcount": 1e300}}
      ]}]
      """
    let result = try GenAIPricesImporter.import(
      Data(file.utf8),
      source: "test",
      observed: CalendarDay("2026-11-01")
    )
    #expect(result.catalog.offerings.map(\.model.id) == ["fine"])
    #expect(
      Set(result.skipped.map(\.entry)) == ["demo/huge", "demo/huge-tier", "demo/huge-fee"]
    )
    for skipped in result.skipped {
      #expect(skipped.reason.contains("1e300") && skipped.reason.contains("overflows"))
    }
  }
}

// MARK: - The command line

extension IngestHardeningTests {
  func write(_ text: String, suffix: String = ".jsonl") throws -> String {
    let path = temporaryPath(suffix)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func strictFailsAfterPrintingTheReportWhenALineIsRejected() throws {
    let bad = try write(line + "\n{broken\n")
    let clean = try write(line + "\n" + line + "\n")
    defer {
      try? FileManager.default.removeItem(atPath: bad)
      try? FileManager.default.removeItem(atPath: clean)
    }
    let failed = try LLMCostBinary.run(["ingest", bad, "--strict"])
    #expect(failed.status == 1)
    #expect(failed.output.contains("Priced 1 lines, rejected 1. Total: 0.0063336 CNY"))
    #expect(failed.output.contains("Rejected lines:"))
    #expect(failed.error.contains("1 line was rejected"))
    #expect(failed.error.contains("--strict"))
    let json = try LLMCostBinary.run(["ingest", bad, "--strict", "--json"])
    #expect(json.status == 1)
    #expect(json.output.contains(#""rejected" : 1"#))
    let passed = try LLMCostBinary.run(["ingest", clean, "--strict"])
    #expect(passed.status == 0, "\(passed.error)")
    #expect(passed.output.contains("Priced 2 lines, rejected 0. Total: 0.0126672 CNY"))
    #expect(passed.error.isEmpty)
  }

  @Test func maxLineBytesIsAppliedAndCheckedAtTheCommandLine() throws {
    let padded = line + String(repeating: " ", count: 1_088 - line.utf8.count)
    let log = try write([line, padded, line].joined(separator: "\n"))
    defer { try? FileManager.default.removeItem(atPath: log) }
    let limited = try LLMCostBinary.run(["ingest", log, "--max-line-bytes", "1024"])
    #expect(limited.status == 0, "\(limited.error)")
    #expect(limited.output.contains("Priced 2 lines, rejected 1. Total: 0.0126672 CNY"))
    #expect(limited.output.contains("1088 bytes"))
    let wide = try LLMCostBinary.run(["ingest", log, "--max-line-bytes=2048"])
    #expect(wide.output.contains("Priced 3 lines, rejected 0. Total: 0.0190008 CNY"))
    for value in ["0", "abc", "-5"] {
      let refused = try LLMCostBinary.run(["ingest", log, "--max-line-bytes", value])
      #expect(refused.status == 2)
      #expect(refused.error.contains("--max-line-bytes") && refused.error.contains("'\(value)'"))
    }
    let help = try LLMCostBinary.run(["ingest", "--help"])
    #expect(help.output.contains("--strict") && help.output.contains("--max-line-bytes N"))
  }

  @Test func mergeRefusesAReportWhoseTotalWasChanged() throws {
    let log = try write(line + "\n" + line + "\n")
    defer { try? FileManager.default.removeItem(atPath: log) }
    let part = try LLMCostBinary.run(["ingest", log, "--group-by", "model", "--json"])
    #expect(part.status == 0, "\(part.error)")
    #expect(part.output.contains(#""total" : "0.0126672""#))
    let honest = try write(part.output, suffix: ".json")
    // Only the report's own total (indented two spaces), not the group's.
    let edited = part.output.replacingOccurrences(
      of: "\n  \"total\" : \"0.0126672\",",
      with: "\n  \"total\" : \"1.0126672\","
    )
    try #require(edited != part.output)
    let tampered = try write(edited, suffix: ".json")
    defer {
      try? FileManager.default.removeItem(atPath: honest)
      try? FileManager.default.removeItem(atPath: tampered)
    }
    let merged = try LLMCostBinary.run(["ingest", "--merge", honest, honest])
    #expect(merged.status == 0, "\(merged.error)")
    #expect(merged.output.contains("Total: 0.0253344 CNY"))
    let refused = try LLMCostBinary.run(["ingest", "--merge", honest, tampered])
    #expect(refused.status == 1)
    #expect(refused.error.contains(tampered))
    #expect(refused.error.contains("total is 1.0126672"))
    #expect(refused.output.isEmpty)
  }
}
