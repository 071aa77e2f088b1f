/// A fee per call of a tool the provider runs, such as web search ($10 per 1,000 calls at
/// OpenAI and Anthropic, ¥6 per 1,000 on Volcano Engine), billed on top of tokens.
///
/// Requests report their calls by fee name (``RequestOptions/toolCalls``, `llm-cost quote
/// --tool web_search=3`, Anthropic's `usage.server_tool_use.web_search_requests`); each fee
/// becomes a breakdown line. Encodes in JSON as `{"name": "web_search", "perCall": "0.01",
/// "freeCalls": {"calls": 1500, "period": "day"}}`; `freeCalls` is optional.
public struct ToolFee: Hashable, Sendable, Codable {
  /// Calls that cost nothing in each period, per account.
  public struct FreeCalls: Hashable, Sendable, Codable {
    /// The period an allowance covers.
    public enum Period: String, Hashable, Sendable, Codable {
      /// A calendar day in the sheet's time zone.
      case day
      /// A calendar month in the sheet's time zone.
      case month
    }

    /// Free calls per period.
    public var calls: Int
    /// The period.
    public var period: Period

    /// Creates an allowance.
    ///
    /// - Parameters:
    ///   - calls: Free calls per period, at least 1.
    ///   - period: The period.
    public init(calls: Int, period: Period) {
      self.calls = calls
      self.period = period
    }
  }

  /// The name requests report calls under, such as `"web_search"`.
  public var name: String
  /// The price of one call, in the sheet's currency.
  public var perCall: FixedDecimal
  /// The free allowance, if any.
  ///
  /// A single quote cannot know what an account has used, so
  /// it bills every call and says so; usage reports and monthly projections apply it.
  public var freeCalls: FreeCalls?

  /// Creates a fee.
  ///
  /// - Parameters:
  ///   - name: The name calls are reported under.
  ///   - perCall: The price of one call.
  ///   - freeCalls: The free allowance, if any.
  public init(name: String, perCall: FixedDecimal, freeCalls: FreeCalls? = nil) {
    self.name = name
    self.perCall = perCall
    self.freeCalls = freeCalls
  }
}
