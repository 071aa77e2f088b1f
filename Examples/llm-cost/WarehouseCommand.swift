import Foundation
import LLMPricing

/// `llm-cost warehouse`: the price tables and the SQL that price a usage table inside a
/// warehouse with the library's rules.
enum WarehouseCommand {
  static let spec = CommandSpec(
    name: "warehouse",
    abstract: "Write the effective-dated price tables (CSV, exact decimals) and the SQL that, "
      + "run in name order from DIR in a database holding llm_usage, creates the view "
      + "llm_usage_priced: every usage row with its offering, currency, exact cost, or the "
      + "reason it has none.",
    usage: [
      "warehouse --dialect duckdb|clickhouse|spark --out DIR [--location URI] [--catalog FILE]"
    ],
    discussion: [
      "The usage table, one request a row (the conventions of quote: input includes cached "
        + "and cache-write tokens, output includes reasoning):",
      """
        llm_usage(ts TIMESTAMP in UTC, provider, model, currency (NULL = the provider's home
                  list), input_tokens, cached_tokens, cache_write_tokens,
                  cache_write_1h_tokens, output_tokens, reasoning_tokens, batch)
      """,
      "The view adds offering, currency (of the cost; the asked one becomes "
        + "requested_currency), cost DECIMAL(38,18), reason, price_window, tier, "
        + "provisional_year and missing_prices. Docs/Scaling.md has the commands per engine "
        + "and the rules the SQL leaves to llm-cost.",
    ],
    groups: [
      OptionGroup(
        "OPTIONS",
        [
          .value("dialect", "NAME", "duckdb, clickhouse or spark (required)."),
          .value("out", "DIR", "The directory to write into; created if missing (required)."),
          .value(
            "location",
            "URI",
            "Spark only: where the tables will read their CSV files from, e.g. "
              + "s3a://bucket/prices after copying DIR there (default: DIR, as an absolute path)."
          ),
        ]
      ),
      PricingSetup.catalogGroup,
    ]
  )

  static func run(_ arguments: [String]) async throws {
    let options = try spec.parse(arguments)
    let name = try options.required("dialect")
    guard let dialect = WarehouseDialect(rawValue: name.lowercased()) else {
      let known = WarehouseDialect.allCases.map(\.rawValue).joined(separator: ", ")
      throw UsageError("--dialect '\(name)' is not a dialect; use one of \(known)")
    }
    let directory = URL(fileURLWithPath: try options.required("out"))
    let export = try WarehouseExport(catalog: try PricingSetup.catalog(options))
    if options.string("location") != nil, dialect != .spark {
      throw UsageError(
        "--location is for --dialect spark; DuckDB and ClickHouse read the CSV files from the "
          + "directory the SQL runs in"
      )
    }
    var location: String?
    if dialect == .spark { location = options.string("location") ?? directory.absoluteURL.path }
    let files = export.files(for: dialect, location: location)
    try export.write(to: directory, dialect: dialect, location: location)
    print("Wrote \(files.count) files for \(dialect.rawValue) into \(directory.path):")
    for file in files {
      print("  \(file.name)  \(file.contents.utf8.count) bytes")
    }
    print("Run the .sql files in name order from that directory, in a database holding llm_usage.")
  }
}
