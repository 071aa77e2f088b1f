/// The tokens of one request, or of several requests of equal shape, split into
/// disjoint components.
///
/// Every token is counted once: ``uncachedInput``, ``cacheRead``, ``cacheWrite``,
/// ``cacheWrite1h`` and ``cacheWrite12h`` add up to ``totalInput``; ``output`` and ``reasoning`` add up to
/// ``totalOutput``. Providers report usage in two conventions, and the two factory
/// methods normalise them:
///
/// - ``inclusive(promptTokens:cachedTokens:cacheWriteTokens:completionTokens:reasoningTokens:requests:)``:
///   OpenAI style, where `prompt_tokens` includes cached tokens and `completion_tokens`
///   includes reasoning tokens.
/// - ``additive(inputTokens:cacheReadTokens:cacheWriteTokens:cacheWrite1hTokens:outputTokens:reasoningTokens:requests:)``:
///   Anthropic style, where `input_tokens` excludes cache reads and writes.
///
/// ```swift
/// let usage = try TokenUsage.inclusive(
///   promptTokens: 10_000, cachedTokens: 8_000, completionTokens: 500)
/// print(usage.uncachedInput)  // 2000
/// ```
public struct TokenUsage: Hashable, Sendable, Codable {
  /// Fresh input tokens (cache miss).
  public let uncachedInput: Int
  /// Input tokens read from a prompt cache (cache hit).
  public let cacheRead: Int
  /// Input tokens written to a cache with the default lifetime (usually five minutes).
  public let cacheWrite: Int
  /// Input tokens written to a cache with a one-hour lifetime.
  public let cacheWrite1h: Int
  /// Input tokens written to a cache with a twelve-hour lifetime (OpenAI's extended
  /// retention).
  public let cacheWrite12h: Int
  /// Visible output tokens, excluding reasoning.
  public let output: Int
  /// Reasoning (thinking) tokens.
  public let reasoning: Int
  /// The number of requests this usage covers; tiers see the per-request average.
  public let requests: Int

  /// All input tokens: uncached, cache reads and cache writes.
  public let totalInput: Int
  /// All output tokens: visible and reasoning.
  public let totalOutput: Int

  /// Creates a usage from disjoint counts.
  ///
  /// - Parameters:
  ///   - uncachedInput: Fresh input tokens.
  ///   - cacheRead: Tokens read from a cache.
  ///   - cacheWrite: Tokens written to a cache with the default lifetime.
  ///   - cacheWrite1h: Tokens written to a cache with a one-hour lifetime.
  ///   - cacheWrite12h: Tokens written to a cache with a twelve-hour lifetime.
  ///   - output: Visible output tokens.
  ///   - reasoning: Reasoning tokens.
  ///   - requests: The number of requests, at least 1.
  /// - Throws: ``PricingError/Code/invalidUsage`` naming the count when any is negative,
  ///   `requests` is below 1, or a total overflows.
  public init(
    uncachedInput: Int = 0,
    cacheRead: Int = 0,
    cacheWrite: Int = 0,
    cacheWrite1h: Int = 0,
    cacheWrite12h: Int = 0,
    output: Int = 0,
    reasoning: Int = 0,
    requests: Int = 1
  ) throws {
    // No array here: usages are built once per log line, so validation must not allocate.
    func check(_ name: StaticString, _ value: Int) throws {
      guard value >= 0 else {
        throw PricingError(.invalidUsage, "\(name) is \(value); token counts cannot be negative")
      }
    }
    try check("uncachedInput", uncachedInput)
    try check("cacheRead", cacheRead)
    try check("cacheWrite", cacheWrite)
    try check("cacheWrite1h", cacheWrite1h)
    try check("cacheWrite12h", cacheWrite12h)
    try check("output", output)
    try check("reasoning", reasoning)
    guard requests >= 1 else {
      throw PricingError(.invalidUsage, "requests is \(requests); a usage covers at least 1")
    }
    let (partial, o1) = uncachedInput.addingReportingOverflow(cacheRead)
    let (shortWrites, o2) = cacheWrite.addingReportingOverflow(cacheWrite1h)
    let (writes, o4) = shortWrites.addingReportingOverflow(cacheWrite12h)
    let (input, o3) = partial.addingReportingOverflow(writes)
    guard !o1, !o2, !o3, !o4 else {
      throw PricingError(.invalidUsage, "the total input overflows")
    }
    let (outputSum, overflow) = output.addingReportingOverflow(reasoning)
    guard !overflow else { throw PricingError(.invalidUsage, "the total output overflows") }
    self.uncachedInput = uncachedInput
    self.cacheRead = cacheRead
    self.cacheWrite = cacheWrite
    self.cacheWrite1h = cacheWrite1h
    self.cacheWrite12h = cacheWrite12h
    self.output = output
    self.reasoning = reasoning
    self.requests = requests
    self.totalInput = input
    self.totalOutput = outputSum
  }

  /// Normalises usage reported in the inclusive (OpenAI) convention.
  ///
  /// - Parameters:
  ///   - promptTokens: All input tokens, cached and cache writes included.
  ///   - cachedTokens: The part of `promptTokens` read from a cache.
  ///   - cacheWriteTokens: The part of `promptTokens` written to a cache.
  ///   - completionTokens: All output tokens, reasoning included.
  ///   - reasoningTokens: The part of `completionTokens` spent reasoning.
  ///   - requests: The number of requests.
  /// - Returns: The usage with disjoint components.
  /// - Throws: ``PricingError/Code/invalidUsage`` when a part exceeds its whole, such as
  ///   more cached tokens than prompt tokens, or any count is negative.
  public static func inclusive(
    promptTokens: Int,
    cachedTokens: Int = 0,
    cacheWriteTokens: Int = 0,
    completionTokens: Int,
    reasoningTokens: Int = 0,
    requests: Int = 1
  ) throws -> TokenUsage {
    guard cachedTokens >= 0, cacheWriteTokens >= 0, reasoningTokens >= 0 else {
      throw PricingError(
        .invalidUsage,
        "cached (\(cachedTokens)), cache-write (\(cacheWriteTokens)) and reasoning "
          + "(\(reasoningTokens)) token counts cannot be negative"
      )
    }
    let (cachedParts, overflow) = cachedTokens.addingReportingOverflow(cacheWriteTokens)
    guard !overflow, cachedParts <= promptTokens else {
      throw PricingError(
        .invalidUsage,
        "cached (\(cachedTokens)) plus cache-write (\(cacheWriteTokens)) tokens exceed the "
          + "\(promptTokens) prompt tokens that should include them"
      )
    }
    guard reasoningTokens <= completionTokens else {
      throw PricingError(
        .invalidUsage,
        "reasoning tokens (\(reasoningTokens)) exceed the \(completionTokens) completion "
          + "tokens that should include them"
      )
    }
    return try TokenUsage(
      uncachedInput: promptTokens - cachedParts,
      cacheRead: cachedTokens,
      cacheWrite: cacheWriteTokens,
      output: completionTokens - reasoningTokens,
      reasoning: reasoningTokens,
      requests: requests
    )
  }

  /// Normalises usage reported in the additive (Anthropic) convention.
  ///
  /// - Parameters:
  ///   - inputTokens: Fresh input tokens, excluding cache reads and writes.
  ///   - cacheReadTokens: Tokens read from a cache.
  ///   - cacheWriteTokens: Tokens written to a cache with the default lifetime.
  ///   - cacheWrite1hTokens: Tokens written to a cache with a one-hour lifetime.
  ///   - outputTokens: Output tokens, excluding `reasoningTokens`.
  ///   - reasoningTokens: Reasoning tokens reported apart from `outputTokens`.
  ///   - requests: The number of requests.
  /// - Returns: The usage with disjoint components.
  /// - Throws: ``PricingError/Code/invalidUsage`` when any count is negative.
  public static func additive(
    inputTokens: Int,
    cacheReadTokens: Int = 0,
    cacheWriteTokens: Int = 0,
    cacheWrite1hTokens: Int = 0,
    outputTokens: Int,
    reasoningTokens: Int = 0,
    requests: Int = 1
  ) throws -> TokenUsage {
    try TokenUsage(
      uncachedInput: inputTokens,
      cacheRead: cacheReadTokens,
      cacheWrite: cacheWriteTokens,
      cacheWrite1h: cacheWrite1hTokens,
      output: outputTokens,
      reasoning: reasoningTokens,
      requests: requests
    )
  }

  /// The token count of one component; for ``CostComponent/requests``, the request count.
  ///
  /// - Parameter component: The component.
  /// - Returns: Its count.
  public func count(of component: CostComponent) -> Int {
    switch component {
    case .input: return uncachedInput
    case .cacheRead: return cacheRead
    case .cacheWrite: return cacheWrite
    case .cacheWrite1h: return cacheWrite1h
    case .cacheWrite12h: return cacheWrite12h
    case .output: return output
    case .reasoning: return reasoning
    case .requests: return requests
    case .toolCalls, .cacheStorage: return 0
    }
  }

  private enum CodingKeys: String, CodingKey {
    case uncachedInput, cacheRead, cacheWrite, cacheWrite1h, cacheWrite12h, output, reasoning
    case requests
  }

  /// Decodes a usage through the validating initializer; absent counts are zero.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path of a bad count.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    func count(_ key: CodingKeys, default value: Int = 0) throws -> Int {
      try container.decodeIfPresent(Int.self, forKey: key) ?? value
    }
    self = try decoder.validated {
      try Self(
        uncachedInput: count(.uncachedInput),
        cacheRead: count(.cacheRead),
        cacheWrite: count(.cacheWrite),
        cacheWrite1h: count(.cacheWrite1h),
        cacheWrite12h: count(.cacheWrite12h),
        output: count(.output),
        reasoning: count(.reasoning),
        requests: count(.requests, default: 1)
      )
    }
  }

  /// Encodes the disjoint counts.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(uncachedInput, forKey: .uncachedInput)
    try container.encode(cacheRead, forKey: .cacheRead)
    try container.encode(cacheWrite, forKey: .cacheWrite)
    try container.encode(cacheWrite1h, forKey: .cacheWrite1h)
    if cacheWrite12h != 0 { try container.encode(cacheWrite12h, forKey: .cacheWrite12h) }
    try container.encode(output, forKey: .output)
    try container.encode(reasoning, forKey: .reasoning)
    try container.encode(requests, forKey: .requests)
  }
}
