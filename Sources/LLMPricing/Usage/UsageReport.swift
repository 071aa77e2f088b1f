import Foundation

/// The exact result of ingesting usage logs: totals, groups, and every rejected line.
///
/// Reports are mergeable: partial reports of shards (read with `Codable`) combine with
/// ``merge(_:)`` into exactly the report of one pass over all the lines, so any batch
/// runner can fan the work out. JSON keys: `total` (exact decimal string), `currency`,
/// `priced`, `rejected`, `rejections` (line and reason, the first
/// ``UsageIngestor/maximumRejectionsKept`` of them), `rejectionsNotShown`, `groups`,
/// `totalsByCurrency`, `groupBy`, `timeZone`, `formatVersion`, `provisionalYears` (the
/// provisional holiday-calendar years some line's price rested on), `exchangeRates` (every
/// rate a conversion used, with its oldest age and whether it was assumed), `missingPrices`
/// (components billed at a fallback because the catalog lacks a published price),
/// `freeAllowances` (tools' free calls that lowered the totals).
public struct UsageReport: Hashable, Sendable, Codable {
  /// One exchange rate the report's conversions used.
  public struct RateUse: Hashable, Sendable, Codable {
    /// The stored rate.
    public var rate: ExchangeRate
    /// How many line conversions applied it.
    public var conversions: Int
    /// The greatest age, in whole days, at which it was applied; `nil` for a standing rate.
    public var oldestAgeDays: Int?
    /// Whether any conversion with it was assumed (see ``AppliedRate/isAssumed``).
    public var isAssumed: Bool

    /// Creates a record of a rate's use.
    ///
    /// - Parameters:
    ///   - rate: The rate.
    ///   - conversions: How many conversions applied it.
    ///   - oldestAgeDays: The greatest age at which it was applied.
    ///   - isAssumed: Whether any of them was assumed.
    public init(rate: ExchangeRate, conversions: Int, oldestAgeDays: Int?, isAssumed: Bool) {
      self.rate = rate
      self.conversions = conversions
      self.oldestAgeDays = oldestAgeDays
      self.isAssumed = isAssumed
    }

    /// Adds one application of the rate.
    mutating func record(_ applied: AppliedRate) {
      conversions += 1
      if let age = applied.ageDays { oldestAgeDays = max(oldestAgeDays ?? age, age) }
      isAssumed = isAssumed || applied.isAssumed
    }

    /// Adds another report's use of the same rate.
    mutating func add(_ other: RateUse) throws {
      conversions = try UsageReport.add(conversions, other.conversions)
      if let age = other.oldestAgeDays { oldestAgeDays = max(oldestAgeDays ?? age, age) }
      isAssumed = isAssumed || other.isAssumed
    }
  }

  /// One rejected line and why.
  public struct Rejection: Hashable, Sendable, Codable {
    /// The input the line came from (a file name), if known.
    public var source: String?
    /// The 1-based line number.
    public var line: Int
    /// Why it was rejected, naming the value at fault.
    public var reason: String
  }

  /// The totals of one group.
  public struct Group: Hashable, Sendable, Codable {
    /// The group's key: one value per grouping field, such as `["model": "deepseek-chat"]`.
    public var key: [String: String]
    /// Requests priced in the group.
    public var requests: Int
    /// Input tokens, cached and cache writes included.
    public var inputTokens: Int
    /// Cache-read tokens.
    public var cachedTokens: Int
    /// Output tokens, reasoning included.
    public var outputTokens: Int
    /// The exact total in the report's currency.
    public var total: FixedDecimal
    /// The exact totals in each offering's own currency, before any conversion.
    public var totalsByCurrency: [String: FixedDecimal]
  }

  /// The version of this JSON layout.
  public var formatVersion = 1
  /// The exact grand total in ``currency``.
  public var total: FixedDecimal
  /// The reporting currency, or `nil` when no line was priced.
  public var currency: String?
  /// Lines priced.
  public var priced: Int
  /// Lines rejected.
  public var rejected: Int
  /// The first rejected lines, with reasons.
  public var rejections: [Rejection]
  /// How many rejected lines are not listed in ``rejections``.
  public var rejectionsNotShown: Int
  /// The exact totals in each offering's own currency, before any conversion.
  public var totalsByCurrency: [String: FixedDecimal]
  /// The groups, sorted by key.
  public var groups: [Group]
  /// The grouping fields, such as `["model", "day", "tag:team"]`.
  public var groupBy: [String]
  /// The provisional holiday-calendar years that some line's price rested on; empty when
  /// every price rested on official calendars only.
  public var provisionalYears: [ProvisionalYear] = []
  /// The exchange rates conversions used, oldest first.
  public var exchangeRates: [RateUse] = []
  /// Components some line billed at a fallback price because the catalog lacks a price the
  /// provider publishes (``Provenance/missing``), one sentence per offering and component.
  public var missingPrices: [String] = []
  /// Offerings whose tools' free allowances (``ToolFee/freeCalls``) lowered the totals, one
  /// sentence each.
  public var freeAllowances: [String] = []

  /// Whether some figure rests on a provisional holiday calendar.
  public var isProvisional: Bool { !provisionalYears.isEmpty }

  /// The grand total as money: ``total`` in ``currency``; `nil` when no line was priced.
  ///
  /// ```swift
  /// print(report.grandTotal?.formatted() ?? "nothing priced")
  /// ```
  public var grandTotal: Money? {
    currency.flatMap { try? Currency(code: $0) }.map { Money(total, $0) }
  }

  /// The totals in each offering's own currency, before any conversion, by currency code.
  public var nativeTotals: [Money] {
    totalsByCurrency.sorted { $0.key < $1.key }.compactMap { code, amount in
      (try? Currency(code: code)).map { Money(amount, $0) }
    }
  }

  /// A group's total as money, in the report's currency; `nil` when no line was priced.
  ///
  /// - Parameter group: One of ``groups``.
  /// - Returns: The group's exact total.
  public func total(of group: Group) -> Money? {
    currency.flatMap { try? Currency(code: $0) }.map { Money(group.total, $0) }
  }

  /// What a reader must know about the totals: provisional calendar years, assumed
  /// exchange rates and missing prices, in words.
  public var notes: [String] {
    provisionalYears.map(\.note) + missingPrices + freeAllowances
      + exchangeRates.filter(\.isAssumed).map { use in
        let age = use.oldestAgeDays.map { "up to \($0) days old" } ?? "standing"
        return "assumed exchange rate: 1 \(use.rate.base) = \(use.rate.rate) \(use.rate.quote) of "
          + "\(CalendarDay(utcDateOf: use.rate.asOf)) was applied \(age) or to future instants "
          + "(\(use.conversions) conversions); pass current rates with --fx or --fx-file"
      }
  }

  /// The time zone days are counted in.
  public var timeZone: String

  /// Adds another report, as when combining shards.
  ///
  /// - Parameter other: A report made with the same grouping, time zone and currency.
  /// - Throws: ``PricingError/Code/invalidData`` when the reports disagree on grouping,
  ///   time zone or currency (pass the same `--group-by`, `--time-zone` and `--currency`
  ///   to every shard); ``PricingError/Code/overflow`` when a total overflows.
  public mutating func merge(_ other: UsageReport) throws {
    guard groupBy == other.groupBy, timeZone == other.timeZone else {
      throw PricingError(
        .invalidData,
        "cannot merge reports grouped by \(groupBy) in \(timeZone) and by \(other.groupBy) in "
          + "\(other.timeZone); use the same --group-by and --time-zone for every shard"
      )
    }
    if let mine = currency, let theirs = other.currency, mine != theirs {
      throw PricingError(
        .currencyMismatch,
        "cannot merge a \(mine) report with a \(theirs) report; run every shard with --currency"
      )
    }
    var merged = self
    merged.currency = currency ?? other.currency
    merged.total = try total + other.total
    // Counts come from files (shard reports), so every sum is checked.
    merged.priced = try Self.add(priced, other.priced)
    merged.rejected = try Self.add(rejected, other.rejected)
    let room = max(0, UsageIngestor.maximumRejectionsKept - rejections.count)
    merged.rejections += other.rejections.prefix(room)
    merged.rejectionsNotShown = try Self.add(
      Self.add(rejectionsNotShown, other.rejectionsNotShown),
      max(0, other.rejections.count - room)
    )
    merged.totalsByCurrency = try Self.add(totalsByCurrency, other.totalsByCurrency)
    merged.provisionalYears = Array(Set(provisionalYears + other.provisionalYears)).sorted()
    merged.missingPrices = Array(Set(missingPrices + other.missingPrices)).sorted()
    merged.freeAllowances = Array(Set(freeAllowances + other.freeAllowances)).sorted()
    merged.exchangeRates = try Self.merged(exchangeRates, other.exchangeRates)
    // A hand-edited report may repeat a key: its groups add up like any other.
    var byKey: [[String: String]: Group] = [:]
    for group in groups + other.groups {
      guard var existing = byKey[group.key] else {
        byKey[group.key] = group
        continue
      }
      existing.requests = try Self.add(existing.requests, group.requests)
      existing.inputTokens = try Self.add(existing.inputTokens, group.inputTokens)
      existing.cachedTokens = try Self.add(existing.cachedTokens, group.cachedTokens)
      existing.outputTokens = try Self.add(existing.outputTokens, group.outputTokens)
      existing.total = try existing.total + group.total
      existing.totalsByCurrency = try Self.add(existing.totalsByCurrency, group.totalsByCurrency)
      byKey[group.key] = existing
    }
    merged.groups = Self.sorted(Array(byKey.values), by: groupBy)
    self = merged
  }

  /// Checks that the report's figures agree with one another, as every report the
  /// ingestor or ``merge(_:)`` makes does.
  ///
  /// A report read from a file may have been edited or cut; merging it would spread a wrong
  /// total silently. Checked: no count is negative; every rejected line is either listed or
  /// counted in ``rejectionsNotShown``; a report with priced lines has a currency and
  /// groups, and one without has neither groups nor totals; ``total`` and
  /// ``totalsByCurrency`` are exactly the sums of the groups'; the groups count at least
  /// one request per priced line (a line may count several); each group is keyed by the
  /// ``groupBy`` fields; and when every line was priced in the reporting currency, the total
  /// is that currency's native total.
  ///
  /// - Throws: ``PricingError/Code/invalidData`` naming the figures that disagree;
  ///   ``PricingError/Code/overflow`` when a sum overflows.
  public func validate() throws {
    func refuse(_ what: String) -> PricingError {
      PricingError(
        .invalidData,
        "\(what); the report was edited or cut, so use the unchanged output of "
          + "'llm-cost ingest --json' (UsageIngestor.currentReport())"
      )
    }
    let counts = [
      ("priced", priced), ("rejected", rejected), ("rejectionsNotShown", rejectionsNotShown),
    ]
    for (name, count) in counts where count < 0 {
      throw refuse("\(name) is \(count), below zero")
    }
    guard try Self.add(rejections.count, rejectionsNotShown) == rejected else {
      throw refuse(
        "rejected is \(rejected), but \(rejections.count) rejections are listed and "
          + "rejectionsNotShown is \(rejectionsNotShown)"
      )
    }
    guard groups.isEmpty == (priced == 0) else {
      throw refuse("priced is \(priced) but the report has \(groups.count) groups")
    }
    if priced > 0, currency == nil {
      throw refuse("priced is \(priced) but the report has no currency")
    }
    let fields = Set(groupBy)
    var requests = 0
    var groupTotal = FixedDecimal.zero
    var groupNative: [String: FixedDecimal] = [:]
    for group in groups {
      let groupCounts = [
        ("requests", group.requests), ("inputTokens", group.inputTokens),
        ("cachedTokens", group.cachedTokens), ("outputTokens", group.outputTokens),
      ]
      for (name, count) in groupCounts where count < 0 {
        throw refuse("group \(group.key) has \(name) \(count), below zero")
      }
      guard Set(group.key.keys) == fields else {
        throw refuse("group \(group.key) is not keyed by the report's groupBy \(groupBy)")
      }
      requests = try Self.add(requests, group.requests)
      groupTotal = try groupTotal + group.total
      groupNative = try Self.add(groupNative, group.totalsByCurrency)
    }
    guard requests >= priced else {
      throw refuse(
        "priced is \(priced) lines, but the groups count only \(requests) requests "
          + "(each line counts at least one)"
      )
    }
    guard groupTotal == total else {
      throw refuse("total is \(total), but the groups' totals add up to \(groupTotal)")
    }
    guard groupNative == totalsByCurrency else {
      throw refuse(
        "totalsByCurrency is \(Self.describe(totalsByCurrency)), but the groups' add up to "
          + Self.describe(groupNative)
      )
    }
    if let currency, totalsByCurrency.count == 1, let native = totalsByCurrency[currency],
      native != total
    {
      throw refuse(
        "every line was priced in \(currency), yet total is \(total) and "
          + "totalsByCurrency says \(native) \(currency)"
      )
    }
    for use in exchangeRates where use.conversions < 0 {
      throw refuse("an exchange rate has \(use.conversions) conversions, below zero")
    }
  }

  private static func describe(_ totals: [String: FixedDecimal]) -> String {
    let parts = totals.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
    return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
  }

  /// `a + b`, or ``PricingError/Code/overflow`` instead of a trap.
  static func merged(_ a: [RateUse], _ b: [RateUse]) throws -> [RateUse] {
    var result = a
    for use in b {
      if let index = result.firstIndex(where: { $0.rate == use.rate }) {
        try result[index].add(use)
      } else {
        result.append(use)
      }
    }
    return sorted(result)
  }

  /// Rate uses oldest first, then by base currency.
  static func sorted(_ uses: [RateUse]) -> [RateUse] {
    uses.sorted { ($0.rate.asOf, $0.rate.base.code) < ($1.rate.asOf, $1.rate.base.code) }
  }

  static func add(_ a: Int, _ b: Int) throws -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    guard !overflow else {
      throw PricingError(.overflow, "\(a) + \(b) is too large to count; split the report")
    }
    return sum
  }

  static func add(
    _ a: [String: FixedDecimal],
    _ b: [String: FixedDecimal]
  ) throws -> [String: FixedDecimal] {
    var result = a
    for (code, amount) in b { result[code] = try (result[code] ?? .zero) + amount }
    return result
  }

  static func sorted(_ groups: [Group], by fields: [String]) -> [Group] {
    groups.sorted { lhs, rhs in
      for field in fields {
        let a = lhs.key[field] ?? ""
        let b = rhs.key[field] ?? ""
        if a != b { return a < b }
      }
      return false
    }
  }
}

extension UsageReport {
  /// Decodes a report written by `llm-cost ingest --json`, strictly: an unknown or
  /// duplicate key, or a number that does not fit, is refused with its key path.
  ///
  /// - Parameter data: The JSON bytes.
  /// - Returns: The report.
  /// - Throws: ``PricingError/Code/invalidData`` naming the key path and what is wrong.
  public static func decode(from data: Data) throws -> UsageReport {
    try StrictJSONDecoder().decode(UsageReport.self, from: data)
  }

  private enum CodingKeys: String, CodingKey {
    case formatVersion, total, currency, priced, rejected, rejections, rejectionsNotShown
    case totalsByCurrency, groups, groupBy, timeZone, provisionalYears, exchangeRates
    case missingPrices, freeAllowances
  }

  /// Decodes a report; `provisionalYears`, `exchangeRates`, `missingPrices` and
  /// `freeAllowances` may be absent
  /// (reports written before they existed).
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path of a bad value.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    formatVersion = try c.decode(Int.self, forKey: .formatVersion)
    total = try c.decode(FixedDecimal.self, forKey: .total)
    currency = try c.decodeIfPresent(String.self, forKey: .currency)
    priced = try c.decode(Int.self, forKey: .priced)
    rejected = try c.decode(Int.self, forKey: .rejected)
    rejections = try c.decode([Rejection].self, forKey: .rejections)
    rejectionsNotShown = try c.decode(Int.self, forKey: .rejectionsNotShown)
    totalsByCurrency = try c.decode([String: FixedDecimal].self, forKey: .totalsByCurrency)
    groups = try c.decode([Group].self, forKey: .groups)
    groupBy = try c.decode([String].self, forKey: .groupBy)
    timeZone = try c.decode(String.self, forKey: .timeZone)
    provisionalYears =
      try c.decodeIfPresent([ProvisionalYear].self, forKey: .provisionalYears) ?? []
    exchangeRates = try c.decodeIfPresent([RateUse].self, forKey: .exchangeRates) ?? []
    missingPrices = try c.decodeIfPresent([String].self, forKey: .missingPrices) ?? []
    freeAllowances = try c.decodeIfPresent([String].self, forKey: .freeAllowances) ?? []
  }
}
