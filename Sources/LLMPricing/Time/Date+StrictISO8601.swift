import Foundation

extension Date {
  /// Parses an ISO 8601 instant strictly: `YYYY-MM-DDTHH:MM:SS`, optional fractional
  /// seconds, and `Z` or a `±HH:MM` offset; `nil` for anything else, including a day or a
  /// time that does not exist.
  ///
  /// Foundation's ISO 8601 parser moves an impossible instant instead of refusing it
  /// (`2025-02-29T12:00:00Z` becomes March 1); every instant the library reads from a file,
  /// a log or an option goes through this parser instead.
  ///
  /// ```swift
  /// Date(strictISO8601: "2026-12-01T08:00:00+08:00")  // 2026-12-01T00:00:00Z
  /// Date(strictISO8601: "2025-02-29T12:00:00Z")       // nil
  /// ```
  ///
  /// - Parameter text: The instant.
  public init?(strictISO8601 text: String) {
    guard let instant = EpochSeconds.strictInstant(text) else { return nil }
    self = instant
  }
}
