import Foundation

/// The one JSON grammar of the library: every file and every log line is read by it.
///
/// It follows RFC 8259 to the letter and refuses what lenient readers let through, because
/// a lenient reader turns a damaged input into a plausible wrong bill:
/// - a key twice in one object (which value wins differs between readers);
/// - bare words, leading zeros, a missing value, trailing commas or bytes after the value;
/// - bytes that are not UTF-8, lone surrogate escapes and unescaped control characters;
/// - nesting deeper than ``maximumDepth``.
///
/// Numbers keep their exact text, so no digit is rounded before the library's exact
/// decimal parser sees it. ``validate(_:)`` runs the same code without building values, so
/// a line that the log scanner's fast path accepts is one the general path accepts too,
/// and a refused line is refused with the same message on both.
enum StrictJSON {
  /// The deepest nesting of objects and arrays accepted.
  static let maximumDepth = 128

  /// Parses a whole document; a UTF-8 byte order mark before it is skipped.
  static func parse(_ data: Data) throws -> ExactJSON {
    try data.withUnsafeBytes { buffer in
      let start = Self.hasByteOrderMark(buffer) ? 3 : 0
      var reader = StrictJSONReader(
        UnsafeRawBufferPointer(rebasing: buffer[start...]),
        building: true
      )
      return try reader.document()
    }
  }

  /// Parses one value from raw bytes (a log line): no byte order mark is allowed.
  static func parse(_ bytes: UnsafeRawBufferPointer) throws -> ExactJSON {
    var reader = StrictJSONReader(bytes, building: true)
    return try reader.document()
  }

  /// Checks the bytes as ``parse(_:)-(UnsafeRawBufferPointer)`` would, without building values.
  ///
  /// `scratch` keeps the reader's working memory from one call to the next, so validating
  /// a log of lines allocates nothing per line.
  static func validate(_ bytes: UnsafeRawBufferPointer, scratch: inout Scratch) throws {
    var reader = StrictJSONReader(bytes, building: false, scratch: scratch)
    defer { scratch = reader.scratch }
    scratch = Scratch()
    _ = try reader.document()
  }

  /// Checks the bytes without building values, with working memory of its own.
  static func validate(_ bytes: UnsafeRawBufferPointer) throws {
    var scratch = Scratch()
    try validate(bytes, scratch: &scratch)
  }

  /// The working memory of a reader: the key path and the keys of the open objects.
  struct Scratch {
    fileprivate var path: [StrictJSONReader.PathStep] = []
    fileprivate var keys: [StrictJSONReader.Key] = []
  }

  static func hasByteOrderMark(_ bytes: UnsafeRawBufferPointer) -> Bool {
    bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
  }
}

/// The reader behind ``StrictJSON``; `building: false` validates only.
struct StrictJSONReader {
  private let bytes: UnsafeRawBufferPointer
  private let building: Bool
  private var position = 0
  /// Where the reader is (for messages), and the keys of the objects open (for duplicates).
  fileprivate var scratch: StrictJSON.Scratch
  private var path: [PathStep] {
    get { scratch.path }
    _modify { yield &scratch.path }
  }

  fileprivate enum PathStep {
    case key(String)
    case rawKey(Range<Int>)
    case index(Int)
  }

  /// A key as read: its raw bytes when it has no escapes, else its decoded text.
  fileprivate enum Key {
    case raw(Range<Int>)
    case decoded(String)
  }

  init(
    _ bytes: UnsafeRawBufferPointer,
    building: Bool,
    scratch: StrictJSON.Scratch = StrictJSON.Scratch()
  ) {
    self.bytes = bytes
    self.building = building
    self.scratch = scratch
  }

  mutating func document() throws -> ExactJSON {
    scratch.path.removeAll(keepingCapacity: true)
    scratch.keys.removeAll(keepingCapacity: true)
    skipSpace()
    guard position < bytes.count else {
      if bytes.isEmpty { throw failure("the input is empty") }
      throw failure("there is only white space")
    }
    let value = try self.value(depth: 0)
    let end = position
    skipSpace()
    guard position == bytes.count else {
      let gap = UnsafeRawBufferPointer(rebasing: bytes[end..<position])
      if gap.contains(13), !gap.contains(10) {
        throw failure(
          "unexpected \(describe(position)) after the value: lines that end in CR alone? "
            + "End them with LF or CRLF"
        )
      }
      throw failure("unexpected \(describe(position)) after the value")
    }
    return value
  }

  // MARK: - Errors

  private func failure(_ what: String, at offset: Int? = nil) -> PricingError {
    let place = offset ?? position
    let location = path.isEmpty ? "" : " in `\(renderedPath)`"
    return PricingError(.invalidData, "not valid JSON: \(what) at byte \(place + 1)\(location)")
  }

  private var renderedPath: String {
    var text = ""
    for step in path {
      switch step {
      case .key(let name): text += text.isEmpty ? name : "." + name
      case .rawKey(let range): text += (text.isEmpty ? "" : ".") + string(range)
      case .index(let index): text += "[\(index)]"
      }
    }
    return text
  }

  private func describe(_ offset: Int) -> String {
    guard offset < bytes.count else { return "end of input" }
    let byte = bytes[offset]
    if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    return "byte 0x\(String(byte, radix: 16, uppercase: true))"
  }

  private func string(_ range: Range<Int>) -> String {
    String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  // MARK: - Grammar

  private mutating func skipSpace() {
    while position < bytes.count {
      let byte = bytes[position]
      guard byte == 32 || byte == 10 || byte == 13 || byte == 9 else { return }
      position += 1
    }
  }

  private mutating func value(depth: Int) throws -> ExactJSON {
    guard position < bytes.count else { throw failure("a value is missing") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try object(depth: depth + 1)
    case UInt8(ascii: "["): return try array(depth: depth + 1)
    case UInt8(ascii: "\""):
      let text = try stringValue()
      guard building else { return .null }
      switch text {
      case .raw(let range): return .string(string(range))
      case .decoded(let decoded): return .string(decoded)
      }
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ","):
      throw failure("a value is missing before \(describe(position))")
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
      throw failure(
        "unexpected \(describe(position)); strings need double quotes, and only true, false "
          + "and null are bare words"
      )
    default:
      throw failure(
        "unexpected \(describe(position)); a value is an object, array, string, number, true, "
          + "false or null"
      )
    }
  }

  private mutating func literal(_ word: StaticString, _ value: ExactJSON) throws -> ExactJSON {
    let count = word.utf8CodeUnitCount
    guard position + count <= bytes.count,
      (0..<count).allSatisfy({ bytes[position + $0] == word.utf8Start[$0] })
    else {
      throw failure("unexpected \(describe(position)); only true, false and null are bare words")
    }
    position += count
    return value
  }

  private mutating func number() throws -> ExactJSON {
    let start = position
    func digit(_ offset: Int) -> Bool {
      offset < bytes.count && bytes[offset] >= 48 && bytes[offset] <= 57
    }
    if bytes[position] == UInt8(ascii: "-") { position += 1 }
    guard digit(position) else { throw failure("a minus sign must be followed by a digit") }
    if bytes[position] == UInt8(ascii: "0") {
      position += 1
      guard !digit(position) else {
        throw failure("a number may not have a leading zero", at: start)
      }
    } else {
      while digit(position) { position += 1 }
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      guard digit(position) else { throw failure("a decimal point must be followed by a digit") }
      while digit(position) { position += 1 }
    }
    if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
      position += 1
      if position < bytes.count,
        bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
      {
        position += 1
      }
      guard digit(position) else { throw failure("an exponent must have digits") }
      while digit(position) { position += 1 }
    }
    if position < bytes.count {
      let next = bytes[position]
      let ends =
        next == 32 || next == 10 || next == 13 || next == 9 || next == UInt8(ascii: ",")
        || next == UInt8(ascii: "}") || next == UInt8(ascii: "]")
      guard ends else { throw failure("unexpected \(describe(position)) in a number") }
    }
    return building ? .number(string(start..<position)) : .null
  }

  private mutating func array(depth: Int) throws -> ExactJSON {
    guard depth <= StrictJSON.maximumDepth else {
      throw failure("nested deeper than \(StrictJSON.maximumDepth) levels")
    }
    position += 1
    var elements: [ExactJSON] = []
    skipSpace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
      position += 1
      return building ? .array(elements) : .null
    }
    var index = 0
    path.append(.index(0))
    while true {
      path[path.count - 1] = .index(index)
      skipSpace()
      let element = try value(depth: depth)
      if building { elements.append(element) }
      skipSpace()
      guard position < bytes.count else { throw failure("the array is not closed with ']'") }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
          throw failure("a trailing comma before ']'")
        }
        index += 1
        continue
      }
      guard bytes[position] == UInt8(ascii: "]") else {
        throw failure("expected ',' or ']' but found \(describe(position))")
      }
      position += 1
      path.removeLast()
      return building ? .array(elements) : .null
    }
  }

  private mutating func object(depth: Int) throws -> ExactJSON {
    guard depth <= StrictJSON.maximumDepth else {
      throw failure("nested deeper than \(StrictJSON.maximumDepth) levels")
    }
    position += 1
    var members: [String: ExactJSON] = [:]
    // This object's keys are scratch.keys[firstKey...]; a large object uses a set instead.
    let firstKey = scratch.keys.count
    var manyKeys: Set<String>?
    defer { scratch.keys.removeSubrange(firstKey...) }
    skipSpace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
      position += 1
      return building ? .object(members) : .null
    }
    while true {
      skipSpace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
          throw failure("a trailing comma before '}'")
        }
        throw failure("expected a key in double quotes but found \(describe(position))")
      }
      let keyStart = position
      let key = try stringValue()
      let name: String?
      if !building, !insert(key, from: firstKey, orInto: &manyKeys) {
        throw duplicate(text(of: key), at: keyStart)
      }
      switch key {
      case .raw(let range): name = building ? string(range) : nil
      case .decoded(let decoded): name = decoded
      }
      if building, let name, members[name] != nil { throw duplicate(name, at: keyStart) }
      switch key {
      case .raw(let range): path.append(.rawKey(range))
      case .decoded(let decoded): path.append(.key(decoded))
      }
      skipSpace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
        throw failure("expected ':' after the key but found \(describe(position))")
      }
      position += 1
      skipSpace()
      let member = try value(depth: depth)
      if building, let name { members[name] = member }
      path.removeLast()
      skipSpace()
      guard position < bytes.count else { throw failure("the object is not closed with '}'") }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
        continue
      }
      guard bytes[position] == UInt8(ascii: "}") else {
        throw failure("expected ',' or '}' but found \(describe(position))")
      }
      position += 1
      return building ? .object(members) : .null
    }
  }

  private func text(of key: Key) -> String {
    switch key {
    case .raw(let range): return string(range)
    case .decoded(let text): return text
    }
  }

  /// Records a key of the object whose keys start at `first`; `false` for a duplicate.
  ///
  /// Keys are compared byte for byte while an object has few; past 16 they move to a set,
  /// so an object of many keys stays linear.
  private mutating func insert(_ key: Key, from first: Int, orInto set: inout Set<String>?) -> Bool
  {
    if set != nil { return set?.insert(text(of: key)).inserted ?? false }
    if scratch.keys.count - first >= 16 {
      set = Set(scratch.keys[first...].map { text(of: $0) })
      return set?.insert(text(of: key)).inserted ?? false
    }
    for index in first..<scratch.keys.count where same(scratch.keys[index], key) { return false }
    scratch.keys.append(key)
    return true
  }

  private func same(_ a: Key, _ b: Key) -> Bool {
    guard case .raw(let x) = a, case .raw(let y) = b else { return text(of: a) == text(of: b) }
    guard x.count == y.count else { return false }
    for offset in 0..<x.count where bytes[x.lowerBound + offset] != bytes[y.lowerBound + offset] {
      return false
    }
    return true
  }

  private func duplicate(_ key: String, at offset: Int) -> PricingError {
    let location = path.isEmpty ? "at the top level" : "in `\(renderedPath)`"
    return PricingError(
      .invalidData,
      "duplicate key \"\(key)\" \(location) (byte \(offset + 1)): readers disagree on which value "
        + "counts, so remove one"
    )
  }

  /// Reads a string; the raw range when it has no escapes, else the decoded text.
  private mutating func stringValue() throws -> Key {
    let start = position
    position += 1
    var decoded: [UInt8] = []
    var hasEscapes = false
    var runStart = position
    while position < bytes.count {
      skipPlainBytes()
      guard position < bytes.count else { break }
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let end = position
        position += 1
        guard hasEscapes else { return .raw((start + 1)..<end) }
        decoded.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<end]))
        return .decoded(String(decoding: decoded, as: UTF8.self))
      }
      if byte == UInt8(ascii: "\\") {
        hasEscapes = true
        decoded.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<position]))
        try escape(into: &decoded)
        runStart = position
        continue
      }
      if byte < 0x20 {
        throw failure(
          "a control character (0x\(String(byte, radix: 16, uppercase: true))) inside a string must be escaped"
        )
      }
      if byte < 0x80 {
        position += 1
      } else {
        try utf8Sequence()
      }
    }
    throw failure("a string is not closed with '\"'", at: start)
  }

  /// Skips eight bytes at a time while none is a quote, a backslash, a control character
  /// or part of a multi-byte sequence: the bytes a string's loop would pass one by one.
  private mutating func skipPlainBytes() {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
    while position + 8 <= bytes.count {
      let word = UInt64(
        littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)
      )
      let special =
        word & highs != 0 || hasZeroByte(word ^ (ones &* 0x22))
        || hasZeroByte(word ^ (ones &* 0x5C))
        || (word &- ones &* 0x20) & ~word & highs != 0
      if special { return }
      position += 8
    }
  }

  private mutating func escape(into text: inout [UInt8]) throws {
    let start = position
    position += 1
    guard position < bytes.count else { throw failure("an escape is cut short", at: start) }
    let letter = bytes[position]
    position += 1
    switch letter {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(letter)
    case UInt8(ascii: "b"): text.append(8)
    case UInt8(ascii: "f"): text.append(12)
    case UInt8(ascii: "n"): text.append(10)
    case UInt8(ascii: "r"): text.append(13)
    case UInt8(ascii: "t"): text.append(9)
    case UInt8(ascii: "u"):
      var scalar = try hex4(start)
      if scalar >= 0xD800, scalar <= 0xDBFF {
        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
          bytes[position + 1] == UInt8(ascii: "u")
        else { throw failure("a high surrogate escape is not followed by a low one", at: start) }
        position += 2
        let low = try hex4(start)
        guard low >= 0xDC00, low <= 0xDFFF else {
          throw failure("a high surrogate escape is not followed by a low one", at: start)
        }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      } else if scalar >= 0xDC00, scalar <= 0xDFFF {
        throw failure("a lone low surrogate escape", at: start)
      }
      guard let unicode = Unicode.Scalar(scalar) else {
        throw failure("an escape names no character", at: start)
      }
      text.append(contentsOf: Array(String(Character(unicode)).utf8))
    default:
      throw failure("an unknown escape '\\\(Character(Unicode.Scalar(letter)))'", at: start)
    }
  }

  private mutating func hex4(_ start: Int) throws -> UInt32 {
    guard position + 4 <= bytes.count else { throw failure("a \\u escape is cut short", at: start) }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[position]
      let digit: UInt32
      switch byte {
      case 48...57: digit = UInt32(byte - 48)
      case 65...70: digit = UInt32(byte - 55)
      case 97...102: digit = UInt32(byte - 87)
      default: throw failure("a \\u escape needs four hex digits", at: start)
      }
      value = value << 4 | digit
      position += 1
    }
    return value
  }

  /// Checks one multi-byte UTF-8 sequence (RFC 3629: no overlong forms, no surrogates).
  private mutating func utf8Sequence() throws {
    let lead = bytes[position]
    let count: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: count = 1
    case 0xE0:
      count = 2
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: count = 2
    case 0xED:
      count = 2
      high = 0x9F
    case 0xF0:
      count = 3
      low = 0x90
    case 0xF1...0xF3: count = 3
    case 0xF4:
      count = 3
      high = 0x8F
    default: throw failure("byte 0x\(String(lead, radix: 16, uppercase: true)) is not UTF-8")
    }
    guard position + count < bytes.count else { throw failure("a UTF-8 sequence is cut short") }
    for offset in 1...count {
      let byte = bytes[position + offset]
      let (lower, upper) = offset == 1 ? (low, high) : (0x80, 0xBF)
      guard byte >= lower, byte <= upper else {
        throw failure("the bytes are not UTF-8", at: position + offset)
      }
    }
    position += count + 1
  }
}
