/// A command's table: what it does, how it is called, and every option it accepts.
///
/// In the manner of swift-argument-parser, without the dependency: ``parse(_:)`` accepts
/// exactly the options of ``groups`` and ``help`` is generated from the same table, so the
/// help cannot list an option the parser refuses, nor leave out one it reads.
struct CommandSpec: Sendable {
  /// The words after `llm-cost`, such as `compare` or `catalog check`.
  let name: String
  /// One sentence, for the list of subcommands.
  let abstract: String
  /// The synopsis lines, each after `llm-cost `; a line that starts with spaces continues
  /// the one before it, indented by its spaces past `llm-cost `.
  let usage: [String]
  /// Paragraphs under the synopsis; one that starts with spaces is kept as laid out.
  let discussion: [String]
  /// The placeholder of positional arguments, such as `FILE`; `nil` when none are taken.
  let positional: String?
  /// The options, under their headings; an option shared by two groups is listed once.
  let groups: [OptionGroup]
  /// Paragraphs after the options, such as the exit codes.
  let footer: [String]

  init(
    name: String,
    abstract: String,
    usage: [String],
    discussion: [String] = [],
    positional: String? = nil,
    groups: [OptionGroup],
    footer: [String] = []
  ) {
    self.name = name
    self.abstract = abstract
    self.usage = usage
    self.discussion = discussion
    self.positional = positional
    self.groups = groups
    self.footer = footer
  }

  /// Every option, once each, in help order.
  var options: [OptionSpec] {
    var seen: Set<String> = []
    return groups.flatMap(\.options).filter { seen.insert($0.name).inserted }
  }

  /// The option with this name, if the command accepts it.
  func option(named name: String) -> OptionSpec? {
    options.first { $0.name == name }
  }

  /// Whether the arguments ask for help (`--help` or `-h` anywhere).
  static func wantsHelp(_ arguments: [String]) -> Bool {
    arguments.contains("--help") || arguments.contains("-h")
  }

  /// The `--help` text, generated from the table and wrapped to 100 columns.
  var help: String {
    var lines: [String] = []
    for (index, line) in usage.enumerated() {
      let program = line.hasPrefix(" ") ? "         " : "llm-cost "
      lines.append((index == 0 ? "USAGE: " : "       ") + program + line)
    }
    lines.append("")
    lines += HelpFormatter.wrap(abstract, indent: "")
    for paragraph in discussion {
      lines.append("")
      lines += HelpFormatter.paragraph(paragraph)
    }
    var listed: Set<String> = []
    for group in groups {
      let fresh = group.options.filter { listed.insert($0.name).inserted }
      guard !fresh.isEmpty else { continue }
      lines.append("")
      lines.append(group.title + ":")
      if let note = group.note { lines += HelpFormatter.wrap(note, indent: "  ") }
      for option in fresh { lines += HelpFormatter.option(option.synopsis, option.help) }
    }
    lines += HelpFormatter.option("-h, --help", "Show this help.")
    for paragraph in footer {
      lines.append("")
      lines += HelpFormatter.paragraph(paragraph)
    }
    return lines.joined(separator: "\n")
  }

  /// Parses arguments against the table.
  ///
  /// Accepts `--name value` and `--name=value`; a value may not be missing, nor given twice
  /// unless the option is repeatable. An unknown option is an error that suggests the
  /// nearest known one and lists them all.
  func parse(_ arguments: [String]) throws -> Options {
    try Options(arguments, spec: self)
  }

  /// The same command with only some of its options, for actions that share one help text
  /// (`catalog export`, `catalog check`, …).
  func restricted(to names: [String], name: String) -> CommandSpec {
    CommandSpec(
      name: name,
      abstract: abstract,
      usage: usage,
      discussion: discussion,
      positional: positional,
      groups: [OptionGroup("OPTIONS", options.filter { names.contains($0.name) })],
      footer: footer
    )
  }

  /// A usage error for an option this command does not take.
  func unknownOption(_ name: String) -> UsageError {
    let names = options.map(\.name)
    var message = "unknown option '--\(name)'"
    if let nearest = Suggestion.closest(to: name, among: names) {
      message += "; did you mean '--\(nearest)'?"
    }
    message +=
      " Known options of 'llm-cost \(self.name)': "
      + names.map { "--" + $0 }.joined(separator: ", ")
    return UsageError(message)
  }
}
