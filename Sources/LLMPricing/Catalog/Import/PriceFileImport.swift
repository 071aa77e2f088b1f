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

/// A JSON value whose numbers keep their exact decimal text.
///
/// Foundation's `JSONSerialization` reads numbers as `Double`, so `1.5e-07` would arrive
/// inexact; decoding through `Decimal` keeps the digits, and ``FixedDecimal`` parses them.
enum ExactJSON: Decodable, Sendable {
  case object([String: ExactJSON])
  case array([ExactJSON])
  case number(String)
  case string(String)
  case bool(Bool)
  case null

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode(Decimal.self) {
      self = .number("\(value)")
    } else if let value = try? container.decode([ExactJSON].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: ExactJSON].self))
    }
  }

  static func parse(_ data: Data) throws -> ExactJSON {
    do {
      return try JSONDecoder().decode(ExactJSON.self, from: data)
    } catch let error as DecodingError {
      throw PricingError(decoding: error)
    } catch {
      throw PricingError(.invalidData, "the file is not valid JSON: \(error)")
    }
  }

  subscript(key: String) -> ExactJSON? {
    if case .object(let object) = self { return object[key] }
    return nil
  }

  var object: [String: ExactJSON]? {
    if case .object(let value) = self { return value }
    return nil
  }

  var string: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  var int: Int? {
    if case .number(let text) = self { return Int(text) }
    return nil
  }

  var decimal: FixedDecimal? {
    if case .number(let text) = self { return try? FixedDecimal(text) }
    return nil
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
