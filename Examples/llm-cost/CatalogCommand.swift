import Foundation
import LLMPricing

/// `llm-cost catalog export|check`: the catalog in use, and how current it is.
enum CatalogCommand {
  static let help = """
    USAGE: llm-cost catalog export [--output FILE] [--catalog FILE]
           llm-cost catalog check [--max-age DAYS] [--at ISO8601] [--json] [--catalog FILE]

    export  Print the catalog in use (the built-in catalog with --catalog laid over it) in
            catalog format version 1, the format --catalog reads (Docs/CatalogFormat.md).
    check   Report the offerings in force whose prices were last verified more than DAYS
            days ago (default 90), and the offerings that retire in the next 60 days with
            the successor their provider names.

    OPTIONS:
      --output FILE         Write the export to FILE instead of standard output.
      --max-age DAYS        The greatest accepted age of a verification (default 90).
      --at ISO8601          The instant to check at (default: now).
      --catalog FILE        Lay a catalog file over the built-in catalog first.
      --json                Print the check as JSON: {"at", "maximumAgeInDays",
                            "retirementWindowDays", "offeringsInForce", "unverified":
                            [{"offering", "lastVerified", "ageDays", "source"}],
                            "upcomingRetirements": [{"offering", "retiredAt", "successor",
                            "source"}]}.
      -h, --help            Show this help.
    """

  static func run(_ arguments: [String]) throws {
    if arguments.isEmpty || arguments.contains("--help") || arguments.contains("-h") {
      print(help)
      return
    }
    let action = arguments[0]
    let rest = Array(arguments.dropFirst())
    switch action {
    case "export":
      let options = try Options(rest, valued: ["output", "catalog"], flags: [])
      let catalog = try CatalogLoading.load(options.string("catalog"))
      let data = try catalog.encodedJSON()
      if let path = options.string("output") {
        guard FileManager.default.createFile(atPath: path, contents: data) else {
          throw PricingError(.invalidData, "cannot write the catalog to '\(path)'")
        }
      } else {
        print(String(decoding: data, as: UTF8.self))
      }
    case "check":
      let options = try Options(
        rest,
        valued: ["max-age", "at", "catalog"],
        flags: ["json"]
      )
      let catalog = try CatalogLoading.load(options.string("catalog"))
      let maximumAge = try options.count("max-age") ?? 90
      var instant = Date()
      if let text = options.string("at") {
        guard let parsed = QuoteCommand.parseInstant(text) else {
          throw UsageError("--at '\(text)' is not an ISO 8601 instant such as 2026-12-03T00:00:00Z")
        }
        instant = parsed
      }
      let report = catalog.freshness(at: instant, maximumAgeInDays: maximumAge)
      if options.flag("json") {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
        return
      }
      print(
        "\(report.offeringsInForce) offerings in force at \(Quote.iso(instant)); "
          + "\(report.unverified.count) last verified more than \(maximumAge) days ago."
      )
      for entry in report.unverified {
        print("  \(entry.offering): verified \(entry.lastVerified) (\(entry.ageDays) days)")
      }
      print(
        "\(report.upcomingRetirements.count) retire in the next \(report.retirementWindowDays) days."
      )
      for retirement in report.upcomingRetirements {
        let successor = retirement.successor.map { "; successor \($0)" } ?? ""
        print("  \(retirement.offering): retires \(Quote.iso(retirement.retiredAt))\(successor)")
      }
    default:
      throw UsageError("unknown catalog action '\(action)'; use export or check")
    }
  }
}
