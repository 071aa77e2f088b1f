import Foundation
import LLMPricing

/// `llm-cost compare`: where another project's price file disagrees with this catalog.
enum CompareCommand {
  static let help = """
    USAGE: llm-cost compare --workload NAME|FILE [--month YYYY-MM] [--currency CODE] [--top N]
                            [--requests-per-day N] [--country CC] [--priced-in CODE]
                            [--open-weights] [--min-context N] [--baseline ID] [--plan ID]
                            [--json | --csv] [--catalog FILE] [--strict-calendar]
                            [--fx BASE/QUOTE=RATE] [--fx-file FILE] [--fx-max-age DAYS]
           llm-cost compare (--litellm FILE | --genai-prices FILE) [--at ISO8601] [--json]

    With --workload: rank every offering by the workload's monthly cost, cheapest first,
    across Chinese and US providers, in one currency (--currency, default CNY; other
    currencies converted at mid-month with the dated FX table). Presets: customer-service,
    coding, agents, rag, marketing, translation; or a workload JSON file. Filter with
    --country (provider country, CN or US), --priced-in (the offering's own currency),
    --open-weights and --min-context; --baseline ID adds each offering's saving against it;
    --plan ID puts a subscription plan beside each offering of a model it covers (JSON
    "plans": which is cheaper and the break-even volume; compare in the plan's currency).
    Offerings that cannot be priced that month are listed with their reasons. Each
    converted figure carries its exchange rate (JSON "exchangeRate"), flagged "assumed"
    when the rate is more than 31 days old; a price resting on a provisional holiday
    calendar is flagged "provisional".

    Import another project's public price file and show every price that disagrees with
    LLMPricing's catalog for the same provider, model and currency, at an instant.

    OPTIONS:
      --litellm FILE        LiteLLM's model_prices_and_context_window.json (USD per token).
      --genai-prices FILE   genai-prices' data.json, format v2 (USD per million tokens).
      --at ISO8601          The instant to compare at (default: now).
    \(PricingSetup.help)
      --json                Print {"imported", "skipped", "differences": [...]} as JSON.
      -h, --help            Show this help.
    """

  struct Report: Encodable {
    let at: String
    let file: String
    let imported: Int
    let skipped: [PriceFileImport.Skipped]
    let differences: [PriceComparison.Difference]
  }

  static func run(_ arguments: [String]) throws {
    if arguments.contains("--help") || arguments.contains("-h") {
      print(help)
      return
    }
    if arguments.contains(where: { $0 == "--workload" || $0.hasPrefix("--workload=") }) {
      try WorkloadCommands.compare(arguments)
      return
    }
    let options = try Options(
      arguments,
      valued: ["litellm", "genai-prices", "at", "catalog"],
      flags: ["json"]
    )
    let instant: Date
    if let text = options.string("at") {
      guard let parsed = QuoteCommand.parseInstant(text) else {
        throw UsageError("--at '\(text)' is not an ISO 8601 instant such as 2025-06-01T03:00:00Z")
      }
      instant = parsed
    } else {
      instant = Date()
    }
    let path: String
    let isLiteLLM: Bool
    switch (options.string("litellm"), options.string("genai-prices")) {
    case (let file?, nil):
      (path, isLiteLLM) = (file, true)
    case (nil, let file?):
      (path, isLiteLLM) = (file, false)
    default:
      throw UsageError("give exactly one of --litellm FILE or --genai-prices FILE")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw PricingError(.invalidData, "cannot read price file '\(path)'")
    }
    let observed = CalendarDay(utcDateOf: Date())
    let imported =
      isLiteLLM
      ? try LiteLLMImporter.import(data, source: "LiteLLM file \(path)", observed: observed)
      : try GenAIPricesImporter.import(
        data,
        source: "genai-prices file \(path)",
        observed: observed
      )
    let ours = try CatalogLoading.load(options.string("catalog"))
    let differences = PriceComparison.differences(ours: ours, theirs: imported.catalog, at: instant)
    if options.flag("json") {
      let report = Report(
        at: Quote.iso(instant),
        file: path,
        imported: imported.catalog.offerings.count,
        skipped: imported.skipped,
        differences: differences
      )
      print(try Output.json(report))
      return
    }
    print(
      "Imported \(imported.catalog.offerings.count) offerings from \(path); skipped "
        + "\(imported.skipped.count) entries (use --json to see each with its reason)."
    )
    print("Prices that disagree with LLMPricing at \(Quote.iso(instant)), per million tokens:\n")
    for difference in differences {
      print("  \(difference)   [theirs: \(difference.theirs); ours: \(difference.ourSource)]")
    }
    if differences.isEmpty { print("  none") }
  }
}
