import Foundation
import LLMPriceWar
import LLMPricing

/// The `llm-cost` command: dispatches to a subcommand and maps errors to exit codes.
enum LLMCost {
  /// A subcommand: its table (for help and parsing) and what runs it.
  struct Subcommand: Sendable {
    let spec: CommandSpec
    let run: @Sendable ([String]) async throws -> Void
  }

  /// Every subcommand, in the order of the usage text.
  static let subcommands: [Subcommand] = [
    Subcommand(spec: QuoteCommand.spec, run: QuoteCommand.run),
    Subcommand(spec: ModelsCommand.spec, run: ModelsCommand.run),
    Subcommand(spec: CompareCommand.spec, run: CompareCommand.run),
    Subcommand(spec: IngestCommand.spec, run: IngestCommand.run),
    Subcommand(spec: WorkloadCommands.monthlySpec, run: WorkloadCommands.monthly),
    Subcommand(spec: ScenarioCommand.spec, run: ScenarioCommand.run),
    Subcommand(spec: CalendarCommand.spec, run: CalendarCommand.run),
    Subcommand(spec: WarehouseCommand.spec, run: WarehouseCommand.run),
    Subcommand(spec: CatalogCommand.spec, run: CatalogCommand.run),
  ]

  /// The usage text, with each subcommand's abstract from its table.
  static var usage: String {
    var lines = [
      "USAGE: llm-cost <subcommand> [options]",
      "",
      "Price LLM usage exactly, in CNY or USD, with dated prices and their sources.",
      "",
      "SUBCOMMANDS:",
    ]
    for subcommand in subcommands {
      let name = subcommand.spec.name
      let wrapped = HelpFormatter.wrap(
        subcommand.spec.abstract,
        indent: String(repeating: " ", count: 12)
      )
      guard let first = wrapped.first else { continue }
      let head = "  " + name + String(repeating: " ", count: max(1, 10 - name.count))
      lines.append(head + first.dropFirst(12))
      lines += wrapped.dropFirst()
    }
    lines += ["", "Run 'llm-cost <subcommand> --help' for a subcommand's options."]
    return lines.joined(separator: "\n")
  }

  /// Runs the command and returns its exit code.
  static func run(_ arguments: [String]) async -> Int32 {
    guard let name = arguments.first else {
      printError(usage)
      return 2
    }
    let rest = Array(arguments.dropFirst())
    do {
      if ["--help", "-h", "help"].contains(name) {
        // `llm-cost help compare` is `llm-cost compare --help`.
        if let topic = rest.first,
          let subcommand = subcommands.first(where: { $0.spec.name == topic })
        {
          print(subcommand.spec.help)
        } else {
          print(usage)
        }
        return 0
      }
      guard let subcommand = subcommands.first(where: { $0.spec.name == name }) else {
        let names = subcommands.map(\.spec.name)
        let nearest = Suggestion.closest(to: name, among: names).map { " did you mean '\($0)'?" }
        throw UsageError(
          "unknown subcommand '\(name)';\(nearest ?? "") The subcommands are: "
            + names.joined(separator: ", ")
        )
      }
      if CommandSpec.wantsHelp(rest) {
        print(subcommand.spec.help)
        return 0
      }
      try await subcommand.run(rest)
      return 0
    } catch let error as UsageError {
      let command = subcommands.contains { $0.spec.name == name } ? "llm-cost \(name)" : "llm-cost"
      printError("error: \(error.message)\nRun '\(command) --help' for usage.")
      return 2
    } catch let error as PricingError {
      printError("error: \(error.message)")
      return 1
    } catch let error as ScenarioError {
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
