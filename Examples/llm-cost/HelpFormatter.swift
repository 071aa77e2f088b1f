/// Lays out `--help` text: paragraphs and option lines wrapped to ``width`` columns.
enum HelpFormatter {
  /// The widest a help line may be.
  static let width = 100
  /// The column option descriptions start in.
  static let descriptionColumn = 24

  /// Words wrapped into lines of at most `width` columns, each starting with `indent`.
  ///
  /// A word longer than the room left gets a line of its own rather than being cut.
  static func wrap(_ text: String, indent: String, width: Int = width) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if line.isEmpty {
        line = indent + word
      } else if line.count + 1 + word.count <= width {
        line += " " + word
      } else {
        lines.append(line)
        line = indent + word
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }

  /// A paragraph of discussion: wrapped, unless it starts with spaces (an example laid out
  /// by hand), which is kept line for line.
  static func paragraph(_ text: String) -> [String] {
    if text.hasPrefix(" ") { return text.split(separator: "\n").map(String.init) }
    return wrap(text, indent: "")
  }

  /// An option's lines: its synopsis, then its description from ``descriptionColumn``, on
  /// the same line when the synopsis leaves room.
  static func option(_ synopsis: String, _ help: String) -> [String] {
    let hanging = String(repeating: " ", count: descriptionColumn)
    var lines = wrap(help, indent: hanging)
    let head = "  " + synopsis
    if head.count + 2 <= descriptionColumn, let first = lines.first {
      lines[0] = head + first.dropFirst(head.count)
      return lines
    }
    return [head] + lines
  }
}
