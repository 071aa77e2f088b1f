import Foundation

/// Reads the usage block of a provider's API response into a ``TokenUsage``.
///
/// The format is detected from the fields present, or given explicitly. Each format's
/// convention is applied (OpenAI-style counts include cached and reasoning tokens;
/// Anthropic's `input_tokens` excludes cache reads and writes), so the result is always
/// disjoint components.
///
/// ```swift
/// let parsed = try UsageParser.parse(responseBody)
/// let cost = try offering.schedule.cost(of: parsed.usage, at: parsed.timestamp ?? Date())
/// ```
public enum UsageParser {
  /// Parses a response body.
  ///
  /// - Parameters:
  ///   - data: The JSON bytes of the response (or of its usage object alone).
  ///   - format: The convention to use; `nil` detects it.
  /// - Returns: The usage, with model and timestamp when present.
  /// - Throws: ``PricingError/Code/invalidData`` when the bytes are not JSON or no usage
  ///   is recognised (the message names the keys found);
  ///   ``PricingError/Code/invalidUsage`` when counts are negative or inconsistent.
  public static func parse(_ data: Data, format: ResponseFormat? = nil) throws -> ParsedUsage {
    guard case .object(let object) = try StrictJSON.parse(data) else {
      throw PricingError(.invalidData, "the response is not a JSON object")
    }
    return try parse(object: object, format: format)
  }

  static func parse(object: [String: ExactJSON], format: ResponseFormat?) throws -> ParsedUsage {
    guard let found = format ?? detect(object) else {
      let usageKeys = (usageObject(in: object)?.keys).map { " (usage keys: \($0.sorted()))" } ?? ""
      throw PricingError(
        .invalidData,
        "no known usage format in an object with keys \(object.keys.sorted())\(usageKeys); "
          + "pass the format explicitly if the provider is OpenAI-compatible"
      )
    }
    let usage = try read(object, as: found)
    return ParsedUsage(
      usage: usage,
      model: object["model"]?.string ?? object["modelVersion"]?.string,
      timestamp: timestamp(in: object),
      format: found
    )
  }

  /// The format a response body appears to use, or `nil`.
  ///
  /// - Parameter data: The JSON bytes of a response or usage object.
  /// - Returns: The detected format; `nil` when none is recognised or it is not JSON.
  public static func detect(_ data: Data) -> ResponseFormat? {
    guard case .object(let object)? = try? StrictJSON.parse(data) else {
      return nil
    }
    return detect(object)
  }

  static func detect(_ object: [String: ExactJSON]) -> ResponseFormat? {
    if object["usageMetadata"] != nil || object["promptTokenCount"] != nil { return .gemini }
    if let response = object["Response"]?.object, response["Usage"] != nil {
      return .hunyuanNative
    }
    if object["Usage"] != nil || object["PromptTokens"] != nil { return .hunyuanNative }
    guard let usage = usageObject(in: object) else { return nil }
    if usage["cache_creation_input_tokens"] != nil || usage["cache_read_input_tokens"] != nil
      || object["type"]?.string == "message"
    {
      return .anthropic
    }
    if usage["prompt_cache_hit_tokens"] != nil || usage["prompt_cache_miss_tokens"] != nil {
      return .deepseek
    }
    if usage["prompt_tokens"] != nil { return .openAIChat }
    if usage["input_tokens"] != nil {
      if object["object"]?.string == "response" || usage["input_tokens_details"] != nil {
        return .openAIResponses
      }
      // DashScope reports its cache hits in prompt_tokens_details, which Anthropic never has.
      if object["output"]?.object != nil || object["request_id"] != nil
        || usage["prompt_tokens_details"] != nil
      {
        return .dashscope
      }
      // Reasoning counted inside output_tokens: Responses and DashScope read it the same.
      if usage["output_tokens_details"] != nil { return .openAIResponses }
      return .anthropic
    }
    return nil
  }

  static func usageObject(in object: [String: ExactJSON]) -> [String: ExactJSON]? {
    if let usage = object["usage"]?.object { return usage }
    if let usage = object["message"]?.object?["usage"]?.object { return usage }
    let direct = ["prompt_tokens", "input_tokens", "prompt_cache_hit_tokens"]
    return direct.contains { object[$0] != nil } ? object : nil
  }

  /// The largest token count a response may report.
  ///
  /// No response reports 10¹⁵ tokens, and the bound keeps sums of a few counts (hit + miss, output + thoughts) from overflowing.
  static let maximumCount = 999_999_999_999_999

  /// A non-negative whole count, or 0 when absent or null.
  static func count(_ value: ExactJSON?, _ name: String) throws -> Int {
    guard let value else { return 0 }
    switch value {
    case .null: return 0
    case .number(let text):
      guard let count = Int(text), count >= 0 else {
        throw PricingError(.invalidUsage, "\(name) is \(text); a token count is a whole number ≥ 0")
      }
      guard count <= maximumCount else {
        throw PricingError(
          .invalidUsage,
          "\(name) is \(text); no response reports 10^15 tokens or more, so the log line is corrupt"
        )
      }
      return count
    default:
      throw PricingError(.invalidUsage, "\(name) is not a number")
    }
  }

  static func read(_ object: [String: ExactJSON], as format: ResponseFormat) throws -> TokenUsage {
    switch format {
    case .gemini:
      let meta = object["usageMetadata"]?.object ?? object
      let prompt = try count(meta["promptTokenCount"], "promptTokenCount")
      return try TokenUsage.inclusive(
        promptTokens: prompt,
        cachedTokens: count(meta["cachedContentTokenCount"], "cachedContentTokenCount"),
        completionTokens: count(meta["candidatesTokenCount"], "candidatesTokenCount")
          + count(meta["thoughtsTokenCount"], "thoughtsTokenCount"),
        reasoningTokens: count(meta["thoughtsTokenCount"], "thoughtsTokenCount")
      )
    case .hunyuanNative:
      let response = object["Response"]?.object ?? object
      let usage = response["Usage"]?.object ?? response
      return try TokenUsage.inclusive(
        promptTokens: count(usage["PromptTokens"], "PromptTokens"),
        completionTokens: count(usage["CompletionTokens"], "CompletionTokens")
      )
    default:
      break
    }
    guard let usage = usageObject(in: object) else {
      throw PricingError(.invalidData, "no usage object in keys \(object.keys.sorted())")
    }
    let promptDetails = usage["prompt_tokens_details"]?.object
    let completionDetails = usage["completion_tokens_details"]?.object
    switch format {
    case .openAIChat:
      // Moonshot reports cached tokens at the top of usage; others in the details.
      let cached = try max(
        count(promptDetails?["cached_tokens"], "prompt_tokens_details.cached_tokens"),
        count(usage["cached_tokens"], "cached_tokens")
      )
      return try TokenUsage.inclusive(
        promptTokens: count(usage["prompt_tokens"], "prompt_tokens"),
        cachedTokens: cached,
        completionTokens: count(usage["completion_tokens"], "completion_tokens"),
        reasoningTokens: count(
          completionDetails?["reasoning_tokens"],
          "completion_tokens_details.reasoning_tokens"
        )
      )
    case .deepseek:
      return try deepSeekUsage(
        hit: count(usage["prompt_cache_hit_tokens"], "prompt_cache_hit_tokens"),
        miss: count(usage["prompt_cache_miss_tokens"], "prompt_cache_miss_tokens"),
        prompt: usage["prompt_tokens"] == nil
          ? nil : count(usage["prompt_tokens"], "prompt_tokens"),
        completion: count(usage["completion_tokens"], "completion_tokens"),
        reasoning: count(
          completionDetails?["reasoning_tokens"],
          "completion_tokens_details.reasoning_tokens"
        )
      )
    case .openAIResponses:
      let inputDetails = usage["input_tokens_details"]?.object
      let outputDetails = usage["output_tokens_details"]?.object
      return try TokenUsage.inclusive(
        promptTokens: count(usage["input_tokens"], "input_tokens"),
        cachedTokens: count(inputDetails?["cached_tokens"], "input_tokens_details.cached_tokens"),
        completionTokens: count(usage["output_tokens"], "output_tokens"),
        reasoningTokens: count(
          outputDetails?["reasoning_tokens"],
          "output_tokens_details.reasoning_tokens"
        )
      )
    case .dashscope:
      return try TokenUsage.inclusive(
        promptTokens: count(usage["input_tokens"], "input_tokens"),
        cachedTokens: count(promptDetails?["cached_tokens"], "prompt_tokens_details.cached_tokens"),
        completionTokens: count(usage["output_tokens"], "output_tokens"),
        reasoningTokens: count(
          usage["output_tokens_details"]?.object?["reasoning_tokens"],
          "output_tokens_details.reasoning_tokens"
        )
      )
    case .anthropic:
      let creation = usage["cache_creation"]?.object
      let total = try count(usage["cache_creation_input_tokens"], "cache_creation_input_tokens")
      let oneHour = try count(
        creation?["ephemeral_1h_input_tokens"],
        "cache_creation.ephemeral_1h_input_tokens"
      )
      var fiveMinutes = try count(
        creation?["ephemeral_5m_input_tokens"],
        "cache_creation.ephemeral_5m_input_tokens"
      )
      if creation == nil { fiveMinutes = total }
      return try TokenUsage.additive(
        inputTokens: count(usage["input_tokens"], "input_tokens"),
        cacheReadTokens: count(usage["cache_read_input_tokens"], "cache_read_input_tokens"),
        cacheWriteTokens: fiveMinutes,
        cacheWrite1hTokens: oneHour,
        outputTokens: count(usage["output_tokens"], "output_tokens")
      )
    case .gemini, .hunyuanNative:
      throw PricingError(.invalidData, "unreachable format \(format)")
    }
  }

  /// DeepSeek's usage, shared by response parsing and log lines.
  ///
  /// Hits and misses make the prompt, which must match `prompt_tokens` when it is given.
  static func deepSeekUsage(
    hit: Int,
    miss: Int,
    prompt: Int?,
    completion: Int,
    reasoning: Int
  ) throws -> TokenUsage {
    guard prompt == nil || hit + miss == prompt else {
      throw PricingError(
        .invalidUsage,
        "prompt_cache_hit_tokens (\(hit)) + prompt_cache_miss_tokens (\(miss)) ≠ prompt_tokens "
          + "(\(prompt ?? 0))"
      )
    }
    return try TokenUsage.inclusive(
      promptTokens: hit + miss,
      cachedTokens: hit,
      completionTokens: completion,
      reasoningTokens: reasoning
    )
  }

  static func timestamp(in object: [String: ExactJSON]) -> Date? {
    for key in ["created", "created_at"] {
      if let seconds = object[key]?.int {
        return Date(timeIntervalSince1970: TimeInterval(seconds))
      }
    }
    if let text = object["createTime"]?.string { return EpochSeconds.strictInstant(text) }
    return nil
  }
}
