import Foundation

/// A JSON value whose numbers keep their exact decimal text.
///
/// Foundation's `JSONSerialization` reads numbers as `Double`, so `1.5e-07` would arrive
/// inexact, and `Decimal` keeps only 38 digits; the text goes to ``FixedDecimal`` whole.
/// ``StrictJSON`` builds these.
enum ExactJSON: Hashable, Sendable {
  case object([String: ExactJSON])
  case array([ExactJSON])
  case number(String)
  case string(String)
  case bool(Bool)
  case null

  /// Parses a document with ``StrictJSON``.
  static func parse(_ data: Data) throws -> ExactJSON {
    try StrictJSON.parse(data)
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
