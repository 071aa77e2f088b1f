import Foundation
import LLMPricing
import Testing

/// One bad input and what it must produce: a typed error whose message has these words.
///
/// The words are the ones the message must say by design: the bad value, its key path, or
/// the fix. No case may end with a number unless the number is right.
struct BadInput: Sendable, CustomTestStringConvertible {
  enum Kind: Sendable {
    /// A usage-log line: rejected, not priced, with the words in its reason.
    case logLine(String)
    /// Raw bytes as a usage-log line.
    case logBytes([UInt8])
    /// A library call that must throw a ``PricingError`` with this code.
    case library(PricingError.Code, @Sendable () throws -> Void)
    /// `llm-cost` with these arguments (a `FILE` argument is replaced by a file holding
    /// `file`): must exit with a non-zero status and the words on standard error.
    case cli([String], file: [UInt8]?)
  }

  var name: String
  var kind: Kind
  var words: [String]

  var testDescription: String { name }
}

/// Builds the table's rows tersely.
private func line(_ name: String, _ text: String, _ words: String...) -> BadInput {
  BadInput(name: name, kind: .logLine(text), words: words)
}

private func lib(
  _ name: String,
  _ code: PricingError.Code,
  _ words: [String],
  _ body: @escaping @Sendable () throws -> Void
) -> BadInput {
  BadInput(name: name, kind: .library(code, body), words: words)
}

private func cli(
  _ name: String,
  _ arguments: [String],
  file: String? = nil,
  _ words: String...
)
  -> BadInput
{
  BadInput(name: name, kind: .cli(arguments, file: file.map { Array($0.utf8) }), words: words)
}

/// A valid DeepSeek line, with `%USAGE%`, `%TS%` and `%MODEL%` to replace.
private let template =
  #"{"timestamp": "%TS%", "model": "%MODEL%", "provider": "deepseek", "usage": %USAGE%}"#
private let goodUsage = #"{"prompt_tokens": 6912, "completion_tokens": 910}"#

private func deepSeek(
  usage: String = goodUsage,
  timestamp: String = "2025-10-01T04:00:00Z",
  model: String = "deepseek-chat"
) -> String {
  template.replacingOccurrences(of: "%USAGE%", with: usage)
    .replacingOccurrences(of: "%TS%", with: timestamp)
    .replacingOccurrences(of: "%MODEL%", with: model)
}

private func count(_ value: String) -> String {
  deepSeek(usage: #"{"prompt_tokens": \#(value), "completion_tokens": 910}"#)
}

/// A workload file with one member replaced or added.
private func workload(_ extra: String) -> Data {
  Data(#"{"name": "x", "sessionsPerDay": 10, "outputTokens": 200\#(extra)}"#.utf8)
}

/// A minimal valid catalog: one DeepSeek offering, with `%PRICE%` for its input price.
private let catalogTemplate = #"""
  {"offerings": [{"provider": {"id": "test", "name": "Test", "country": "CN", "homeCurrency": "CNY",
     "pricingPage": "https://example.com", "timeZone": "Asia/Shanghai"},
   "model": {"id": "test-model", "aliases": [], "vendor": "test", "family": "Test", "modalities": ["text"]},
   "region": "mainland China",
   "schedule": {"entries": [{"effectiveFrom": "2025-01-01T00:00:00Z",
     "sheet": {"currency": "CNY", "tiers": [{"input": {"lower": 0, "lowerIsInclusive": true,
       "upperIsInclusive": true}, "prices": {"input": %PRICE%, "output": "8"}}]},
     "provenance": {"source": "https://example.com", "observed": "2025-01-01", "confidence": "official"}}]}}]}
  """#

private func catalog(price: String = #""2""#, _ change: (String) -> String = { $0 }) -> Data {
  Data(change(catalogTemplate.replacingOccurrences(of: "%PRICE%", with: price)).utf8)
}

private let badInputs: [BadInput] = [
  // MARK: JSON grammar, in log lines
  line("a bare word", #"{"timestamp": "2025-10-01T04:00:00Z", "model": deepseek}"#, "bare words"),
  line(
    "a missing value",
    #"{"timestamp": "2025-10-01T04:00:00Z", "model": , "usage": {}}"#,
    "value is missing"
  ),
  line("a leading zero", count("06912"), "leading zero"),
  line("a stray ampersand", deepSeek() + "&", "unexpected '&'"),
  line("a trailing comma in usage", deepSeek(usage: #"{"prompt_tokens": 1,}"#), "trailing comma"),
  line("an unclosed object", String(deepSeek().dropLast()), "not closed"),
  line(
    "an unclosed string",
    #"{"timestamp": "2025-10-01T04:00:00Z", "model": "deeps"#,
    "not closed"
  ),
  line("a raw tab inside a string", deepSeek(model: "deepseek\tchat"), "control character"),
  line("a lone surrogate escape", deepSeek(model: #"deepseek\udc00"#), "lone low surrogate"),
  line("a high surrogate alone", deepSeek(model: #"deepseek\ud800x"#), "high surrogate"),
  line("an unknown escape", deepSeek(model: #"deepseek\x"#), "unknown escape"),
  line("a short \\u escape", deepSeek(model: #"deepseek\u12"#), "four hex digits"),
  line(
    "nesting deeper than 128",
    #"{"timestamp": "2025-10-01T04:00:00Z", "x": "# + String(repeating: "[", count: 200)
      + String(repeating: "]", count: 200) + "}",
    "deeper than 128"
  ),
  line("an array at the top", "[" + deepSeek() + "]", "must be a JSON object"),
  line("a string at the top", #""deepseek""#, "must be a JSON object"),
  line("two objects on one line (CR-only line ends)", deepSeek() + "\r" + deepSeek(), "CR alone"),
  line("two objects side by side", deepSeek() + deepSeek(), "after the value"),
  line("a value after the object", deepSeek() + " 1", "after the value"),
  line("an empty object", "{}", #"missing "timestamp""#),
  line("a minus sign alone", count("-"), "minus sign"),
  line("a decimal point without digits", count("1."), "decimal point"),
  line("an exponent without digits", count("1e"), "exponent"),
  line("TRUE in capitals", deepSeek(usage: #"{"prompt_tokens": TRUE}"#), "bare words"),
  line("a single-quoted string", #"{'timestamp': 1}"#, "double quotes"),
  line("a missing colon", #"{"timestamp" "2025-10-01T04:00:00Z"}"#, "expected ':'"),
  line("a missing comma", #"{"timestamp": 1 "model": "x"}"#, "expected ',' or '}'"),
  BadInput(
    name: "a byte that is not UTF-8 in a string",
    kind: .logBytes(
      Array(deepSeek(model: "deepseek-chat").utf8).replacing([0x63, 0x68], with: [0xC3, 0x28])
    ),
    words: ["not UTF-8"]
  ),
  BadInput(
    name: "an overlong UTF-8 slash",
    kind: .logBytes(
      Array(deepSeek(model: "deepseek@chat").utf8).replacing([0x40], with: [0xC0, 0xAF])
    ),
    words: ["not UTF-8"]
  ),
  BadInput(
    name: "binary bytes",
    kind: .logBytes([0x00, 0xFF, 0x10, 0x7B]),
    words: ["unexpected byte 0x0"]
  ),
  BadInput(
    name: "a byte order mark inside a log",
    kind: .logBytes([0xEF, 0xBB, 0xBF] + Array(deepSeek().utf8)),
    words: ["byte 0xEF"]
  ),

  // MARK: Duplicate keys and null
  line(
    "a duplicate top-level key",
    deepSeek().replacingOccurrences(
      of: #""provider""#,
      with: #""model": "deepseek-reasoner", "provider""#
    ),
    #"duplicate key "model""#
  ),
  line(
    "a duplicate usage key",
    deepSeek(usage: #"{"prompt_tokens": 6912, "prompt_tokens": 1}"#),
    #"duplicate key "prompt_tokens""#,
    "`usage`"
  ),
  line(
    "a duplicate key spelt with an escape",
    deepSeek().replacingOccurrences(of: #""provider""#, with: #""mod\u0065l": "x", "provider""#),
    #"duplicate key "model""#
  ),
  line(
    "a duplicate key in a nested object",
    deepSeek(
      usage:
        #"{"prompt_tokens": 10, "prompt_tokens_details": {"cached_tokens": 1, "cached_tokens": 2}}"#
    ),
    "duplicate key",
    "prompt_tokens_details"
  ),
  line("a null usage", deepSeek(usage: "null"), #"missing "usage" object"#),
  line(
    "a null model",
    #"{"timestamp": "2025-10-01T04:00:00Z", "model": null, "usage": {"prompt_tokens": 1}}"#,
    #"missing "model""#
  ),
  line(
    "a null timestamp",
    #"{"timestamp": null, "model": "deepseek-chat", "usage": {"prompt_tokens": 1}}"#,
    "timestamp"
  ),

  // MARK: Counts
  line("a negative count", count("-5"), "usage.prompt_tokens is -5", "≥ 0"),
  line("a count of 10^15", count("1000000000000000"), "10^15"),
  line("a count past Int", count("99999999999999999999999"), "whole number"),
  line("a fractional count", count("12.5"), "usage.prompt_tokens is 12.5"),
  line("a count in exponent form", count("1e3"), "usage.prompt_tokens is 1e3"),
  line("a count as a string", count(#""12""#), "not a number"),
  line("a count as an object", count(#"{"n": 1}"#), "not a number"),
  line(
    "a cached count above the prompt",
    deepSeek(usage: #"{"prompt_tokens": 10, "prompt_tokens_details": {"cached_tokens": 20}}"#),
    "20"
  ),
  line(
    "hit + miss not the prompt",
    deepSeek(
      usage: #"{"prompt_tokens": 10, "prompt_cache_hit_tokens": 4, "prompt_cache_miss_tokens": 4}"#
    ),
    "≠ prompt_tokens (10)"
  ),
  line("requests of 0", deepSeek(usage: #"{"uncachedInput": 10, "requests": 0}"#), "requests is 0"),
  line(
    "negative tool calls",
    deepSeek().replacingOccurrences(
      of: #""provider""#,
      with: #""tool_calls": {"web_search": -1}, "provider""#
    ),
    "tool_calls.web_search is -1"
  ),

  // MARK: Ids, dates and options
  line("an unknown model", deepSeek(model: "deepseek-chatt"), "deepseek-chatt", "deepseek-chat"),
  line("an empty model", deepSeek(model: ""), #"missing "model""#),
  line("a date before the price data", deepSeek(timestamp: "2020-01-01T00:00:00Z"), "2020"),
  line(
    "a day that does not exist",
    deepSeek(timestamp: "2025-02-29T12:00:00Z"),
    "2025-02-29T12:00:00Z"
  ),
  line(
    "an hour that does not exist",
    deepSeek(timestamp: "2025-06-01T25:00:00Z"),
    "2025-06-01T25:00:00Z"
  ),
  line(
    "letters for separators",
    deepSeek(timestamp: "2025x06y01T03a00b00Z"),
    "2025x06y01T03a00b00Z"
  ),
  line(
    "epoch seconds past year 9999",
    #"{"timestamp": 253402300800, "model": "deepseek-chat", "usage": {"prompt_tokens": 1}}"#,
    "year 9999"
  ),
  line(
    "fractional epoch seconds",
    #"{"timestamp": 1759291200.5, "model": "deepseek-chat", "usage": {"prompt_tokens": 1}}"#,
    "whole number"
  ),
  line(
    "an unknown format",
    deepSeek().replacingOccurrences(of: #""provider""#, with: #""format": "openai", "provider""#),
    #""format" is "openai""#,
    "openAIChat"
  ),
  line(
    "a format that is not a string",
    deepSeek().replacingOccurrences(of: #""provider""#, with: #""format": 3, "provider""#),
    #""format" must be a string"#
  ),
  line(
    "a provider that is not a string",
    deepSeek().replacingOccurrences(of: #""provider": "deepseek""#, with: #""provider": 7"#),
    #""provider" must be a string"#
  ),
  line(
    "keys of two formats in one usage",
    deepSeek(
      usage:
        #"{"input_tokens": 10, "input_tokens_details": {"cached_tokens": 1}, "prompt_tokens_details": {"cached_tokens": 1}}"#
    ),
    "mixes keys"
  ),
  line(
    "thinking that is not a boolean",
    deepSeek().replacingOccurrences(of: #""provider""#, with: #""thinking": "yes", "provider""#),
    #""thinking" must be true or false"#
  ),
  line(
    "a service tier that is a number",
    deepSeek().replacingOccurrences(of: #""provider""#, with: #""service_tier": 5, "provider""#),
    #""service_tier" must be a string"#
  ),
  line(
    "tool calls as a list",
    deepSeek().replacingOccurrences(of: #""provider""#, with: #""tool_calls": [1], "provider""#),
    "must map fee names"
  ),
  line(
    "no usage object at all",
    #"{"timestamp": "2025-10-01T04:00:00Z", "model": "deepseek-chat"}"#,
    #"missing "usage" object"#
  ),
  line("a usage with no known format", deepSeek(usage: #"{"tokens": 5}"#), "no known usage format"),

  // MARK: Files, through the library
  lib("an empty catalog", .invalidData, ["empty"]) { _ = try Catalog.decode(from: Data()) },
  lib("a catalog of white space", .invalidData, ["only white space"]) {
    _ = try Catalog.decode(from: Data("  \n".utf8))
  },
  lib("a binary catalog", .invalidData, ["not valid JSON"]) {
    _ = try Catalog.decode(from: Data([0x00, 0x01, 0xFE]))
  },
  lib("a catalog that is a list", .invalidData, ["JSON object"]) {
    _ = try Catalog.decode(from: Data("[]".utf8))
  },
  lib(
    "a misspelt top-level catalog key",
    .invalidData,
    ["unknown key `offering`", "did you mean `offerings`?"]
  ) {
    _ = try Catalog.decode(from: Data(#"{"offering": []}"#.utf8))
  },
  lib(
    "a misspelt price key",
    .invalidData,
    ["unknown key `cachedRead`", "did you mean `cacheRead`?", "tiers[0].prices"]
  ) {
    _ = try Catalog.decode(
      from: catalog {
        $0.replacingOccurrences(of: #""output": "8""#, with: #""output": "8", "cachedRead": "0.2""#)
      }
    )
  },
  lib("a duplicate price key", .invalidData, [#"duplicate key "output""#]) {
    _ = try Catalog.decode(
      from: catalog {
        $0.replacingOccurrences(of: #""output": "8""#, with: #""output": "8", "output": "9""#)
      }
    )
  },
  lib("a per-token price", .invalidData, ["is this a per-token price?", "would be 0.5"]) {
    _ = try Catalog.decode(from: catalog(price: #""0.0000005""#))
  },
  lib("a price with 40 significant digits", .invalidData, ["fractional digits"]) {
    _ = try Catalog.decode(from: catalog(price: "2.000000000000000000000000000000000000001"))
  },
  lib("a price of 1e400", .invalidData, ["1e400"]) {
    _ = try Catalog.decode(from: catalog(price: "1e400"))
  },
  lib("a price that is a boolean", .invalidData, ["prices.input", "true"]) {
    _ = try Catalog.decode(from: catalog(price: "true"))
  },
  lib("a negative context window", .invalidData, ["contextWindow", "-5"]) {
    _ = try Catalog.decode(
      from: catalog {
        $0.replacingOccurrences(
          of: #""family": "Test""#,
          with: #""family": "Test", "contextWindow": -5"#
        )
      }
    )
  },
  lib("an impossible effective date", .invalidData, ["2025-02-30T00:00:00Z"]) {
    _ = try Catalog.decode(
      from: catalog {
        $0.replacingOccurrences(of: "2025-01-01T00:00:00Z", with: "2025-02-30T00:00:00Z")
      }
    )
  },
  lib(
    "a misspelt workload key",
    .invalidData,
    ["unknown key `cacheHitRate`", "did you mean `cacheHitRatio`?"]
  ) {
    _ = try WorkloadProfile.decode(from: workload(#", "cacheHitRate": "0.5""#))
  },
  lib("negative sessions", .invalidData, ["sessionsPerDay"]) {
    _ = try WorkloadProfile.decode(
      from: Data(#"{"name": "x", "sessionsPerDay": -1, "outputTokens": 1}"#.utf8)
    )
  },
  lib("sessions past Int", .invalidData, ["sessionsPerDay", "out of range"]) {
    _ = try WorkloadProfile.decode(
      from: Data(#"{"name": "x", "sessionsPerDay": 99999999999999999999, "outputTokens": 1}"#.utf8)
    )
  },
  lib("fractional sessions", .invalidData, ["sessionsPerDay", "not a whole number"]) {
    _ = try WorkloadProfile.decode(
      from: Data(#"{"name": "x", "sessionsPerDay": 1.5, "outputTokens": 1}"#.utf8)
    )
  },
  lib("a cache hit ratio above 1", .invalidData, ["cacheHitRatio"]) {
    _ = try WorkloadProfile.decode(from: workload(#", "cacheHitRatio": "1.5""#))
  },
  lib("a workload with the name as a number", .invalidData, ["name", "expected"]) {
    _ = try WorkloadProfile.decode(
      from: Data(#"{"name": 5, "sessionsPerDay": 1, "outputTokens": 1}"#.utf8)
    )
  },
  lib(
    "a misspelt rate-file key",
    .invalidData,
    ["rates.json", "unknown key `rat`", "did you mean `rate`?"]
  ) {
    _ = try ExchangeRates.rates(
      fromFile: Data(
        #"[{"base": "USD", "quote": "CNY", "rat": "7.1", "asOf": "2025-01-01"}]"#.utf8
      ),
      named: "rates.json"
    )
  },
  lib(
    "a report with an unknown key",
    .invalidData,
    ["unknown key `totl`", "`formatVersion` is missing"]
  ) {
    _ = try UsageReport.decode(from: Data(#"{"totl": "1"}"#.utf8))
  },
  lib("a response that is not JSON", .invalidData, ["not valid JSON"]) {
    _ = try UsageParser.parse(Data("{usage: 1}".utf8))
  },
  lib("a response with no usage", .invalidData, ["no known usage format"]) {
    _ = try UsageParser.parse(Data(#"{"id": "x"}"#.utf8))
  },
  lib("a decimal with two points", .invalidNumber, ["1.2.3"]) { _ = try dec("1.2.3") },
  lib("an empty decimal", .invalidNumber, ["empty"]) { _ = try dec("") },
  lib("a decimal past the range", .overflow, ["1e40"]) { _ = try dec("1e40") },
  lib("hex is not a decimal", .invalidNumber, ["0x10"]) { _ = try dec("0x10") },
  lib("yuan plus dollars", .currencyMismatch, ["CNY", "USD"]) {
    _ = try Money(FixedDecimal(1), .cny) + Money(FixedDecimal(1), .usd)
  },
  lib("a negative token count", .invalidUsage, ["-1"]) { _ = try TokenUsage(uncachedInput: -1) },
  lib("a product past the range", .overflow, []) {
    _ = try FixedDecimal("100000000000000000000") * FixedDecimal("100000000000000000000")
  },
  lib("an unknown model id", .unknownModel, ["gpt-4oo", "gpt-4o"]) {
    _ = try Catalog.builtIn.offering(model: "gpt-4oo", currency: .usd)
  },

  // MARK: The CLI
  cli(
    "an unknown model",
    ["quote", "--model", "deepseek-chatt", "--input", "1", "--output", "1"],
    "deepseek-chat"
  ),
  cli(
    "a negative input",
    ["quote", "--model", "deepseek-chat", "--input", "-5", "--output", "1"],
    "--input"
  ),
  cli(
    "an input past Int",
    ["quote", "--model", "deepseek-chat", "--input", "99999999999999999999999", "--output", "1"],
    "whole number"
  ),
  cli(
    "--at on a day that does not exist",
    [
      "quote", "--model", "deepseek-chat", "--input", "1", "--output", "1", "--at",
      "2025-02-29T12:00:00Z",
    ],
    "2025-02-29T12:00:00Z"
  ),
  cli(
    "--at at hour 25",
    [
      "quote", "--model", "deepseek-chat", "--input", "1", "--output", "1", "--at",
      "2025-06-01T25:00:00Z",
    ],
    "2025-06-01T25:00:00Z"
  ),
  cli(
    "an unknown currency",
    ["quote", "--model", "deepseek-chat", "--input", "1", "--output", "1", "--currency", "XYZ"],
    "XYZ"
  ),
  cli(
    "a misspelt option",
    ["quote", "--model", "deepseek-chat", "--inptu", "1"],
    "unknown option '--inptu'"
  ),
  cli("an option without its value", ["quote", "--model"], "--model needs a value"),
  cli("an unknown subcommand", ["quot"], "quot"),
  cli(
    "an unknown --format",
    ["ingest", "FILE", "--format", "openai"],
    file: "",
    "--format 'openai'",
    "openAIResponses"
  ),
  cli("a directory as a usage log", ["ingest", "/tmp"], "'/tmp' is a directory"),
  cli(
    "a rejected line under --strict",
    ["ingest", "FILE", "--strict"],
    file:
      #"{"timestamp": "2025-10-01T04:00:00Z", "model": "deepseek-chat", "usage": {"prompt_tokens": 1,}}"#,
    "--strict"
  ),
  cli(
    "a usage log that does not exist",
    ["ingest", "/nonexistent/usage.jsonl"],
    "/nonexistent/usage.jsonl"
  ),
  cli(
    "a misspelt workload key",
    ["monthly", "--workload", "FILE", "--model", "deepseek-chat", "--month", "2026-11"],
    file: #"{"name": "x", "sessionsPerDay": 1, "outputTokens": 1, "systemPrompt": 5}"#,
    "unknown key `systemPrompt`",
    "did you mean `systemPromptTokens`?"
  ),
  cli(
    "an empty catalog file",
    ["quote", "--model", "deepseek-chat", "--input", "1", "--output", "1", "--catalog", "FILE"],
    file: "",
    "empty"
  ),
  cli(
    "a binary catalog file",
    ["quote", "--model", "deepseek-chat", "--input", "1", "--output", "1", "--catalog", "FILE"],
    file: "\u{01}\u{02}",
    "not valid JSON"
  ),
  cli(
    "a rate file with an unknown key",
    [
      "quote", "--model", "deepseek-chat", "--input", "1", "--output", "1", "--currency", "USD",
      "--fx-file", "FILE",
    ],
    file: #"[{"base": "USD", "quote": "CNY", "rate": "7.1", "asOf": "2025-01-01", "sauce": "x"}]"#,
    "unknown key `sauce`",
    "did you mean `source`?"
  ),
  cli(
    "a partial report with an unknown key",
    ["ingest", "--merge", "FILE"],
    file: #"{"formatVersion": 1, "totl": "1"}"#,
    "unknown key `totl`"
  ),
]

@Suite("Bad inputs")
struct BadInputTableTests {
  @Test func theTableIsLargeEnough() throws {
    #expect(badInputs.count >= 80)
    // The catalog the file cases break is itself valid: each case fails for its own change.
    let valid = try Catalog.decode(from: catalog())
    #expect(valid.offerings.count == 1)
  }

  @Test("A bad input gets a typed error that names it", arguments: badInputs)
  func badInputIsRefused(_ input: BadInput) throws {
    switch input.kind {
    case .logLine(let text):
      try expectRejected(Array(text.utf8), input)
    case .logBytes(let bytes):
      try expectRejected(bytes, input)
    case .library(let code, let body):
      do {
        try body()
        Issue.record("\(input.name): no error")
      } catch let error as PricingError {
        #expect(error.code == code, "\(input.name): \(error)")
        for word in input.words {
          #expect(error.message.contains(word), "\(input.name): '\(word)' not in \(error.message)")
        }
      }
    case .cli(let arguments, let file):
      var arguments = arguments
      var url: URL?
      if let file {
        let path = FileManager.default.temporaryDirectory
          .appendingPathComponent("bad-input-\(UUID().uuidString).json")
        try Data(file).write(to: path)
        url = path
        arguments = arguments.map { $0 == "FILE" ? path.path : $0 }
      }
      defer { url.map { try? FileManager.default.removeItem(at: $0) } }
      let result = try LLMCostBinary.run(arguments)
      #expect(result.status != 0, "\(input.name): exit 0 with \(result.output)")
      for word in input.words {
        #expect(result.error.contains(word), "\(input.name): '\(word)' not in \(result.error)")
      }
    }
  }

  private func expectRejected(_ bytes: [UInt8], _ input: BadInput) throws {
    var ingestor = try UsageIngestor()
    ingestor.ingest(line: Data(bytes), number: 1)
    let report = ingestor.currentReport()
    #expect(report.priced == 0, "\(input.name): priced \(report.total)")
    let reason = try #require(report.rejections.first?.reason, "\(input.name): not rejected")
    for word in input.words {
      #expect(reason.contains(word), "\(input.name): '\(word)' not in \(reason)")
    }
  }
}
