import Foundation

/// A ``PriceSchedule`` resolved for the hot path: every sheet's tiers, prices, windows,
/// time zone and holiday calendar flattened into arrays of plain-data values owned by one
/// immutable object.
///
/// Pricing a record costs a few integer operations: no allocation, no reference counting
/// beyond the schedule itself, no Foundation call. Multipliers (windows, batch) are applied
/// ahead of time, prices are kept per token as exact integers, and time zones and holidays
/// are tables. Measured history: an array of per-sheet structs cost ~240 ns a record
/// (copies), per-sheet classes ~55 ns (a retain and release each); this layout is below
/// both (see `Docs/Performance.md`). The plain-data layout also avoids an optimizer bug in
/// Swift 6.3.1 for Linux that corrupted thrown errors when throwing functions returned
/// large structs out of nested arrays.
final class CompiledSchedule: Sendable {
  struct Bounds: Sendable {
    var inputLower: Int
    var inputLowerIsInclusive: Bool
    var inputUpper: Int
    var inputUpperIsInclusive: Bool
    var hasOutputKey: Bool
    var outputLower: Int
    var outputLowerIsInclusive: Bool
    var outputUpper: Int
    var outputUpperIsInclusive: Bool

    init(_ tier: PriceTier) {
      inputLower = tier.input.lower
      inputLowerIsInclusive = tier.input.lowerIsInclusive
      inputUpper = tier.input.upper ?? Int.max
      inputUpperIsInclusive = tier.input.upper == nil || tier.input.upperIsInclusive
      hasOutputKey = tier.output != nil
      outputLower = tier.output?.lower ?? 0
      outputLowerIsInclusive = tier.output?.lowerIsInclusive ?? true
      outputUpper = tier.output?.upper ?? Int.max
      outputUpperIsInclusive = tier.output?.upper == nil || tier.output?.upperIsInclusive == true
    }

    func matches(input: Int, output: Int) -> Bool {
      guard inputLowerIsInclusive ? input >= inputLower : input > inputLower,
        inputUpperIsInclusive ? input <= inputUpper : input < inputUpper
      else { return false }
      guard hasOutputKey else { return true }
      return (outputLowerIsInclusive ? output >= outputLower : output > outputLower)
        && (outputUpperIsInclusive ? output <= outputUpper : output < outputUpper)
    }
  }

  struct Rates: Sendable {
    var input: FixedDecimal
    var cacheRead: FixedDecimal
    var cacheWrite: FixedDecimal
    var cacheWrite1h: FixedDecimal
    var output: FixedDecimal
    var reasoning: FixedDecimal
    var perRequest: FixedDecimal
    /// Whether the tier bills thinking-mode output apart; its per-token price is kept in
    /// ``CompiledSchedule/thinkingRates`` so that this struct stays as small as it was.
    var hasThinking: Bool
    /// Whether every per-token price is exact: true for prices with at most 12 fractional
    /// digits per million tokens.
    var isExact: Bool
    /// Whether every per-token price (and the request fee) is below 2^61 units, so that a
    /// total needs no overflow check: a validated usage's counts sum to less than 2^65,
    /// so the sum of products stays below 2^126, inside the representable range.
    var isSmall: Bool

    init(_ prices: ComponentPrices) {
      var exact = true
      func perToken(_ component: CostComponent, thinking: Bool = false) -> FixedDecimal {
        let units = prices.effectivePrice(of: component, thinking: thinking).units
        guard units % 1_000_000 == 0 else {
          exact = false
          return .zero
        }
        return FixedDecimal(checkedUnits: units / 1_000_000)
      }
      input = perToken(.input)
      cacheRead = perToken(.cacheRead)
      cacheWrite = perToken(.cacheWrite)
      cacheWrite1h = perToken(.cacheWrite1h)
      output = perToken(.output)
      reasoning = perToken(.reasoning)
      perRequest = prices.effectivePrice(of: .requests)
      hasThinking = prices.thinkingOutput != nil
      if let thinking = prices.thinkingOutput, thinking.units % 1_000_000 != 0 { exact = false }
      isExact = exact
      let limit: Int128 = 1 << 61
      // A tier that bills thinking mode apart takes the checked path, which reads the
      // thinking price; the unchecked path stays as lean as before thinking prices existed.
      isSmall =
        exact && !hasThinking
        && [input, cacheRead, cacheWrite, cacheWrite1h, output, reasoning, perRequest].allSatisfy {
          $0.units >= 0 && $0.units < limit
        }
    }

    func perToken(_ component: CostComponent) -> FixedDecimal {
      switch component {
      case .input: return input
      case .cacheRead: return cacheRead
      case .cacheWrite: return cacheWrite
      case .cacheWrite1h: return cacheWrite1h
      case .cacheWrite12h: return .zero
      case .output: return output
      case .reasoning: return reasoning
      case .requests: return perRequest
      case .toolCalls, .cacheStorage: return .zero
      }
    }
  }

  struct Interval: Sendable {
    var start: Int64
    var end: Int64
    var window: Int
    /// 0 every day, 1 weekdays, 2 weekdays except holidays, 3 working days, 4 rest days.
    var dayRule: UInt8
    var weekdayMask: UInt8
  }

  /// Where one sheet's data lives in the flat arrays.
  struct Layout: Sendable {
    /// Index in `groupStarts` of the sheet's first (variant, batch) group; group g of the
    /// sheet spans `groupStarts[firstGroup + g]..<groupStarts[firstGroup + g + 1]`, where
    /// g = variant × 2 + (batch ? 1 : 0), variant 0 being "no window".
    var firstGroup: Int
    var firstInterval: Int
    var endInterval: Int
    /// The UTC offset when the zone has no transitions; otherwise `zone` indexes `zones`.
    var fixedOffset: Int64
    var zone: Int
    /// The sheet's holiday calendar in `calendars`, or −1.
    var calendar: Int
    var offersBatch: Bool
  }

  let entries: [PriceSchedule.Entry]
  let retiredAt: Date?
  let successor: String?
  let retirementSource: String?
  let starts: [Int64]
  let retiredSecond: Int64?
  let layouts: [Layout]
  let bounds: [Bounds]
  let rates: [Rates]
  let prices: [ComponentPrices]
  /// Per tier, the per-token price of a thinking-mode request's output (the output price
  /// where the tier does not bill the mode apart).
  let thinkingRates: [FixedDecimal]
  let labels: [String]
  let groupStarts: [Int]
  let intervals: [Interval]
  let zones: [ZoneOffsets]
  let calendars: [HolidayCalendar]
  /// Per calendar: its first day (days since 1970) and, per day, bit 0 "working day" and
  /// bit 1 "public holiday".
  let calendarFirstDays: [Int]
  let dayFlags: [[UInt8]]

  init(
    entries: [PriceSchedule.Entry],
    retiredAt: Date?,
    successor: String?,
    retirementSource: String?,
    starts: [Int64]
  ) throws {
    var layouts: [Layout] = []
    var bounds: [Bounds] = []
    var rates: [Rates] = []
    var prices: [ComponentPrices] = []
    var thinkingRates: [FixedDecimal] = []
    var labels: [String] = []
    var groupStarts: [Int] = []
    var intervals: [Interval] = []
    var zones: [ZoneOffsets] = []
    var calendars: [HolidayCalendar] = []
    var calendarFirstDays: [Int] = []
    var dayFlags: [[UInt8]] = []
    for entry in entries {
      let sheet = entry.sheet
      let firstGroup = groupStarts.count
      var tierSets: [(tiers: [PriceTier], factor: FixedDecimal?)] = [(sheet.tiers, nil)]
      for window in sheet.windows {
        switch window.effect {
        case .multiplier(let factor): tierSets.append((sheet.tiers, factor))
        case .tiers(let tiers): tierSets.append((tiers, nil))
        }
      }
      for set in tierSets {
        for batch in [nil, sheet.batchMultiplier] {
          groupStarts.append(bounds.count)
          for tier in set.tiers {
            var scaled = tier.prices
            if let factor = set.factor { scaled = try scaled.scaled(by: factor) }
            if let batch { scaled = try scaled.scaled(by: batch) }
            bounds.append(Bounds(tier))
            rates.append(Rates(scaled))
            prices.append(scaled)
            let thinking = scaled.effectivePrice(of: .output, thinking: true).units
            thinkingRates.append(
              thinking % 1_000_000 == 0 ? FixedDecimal(checkedUnits: thinking / 1_000_000) : .zero
            )
            labels.append(tier.label)
          }
        }
      }
      // Close the sheet's last group; the next sheet's groups start after this marker.
      groupStarts.append(bounds.count)

      let firstInterval = intervals.count
      for (index, window) in sheet.windows.enumerated() {
        var rule: UInt8 = 0
        var mask: UInt8 = 0
        switch window.days {
        case .everyDay: rule = 0
        case .weekdays(let days):
          rule = 1
          mask = days.reduce(0) { $0 | (1 << UInt8($1.isoNumber - 1)) }
        case .weekdaysExceptHolidays(let days):
          rule = 2
          mask = days.reduce(0) { $0 | (1 << UInt8($1.isoNumber - 1)) }
        case .workingDays: rule = 3
        case .restDays: rule = 4
        }
        for range in window.intervals {
          intervals.append(
            Interval(
              start: Int64(range.lowerBound),
              end: Int64(range.upperBound),
              window: index,
              dayRule: rule,
              weekdayMask: mask
            )
          )
        }
      }

      let offsets = ZoneOffsets(TimeZone(identifier: sheet.timeZone) ?? .gmt)
      var zone = -1
      if offsets.fixedOffset == nil {
        zone = zones.count
        zones.append(offsets)
      }
      var calendarIndex = -1
      if let calendar = sheet.holidayCalendar {
        if let existing = calendars.firstIndex(where: { $0.id == calendar.id && $0 == calendar }) {
          calendarIndex = existing
        } else {
          calendarIndex = calendars.count
          calendars.append(calendar)
          calendarFirstDays.append(calendar.firstDay)
          dayFlags.append(calendar.dayFlags)
        }
      }
      layouts.append(
        Layout(
          firstGroup: firstGroup,
          firstInterval: firstInterval,
          endInterval: intervals.count,
          fixedOffset: offsets.fixedOffset ?? 0,
          zone: zone,
          calendar: calendarIndex,
          offersBatch: sheet.batchMultiplier != nil
        )
      )
    }
    self.entries = entries
    self.retiredAt = retiredAt
    self.successor = successor
    self.retirementSource = retirementSource
    self.starts = starts
    self.retiredSecond = retiredAt.map { Int64($0.timeIntervalSince1970.rounded(.up)) }
    self.layouts = layouts
    self.bounds = bounds
    self.rates = rates
    self.prices = prices
    self.thinkingRates = thinkingRates
    self.labels = labels
    self.groupStarts = groupStarts
    self.intervals = intervals
    self.zones = zones
    self.calendars = calendars
    self.calendarFirstDays = calendarFirstDays
    self.dayFlags = dayFlags
  }

  /// The window in force at a moment, and whether a provisional calendar day decided it.
  struct Variant {
    /// The window index + 1, or 0 for none.
    var index: Int
    /// The day (days since 1970) whose provisional kind decided the window, or
    /// ``noProvisionalDay`` (a plain integer keeps the hot path free of optionals).
    var provisionalDay: Int = Variant.noProvisionalDay

    static let noProvisionalDay = Int.min

    var isProvisional: Bool { provisionalDay != Self.noProvisionalDay }
  }

  /// The window index + 1 in force at a UTC second on a sheet, or 0 for none.
  @inline(__always)
  func variant(sheet: Int, atSecond second: Int64) throws -> Variant {
    let layout = layouts[sheet]
    guard layout.firstInterval < layout.endInterval else { return Variant(index: 0) }
    let offset = layout.zone < 0 ? layout.fixedOffset : zones[layout.zone].offset(at: second)
    let local = second + offset
    let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    let secondOfDay = local - day * 86_400
    var provisionalDay = Variant.noProvisionalDay
    var index = layout.firstInterval
    while index < layout.endInterval {
      let interval = intervals[index]
      if secondOfDay >= interval.start, secondOfDay < interval.end,
        try applies(interval, onDay: day, calendar: layout.calendar, provisional: &provisionalDay)
      {
        return Variant(index: interval.window + 1, provisionalDay: provisionalDay)
      }
      // The part of a wrapping window that spills into today belongs to yesterday.
      let spilled = secondOfDay + 86_400
      if interval.end > 86_400, spilled >= interval.start, spilled < interval.end,
        try applies(
          interval,
          onDay: day - 1,
          calendar: layout.calendar,
          provisional: &provisionalDay
        )
      {
        return Variant(index: interval.window + 1, provisionalDay: provisionalDay)
      }
      index += 1
    }
    return Variant(index: 0, provisionalDay: provisionalDay)
  }

  @inline(__always)
  private func applies(
    _ interval: Interval,
    onDay day: Int64,
    calendar: Int,
    provisional: inout Int
  ) throws -> Bool {
    if interval.dayRule == 0 { return true }
    if interval.dayRule == 1 || interval.dayRule == 2 {
      // Monday is bit 0; 1970-01-01 was a Thursday (bit 3).
      let weekdayBit = UInt8(((day % 7) + 7 + 3) % 7)
      guard interval.weekdayMask & (1 << weekdayBit) != 0 else { return false }
      if interval.dayRule == 1 { return true }
    }
    let index = Int(day) - calendarFirstDays[calendar]
    var flags = HolidayCalendar.notOfficialFlag
    if index >= 0, index < dayFlags[calendar].count { flags = dayFlags[calendar][index] }
    if flags == HolidayCalendar.notOfficialFlag {
      flags = try calendars[calendar].checkedFlags(daysSinceEpoch: Int(day))
      if flags & HolidayCalendar.provisionalFlag != 0 { provisional = Int(day) }
    }
    switch interval.dayRule {
    case 2: return flags & HolidayCalendar.holidayFlag == 0
    case 3: return flags & HolidayCalendar.workingDayFlag != 0
    default: return flags & HolidayCalendar.workingDayFlag == 0
    }
  }

  /// The provisional year behind a variant, if a provisional day decided it.
  func provisionalYear(sheet: Int, variant: Variant) -> ProvisionalYear? {
    guard variant.isProvisional, layouts[sheet].calendar >= 0 else { return nil }
    return calendars[layouts[sheet].calendar].provisionalYear(
      of: CalendarDay(daysSinceEpoch: variant.provisionalDay)
    )
  }

  /// The index of the tier for a usage on a sheet in a variant.
  @inline(__always)
  func tierIndex(sheet: Int, for usage: TokenUsage, variant: Int, batch: Bool) throws -> Int {
    let layout = layouts[sheet]
    if batch, !layout.offersBatch { throw Self.noBatch() }
    let group = layout.firstGroup + variant * 2 + (batch ? 1 : 0)
    // Tiers see one request: the usage's per-request average. (Skipping the divisions for
    // one request, the usual case: each costs tens of cycles.)
    let single = usage.requests == 1
    let input = single ? usage.totalInput : usage.totalInput / usage.requests
    let output = single ? usage.totalOutput : usage.totalOutput / usage.requests
    var index = groupStarts[group]
    let end = groupStarts[group + 1]
    while index < end {
      if bounds[index].matches(input: input, output: output) { return index }
      index += 1
    }
    throw noTier(sheet: sheet, input: input, output: output, end: end)
  }

  @inline(never)
  private func noTier(sheet: Int, input: Int, output: Int, end: Int) -> PricingError {
    let last = bounds[end - 1]
    let largest = last.inputUpper == Int.max ? "unbounded" : String(last.inputUpper)
    let head =
      "no tier covers a request of \(input) input and \(output) output tokens (the largest "
      + "input tier ends at \(largest)); "
    // A range the provider prices but the catalog lacks is not a limit of the model.
    let gaps = entries[sheet].provenance.missing.filter { $0.component == nil }.map(\.note)
    guard gaps.isEmpty else {
      return PricingError(
        .noMatchingTier,
        head + "the provider prices such requests but the catalog does not have that price: "
          + gaps.joined(separator: "; ")
      )
    }
    return PricingError(.noMatchingTier, head + "the request exceeds what this offering accepts")
  }

  @inline(never)
  private static func noBatch() -> PricingError {
    PricingError(
      .batchNotOffered,
      "this price sheet has no batch price; price the request without batch"
    )
  }

  @inline(never)
  private static func overflow(_ component: CostComponent, _ count: Int) -> PricingError {
    PricingError(.overflow, "\(count) \(component) tokens cost more than an amount can hold")
  }

  @inline(never)
  private static func noTwelveHourWrite(_ count: Int) -> PricingError {
    PricingError(
      .unknownBillingOption,
      "\(count) tokens written to a cache for twelve hours, but this tier sells no twelve-hour "
        + "cache write; report them as default-lifetime writes if that is how they were billed"
    )
  }

  @inline(never)
  private static func totalOverflow() -> PricingError {
    PricingError(.overflow, "the cost of this usage is more than an amount can hold")
  }

  /// The exact amount for one component in a tier, in thinking mode or not.
  func amount(
    of component: CostComponent,
    count: Int,
    tier: Int,
    thinking: Bool = false
  ) throws -> FixedDecimal {
    guard count != 0 else { return .zero }
    if component == .cacheWrite12h {
      guard let price = prices[tier].cacheWrite12h else { throw Self.noTwelveHourWrite(count) }
      return try PriceSchedule.amount(count: count, price: price, perUnit: false)
    }
    let rates = self.rates[tier]
    if rates.isExact || component == .requests {
      let price =
        thinking && rates.hasThinking && (component == .output || component == .reasoning)
        ? thinkingRates[tier] : rates.perToken(component)
      let (units, overflow) = Int128(count).multipliedReportingOverflow(by: price.units)
      guard !overflow else { throw Self.overflow(component, count) }
      return try FixedDecimal(units: units)
    }
    // A price with more than 12 fractional digits per million: divide, rounding half to even.
    guard
      let units = WideArithmetic.multiplyDivide(
        Int128(count),
        prices[tier].effectivePrice(of: component, thinking: thinking).units,
        dividingBy: 1_000_000,
        rounding: .toNearestOrEven
      )
    else { throw Self.overflow(component, count) }
    return try FixedDecimal(units: units)
  }

  /// The exact total of a usage in a tier, without building lines.
  ///
  /// A usage with reasoning tokens runs in thinking mode: where the tier bills that mode
  /// apart, all its output does.
  @inline(__always)
  func total(of usage: TokenUsage, tier: Int) throws -> FixedDecimal {
    let rates = self.rates[tier]
    // Twelve-hour writes are rare: they take the component-by-component path.
    guard usage.cacheWrite12h == 0 else {
      return try inexactTotal(
        of: usage,
        tier: tier,
        thinking: usage.reasoning != 0 && rates.hasThinking
      )
    }
    if rates.isSmall {
      // No checks needed (see `Rates.isSmall`): seven 64 × 64 → 128-bit products.
      @inline(__always) func product(_ count: Int, _ price: FixedDecimal) -> UInt128 {
        let wide = UInt64(truncatingIfNeeded: count).multipliedFullWidth(by: price.low)
        return UInt128(wide.high) << 64 | UInt128(wide.low)
      }
      var sum = product(usage.uncachedInput, rates.input)
      sum &+= product(usage.cacheRead, rates.cacheRead)
      sum &+= product(usage.cacheWrite, rates.cacheWrite)
      sum &+= product(usage.cacheWrite1h, rates.cacheWrite1h)
      sum &+= product(usage.output, rates.output)
      sum &+= product(usage.reasoning, rates.reasoning)
      sum &+= product(usage.requests, rates.perRequest)
      return FixedDecimal(checkedUnits: Int128(sum))
    }
    let thinking = usage.reasoning != 0 && rates.hasThinking
    let outputRate = thinking ? thinkingRates[tier] : rates.output
    let reasoningRate = thinking ? thinkingRates[tier] : rates.reasoning
    guard rates.isExact else { return try inexactTotal(of: usage, tier: tier, thinking: thinking) }
    // A count (below 2^63) times a per-token price below 2^64 units is one 64 × 64 → 128-bit
    // multiply that cannot overflow Int128; larger prices take the checked path. The sum of
    // the seven products is checked.
    var sum: Int128 = 0
    var overflow = false
    @inline(__always) func add(_ count: Int, _ price: FixedDecimal) {
      let product: Int128
      if price.high == 0 {
        let wide = UInt64(truncatingIfNeeded: count).multipliedFullWidth(by: price.low)
        product = Int128(wide.high) << 64 | Int128(wide.low)
      } else {
        let (checked, o1) = Int128(count).multipliedReportingOverflow(by: price.units)
        overflow = overflow || o1
        product = checked
      }
      let (next, o2) = sum.addingReportingOverflow(product)
      overflow = overflow || o2
      sum = next
    }
    add(usage.uncachedInput, rates.input)
    add(usage.cacheRead, rates.cacheRead)
    add(usage.cacheWrite, rates.cacheWrite)
    add(usage.cacheWrite1h, rates.cacheWrite1h)
    add(usage.output, outputRate)
    add(usage.reasoning, reasoningRate)
    add(usage.requests, rates.perRequest)
    guard !overflow else { throw Self.totalOverflow() }
    return try FixedDecimal(units: sum)
  }

  @inline(never)
  private func inexactTotal(
    of usage: TokenUsage,
    tier: Int,
    thinking: Bool
  ) throws
    -> FixedDecimal
  {
    var sum = FixedDecimal.zero
    for component in CostComponent.allCases {
      let count = usage.count(of: component)
      sum = try sum + amount(of: component, count: count, tier: tier, thinking: thinking)
    }
    return sum
  }
}
