import Foundation
import LLMPricing
import Testing

/// The billing rules through the command line and log ingestion, on the built-in catalog.
@Suite("Billing rules through quote and ingest")
struct BillingRulesIngestionTests {
  func ingest(_ lines: [String], catalog: Catalog = .builtIn) throws -> UsageReport {
    var ingestor = try UsageIngestor(catalog: catalog)
    for (number, line) in lines.enumerated() {
      ingestor.ingest(line: Data(line.utf8), number: number + 1)
    }
    return ingestor.currentReport()
  }

  @Test func gpt5FlexQuotedAndIngestedAlike() throws {
    // gpt-5's flex list is half its standard 1.25 / 10: 100,000 × $0.625 + 10,000 × $5,
    // per million = $0.0625 + $0.05 = $0.1125.
    let quote = try LLMCostBinary.run([
      "quote", "--model", "gpt-5", "--service-tier", "flex", "--input", "100000", "--output",
      "10000", "--at", "2026-11-01T04:00:00Z", "--currency", "USD", "--json",
    ])
    #expect(quote.status == 0, "\(quote.error)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(quote.output.utf8)) as? [String: Any]
    )
    #expect(object["total"] as? String == "0.1125")
    let line =
      #"{"timestamp": "2026-11-01T04:00:00Z", "model": "gpt-5", "service_tier": "flex", "#
      + #""usage": {"prompt_tokens": 100000, "completion_tokens": 10000}}"#
    let report = try ingest([line])
    #expect(report.priced == 1)
    #expect(report.total == FixedDecimal("0.1125"))
    // The same line at standard prices costs twice as much: $0.225.
    let standard = try ingest([
      line.replacingOccurrences(of: #""service_tier": "flex", "#, with: "")
    ])
    #expect(standard.total == FixedDecimal("0.225"))
    // OpenAI's new request name "fast" is priority, 2× for gpt-5: $0.45.
    let fast = try ingest([line.replacingOccurrences(of: "flex", with: "fast")])
    #expect(fast.total == FixedDecimal("0.45"))
  }

  @Test func anAnthropicLineCarriesItsSearchFee() throws {
    // claude-sonnet-4-6: 10,000 × $3 + 1,000 × $15 = $0.03 + $0.015, plus 4 searches at
    // $0.01 = $0.085. The first line takes the fast scanner, the second (a top-level
    // service_tier, here standard) the general path; both agree.
    let fast =
      #"{"timestamp": "2026-11-01T04:00:00Z", "model": "claude-sonnet-4-6", "usage": "#
      + #"{"input_tokens": 10000, "output_tokens": 1000, "server_tool_use": "#
      + #"{"web_search_requests": 4}, "inference_geo": "global"}}"#
    let general = fast.replacingOccurrences(
      of: #""usage""#,
      with: #""service_tier": "default", "usage""#
    )
    let report = try ingest([fast, general])
    #expect(report.priced == 2, "\(report.rejections)")
    #expect(report.total == FixedDecimal("0.17"))
    // US-only inference (from 2026-12-04) is ×1.1 on tokens: $0.045 × 1.1 + $0.04 = $0.0895.
    let us =
      fast.replacingOccurrences(of: "2026-11-01", with: "2026-12-05")
      .replacingOccurrences(of: #""global""#, with: #""us""#)
    #expect(try ingest([us]).total == FixedDecimal("0.0895"))
    // Before the uplift was seen, a US-only line is refused with the residencies sold.
    let early = fast.replacingOccurrences(of: #""global""#, with: #""us""#)
    let refused = try ingest([early])
    #expect(refused.rejected == 1)
    #expect(refused.rejections.first?.reason.contains("global") == true)
  }

  @Test func anUnknownServerToolIsRefusedNotDropped() throws {
    let line =
      #"{"timestamp": "2026-11-01T04:00:00Z", "model": "claude-sonnet-4-6", "usage": "#
      + #"{"input_tokens": 10, "output_tokens": 1, "server_tool_use": "#
      + #"{"code_execution_requests": 2}}}"#
    let report = try ingest([line])
    #expect(report.rejected == 1)
    #expect(report.rejections.first?.reason.contains("code_execution") == true)
  }

  @Test func freeCallsAreAppliedOncePerDayAcrossLines() throws {
    // A tool with 3 free calls a day at ¥0.05 a call, on a ¥1 / ¥2 sheet.
    let sheet = try PriceSheet(
      currency: .cny,
      tiers: [PriceTier(prices: ComponentPrices(input: dec("1"), output: dec("2")))],
      timeZone: "Asia/Shanghai",
      toolFees: [
        ToolFee(name: "search", perCall: dec("0.05"), freeCalls: .init(calls: 3, period: .day))
      ]
    )
    let offering = Offering(
      model: Model(id: "searcher", vendor: "test", family: "Test"),
      provider: .testCNY,
      region: "test",
      schedule: try schedule(sheet)
    )
    func line(_ time: String, calls: Int) -> String {
      #"{"timestamp": ""# + time + #"", "model": "searcher", "tool_calls": {"search": "#
        + "\(calls)" + #"}, "usage": {"prompt_tokens": 0, "completion_tokens": 0}}"#
    }
    // Day one (Beijing): 2 + 2 calls, 3 free, 1 billed = ¥0.05. Day two (16:00Z is
    // midnight in Beijing): 2 calls, both free again.
    let report = try ingest(
      [
        line("2026-11-01T01:00:00Z", calls: 2), line("2026-11-01T15:59:59Z", calls: 2),
        line("2026-11-01T16:00:00Z", calls: 2),
      ],
      catalog: Catalog(offerings: [offering])
    )
    #expect(report.priced == 3, "\(report.rejections)")
    #expect(report.total == FixedDecimal("0.05"))
    #expect(report.notes.contains { $0.contains("free search allowance") })
  }

  @Test func anOpenAIResponsesBodyCountsItsWebSearchCalls() throws {
    // gpt-5 at 2026-11-01: 10,000 in × $1.25 + 1,000 out × $10 = $0.0125 + $0.01, plus two
    // web_search_call items at $0.01 = $0.0425.
    let line =
      #"{"timestamp": "2026-11-01T04:00:00Z", "model": "gpt-5", "output": ["#
      + #"{"type": "web_search_call", "status": "completed"}, {"type": "web_search_call"}, "#
      + #"{"type": "message"}], "usage": {"input_tokens": 10000, "output_tokens": 1000}}"#
    let report = try ingest([line])
    #expect(report.priced == 1, "\(report.rejections)")
    #expect(report.total == FixedDecimal("0.0425"))
  }

  @Test func geminiFlexIsHalfPriceOnEitherSideOfTheNewYear() throws {
    let flash = try Catalog.builtIn.offering(model: "gemini-3.8-flash", currency: .usd)
    let usage = try TokenUsage(uncachedInput: 1_000_000, output: 1_000_000)
    let flex = RequestOptions(serviceTier: "flex")
    // 2026: (0.75 + 3.75) × 0.5 = $2.25; 2027: (1.50 + 7.50) × 0.5 = $4.50.
    #expect(
      try flash.schedule.cost(of: usage, at: instant("2026-12-05T00:00:00Z"), options: flex).total
        == Money(FixedDecimal("2.25"), .usd)
    )
    #expect(
      try flash.schedule.cost(of: usage, at: instant("2027-01-02T00:00:00Z"), options: flex).total
        == Money(FixedDecimal("4.5"), .usd)
    )
    // Before the rule was seen, and for priority (no per-model figure), refused.
    #expect(throws: PricingError.self) {
      try flash.schedule.cost(of: usage, at: instant("2026-11-05T00:00:00Z"), options: flex)
    }
    #expect(throws: PricingError.self) {
      try flash.schedule.cost(
        of: usage,
        at: instant("2026-12-05T00:00:00Z"),
        options: RequestOptions(serviceTier: "priority")
      )
    }
  }

  /// The total of `llm-cost quote --json` with these arguments.
  func quoteTotal(_ arguments: [String]) throws -> String? {
    let result = try LLMCostBinary.run(["quote"] + arguments + ["--json"])
    #expect(result.status == 0, "\(result.error)")
    let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    return object?["total"] as? String
  }

  @Test func everyRuleThroughQuote() throws {
    // claude-sonnet-5-5 on 2026-12-05: 100,000 in × $2 + 10,000 out × $10 = $0.30; US-only
    // ×1.1 = $0.33; three searches add $0.03: $0.36.
    #expect(
      try quoteTotal([
        "--model", "claude-sonnet-5-5", "--input", "100000", "--output", "10000", "--at",
        "2026-12-05T00:00:00Z", "--residency", "us", "--tool", "web_search=3",
      ]) == "0.36"
    )
    // qwen-plus (CNY, ≤128K) declared thinking: 10,000 in × ¥0.8 + 1,000 out × ¥8 = ¥0.016.
    #expect(
      try quoteTotal([
        "--model", "qwen-plus", "--currency", "CNY", "--input", "10000", "--output", "1000",
        "--at", "2026-01-10T04:00:00Z", "--thinking", "on",
      ]) == "0.016"
    )
    // gpt-6.2-sol: 100,000 in of which 40,000 twelve-hour writes: 60,000 × $2 + 40,000 × $5
    // + 1,000 × $10 = $0.12 + $0.20 + $0.01 = $0.33.
    #expect(
      try quoteTotal([
        "--model", "gpt-6.2-sol", "--input", "100000", "--cache-write-12h", "40000", "--output",
        "1000", "--at", "2026-12-01T00:00:00Z",
      ]) == "0.33"
    )
    // doubao-seed-1.6 with 3,000,000 cache token-hours at ¥0.017: 10,000 × ¥0.8 + 100 × ¥2
    // + ¥0.051 = ¥0.0592.
    #expect(
      try quoteTotal([
        "--model", "doubao-seed-1.6", "--input", "10000", "--output", "100", "--at",
        "2026-01-05T04:00:00Z", "--cache-token-hours", "3000000",
      ]) == "0.0592"
    )
    // A bad --tool is a usage error naming the expected form.
    let bad = try LLMCostBinary.run([
      "quote", "--model", "gpt-5", "--input", "1", "--output", "1", "--tool", "web_search",
    ])
    #expect(bad.status == 2)
    #expect(bad.error.contains("NAME=CALLS"))
  }

  @Test func aThinkingLineIsBilledAsAThinkingRequest() throws {
    // qwen-plus (CNY) log line with reasoning tokens: 10,000 in × ¥0.8 + (500 + 3,000) out
    // × ¥8 = ¥0.008 + ¥0.028 = ¥0.036.
    let line =
      #"{"timestamp": "2026-01-10T04:00:00Z", "model": "qwen-plus", "usage": "#
      + #"{"prompt_tokens": 10000, "completion_tokens": 3500, "#
      + #""completion_tokens_details": {"reasoning_tokens": 3000}}}"#
    var ingestor = try UsageIngestor(currency: .cny)
    ingestor.ingest(line: Data(line.utf8), number: 1)
    let report = ingestor.currentReport()
    #expect(report.priced == 1, "\(report.rejections)")
    #expect(report.total == FixedDecimal("0.036"))
  }

  @Test func cacheStorageThroughALogLine() throws {
    // doubao-seed-1.6: 10,000 in × ¥0.8 + 100 out × ¥2 + 3,000,000 token-hours × ¥0.017 / 1M
    // = ¥0.008 + ¥0.0002 + ¥0.051 = ¥0.0592, as the quote gives.
    let line =
      #"{"timestamp": "2026-01-05T04:00:00Z", "model": "doubao-seed-1.6", "#
      + #""cache_token_hours": 3000000, "usage": {"prompt_tokens": 10000, "completion_tokens": 100}}"#
    let report = try ingest([line])
    #expect(report.priced == 1, "\(report.rejections)")
    #expect(report.total == FixedDecimal("0.0592"))
  }

  @Test func openAIRegionalProcessingOnlyOnModelsFromMarch2026() throws {
    // gpt-5.5 through a regional endpoint: (100,000 × $5 + 10,000 × $30) × 1.1 = $0.88.
    #expect(
      try quoteTotal([
        "--model", "gpt-5.5", "--input", "100000", "--output", "10000", "--at",
        "2026-11-01T00:00:00Z", "--residency", "regional",
      ]) == "0.88"
    )
    // gpt-5 (2025) is not eligible: refused, naming what its sheet sells.
    let old = try LLMCostBinary.run([
      "quote", "--model", "gpt-5", "--input", "1", "--output", "1", "--at",
      "2026-11-01T00:00:00Z", "--residency", "regional",
    ])
    #expect(old.status != 0)
    #expect(old.error.contains("global"))
  }
}
