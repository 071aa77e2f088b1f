/// `cli-options`: NUL-separated bytes as `llm-cost` arguments, parsed by a command table with
/// the option set of `quote` (the largest), then every accessor a command calls.
enum CLIOptionsTarget {
  static let valued: Set<String> = [
    "catalog", "fx-file", "fx-max-age", "model", "provider", "input", "cached-input",
    "cache-write", "output", "reasoning", "requests", "at", "currency", "service-tier",
  ]
  static let flags: Set<String> = ["strict-calendar", "built-in", "batch", "json", "markdown"]
  static let repeatable: Set<String> = ["fx", "tool"]

  /// A command table with the option set of `quote`, the largest.
  static let spec = CommandSpec(
    name: "quote",
    abstract: "Price one usage.",
    usage: ["quote [options]"],
    groups: [
      OptionGroup(
        "OPTIONS",
        valued.sorted().map { .value($0, "VALUE", "A value.") }
          + repeatable.sorted().map { .value($0, "VALUE", repeatable: true, "Repeatable.") }
          + flags.sorted().map { .flag($0, "A flag.") }
      )
    ]
  )

  static func run(_ input: UnsafeRawBufferPointer) {
    let arguments = input.split(separator: 0, omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self)
    }
    // An unknown option's "did you mean" runs on every bad name.
    guard let options = try? spec.parse(arguments) else { return }
    for name in valued.union(flags).union(repeatable) {
      _ = options.flag(name)
      _ = options.string(name)
      _ = options.strings(name)
      _ = try? options.required(name)
      _ = try? options.count(name)
      _ = try? options.currency(name)
      _ = try? options.instant(name)
    }
  }
}

/// The CLI's usage error, as `Examples/llm-cost/LLMCost.swift` defines it.
///
/// That file is the command's entry point and needs every command, so the fuzz binary
/// takes only the option tables and their parser, and this copy of the one type they use.
struct UsageError: Error {
  let message: String
  init(_ message: String) { self.message = message }
}
