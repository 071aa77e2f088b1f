import Foundation
import LLMPricing

/// `llm-cost compare`: where another project's price file disagrees with this catalog.
enum CompareCommand {
  /// The options of the `--workload` ranking.
  static let rankingGroup = OptionGroup(
    "WORKLOAD RANKING",
    note: "With --workload: rank every offering by the workload's monthly cost.",
    [
      .value(
        "workload",
        "NAME|FILE",
        "customer-service, coding, agents, rag, marketing, translation, or a workload JSON "
          + "file."
      ),
      .value("month", "YYYY-MM", "The month (default: this month)."),
      .value(
        "currency",
        "CODE",
        "Rank in this currency (default CNY, or the --plan's); other currencies are converted "
          + "at mid-month with the dated FX table."
      ),
      .value("top", "N", "Show only the N cheapest."),
      .value("requests-per-day", "N", "Override the workload's sessions per working day."),
      .value("country", "CC", "Only providers from this country, CN or US."),
      .value("priced-in", "CODE", "Only offerings whose own list is in this currency."),
      .flag("open-weights", "Only models with open weights."),
      .value("min-context", "N", "Only models with a context window of at least N tokens."),
      .value("baseline", "ID", "Add each offering's saving against this offering or model."),
      .value(
        "plan",
        "ID",
        "Put a subscription plan beside each offering of a model it covers (JSON \"plans\": "
          + "which is cheaper and the break-even volume; compare in the plan's currency)."
      ),
      .flag(
        "paid-only",
        "Rank only offerings that bill something that month: a free model, or one whose free "
          + "quota covers the whole workload, is listed under skipped with the reason \"free\"."
      ),
      .flag(
        "csv",
        "Print the ranking as CSV: rank, offering, model, provider, monthly_total, currency, "
          + "offering_total, offering_currency."
      ),
      .markdown,
      .value(
        "svg",
        "FILE",
        "Also write the ranking as an SVG chart: one horizontal bar per offering in --currency, "
          + "coloured by the currency the offering publishes, labelled in both CNY and USD."
      ),
    ]
  )

  /// The options of the price-file import.
  static let importGroup = OptionGroup(
    "PRICE-FILE IMPORT",
    note: "With --litellm or --genai-prices: show every price in another project's file that "
      + "disagrees with this catalog for the same provider, model and currency.",
    [
      .value(
        "litellm",
        "FILE",
        "LiteLLM's model_prices_and_context_window.json (USD per token)."
      ),
      .value(
        "genai-prices",
        "FILE",
        "genai-prices' data.json, format v2 (USD per million tokens)."
      ),
      .value("at", "ISO8601", "The instant to compare at (default: now)."),
    ]
  )

  static let spec = CommandSpec(
    name: "compare",
    abstract: "Rank every offering by a workload's monthly cost (--workload), or show where "
      + "LiteLLM's or genai-prices' prices disagree with this catalog.",
    usage: [
      "compare --workload NAME|FILE [--month YYYY-MM] [--currency CODE] [--top N]",
      "        [--country CC] [--priced-in CODE] [--open-weights] [--min-context N]",
      "        [--paid-only] [--baseline ID] [--plan ID] [--json | --csv | --markdown]",
      "        [--svg FILE]",
      "compare (--litellm FILE | --genai-prices FILE) [--at ISO8601] [--json]",
    ],
    discussion: [
      "With --workload: rank every offering by the workload's monthly cost, cheapest first, "
        + "across Chinese and US providers, in one currency. Presets: customer-service, coding, "
        + "agents, rag, marketing, translation; or a workload JSON file. Filter with --country, "
        + "--priced-in, --open-weights and --min-context. Offerings that cannot be priced that "
        + "month are listed with their reasons. Each converted figure carries its exchange "
        + "rate (JSON \"exchangeRate\"), flagged \"assumed\" when the rate is more than 31 "
        + "days old; a price resting on a provisional holiday calendar is flagged "
        + "\"provisional\".",
      "With --litellm or --genai-prices: import the file and list the prices that disagree, "
        + "at an instant.",
    ],
    groups: [
      rankingGroup,
      importGroup,
      OptionGroup(
        "OUTPUT",
        [
          .flag(
            "json",
            "Print JSON: the ranking as {\"workload\", \"month\", \"currency\", "
              + "\"offerings\", \"skipped\": [{\"offering\", \"reason\"}], \"savings\", "
              + "\"plans\", …}; the import as {\"imported\", \"skipped\", \"differences\"}."
          )
        ]
      ),
    ] + PricingSetup.groups
  )

  struct Report: Encodable {
    let at: String
    let file: String
    let imported: Int
    let skipped: [PriceFileImport.Skipped]
    let differences: [PriceComparison.Difference]
  }

  static func run(_ arguments: [String]) async throws {
    let options = try spec.parse(arguments)
    if options.given("workload") {
      try options.refuse(
        importGroup,
        because: "belongs to the price-file import, not to the --workload ranking"
      )
      try await WorkloadCommands.compare(options)
      return
    }
    try options.refuse(
      rankingGroup,
      because: "belongs to the --workload ranking: add --workload NAME|FILE or leave it out"
    )
    let instant = try options.instant() ?? Date()
    let path: String
    let isLiteLLM: Bool
    switch (options.string("litellm"), options.string("genai-prices")) {
    case (let file?, nil):
      (path, isLiteLLM) = (file, true)
    case (nil, let file?):
      (path, isLiteLLM) = (file, false)
    default:
      throw UsageError(
        "give --workload NAME|FILE to rank offerings, or exactly one of --litellm FILE or "
          + "--genai-prices FILE to import a price file"
      )
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
    let ours = try PricingSetup.catalog(options)
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
