import Foundation
import LLMPricing
import Testing

/// Runs the `llm-cost` executable built beside the test bundle.
///
/// The flags and JSON keys are a public contract: scripts outside the project rely on them.
enum LLMCostBinary {
  /// The `llm-cost` executable: `LLM_COST_BINARY` when set, else beside the test runner
  /// (Linux), else in the package's `.build` folder (macOS runs tests from the toolchain's
  /// helper, so the runner's folder is not the build folder there).
  static var url: URL? {
    if let path = ProcessInfo.processInfo.environment["LLM_COST_BINARY"] {
      return URL(fileURLWithPath: path)
    }
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let package = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let build = package.appendingPathComponent(".build")
    let candidates = [
      runner, runner.deletingLastPathComponent(), build.appendingPathComponent("debug"),
      build.appendingPathComponent("release"),
    ]
    return candidates.map { $0.appendingPathComponent("llm-cost") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  /// A cache directory that holds no installed catalog.
  static let emptyCacheDirectory = FileManager.default.temporaryDirectory
    .appendingPathComponent(
      "llm-pricing-tests-empty-cache-\(ProcessInfo.processInfo.processIdentifier)"
    )

  /// What a run printed and how it ended.
  struct Result {
    var status: Int32
    var output: String
    var error: String
  }

  /// Runs `llm-cost` with arguments (and extra environment variables) and collects its
  /// output.
  static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
    let process = Process()
    // Typed, or #require checks an optional (executableURL's type) and never fails.
    let binary: URL = try #require(url)
    process.executableURL = binary
    process.arguments = arguments
    // An empty cache directory unless the test names one, so that no catalog update
    // installed on this machine changes what the tests see.
    let isolated = ["LLM_PRICING_CACHE_DIR": emptyCacheDirectory.path]
    process.environment = ProcessInfo.processInfo.environment
      .merging(isolated) { $1 }.merging(environment) { $1 }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      output: String(decoding: outputData, as: UTF8.self),
      error: String(decoding: errorData, as: UTF8.self)
    )
  }
}

/// Not conditional on the binary: a missing `llm-cost` fails every test here (through
/// `#require`) rather than switching the contract checks off.
@Suite("llm-cost command")
struct LLMCostCommandTests {
  func run(_ arguments: [String]) throws -> LLMCostBinary.Result {
    try LLMCostBinary.run(arguments)
  }

  @Test func quoteJSONKeepsTheContractKeysAndExactAmounts() throws {
    let result = try run([
      "quote", "--model", "deepseek-chat", "--input", "100000", "--cached-input", "80000",
      "--output", "2000", "--at", "2025-06-01T17:00:00Z", "--json",
    ])
    #expect(result.status == 0, "\(result.error)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    )
    for key in [
      "model", "provider", "at", "currency", "total", "lines", "tier", "window", "source",
    ] {
      #expect(object.keys.contains(key), "missing \(key)")
    }
    // 20,000 × ¥1 + 80,000 × ¥0.25 + 2,000 × ¥4 per million, at night = ¥0.048.
    #expect(object["total"] as? String == "0.048")
    #expect(object["currency"] as? String == "CNY")
    #expect(object["window"] as? String == "off-peak")
    let lines = try #require(object["lines"] as? [[String: Any]])
    #expect(lines.count == 3)
    for line in lines {
      for key in ["component", "tokens", "unitPricePerMillion", "amount"] {
        #expect(line.keys.contains(key), "line missing \(key)")
      }
    }
    #expect(lines.first?["amount"] as? String == "0.02")
  }

  @Test func currencyPicksTheProvidersOwnList() throws {
    let result = try run([
      "quote", "--model", "deepseek-chat", "--input", "1000000", "--output", "0",
      "--at", "2025-06-01T04:00:00Z", "--currency", "USD", "--json",
    ])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    )
    #expect(object["total"] as? String == "0.27")
    #expect((object["conversion"] as? [Any])?.isEmpty == true)
  }

  @Test(
    "Bad arguments exit 2 and name the value",
    arguments: [
      (["quote", "--model", "deepseek-chat", "--output", "1"], "--input"),
      (["quote", "--model", "deepseek-chat", "--input", "x", "--output", "1"], "'x'"),
      (
        ["quote", "--model", "deepseek-chat", "--input", "1", "--output", "1", "--colour"],
        "--colour"
      ),
      (
        [
          "quote", "--model", "deepseek-chat", "--input", "1", "--output", "1", "--at", "yesterday",
        ], "yesterday"
      ),
      (["frobnicate"], "frobnicate"),
    ]
  )
  func badArguments(arguments: [String], named: String) throws {
    let result = try run(arguments)
    #expect(result.status == 2)
    #expect(result.error.contains(named), "\(result.error)")
  }

  @Test(
    "Other failures exit 1 with a message",
    arguments: [
      (["quote", "--model", "deepseek-chta", "--input", "1", "--output", "1"], "deepseek-chat"),
      (
        [
          "quote", "--model", "deepseek-chat", "--input", "1", "--output", "1", "--at",
          "2023-01-01",
        ], "no price"
      ),
      (
        [
          "quote", "--model", "deepseek-chat", "--input", "1", "--output", "1", "--catalog",
          "/nonexistent.json",
        ], "nonexistent"
      ),
    ]
  )
  func otherFailures(arguments: [String], mentions: String) throws {
    let result = try run(arguments)
    #expect(result.status == 1)
    #expect(result.error.contains(mentions), "\(result.error)")
  }

  @Test func currencyWithoutAPublishedListConvertsAndShowsTheRate() throws {
    // A private model priced only in CNY (a copy of deepseek-chat's CNY list): asking for
    // USD must convert and say so.
    var privateModel = try Catalog.builtIn.offering(model: "deepseek-chat", currency: .cny)
    privateModel.model = Model(id: "private-cny-model", vendor: "deepseek", family: "DeepSeek")
    let cnyOnly = Catalog(offerings: [privateModel])
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("llm-cost-cny-only-\(UUID().uuidString).json")
    try cnyOnly.encodedJSON().write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let arguments = [
      "quote", "--model", "private-cny-model", "--input", "1000000", "--output", "0",
      "--at", "2025-10-01T04:00:00Z", "--currency", "USD", "--catalog", file.path,
    ]
    let json = try run(arguments + ["--json"])
    #expect(json.status == 0, "\(json.error)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
    )
    #expect(object["currency"] as? String == "USD")
    #expect(object["offeringCurrency"] as? String == "CNY")
    let conversion = try #require((object["conversion"] as? [[String: Any]])?.first)
    // ¥2 at the 2025-09-23 central parity 7.1057, divided.
    #expect(conversion["rate"] as? String == "7.1057")
    #expect(conversion["inverse"] as? Bool == true)
    let expected = try FixedDecimal(2).divided(by: FixedDecimal("7.1057"))
    #expect(object["total"] as? String == expected.description)
    let table = try run(arguments)
    #expect(table.output.contains("converted from CNY at 1 USD = 7.1057 CNY"))
  }

  @Test func aBadCatalogFileNamesTheKeyPath() throws {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("llm-cost-bad-\(UUID().uuidString).json")
    try Data(#"{"offerings": [{"model": 3}]}"#.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try run([
      "quote", "--model", "deepseek-chat", "--input", "1", "--output", "1", "--catalog", file.path,
    ])
    #expect(result.status == 1)
    #expect(result.error.contains("offerings[0]"), "\(result.error)")
  }

  @Test func modelsJSONKeepsTheContractKeys() throws {
    let result = try run([
      "models", "--provider", "deepseek", "--currency", "USD", "--at", "2025-10-01T00:00:00Z",
      "--json",
    ])
    #expect(result.status == 0, "\(result.error)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    )
    let offerings = try #require(object["offerings"] as? [[String: Any]])
    // On 2025-10-01 DeepSeek sold deepseek-chat and deepseek-reasoner (V3.2).
    #expect(offerings.count == 2)
    for offering in offerings {
      for key in [
        "model", "provider", "currency", "prices", "source", "effectiveFrom", "confidence",
      ] {
        #expect(offering.keys.contains(key), "missing \(key)")
      }
      #expect(offering["currency"] as? String == "USD")
      let prices = try #require(offering["prices"] as? [String: Any])
      #expect(prices["input"] as? String == "0.28")
    }
  }

  @Test func modelsRejectsAnUnknownProvider() throws {
    let result = try run(["models", "--provider", "nosuch"])
    #expect(result.status == 1)
    #expect(result.error.contains("deepseek"))
  }

  @Test func compareReportsDisagreementsAndSkippedEntries() throws {
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/litellm-sample.json")
    let result = try run([
      "compare", "--litellm", fixture.path, "--at", "2025-10-01T04:00:00Z", "--json",
    ])
    #expect(result.status == 0, "\(result.error)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    )
    #expect(object["imported"] as? Int == 2)
    #expect((object["skipped"] as? [Any])?.count == 3)
    let differences = try #require(object["differences"] as? [[String: Any]])
    #expect(differences.count == 1)
    #expect(differences.first?["component"] as? String == "output")
    #expect(try run(["compare"]).status == 2)
  }

  @Test func ingestJSONKeepsTheContractKeysAndShardsMerge() throws {
    let line =
      #"{"timestamp": "2025-10-01T04:00:00Z", "model": "deepseek-chat", "usage": {"prompt_tokens": 6912, "completion_tokens": 910, "prompt_cache_hit_tokens": 5678, "prompt_cache_miss_tokens": 1234}, "tags": {"team": "search"}}"#
    let log = try temporaryFile(
      ([line, line, "{broken"]).joined(separator: "\n"),
      suffix: ".jsonl"
    )
    defer { try? FileManager.default.removeItem(at: log) }
    let result = try run(["ingest", log.path, "--group-by", "model,tag:team", "--json"])
    #expect(result.status == 0, "\(result.error)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    )
    for key in ["total", "currency", "priced", "rejected", "rejections", "groups"] {
      #expect(object.keys.contains(key), "missing \(key)")
    }
    // 2 × ¥0.0063336 = ¥0.0126672 (see UsageIngestorTests).
    #expect(object["total"] as? String == "0.0126672")
    #expect(object["currency"] as? String == "CNY")
    #expect(object["priced"] as? Int == 2 && object["rejected"] as? Int == 1)
    let rejection = try #require((object["rejections"] as? [[String: Any]])?.first)
    #expect(rejection["line"] as? Int == 3)
    // Two shard reports merge into exactly twice the total.
    let part = try temporaryFile(result.output, suffix: ".json")
    defer { try? FileManager.default.removeItem(at: part) }
    let merged = try run(["ingest", "--merge", part.path, part.path, "--json"])
    let mergedObject = try #require(
      try JSONSerialization.jsonObject(with: Data(merged.output.utf8)) as? [String: Any]
    )
    #expect(mergedObject["total"] as? String == "0.0253344")
    #expect(mergedObject["priced"] as? Int == 4)
    let csv = try run(["ingest", log.path, "--group-by", "tag:team", "--csv"])
    #expect(csv.output.hasPrefix("tag:team,requests,input_tokens"))
    #expect(csv.output.contains("search,2,13824,11356,1820,0.0126672,CNY"))
    #expect(try run(["ingest", "/nonexistent.jsonl"]).status == 1)
    #expect(try run(["ingest", log.path, "--group-by", "colour"]).status == 2)
  }

  @Test func modelsHistoryCSVListsEveryDatedPrice() throws {
    let result = try run([
      "models", "--history", "--csv", "--provider", "deepseek", "--currency", "USD",
    ])
    #expect(result.status == 0, "\(result.error)")
    let lines = result.output.split(separator: "\n")
    #expect(
      lines.first?.hasPrefix("offering,provider,model,currency,effective_from,effective_to") == true
    )
    // The 2025-09-05 16:00 UTC switch closes one period and opens the next.
    #expect(
      lines.contains {
        $0.contains("deepseek/deepseek-chat@USD")
          && $0.contains("2025-02-26T16:30:00Z,2025-09-05T16:00:00Z")
      }
    )
    #expect(
      lines.contains { $0.contains(",off-peak,every day,00:30,08:30,Asia/Shanghai,input,0.135,") }
    )
    #expect(try run(["models", "--history"]).status == 2)
  }

  @Test func monthlyAndWorkloadComparisonJSONKeepTheContractKeys() throws {
    let monthly = try run([
      "monthly", "--workload", "rag", "--model", "gpt-4.1-mini", "--month", "2026-03", "--json",
    ])
    #expect(monthly.status == 0, "\(monthly.error)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(monthly.output.utf8)) as? [String: Any]
    )
    // 247,000 sessions × $0.003122 (see WorkloadProjectionTests).
    #expect(object["total"] as? String == "771.134")
    #expect(object["currency"] as? String == "USD")
    #expect(object.keys.contains("breakdown"))
    let compare = try run([
      "compare", "--workload", "customer-service", "--month", "2026-03", "--currency", "USD",
      "--top", "5", "--json",
    ])
    #expect(compare.status == 0, "\(compare.error)")
    let ranking = try #require(
      try JSONSerialization.jsonObject(with: Data(compare.output.utf8)) as? [String: Any]
    )
    #expect(ranking["workload"] as? String == "customer-service")
    #expect(ranking["month"] as? String == "2026-03" && ranking["currency"] as? String == "USD")
    let offerings = try #require(ranking["offerings"] as? [[String: Any]])
    #expect(offerings.count == 5)
    let totals = try offerings.map { try FixedDecimal(try #require($0["monthlyTotal"] as? String)) }
    #expect(totals == totals.sorted())
    for key in ["model", "provider", "monthlyTotal"] { #expect(offerings[0].keys.contains(key)) }
    #expect(try run(["monthly", "--workload", "nonsense"]).status == 2)
  }

  @Test func monthlyHorizonsPriceEachMonthWithItsOwnSchedule() throws {
    // DeepSeek-V3's launch promotion ended on 2025-02-08, so January is the cheapest month.
    let result = try run([
      "monthly", "--workload", "customer-service", "--model", "deepseek-chat", "--month",
      "2025-01", "--months", "3", "--json",
    ])
    #expect(result.status == 0, "\(result.error)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    )
    let months = try #require(object["months"] as? [[String: Any]])
    #expect(months.map { $0["month"] as? String } == ["2025-01", "2025-02", "2025-03"])
    let totals = try months.map { try FixedDecimal(try #require($0["total"] as? String)) }
    #expect(
      try FixedDecimal(try #require(object["total"] as? String)) == totals[0] + totals[1]
        + totals[2]
    )
    #expect(totals[0] < totals[2])
    #expect(object["currency"] as? String == "CNY")
  }

  @Test func workloadComparisonFiltersAndMeasuresAgainstABaseline() throws {
    let result = try run([
      "compare", "--workload", "agents", "--month", "2026-03", "--currency", "USD",
      "--country", "us", "--min-context", "128000", "--baseline", "gpt-4o", "--json",
    ])
    #expect(result.status == 0, "\(result.error)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    )
    let offerings = try #require(object["offerings"] as? [[String: Any]])
    #expect(!offerings.isEmpty)
    #expect(
      offerings.allSatisfy {
        ["openai", "anthropic", "google", "xai"].contains($0["provider"] as? String)
      }
    )
    #expect(
      object["filter"] as? [String: String] == ["country": "US", "minimumContextWindow": "128000"]
    )
    #expect(object["baseline"] as? String == "openai/gpt-4o@USD")
    let savings = try #require(object["savings"] as? [[String: Any]])
    #expect(
      savings.map { $0["offering"] as? String } == offerings.map { $0["offering"] as? String }
    )
    let base = try #require(offerings.first { $0["offering"] as? String == "openai/gpt-4o@USD" })
    let index = try #require(
      offerings.firstIndex { $0["offering"] as? String == "openai/gpt-4o@USD" }
    )
    #expect(savings[index]["saving"] as? String == "0")
    #expect(base["monthlyTotal"] != nil)
    let typo = try run(["compare", "--workload", "agents", "--baseline", "gpt-4x"])
    #expect(typo.status != 0 && typo.error.contains("gpt-4o"))
  }

  @Test func everySubcommandHasHelp() throws {
    let result = try run(["quote", "--help"])
    #expect(result.status == 0)
    #expect(result.output.contains("--cached-input"))
    #expect(try run(["models", "--help"]).output.contains("--currency"))
    #expect(try run(["compare", "--help"]).output.contains("--genai-prices"))
    #expect(try run(["ingest", "--help"]).output.contains("--merge"))
    #expect(try run(["monthly", "--help"]).output.contains("--workload"))
  }
}
