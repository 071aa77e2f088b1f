import Foundation
import LLMPricing
import Testing

/// The ingestor's one-pass reader (grammar and fields at once) against the two passes it
/// stands for (``StrictJSON`` then the fast scanner): on tricky lines and every damaged
/// variant of them, whatever it accepts the two passes accept and read the same way.
@Suite("Ingest fast path")
struct IngestFastPathTests {
  static let tagNames = ["team", "customer"]

  /// Lines near the edges of the one-pass reader's subset.
  static let lines: [String] = [
    #"{"timestamp": "2025-12-21T03:56:14Z", "model": "deepseek-chat", "provider": "deepseek", "usage": {"prompt_tokens": 21137, "completion_tokens": 1968, "total_tokens": 23105, "prompt_cache_hit_tokens": 16466, "prompt_cache_miss_tokens": 4671}, "tags": {"team": "growth", "customer": "c402"}}"#,
    #"{"timestamp":"2025-10-20T02:07:18Z","model":"deepseek-reasoner","usage":{"prompt_tokens":49419,"completion_tokens":2317,"prompt_cache_hit_tokens":38438,"prompt_cache_miss_tokens":10981,"completion_tokens_details":{"reasoning_tokens":1806}},"tags":{"team":"search"}}"#,
    "\t{ \"timestamp\" : 1764547200 , \"model\" : \"deepseek-chat\" , \"usage\" : { \"prompt_tokens\" : 5 } } \r",
    #"{"timestamp": 253402300799, "model": "deepseek-chat", "usage": {"prompt_tokens": 999999999999999}}"#,
    #"{"timestamp": 253402300800, "model": "deepseek-chat", "usage": {"prompt_tokens": 9999999999999999}}"#,
    #"{"timestamp": 0, "model": "m", "usage": {"prompt_tokens": 0, "completion_tokens": 00}}"#,
    #"{"timestamp": "2025-02-29T00:00:00Z", "model": "deepseek-chat", "usage": {"prompt_tokens": 5}}"#,
    #"{"timestamp": "2024-02-29T23:59:59Z", "model": "deepseek-chat", "usage": {"prompt_tokens": 5}}"#,
    #"{"timestamp": 1764547200.5, "model": "deepseek-chat", "usage": {"prompt_tokens": 1e3}}"#,
    #"{"timestamp": "2025-12-01T00:00:00Z", "model": "x", "model": "y", "usage": {"prompt_tokens": 1}}"#,
    #"{"timestamp": "2025-12-01T00:00:00Z", "model": "x", "usage": {"prompt_tokens": 1, "prompt_tokens": 2}}"#,
    #"{"timestamp": "2025-12-01T00:00:00Z", "model": "x", "usage": {"a": {"b": 1, "b": 2}}, "tags": {"team": "a", "team": "b"}}"#,
    #"{"timestamp": "2025-12-01T00:00:00Z", "model": "x", "usage": {"prompt_tokens": 1}, "tags": {"team": "a", "te\u0061m": "b"}}"#,
    #"{"timestamp": "2025-12-01T00:00:00Z", "model": "x", "usage": {"prompt_tokens": 1}, "tags": {"team": "caf\u00e9", "customer": "café"}}"#,
    #"{"timestamp": "2025-12-01T00:00:00Z", "model": "x", "usage": {"prompt_tokens": 1}, "tags": {"team": 7, "customer": true}}"#,
    #"{"timestamp": "2025-12-01T00:00:00Z", "model": "x", "usage": {"prompt_tokens": 1}, "extra": [1, -2.5e+3, {"a": [true, false, null, ""]}, []], "n": -0}"#,
    #"{"timestamp": "2025-12-01T00:00:00Z", "model": "x", "provider": null, "format": "deepseek", "usage": {"prompt_tokens": null, "completion_tokens_details": {"reasoning_tokens": 2, "prompt_tokens_details": {"cached_tokens": 1}}}}"#,
    #"{"timestamp": "2025-12-01T00:00:00Z", "model": "x", "usage": {"input_tokens": 5, "inference_geo": "global", "server_tool_use": {"web_search_requests": 2, "x": {}}}}"#,
    #"{"timestamp": "2025-12-01T00:00:00Z", "model": "x", "usage": {"input_tokens": 5, "inference_geo": "us", "server_tool_use": {"web_fetch_requests": 1, "x": 1}}}"#,
    #"{"timestamp": "2025-12-01T00:00:00Z", "model": "x", "usage": {"prompt_tokens_details": null, "cache_creation": {"ephemeral_5m_input_tokens": 3}}}"#,
    #"{"timestamp": "2025-12-01T00:00:00Z", "model": "x", "usage": {"prompt_tokens": {"a": 1}}, "service_tier": "flex"}"#,
    #"{"timestamp": "2025-12-01T00:00:00Z", "model": "x", "usage": {"k0": 0, "k1": 1, "k2": 2, "k3": 3, "k4": 4, "k5": 5, "k6": 6, "k7": 7, "k8": 8, "k9": 9, "k10": 10, "k11": 11, "k12": 12, "k13": 13, "k14": 14, "k15": 15, "k16": 16, "k3": 3}}"#,
    #"{"timestamp": "2025-12-01T00:00:00Z", "model": "", "usage": {}, "tags": {}}"#,
    #"{"timestamp": "2025-12-01T00:00:00Z", "model": "x", "usage": {"prompt_tokens": 5}, "a": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"#,
  ]

  /// The line, cut at every length and with each byte replaced by each of a few bytes that
  /// matter to the grammar.
  static func variants(of line: String) -> [[UInt8]] {
    let bytes = Array(line.utf8)
    var result = [bytes]
    for length in 0..<bytes.count { result.append(Array(bytes[..<length])) }
    let replacements: [UInt8] = [
      0x22, 0x5C, 0x2C, 0x7D, 0x7B, 0x5D, 0x5B, 0x3A, 0x30, 0x31, 0x2D, 0x2E, 0x65, 0x20, 0x0D,
      0x09, 0x0A, 0x00, 0x1F, 0x7F, 0xC3, 0xFF, 0x6E, 0x74,
    ]
    for index in bytes.indices {
      for byte in replacements where byte != bytes[index] {
        var changed = bytes
        changed[index] = byte
        result.append(changed)
      }
      var dropped = bytes
      dropped.remove(at: index)
      result.append(dropped)
    }
    return result
  }

  @Test(arguments: lines)
  func theOnePassReaderAgreesWithTheTwoPasses(line: String) {
    for variant in Self.variants(of: line) {
      for tagNames in [Self.tagNames, []] {
        let difference = FastPathCheck.disagreement(line: variant, tagNames: tagNames)
        #expect(difference == nil, "\(String(decoding: variant, as: UTF8.self))")
      }
    }
  }

  @Test func theCommonLineIsReadInOnePass() {
    for line in Self.lines.prefix(4) {
      #expect(FastPathCheck.readsInOnePass(line: Array(line.utf8), tagNames: Self.tagNames))
    }
  }

  /// The lines priced by the one-pass reader and, with an escaped string added that it
  /// declines, by the two passes: the same report.
  @Test func bothPathsPriceTheSameReport() throws {
    let lines = [
      Self.lines[0], Self.lines[1],
      #"{"timestamp": "2025-12-01T00:00:00Z", "model": "deepseek-chat", "usage": {"prompt_tokens": 5}, "tags": {"team": 7, "customer": true}}"#,
      #"{"timestamp": "2025-12-01T00:00:00Z", "model": "deepseek-chat", "usage": {"prompt_tokens": 5, "prompt_cache_hit_tokens": 9}}"#,
      #"{"timestamp": "2025-12-01T00:00:00Z", "model": "no-such-model", "usage": {"prompt_tokens": 5}}"#,
      #"{"timestamp": "2025-12-01T00:00:00Z", "model": "deepseek-chat", "format": "nope", "usage": {"prompt_tokens": 5}}"#,
      #"{"timestamp": "2026-03-01T00:00:00Z", "model": "claude-sonnet-4-5", "usage": {"input_tokens": 5, "output_tokens": 7, "server_tool_use": {"web_search_requests": 2}}}"#,
      #"{"timestamp": "2026-03-01T00:00:00Z", "model": "gpt-4o", "usage": {"input_tokens": 5, "output_tokens": 7}, "tags": {"team": "café"}}"#,
      #"{"timestamp": "2026-03-01T00:00:00Z", "model": "qwen-plus", "usage": {"input_tokens": 5, "output_tokens": 7}, "tags": {"team": "search"}}"#,
    ]
    let declined = lines.map {
      $0.replacingOccurrences(of: #"{"timestamp""#, with: #"{"x": "\u0041", "timestamp""#)
    }
    for currency in [nil, Currency.cny, Currency.usd] {
      let groupBy: [UsageIngestor.GroupField] = [.model, .day, .tag("team"), .currency]
      let onePass = try ingest(lines, groupBy: groupBy, currency: currency)
      let twoPasses = try ingest(declined, groupBy: groupBy, currency: currency)
      #expect(onePass.priced >= 5, "\(onePass.rejections)")
      #expect(onePass == twoPasses)
    }
  }

  /// Tag values equal as strings but not as bytes group together, keyed by the first line
  /// of each group, as before.
  @Test func canonicallyEqualTagsShareAGroupKeyedByItsFirstLine() throws {
    let composed = "caf\u{E9}"
    let decomposed = "cafe\u{301}"
    func line(_ model: String, _ team: String) -> String {
      #"{"timestamp": "2026-03-01T00:00:00Z", "model": "\#(model)", "usage": {"input_tokens": 5, "output_tokens": 7}, "tags": {"team": "\#(team)"}}"#
    }
    let report = try ingest(
      [line("gpt-4o", composed), line("qwen-plus", decomposed), line("qwen-plus", composed)],
      groupBy: [.model, .tag("team")],
      currency: .usd
    )
    #expect(report.priced == 3)
    let keys = report.groups.map { Array(($0.key["tag:team"] ?? "").unicodeScalars) }
    #expect(keys == [Array(composed.unicodeScalars), Array(decomposed.unicodeScalars)])
    #expect(report.groups.map(\.requests) == [1, 2])
  }

  func ingest(
    _ lines: [String],
    groupBy: [UsageIngestor.GroupField],
    currency: Currency?
  ) throws -> UsageReport {
    // One file name for every run: rejections name their file.
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("fast-path-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("log.jsonl").path
    try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    var ingestor = try UsageIngestor(groupBy: groupBy, currency: currency)
    try ingestor.ingest(fileAt: path)
    return ingestor.currentReport()
  }
}
