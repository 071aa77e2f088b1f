import Foundation
import LLMPricing
import Testing

@Suite("Usage log ingestion")
struct UsageIngestorTests {
  func write(_ lines: [String]) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("usage-\(UUID().uuidString).jsonl").path
    try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func ingest(
    _ lines: [String],
    groupBy: [UsageIngestor.GroupField] = [],
    currency: Currency? = nil,
    timeZone: String = "UTC"
  ) throws -> UsageReport {
    let path = try write(lines)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var ingestor = try UsageIngestor(groupBy: groupBy, currency: currency, timeZone: timeZone)
    try ingestor.ingest(fileAt: path)
    return ingestor.currentReport()
  }

  /// A DeepSeek V3.2 request on 2025-10-01: 1,234 miss × ¥2 + 5,678 hit × ¥0.2 + 910 out × ¥3
  /// per million = ¥0.002468 + ¥0.0011356 + ¥0.00273 = ¥0.0063336.
  let line =
    #"{"timestamp": "2025-10-01T04:00:00Z", "model": "deepseek-chat", "provider": "deepseek", "usage": {"prompt_tokens": 6912, "completion_tokens": 910, "prompt_cache_hit_tokens": 5678, "prompt_cache_miss_tokens": 1234}, "tags": {"team": "search"}}"#

  @Test func aGeneratedLogSumsToTheClosedForm() throws {
    let report = try ingest(Array(repeating: line, count: 10_000), groupBy: [.model, .tag("team")])
    #expect(report.priced == 10_000 && report.rejected == 0)
    #expect(report.currency == "CNY")
    // 10,000 × ¥0.0063336 = ¥63.336.
    #expect(report.total == FixedDecimal("63.336"))
    #expect(report.groups.count == 1)
    #expect(report.groups[0].key == ["model": "deepseek-chat", "tag:team": "search"])
    #expect(report.groups[0].requests == 10_000 && report.groups[0].cachedTokens == 56_780_000)
  }

  @Test func theScannerAndTheGeneralPathAgree() throws {
    // An escaped string sends every line through Foundation's decoder instead.
    let escaped = line.replacingOccurrences(of: #""tags""#, with: #""note": "caf\u00e9", "tags""#)
    let variants = [
      line,
      #"{"timestamp": "2025-10-01T04:00:00Z", "model": "claude-sonnet-4-5", "usage": {"input_tokens": 100, "cache_read_input_tokens": 900, "cache_creation_input_tokens": 300, "cache_creation": {"ephemeral_5m_input_tokens": 100, "ephemeral_1h_input_tokens": 200}, "output_tokens": 50}}"#,
      #"{"timestamp": "2025-10-01T04:00:00Z", "model": "gemini-2.5-flash", "usage": {"promptTokenCount": 5432, "cachedContentTokenCount": 4096, "candidatesTokenCount": 287, "thoughtsTokenCount": 712}}"#,
      #"{"timestamp": "2025-10-01T04:00:00Z", "model": "gpt-4o", "usage": {"input_tokens": 1832, "input_tokens_details": {"cached_tokens": 1024}, "output_tokens": 742, "output_tokens_details": {"reasoning_tokens": 512}}}"#,
      #"{"timestamp": "2025-10-01T04:00:00Z", "model": "deepseek-chat", "usage": {"uncachedInput": 1000, "cacheRead": 10, "output": 5, "requests": 2}}"#,
      // Issue #16's shapes: DashScope without its envelope, thinking Qwen, epoch seconds,
      // a named format, and nulls, which both readers take for absent.
      #"{"timestamp": "2025-06-01T00:00:00Z", "model": "qwen-max", "provider": "alibaba", "usage": {"input_tokens": 10000, "output_tokens": 1000, "prompt_tokens_details": {"cached_tokens": 2048}}}"#,
      #"{"timestamp": "2026-01-10T04:00:00Z", "model": "qwen-plus", "provider": "alibaba", "usage": {"input_tokens": 10000, "output_tokens": 3500, "output_tokens_details": {"reasoning_tokens": 3000}}}"#,
      #"{"timestamp": 1759291200, "model": "deepseek-chat", "format": "deepseek", "provider": null, "usage": {"prompt_tokens": 6912, "completion_tokens": 910, "prompt_cache_hit_tokens": 5678, "prompt_cache_miss_tokens": 1234, "completion_tokens_details": null}}"#,
      #"{"timestamp": "2025-10-01T04:00:00Z", "model": "gemini-2.5-flash", "usage": {"promptTokenCount": 5432, "cachedContentTokenCount": null, "candidatesTokenCount": 287, "thoughtsTokenCount": 712}}"#,
    ]
    let fast = try ingest(variants, groupBy: [.model])
    let general = try ingest(
      variants.map { $0.replacingOccurrences(of: #""model""#, with: #""x": "\u0041", "model""#) },
      groupBy: [.model]
    )
    #expect(fast.priced == 9, "\(fast.rejections)")
    #expect(fast == general)
    #expect(try ingest([escaped]).total == FixedDecimal("0.0063336"))
  }

  @Test func badLinesAreCountedAndExplainedAndNeverStopTheRun() throws {
    let lines = [
      line,
      #"{"timestamp": "2025-10-01T04:00:00Z", "model": "deepseek-chat", "usage": {"prompt_tokens": 5"#,
      #"{"timestamp": "2025-10-01T04:00:00Z", "model": 5, "usage": {"prompt_tokens": 5}}"#,
      #"{"timestamp": "2025-10-01T04:00:00Z", "model": "deepseek-chat", "usage": {"prompt_tokens": -5, "completion_tokens": 1}}"#,
      #"{"timestamp": "2025-10-01T04:00:00Z", "model": "deepseek-chta", "usage": {"prompt_tokens": 5, "completion_tokens": 1}}"#,
      #"{"model": "deepseek-chat", "usage": {"prompt_tokens": 5, "completion_tokens": 1}}"#,
      #"{"timestamp": "2023-01-01T00:00:00Z", "model": "deepseek-chat", "usage": {"prompt_tokens": 5, "completion_tokens": 1}}"#,
      #"{"timestamp": "yesterday", "model": "deepseek-chat", "usage": {"prompt_tokens": 5, "completion_tokens": 1}}"#,
      #"{"timestamp": "2025-10-01T04:00:00Z", "model": "deepseek-chat"}"#,
      "",
      line,
    ]
    let report = try ingest(lines)
    #expect(report.priced == 2)
    #expect(report.rejected == 8)
    #expect(report.total == FixedDecimal("0.0126672"))
    let reasons = Dictionary(uniqueKeysWithValues: report.rejections.map { ($0.line, $0.reason) })
    #expect(reasons[2]?.contains("not valid JSON") == true)
    #expect(reasons[3]?.contains("model") == true)
    #expect(reasons[4]?.contains("-5") == true)
    #expect(reasons[5]?.contains("closest: deepseek-chat") == true)
    #expect(reasons[6]?.contains("timestamp") == true)
    #expect(reasons[7]?.contains("no price is in effect") == true)
    #expect(reasons[8]?.contains("ISO 8601") == true)
    #expect(reasons[9]?.contains("usage") == true)
    #expect(report.rejections.allSatisfy { $0.source?.hasSuffix(".jsonl") == true })
  }

  @Test func onlyTheFirstHundredRejectionsAreListedAndTheRestCounted() throws {
    let report = try ingest(Array(repeating: "{", count: 250))
    #expect(report.rejected == 250)
    #expect(report.rejections.count == UsageIngestor.maximumRejectionsKept)
    #expect(report.rejectionsNotShown == 150)
  }

  @Test func shardsMergeExactlyIntoOnePass() throws {
    var lines: [String] = []
    for day in 1...20 {
      let padded = day < 10 ? "0\(day)" : "\(day)"
      lines.append(line.replacingOccurrences(of: "2025-10-01", with: "2025-10-\(padded)"))
      lines.append(
        #"{"timestamp": "2025-10-\#(padded)T23:30:00Z", "model": "gpt-4o", "usage": {"prompt_tokens": \#(day * 1000), "completion_tokens": 77}}"#
      )
      lines.append("not json \(day)")
    }
    let whole = try ingest(lines, groupBy: [.model, .day], currency: .cny)
    var merged = try ingest(Array(lines[..<31]), groupBy: [.model, .day], currency: .cny)
    try merged.merge(ingest(Array(lines[31...]), groupBy: [.model, .day], currency: .cny))
    #expect(merged.total == whole.total)
    #expect(merged.groups == whole.groups)
    #expect(merged.priced == whole.priced && merged.rejected == whole.rejected)
    // Through JSON, as shards hand their parts over.
    let data = try JSONEncoder().encode(merged)
    #expect(try JSONDecoder().decode(UsageReport.self, from: data) == merged)
    var mismatched = try ingest(lines, groupBy: [.model])
    #expect(throws: PricingError.self) { try mismatched.merge(whole) }
  }

  @Test func theReportingCurrencyPrefersThePublishedList() throws {
    // deepseek-chat has a USD list: $0.28 / $0.028 / $0.42 on 2025-10-01, not converted.
    // 1,234 × 0.28 + 5,678 × 0.028 + 910 × 0.42 per million = 0.00034552 + 0.000158984
    // + 0.0003822 = $0.000886704.
    let usd = try ingest([line], currency: .usd)
    #expect(usd.total == FixedDecimal("0.000886704"))
    #expect(usd.totalsByCurrency == ["USD": FixedDecimal("0.000886704")])
    // qwen-long is sold only in CNY: converted at the 2025-09-23 fixing, 7.1057.
    let long =
      #"{"timestamp": "2025-10-01T04:00:00Z", "model": "qwen-long", "usage": {"prompt_tokens": 1000000, "completion_tokens": 0}}"#
    let converted = try ingest([long], currency: .usd)
    #expect(converted.totalsByCurrency == ["CNY": FixedDecimal("0.5")])
    #expect(converted.total == (try FixedDecimal("0.5").divided(by: FixedDecimal("7.1057"))))
  }

  @Test func daysAreCountedInTheChosenTimeZone() throws {
    let late = line.replacingOccurrences(of: "2025-10-01T04:00:00Z", with: "2025-10-01T17:00:00Z")
    let utc = try ingest([late], groupBy: [.day])
    let beijing = try ingest([late], groupBy: [.day], timeZone: "Asia/Shanghai")
    #expect(utc.groups.first?.key["day"] == "2025-10-01")
    #expect(beijing.groups.first?.key["day"] == "2025-10-02")
    #expect(throws: PricingError.self) { try UsageIngestor(timeZone: "Nowhere/Else") }
  }

  @Test func hostileCountsAndReportsAreErrorsNotCrashes() throws {
    // Counts near Int.max: each line is rejected with a reason; the good line is kept.
    let huge =
      #"{"timestamp": "2025-10-01T04:00:00Z", "model": "deepseek-chat", "usage": {"prompt_cache_hit_tokens": 9223372036854775807, "prompt_cache_miss_tokens": 1, "completion_tokens": 1}}"#
    let report = try ingest([line, huge, huge])
    #expect(report.priced == 1 && report.rejected == 2)
    #expect(report.total == FixedDecimal("0.0063336"))
    #expect(report.rejections.allSatisfy { $0.reason.contains("10^15") })
    // A field named twice is a typed error, not a duplicate-key trap.
    #expect(throws: PricingError.self) { try UsageIngestor(groupBy: [.model, .model]) }
    // A hand-edited shard that repeats a group, or whose counts overflow, merges or throws.
    var doubled = try ingest([line], groupBy: [.model])
    doubled.groups += doubled.groups
    var merged = try ingest([line], groupBy: [.model])
    try merged.merge(doubled)
    #expect(merged.groups.count == 1 && merged.groups[0].requests == 3)
    doubled.groups[0].inputTokens = .max
    #expect(throws: PricingError.self) { try merged.merge(doubled) }
  }
}
