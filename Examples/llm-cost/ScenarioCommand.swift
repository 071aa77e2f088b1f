import Foundation
import LLMPriceWar
import LLMPricing

/// `llm-cost scenario`: play a price war against a workload.
enum ScenarioCommand {
  static let spec = CommandSpec(
    name: "scenario",
    abstract: "Play a price-war scenario month by month: prices, volumes, shares, revenue and "
      + "margins per offering, and a buyer's bill with and without switching; with --runs, "
      + "Monte Carlo p10/p50/p90 bands over the scenario's uncertain parameters and a "
      + "sensitivity table. The same arguments give byte-identical output, whatever --jobs is.",
    usage: ["scenario --list", "scenario <preset|file.json> [options]"],
    positional: "SCENARIO",
    groups: [
      OptionGroup(
        "OPTIONS",
        [
          .flag("list", "One preset a line: its id, then its title."),
          .value(
            "workload",
            "<W>",
            "A workload preset (customer-service, coding, agents, rag, marketing, translation) "
              + "or a workload JSON file; the scenario's own by default."
          ),
          .value("months", "<N>", "The horizon in months (1–600); events after it are dropped."),
          .value(
            "start",
            "<YYYY-MM>",
            "Move the scenario to start in this month: its events move with it, and catalog "
              + "offerings take the catalog's prices of the new months."
          ),
          .value(
            "runs",
            "<N>",
            "Monte Carlo runs (0 for none; default 1000 when the scenario has uncertain "
              + "parameters)."
          ),
          .value("seed", "<S>", "The Monte Carlo seed (default 42)."),
          .value("jobs", "<N>", "Cores to use for the runs (default: all)."),
          .value(
            "currency",
            "<C>",
            "Report in this currency (default: the scenario's); one the exchange rates do not "
              + "reach needs --fx, such as --fx USD/EUR=0.92."
          ),
          .value(
            "metric",
            "<M>",
            "The sensitivity outcome: market-spend (default), switching-buyer-bill, "
              + "buyer-bill, cumulative-saving, revenue:ID, gross-margin:ID, end-share:ID."
          ),
          .flag(
            "json",
            "{\"scenario\", \"title\", \"currency\", \"workload\", \"months\", "
              + "\"summary\", \"monteCarlo\", \"sensitivity\", \"notes\", \"sources\", "
              + "\"exchangeRates\": [{\"month\", \"exchangeRate\"}]}."
          ),
          .flag("csv", "One row per month and offering."),
          .flag(
            "markdown",
            "Print the report with its tables as GitHub-flavoured Markdown tables (| cells | "
              + "and a --- rule)."
          ),
          .value(
            "svg",
            "<file>",
            "Also write a chart of the prices (and the average price band), on a log "
              + "scale when they span a factor of ten."
          ),
          .value(
            "bill-svg",
            "<file>",
            "Also write a chart of the buyer's monthly bill, staying and switching, with "
              + "p10–p90 bands when runs are made."
          ),
          .flag("export", "Print the scenario itself as JSON, to start a file of your own."),
        ]
      )
    ] + PricingSetup.groups
  )

  /// The `--json` document; its keys are a public contract.
  struct Document: Encodable {
    let scenario: String
    let title: String
    let currency: Currency
    let workload: String
    let start: YearMonth
    let months: [ScenarioResult.Month]
    let summary: ScenarioResult.Summary
    let monteCarlo: MonteCarlo.Result?
    let sensitivity: Sensitivity?
    let notes: [String]
    let sources: [Scenario.Source]
    let exchangeRates: [MonthRate]
  }

  /// The rate a month converted with, when the scenario uses the catalog's rates.
  struct MonthRate: Encodable {
    let month: String
    let exchangeRate: ExchangeRateJSON?
  }

  struct Sensitivity: Encodable {
    let metric: String
    let rows: [SensitivityRow]
  }

  static func run(_ arguments: [String]) async throws {
    let options = try spec.parse(arguments)
    guard options.positionals.count <= 1 else {
      throw UsageError(
        "name one scenario, not \(options.positionals.count): "
          + options.positionals.joined(separator: ", ")
      )
    }
    let source = options.positionals.first
    if options.flag("list") {
      for preset in ScenarioPreset.all { print("\(preset.id)  \(preset.title)") }
      return
    }
    guard let source else {
      throw UsageError("name a preset or a scenario file; list the presets with --list")
    }
    try options.exclusive(["json", "csv", "markdown"])
    let workload = try options.string("workload").map {
      try WorkloadCommands.profile($0, sessions: nil)
    }
    var scenario = try load(source, workload: workload)
    if let text = options.string("start") {
      guard let start = try? YearMonth(text) else {
        throw UsageError("--start must be a month such as 2027-01, not '\(text)'")
      }
      scenario = try scenario.rebased(start: start)
    }
    if let months = try whole(options, "months", in: 1...Scenario.maximumMonths) {
      scenario = scenario.withHorizon(months: months)
    }
    if let currency = try options.currency() { scenario.currency = currency }
    if options.flag("export") {
      print(String(decoding: try scenario.encodedJSON(), as: UTF8.self))
      return
    }
    let setup = try PricingSetup(options)
    let simulation = try ScenarioSimulation(scenario, catalog: setup.catalog, rates: setup.rates)
    let result = try simulation.run()
    let defaultRuns = scenario.uncertainties.isEmpty ? 0 : 1_000
    let runs = try whole(options, "runs", in: 0...MonteCarlo.maximumRuns) ?? defaultRuns
    let seedText = options.string("seed") ?? "42"
    guard let seed = UInt64(seedText) else {
      throw UsageError("--seed must be a whole number from 0 to \(UInt64.max), not '\(seedText)'")
    }
    let jobs =
      try whole(options, "jobs", in: 1...1_024) ?? ProcessInfo.processInfo.activeProcessorCount
    let metric: ScenarioMetric
    do {
      metric = try ScenarioMetric(options.string("metric") ?? "market-spend")
    } catch let error as ScenarioError {
      throw UsageError(error.message)
    }
    var bands: MonteCarlo.Result?
    var sensitivity: (metric: ScenarioMetric, rows: [SensitivityRow])?
    if runs > 0, !scenario.uncertainties.isEmpty {
      bands = try await MonteCarlo(simulation).run(runs: runs, seed: seed, parallelism: jobs)
      sensitivity = (metric, try simulation.sensitivity(of: metric))
    }
    let report = ScenarioReport(
      simulation: simulation,
      result: result,
      monteCarlo: bands,
      sensitivity: sensitivity
    )
    for (flag, chart) in [("svg", report.chart), ("bill-svg", report.billChart)] {
      guard let path = options.string(flag) else { continue }
      guard FileManager.default.createFile(atPath: path, contents: Data(chart().render().utf8))
      else {
        throw PricingError(.invalidData, "cannot write the chart to '\(path)'")
      }
    }
    if options.flag("json") {
      print(
        try Output.json(
          Document(
            scenario: scenario.id,
            title: scenario.title,
            currency: scenario.currency,
            workload: scenario.workload.name,
            start: scenario.start,
            months: result.months,
            summary: result.summary,
            monteCarlo: bands,
            sensitivity: sensitivity.map {
              Sensitivity(metric: $0.metric.description, rows: $0.rows)
            },
            notes: result.notes,
            sources: scenario.sources,
            exchangeRates: simulation.exchangeRates.map {
              MonthRate(month: $0.month.description, exchangeRate: ExchangeRateJSON($0.legs))
            }
          )
        )
      )
    } else if options.flag("csv") {
      print(report.csv(), terminator: "")
    } else {
      print(options.flag("markdown") ? report.markdown() : report.text(), terminator: "")
      let legs = simulation.exchangeRates.map(\.legs)
      if let last = legs.last {
        let assumed = legs.filter { $0.contains(where: \.isAssumed) }.count
        print("Exchange rate: " + last.map(\.description).joined(separator: ", then "))
        if assumed > 0 {
          print(
            "warning: \(assumed) of \(legs.count) months convert at an assumed rate (more than "
              + "\(AppliedRate.assumptionAgeInDays) days old, or in the future); pass --fx "
              + "USD/CNY=RATE or --fx-file FILE for your own"
          )
        }
      }
    }
  }

  /// A scenario file, or a preset by id; with a workload, the preset is built for it.
  static func load(_ source: String, workload: WorkloadProfile?) throws -> Scenario {
    guard FileManager.default.fileExists(atPath: source) else {
      do {
        return try ScenarioPreset.scenario(source, workload: workload)
      } catch let error as ScenarioError where error.code == .invalidScenario {
        throw UsageError("'\(source)' is not a file, and \(error.message)")
      }
    }
    guard let data = FileManager.default.contents(atPath: source) else {
      throw PricingError(.invalidData, "cannot read scenario file '\(source)'")
    }
    do {
      var scenario = try Scenario.decode(from: data)
      if let workload { scenario.workload = workload }
      return scenario
    } catch let error as PricingError {
      throw PricingError(error.code, "scenario file '\(source)': \(error.message)")
    } catch let error as ScenarioError {
      throw ScenarioError(error.code, "scenario file '\(source)': \(error.message)")
    }
  }

  static func whole(_ options: Options, _ name: String, in range: ClosedRange<Int>) throws -> Int? {
    guard let text = options.string(name) else { return nil }
    guard let value = Int(text.replacingOccurrences(of: "_", with: "")), range.contains(value)
    else {
      throw UsageError(
        "--\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'"
      )
    }
    return value
  }
}
