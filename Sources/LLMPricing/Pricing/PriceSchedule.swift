import Foundation

/// An offering's prices over time: price sheets with the instants they took effect.
///
/// Usage is priced at the sheet in force at the request's timestamp, so last March's
/// requests are priced at last March's prices. An entry takes effect at its
/// ``Entry/effectiveFrom`` instant exactly: a switch at 16:00 UTC applies from
/// 16:00:00, and 15:59:59.999 still gets the previous sheet.
///
/// ```swift
/// let schedule = try PriceSchedule(entries: [listPrice, cut])
/// let cost = try schedule.cost(of: usage, at: timestamp)
/// print(cost.total)  // exact, in the sheet's currency
/// ```
public struct PriceSchedule: Hashable, Sendable, Codable {
  /// One period of a schedule: a sheet, when it took effect, and where it comes from.
  public struct Entry: Hashable, Sendable, Codable {
    /// The instant the sheet took effect, in whole seconds.
    public var effectiveFrom: Date
    /// The prices in force from ``effectiveFrom`` until the next entry.
    public var sheet: PriceSheet
    /// Where the prices come from and how far to trust them.
    public var provenance: Provenance

    /// Creates an entry.
    ///
    /// - Parameters:
    ///   - effectiveFrom: The instant the sheet took effect, in whole seconds.
    ///   - sheet: The prices.
    ///   - provenance: Their source.
    public init(effectiveFrom: Date, sheet: PriceSheet, provenance: Provenance) {
      self.effectiveFrom = effectiveFrom
      self.sheet = sheet
      self.provenance = provenance
    }
  }

  /// The entries, oldest first.
  public var entries: [Entry] { compiled.entries }
  /// The instant the offering stopped being sold, if it has; no price applies from then on.
  public var retiredAt: Date? { compiled.retiredAt }
  /// The model the provider names as the replacement at retirement, such as
  /// `"gemini-3.5-flash"`; a price asked for after ``retiredAt`` names it.
  public var successor: String? { compiled.successor }
  /// Where the retirement was announced: a URL or a short citation.
  public var retirementSource: String? { compiled.retirementSource }

  /// The currency of every sheet.
  public var currency: Currency { entries[0].sheet.currency }

  /// Everything, shared by copies of the schedule: copying a schedule retains one reference.
  let compiled: CompiledSchedule

  /// Creates a validated schedule.
  ///
  /// - Parameters:
  ///   - entries: The entries, in ascending order of ``Entry/effectiveFrom``.
  ///   - retiredAt: When the offering stopped being sold, if it has; a date in the future
  ///     records an announced retirement.
  ///   - successor: The replacement the provider names, if any.
  ///   - retirementSource: Where the retirement was announced.
  /// - Throws: ``PricingError/Code/invalidPriceSheet`` when there are no entries, the
  ///   dates are not strictly ascending or not whole seconds, the sheets' currencies
  ///   differ, the retirement precedes the first entry, or a successor or retirement source
  ///   is given without a retirement.
  public init(
    entries: [Entry],
    retiredAt: Date? = nil,
    successor: String? = nil,
    retirementSource: String? = nil
  ) throws {
    guard let first = entries.first else {
      throw PricingError(.invalidPriceSheet, "a schedule needs at least one entry")
    }
    var starts: [Int64] = []
    for (index, entry) in entries.enumerated() {
      let seconds = entry.effectiveFrom.timeIntervalSince1970
      guard EpochSeconds.isInRange(entry.effectiveFrom) else {
        throw PricingError(
          .invalidPriceSheet,
          "entries[\(index)] takes effect at \(seconds) seconds since 1970, outside any calendar"
        )
      }
      guard seconds == seconds.rounded(.down) else {
        throw PricingError(
          .invalidPriceSheet,
          "entries[\(index)] takes effect at \(entry.effectiveFrom), which is not a whole second"
        )
      }
      guard entry.sheet.currency == first.sheet.currency else {
        throw PricingError(
          .invalidPriceSheet,
          "entries[\(index)] is in \(entry.sheet.currency) but entries[0] is in "
            + "\(first.sheet.currency); an offering bills in one currency"
        )
      }
      if let previous = starts.last, Int64(seconds) <= previous {
        throw PricingError(
          .invalidPriceSheet,
          "entries[\(index)] takes effect at \(entry.effectiveFrom), not after the entry before it; "
            + "list entries in ascending order of effectiveFrom"
        )
      }
      starts.append(Int64(seconds))
    }
    if let retiredAt, !EpochSeconds.isInRange(retiredAt) {
      throw PricingError(
        .invalidPriceSheet,
        "the retirement at \(retiredAt.timeIntervalSince1970) seconds since 1970 is outside any "
          + "calendar"
      )
    }
    if let retiredAt, retiredAt <= first.effectiveFrom {
      throw PricingError(
        .invalidPriceSheet,
        "the retirement at \(retiredAt) is not after the first entry"
      )
    }
    if retiredAt == nil, successor != nil || retirementSource != nil {
      throw PricingError(
        .invalidPriceSheet,
        "a successor or retirement source needs a retirement; add retiredAt"
      )
    }
    self.compiled = try CompiledSchedule(
      entries: entries,
      retiredAt: retiredAt,
      successor: successor,
      retirementSource: retirementSource,
      starts: starts
    )
  }

  /// The index of the entry in force at a UTC second.
  func entryIndex(atSecond second: Int64) throws -> Int {
    let starts = compiled.starts
    if let retiredSecond = compiled.retiredSecond, second >= retiredSecond {
      throw retired(at: second, retiredSecond: retiredSecond)
    }
    // Most usage is recent: try the newest entry before searching.
    if second >= starts[starts.count - 1] { return starts.count - 1 }
    return try searchEntry(atSecond: second, starts: starts)
  }

  private func retired(at second: Int64, retiredSecond: Int64) -> PricingError {
    let successor = compiled.successor.map { ". Its provider names \($0) as its successor" } ?? ""
    let source = compiled.retirementSource.map { ". Source: \($0)" } ?? ""
    return PricingError(
      .noPriceInEffect,
      "the offering was retired at \(Self.iso(retiredSecond)); no price applies at "
        + "\(Self.iso(second))\(successor)\(source)"
    )
  }

  /// The same retirement with other entries: what overrides and calendar changes rebuild.
  ///
  /// - Parameter entries: The new entries.
  /// - Returns: A schedule with these entries and this schedule's retirement, successor and
  ///   retirement source.
  /// - Throws: The errors of ``init(entries:retiredAt:successor:retirementSource:)``.
  public func replacingEntries(_ entries: [Entry]) throws -> PriceSchedule {
    try PriceSchedule(
      entries: entries,
      retiredAt: retiredAt,
      successor: successor,
      retirementSource: retirementSource
    )
  }

  private func searchEntry(atSecond second: Int64, starts: [Int64]) throws -> Int {
    // Schedules hold a handful of entries: a backward scan beats a binary search here.
    var index = starts.count - 2
    while index >= 0 {
      if starts[index] <= second { return index }
      index -= 1
    }
    throw PricingError(
      .noPriceInEffect,
      "no price is in effect at \(Self.iso(second)); the first price takes effect at "
        + "\(Self.iso(starts[0]))"
    )
  }

  static func iso(_ second: Int64) -> String {
    Date(timeIntervalSince1970: TimeInterval(second)).formatted(.iso8601)
  }

  static func second(of instant: Date) -> Int64 { EpochSeconds.floor(instant) }

  /// The entry in force at an instant.
  ///
  /// - Parameter instant: The request's timestamp.
  /// - Returns: The entry whose period contains `instant`.
  /// - Throws: ``PricingError/Code/noPriceInEffect`` naming the instant when it is before
  ///   the first entry or after retirement.
  public func entry(at instant: Date) throws -> Entry {
    entries[try entryIndex(atSecond: Self.second(of: instant))]
  }

  /// Prices a usage at an instant, with one line per component.
  ///
  /// - Parameters:
  ///   - usage: The tokens used.
  ///   - instant: The request's timestamp; it selects the sheet and the time window.
  ///   - batch: Whether the request went through the batch API.
  /// - Returns: The breakdown, in the schedule's currency, unrounded.
  /// - Throws: ``PricingError/Code/noPriceInEffect``, ``PricingError/Code/noMatchingTier``,
  ///   ``PricingError/Code/batchNotOffered``, ``PricingError/Code/calendarOutOfRange`` or
  ///   ``PricingError/Code/overflow``, each naming the value at fault.
  public func cost(
    of usage: TokenUsage,
    at instant: Date,
    batch: Bool = false
  ) throws -> CostBreakdown {
    let second = Self.second(of: instant)
    let index = try entryIndex(atSecond: second)
    let match = try compiled.variant(sheet: index, atSecond: second)
    let variant = match.index
    let tier = try compiled.tierIndex(sheet: index, for: usage, variant: variant, batch: batch)
    let prices = compiled.prices[tier]
    // A request that reports reasoning tokens ran in thinking mode.
    let thinking = usage.reasoning > 0 && prices.thinkingOutput != nil
    var lines: [CostBreakdown.Line] = []
    // One allocation: most usages bill two to four components.
    lines.reserveCapacity(4)
    var total = FixedDecimal.zero
    for component in CostComponent.usageComponents {
      let count = usage.count(of: component)
      if component == .requests, prices.perRequest == nil { continue }
      guard count > 0 else { continue }
      let amount = try compiled.amount(of: component, count: count, tier: tier, thinking: thinking)
      lines.append(
        CostBreakdown.Line(
          component: component,
          tokens: count,
          unitPrice: prices.effectivePrice(of: component, thinking: thinking),
          amount: amount
        )
      )
      total = try total + amount
    }
    var adjustments: [String] = []
    if thinking { adjustments.append("thinking-mode output") }
    let window = variant > 0 ? entries[index].sheet.windows[variant - 1] : nil
    if let window {
      switch window.effect {
      case .multiplier(let factor): adjustments.append("\(window.name) window ×\(factor)")
      case .tiers: adjustments.append("\(window.name) window prices")
      }
    }
    if batch, let factor = entries[index].sheet.batchMultiplier {
      adjustments.append("batch ×\(factor)")
    }
    var provisional: [ProvisionalYear] = []
    if match.isProvisional, let year = compiled.provisionalYear(sheet: index, variant: match) {
      provisional = [year]
    }
    return CostBreakdown(
      lines: lines,
      total: Money(total, currency),
      tier: compiled.labels[tier],
      window: window?.name,
      isBatch: batch,
      adjustments: adjustments,
      effectiveFrom: entries[index].effectiveFrom,
      provenance: entries[index].provenance,
      provisionalYears: provisional
    )
  }

  /// Prices a usage at an instant, returning only the total; allocates nothing.
  ///
  /// Equal to `cost(of:at:batch:).total`, and what log ingestion uses.
  ///
  /// - Parameters:
  ///   - usage: The tokens used.
  ///   - instant: The request's timestamp.
  ///   - batch: Whether the request went through the batch API.
  /// - Returns: The exact total in the schedule's currency.
  /// - Throws: The errors of ``cost(of:at:batch:)``.
  public func totalCost(
    of usage: TokenUsage,
    at instant: Date,
    batch: Bool = false
  ) throws -> Money {
    Money(
      try totalCost(of: usage, atSecondsSince1970: Self.second(of: instant), batch: batch),
      currency
    )
  }

  /// Prices a usage at a UTC second, returning only the exact amount.
  ///
  /// The fastest entry point: no `Date`, no allocation.
  ///
  /// - Parameters:
  ///   - usage: The tokens used.
  ///   - second: Seconds since 1970-01-01 00:00:00 UTC.
  ///   - batch: Whether the request went through the batch API.
  /// - Returns: The exact total, in ``currency``.
  /// - Throws: The errors of ``cost(of:at:batch:)``.
  public func totalCost(
    of usage: TokenUsage,
    atSecondsSince1970 second: Int64,
    batch: Bool = false
  ) throws -> FixedDecimal {
    try pricedTotal(of: usage, atSecond: second, batch: batch).amount
  }

  /// The exact total at a UTC second, with the sheet and window that priced it: what log
  /// ingestion uses, so that a report can say when a price rests on a provisional calendar
  /// (``provisionalYear(sheet:variant:)``).
  @inline(__always)
  func pricedTotal(
    of usage: TokenUsage,
    atSecond second: Int64,
    batch: Bool
  ) throws -> (amount: FixedDecimal, sheet: Int, variant: CompiledSchedule.Variant) {
    let second = EpochSeconds.clamped(second)
    let index = try entryIndex(atSecond: second)
    let variant = try compiled.variant(sheet: index, atSecond: second)
    let tier = try compiled.tierIndex(
      sheet: index,
      for: usage,
      variant: variant.index,
      batch: batch
    )
    return (try compiled.total(of: usage, tier: tier), index, variant)
  }

  /// The provisional calendar year behind a priced sheet and window, if any.
  func provisionalYear(sheet: Int, variant: CompiledSchedule.Variant) -> ProvisionalYear? {
    compiled.provisionalYear(sheet: sheet, variant: variant)
  }

  /// Compares the entries and retirement.
  ///
  /// - Parameters:
  ///   - lhs: A schedule.
  ///   - rhs: Another schedule.
  /// - Returns: Whether both have equal entries and retirement.
  public static func == (lhs: PriceSchedule, rhs: PriceSchedule) -> Bool {
    lhs.entries == rhs.entries && lhs.retiredAt == rhs.retiredAt
      && lhs.successor == rhs.successor && lhs.retirementSource == rhs.retirementSource
  }

  /// Hashes the entries and retirement.
  ///
  /// - Parameter hasher: The hasher to feed.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(entries)
    hasher.combine(retiredAt)
  }

  private enum CodingKeys: String, CodingKey {
    case entries, retiredAt, successor, retirementSource
  }

  /// Decodes a schedule through the validating initializer.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path and the broken rule.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    do {
      try self.init(
        entries: container.decode([Entry].self, forKey: .entries),
        retiredAt: container.decodeIfPresent(Date.self, forKey: .retiredAt),
        successor: container.decodeIfPresent(String.self, forKey: .successor),
        retirementSource: container.decodeIfPresent(String.self, forKey: .retirementSource)
      )
    } catch let error as PricingError {
      throw DecodingError.dataCorruptedError(
        forKey: .entries,
        in: container,
        debugDescription: error.message
      )
    }
  }

  /// Encodes the entries and retirement.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(entries, forKey: .entries)
    try container.encodeIfPresent(retiredAt, forKey: .retiredAt)
    try container.encodeIfPresent(successor, forKey: .successor)
    try container.encodeIfPresent(retirementSource, forKey: .retirementSource)
  }
}

/// The prices in force at a moment: a schedule entry and the window variant of its sheet.
struct PriceKey: Hashable {
  var entry: Int
  var variant: Int
}

extension PriceSchedule {
  /// The entry and window in force at a UTC second.
  func priceKey(atSecond second: Int64) throws -> PriceKey {
    try pricedKey(atSecond: second).key
  }

  /// The entry and window in force at a UTC second, and the provisional calendar year that
  /// decided the window, if any.
  func pricedKey(atSecond second: Int64) throws -> (key: PriceKey, provisional: ProvisionalYear?) {
    let entry = try entryIndex(atSecond: second)
    let match = try compiled.variant(sheet: entry, atSecond: second)
    return (
      PriceKey(entry: entry, variant: match.index),
      match.isProvisional ? compiled.provisionalYear(sheet: entry, variant: match) : nil
    )
  }

  /// Whether an entry's sheet has time windows.
  func hasWindows(entry: Int) -> Bool { !entries[entry].sheet.windows.isEmpty }

  /// The exact cost of a usage under a price key.
  func cost(of usage: TokenUsage, key: PriceKey, batch: Bool) throws -> FixedDecimal {
    let tier = try compiled.tierIndex(
      sheet: key.entry,
      for: usage,
      variant: key.variant,
      batch: batch
    )
    return try compiled.total(of: usage, tier: tier)
  }

  /// The exact cost of each component of a usage under a price key; the amounts add up
  /// to ``cost(of:key:batch:)``.
  func componentCosts(
    of usage: TokenUsage,
    key: PriceKey,
    batch: Bool
  ) throws -> [(CostComponent, FixedDecimal)] {
    let tier = try compiled.tierIndex(
      sheet: key.entry,
      for: usage,
      variant: key.variant,
      batch: batch
    )
    let thinking = usage.reasoning > 0 && compiled.prices[tier].thinkingOutput != nil
    return try CostComponent.usageComponents.compactMap { component in
      let count = usage.count(of: component)
      guard count > 0, component != .requests || compiled.prices[tier].perRequest != nil else {
        return nil
      }
      let amount = try compiled.amount(of: component, count: count, tier: tier, thinking: thinking)
      return (component, amount)
    }
  }
}
