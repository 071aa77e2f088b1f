/// How one request was served, beyond its tokens: the billing choices of 2025–2026 that
/// change its price.
///
/// The default, ``none``, is a standard request: pricing then takes the fast path. Each
/// named choice must exist on the sheet in force, or pricing throws an error naming the
/// choices it has.
///
/// ```swift
/// var options = RequestOptions()
/// options.serviceTier = "flex"
/// options.toolCalls = ["web_search": 3]
/// let cost = try schedule.cost(of: usage, at: now, options: options)
/// ```
public struct RequestOptions: Hashable, Sendable, Codable {
  /// The service tier, such as `"flex"` or `"priority"` (``ServiceTier``); `nil`,
  /// `"standard"` and `"default"` mean the sheet's own prices.
  public var serviceTier: String?
  /// The residency or regional uplift, such as `"us"` (``PriceUplift``); `nil` or
  /// `"global"` for none.
  public var residency: String?
  /// Whether the request ran in thinking mode: `true` bills all its output at the
  /// thinking-mode price (``ComponentPrices/thinkingOutput``) even without reasoning
  /// tokens, `false` never does; `nil` infers it from the usage's reasoning tokens.
  public var thinking: Bool?
  /// Calls of provider-run tools by fee name, such as `["web_search": 3]` (``ToolFee``).
  public var toolCalls: [String: Int]
  /// Token-hours of explicit cache storage to bill with the request, such as 1,000,000
  /// tokens kept for 2 hours = 2,000,000 (``PriceSheet/cacheStorage``).
  public var cacheStorageTokenHours: Int = 0

  /// A standard request.
  public static let none = RequestOptions()

  /// Creates options; every default is a standard request.
  ///
  /// - Parameters:
  ///   - serviceTier: The service tier, or `nil` for standard.
  ///   - residency: The residency uplift, or `nil` for none.
  ///   - thinking: Whether the request ran in thinking mode, or `nil` to infer it.
  ///   - toolCalls: Tool calls by fee name.
  public init(
    serviceTier: String? = nil,
    residency: String? = nil,
    thinking: Bool? = nil,
    toolCalls: [String: Int] = [:]
  ) {
    self.serviceTier = serviceTier
    self.residency = residency
    self.thinking = thinking
    self.toolCalls = toolCalls
  }

  /// Whether the options change nothing: a standard request, priced on the fast path.
  public var isStandard: Bool {
    (serviceTier.map { ServiceTier.standardNames.contains($0.lowercased()) } ?? true)
      && (residency.map { $0.lowercased() == "global" } ?? true) && thinking == nil
      && toolCalls.values.allSatisfy { $0 == 0 } && cacheStorageTokenHours == 0
  }
}
