import Foundation

/// A purpose-built scanner for the common shape of a usage-log line.
///
/// It reads the bytes once, takes the timestamp, model, provider, tags and the integer
/// leaves of the usage object it knows, and skips everything else without allocating.
/// It runs on lines ``StrictJSON`` has already validated, so it need not check the grammar.
/// Anything unusual — escaped strings, non-integer counts, a count where an object should
/// be, deeper nesting — makes it return `nil`, and the general reader decides, so the
/// result never depends on which path ran.
struct FastLogScanner {
  /// The usage leaves the scanner recognises, by path.
  enum Field: Int, CaseIterable {
    case promptTokens, completionTokens, promptCached, completionReasoning
    case cacheHit, cacheMiss, inputTokens, outputTokens, cacheReadInput, cacheCreationInput
    case ephemeral5m, ephemeral1h, inputCached, outputReasoning, topCached
    case promptTokenCount, cachedContentTokenCount, candidatesTokenCount, thoughtsTokenCount
    case uncachedInput, cacheRead, cacheWrite, cacheWrite1h, output, reasoning, requests
    case webSearchRequests, webFetchRequests, cacheWrite12h

  }

  /// Top-level keys that carry billing choices (``RequestOptions``), read by the general path;
  /// `output` is a Responses API body, whose `web_search_call` items are billed calls.
  static let ruleKeys: [[UInt8]] = [
    "service_tier", "residency", "thinking", "tool_calls", "output", "cache_token_hours",
  ].map { Array($0.utf8) }

  struct Result {
    var second: Int64
    var model: String
    var provider: String?
    /// The line's own `format`, unchecked.
    var format: String?
    /// The values of the wanted tags, in the order asked for.
    var tags: [String?]
    var values: [Int?]
  }

  private let bytes: UnsafeRawBufferPointer
  private var position = 0

  private init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  /// Scans a line, keeping only the tags named in `tagNames` (as UTF-8 bytes).
  ///
  /// Returns `nil` when the line needs the general path.
  static func scan(_ line: UnsafeRawBufferPointer, tagNames: [[UInt8]]) -> Result? {
    var scanner = FastLogScanner(line)
    return scanner.line(tagNames: tagNames)
  }

  private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

  private mutating func skipSpace() {
    while position < bytes.count {
      let byte = bytes[position]
      guard byte == 32 || byte == 9 || byte == 13 || byte == 10 else { return }
      position += 1
    }
  }

  private mutating func expect(_ byte: UInt8) -> Bool {
    skipSpace()
    guard current == byte else { return false }
    position += 1
    return true
  }

  /// The raw bytes of a string without escapes; `nil` for escapes or malformed input.
  private mutating func rawString() -> Range<Int>? {
    skipSpace()
    guard current == UInt8(ascii: "\"") else { return nil }
    position += 1
    let start = position
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        position += 1
        return start..<(position - 1)
      }
      if byte == UInt8(ascii: "\\") || byte < 32 { return nil }
      position += 1
    }
    return nil
  }

  private func string(_ range: Range<Int>) -> String {
    String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  private func equals(_ range: Range<Int>, _ text: StaticString) -> Bool {
    guard range.count == text.utf8CodeUnitCount else { return false }
    let pointer = text.utf8Start
    for offset in 0..<range.count where bytes[range.lowerBound + offset] != pointer[offset] {
      return false
    }
    return true
  }

  /// A non-negative integer; `nil` for anything else (the general path decides).
  private mutating func integer() -> Int? {
    skipSpace()
    var value = 0
    var digits = 0
    while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57 {
      let (times, o1) = value.multipliedReportingOverflow(by: 10)
      let (sum, o2) = times.addingReportingOverflow(Int(bytes[position] - 48))
      guard !o1, !o2 else { return nil }
      value = sum
      digits += 1
      position += 1
    }
    // Longer counts exceed UsageParser.maximumCount: the general path rejects them.
    guard digits > 0, digits <= 15, let next = current,
      next != UInt8(ascii: "."), next != UInt8(ascii: "e"), next != UInt8(ascii: "E")
    else { return nil }
    return value
  }

  /// Skips any JSON value without decoding it; `false` on malformed input.
  private mutating func skipValue(depth: Int = 0) -> Bool {
    skipSpace()
    guard let byte = current, depth < 32 else { return false }
    switch byte {
    case UInt8(ascii: "\""):
      position += 1
      while position < bytes.count {
        let c = bytes[position]
        position += 1
        if c == UInt8(ascii: "\\") {
          position += 1
        } else if c == UInt8(ascii: "\"") {
          return true
        }
      }
      return false
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
      position += 1
      if expect(close) { return true }
      while true {
        if byte == UInt8(ascii: "{") {
          guard rawString() != nil, expect(UInt8(ascii: ":")) else { return false }
        }
        guard skipValue(depth: depth + 1) else { return false }
        if expect(UInt8(ascii: ",")) { continue }
        return expect(close)
      }
    default:
      while position < bytes.count {
        let c = bytes[position]
        if c == UInt8(ascii: ",") || c == UInt8(ascii: "}") || c == UInt8(ascii: "]") || c == 32 {
          return true
        }
        position += 1
      }
      return true
    }
  }

  /// Whole epoch seconds, as ``UsageLogLine/epochSecond(_:)`` reads them; `nil` otherwise.
  private mutating func wholeEpochSecond() -> Int64? {
    var value: Int64 = 0
    var digits = 0
    while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57, digits < 13 {
      value = value * 10 + Int64(bytes[position] - 48)
      digits += 1
      position += 1
    }
    guard digits > 0, digits <= 12, value <= UsageLogLine.maximumEpochSecond, let next = current,
      next != UInt8(ascii: "."), next != UInt8(ascii: "e"), next != UInt8(ascii: "E")
    else { return nil }
    return value
  }

  /// The fixed bytes of `YYYY-MM-DDTHH:MM:SSZ`, by offset.
  private static let timestampSeparators: [(Int, UInt8)] = [
    (4, UInt8(ascii: "-")), (7, UInt8(ascii: "-")), (10, UInt8(ascii: "T")),
    (13, UInt8(ascii: ":")), (16, UInt8(ascii: ":")), (19, UInt8(ascii: "Z")),
  ]

  /// `YYYY-MM-DDTHH:MM:SSZ` straight from bytes.
  private func epochSecond(_ range: Range<Int>) -> Int64? {
    Self.epochSecond(bytes, range)
  }

  /// `YYYY-MM-DDTHH:MM:SSZ` at `range` of `bytes`: the one reading of a timestamp's text
  /// that this scanner and ``ValidatingLogScanner`` share.
  static func epochSecond(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int64? {
    guard range.count == 20, range.upperBound <= bytes.count,
      timestampSeparators.allSatisfy({ bytes[range.lowerBound + $0.0] == $0.1 })
    else { return nil }
    func number(_ offset: Int, _ length: Int) -> Int? {
      var value = 0
      for index in 0..<length {
        let byte = bytes[range.lowerBound + offset + index]
        guard byte >= 48, byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      return value
    }
    guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
      let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
      hour < 24, minute < 60, second < 60,
      let date = try? CalendarDay(year: year, month: month, day: day)
    else { return nil }
    return Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
  }

  private func equals(_ range: Range<Int>, _ name: [UInt8]) -> Bool {
    guard range.count == name.count else { return false }
    for offset in 0..<name.count where bytes[range.lowerBound + offset] != name[offset] {
      return false
    }
    return true
  }

  private mutating func line(tagNames: [[UInt8]]) -> Result? {
    guard expect(UInt8(ascii: "{")) else { return nil }
    var second: Int64?
    var model: String?
    var provider: String?
    var format: String?
    var tags = [String?](repeating: nil, count: tagNames.count)
    var values = [Int?](repeating: nil, count: Field.allCases.count)
    var sawUsage = false
    if expect(UInt8(ascii: "}")) { return nil }
    while true {
      guard let key = rawString(), expect(UInt8(ascii: ":")) else { return nil }
      if equals(key, "timestamp") {
        skipSpace()
        if current == UInt8(ascii: "\"") {
          guard let range = rawString(), let value = epochSecond(range) else { return nil }
          second = value
        } else {
          guard let value = wholeEpochSecond() else { return nil }
          second = value
        }
      } else if equals(key, "model") {
        guard let range = rawString() else { return nil }
        model = string(range)
      } else if equals(key, "provider") {
        skipSpace()
        if current == UInt8(ascii: "n") {
          guard skipValue() else { return nil }
        } else {
          guard let range = rawString() else { return nil }
          provider = string(range)
        }
      } else if equals(key, "format") {
        skipSpace()
        if current == UInt8(ascii: "n") {
          guard skipValue() else { return nil }
        } else {
          guard let range = rawString() else { return nil }
          format = string(range)
        }
      } else if Self.ruleKeys.contains(where: { equals(key, $0) }) {
        // Billing choices (service tier, tools, residency, thinking) take the general path.
        return nil
      } else if equals(key, "usage") {
        guard usage(into: &values, parent: .none) else { return nil }
        sawUsage = true
      } else if equals(key, "tags"), !tagNames.isEmpty {
        guard expect(UInt8(ascii: "{")) else { return nil }
        if !expect(UInt8(ascii: "}")) {
          while true {
            guard let name = rawString(), expect(UInt8(ascii: ":")), let value = rawString() else {
              return nil
            }
            if let index = tagNames.firstIndex(where: { equals(name, $0) }) {
              tags[index] = string(value)
            }
            if expect(UInt8(ascii: ",")) { continue }
            guard expect(UInt8(ascii: "}")) else { return nil }
            break
          }
        }
      } else {
        guard skipValue() else { return nil }
      }
      if expect(UInt8(ascii: ",")) { continue }
      guard expect(UInt8(ascii: "}")) else { return nil }
      break
    }
    skipSpace()
    guard position == bytes.count, let second, let model, !model.isEmpty, sawUsage else {
      return nil
    }
    return Result(
      second: second,
      model: model,
      provider: provider,
      format: format,
      tags: tags,
      values: values
    )
  }

  /// The nested objects whose leaves the scanner reads.
  enum Parent: Int {
    case none, promptDetails, completionDetails, cacheCreation, inputDetails, outputDetails
    case serverToolUse
  }

  static let parents: [(StaticString, Parent)] = [
    ("prompt_tokens_details", .promptDetails), ("completion_tokens_details", .completionDetails),
    ("cache_creation", .cacheCreation), ("input_tokens_details", .inputDetails),
    ("output_tokens_details", .outputDetails), ("server_tool_use", .serverToolUse),
  ]

  static let leaves: [(Parent, StaticString, Field)] = [
    (.none, "prompt_tokens", .promptTokens), (.none, "completion_tokens", .completionTokens),
    (.none, "prompt_cache_hit_tokens", .cacheHit), (.none, "prompt_cache_miss_tokens", .cacheMiss),
    (.none, "input_tokens", .inputTokens), (.none, "output_tokens", .outputTokens),
    (.none, "cache_read_input_tokens", .cacheReadInput),
    (.none, "cache_creation_input_tokens", .cacheCreationInput),
    (.none, "cached_tokens", .topCached), (.none, "promptTokenCount", .promptTokenCount),
    (.none, "cachedContentTokenCount", .cachedContentTokenCount),
    (.none, "candidatesTokenCount", .candidatesTokenCount),
    (.none, "thoughtsTokenCount", .thoughtsTokenCount), (.none, "uncachedInput", .uncachedInput),
    (.none, "cacheRead", .cacheRead), (.none, "cacheWrite", .cacheWrite),
    (.none, "cacheWrite1h", .cacheWrite1h), (.none, "cacheWrite12h", .cacheWrite12h),
    (.none, "output", .output),
    (.none, "reasoning", .reasoning), (.none, "requests", .requests),
    (.promptDetails, "cached_tokens", .promptCached),
    (.completionDetails, "reasoning_tokens", .completionReasoning),
    (.cacheCreation, "ephemeral_5m_input_tokens", .ephemeral5m),
    (.cacheCreation, "ephemeral_1h_input_tokens", .ephemeral1h),
    (.inputDetails, "cached_tokens", .inputCached),
    (.outputDetails, "reasoning_tokens", .outputReasoning),
    (.serverToolUse, "web_search_requests", .webSearchRequests),
    (.serverToolUse, "web_fetch_requests", .webFetchRequests),
  ]

  /// Every leaf as (parent key, key, field), for the general reader.
  static let leafPaths: [(String?, String, Field)] = leaves.map { parent, key, field in
    let parentKey = parents.first { $0.1 == parent }.map { "\($0.0)" }
    return (parentKey, "\(key)", field)
  }

  /// Reads a usage object's integer leaves, one level of nesting deep, matching key bytes
  /// directly (no strings, no hashing).
  private mutating func usage(into values: inout [Int?], parent: Parent) -> Bool {
    guard expect(UInt8(ascii: "{")) else { return false }
    if expect(UInt8(ascii: "}")) { return true }
    while true {
      guard let key = rawString(), expect(UInt8(ascii: ":")) else { return false }
      if parent == .none, equals(key, "inference_geo") {
        // Anthropic reports where the request ran; only "us" carries an uplift, and
        // the general path prices it.
        guard let value = rawString(), equals(value, "global") || equals(value, "not_available")
        else { return false }
        if expect(UInt8(ascii: ",")) { continue }
        return expect(UInt8(ascii: "}"))
      }
      skipSpace()
      let nested = parent == .none ? Self.parents.first(where: { equals(key, $0.0) })?.1 : nil
      let leaf = Self.leaves.first(where: { $0.0 == parent && equals(key, $0.1) })?.2
      if current == UInt8(ascii: "{") {
        // An object where a count belongs is an error the general reader reports.
        guard leaf == nil else { return false }
        guard let nested else {
          guard skipValue() else { return false }
          if expect(UInt8(ascii: ",")) { continue }
          return expect(UInt8(ascii: "}"))
        }
        guard usage(into: &values, parent: nested) else { return false }
      } else if nested != nil {
        // A known object that is not one (null, a number): the general reader decides.
        return false
      } else if let field = leaf {
        if current == UInt8(ascii: "n") {
          guard skipValue() else { return false }
        } else {
          guard let value = integer() else { return false }
          values[field.rawValue] = value
        }
      } else {
        // A server tool the scanner does not know may be billed: the general path decides.
        guard parent != .serverToolUse, skipValue() else { return false }
      }
      if expect(UInt8(ascii: ",")) { continue }
      return expect(UInt8(ascii: "}"))
    }
  }
}
