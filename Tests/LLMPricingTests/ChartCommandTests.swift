import Foundation
import LLMPricing
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The shapes an SVG holds, read with Foundation's XML parser: a well-formedness check
/// independent of the renderer.
final class SVGShapes: NSObject, XMLParserDelegate {
  var rectangles: [[String: String]] = []
  var texts: [String] = []
  private var text: String?

  static func read(_ data: Data) throws -> SVGShapes {
    let shapes = SVGShapes()
    let parser = XMLParser(data: data)
    parser.delegate = shapes
    #expect(parser.parse(), "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
    return shapes
  }

  func parser(
    _ parser: XMLParser,
    didStartElement name: String,
    namespaceURI: String?,
    qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    if name == "rect" { rectangles.append(attributes) }
    if name == "text" { text = "" }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    text? += string
  }

  func parser(
    _ parser: XMLParser,
    didEndElement name: String,
    namespaceURI: String?,
    qualifiedName: String?
  ) {
    if name == "text", let text { texts.append(text) }
    text = nil
  }
}

@Suite("llm-cost charts")
struct ChartCommandTests {
  @Test("compare --svg draws the ranking it prints, labelled in both currencies")
  func compareChart() throws {
    let svg = FileManager.default.temporaryDirectory
      .appendingPathComponent("compare-\(UUID().uuidString).svg")
    defer { try? FileManager.default.removeItem(at: svg) }
    let arguments = [
      "compare", "--workload", "customer-service", "--month", "2026-11", "--currency", "CNY",
      "--top", "8",
    ]
    let json = try LLMCostBinary.run(arguments + ["--json"])
    #expect(json.status == 0)
    let printed = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
    let offerings = try #require(printed?["offerings"] as? [[String: Any]])
    let ids = offerings.compactMap { $0["offering"] as? String }
    #expect(ids.count == 8)
    let drawn = try LLMCostBinary.run(arguments + ["--svg", svg.path])
    #expect(drawn.status == 0)
    let shapes = try SVGShapes.read(Data(contentsOf: svg))
    // Every ranked offering is named, in order, and each bar's label has ¥ and $.
    let named = shapes.texts.filter { ids.contains($0) }
    #expect(named == ids)
    let labels = shapes.texts.filter { $0.contains("¥") && $0.contains("$") }
    #expect(labels.count == 8)
    // The first label is the cheapest offering's CNY total as the table prints it.
    let cheapest = try #require(offerings.first?["total"] as? String)
    #expect(labels.first?.hasPrefix(Money(try dec(cheapest), .cny).formatted()) == true)
  }

  @Test("monthly --months 6 --svg draws six months stacked by component")
  func monthlyChart() throws {
    let svg = FileManager.default.temporaryDirectory
      .appendingPathComponent("monthly-\(UUID().uuidString).svg")
    defer { try? FileManager.default.removeItem(at: svg) }
    let arguments = [
      "monthly", "--workload", "coding", "--model", "deepseek-flash", "--month", "2027-01",
      "--months", "6",
    ]
    let json = try LLMCostBinary.run(arguments + ["--json"])
    #expect(json.status == 0)
    let drawn = try LLMCostBinary.run(arguments + ["--svg", svg.path])
    #expect(drawn.status == 0)
    let shapes = try SVGShapes.read(Data(contentsOf: svg))
    for month in ["2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06"] {
      #expect(shapes.texts.contains(month))
    }
    // The legend names the billed components; each month's total is printed on its stack.
    #expect(shapes.texts.contains("input"))
    #expect(shapes.texts.contains("output"))
    let printed = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
    let months = try #require(printed?["months"] as? [[String: Any]])
    #expect(months.count == 6)
    for month in months {
      let total = try #require(month["total"] as? String)
      #expect(shapes.texts.contains(Money(try dec(total), .cny).formatted()))
    }
  }

  @Test("--svg names the file it cannot write")
  func unwritableChart() throws {
    let result = try LLMCostBinary.run([
      "monthly", "--workload", "coding", "--model", "deepseek-flash", "--month", "2027-01",
      "--svg", "/nonexistent-directory/bill.svg",
    ])
    #expect(result.status == 1)
    #expect(result.error.contains("/nonexistent-directory/bill.svg"))
  }

  @Test(
    "the README's charts are what the commands it prints draw today",
    arguments: [
      (
        "customer-service-2026-11.svg",
        [
          "compare", "--workload", "customer-service", "--month", "2026-11", "--currency", "CNY",
          "--top", "15", "--paid-only",
        ]
      ),
      (
        "coding-deepseek-flash-2027.svg",
        [
          "monthly", "--workload", "coding", "--model", "deepseek-flash", "--month", "2027-01",
          "--months", "6",
        ]
      ),
    ]
  )
  func readmeCharts(file: String, arguments: [String]) throws {
    let committed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Docs/charts/\(file)")
    let fresh = FileManager.default.temporaryDirectory
      .appendingPathComponent("readme-\(UUID().uuidString).svg")
    defer { try? FileManager.default.removeItem(at: fresh) }
    #expect(try LLMCostBinary.run(arguments + ["--svg", fresh.path]).status == 0)
    #expect(
      try Data(contentsOf: fresh) == Data(contentsOf: committed),
      "Docs/charts/\(file) is stale: run bash Scripts/charts.sh"
    )
  }
}
