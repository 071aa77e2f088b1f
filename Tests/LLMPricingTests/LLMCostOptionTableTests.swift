import Foundation
import LLMPricing
import Testing

/// The command line's option tables: help generated from them, did-you-mean, `--markdown`,
/// `models --history --json` and `compare --paid-only`, run through the built binary.
@Suite("llm-cost option tables")
struct LLMCostOptionTableTests {
  /// Every command and action, as the words after `llm-cost`.
  static let commands: [[String]] = [
    ["quote"], ["models"], ["compare"], ["ingest"], ["monthly"], ["scenario"], ["calendar"],
    ["catalog", "export"], ["catalog", "check"], ["catalog", "update"], ["catalog", "status"],
  ]

  func run(_ arguments: [String]) throws -> LLMCostBinary.Result {
    try LLMCostBinary.run(arguments)
  }

  /// The options a help text declares, one per option line, with whether each takes a value.
  func declaredOptions(_ help: String) -> [String: Bool] {
    var options: [String: Bool] = [:]
    for line in help.split(separator: "\n") where line.hasPrefix("  --") {
      let words = line.dropFirst(2).split(separator: " ", omittingEmptySubsequences: true)
      guard let name = words.first else { continue }
      // A value placeholder follows the name directly (one space); the description starts
      // after two or more spaces, at column 24.
      let afterName = line.dropFirst(2 + name.count)
      let takesValue = afterName.hasPrefix(" ") && !afterName.hasPrefix("  ")
      options[String(name.dropFirst(2))] = takesValue
    }
    return options
  }

  /// Every `--name` anywhere in a text.
  func mentionedOptions(_ text: String) throws -> Set<String> {
    let pattern = try NSRegularExpression(pattern: "(?<![A-Za-z0-9-])--([a-z0-9][a-z0-9-]*)")
    let range = NSRange(text.startIndex..., in: text)
    return Set(
      pattern.matches(in: text, range: range).compactMap {
        Range($0.range(at: 1), in: text).map { String(text[$0]) }
      }
    )
  }

  /// The options an unknown-option error lists for a command.
  func acceptedOptions(_ command: [String]) throws -> Set<String> {
    let result = try run(command + ["--no-such-option"])
    #expect(result.status == 2, "\(command): \(result.error)")
    let list = try #require(
      result.error.components(separatedBy: "Known options of").last?
        .components(separatedBy: "\n").first,
      "\(command): \(result.error)"
    )
    return try mentionedOptions(list)
  }

  /// Help, generated from the table, lists every option the parser accepts, and the parser
  /// accepts every option the help lists.
  @Test(arguments: commands)
  func helpMatchesTheParser(command: [String]) throws {
    let help = try run(command + ["--help"])
    #expect(help.status == 0)
    #expect(help.output.split(separator: "\n").allSatisfy { $0.count <= 100 })
    let declared = declaredOptions(help.output)
    let accepted = try acceptedOptions(command)
    #expect(!accepted.isEmpty)
    // Every option the parser accepts has a line in the help.
    #expect(accepted.subtracting(declared.keys).isEmpty, "\(command): not in help")
    // Every option named anywhere in the help (usage, discussion, descriptions) is real.
    let mentioned = try mentionedOptions(help.output).subtracting(["help"])
    if command.first != "catalog" {
      #expect(mentioned.subtracting(accepted).isEmpty, "\(command): help names unknown options")
      #expect(Set(declared.keys).subtracting(["help"]) == accepted)
    }
    // Each option fed back to the parser is known, as a flag or as taking a value; parsing
    // stops there, so nothing runs.
    for name in accepted {
      guard let takesValue = declared[name] else {
        Issue.record("\(command): --\(name) is accepted but has no line in the help")
        continue
      }
      if takesValue {
        let result = try run(command + ["--\(name)"])
        #expect(result.status == 2)
        #expect(result.error.contains("--\(name) needs a value"), "\(command): \(result.error)")
      } else {
        let result = try run(command + ["--\(name)=x"])
        #expect(result.status == 2)
        #expect(result.error.contains("--\(name) takes no value"), "\(command): \(result.error)")
      }
    }
  }

  @Test func catalogHelpListsEveryActionsOptionsOnce() throws {
    let help = try run(["catalog", "--help"]).output
    let declared = declaredOptions(help)
    var union: Set<String> = []
    for command in Self.commands where command.first == "catalog" {
      union.formUnion(try acceptedOptions(command))
    }
    #expect(Set(declared.keys).subtracting(["help"]) == union)
    for name in union {
      #expect(help.components(separatedBy: "\n  --\(name) ").count == 2, "--\(name)")
    }
  }

  @Test func compareHelpDocumentsBothModes() throws {
    let help = try run(["compare", "--help"]).output
    for option in ["--workload", "--top", "--paid-only", "--litellm", "--genai-prices", "--at"] {
      #expect(help.contains("\n  \(option) "), "\(option)")
    }
  }

  @Test(
    "a misspelt option or subcommand gets a suggestion",
    arguments: [
      (["monthly", "--mont", "2026-01"], "unknown option '--mont'; did you mean '--month'?"),
      (["quote", "--modle", "x"], "did you mean '--model'?"),
      (["quot"], "unknown subcommand 'quot'; did you mean 'quote'?"),
      (["catalog", "chek"], "did you mean 'check'?"),
      (["compare", "--workload", "coding", "--paidonly"], "did you mean '--paid-only'?"),
    ]
  )
  func didYouMean(arguments: [String], message: String) throws {
    let result = try run(arguments)
    #expect(result.status == 2)
    #expect(result.error.contains(message), "\(result.error)")
    #expect(result.error.contains("--help"))
  }

  @Test func anUnknownOptionListsTheCommandsOptions() throws {
    let result = try run(["monthly", "--mont", "2026-01"])
    #expect(result.error.contains("--workload, --model"))
  }

  @Test func anOptionOfTheOtherModeIsAUsageError() throws {
    let result = try run(["compare", "--litellm", "x.json", "--top", "3"])
    #expect(result.status == 2)
    #expect(result.error.contains("--top belongs to the --workload ranking"), "\(result.error)")
    let other = try run(["compare", "--workload", "coding", "--litellm", "x.json"])
    #expect(other.status == 2)
    #expect(other.error.contains("--litellm"), "\(other.error)")
  }

  @Test func markdownTablesEverywhereATableIsPrinted() throws {
    let log = try temporaryFile(
      #"{"timestamp": "2025-10-01T04:00:00Z", "model": "deepseek-chat", "provider": "deepseek", "#
        + #""usage": {"prompt_tokens": 6912, "completion_tokens": 910, "#
        + #""prompt_cache_hit_tokens": 5678, "prompt_cache_miss_tokens": 1234}}"# + "\n",
      suffix: ".jsonl"
    )
    defer { try? FileManager.default.removeItem(at: log) }
    let commands: [[String]] = [
      ["compare", "--workload", "coding", "--month", "2026-11", "--top", "5"],
      ["models", "--provider", "deepseek", "--at", "2026-11-02T00:00:00Z"],
      ["monthly", "--workload", "coding", "--model", "deepseek-flash", "--month", "2026-11"],
      [
        "monthly", "--workload", "coding", "--model", "deepseek-flash", "--month", "2026-11",
        "--months", "3",
      ],
      ["calendar", "--year", "2026"],
      ["ingest", log.path, "--group-by", "model"],
      [
        "quote", "--model", "deepseek-flash", "--input", "10000", "--output", "500", "--at",
        "2026-10-09T02:00:00Z",
      ],
    ]
    for command in commands {
      let result = try run(command + ["--markdown"])
      #expect(result.status == 0, "\(command): \(result.error)")
      #expect(result.output.hasPrefix("| "), "\(command): \(result.output)")
      let lines = result.output.split(separator: "\n")
      #expect(lines.count >= 3)
      #expect(lines.dropFirst().first?.hasPrefix("| ---") == true, "\(command)")
      #expect(lines.allSatisfy { $0.hasPrefix("|") && $0.hasSuffix("|") }, "\(command)")
      let both = try run(command + ["--markdown", "--json"])
      #expect(both.status == 2)
      #expect(both.error.contains("--json") && both.error.contains("--markdown"), "\(command)")
    }
    let csv = try run(commands[0] + ["--csv", "--markdown"])
    #expect(csv.status == 2 && csv.error.contains("--csv and --markdown are exclusive"))
  }

  @Test func scenarioMarkdownHasEveryTableAsMarkdown() throws {
    let arguments = ["scenario", "china-may-2024", "--runs", "20", "--jobs", "1"]
    let result = try run(arguments + ["--markdown"])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("\n| month | CNY/USD |"))
    #expect(result.output.contains("\n| offering | start price |"))
    #expect(result.output.contains("\n| --- | ---: |"))
    // A table ends with a blank line, so the text after it is not read as a row.
    #expect(result.output.contains("|\n\n(* the switching buyer moved that month)"))
    let both = try run(arguments + ["--markdown", "--csv"])
    #expect(both.status == 2 && both.error.contains("--csv and --markdown are exclusive"))
  }

  @Test func textTablesAreAlignedByTheLibrary() throws {
    let compare = try run(["compare", "--workload", "coding", "--month", "2026-11", "--top", "3"])
    let lines = compare.output.split(separator: "\n", omittingEmptySubsequences: false)
    let header = try #require(lines.firstIndex { $0.hasPrefix("rank  offering") })
    #expect(lines[header + 1].hasPrefix("----  ---"))
    #expect(lines[header + 2].hasPrefix("   1  "))
  }

  @Test func modelsShowsAWindowsPriceBesideTheBasePrice() throws {
    let result = try run(["models", "--provider", "deepseek", "--at", "2026-11-02T00:00:00Z"])
    #expect(result.status == 0, "\(result.error)")
    let row = try #require(
      result.output.split(separator: "\n").first { $0.hasPrefix("deepseek/deepseek-flash@CNY") }
    )
    // deepseek.json: 1/4 off-peak, 2/8 in the peak windows, from 2026-10-31.
    #expect(row.contains("1 (peak 2)"), "\(row)")
    #expect(row.contains("4 (peak 8)"), "\(row)")
  }

  /// The built-in DeepSeek data file, read directly as an oracle independent of the library.
  func deepSeekData() throws -> [[String: Any]] {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/LLMPricing/Catalog/Data/deepseek.json")
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    let file = try #require(object as? [String: Any])
    return try #require(file["offerings"] as? [[String: Any]])
  }

  /// The entry of one offering's schedule in force from an instant, from the data file.
  func dataEntry(model: String, currency: String, from: String) throws -> [String: Any] {
    for offering in try deepSeekData() {
      let id = (offering["model"] as? [String: Any])?["id"] as? String
      let schedule = offering["schedule"] as? [String: Any]
      let entries = schedule?["entries"] as? [[String: Any]] ?? []
      guard id == model else { continue }
      for entry in entries where entry["effectiveFrom"] as? String == from {
        let sheet = entry["sheet"] as? [String: Any]
        if sheet?["currency"] as? String == currency { return entry }
      }
    }
    Issue.record("no \(model) \(currency) entry from \(from) in deepseek.json")
    return [:]
  }

  @Test func modelsHistoryJSONHasEveryEntryWithExactDecimalStrings() throws {
    let result = try run(["models", "--history", "--json", "--provider", "deepseek"])
    #expect(result.status == 0, "\(result.error)")
    let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
    let offerings = try #require((object as? [String: Any])?["offerings"] as? [[String: Any]])
    func entries(_ id: String) throws -> [[String: Any]] {
      let offering = try #require(offerings.first { $0["offering"] as? String == id }, "\(id)")
      #expect(offering["currency"] as? String == String(id.suffix(3)))
      return try #require(offering["entries"] as? [[String: Any]])
    }

    // deepseek-chat in CNY, from 2024-08-02 (Beijing): the first cache-read price.
    let chat = try entries("deepseek/deepseek-chat@CNY")
    let oracle = try dataEntry(
      model: "deepseek-chat",
      currency: "CNY",
      from: "2024-08-01T16:00:00Z"
    )
    let oracleSheet = try #require(oracle["sheet"] as? [String: Any])
    let oracleTiers = try #require(oracleSheet["tiers"] as? [[String: Any]])
    let oraclePrices = try #require(oracleTiers.first?["prices"] as? [String: Any])
    let entry = try #require(
      chat.first { $0["effectiveFrom"] as? String == "2024-08-01T16:00:00Z" }
    )
    let tiers = try #require(entry["tiers"] as? [[String: Any]])
    let prices = try #require(tiers.first?["prices"] as? [String: Any])
    for component in ["input", "cacheRead", "output"] {
      let expected = try #require(oraclePrices[component] as? String)
      #expect(prices[component] as? String == expected, "\(component)")
    }
    let provenance = try #require(oracle["provenance"] as? [String: Any])
    #expect(entry["source"] as? String == provenance["source"] as? String)
    #expect(entry["observed"] as? String == provenance["observed"] as? String)
    // The next entry's start closes this one; the entry in force has no end.
    let index = try #require(
      chat.firstIndex { $0["effectiveFrom"] as? String == "2024-08-01T16:00:00Z" }
    )
    #expect(entry["effectiveTo"] as? String == chat[index + 1]["effectiveFrom"] as? String)

    // deepseek-flash in CNY: the peak window's own tier, exactly as in the data file.
    let flash = try entries("deepseek/deepseek-flash@CNY")
    let first = try #require(flash.first)
    let windows = try #require(first["windows"] as? [[String: Any]])
    let peak = try #require(windows.first { $0["name"] as? String == "peak" })
    let peakTiers = try #require(peak["tiers"] as? [[String: Any]])
    let peakOutput = (peakTiers.first?["prices"] as? [String: Any])?["output"] as? String
    let flashOracle = try dataEntry(
      model: "deepseek-flash",
      currency: "CNY",
      from: try #require(first["effectiveFrom"] as? String)
    )
    let oracleWindows = (flashOracle["sheet"] as? [String: Any])?["windows"] as? [[String: Any]]
    let oraclePeak = try #require(oracleWindows?.first { $0["name"] as? String == "peak" })
    let oracleEffect = oraclePeak["effect"] as? [String: Any]
    let oraclePeakTiers = oracleEffect?["tiers"] as? [[String: Any]]
    let expectedPeak = (oraclePeakTiers?.first?["prices"] as? [String: Any])?["output"] as? String
    #expect(peakOutput != nil && peakOutput == expectedPeak)

    let refused = try run(["models", "--history"])
    #expect(refused.status == 2 && refused.error.contains("--json"))
  }

  @Test func paidOnlyLeavesFreeOfferingsOutAndListsThemAsSkipped() throws {
    let free = "zhipu/glm-4-flash@CNY"
    let arguments = ["compare", "--workload", "customer-service", "--month", "2026-11"]
    func document(_ extra: [String]) throws -> [String: Any] {
      let result = try run(arguments + extra + ["--json"])
      #expect(result.status == 0, "\(result.error)")
      let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
      return try #require(object as? [String: Any])
    }
    func offerings(_ document: [String: Any]) -> [[String: Any]] {
      document["offerings"] as? [[String: Any]] ?? []
    }
    // Without --paid-only the free model ranks, at zero.
    let all = try document([])
    let ranked = try #require(offerings(all).first { $0["offering"] as? String == free })
    #expect(ranked["total"] as? String == "0")

    let paid = try document(["--paid-only"])
    #expect(!offerings(paid).contains { $0["offering"] as? String == free })
    #expect(offerings(paid).allSatisfy { $0["total"] as? String != "0" })
    #expect(!offerings(paid).isEmpty)
    let skipped = try #require(paid["skipped"] as? [[String: Any]])
    #expect(
      skipped.contains { $0["offering"] as? String == free && $0["reason"] as? String == "free" }
    )
    // Nothing disappears: ranked plus skipped is the same set either way.
    let before = offerings(all).count + ((all["skipped"] as? [[String: Any]])?.count ?? 0)
    #expect(offerings(paid).count + skipped.count == before)

    let text = try run(arguments + ["--paid-only"])
    #expect(text.status == 0)
    #expect(text.output.contains("free offerings left out (--paid-only)"))
    #expect(text.output.contains(free))
    #expect(!text.output.contains("¥0.00"))
  }
}
