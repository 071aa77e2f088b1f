import Foundation

/// One line of a usage log, parsed and validated.
struct UsageLogLine {
  var second: Int64
  var model: String
  var provider: String?
  var usage: TokenUsage
  /// The values of the wanted tags, in the order asked for; `nil` when absent.
  var tags: [String?]
  /// The billing choices the line reports: service tier, residency, thinking, tool calls.
  var options = RequestOptions.none

  private static let normalisedKeys: Set<String> = [
    "uncachedInput", "cacheRead", "cacheWrite", "cacheWrite1h", "cacheWrite12h", "output",
    "reasoning", "requests",
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
      typealias F = FastLogScanner.Field
      for (field, name) in [(F.webSearchRequests, "web_search"), (.webFetchRequests, "web_fetch")] {
        if let calls = scanned.values[field.rawValue], calls != 0 {
          options.toolCalls[name] = calls
        }
      }
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
      .uncachedInput, .cacheRead, .cacheWrite, .cacheWrite1h, .cacheWrite12h, .output, .reasoning,
      .requests,
    ]
    if normalised.contains(where: has), !has(.promptTokens), !has(.inputTokens) {
      return try TokenUsage(
        uncachedInput: get(.uncachedInput),
        cacheRead: get(.cacheRead),
        cacheWrite: get(.cacheWrite),
        cacheWrite1h: get(.cacheWrite1h),
        cacheWrite12h: get(.cacheWrite12h),
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
        cacheWrite12h: count("cacheWrite12h"),
        output: count("output"),
        reasoning: count("reasoning"),
        requests: max(1, try count("requests"))
      )
    } else {
      // Gemini's usageMetadata is recognised by its own keys; others by the usage wrapper.
      let object = usageObject["promptTokenCount"] != nil ? usageObject : ["usage": usageJSON]
      usage = try UsageParser.parse(object: object, format: nil).usage
    }
    options = try Self.options(object: object, usage: usageObject)
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

  /// The billing choices of a line: OpenAI's and Gemini's `service_tier` (`fast` is
  /// OpenAI's new name for `priority`), a `residency` or Anthropic's `usage.inference_geo`,
  /// `thinking`, a `tool_calls` object of calls by fee name, `cache_token_hours` of explicit
  /// cache storage, Anthropic's
  /// `usage.server_tool_use` (`web_search_requests` → `web_search`), and the
  /// `web_search_call` items of an OpenAI Responses API body's `output`.
  static func options(
    object: [String: ExactJSON],
    usage: [String: ExactJSON]
  ) throws
    -> RequestOptions
  {
    var options = RequestOptions.none
    if let value = object["service_tier"] {
      guard let tier = value.string?.lowercased() else {
        throw PricingError(.invalidData, "\"service_tier\" must be a string such as \"flex\"")
      }
      options.serviceTier = tier == "fast" ? "priority" : tier
    }
    if let value = object["residency"] ?? usage["inference_geo"] {
      guard let geo = value.string?.lowercased() else {
        throw PricingError(.invalidData, "the residency (\"inference_geo\") must be a string")
      }
      if geo != "global", geo != "not_available" { options.residency = geo }
    }
    if let value = object["thinking"] {
      guard case .bool(let flag) = value else {
        throw PricingError(.invalidData, "\"thinking\" must be true or false")
      }
      options.thinking = flag
    }
    if let value = object["tool_calls"] {
      guard let calls = value.object else {
        throw PricingError(.invalidData, "\"tool_calls\" must map fee names to call counts")
      }
      for (name, count) in calls {
        options.toolCalls[name, default: 0] += try UsageParser.count(count, "tool_calls.\(name)")
      }
    }
    if let value = object["cache_token_hours"] {
      options.cacheStorageTokenHours = try UsageParser.count(value, "cache_token_hours")
    }
    if case .array(let items)? = object["output"] {
      // OpenAI's Responses API lists each hosted web search as an output item.
      let searches = items.filter { $0.object?["type"]?.string == "web_search_call" }.count
      if searches > 0 { options.toolCalls["web_search", default: 0] += searches }
    }
    if let value = usage["server_tool_use"] {
      guard let tools = value.object else {
        throw PricingError(.invalidData, "\"usage.server_tool_use\" must be an object")
      }
      for (key, count) in tools {
        let calls = try UsageParser.count(count, "usage.server_tool_use.\(key)")
        guard calls != 0 else { continue }
        let name = key.hasSuffix("_requests") ? String(key.dropLast("_requests".count)) : key
        options.toolCalls[name, default: 0] += calls
      }
    }
    return options
  }

  /// Parses an ISO 8601 instant strictly: a day or time that does not exist is refused.
  static func instant(_ text: String) -> Date? {
    EpochSeconds.strictInstant(text)
  }
}
