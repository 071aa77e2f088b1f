import Foundation
import LLMPricing

/// `llm-pricing-bench --ingest FILE`: end-to-end log ingestion (read, parse, price,
/// aggregate by model, day and team) against Foundation's JSONDecoder on the same file.
enum IngestBench {
  /// The typed record a JSONDecoder-based ingester would decode each line into.
  struct DecodedLine: Decodable {
    struct Usage: Decodable {
      struct Details: Decodable {
        var reasoningTokens: Int?
        enum CodingKeys: String, CodingKey { case reasoningTokens = "reasoning_tokens" }
      }
      var promptTokens: Int
      var completionTokens: Int
      var promptCacheHitTokens: Int?
      var promptCacheMissTokens: Int?
      var completionTokensDetails: Details?
      enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case promptCacheHitTokens = "prompt_cache_hit_tokens"
        case promptCacheMissTokens = "prompt_cache_miss_tokens"
        case completionTokensDetails = "completion_tokens_details"
      }
    }
    var timestamp: String
    var model: String
    var provider: String?
    var usage: Usage
    var tags: [String: String]?
  }

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }

  static func run(path: String) throws {
    let size = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
    let megabytes = size / 1_000_000
    let clock = ContinuousClock()

    var ingestor = try UsageIngestor(groupBy: [.model, .day, .tag("team")], currency: .cny)
    let start = clock.now
    try ingestor.ingest(fileAt: path)
    let elapsed = seconds(clock.now - start)
    let report = ingestor.currentReport()
    print(
      String(
        format:
          "ingest: %.1f MB/s end to end (%.0f MB in %.2f s; %d priced, %d rejected, %d groups; total %@ %@)",
        megabytes / elapsed,
        megabytes,
        elapsed,
        report.priced,
        report.rejected,
        report.groups.count,
        report.total.description,
        report.currency ?? ""
      )
    )

    // JSONDecoder on the same lines: decoding alone, no pricing or aggregation.
    guard let handle = FileHandle(forReadingAtPath: path) else { return }
    defer { try? handle.close() }
    let decoder = JSONDecoder()
    var decoded = 0
    var bytes = 0
    var pending = Data()
    let decodeStart = clock.now
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
      pending.append(chunk)
      var lines = pending.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      pending = Data(lines.removeLast())
      for line in lines where !line.isEmpty {
        _ = try decoder.decode(DecodedLine.self, from: line)
        decoded += 1
        bytes += line.count + 1
      }
      if bytes > 200_000_000 { break }  // enough for a stable figure
    }
    let decodeElapsed = seconds(clock.now - decodeStart)
    print(
      String(
        format: "jsondecoder: %.1f MB/s decoding only (%d lines, %.0f MB in %.2f s)",
        Double(bytes) / 1_000_000 / decodeElapsed,
        decoded,
        Double(bytes) / 1_000_000,
        decodeElapsed
      )
    )
  }
}
