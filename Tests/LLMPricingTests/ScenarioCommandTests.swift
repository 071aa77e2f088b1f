import Foundation
import LLMPricing
import Testing

/// The `llm-cost scenario` contract: flags, JSON keys, byte-identical output.
@Suite("llm-cost scenario")
struct ScenarioCommandTests {
  @Test("--list prints one preset a line, its id first")
  func list() throws {
    let result = try LLMCostBinary.run(["scenario", "--list"])
    #expect(result.status == 0, "\(result.error)")
    let ids = result.output.split(separator: "\n").map { String($0.split(separator: " ")[0]) }
    #expect(ids == ScenarioPreset.all.map(\.id))
  }

  @Test("the same arguments give byte-identical output, whatever --jobs is")
  func deterministic() throws {
    let arguments = [
      "scenario", "minus-93-percent", "--months", "24", "--runs", "300", "--seed", "42",
    ]
    let first = try LLMCostBinary.run(arguments + ["--jobs", "1", "--json"])
    let second = try LLMCostBinary.run(arguments + ["--jobs", "2", "--json"])
    #expect(first.status == 0, "\(first.error)")
    #expect(first.output == second.output)
    let text = try LLMCostBinary.run(arguments)
    #expect(text.output == (try LLMCostBinary.run(arguments)).output)
    #expect(text.output.contains("Monte Carlo: 300 runs, seed 42"))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(first.output.utf8)) as? [String: Any]
    )
    for key in [
      "scenario", "title", "currency", "workload", "start", "months", "summary", "monteCarlo",
      "sensitivity", "notes", "sources",
    ] {
      #expect(object.keys.contains(key), "missing \(key)")
    }
    #expect((object["months"] as? [Any])?.count == 24)
  }

  @Test("--csv has one row per month and offering; --svg writes a chart")
  func csvAndSVG() throws {
    let svg = FileManager.default.temporaryDirectory
      .appendingPathComponent("scenario-\(UUID().uuidString).svg")
    defer { try? FileManager.default.removeItem(at: svg) }
    let result = try LLMCostBinary.run([
      "scenario", "us-access-restriction", "--workload", "coding", "--runs", "0", "--csv",
      "--svg", svg.path,
    ])
    #expect(result.status == 0, "\(result.error)")
    let lines = result.output.split(separator: "\n")
    #expect(lines.first?.hasPrefix("month,offering,available,currency,price") == true)
    #expect(lines.count == 1 + 12 * 6)
    let chart = try String(contentsOf: svg, encoding: .utf8)
    #expect(chart.hasPrefix("<svg") || chart.hasPrefix("<?xml"))
  }

  @Test("a file scenario runs; bad input exits with the path and what to do")
  func files() throws {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("scenario-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: file) }
    let exported = try LLMCostBinary.run(["scenario", "gemini-2.5-pro-cut", "--export"])
    #expect(exported.status == 0, "\(exported.error)")
    try Data(exported.output.utf8).write(to: file)
    let fromFile = try LLMCostBinary.run(["scenario", file.path, "--runs", "0", "--json"])
    let fromPreset = try LLMCostBinary.run([
      "scenario", "gemini-2.5-pro-cut", "--runs", "0", "--json",
    ])
    #expect(fromFile.status == 0, "\(fromFile.error)")
    #expect(fromFile.output == fromPreset.output)

    let broken = exported.output.replacingOccurrences(
      of: "\"cut\" : \"0.33\"",
      with: "\"cut\" : \"1.5\""
    )
    try Data(broken.utf8).write(to: file)
    let bad = try LLMCostBinary.run(["scenario", file.path])
    #expect(bad.status == 1)
    #expect(bad.error.contains("events[0].cut: 1.5 is not a cut"), "\(bad.error)")

    let unknown = try LLMCostBinary.run(["scenario", "china-may-2025"])
    #expect(unknown.status == 2)
    #expect(unknown.error.contains("closest: china-may-2024"), "\(unknown.error)")
    let badRuns = try LLMCostBinary.run(["scenario", "china-may-2024", "--runs", "-3"])
    #expect(badRuns.status == 2)
  }
}
