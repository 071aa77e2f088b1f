import Foundation
import LLMPricing
import Testing

/// One entry of `Fixtures/Responses/expected.json`.
struct ResponseFixture: Decodable, Sendable, CustomTestStringConvertible {
  struct Expected: Decodable, Sendable {
    var promptTotalInput: Int
    var cacheRead: Int
    var cacheWrite5m: Int
    var cacheWrite1h: Int
    var output: Int
    var reasoning: Int
  }
  var file: String
  var format: String
  var model: String?
  var expected: Expected

  var testDescription: String { file }

  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/Responses")

  static let all: [ResponseFixture] = {
    let url = directory.appendingPathComponent("expected.json")
    guard let data = try? Data(contentsOf: url),
      let fixtures = try? JSONDecoder().decode([ResponseFixture].self, from: data)
    else { return [] }
    return fixtures
  }()

  var data: Data {
    get throws { try Data(contentsOf: Self.directory.appendingPathComponent(file)) }
  }

  func check(_ usage: TokenUsage, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(usage.totalInput == expected.promptTotalInput, sourceLocation: sourceLocation)
    #expect(usage.cacheRead == expected.cacheRead, sourceLocation: sourceLocation)
    #expect(usage.cacheWrite == expected.cacheWrite5m, sourceLocation: sourceLocation)
    #expect(usage.cacheWrite1h == expected.cacheWrite1h, sourceLocation: sourceLocation)
    #expect(usage.output == expected.output, sourceLocation: sourceLocation)
    #expect(usage.reasoning == expected.reasoning, sourceLocation: sourceLocation)
  }
}

@Suite("Provider response parsers")
struct UsageParserTests {
  @Test func everyFixtureIsListed() {
    #expect(ResponseFixture.all.count >= 18)
  }

  @Test(
    "Every provider's response parses with its convention",
    arguments: ResponseFixture.all.filter { $0.file.hasSuffix(".json") }
  )
  func responses(fixture: ResponseFixture) throws {
    let parsed = try UsageParser.parse(fixture.data)
    fixture.check(parsed.usage)
    #expect(parsed.format.rawValue == fixture.format)
    // Some native bodies (DashScope, Hunyuan, Qianfan v1) carry no model field.
    let body = String(decoding: try fixture.data, as: UTF8.self)
    if let model = fixture.model, body.contains("\"model\"") || body.contains("\"modelVersion\"") {
      #expect(parsed.model == model)
    }
    // Detection agrees with the explicit format.
    let explicit = try UsageParser.parse(fixture.data, format: parsed.format)
    #expect(explicit == parsed)
  }

  @Test(
    "Streams accumulate to their final usage, however they are chunked",
    arguments: ResponseFixture.all.filter { $0.file.hasSuffix(".txt") }
  )
  func streams(fixture: ResponseFixture) throws {
    let lf = String(decoding: try fixture.data, as: UTF8.self)
    // SSE allows LF, CRLF and CR line endings; proxies rewrite them.
    let endings = [
      lf, lf.replacingOccurrences(of: "\n", with: "\r\n"),
      lf.replacingOccurrences(of: "\n", with: "\r"),
    ]
    for text in endings {
      for chunkSize in [1, 7, 64, text.utf8.count] {
        var stream = UsageStreamAccumulator()
        var remaining = Substring(text)
        while !remaining.isEmpty {
          try stream.consume(String(remaining.prefix(chunkSize)))
          remaining = remaining.dropFirst(chunkSize)
        }
        let parsed = try stream.result()
        fixture.check(parsed.usage)
        #expect(parsed.format.rawValue == fixture.format)
      }
    }
  }

  @Test func aCRLFSplitAcrossChunksEndsOneLine() throws {
    var stream = UsageStreamAccumulator()
    try stream.consume(#"data: {"usage": {"prompt_tokens": 10, "completion_tokens": 2}}"# + "\r")
    try stream.consume("\n\r\ndata: [DONE]\r\n")
    let parsed = try stream.result()
    #expect(parsed.usage.totalInput == 10 && parsed.usage.totalOutput == 2)
  }

  @Test func aLongEventInSmallChunksIsReadOnceAndWhole() throws {
    // A 1 MB event (a long "note") fed 16 bytes at a time: 65,536 chunks, each appended
    // without searching the whole buffer again, so this takes linear time.
    let note = String(repeating: "x", count: 1 << 20)
    let event =
      #"data: {"note": "\#(note)", "usage": {"prompt_tokens": 7, "completion_tokens": 3}}"# + "\n\n"
    var stream = UsageStreamAccumulator()
    let clock = ContinuousClock()
    let elapsed = try clock.measure {
      var index = event.startIndex
      while index < event.endIndex {
        let end = event.index(index, offsetBy: 16, limitedBy: event.endIndex) ?? event.endIndex
        try stream.consume(String(event[index..<end]))
        index = end
      }
    }
    let parsed = try stream.result()
    #expect(parsed.usage.totalInput == 7 && parsed.usage.totalOutput == 3)
    #expect(elapsed < .seconds(30), "\(elapsed)")
  }

  @Test(
    "Counts that would overflow are rejected, not trapped",
    arguments: [
      #"{"usageMetadata": {"promptTokenCount": 1, "candidatesTokenCount": 9223372036854775807, "thoughtsTokenCount": 1}}"#,
      #"{"usage": {"prompt_cache_hit_tokens": 9223372036854775807, "prompt_cache_miss_tokens": 1}}"#,
    ]
  )
  func overflowingCounts(json: String) {
    let error = #expect(throws: PricingError.self) { try UsageParser.parse(Data(json.utf8)) }
    #expect(error?.code == .invalidUsage)
  }

  @Test func inclusiveAndAdditiveConventionsPriceTheSameTokensTheSame() throws {
    // The same 10,000-token prompt with 8,000 cached, reported both ways.
    let openAI = try UsageParser.parse(
      Data(
        #"{"usage": {"prompt_tokens": 10000, "completion_tokens": 500, "prompt_tokens_details": {"cached_tokens": 8000}}}"#
          .utf8
      )
    )
    let anthropic = try UsageParser.parse(
      Data(
        #"{"type": "message", "usage": {"input_tokens": 2000, "cache_read_input_tokens": 8000, "output_tokens": 500}}"#
          .utf8
      )
    )
    #expect(openAI.usage == anthropic.usage)
    #expect(openAI.format == .openAIChat && anthropic.format == .anthropic)
  }

  @Test(
    "Unknown or broken usage is a typed error naming what was found",
    arguments: [
      (#"{"id": "x", "choices": []}"#, "keys [\"choices\", \"id\"]"),
      (#"{"usage": {"tokens": 5}}"#, "usage keys: [\"tokens\"]"),
      (#"[1, 2]"#, "not a JSON object"),
      (#"{"usage": {"prompt_tokens": -1, "completion_tokens": 1}}"#, "prompt_tokens is -1"),
      (#"{"usage": {"prompt_tokens": 1.5, "completion_tokens": 1}}"#, "prompt_tokens is 1.5"),
      (
        #"{"usage": {"prompt_tokens": "7", "completion_tokens": 1}}"#,
        "prompt_tokens is not a number"
      ),
      (
        #"{"usage": {"prompt_tokens": 10, "completion_tokens": 1, "prompt_tokens_details": {"cached_tokens": 11}}}"#,
        "exceed"
      ),
      (
        #"{"usage": {"prompt_tokens": 10, "prompt_cache_hit_tokens": 3, "prompt_cache_miss_tokens": 3, "completion_tokens": 1}}"#,
        "≠ prompt_tokens"
      ),
    ]
  )
  func errors(json: String, mentions: String) {
    let error = #expect(throws: PricingError.self) { try UsageParser.parse(Data(json.utf8)) }
    #expect(error?.message.contains(mentions) == true, "\(error?.message ?? "")")
  }

  @Test func openAIStreamsWithoutUsageSayHowToGetIt() throws {
    var stream = UsageStreamAccumulator()
    try stream.consume(
      "data: {\"choices\": [{\"delta\": {\"content\": \"hi\"}}], \"usage\": null}\n\ndata: [DONE]\n"
    )
    let error = #expect(throws: PricingError.self) { try stream.result() }
    #expect(error?.message.contains("include_usage") == true)
  }
}
