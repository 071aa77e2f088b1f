import Foundation

/// A plain-text table with aligned columns, for terminals and logs.
///
/// ```swift
/// var table = TextTable(["month", "bill"], rightAligned: [1])
/// table.append(["2026-01", "¥1,234.50"])
/// print(table.rendered())
/// ```
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
    // Width in characters (grapheme clusters): "¥" and "€" count as one, like "$".
    let widths = headers.indices.map { column in
      all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
    }
    func line(_ row: [String]) -> String {
      let cells = headers.indices.map { column -> String in
        let text = column < row.count ? row[column] : ""
        let padding = String(repeating: " ", count: widths[column] - text.count)
        return rightAligned.contains(column) ? padding + text : text + padding
      }
      return String(cells.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
    }
    let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
  }
}
