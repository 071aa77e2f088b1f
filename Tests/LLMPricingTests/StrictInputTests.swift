import Foundation
import LLMPricing
import Testing

/// Issue #16: one answer per log line, strict files, usage detection by provider and format.
///
/// Amounts are worked by hand from the providers' lists quoted beside them.
@Suite("Strict inputs")
struct StrictInputTests {
  func price(_ lines: [String], format: ResponseFormat? = nil) throws -> UsageReport {
    var ingestor = try UsageIngestor(format: format)
    for (index, line) in lines.enumerated() {
      ingestor.ingest(line: Data(line.utf8), number: index + 1)
    }
    return ingestor.currentReport()
  }

  /// qwen-plus in CNY on 2026-01-10: input ¥0.8, output ¥2, thinking output ¥8 per million.
  ///
  /// A thinking request of 10,000 in and 3,500 out (3,000 of it reasoning) bills all output
  /// at the thinking price: 10,000 × ¥0.8 + 3,500 × ¥8 = ¥0.008 + ¥0.028 = ¥0.036.
  static let qwenThinking = [
    "2026-01-10T04:00:00Z", "2026-01-10T12:00:00+08:00", "2026-01-10T04:00:00.000Z",
  ]

  @Test(
    "A Qwen thinking line prices the same whatever its timestamp's spelling",
    arguments: qwenThinking
  )
  func qwenThinkingLineIsPricedOnce(timestamp: String) throws {
    let line =
      #"{"timestamp": "\#(timestamp)", "model": "qwen-plus", "provider": "alibaba", "usage": {"input_tokens": 10000, "output_tokens": 3500, "output_tokens_details": {"reasoning_tokens": 3000}}}"#
    let report = try price([line])
    #expect(report.rejected == 0, "\(report.rejections)")
    #expect(report.total == FixedDecimal("0.036"))
  }

  /// qwen-max in CNY on 2025-06-01: input ¥2.4, cache hit ¥0.48, output ¥9.6 per million.
  ///
  /// DashScope's usage counts the 2,048 hits inside input_tokens: 7,952 × ¥2.4 + 2,048 ×
  /// ¥0.48 + 1,000 × ¥9.6 = ¥0.0190848 + ¥0.00098304 + ¥0.0096 = ¥0.02966784 (read as
  /// Anthropic's, the hits would bill as input: ¥0.0336).
  static let qwenCacheLine =
    #"{"timestamp": "2025-06-01T00:00:00Z", "model": "qwen-max", "provider": "alibaba", "usage": {"input_tokens": 10000, "output_tokens": 1000, "prompt_tokens_details": {"cached_tokens": 2048}}}"#

  @Test func qwenUsageWithoutItsEnvelopeBillsCacheHitsAtTheCachePrice() throws {
    let report = try price([Self.qwenCacheLine])
    #expect(report.rejected == 0, "\(report.rejections)")
    #expect(report.total == FixedDecimal("0.02966784"))
  }

  @Test func formatNamesTheConventionPerLineAndPerRun() throws {
    // input_tokens alone, as Anthropic (additive) or DashScope (inclusive): with 0 cache
    // fields both read 10,000 in + 1,000 out at qwen-max's ¥2.4 / ¥9.6 = ¥0.0336.
    let plain =
      #"{"timestamp": "2025-06-01T00:00:00Z", "model": "qwen-max", "format": "dashscope", "usage": {"input_tokens": 10000, "output_tokens": 1000}}"#
    #expect(try price([plain]).total == FixedDecimal("0.0336"))
    let unknown = plain.replacingOccurrences(of: #""dashscope""#, with: #""qwen""#)
    let refused = try price([unknown])
    #expect(refused.rejected == 1)
    #expect(refused.rejections.first?.reason.contains("dashscope") == true)
    // A run-wide format reads a DeepSeek line's prompt_tokens as OpenAI Chat's: 1,000 in
    // × ¥2 + 100 out × ¥3 (deepseek-chat, 2025-10-01, no cache fields) = ¥0.0023.
    let chat =
      #"{"timestamp": "2025-10-01T04:00:00Z", "model": "deepseek-chat", "usage": {"prompt_tokens": 1000, "completion_tokens": 100}}"#
    #expect(try price([chat], format: .openAIChat).total == FixedDecimal("0.0023"))
  }

  @Test func keysOfDifferentFormatsInOneUsageAreRefusedNotGuessed() throws {
    let mixed =
      #"{"timestamp": "2025-06-01T00:00:00Z", "model": "qwen-max", "usage": {"input_tokens": 10000, "output_tokens": 1000, "prompt_tokens_details": {"cached_tokens": 2048}, "input_tokens_details": {"cached_tokens": 1024}}}"#
    let report = try price([mixed])
    #expect(report.priced == 0 && report.rejected == 1)
    #expect(report.rejections.first?.reason.contains("mixes keys") == true)
  }

  /// deepseek-chat in CNY on 2025-10-01 (V3.2): miss ¥2, hit ¥0.2, output ¥3 per million.
  ///
  /// 1,234 × ¥2 + 5,678 × ¥0.2 + 910 × ¥3 = ¥0.002468 + ¥0.0011356 + ¥0.00273 = ¥0.0063336.
  static let deepSeekUsage =
    #""usage": {"prompt_tokens": 6912, "completion_tokens": 910, "prompt_cache_hit_tokens": 5678, "prompt_cache_miss_tokens": 1234}"#

  @Test(
    "Epoch seconds and a raw response's created are instants",
    arguments: [
      #""timestamp": 1759291200"#, #""created": 1759291200"#, #""created_at": 1759291200"#,
      #""timestamp": "2025-10-01T04:00:00Z""#,
    ]
  )
  func epochSecondsAreInstants(instant: String) throws {
    // 1759291200 = 2025-10-01T04:00:00Z (20,362 days × 86,400 + 4 × 3,600).
    let line = #"{\#(instant), "model": "deepseek-chat", \#(Self.deepSeekUsage)}"#
    let report = try price([line])
    #expect(report.rejected == 0, "\(report.rejections)")
    #expect(report.total == FixedDecimal("0.0063336"))
  }

  @Test(
    "Instants that cannot be read are refused with the value",
    arguments: [
      (#""timestamp": 1759291200.5"#, "whole number"),
      (#""timestamp": -1"#, "whole number"),
      (#""timestamp": 253402300800"#, "year 9999"),
      (#""timestamp": "2025x06y01T03a00b00Z""#, "2025x06y01T03a00b00Z"),
      (#""timestamp": "2025-02-29T12:00:00Z""#, "2025-02-29T12:00:00Z"),
      (#""timestamp": true"#, "ISO 8601"),
      (#""created": "soon""#, "soon"),
    ]
  )
  func badInstantsAreRefused(instant: String, words: String) throws {
    let line = #"{\#(instant), "model": "deepseek-chat", \#(Self.deepSeekUsage)}"#
    let report = try price([line])
    #expect(report.priced == 0 && report.rejected == 1)
    #expect(report.rejections.first?.reason.contains(words) == true, "\(report.rejections)")
  }

  @Test func requestsOfZeroIsRefusedNotBilledAsOne() throws {
    let line =
      #"{"timestamp": "2025-10-01T04:00:00Z", "model": "deepseek-chat", "usage": {"uncachedInput": 1000, "output": 5, "requests": 0}}"#
    let report = try price([line])
    #expect(report.priced == 0 && report.rejected == 1)
    #expect(report.rejections.first?.reason.contains("requests is 0") == true)
  }

  // MARK: - Files

  @Test func aMisspeltWorkloadKeyIsRefusedWithTheKnownOne() throws {
    let json =
      #"{"name": "x", "sessionsPerDay": 100, "outputTokens": 200, "cacheHitRate": "0.6"}"#
    #expect {
      try WorkloadProfile.decode(from: Data(json.utf8))
    } throws: { error in
      let message = (error as? PricingError)?.message ?? ""
      return (error as? PricingError)?.code == .invalidData
        && message.contains("unknown key `cacheHitRate`")
        && message.contains("did you mean `cacheHitRatio`?")
    }
  }

  @Test func aDuplicateKeyInAFileIsRefusedByName() throws {
    let json = #"{"name": "x", "sessionsPerDay": 100, "outputTokens": 200, "outputTokens": 900}"#
    #expect {
      try WorkloadProfile.decode(from: Data(json.utf8))
    } throws: { error in
      (error as? PricingError)?.message.contains(#"duplicate key "outputTokens""#) == true
    }
  }

  @Test func aPerTokenPriceInAPerMillionFieldIsCaught() throws {
    let catalog = try Self.oneOfferingCatalogJSON()
    // DeepSeek's V3.2 input price, ¥2 per million, typed per token.
    let perToken = catalog.replacingOccurrences(
      of: #""input" : "2""#,
      with: #""input" : "0.000002""#
    )
    try #require(perToken != catalog)
    #expect {
      try Catalog.decode(from: Data(perToken.utf8))
    } throws: { error in
      let message = (error as? PricingError)?.message ?? ""
      return message.contains("is this a per-token price?") && message.contains("would be 2")
    }
  }

  @Test func numbersBeyondDecimalsThirtyEightDigitsAreNotRounded() throws {
    // 0.1 followed by 40 digits ending in 1: Decimal would round it to 0.1 and accept it;
    // exactly, it has more than 18 fractional digits and is refused.
    let json =
      #"{"name": "x", "sessionsPerDay": 1, "outputTokens": 1, "cacheHitRatio": 0.10000000000000000000000000000000000000001}"#
    #expect(throws: PricingError.self) { try WorkloadProfile.decode(from: Data(json.utf8)) }
  }

  @Test func aNegativeContextWindowIsRefused() throws {
    let catalog = try Self.oneOfferingCatalogJSON()
    let negative = catalog.replacing(#/"contextWindow" : \d+/#, with: #""contextWindow" : -5"#)
    try #require(negative != catalog)
    #expect {
      try Catalog.decode(from: Data(negative.utf8))
    } throws: { error in
      let message = (error as? PricingError)?.message ?? ""
      return message.contains("contextWindow") && message.contains("-5")
    }
  }

  /// The built-in deepseek-chat CNY offering alone, as a catalog file.
  static func oneOfferingCatalogJSON() throws -> String {
    let offering = try Catalog.builtIn.offering(model: "deepseek-chat", currency: .cny)
    let data = try Catalog(offerings: [offering]).encodedJSON()
    return String(decoding: data, as: UTF8.self)
  }

  // MARK: - Through the CLI

  @Test func theCLIRefusesAMisspeltCatalogKeyAndNamesIt() throws {
    let catalog = try Self.oneOfferingCatalogJSON()
    let misspelt = catalog.replacingOccurrences(of: #""cacheRead""#, with: #""cachedRead""#)
    try #require(misspelt != catalog)
    let file = try temporaryFile(misspelt, suffix: ".json")
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try LLMCostBinary.run([
      "quote", "--model", "deepseek-chat", "--input", "1000", "--output", "10",
      "--at", "2025-10-01T04:00:00Z", "--catalog", file.path,
    ])
    #expect(result.status != 0)
    #expect(result.error.contains("unknown key `cachedRead`"), "\(result.error)")
    #expect(result.error.contains("did you mean `cacheRead`?"), "\(result.error)")
  }

  @Test func theCLIRefusesAMisspeltWorkloadKeyAndNamesIt() throws {
    let file = try temporaryFile(
      #"{"name": "support", "sessionsPerDay": 1000, "userTokensPerStep": 300, "outputTokens": 200, "cacheHitRate": "0.6"}"#,
      suffix: ".json"
    )
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try LLMCostBinary.run([
      "monthly", "--workload", file.path, "--model", "deepseek-chat", "--month", "2026-11",
    ])
    #expect(result.status != 0)
    #expect(result.error.contains("unknown key `cacheHitRate`"), "\(result.error)")
    #expect(result.error.contains("did you mean `cacheHitRatio`?"), "\(result.error)")
  }

  @Test func theCLIPricesQwenCacheHitsAndEpochTimestamps() throws {
    let epochLine = #"{"timestamp": 1759291200, "model": "deepseek-chat", \#(Self.deepSeekUsage)}"#
    let file = try temporaryFile(
      [Self.qwenCacheLine, epochLine].joined(separator: "\n"),
      suffix: ".jsonl"
    )
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try LLMCostBinary.run(["ingest", file.path, "--group-by", "model", "--json"])
    #expect(result.status == 0, "\(result.error)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    )
    #expect(object["rejected"] as? Int == 0, "\(result.output)")
    let groups = try #require(object["groups"] as? [[String: Any]])
    let totals = Dictionary(
      uniqueKeysWithValues: groups.compactMap { group -> (String, String)? in
        guard let key = group["key"] as? [String: String], let model = key["model"],
          let total = group["total"] as? String
        else { return nil }
        return (model, total)
      }
    )
    #expect(totals["qwen-max"] == "0.02966784")
    #expect(totals["deepseek-chat"] == "0.0063336")
  }

  @Test func theCLIsFormatOptionNamesTheRunsConvention() throws {
    // deepseek-chat on 2025-10-01 as OpenAI Chat: 1,000 in × ¥2 + 100 out × ¥3 = ¥0.0023.
    let chat =
      #"{"timestamp": "2025-10-01T04:00:00Z", "model": "deepseek-chat", "usage": {"prompt_tokens": 1000, "completion_tokens": 100}}"#
    let file = try temporaryFile(chat, suffix: ".jsonl")
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try LLMCostBinary.run(["ingest", file.path, "--format", "openAIChat", "--json"])
    #expect(result.status == 0, "\(result.error)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    )
    #expect(object["total"] as? String == "0.0023")
  }
}
