import Foundation

/// The result of importing another project's price file: the offerings it could express,
/// and every entry it skipped with the reason.
///
/// Nothing is dropped silently: an entry either becomes an offering or appears in
/// ``skipped``.
public struct PriceFileImport: Sendable {
  /// An entry of the source file that did not become an offering.
  public struct Skipped: Hashable, Sendable, Codable {
    /// The entry's key or id in the source file.
    public var entry: String
    /// Why it was skipped, for people.
    public var reason: String

    /// Creates a record of a skipped entry.
    ///
    /// - Parameters:
    ///   - entry: The entry's key or id.
    ///   - reason: Why it was skipped.
    public init(entry: String, reason: String) {
      self.entry = entry
      self.reason = reason
    }
  }

  /// The offerings the file's prices could express, in USD.
  public var catalog: Catalog
  /// The entries that could not be imported, with reasons.
  public var skipped: [Skipped]

  /// Creates an import result.
  ///
  /// - Parameters:
  ///   - catalog: The imported offerings.
  ///   - skipped: The skipped entries.
  public init(catalog: Catalog, skipped: [Skipped]) {
    self.catalog = catalog
    self.skipped = skipped
  }
}

extension PriceFileImport {
  /// A schedule with one undated entry, for files that carry no effective dates.
  static func undated(
    _ sheet: PriceSheet,
    source: String,
    observed: CalendarDay,
    note: String
  ) throws -> PriceSchedule {
    try PriceSchedule(entries: [
      PriceSchedule.Entry(
        effectiveFrom: Date(timeIntervalSince1970: 0),
        sheet: sheet,
        provenance: Provenance(
          source: source,
          observed: observed,
          confidence: .singleSource,
          note: note
        )
      )
    ])
  }
}
