/// `cli-options`: NUL-separated bytes as `llm-cost` arguments, against the option sets of
/// `quote` (the largest), then every accessor a command calls.
enum CLIOptionsTarget {
  static let valued: Set<String> = [
    "catalog", "fx-file", "fx-max-age", "model", "provider", "input", "cached-input",
    "cache-write", "output", "reasoning", "requests", "at", "currency", "service-tier",
  ]
  static let flags: Set<String> = ["strict-calendar", "built-in", "batch", "json"]
  static let repeatable: Set<String> = ["fx", "tool"]

  static func run(_ input: UnsafeRawBufferPointer) {
    let arguments = input.split(separator: 0, omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self)
    }
    guard
      let options = try? Options(
        arguments,
        valued: valued,
        flags: flags,
        repeatable: repeatable
      )
    else { return }
    for name in valued.union(flags).union(repeatable) {
      _ = options.flag(name)
      _ = options.string(name)
      _ = options.strings(name)
      _ = try? options.required(name)
      _ = try? options.count(name)
      _ = try? options.currency(name)
    }
  }
}

/// The CLI's usage error, as `Examples/llm-cost/LLMCost.swift` defines it.
///
/// That file is the command's entry point and needs every command, so the fuzz binary
/// takes only `Options.swift` and this copy of the one type it uses.
struct UsageError: Error {
  let message: String
  init(_ message: String) { self.message = message }
}
