import Foundation

/// Checks a log line against the JSON grammar and reads the fast scanner's fields in one
/// pass, without allocating.
///
/// It handles a strict subset of JSON: strings without escapes and with ASCII bytes only,
/// objects of at most 16 keys, nesting at most 32 deep. Anything else — and any line that
/// breaks the grammar — makes ``scan(_:)`` return `false`, and the caller reads the line as
/// before: ``StrictJSON/validate(_:scratch:)`` for the grammar and its messages, then
/// ``FastLogScanner`` or the general reader. When ``scan(_:)`` returns `true`, the line is
/// one ``StrictJSON`` accepts (duplicate keys included), and the fields are exactly what
/// ``FastLogScanner/scan(_:tagNames:)`` reads from it; ``FastPathCheck`` compares the two.
// Unchecked: the stored pointers, `bytes` and `keyBuffer`, are set only for the duration of
// `scan(_:)` (a mutating call, so exclusive) and empty otherwise; the rest is plain values.
struct ValidatingLogScanner: @unchecked Sendable {
  /// The wanted tag names, as UTF-8 bytes.
  let tagNames: [[UInt8]]

  /// The whole epoch second of the line's `timestamp`.
  private(set) var second: Int64 = 0
  /// The bytes of `model`: never empty after a successful scan.
  private(set) var model: Range<Int> = 0..<0
  /// The bytes of `provider`, or `nil` when absent or null.
  private(set) var provider: Range<Int>?
  /// The bytes of the line's own `format`, or `nil` when absent or null.
  private(set) var format: Range<Int>?
  /// The bytes of each wanted tag's value, in the order of ``tagNames``.
  private(set) var tags: [Range<Int>?]
  /// The usage leaves read, by ``FastLogScanner/Field`` raw value.
  private(set) var values: [Int?]

  /// The line being scanned; empty outside ``scan(_:)``.
  private var bytes = UnsafeRawBufferPointer(start: nil, count: 0)
  private var position = 0
  /// The keys of the objects open, for the duplicate check: the first `keyCount` count.
  ///
  /// During ``scan(_:)`` the storage is lent to `keyBuffer`, which is empty otherwise.
  private var keys = [Key](repeating: Key(start: 0, count: 0, head: 0), count: 64)
  private var keyBuffer = UnsafeMutableBufferPointer<Key>(start: nil, count: 0)
  private var keyCount = 0
  private var sawTimestamp = false
  private var sawUsage = false
  /// The usage keys the fast scanner knows, shortest first; those of length `n` are
  /// `usageKeys[usageKeyStarts[n]..<usageKeyStarts[n + 1]]`, their bytes in `usageKeyBytes`.
  private let usageKeys: [UsageKey]
  private let usageKeyStarts: [Int]
  private let usageKeyBytes: [UInt8]
  /// The first eight bytes of each wanted tag name.
  private let tagHeads: [UInt64]
  /// Dates already read (their first ten bytes) with their days since the epoch, at a
  /// slot chosen by their bytes; a head of zero marks an empty slot.
  private var dates = [DateSlot](repeating: DateSlot(), count: 256)

  private struct DateSlot {
    var head: UInt64 = 0
    var tail: UInt16 = 0
    var day: Int64 = 0
  }

  /// A key's place in the line, with its first eight bytes to compare quickly.
  private struct Key {
    var start: Int
    var count: Int
    var head: UInt64
  }

  /// A usage key the fast scanner reads: a leaf under `parent`, or a nested object's name.
  ///
  /// Plain values only, so that looking one up counts no references.
  private struct UsageKey {
    var head: UInt64
    var count: Int
    /// Where its bytes start in `usageKeyBytes`.
    var start = 0
    var parent = FastLogScanner.Parent.none
    /// The leaf this key is under `parent`, or `nil` for a nested object's name.
    var field: FastLogScanner.Field?
    /// The nested object this key opens at the top of `usage`.
    var nested: FastLogScanner.Parent?
  }

  /// The most keys an object may have here; a larger one goes to the general check.
  private static let maximumKeys = 16
  /// The deepest nesting read here.
  private static let maximumDepth = 32

  /// Creates a scanner keeping the tags named `tagNames`.
  init(tagNames: [String]) {
    self.tagNames = tagNames.map { Array($0.utf8) }
    tags = Array(repeating: nil, count: tagNames.count)
    values = Array(repeating: nil, count: FastLogScanner.Field.allCases.count)
    var table: [(name: [UInt8], key: UsageKey)] = []
    func add(_ name: StaticString, _ entry: (inout UsageKey) -> Void) {
      let bytes = Array(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
      var key = UsageKey(head: Self.head(of: bytes), count: bytes.count)
      entry(&key)
      table.append((bytes, key))
    }
    for (parent, name, field) in FastLogScanner.leaves {
      add(name) {
        $0.parent = parent
        $0.field = field
      }
    }
    for (name, nested) in FastLogScanner.parents {
      add(name) { $0.nested = nested }
    }
    table.sort { $0.name.count < $1.name.count }
    var keys: [UsageKey] = []
    var pool: [UInt8] = []
    var starts: [Int] = []
    for (name, key) in table {
      while starts.count <= name.count { starts.append(keys.count) }
      var key = key
      key.start = pool.count
      pool += name
      keys.append(key)
    }
    starts.append(keys.count)
    usageKeys = keys
    usageKeyStarts = starts
    usageKeyBytes = pool
    tagHeads = self.tagNames.map { Self.head(of: $0) }
  }

  /// The first eight bytes of a name, zero-padded, little-endian.
  private static func head(of bytes: [UInt8]) -> UInt64 {
    var head: UInt64 = 0
    for (index, byte) in bytes.prefix(8).enumerated() { head |= UInt64(byte) << (8 * index) }
    return head
  }

  /// Scans a line; `false` when it is outside the subset or not valid JSON.
  mutating func scan(_ line: UnsafeRawBufferPointer) -> Bool {
    // The keys are reached through a buffer pointer while the line is read: an array
    // stored in `self` costs a uniqueness check on every key written.
    var storage: [Key] = []
    swap(&storage, &keys)
    defer { swap(&storage, &keys) }
    return storage.withUnsafeMutableBufferPointer { buffer in
      keyBuffer = buffer
      bytes = line
      defer {
        keyBuffer = UnsafeMutableBufferPointer(start: nil, count: 0)
        bytes = UnsafeRawBufferPointer(start: nil, count: 0)
      }
      return scanLine()
    }
  }

  private mutating func scanLine() -> Bool {
    position = 0
    second = 0
    model = 0..<0
    provider = nil
    format = nil
    for index in tags.indices { tags[index] = nil }
    for index in values.indices { values[index] = nil }
    keyCount = 0
    sawTimestamp = false
    sawUsage = false
    skipSpace()
    guard position < bytes.count, bytes[position] == UInt8(ascii: "{"), topLevel() else {
      return false
    }
    skipSpace()
    return position == bytes.count && sawTimestamp && !model.isEmpty && sawUsage
  }

  // MARK: - The line's fields

  private mutating func topLevel() -> Bool {
    position += 1
    skipSpace()
    // An empty object has no model: the general reader words the refusal.
    guard position < bytes.count, bytes[position] != UInt8(ascii: "}") else { return false }
    let first = keyCount
    while true {
      guard let key = key(from: first) else { return false }
      switch key.count {
      case 9 where equals(key, "timestamp"):
        guard timestamp() else { return false }
      case 5 where equals(key, "model"):
        guard let range = string() else { return false }
        model = range
      case 8 where equals(key, "provider"):
        guard let value = nullOrString() else { return false }
        provider = value
      case 6 where equals(key, "format"):
        guard let value = nullOrString() else { return false }
        format = value
      case 5 where equals(key, "usage"):
        guard usage(parent: .none, depth: 2) else { return false }
        sawUsage = true
      case 4 where equals(key, "tags") && !tagNames.isEmpty:
        guard tagsObject() else { return false }
      case 12 where equals(key, "service_tier"), 9 where equals(key, "residency"),
        8 where equals(key, "thinking"), 10 where equals(key, "tool_calls"),
        6 where equals(key, "output"), 17 where equals(key, "cache_token_hours"):
        // Billing choices take the general path (FastLogScanner.ruleKeys).
        return false
      default:
        guard skipValue(depth: 2) else { return false }
      }
      guard let more = endOfMember(from: first) else { return false }
      if !more { return true }
    }
  }

  /// After a member: `true` after a comma, `false` after the closing brace (whose keys
  /// are then dropped), `nil` for anything else.
  private mutating func endOfMember(from first: Int) -> Bool? {
    skipSpace()
    guard position < bytes.count else { return nil }
    let byte = bytes[position]
    position += 1
    if byte == UInt8(ascii: ",") { return true }
    guard byte == UInt8(ascii: "}") else { return nil }
    keyCount = first
    return false
  }

  /// `timestamp` as the fast scanner reads it: `YYYY-MM-DDTHH:MM:SSZ` or whole epoch
  /// seconds up to ``UsageLogLine/maximumEpochSecond``.
  private mutating func timestamp() -> Bool {
    guard position < bytes.count else { return false }
    if bytes[position] == UInt8(ascii: "\"") {
      guard let range = string(), let value = isoSecond(range) else { return false }
      second = value
    } else {
      guard let value = wholeNumber(maximumDigits: 12),
        value <= UsageLogLine.maximumEpochSecond
      else { return false }
      second = Int64(value)
    }
    sawTimestamp = true
    return true
  }

  /// Reads a string or null.
  ///
  /// - Returns: The string's range, `.some(nil)` for null, `nil` for anything else.
  /// `YYYY-MM-DDTHH:MM:SSZ` as ``FastLogScanner/epochSecond(_:_:)`` reads it; a date
  /// already read is not checked and counted again.
  private mutating func isoSecond(_ range: Range<Int>) -> Int64? {
    guard range.count == 20 else { return nil }
    let head = UInt64(
      littleEndian: bytes.loadUnaligned(fromByteOffset: range.lowerBound, as: UInt64.self)
    )
    let tail = UInt16(
      littleEndian: bytes.loadUnaligned(fromByteOffset: range.lowerBound + 8, as: UInt16.self)
    )
    let slot = Int(truncatingIfNeeded: ((head ^ UInt64(tail)) &* 0x9E37_79B9_7F4A_7C15) >> 56)
    let cached = dates[slot]
    guard cached.head == head, cached.tail == tail else {
      guard let value = FastLogScanner.epochSecond(bytes, range) else { return nil }
      dates[slot] = DateSlot(head: head, tail: tail, day: value.floorDivided(by: 86_400))
      return value
    }
    let time = range.lowerBound + 10
    func digits(_ offset: Int) -> Int? {
      let high = bytes[time + offset] &- 48
      let low = bytes[time + offset + 1] &- 48
      guard high < 10, low < 10 else { return nil }
      return Int(high) * 10 + Int(low)
    }
    guard bytes[time] == UInt8(ascii: "T"), bytes[time + 3] == UInt8(ascii: ":"),
      bytes[time + 6] == UInt8(ascii: ":"), bytes[time + 9] == UInt8(ascii: "Z"),
      let hour = digits(1), let minute = digits(4), let second = digits(7),
      hour < 24, minute < 60, second < 60
    else { return nil }
    return cached.day * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
  }

  /// Reads a string or null.
  ///
  /// - Returns: The string's range, `.some(nil)` for null, `nil` for anything else.
  private mutating func nullOrString() -> Range<Int>?? {
    guard position < bytes.count else { return nil }
    if bytes[position] == UInt8(ascii: "n") { return literal("null") ? .some(nil) : nil }
    return string().map { .some($0) }
  }

  /// Steps into the object or array whose opening byte is at `position`; when it is
  /// empty, steps out of it too and returns `true`.
  @inline(__always)
  private mutating func enter(closingWith close: UInt8) -> Bool {
    position += 1
    skipSpace()
    guard position < bytes.count, bytes[position] == close else { return false }
    position += 1
    return true
  }

  private mutating func tagsObject() -> Bool {
    guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else { return false }
    if enter(closingWith: UInt8(ascii: "}")) { return true }
    let first = keyCount
    while true {
      guard let key = key(from: first), let value = string() else { return false }
      for index in tagHeads.indices where tagHeads[index] == key.head {
        guard key.count <= 8 ? key.count == tagNames[index].count : equals(key, tagNames[index])
        else { continue }
        tags[index] = value
        break
      }
      guard let more = endOfMember(from: first) else { return false }
      if !more { return true }
    }
  }

  /// A usage object or one of its nested objects, read as ``FastLogScanner`` reads it.
  private mutating func usage(parent: FastLogScanner.Parent, depth: Int) -> Bool {
    guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else { return false }
    if enter(closingWith: UInt8(ascii: "}")) { return true }
    let first = keyCount
    while true {
      guard let key = key(from: first), position < bytes.count else { return false }
      if parent == .none, key.count == 13, equals(key, "inference_geo") {
        // Only "us" carries an uplift, which the general path prices.
        guard let value = string(),
          value.count == 6 && equals(value, "global")
            || value.count == 13 && equals(value, "not_available")
        else { return false }
      } else {
        var nested: FastLogScanner.Parent?
        var leaf: FastLogScanner.Field?
        if key.count + 1 < usageKeyStarts.count {
          for index in usageKeyStarts[key.count]..<usageKeyStarts[key.count + 1] {
            let candidate = usageKeys[index]
            guard candidate.head == key.head else { continue }
            if key.count > 8 {
              let same = usageKeyBytes.withUnsafeBytes { pool in
                guard let base = pool.baseAddress else { return false }
                return bytesEqual(at: key.start, base + candidate.start, key.count)
              }
              guard same else { continue }
            }
            if parent == .none, let name = candidate.nested { nested = name }
            if candidate.parent == parent, let field = candidate.field { leaf = field }
          }
        }
        if bytes[position] == UInt8(ascii: "{") {
          // An object where a count belongs is an error the general reader reports.
          guard leaf == nil else { return false }
          if let nested {
            guard usage(parent: nested, depth: depth + 1) else { return false }
          } else {
            guard skipValue(depth: depth + 1) else { return false }
          }
        } else if nested != nil {
          // A known object that is not one (null, a number): the general reader decides.
          return false
        } else if let leaf {
          if bytes[position] == UInt8(ascii: "n") {
            guard literal("null") else { return false }
          } else {
            // Longer counts exceed UsageParser.maximumCount: the general path rejects them.
            guard let value = wholeNumber(maximumDigits: 15) else { return false }
            values[leaf.rawValue] = value
          }
        } else {
          // A server tool the scanner does not know may be billed: the general path decides.
          guard parent != .serverToolUse, skipValue(depth: depth + 1) else { return false }
        }
      }
      guard let more = endOfMember(from: first) else { return false }
      if !more { return true }
    }
  }

  // MARK: - The grammar

  @inline(__always)
  private mutating func skipSpace() {
    while position < bytes.count {
      let byte = bytes[position]
      guard byte == 32 || byte == 10 || byte == 13 || byte == 9 else { return }
      position += 1
    }
  }

  /// Reads a key, its colon and the space after it, and records it in the object whose
  /// keys start at `first`; `nil` for a duplicate, a key outside the subset or bad syntax.
  private mutating func key(from first: Int) -> Key? {
    skipSpace()
    guard position < bytes.count, bytes[position] == UInt8(ascii: "\""),
      keyCount - first < Self.maximumKeys, keyCount < keyBuffer.count, let range = string()
    else { return nil }
    let key = Key(start: range.lowerBound, count: range.count, head: head(of: range))
    for index in first..<keyCount {
      let other = keyBuffer[index]
      // A duplicate is refused by StrictJSON, with its message.
      if other.count == key.count, other.head == key.head, same(other.start, key.start, key.count) {
        return nil
      }
    }
    keyBuffer[keyCount] = key
    keyCount += 1
    skipSpace()
    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
    position += 1
    skipSpace()
    return key
  }

  /// The first eight bytes of a range of the line, zero-padded, little-endian.
  @inline(__always)
  private func head(of range: Range<Int>) -> UInt64 {
    if range.count >= 8 {
      return UInt64(
        littleEndian: bytes.loadUnaligned(fromByteOffset: range.lowerBound, as: UInt64.self)
      )
    }
    var head: UInt64 = 0
    for index in 0..<range.count {
      head |= UInt64(bytes[range.lowerBound + index]) << (8 * index)
    }
    return head
  }

  @inline(__always)
  private func same(_ a: Int, _ b: Int, _ count: Int) -> Bool {
    guard let base = bytes.baseAddress else { return count == 0 }
    return memcmp(base + a, base + b, count) == 0
  }

  /// Whether the `count` bytes of the line at `offset` are those at `other`.
  @inline(__always)
  private func bytesEqual(at offset: Int, _ other: UnsafeRawPointer, _ count: Int) -> Bool {
    guard let base = bytes.baseAddress else { return count == 0 }
    return memcmp(base + offset, other, count) == 0
  }

  @inline(__always)
  private func equals(_ key: Key, _ name: StaticString) -> Bool {
    key.count == name.utf8CodeUnitCount && bytesEqual(at: key.start, name.utf8Start, key.count)
  }

  @inline(__always)
  private func equals(_ key: Key, _ name: [UInt8]) -> Bool {
    guard key.count == name.count else { return false }
    return name.withUnsafeBytes { name in
      guard let other = name.baseAddress else { return true }
      return bytesEqual(at: key.start, other, key.count)
    }
  }

  @inline(__always)
  private func equals(_ range: Range<Int>, _ name: StaticString) -> Bool {
    range.count == name.utf8CodeUnitCount
      && bytesEqual(at: range.lowerBound, name.utf8Start, range.count)
  }

  /// A string of ASCII bytes without escapes, as the range of its contents; `nil` for
  /// anything else, valid or not.
  private mutating func string() -> Range<Int>? {
    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
    position += 1
    let start = position
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    // Eight bytes at a time while none is a quote, a backslash, a control character or
    // outside ASCII.
    while position + 8 <= bytes.count {
      let word = UInt64(
        littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)
      )
      let quote = word ^ (ones &* 0x22)
      let backslash = word ^ (ones &* 0x5C)
      let special =
        (word | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
          | (word &- ones &* 0x20) & ~word) & highs
      if special != 0 {
        // The lowest flagged byte is a true one (borrows only run upward): if it is the
        // quote, the string ends there; anything else is outside the subset.
        position += special.trailingZeroBitCount / 8
        guard bytes[position] == UInt8(ascii: "\"") else { return nil }
        position += 1
        return start..<(position - 1)
      }
      position += 8
    }
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        position += 1
        return start..<(position - 1)
      }
      guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
      position += 1
    }
    return nil
  }

  private mutating func literal(_ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard position + count <= bytes.count, bytesEqual(at: position, word.utf8Start, count) else {
      return false
    }
    position += count
    return endsValue()
  }

  /// Whether the byte after a scalar may follow a value (or the line ends there), as
  /// StrictJSON requires of numbers; literals are checked the same way, which refuses
  /// `truex` here as StrictJSON refuses it after the value.
  @inline(__always)
  private func endsValue() -> Bool {
    guard position < bytes.count else { return true }
    let next = bytes[position]
    return next == 32 || next == 10 || next == 13 || next == 9 || next == UInt8(ascii: ",")
      || next == UInt8(ascii: "}") || next == UInt8(ascii: "]")
  }

  /// A number in JSON's grammar that is a whole, non-negative integer of at most
  /// `maximumDigits` digits; `nil` for any other number and for bad syntax.
  private mutating func wholeNumber(maximumDigits: Int) -> Int? {
    let start = position
    var value = 0
    while position < bytes.count, position - start < maximumDigits {
      let digit = bytes[position] &- 48
      guard digit < 10 else { break }
      value = value * 10 + Int(digit)
      position += 1
    }
    let digits = position - start
    guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0"), position < bytes.count
    else { return nil }
    // A further digit, a fraction or an exponent falls outside; so does a line ending here.
    let next = bytes[position]
    guard next &- 48 >= 10, next != UInt8(ascii: "."), next | 0x20 != UInt8(ascii: "e"),
      endsValue()
    else { return nil }
    return value
  }

  /// A number in JSON's grammar, any form.
  private mutating func number() -> Bool {
    func digit(_ offset: Int) -> Bool { offset < bytes.count && bytes[offset] &- 48 < 10 }
    if bytes[position] == UInt8(ascii: "-") { position += 1 }
    guard digit(position) else { return false }
    if bytes[position] == UInt8(ascii: "0") {
      position += 1
      guard !digit(position) else { return false }
    } else {
      while digit(position) { position += 1 }
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      guard digit(position) else { return false }
      while digit(position) { position += 1 }
    }
    if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
      position += 1
      if position < bytes.count,
        bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
      {
        position += 1
      }
      guard digit(position) else { return false }
      while digit(position) { position += 1 }
    }
    return endsValue()
  }

  /// Checks any value in the subset without reading it; `depth` counts the containers
  /// open around it, the line's object included.
  private mutating func skipValue(depth: Int) -> Bool {
    guard position < bytes.count else { return false }
    switch bytes[position] {
    case UInt8(ascii: "\""): return string() != nil
    case UInt8(ascii: "{"):
      guard depth < Self.maximumDepth else { return false }
      if enter(closingWith: UInt8(ascii: "}")) { return true }
      let first = keyCount
      while true {
        guard key(from: first) != nil, skipValue(depth: depth + 1),
          let more = endOfMember(from: first)
        else { return false }
        if !more { return true }
      }
    case UInt8(ascii: "["):
      guard depth < Self.maximumDepth else { return false }
      if enter(closingWith: UInt8(ascii: "]")) { return true }
      while true {
        skipSpace()
        guard skipValue(depth: depth + 1) else { return false }
        skipSpace()
        guard position < bytes.count else { return false }
        let byte = bytes[position]
        position += 1
        if byte == UInt8(ascii: ",") { continue }
        return byte == UInt8(ascii: "]")
      }
    case UInt8(ascii: "t"): return literal("true")
    case UInt8(ascii: "f"): return literal("false")
    case UInt8(ascii: "n"): return literal("null")
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
    default: return false
    }
  }
}
