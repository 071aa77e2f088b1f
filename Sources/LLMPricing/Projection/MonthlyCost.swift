/// What a workload costs on one offering in one month, exactly.
public struct MonthlyCost: Hashable, Sendable, Codable {
  /// The offering id, `provider/model@CURRENCY`.
  public var offering: String
  /// The model id.
  public var model: String
  /// The provider id.
  public var provider: String
  /// The month.
  public var month: YearMonth
  /// The exact total in the offering's own currency.
  public var total: Money
  /// The total in the reporting currency, when it differs, with the rates used.
  public var converted: Conversion?
  /// Sessions in the month (fractional: traffic is spread over hours and rest days).
  public var sessions: FixedDecimal
  /// Requests (sessions × steps).
  public var requests: FixedDecimal
  /// Input tokens, cached and uncached.
  public var inputTokens: FixedDecimal
  /// Cache-read tokens.
  public var cachedTokens: FixedDecimal
  /// Output tokens, reasoning included.
  public var outputTokens: FixedDecimal
  /// The exact cost by time window (`"standard"` outside any window), in the offering's
  /// currency.
  public var costByWindow: [String: FixedDecimal]
  /// The cost by billed component (``CostComponent`` raw values: `input`, `cacheRead`,
  /// `output`, `toolCalls`, `cacheStorage`, …), in the offering's currency.
  ///
  /// Each is computed with the same exact steps as ``total``; as each step rounds at the
  /// 18th fractional digit, their sum can differ from ``total`` there, and nowhere else.
  /// Free tool calls are taken off `toolCalls`; a free quota consumed in a horizon is the
  /// negative component ``freeQuotaComponent``.
  public var costByComponent: [String: FixedDecimal] = [:]

  /// The key of ``costByComponent`` under which a horizon's free-quota deduction is
  /// recorded, as a negative amount.
  public static let freeQuotaComponent = "freeQuota"
  /// Whether batch prices were applied to the workload's batch share.
  public var batchApplied: Bool
  /// Things to know about this figure, such as "batch not offered", a provisional
  /// calendar year or an assumed exchange rate.
  public var notes: [String]
  /// The holiday-calendar years this month's rest days or price windows came from that are
  /// provisional (computed from rules, not published); empty when all were official.
  public var provisionalYears: [ProvisionalYear] = []
  /// Free-quota tokens consumed this month (see
  /// ``MonthlyProjection/horizon(of:on:from:months:currency:rates:calendars:)``).
  public var freeTokensUsed: FixedDecimal = .zero

  /// Whether the figure rests on a provisional holiday calendar; see ``provisionalYears``.
  public var isProvisional: Bool { !provisionalYears.isEmpty }

  /// The total in the reporting currency: the converted amount, or the own-currency total.
  public var reportingTotal: Money { converted?.converted ?? total }

  /// The cost of one session, in the offering's currency, rounded half to even to 18 digits.
  public var costPerSession: FixedDecimal? {
    sessions.isZero ? nil : try? total.amount.divided(by: sessions)
  }
}
