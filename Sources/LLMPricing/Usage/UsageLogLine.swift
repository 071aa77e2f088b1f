import Foundation

/// One line of a usage log, parsed and validated.
struct UsageLogLine {
  var second: Int64
  var model: String
  var provider: String?
  var usage: TokenUsage
  /// The values of the wanted tags, in the order asked for; `nil` when absent.
  var tags: [String?]

  private static let normalisedKeys: Set<String> = [
    "uncachedInput", "cacheRead", "cacheWrite", "cacheWrite1h", "output", "reasoning", "requests",
  ]

  init(_ line: UnsafeRawBufferPointer, tagNames: [String]) throws {
    if let scanned = FastLogScanner.scan(line, tagNames: tagNames.map { Array($0.utf8) }),
      let usage = try Self.usage(from: scanned.values)
    {
      self.init(
        second: scanned.second,
        model: scanned.model,
        provider: scanned.provider,
        usage: usage,
        tags: scanned.tags
      )
    } else {
      try self.init(general: Data(line), tagNames: tagNames)
    }
  }

  private init(
    second: Int64,
    model: String,
    provider: String?,
    usage: TokenUsage,
    tags: [String?]
  ) {
    self.second = second
    self.model = model
    self.provider = provider
    self.usage = usage
    self.tags = tags
  }

  /// The usage from the scanner's fields, following ``UsageParser``'s detection order and
  /// conventions exactly; `nil` when the general path must decide.
  static func usage(from values: [Int?]) throws -> TokenUsage? {
    typealias F = FastLogScanner.Field
    func has(_ field: F) -> Bool { values[field.rawValue] != nil }
    func get(_ field: F) -> Int { values[field.rawValue] ?? 0 }
    let normalised: [F] = [
      .uncachedInput, .cacheRead, .cacheWrite, .cacheWrite1h, .output, .reasoning, .requests,
    ]
    if normalised.contains(where: has), !has(.promptTokens), !has(.inputTokens) {
      return try TokenUsage(
        uncachedInput: get(.uncachedInput),
        cacheRead: get(.cacheRead),
        cacheWrite: get(.cacheWrite),
        cacheWrite1h: get(.cacheWrite1h),
        output: get(.output),
        reasoning: get(.reasoning),
        requests: max(1, get(.requests))
      )
    }
    if has(.promptTokenCount) {
      return try TokenUsage.inclusive(
        promptTokens: get(.promptTokenCount),
        cachedTokens: get(.cachedContentTokenCount),
        completionTokens: get(.candidatesTokenCount) + get(.thoughtsTokenCount),
        reasoningTokens: get(.thoughtsTokenCount)
      )
    }
    if has(.cacheReadInput) || has(.cacheCreationInput) {
      let split = has(.ephemeral5m) || has(.ephemeral1h)
      return try TokenUsage.additive(
        inputTokens: get(.inputTokens),
        cacheReadTokens: get(.cacheReadInput),
        cacheWriteTokens: split ? get(.ephemeral5m) : get(.cacheCreationInput),
        cacheWrite1hTokens: get(.ephemeral1h),
        outputTokens: get(.outputTokens)
      )
    }
    if has(.cacheHit) || has(.cacheMiss) {
      // The general path checks hit + miss against prompt_tokens; leave mismatches to it.
      guard !has(.promptTokens) || get(.cacheHit) + get(.cacheMiss) == get(.promptTokens) else {
        return nil
      }
      return try TokenUsage.inclusive(
        promptTokens: get(.cacheHit) + get(.cacheMiss),
        cachedTokens: get(.cacheHit),
        completionTokens: get(.completionTokens),
        reasoningTokens: get(.completionReasoning)
      )
    }
    if has(.promptTokens) {
      return try TokenUsage.inclusive(
        promptTokens: get(.promptTokens),
        cachedTokens: max(get(.promptCached), get(.topCached)),
        completionTokens: get(.completionTokens),
        reasoningTokens: get(.completionReasoning)
      )
    }
    if has(.inputTokens) {
      guard has(.inputCached) || has(.outputReasoning) else {
        // Anthropic without cache fields: additive; other shapes go the general way.
        return try TokenUsage.additive(
          inputTokens: get(.inputTokens),
          outputTokens: get(.outputTokens)
        )
      }
      return try TokenUsage.inclusive(
        promptTokens: get(.inputTokens),
        cachedTokens: get(.inputCached),
        completionTokens: get(.outputTokens),
        reasoningTokens: get(.outputReasoning)
      )
    }
    return nil
  }

  init(general line: Data, tagNames: [String]) throws {
    let json: ExactJSON
    do {
      json = try JSONDecoder().decode(ExactJSON.self, from: line)
    } catch {
      throw PricingError(.invalidData, "not valid JSON (truncated or malformed line)")
    }
    guard case .object(let object) = json else {
      throw PricingError(.invalidData, "a log line must be a JSON object")
    }
    guard let timestamp = object["timestamp"] else {
      throw PricingError(.invalidData, "missing \"timestamp\"")
    }
    guard let text = timestamp.string, let instant = Self.instant(text) else {
      throw PricingError(.invalidData, "\"timestamp\" is not an ISO 8601 instant")
    }
    second = EpochSeconds.floor(instant)
    guard let model = object["model"]?.string, !model.isEmpty else {
      throw PricingError(.invalidData, "missing \"model\"")
    }
    self.model = model
    provider = object["provider"]?.string
    guard let usageJSON = object["usage"], case .object(let usageObject) = usageJSON else {
      throw PricingError(.invalidData, "missing \"usage\" object")
    }
    if !Self.normalisedKeys.isDisjoint(with: usageObject.keys),
      usageObject["prompt_tokens"] == nil, usageObject["input_tokens"] == nil
    {
      func count(_ key: String) throws -> Int {
        try UsageParser.count(usageObject[key], "usage.\(key)")
      }
      usage = try TokenUsage(
        uncachedInput: count("uncachedInput"),
        cacheRead: count("cacheRead"),
        cacheWrite: count("cacheWrite"),
        cacheWrite1h: count("cacheWrite1h"),
        output: count("output"),
        reasoning: count("reasoning"),
        requests: max(1, try count("requests"))
      )
    } else {
      // Gemini's usageMetadata is recognised by its own keys; others by the usage wrapper.
      let object = usageObject["promptTokenCount"] != nil ? usageObject : ["usage": usageJSON]
      usage = try UsageParser.parse(object: object, format: nil).usage
    }
    let given = object["tags"]?.object ?? [:]
    self.tags = tagNames.map { name in
      switch given[name] {
      case .string(let text)?: return text
      case .number(let text)?: return text
      case .bool(let flag)?: return flag ? "true" : "false"
      default: return nil
      }
    }
  }

  /// Parses `YYYY-MM-DDTHH:MM:SSZ` directly, other ISO 8601 forms through Foundation.
  static func instant(_ text: String) -> Date? {
    if let fast = EpochSeconds.utcInstant(text) { return fast }
    if let date = try? Date(text, strategy: .iso8601) { return date }
    return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
  }
}
