import Foundation

/// Decodes the project's own JSON files strictly, for every `Decodable` type.
///
/// Where `JSONDecoder` forgives, this refuses, naming the key path:
/// - a key the type never asks for (a misspelt optional key would otherwise be dropped and
///   its default silently used), with the closest key the type knows;
/// - a duplicate key, bytes that are not JSON, and everything else ``StrictJSON`` refuses;
/// - a number a type cannot hold exactly: integers must be whole and in range, and
///   ``FixedDecimal`` gets the number's text whole instead of through `Decimal`'s 38 digits.
///
/// Every failure is a ``PricingError`` whose message starts with the key path, such as
/// `at offerings[0].schedule.entries[2].sheet.tiers[0].prices.cachedRead: unknown key; did
/// you mean cacheRead?`.
package struct StrictJSONDecoder {
  /// Values handed to every `init(from:)`, as `JSONDecoder.userInfo`.
  var userInfo: [CodingUserInfoKey: Any] = [:]

  /// A decoder with no user info.
  package init() {}

  /// Decodes a value of `type` from a whole document.
  package func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
    try decode(type, from: StrictJSON.parse(data))
  }

  /// Decodes a value of `type` from a parsed document.
  func decode<T: Decodable>(_ type: T.Type, from json: ExactJSON) throws -> T {
    let decoder = StrictValueDecoder(json, path: [], userInfo: userInfo)
    do {
      return try decoder.decodeChecked(type)
    } catch let error as DecodingError {
      throw PricingError(decoding: error)
    } catch let error as LocatedError {
      throw error.pricingError
    }
  }
}

/// A ``PricingError`` thrown by an `init(from:)`, with the key path where it was thrown.
private struct LocatedError: Error {
  var error: PricingError
  var path: [any CodingKey]

  var pricingError: PricingError {
    let at = StrictCodingKey.render(path)
    return PricingError(error.code, at.isEmpty ? error.message : "at \(at): \(error.message)")
  }
}

/// A coding key for object members and array elements.
struct StrictCodingKey: CodingKey {
  var stringValue: String
  var intValue: Int?

  init(stringValue: String) {
    self.stringValue = stringValue
    self.intValue = nil
  }

  init(intValue: Int) {
    self.stringValue = "\(intValue)"
    self.intValue = intValue
  }

  static func render(_ path: [any CodingKey]) -> String {
    var text = ""
    for key in path {
      if let index = key.intValue {
        text += "[\(index)]"
      } else {
        text += (text.isEmpty ? "" : ".") + key.stringValue
      }
    }
    return text
  }
}

/// A value that can hand its exact number text to a type decoding it.
protocol ExactNumberDecoder {
  /// The JSON number's text, when the value being decoded is a number.
  var exactNumberText: String? { get }
}

/// The decoder for one value; it remembers which keys its type asked for.
final class StrictValueDecoder: Decoder, ExactNumberDecoder {
  let json: ExactJSON
  let codingPath: [any CodingKey]
  let userInfo: [CodingUserInfoKey: Any]
  /// The keys asked for through a keyed container; `nil` when none was made.
  fileprivate var askedKeys: Set<String>?
  /// Set when the type enumerated `allKeys`, as a dictionary does: every key is wanted.
  fileprivate var tookAllKeys = false

  init(_ json: ExactJSON, path: [any CodingKey], userInfo: [CodingUserInfoKey: Any]) {
    self.json = json
    self.codingPath = path
    self.userInfo = userInfo
  }

  var exactNumberText: String? {
    if case .number(let text) = json { return text }
    return nil
  }

  /// Decodes `type` here, then refuses keys the type did not ask for.
  func decodeChecked<T: Decodable>(_ type: T.Type) throws -> T {
    let value: T
    do {
      value = try T(from: self)
    } catch let error as PricingError {
      throw LocatedError(error: error, path: codingPath)
    } catch DecodingError.keyNotFound(let missing, let context)
      where context.codingPath.count == codingPath.count
    {
      // A missing key is often a misspelt one: name the unknown key as the cause.
      if let unknown = unknownKeyError(missing: missing.stringValue) { throw unknown }
      throw DecodingError.keyNotFound(missing, context)
    }
    if let unknown = unknownKeyError(missing: nil) { throw unknown }
    return value
  }

  /// The error for the first key of this object that its type did not ask for, if any.
  ///
  /// With a key missing, the unknown key nearest to it is taken for its misspelling.
  private func unknownKeyError(missing: String?) -> PricingError? {
    guard case .object(let members) = json, var asked = askedKeys, !tookAllKeys else {
      return nil
    }
    if let missing { asked.insert(missing) }
    let unknown = members.keys.filter { !asked.contains($0) }.sorted()
    guard !unknown.isEmpty else { return nil }
    let key = missing.flatMap { ClosestNames.closest(to: $0, among: unknown).first } ?? unknown[0]
    let guess = missing ?? ClosestNames.closest(to: key, among: asked).first
    let suggestion =
      guess.map { guess in
        let (a, b) = (guess.lowercased(), key.lowercased())
        let near = ClosestNames.distance(a, b) <= max(2, key.count / 3)
        let prefix = a.hasPrefix(b) || b.hasPrefix(a)
        return near || prefix ? "; did you mean `\(guess)`?" : ""
      } ?? ""
    let known = asked.sorted().joined(separator: ", ")
    let path = StrictCodingKey.render(codingPath + [StrictCodingKey(stringValue: key)])
    let missingNote = missing.map { " (`\($0)` is missing)" } ?? ""
    return PricingError(
      .invalidData,
      "at \(path): unknown key `\(key)`\(suggestion)\(missingNote) (known here: \(known))"
    )
  }

  func child(_ json: ExactJSON, _ key: any CodingKey) -> StrictValueDecoder {
    StrictValueDecoder(json, path: codingPath + [key], userInfo: userInfo)
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .object(let members) = json else {
      throw mismatch([String: ExactJSON].self, "an object")
    }
    if askedKeys == nil { askedKeys = [] }
    return KeyedDecodingContainer(StrictKeyedContainer<Key>(decoder: self, members: members))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .array(let elements) = json else { throw mismatch([ExactJSON].self, "an array") }
    return StrictUnkeyedContainer(decoder: self, elements: elements)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    StrictSingleValueContainer(decoder: self)
  }

  func mismatch(_ type: Any.Type, _ expected: String) -> DecodingError {
    DecodingError.typeMismatch(
      type,
      .init(
        codingPath: codingPath,
        debugDescription: "expected \(expected), found \(json.kindName)"
      )
    )
  }

  // MARK: - Scalars

  func decodeNil() -> Bool { json == .null }

  func decode(_ type: Bool.Type) throws -> Bool {
    guard case .bool(let value) = json else { throw mismatch(type, "true or false") }
    return value
  }

  func decode(_ type: String.Type) throws -> String {
    guard case .string(let value) = json else { throw mismatch(type, "a string") }
    return value
  }

  func decodeInteger<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
    guard case .number(let text) = json else { throw mismatch(type, "a whole number") }
    guard let value = T(text) else {
      let isWhole = text.allSatisfy { $0.isNumber || $0 == "-" }
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: codingPath,
          debugDescription: isWhole
            ? "\(text) is out of range (\(T.min)...\(T.max))"
            : "\(text) is not a whole number"
        )
      )
    }
    return value
  }

  func decodeFloat<T: BinaryFloatingPoint & LosslessStringConvertible>(_ type: T.Type) throws -> T {
    guard case .number(let text) = json else { throw mismatch(type, "a number") }
    guard let value = T(text), value.isFinite else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: codingPath, debugDescription: "\(text) is out of range")
      )
    }
    return value
  }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    if type == Date.self, let date = try decodeDate() as? T { return date }
    if type == Decimal.self {
      // Decimal holds 38 digits: refuse rather than round.
      guard case .number(let text) = json else { throw mismatch(type, "a number") }
      guard let fixed = try? FixedDecimal(text),
        let value = Decimal(string: fixed.description, locale: Locale(identifier: "en_US_POSIX"))
          as? T
      else {
        throw DecodingError.dataCorrupted(
          .init(codingPath: codingPath, debugDescription: "\(text) cannot be held exactly")
        )
      }
      return value
    }
    return try T(from: self)
  }

  /// A date: an ISO 8601 string that names an instant that exists, or a number of seconds
  /// since 2001-01-01 (what `JSONEncoder` writes by default, as in reports).
  func decodeDate() throws -> Date {
    if case .number = json {
      return Date(timeIntervalSinceReferenceDate: try decodeFloat(Double.self))
    }
    return try EpochSeconds.strictDecoding(self)
  }
}

extension ExactJSON {
  /// The value's kind, for messages.
  var kindName: String {
    switch self {
    case .object: return "an object"
    case .array: return "an array"
    case .number(let text): return "the number \(text)"
    case .string(let text): return "the string \"\(text.prefix(40))\""
    case .bool(let flag): return flag ? "true" : "false"
    case .null: return "null"
    }
  }
}

private struct StrictKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let decoder: StrictValueDecoder
  let members: [String: ExactJSON]

  var codingPath: [any CodingKey] { decoder.codingPath }

  var allKeys: [Key] {
    decoder.tookAllKeys = true
    return members.keys.compactMap { Key(stringValue: $0) }
  }

  func contains(_ key: Key) -> Bool {
    decoder.askedKeys?.insert(key.stringValue)
    return members[key.stringValue] != nil
  }

  private func value(_ key: Key) throws -> StrictValueDecoder {
    decoder.askedKeys?.insert(key.stringValue)
    guard let json = members[key.stringValue] else {
      throw DecodingError.keyNotFound(
        key,
        .init(codingPath: codingPath, debugDescription: "the key is missing")
      )
    }
    return decoder.child(json, key)
  }

  func decodeNil(forKey key: Key) throws -> Bool {
    decoder.askedKeys?.insert(key.stringValue)
    return members[key.stringValue] == nil || members[key.stringValue] == .null
  }

  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(key).decode(type) }
  func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(key).decode(type) }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
    try value(key).decodeFloat(type)
  }
  func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
    try value(key).decodeFloat(type)
  }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
    try value(key).decodeInteger(type)
  }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
    try value(key).decodeInteger(type)
  }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
    try value(key).decodeInteger(type)
  }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
    try value(key).decodeInteger(type)
  }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
    try value(key).decodeInteger(type)
  }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
    try value(key).decodeInteger(type)
  }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
    try value(key).decodeInteger(type)
  }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
    try value(key).decodeInteger(type)
  }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
    try value(key).decodeInteger(type)
  }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
    try value(key).decodeInteger(type)
  }
  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    let child = try value(key)
    if type == Date.self || type == Decimal.self { return try child.decode(type) }
    return try child.decodeChecked(type)
  }

  func nestedContainer<NestedKey: CodingKey>(
    keyedBy type: NestedKey.Type,
    forKey key: Key
  ) throws -> KeyedDecodingContainer<NestedKey> {
    try value(key).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try value(key).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder {
    decoder.child(members["super"] ?? .null, StrictCodingKey(stringValue: "super"))
  }

  func superDecoder(forKey key: Key) throws -> any Decoder {
    decoder.askedKeys?.insert(key.stringValue)
    return decoder.child(members[key.stringValue] ?? .null, key)
  }
}

private struct StrictUnkeyedContainer: UnkeyedDecodingContainer {
  let decoder: StrictValueDecoder
  let elements: [ExactJSON]
  var currentIndex = 0

  init(decoder: StrictValueDecoder, elements: [ExactJSON]) {
    self.decoder = decoder
    self.elements = elements
  }

  var codingPath: [any CodingKey] { decoder.codingPath }
  var count: Int? { elements.count }
  var isAtEnd: Bool { currentIndex >= elements.count }

  private mutating func next() throws -> StrictValueDecoder {
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(
        Any.self,
        .init(codingPath: codingPath, debugDescription: "the array has too few elements")
      )
    }
    let child = decoder.child(elements[currentIndex], StrictCodingKey(intValue: currentIndex))
    currentIndex += 1
    return child
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, elements[currentIndex] == .null else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode(_ type: Bool.Type) throws -> Bool { try next().decode(type) }
  mutating func decode(_ type: String.Type) throws -> String { try next().decode(type) }
  mutating func decode(_ type: Double.Type) throws -> Double { try next().decodeFloat(type) }
  mutating func decode(_ type: Float.Type) throws -> Float { try next().decodeFloat(type) }
  mutating func decode(_ type: Int.Type) throws -> Int { try next().decodeInteger(type) }
  mutating func decode(_ type: Int8.Type) throws -> Int8 { try next().decodeInteger(type) }
  mutating func decode(_ type: Int16.Type) throws -> Int16 { try next().decodeInteger(type) }
  mutating func decode(_ type: Int32.Type) throws -> Int32 { try next().decodeInteger(type) }
  mutating func decode(_ type: Int64.Type) throws -> Int64 { try next().decodeInteger(type) }
  mutating func decode(_ type: UInt.Type) throws -> UInt { try next().decodeInteger(type) }
  mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next().decodeInteger(type) }
  mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next().decodeInteger(type) }
  mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next().decodeInteger(type) }
  mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next().decodeInteger(type) }
  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    let child = try next()
    if type == Date.self || type == Decimal.self { return try child.decode(type) }
    return try child.decodeChecked(type)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy type: NestedKey.Type
  ) throws -> KeyedDecodingContainer<NestedKey> {
    try next().container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    try next().unkeyedContainer()
  }

  mutating func superDecoder() throws -> any Decoder { try next() }
}

private struct StrictSingleValueContainer: SingleValueDecodingContainer {
  let decoder: StrictValueDecoder

  var codingPath: [any CodingKey] { decoder.codingPath }

  func decodeNil() -> Bool { decoder.decodeNil() }
  func decode(_ type: Bool.Type) throws -> Bool { try decoder.decode(type) }
  func decode(_ type: String.Type) throws -> String { try decoder.decode(type) }
  func decode(_ type: Double.Type) throws -> Double { try decoder.decodeFloat(type) }
  func decode(_ type: Float.Type) throws -> Float { try decoder.decodeFloat(type) }
  func decode(_ type: Int.Type) throws -> Int { try decoder.decodeInteger(type) }
  func decode(_ type: Int8.Type) throws -> Int8 { try decoder.decodeInteger(type) }
  func decode(_ type: Int16.Type) throws -> Int16 { try decoder.decodeInteger(type) }
  func decode(_ type: Int32.Type) throws -> Int32 { try decoder.decodeInteger(type) }
  func decode(_ type: Int64.Type) throws -> Int64 { try decoder.decodeInteger(type) }
  func decode(_ type: UInt.Type) throws -> UInt { try decoder.decodeInteger(type) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.decodeInteger(type) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.decodeInteger(type) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.decodeInteger(type) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.decodeInteger(type) }
  func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(type) }
}
