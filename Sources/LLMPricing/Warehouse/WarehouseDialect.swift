/// The SQL databases a ``WarehouseExport`` writes for.
public enum WarehouseDialect: String, CaseIterable, Sendable {
  /// DuckDB: the tables load with `read_csv`, the view is a plain view.
  case duckdb
  /// ClickHouse (server, `clickhouse-local` or chDB): the tables load with
  /// `INSERT … FROM INFILE`, and the view sets `join_use_nulls`.
  case clickhouse
  /// Spark SQL: the tables are CSV data-source tables, and decimal arithmetic is set to
  /// refuse precision loss (`spark.sql.decimalOperations.allowPrecisionLoss=false`).
  case spark

  /// The type a column is declared with.
  func type(_ type: WarehouseTable.ColumnType, nullable: Bool) -> String {
    let base: String
    switch (self, type) {
    case (.duckdb, .text): base = "VARCHAR"
    case (.spark, .text): base = "STRING"
    case (.clickhouse, .text): base = "String"
    case (.duckdb, .integer), (.spark, .integer): base = "BIGINT"
    case (.clickhouse, .integer): base = "Int64"
    case (.duckdb, .decimal), (.spark, .decimal): base = "DECIMAL(38,18)"
    case (.clickhouse, .decimal): base = "Decimal(38, 18)"
    case (.duckdb, .flag), (.spark, .flag): base = "INTEGER"
    case (.clickhouse, .flag): base = "UInt8"
    }
    return self == .clickhouse && nullable ? "Nullable(\(base))" : base
  }

  /// A nullable 64-bit integer, for casts.
  var bigint: String { self == .clickhouse ? "Nullable(Int64)" : "BIGINT" }

  /// Text, for casts.
  var text: String { self == .clickhouse ? "Nullable(String)" : type(.text, nullable: false) }

  /// Whole seconds since 1970 of a timestamp (rounded down, for instants from 1970).
  func epochSecond(_ timestamp: String) -> String {
    switch self {
    case .duckdb: return "(epoch_ms(\(timestamp)) // 1000)"
    case .clickhouse: return "intDiv(toUnixTimestamp64Milli(toDateTime64(\(timestamp), 3)), 1000)"
    case .spark: return "unix_timestamp(\(timestamp))"
    }
  }

  /// Integer division of a non-negative number.
  func divide(_ value: String, by divisor: Int) -> String {
    switch self {
    case .duckdb: return "((\(value)) // \(divisor))"
    case .clickhouse: return "intDiv(\(value), \(divisor))"
    case .spark: return "((\(value)) DIV \(divisor))"
    }
  }

  /// The 1-based position of `/` in a text, or 0.
  func slashPosition(_ text: String) -> String {
    switch self {
    case .duckdb: return "strpos(\(text), '/')"
    case .clickhouse: return "position(\(text), '/')"
    case .spark: return "instr(\(text), '/')"
    }
  }

  /// Lower case.
  func lower(_ text: String) -> String {
    self == .clickhouse ? "lowerUTF8(\(text))" : "lower(\(text))"
  }

  /// Upper case.
  func upper(_ text: String) -> String {
    self == .clickhouse ? "upperUTF8(\(text))" : "upper(\(text))"
  }

  /// Whether a text matches a regular expression (RE2 or Java syntax; the patterns used are
  /// in both).
  func matches(_ text: String, _ pattern: String) -> String {
    switch self {
    case .duckdb: return "regexp_full_match(\(text), '\(pattern)')"
    case .clickhouse: return "match(\(text), '^\(pattern)$')"
    case .spark: return "(\(text) RLIKE '^\(pattern)$')"
    }
  }

  /// The first group of a regular expression that matches the whole text.
  func firstGroup(_ text: String, _ pattern: String) -> String {
    switch self {
    case .duckdb: return "regexp_extract(\(text), '^\(pattern)$', 1)"
    case .clickhouse: return "replaceRegexpOne(\(text), '^\(pattern)$', '\\\\1')"
    case .spark: return "regexp_extract(\(text), '^\(pattern)$', 1)"
    }
  }

  /// The statement terminator and settings after the view's query.
  var viewSettings: String { self == .clickhouse ? "\nSETTINGS join_use_nulls = 1" : "" }

  /// How the view drops the working columns.
  var exceptKeyword: String { self == .duckdb ? "EXCLUDE" : "EXCEPT" }
}
