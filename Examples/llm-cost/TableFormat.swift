/// How a command prints its result: aligned text, JSON, CSV or a Markdown table.
enum TableFormat: Equatable {
  case text
  case json
  case csv
  case markdown

  /// The format the options choose, after refusing two at once (a usage error naming both).
  ///
  /// Only the formats a command lists are looked for; the others are never set.
  init(_ options: Options) throws {
    try options.exclusive(["json", "csv", "markdown"])
    if options.flag("json") {
      self = .json
    } else if options.flag("csv") {
      self = .csv
    } else if options.flag("markdown") {
      self = .markdown
    } else {
      self = .text
    }
  }
}
