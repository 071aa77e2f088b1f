import Foundation

/// One line of a usage log, parsed and validated.
///
/// Two readers produce it and must agree on every input: the fast scanner for the common
/// shape, and the general reader over the parsed tree. Both check the line with
/// ``StrictJSON`` first, read the same usage leaves (``FastLogScanner/Field``), and turn
/// them into a ``TokenUsage`` with the one function ``usage(from:provider:format:)``; the
/// fast scanner returns `nil` for anything else and the general reader decides.
struct UsageLogLine: Hashable {
  var second: Int64
  var model: String
  var provider: String?
  var usage: TokenUsage
  /// The values of the wanted tags, in the order asked for; `nil` when absent.
  var tags: [String?]
  /// The billing choices the line reports: service tier, residency, thinking, tool calls.
  var options = RequestOptions.none

  /// Reads a line; `format` is the run's usage format, which a line's own `format` overrides.
  init(_ line: UnsafeRawBufferPointer, tagNames: [String], format: ResponseFormat? = nil) throws {
    var scratch = StrictJSON.Scratch()
    try self.init(line, tagNames: tagNames, format: format, scratch: &scratch)
  }

  /// Reads a line, reusing the JSON reader's working memory of the line before.
  init(
    _ line: UnsafeRawBufferPointer,
    tagNames: [String],
    format: ResponseFormat?,
    scratch: inout StrictJSON.Scratch
  ) throws {
    try StrictJSON.validate(line, scratch: &scratch)
    if let fast = try Self.fast(line, tagNames: tagNames, format: format) {
      self = fast
    } else {
      try self.init(general: line, tagNames: tagNames, format: format)
    }
  }

  /// The fast scanner's reading of a line already validated; `nil` when the general
  /// reader must decide.
  static func fast(
    _ line: UnsafeRawBufferPointer,
    tagNames: [String],
    format: ResponseFormat?
  ) throws -> UsageLogLine? {
    guard let scanned = FastLogScanner.scan(line, tagNames: tagNames.map { Array($0.utf8) }),
      let usage = try usage(
        from: scanned.values,
        provider: scanned.provider,
        format: lineFormat(scanned.format) ?? format
      )
    else { return nil }
    var record = UsageLogLine(
      second: scanned.second,
      model: scanned.model,
      provider: scanned.provider,
      usage: usage,
      tags: scanned.tags
    )
    typealias F = FastLogScanner.Field
    for (field, name) in [(F.webSearchRequests, "web_search"), (.webFetchRequests, "web_fetch")] {
      if let calls = scanned.values[field.rawValue], calls != 0 {
        record.options.toolCalls[name] = calls
      }
    }
    return record
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

  /// A line's `format`, by ``ResponseFormat``'s raw value.
  static func lineFormat(_ text: String?) throws -> ResponseFormat? {
    guard let text else { return nil }
    guard let format = ResponseFormat(rawValue: text) else {
      let known = ResponseFormat.allCases.map(\.rawValue).joined(separator: ", ")
      throw PricingError(.invalidData, "\"format\" is \"\(text)\"; use one of \(known)")
    }
    return format
  }

  /// The usage format each provider id reports when its shape alone is ambiguous.
  static let formatOfProvider: [String: ResponseFormat] = [
    "anthropic": .anthropic, "openai": .openAIResponses, "alibaba": .dashscope,
  ]

  /// The latest instant a log line may carry: the end of year 9999.
  static let maximumEpochSecond: Int64 = 253_402_300_799

  /// The usage from the scanner's fields, one reading for both readers; `nil` when the
  /// fields hold no shape it knows (the general reader then tries the other formats).
  ///
  /// Shapes that only `input_tokens` mark — Anthropic, OpenAI Responses and Alibaba's
  /// DashScope — are told apart by their other keys; when more than one still fits and
  /// they would price differently, the line's format or provider decides, and otherwise
  /// the line is refused with the candidates named. Nothing is guessed.
  static func usage(
    from values: [Int?],
    provider: String?,
    format: ResponseFormat?
  ) throws -> TokenUsage? {
    typealias F = FastLogScanner.Field
    func has(_ field: F) -> Bool { values[field.rawValue] != nil }
    func get(_ field: F) -> Int { values[field.rawValue] ?? 0 }
    let normalised: [F] = [
      .uncachedInput, .cacheRead, .cacheWrite, .cacheWrite1h, .cacheWrite12h, .output, .reasoning,
      .requests,
    ]
    if normalised.contains(where: has), !has(.promptTokens), !has(.inputTokens) {
      if has(.requests), get(.requests) == 0 {
        throw PricingError(
          .invalidUsage,
          "usage.requests is 0; a line is at least one request (leave it out for one)"
        )
      }
      return try TokenUsage(
        uncachedInput: get(.uncachedInput),
        cacheRead: get(.cacheRead),
        cacheWrite: get(.cacheWrite),
        cacheWrite1h: get(.cacheWrite1h),
        cacheWrite12h: get(.cacheWrite12h),
        output: get(.output),
        reasoning: get(.reasoning),
        requests: has(.requests) ? get(.requests) : 1
      )
    }
    func read(_ format: ResponseFormat) throws -> TokenUsage? {
      switch format {
      case .gemini:
        guard has(.promptTokenCount) else { return nil }
        return try TokenUsage.inclusive(
          promptTokens: get(.promptTokenCount),
          cachedTokens: get(.cachedContentTokenCount),
          completionTokens: get(.candidatesTokenCount) + get(.thoughtsTokenCount),
          reasoningTokens: get(.thoughtsTokenCount)
        )
      case .anthropic:
        let split = has(.ephemeral5m) || has(.ephemeral1h)
        return try TokenUsage.additive(
          inputTokens: get(.inputTokens),
          cacheReadTokens: get(.cacheReadInput),
          cacheWriteTokens: split ? get(.ephemeral5m) : get(.cacheCreationInput),
          cacheWrite1hTokens: get(.ephemeral1h),
          outputTokens: get(.outputTokens)
        )
      case .deepseek:
        return try UsageParser.deepSeekUsage(
          hit: get(.cacheHit),
          miss: get(.cacheMiss),
          prompt: has(.promptTokens) ? get(.promptTokens) : nil,
          completion: get(.completionTokens),
          reasoning: get(.completionReasoning)
        )
      case .openAIChat:
        return try TokenUsage.inclusive(
          promptTokens: get(.promptTokens),
          cachedTokens: max(get(.promptCached), get(.topCached)),
          completionTokens: get(.completionTokens),
          reasoningTokens: get(.completionReasoning)
        )
      case .openAIResponses:
        return try TokenUsage.inclusive(
          promptTokens: get(.inputTokens),
          cachedTokens: get(.inputCached),
          completionTokens: get(.outputTokens),
          reasoningTokens: get(.outputReasoning)
        )
      case .dashscope:
        return try TokenUsage.inclusive(
          promptTokens: get(.inputTokens),
          cachedTokens: get(.promptCached),
          completionTokens: get(.outputTokens),
          reasoningTokens: get(.outputReasoning)
        )
      case .hunyuanNative:
        return nil
      }
    }
    if let format { return try read(format) }
    if has(.promptTokenCount) { return try read(.gemini) }
    if has(.cacheReadInput) || has(.cacheCreationInput) || has(.ephemeral5m) || has(.ephemeral1h) {
      return try read(.anthropic)
    }
    if has(.cacheHit) || has(.cacheMiss) { return try read(.deepseek) }
    if has(.promptTokens) { return try read(.openAIChat) }
    guard has(.inputTokens) else { return nil }
    var candidates: [ResponseFormat] = [.anthropic, .openAIResponses, .dashscope]
    if has(.inputCached) { candidates.removeAll { $0 != .openAIResponses } }
    if has(.promptCached) { candidates.removeAll { $0 != .dashscope } }
    if has(.outputReasoning) { candidates.removeAll { $0 == .anthropic } }
    if has(.webSearchRequests) || has(.webFetchRequests) {
      candidates.removeAll { $0 != .anthropic }
    }
    guard !candidates.isEmpty else {
      throw PricingError(
        .invalidData,
        "the usage mixes keys of different formats (input_tokens_details, prompt_tokens_details, "
          + "server_tool_use); add \"format\" to the line or --format to the run"
      )
    }
    let readings = try candidates.map { try read($0) }
    if Set(readings).count == 1 { return readings[0] }
    if let provider, let preferred = formatOfProvider[provider.lowercased()],
      let index = candidates.firstIndex(of: preferred)
    {
      return readings[index]
    }
    let names = candidates.map(\.rawValue).joined(separator: ", ")
    throw PricingError(
      .invalidData,
      "the usage reads differently as \(names) (input_tokens is counted differently); "
        + "set \"provider\" (anthropic, openai, alibaba), \"format\" on the line, or --format"
    )
  }

  /// The general reader: parses the line into a tree and reads it.
  init(
    general line: UnsafeRawBufferPointer,
    tagNames: [String],
    format runFormat: ResponseFormat?
  )
    throws
  {
    guard case .object(let object) = try StrictJSON.parse(line) else {
      throw PricingError(.invalidData, "a log line must be a JSON object")
    }
    second = try Self.second(in: object)
    guard let model = object["model"]?.string ?? object["modelVersion"]?.string, !model.isEmpty
    else {
      throw PricingError(.invalidData, "missing \"model\" (a non-empty string)")
    }
    self.model = model
    switch object["provider"] {
    case nil, .null?: provider = nil
    case .string(let name)?: provider = name
    default: throw PricingError(.invalidData, "\"provider\" must be a string such as \"deepseek\"")
    }
    var lineFormat: ResponseFormat?
    switch object["format"] {
    case nil, .null?: lineFormat = nil
    case .string(let name)?: lineFormat = try Self.lineFormat(name)
    default: throw PricingError(.invalidData, "\"format\" must be a string such as \"anthropic\"")
    }
    let format = lineFormat ?? runFormat
    let usageJSON = object["usage"] ?? object["usageMetadata"]
    guard let usageJSON, case .object(let usageObject) = usageJSON else {
      throw PricingError(.invalidData, "missing \"usage\" object")
    }
    if let usage = try Self.usage(
      from: Self.values(in: usageObject),
      provider: provider,
      format: format
    ) {
      self.usage = usage
    } else {
      // Shapes outside the scanner's fields: Tencent's native Usage, Gemini without counts.
      let object = usageObject["promptTokenCount"] != nil ? usageObject : ["usage": usageJSON]
      usage = try UsageParser.parse(object: object, format: format).usage
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

  /// The instant of a line: `timestamp` (ISO 8601 or whole epoch seconds), else a raw
  /// response's `created` or `created_at` (epoch seconds) or Gemini's `createTime`.
  static func second(in object: [String: ExactJSON]) throws -> Int64 {
    for key in ["timestamp", "created", "created_at", "createTime"] {
      guard let value = object[key] else { continue }
      switch value {
      case .string(let text):
        guard let instant = EpochSeconds.strictInstant(text) else {
          throw PricingError(
            .invalidData,
            "\"\(key)\" is \"\(text.prefix(40))\", not an ISO 8601 instant that exists "
              + "(such as 2025-06-01T03:00:00Z)"
          )
        }
        return EpochSeconds.floor(instant)
      case .number(let text):
        guard let seconds = epochSecond(text) else {
          throw PricingError(
            .invalidData,
            "\"\(key)\" is \(text.prefix(40)); epoch seconds are a whole number from 0 to "
              + "\(maximumEpochSecond) (year 9999)"
          )
        }
        return seconds
      default:
        throw PricingError(.invalidData, "\"\(key)\" must be an ISO 8601 string or epoch seconds")
      }
    }
    throw PricingError(.invalidData, "missing \"timestamp\"")
  }

  /// Whole epoch seconds from a JSON number's text; `nil` when fractional or out of range.
  static func epochSecond(_ text: String) -> Int64? {
    guard let seconds = Int64(text), seconds >= 0, seconds <= maximumEpochSecond else { return nil }
    return seconds
  }

  /// The scanner's fields, read from a parsed usage object: null counts as absent, as it
  /// does for the scanner.
  static func values(in usage: [String: ExactJSON]) throws -> [Int?] {
    var values = [Int?](repeating: nil, count: FastLogScanner.Field.allCases.count)
    for (parent, key, field) in FastLogScanner.leafPaths {
      let container: [String: ExactJSON]?
      if let parent {
        container = usage[parent]?.object
      } else {
        container = usage
      }
      guard let value = container?[key], value != .null else { continue }
      let name = parent.map { "usage.\($0).\(key)" } ?? "usage.\(key)"
      values[field.rawValue] = try UsageParser.count(value, name)
    }
    return values
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
}
