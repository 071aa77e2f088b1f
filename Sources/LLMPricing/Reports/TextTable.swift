import Foundation

/// A table of text cells, rendered for terminals, Markdown or CSV.
///
/// One value serves every output a report offers, so a command builds its rows once and
/// prints them in the format asked for:
///
/// ```swift
/// var table = TextTable(["month", "bill"], rightAligned: [1])
/// table.append(["2026-01", "¥1,234.50"])
/// print(table.rendered())  // aligned columns
/// print(table.markdown())  // | month | bill | …
/// print(table.csv())       // month,bill …
/// ```
///
/// Columns are aligned by display width: a Chinese, Japanese or Korean character (and any
/// other East Asian wide or fullwidth character) takes two terminal cells, so a model
/// named `通义千问` lines up with `qwen-max`.
public struct TextTable: Hashable, Sendable {
  /// The column headers.
  public var headers: [String]
  /// The columns whose text is aligned right (numbers), by index.
  public var rightAligned: Set<Int>
  /// The rows; a row shorter than the headers is padded with empty cells.
  public private(set) var rows: [[String]] = []

  /// Creates an empty table.
  ///
  /// - Parameters:
  ///   - headers: The column headers.
  ///   - rightAligned: The columns to align right.
  public init(_ headers: [String], rightAligned: Set<Int> = []) {
    self.headers = headers
    self.rightAligned = rightAligned
  }

  /// Adds a row.
  ///
  /// - Parameter row: The cells, one per column; extra cells are dropped.
  public mutating func append(_ row: [String]) {
    rows.append(Array(row.prefix(headers.count)))
  }

  /// The table as text: headers, a rule, then the rows, columns two spaces apart, with no
  /// trailing spaces.
  ///
  /// - Returns: The lines, joined by newlines, without a final newline.
  public func rendered() -> String {
    let all = [headers] + rows
    let widths = headers.indices.map { column in
      all.map { column < $0.count ? Self.displayWidth(of: $0[column]) : 0 }.max() ?? 0
    }
    func line(_ row: [String]) -> String {
      let cells = headers.indices.map { column -> String in
        let text = column < row.count ? row[column] : ""
        let padding = String(repeating: " ", count: widths[column] - Self.displayWidth(of: text))
        return rightAligned.contains(column) ? padding + text : text + padding
      }
      return String(cells.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
    }
    let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
  }

  /// The table as GitHub-flavoured Markdown, right-aligned columns marked `---:`.
  ///
  /// A `|` in a cell is escaped and a line break becomes a space, so every cell stays in
  /// its column.
  ///
  /// - Returns: The lines, joined by newlines, without a final newline.
  public func markdown() -> String {
    func escaped(_ text: String) -> String {
      text.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "|", with: "\\|")
        .replacingOccurrences(of: "\r\n", with: " ")
        .replacingOccurrences(of: "\n", with: " ")
    }
    func line(_ row: [String]) -> String {
      let cells = headers.indices.map { column in
        escaped(column < row.count ? row[column] : "")
      }
      return "| " + cells.joined(separator: " | ") + " |"
    }
    let rule = headers.indices.map { rightAligned.contains($0) ? "---:" : "---" }
    return ([line(headers), "| " + rule.joined(separator: " | ") + " |"] + rows.map(line))
      .joined(separator: "\n")
  }

  /// The table as CSV (RFC 4180): the headers, then one record per row; a field holding a
  /// comma, a quote or a line break is quoted, its quotes doubled.
  ///
  /// - Returns: The records, each ending with a newline.
  public func csv() -> String {
    ([headers] + rows).map { row in
      headers.indices.map { Self.csvField($0 < row.count ? row[$0] : "") }
        .joined(separator: ",") + "\n"
    }.joined()
  }

  /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
  ///
  /// - Parameter text: The field's text.
  /// - Returns: The text, quoted when it must be.
  public static func csvField(_ text: String) -> String {
    text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
      ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
  }

  /// The number of terminal cells a text takes: two for each East Asian wide or fullwidth
  /// character (Chinese, Japanese and Korean characters, fullwidth forms, most emoji), one
  /// for every other character (grapheme cluster), so `¥` and `€` count as one, like `$`.
  ///
  /// - Parameter text: The text.
  /// - Returns: Its display width.
  public static func displayWidth(of text: String) -> Int {
    text.reduce(0) { width, character in
      guard let scalar = character.unicodeScalars.first else { return width }
      return width + (isWide(scalar.value) ? 2 : 1)
    }
  }

  /// Whether a code point is East Asian Wide (W) or Fullwidth (F) in Unicode's
  /// EastAsianWidth.txt, in the blocks that occur in model names and reports.
  private static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F,  // Hangul Jamo initials
      0x2E80...0x303E,  // CJK radicals, Kangxi, CJK symbols and punctuation
      0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, CJK compatibility
      0x3400...0x4DBF,  // CJK Extension A
      0x4E00...0x9FFF,  // CJK Unified Ideographs
      0xA000...0xA4CF,  // Yi
      0xAC00...0xD7A3,  // Hangul syllables
      0xF900...0xFAFF,  // CJK compatibility ideographs
      0xFE30...0xFE4F,  // CJK compatibility forms
      0xFF00...0xFF60,  // Fullwidth forms
      0xFFE0...0xFFE6,  // Fullwidth signs, such as ￥
      0x1F300...0x1F64F,  // Pictographs and emoticons
      0x1F900...0x1F9FF,  // Supplemental symbols and pictographs
      0x20000...0x3FFFD:  // CJK Extensions B and later
      return true
    default:
      return false
    }
  }
}
