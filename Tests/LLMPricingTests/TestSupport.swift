import Foundation
import LLMPricing
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses a decimal exactly, recording a test issue for malformed input.
func dec(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> FixedDecimal {
  try FixedDecimal(text)
}

/// Parses an ISO 8601 instant such as `2025-09-05T16:00:00Z`.
func instant(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Date {
  try #require(try? Date(text, strategy: .iso8601), sourceLocation: sourceLocation)
}

/// A flat sheet in CNY with input, cache read and output prices.
func flatSheet(
  input: String,
  cacheRead: String? = nil,
  output: String,
  batch: String? = nil
) throws -> PriceSheet {
  try PriceSheet(
    currency: .cny,
    tiers: [
      PriceTier(
        prices: ComponentPrices(
          input: dec(input),
          cacheRead: cacheRead.map { try dec($0) },
          output: dec(output)
        )
      )
    ],
    batchMultiplier: batch.map { try dec($0) }
  )
}

/// A one-entry schedule from 2024-01-01.
func schedule(_ sheet: PriceSheet) throws -> PriceSchedule {
  try PriceSchedule(entries: [
    PriceSchedule.Entry(
      effectiveFrom: instant("2024-01-01T00:00:00Z"),
      sheet: sheet,
      provenance: Provenance(
        source: "https://example.com/test",
        observed: CalendarDay("2024-01-01"),
        confidence: .official
      )
    )
  ])
}

/// A built-in DeepSeek offering.
func deepSeek(_ model: String, _ currency: Currency) throws -> Offering {
  try Catalog.builtIn.offering(model: model, currency: currency)
}

extension Provider {
  /// A provider for hand-built offerings: CNY, Beijing time.
  static let testCNY = Provider(
    id: "test",
    name: "Test",
    country: "CN",
    homeCurrency: .cny,
    timeZone: "Asia/Shanghai",
    pricingPage: "https://example.com"
  )
}

/// Writes text to a new file in the temporary directory, for the CLI tests to read.
func temporaryFile(_ text: String, suffix: String) throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("llm-cost-\(UUID().uuidString)\(suffix)")
  try Data(text.utf8).write(to: url)
  return url
}

// MARK: - SVG documents

/// An element of a parsed SVG document.
struct SVGElement {
  var name: String
  var attributes: [String: String]
  var text: String

  var className: String? { attributes["class"] }
}

/// Collects every element in document order, with its attributes and direct text.
final class ElementCollector: NSObject, XMLParserDelegate {
  var elements: [SVGElement] = []
  private var open: [Int] = []

  func parser(
    _ parser: XMLParser,
    didStartElement elementName: String,
    namespaceURI: String?,
    qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    open.append(elements.count)
    elements.append(SVGElement(name: elementName, attributes: attributes, text: ""))
  }

  func parser(
    _ parser: XMLParser,
    didEndElement elementName: String,
    namespaceURI: String?,
    qualifiedName: String?
  ) {
    open.removeLast()
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if let index = open.last { elements[index].text += string }
  }
}

/// Parses an SVG document with `XMLParser`, failing the test when it is not well formed.
func parse(
  _ svg: String,
  sourceLocation: SourceLocation = #_sourceLocation
) throws -> [SVGElement] {
  let parser = XMLParser(data: Data(svg.utf8))
  let collector = ElementCollector()
  parser.delegate = collector
  let parsed = parser.parse()
  try #require(
    parsed,
    "Not well-formed XML: \(String(describing: parser.parserError))",
    sourceLocation: sourceLocation
  )
  return collector.elements
}

/// Splits a `points` attribute into its coordinate pairs, as printed.
func coordinates(
  _ points: String?,
  sourceLocation: SourceLocation = #_sourceLocation
) throws -> [(x: String, y: String)] {
  let points = try #require(points, sourceLocation: sourceLocation)
  return try points.split(separator: " ").map { pair in
    let parts = pair.split(separator: ",")
    try #require(parts.count == 2, sourceLocation: sourceLocation)
    return (String(parts[0]), String(parts[1]))
  }
}
