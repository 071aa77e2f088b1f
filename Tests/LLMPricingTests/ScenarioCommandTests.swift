import Foundation
import LLMPriceWar
import LLMPricing
import Testing

/// Runs `llm-cost` and reads its standard output as a JSON object.
private func jsonObject(_ result: LLMCostBinary.Result) throws -> [String: Any] {
  try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
}

/// A band's percentile, a decimal string in the JSON, parsed exactly.
private func percentile(_ band: [String: Any], _ key: String) throws -> FixedDecimal {
  let text: String = try #require(band[key] as? String, "\(key) in \(band)")
  return try FixedDecimal(text)
}

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

  @Test("the same arguments give byte-identical output, whatever --jobs is, with the JSON keys")
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
    let object = try jsonObject(first)
    for key in [
      "scenario", "title", "currency", "workload", "start", "months", "summary", "monteCarlo",
      "sensitivity", "notes", "sources", "exchangeRates",
    ] {
      #expect(object.keys.contains(key), "missing \(key)")
    }
    #expect((object["months"] as? [Any])?.count == 24)
    let summary = try #require(object["summary"] as? [String: Any])
    for key in [
      "buyerBill", "switchingBuyerBill", "switchingSaving", "billAtStartPrices",
      "cumulativeSaving", "sharesMoved", "marketSpend", "marketVolume", "offerings",
    ] {
      #expect(summary.keys.contains(key), "missing summary.\(key)")
    }
    let monteCarlo = try #require(object["monteCarlo"] as? [String: Any])
    for key in [
      "runs", "seed", "buyerBill", "switchingBuyerBill", "cumulativeSaving", "marketSpend",
      "marketVolume", "months", "offerings",
    ] {
      #expect(monteCarlo.keys.contains(key), "missing monteCarlo.\(key)")
    }
    // The sensitivity table measures the market's spend unless told otherwise.
    let sensitivity = try #require(object["sensitivity"] as? [String: Any])
    #expect(sensitivity["metric"] as? String == "market-spend")
  }

  @Test(
    "every preset's Monte Carlo bands spread: some total has p10 below p90",
    arguments: ScenarioPreset.all.map(\.id)
  )
  func presetBandsSpread(id: String) throws {
    let result = try LLMCostBinary.run(["scenario", id, "--runs", "300", "--json"])
    #expect(result.status == 0, "\(result.error)")
    let monteCarlo = try #require(try jsonObject(result)["monteCarlo"] as? [String: Any])
    var spread: [String] = []
    for key in [
      "buyerBill", "switchingBuyerBill", "cumulativeSaving", "marketSpend", "marketVolume",
    ] {
      let band = try #require(monteCarlo[key] as? [String: Any], "monteCarlo.\(key)")
      let (p10, p50, p90) = (
        try percentile(band, "p10"), try percentile(band, "p50"), try percentile(band, "p90")
      )
      #expect(p10 <= p50 && p50 <= p90, "\(id) \(key)")
      if p10 < p90 { spread.append(key) }
    }
    #expect(!spread.isEmpty, "\(id): no band spreads")
  }

  @Test(
    "every preset re-based with --start runs and starts in that month",
    arguments: ScenarioPreset.all.map(\.id)
  )
  func presetRebased(id: String) throws {
    let result = try LLMCostBinary.run([
      "scenario", id, "--start", "2027-01", "--runs", "50", "--json",
    ])
    // Re-based to 2027, three presets name catalog offerings retired before 2027
    // (hunyuan-pro, gemini-2.5-pro, deepseek-chat): they are left out, with a note.
    #expect(result.status == 0, "\(id): \(result.error)")
    guard result.status == 0 else { return }
    let object = try jsonObject(result)
    let months = try #require(object["months"] as? [[String: Any]])
    #expect(months.first?["month"] as? String == "2027-01")
    #expect(object["start"] as? String == "2027-01")
  }

  @Test("--csv has one row per month and offering; --svg and --bill-svg write charts")
  func csvAndSVG() throws {
    let directory = FileManager.default.temporaryDirectory
    let svg = directory.appendingPathComponent("scenario-\(UUID().uuidString).svg")
    let billSVG = directory.appendingPathComponent("scenario-bill-\(UUID().uuidString).svg")
    defer {
      try? FileManager.default.removeItem(at: svg)
      try? FileManager.default.removeItem(at: billSVG)
    }
    let result = try LLMCostBinary.run([
      "scenario", "us-access-restriction", "--workload", "coding", "--runs", "0", "--csv",
      "--svg", svg.path, "--bill-svg", billSVG.path,
    ])
    #expect(result.status == 0, "\(result.error)")
    let lines = result.output.split(separator: "\n")
    #expect(lines.first?.hasPrefix("month,offering,available,currency,price") == true)
    #expect(lines.count == 1 + 12 * 6)
    for file in [svg, billSVG] {
      let chart = try String(contentsOf: file, encoding: .utf8)
      #expect(chart.hasPrefix("<svg") || chart.hasPrefix("<?xml"), "\(file.lastPathComponent)")
      #expect(chart.contains("</svg>"))
    }
  }

  @Test("--bill-svg alone writes the buyer's bill chart, with bands when runs are made")
  func billChart() throws {
    let billSVG = FileManager.default.temporaryDirectory
      .appendingPathComponent("scenario-bill-\(UUID().uuidString).svg")
    defer { try? FileManager.default.removeItem(at: billSVG) }
    let result = try LLMCostBinary.run([
      "scenario", "gemini-2.5-pro-cut", "--runs", "50", "--bill-svg", billSVG.path,
    ])
    #expect(result.status == 0, "\(result.error)")
    let chart = try String(contentsOf: billSVG, encoding: .utf8)
    #expect(chart.hasPrefix("<svg") || chart.hasPrefix("<?xml"))
    #expect(chart.contains("</svg>"))
  }

  @Test("a scenario where no share moves says so in its text report")
  func noShareMoved() throws {
    let file = try temporaryFile(
      """
      {"id": "flat", "title": "Nobody moves", "start": "2026-01", "months": 3,
       "currency": "CNY", "workload": "customer-service",
       "offerings": [{"id": "A", "currency": "CNY", "price": "2", "share": "0.5"},
                     {"id": "B", "currency": "CNY", "price": "3"}],
       "market": {"volume": "1000", "growth": "0", "elasticity": "0",
                  "switching": {"threshold": "0.2", "cost": "0", "paybackMonths": 12,
                                "rate": "0"}}}
      """,
      suffix: ".json"
    )
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try LLMCostBinary.run(["scenario", file.path])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("no share moved"), "\(result.output)")
    let json = try LLMCostBinary.run(["scenario", file.path, "--json"])
    let summary = try #require(try jsonObject(json)["summary"] as? [String: Any])
    #expect(summary["sharesMoved"] as? Bool == false)
    #expect(summary["shareWinner"] == nil || summary["shareWinner"] is NSNull)
  }

  @Test("a file scenario runs like its preset; bad input exits with the path and what to do")
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
    #expect(broken != exported.output)
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
