import Foundation

/// One table of a warehouse export: typed columns and rows of exact text, written as CSV.
struct WarehouseTable: Sendable {
  /// How a column is typed in the database.
  enum ColumnType: Sendable {
    /// Text, such as an offering id.
    case text
    /// A 64-bit integer, such as a token bound or seconds since 1970.
    case integer
    /// An exact decimal with 18 fractional digits: a per-token price.
    case decimal
    /// 0 or 1.
    case flag
  }

  /// A column: its name, type, and whether it can be NULL.
  struct Column: Sendable {
    let name: String
    let type: ColumnType
    let isNullable: Bool

    init(_ name: String, _ type: ColumnType, nullable: Bool = false) {
      self.name = name
      self.type = type
      self.isNullable = nullable
    }
  }

  /// The table's name in the database, such as `llm_prices`; the file is this plus `.csv`.
  let name: String
  let columns: [Column]
  /// The rows, each value as it is written; `nil` is NULL (an empty field).
  var rows: [[String?]] = []

  var fileName: String { "\(name).csv" }

  /// RFC 4180 CSV with a header line: a field with a comma, quote or line break is quoted,
  /// quotes doubled; line breaks inside text become spaces, so every record is one line.
  func csv() -> String {
    var text = columns.map(\.name).joined(separator: ",") + "\n"
    for row in rows {
      text += row.map { Self.field($0) }.joined(separator: ",") + "\n"
    }
    return text
  }

  private static func field(_ value: String?) -> String {
    guard var value else { return "" }
    if value.contains(where: { $0 == "\n" || $0 == "\r" }) {
      value = value.map { $0 == "\n" || $0 == "\r" ? " " : String($0) }.joined()
    }
    guard value.contains(where: { $0 == "," || $0 == "\"" }) || value.isEmpty else {
      return value
    }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
