/// A kind of billed quantity: a kind of token, or the request itself.
///
/// Encodes in JSON as its name, `"cacheRead"`.
public enum CostComponent: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
  /// Fresh input tokens: the cache miss.
  case input
  /// Input tokens read from a prompt cache: the cache hit.
  case cacheRead
  /// Input tokens written to a cache with the default (usually five-minute) lifetime.
  case cacheWrite
  /// Input tokens written to a cache with a one-hour lifetime.
  case cacheWrite1h
  /// Input tokens written to a cache with a twelve-hour lifetime; a sheet without a
  /// twelve-hour price refuses them rather than guess.
  case cacheWrite12h
  /// Visible output tokens.
  case output
  /// Reasoning (thinking) output tokens.
  case reasoning
  /// Requests, for offerings that charge a fee per request.
  case requests
  /// Calls of a provider-run tool, such as web search; the breakdown line names the fee
  /// (``CostBreakdown/Line/name``) and its unit price is per call.
  case toolCalls
  /// Tokens kept in an explicit cache, in token-hours; the unit price is per million
  /// token-hours (``PriceSheet/cacheStorage``).
  case cacheStorage

  /// Orders components as they appear in a breakdown.
  ///
  /// - Parameters:
  ///   - lhs: A component.
  ///   - rhs: Another component.
  /// - Returns: Whether `lhs` is listed before `rhs`.
  public static func < (lhs: CostComponent, rhs: CostComponent) -> Bool {
    allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
  }

  /// The components a ``TokenUsage`` counts, in breakdown order: every case but tool calls
  /// and cache storage, which come from ``RequestOptions``.
  static let usageComponents: [CostComponent] = allCases.filter {
    $0 != .toolCalls && $0 != .cacheStorage
  }

  /// The price a sheet applies when it has none for this component, for people, as
  /// ``ComponentPrices`` defines it.
  var fallbackDescription: String {
    switch self {
    case .input, .output: return "its own price"
    case .cacheRead, .cacheWrite: return "input price"
    case .cacheWrite1h: return "five-minute write price (or the input price)"
    case .cacheWrite12h: return "(none: refused)"
    case .reasoning: return "output price"
    case .requests, .toolCalls, .cacheStorage: return "price of zero"
    }
  }
}
