import Foundation
import LLMPricing

/// The `llm-cost` command: dispatches to a subcommand and maps errors to exit codes.
enum LLMCost {
  static let usage = """
    USAGE: llm-cost <subcommand> [options]

    Price LLM usage exactly, in CNY or USD, with dated prices and their sources.

    SUBCOMMANDS:
      quote     Price one usage on one model at an instant.
      models    List offerings with the prices in force at an instant.
      compare   Rank every offering by a workload's monthly cost (--workload), or show where
                LiteLLM's or genai-prices' prices disagree with this catalog.
      ingest    Price JSON Lines usage logs and aggregate exact totals; merge shards.
      monthly   Project a workload's monthly cost on one model.
      scenario  Play a price war against a workload: timelines, bands, sensitivity.
      calendar  Show a year's holidays and make-up working days, official or provisional.
      catalog   Export the catalog in use, check how current it is, update it, show its status.

    Run 'llm-cost <subcommand> --help' for a subcommand's options.
    """

  /// Runs the command and returns its exit code.
  static func run(_ arguments: [String]) async -> Int32 {
    guard let subcommand = arguments.first else {
      printError(usage)
      return 2
    }
    let rest = Array(arguments.dropFirst())
    do {
      switch subcommand {
      case "quote":
        try QuoteCommand.run(rest)
      case "models":
        try ModelsCommand.run(rest)
      case "compare":
        try CompareCommand.run(rest)
      case "ingest":
        try IngestCommand.run(rest)
      case "monthly":
        try WorkloadCommands.monthly(rest)
      case "scenario":
        try ScenarioCommand.run(rest)
      case "calendar":
        try CalendarCommand.run(rest)
      case "catalog":
        try await CatalogCommand.run(rest)
      case "--help", "-h", "help":
        print(usage)
      default:
        throw UsageError(
          "unknown subcommand '\(subcommand)'; the subcommands are: quote, models, compare, "
            + "ingest, monthly, scenario, calendar, catalog"
        )
      }
      return 0
    } catch let error as UsageError {
      printError("error: \(error.message)\nRun 'llm-cost \(subcommand) --help' for usage.")
      return 2
    } catch let error as PricingError {
      printError("error: \(error.message)")
      return 1
    } catch {
      printError("error: \(error)")
      return 1
    }
  }

  static func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}

/// A mistake in the command line: exit code 2.
struct UsageError: Error {
  let message: String
  init(_ message: String) { self.message = message }
}
