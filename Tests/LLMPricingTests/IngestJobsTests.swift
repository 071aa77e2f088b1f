import Foundation
import LLMPricing
import Testing

/// Issue #19: `llm-cost ingest --jobs N` splits a regular file into N ranges at line ends,
/// reads them at once and merges the reports in file order; whatever N is, the output is
/// byte-identical to `--jobs 1`.
@Suite("ingest --jobs")
struct IngestJobsTests {
  /// A deterministic generator, so a failure reproduces.
  struct Generator {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  /// A log of `count` lines and then some, with every kind of line a split must keep whole.
  ///
  /// Good lines of two models over three months with multi-byte tags, bad lines of several
  /// kinds (more than the 100 listed), blank and whitespace lines, CRLF line ends, lines long
  /// enough that naive cuts fall inside them, and a last line without `\n`. It starts with a bad and a blank line, so the reporting
  /// currency is only known from line 3.
  static func log(lines count: Int, seed: UInt64 = 19) -> String {
    var random = Generator(state: seed)
    let teams = ["search", "recherche-équipe", "搜索", "🚀-launch", "support"]
    var lines = [#"{"model": "no-such-model", "usage": {}}"#, ""]
    for index in 0..<count {
      let end = random.next(10) == 0 ? "\r" : ""
      switch random.next(40) {
      case 0: lines.append("")
      case 1: lines.append("   \t" + end)
      case 2: lines.append(#"{"timestamp": "2025-10-01T04:00:00Z", "model": "#)
      case 3:
        lines.append(
          #"{"timestamp": "2025-10-0\#(1 + index % 9)T04:00:00Z", "model": "gpt-nobody", "#
            + #""usage": {"prompt_tokens": 10, "completion_tokens": 1}}"# + end
        )
      case 4:
        lines.append(
          #"{"timestamp": "2025-11-02T04:00:00Z", "model": "deepseek-chat", "provider": "#
            + #""deepseek", "usage": {"prompt_tokens": -5, "completion_tokens": 1}}"#
        )
      default:
        let model = random.next(2) == 0 ? "deepseek-chat" : "deepseek-reasoner"
        let prompt = 200 + random.next(60_000)
        let hit = random.next(prompt)
        let output = 20 + random.next(2_000)
        let month = 10 + random.next(3)
        let day = 1 + random.next(28)
        let hour = random.next(24)
        let stamp = String(format: "2025-%02d-%02dT%02d:17:05Z", month, day, hour)
        let team = teams[random.next(teams.count)]
        // Now and then a long note, so some lines span far more than an average line.
        let note = random.next(25) == 0 ? String(repeating: "é", count: 3_000) : "ok"
        lines.append(
          #"{"timestamp": "\#(stamp)", "model": "\#(model)", "provider": "deepseek", "#
            + #""usage": {"prompt_tokens": \#(prompt), "completion_tokens": \#(output), "#
            + #""prompt_cache_hit_tokens": \#(hit), "prompt_cache_miss_tokens": "#
            + #"\#(prompt - hit)}, "tags": {"team": "\#(team)", "note": "\#(note)"}}"# + end
        )
      }
    }
    // The last line has no newline.
    return lines.joined(separator: "\n")
  }

  /// Runs `ingest` on the file with each job count and expects the same status, output and
  /// errors as with one job.
  func expectSameOutput(
    _ path: String,
    _ arguments: [String],
    jobs: [Int] = [2, 3, 7],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> LLMCostBinary.Result {
    let one = try LLMCostBinary.run(["ingest", path] + arguments + ["--jobs", "1"])
    #expect(one.status == 0, "\(one.error)", sourceLocation: sourceLocation)
    for count in jobs {
      let many = try LLMCostBinary.run(["ingest", path] + arguments + ["--jobs", String(count)])
      #expect(
        many.status == one.status,
        "\(arguments) --jobs \(count)",
        sourceLocation: sourceLocation
      )
      #expect(
        many.output == one.output,
        "\(arguments) --jobs \(count)",
        sourceLocation: sourceLocation
      )
      #expect(
        many.error == one.error,
        "\(arguments) --jobs \(count)",
        sourceLocation: sourceLocation
      )
    }
    return one
  }

  static let argumentSets: [[String]] = [
    [],
    ["--json"],
    ["--group-by", "model,day"],
    ["--group-by", "model,day", "--json"],
    ["--group-by", "tag:team,model", "--csv"],
    ["--group-by", "model,day", "--currency", "EUR", "--json"],
    ["--group-by", "tag:team", "--max-line-bytes", "2048"],
  ]

  @Test(arguments: argumentSets)
  func everyJobCountPrintsTheSameBytes(arguments: [String]) throws {
    let file = try temporaryFile(Self.log(lines: 4_000), suffix: ".jsonl")
    defer { try? FileManager.default.removeItem(at: file) }
    let one = try expectSameOutput(file.path, arguments)
    // The log holds what the test is about: rejections past the listed 100, from line 1.
    if arguments.isEmpty {
      #expect(one.output.contains("Rejected lines:\n  \(file.lastPathComponent):1: "))
      #expect(one.output.contains("more (see --json)"))
    }
  }

  @Test func aFileOfFewerLinesThanJobs() throws {
    let log = Self.log(lines: 3, seed: 7)
    let file = try temporaryFile(log, suffix: ".jsonl")
    defer { try? FileManager.default.removeItem(at: file) }
    for arguments in [["--json"], ["--group-by", "model,day"]] {
      _ = try expectSameOutput(file.path, arguments, jobs: [2, 7, 64])
    }
    let empty = try temporaryFile("", suffix: ".jsonl")
    defer { try? FileManager.default.removeItem(at: empty) }
    let result = try expectSameOutput(empty.path, [], jobs: [4])
    #expect(result.output.contains("Priced 0 lines, rejected 0."))
  }

  @Test func aByteOrderMarkIsSkippedOnlyAtTheFilesStart() throws {
    // With --currency the first range starts at byte 0; without, the lines up to the first
    // priced one are read in order first.
    let file = try temporaryFile("\u{FEFF}" + Self.log(lines: 2_000, seed: 3), suffix: ".jsonl")
    defer { try? FileManager.default.removeItem(at: file) }
    for arguments in [["--json"], ["--currency", "CNY", "--group-by", "day"]] {
      _ = try expectSameOutput(file.path, arguments)
    }
  }

  @Test func severalFilesMatchOneJob() throws {
    let first = try temporaryFile(Self.log(lines: 1_500, seed: 1), suffix: ".jsonl")
    let second = try temporaryFile(Self.log(lines: 1_500, seed: 2), suffix: ".jsonl")
    defer {
      try? FileManager.default.removeItem(at: first)
      try? FileManager.default.removeItem(at: second)
    }
    _ = try expectSameOutput(first.path, [second.path, "--group-by", "model,day", "--json"])
  }

  @Test(arguments: ["0", "abc"])
  func aBadJobCountIsAUsageError(value: String) throws {
    let file = try temporaryFile(Self.log(lines: 10), suffix: ".jsonl")
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try LLMCostBinary.run(["ingest", file.path, "--jobs", value])
    #expect(result.status == 2)
    #expect(result.error.contains("--jobs") && result.error.contains("'\(value)'"))
    #expect(result.output.isEmpty)
  }

  @Test func aLogWhoseFreeCallAllowanceAppliesIsReadWithOneJob() throws {
    // Doubao Seed 1.6 has 20,000 free web searches a month; 3,000 lines of 50 searches in
    // January use 150,000. Ranges read apart would each apply the allowance again.
    var lines: [String] = []
    for index in 0..<3_000 {
      let day = String(format: "%02d", 1 + index % 20)
      lines.append(
        #"{"timestamp": "2026-01-\#(day)T04:00:00Z", "model": "doubao-seed-1.6", "#
          + #""tool_calls": {"web_search": 50}, "usage": {"prompt_tokens": \#(1_000 + index), "#
          + #""completion_tokens": 100}}"#
      )
    }
    let file = try temporaryFile(lines.joined(separator: "\n") + "\n", suffix: ".jsonl")
    defer { try? FileManager.default.removeItem(at: file) }
    let one = try expectSameOutput(file.path, ["--group-by", "day"], jobs: [2, 3])
    #expect(one.output.contains("Priced 3000 lines, rejected 0."))
    #expect(one.output.contains("free web_search allowance was applied"))
  }

  @Test func aTotalPastWhatACountHoldsRejectsTheSameLinesWithEveryJobCount() throws {
    // 10^15 − 1 input tokens a line, the most a line may report: one job prices 9,223 lines
    // (2^63 − 1 tokens hold 9,223.37 of them) and rejects the 777 after; two ranges of 5,000
    // lines each hold, but merged they would not, so the file is read again in order.
    let line =
      #"{"timestamp": "2026-10-09T04:00:00Z", "model": "deepseek-flash", "usage": "#
      + #"{"uncachedInput": 999999999999999, "output": 1}}"#
    let text = Array(repeating: line, count: 10_000).joined(separator: "\n")
    let file = try temporaryFile(text, suffix: ".jsonl")
    defer { try? FileManager.default.removeItem(at: file) }
    let one = try expectSameOutput(file.path, ["--currency", "CNY"], jobs: [2, 4])
    #expect(one.output.contains("Priced 9223 lines, rejected 777."), "\(one.output.prefix(300))")
  }

  @Test func jobsAndMergeAreRefusedTogether() throws {
    let result = try LLMCostBinary.run(["ingest", "--merge", "part.json", "--jobs", "2"])
    #expect(result.status == 2)
    #expect(result.error.contains("--jobs") && result.error.contains("--merge"))
  }

  @Test func rangesIngestedApartMergeIntoTheWholeFilesReport() throws {
    let text = Self.log(lines: 2_000, seed: 5)
    let file = try temporaryFile(text, suffix: ".jsonl")
    defer { try? FileManager.default.removeItem(at: file) }
    let make = { try UsageIngestor(groupBy: [.model, .day], currency: .cny) }
    var whole = try make()
    try whole.ingest(fileAt: file.path)
    // Cut just after the newlines nearest thirds of the file.
    let bytes = Array(text.utf8)
    var bounds = [0]
    for third in [bytes.count / 3, 2 * bytes.count / 3] {
      let newline = try #require(bytes[third...].firstIndex(of: 10))
      bounds.append(newline + 1)
    }
    bounds.append(bytes.count)
    var merged: UsageReport?
    var lines = 0
    for (start, end) in zip(bounds, bounds.dropFirst()) {
      var part = try make()
      lines += try part.ingest(
        fileAt: file.path,
        byteRange: start..<end,
        firstLineNumber: lines + 1
      )
      if merged == nil {
        merged = part.currentReport()
      } else {
        try merged?.merge(part.currentReport())
      }
    }
    #expect(lines == text.utf8.split(separator: 10, omittingEmptySubsequences: false).count)
    #expect(merged == whole.currentReport())
  }

  @Test func helpNamesTheOption() throws {
    let help = try LLMCostBinary.run(["ingest", "--help"])
    #expect(help.output.contains("--jobs N"))
    #expect(help.output.contains("byte-identical"))
  }
}
