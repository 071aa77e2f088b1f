/// One option a command accepts: its name, the value it takes, and its line in `--help`.
///
/// The command's ``CommandSpec`` lists these; parsing accepts exactly them and `--help` is
/// generated from them, so the two cannot drift apart.
struct OptionSpec: Sendable {
  /// The name without its leading `--`, such as `month`.
  let name: String
  /// The value's placeholder in help, such as `YYYY-MM`; `nil` for a flag.
  let valueName: String?
  /// Whether the option may be given more than once (its values are kept in order).
  let repeatable: Bool
  /// What the option does, for `--help`; wrapped to the help's width.
  let help: String

  /// A flag: an option without a value.
  static func flag(_ name: String, _ help: String) -> OptionSpec {
    OptionSpec(name: name, valueName: nil, repeatable: false, help: help)
  }

  /// An option that takes a value, given as `--name value` or `--name=value`.
  static func value(
    _ name: String,
    _ valueName: String,
    repeatable: Bool = false,
    _ help: String
  ) -> OptionSpec {
    OptionSpec(name: name, valueName: valueName, repeatable: repeatable, help: help)
  }

  /// Whether the option is a flag.
  var isFlag: Bool { valueName == nil }

  /// The option as written in help, such as `--month YYYY-MM`.
  var synopsis: String { "--" + name + (valueName.map { " " + $0 } ?? "") }

  /// `--markdown`, the same for every command that prints a table.
  static let markdown = flag(
    "markdown",
    "Print the table as GitHub-flavoured Markdown (| cells | and a --- rule) instead of "
      + "aligned text."
  )
}

/// Options that belong together under one heading of `--help`, declared once and shared by
/// the commands that read them (such as the catalog and exchange-rate options).
struct OptionGroup: Sendable {
  /// The heading, such as `EXCHANGE RATES`.
  let title: String
  /// A sentence under the heading, such as the mode the options belong to.
  let note: String?
  /// The options, in help order.
  let options: [OptionSpec]

  init(_ title: String, note: String? = nil, _ options: [OptionSpec]) {
    self.title = title
    self.note = note
    self.options = options
  }
}
