import Foundation

/// A ``PriceSheet`` resolved for the hot path: multipliers applied ahead of time, prices
/// per token as exact integers, and time zone and holiday lookups as tables.
///
/// Pricing a record then costs a few integer multiplications, no allocation and no
/// Foundation call.
struct CompiledSheet: Sendable {
  /// A tier with its final prices for one window and batch combination.
  struct Tier: Sendable {
    let label: String
    let input: TokenRange
    let output: TokenRange?
    let prices: ComponentPrices
    /// Price per token in units of 10⁻¹⁸, by ``CostComponent`` index, when exact; for
    /// ``CostComponent/requests`` the price per request.
    let perToken: [FixedDecimal]
    /// Whether every per-token price is exact (prices with ≤ 12 fractional digits).
    let isExact: Bool
  }

  /// A time window reduced to seconds and day rules.
  struct Window: Sendable {
    let name: String
    let intervals: [Range<Int64>]
    let days: TimeWindow.Days
    let weekdayMask: UInt8
  }

  let sheet: PriceSheet
  /// Tier sets by variant (0: no window; i: window i − 1), then batch (0 or 1).
  let variants: [[[Tier]]]
  let windows: [Window]
  let zone: ZoneOffsets
  let firstCalendarDay: Int
  let workingDays: [Bool]
  let holidays: [Bool]

  init(_ sheet: PriceSheet) throws {
    self.sheet = sheet
    var variants: [[[Tier]]] = []
    let baseTiers = sheet.tiers
    var tierSets: [(tiers: [PriceTier], factor: FixedDecimal?)] = [(baseTiers, nil)]
    for window in sheet.windows {
      switch window.effect {
      case .multiplier(let factor): tierSets.append((baseTiers, factor))
      case .tiers(let tiers): tierSets.append((tiers, nil))
      }
    }
    for (tiers, factor) in tierSets {
      var byBatch: [[Tier]] = []
      for batch in [nil, sheet.batchMultiplier] {
        var compiled: [Tier] = []
        for tier in tiers {
          var prices = tier.prices
          if let factor { prices = try prices.scaled(by: factor) }
          if let batch { prices = try prices.scaled(by: batch) }
          compiled.append(Self.compile(tier, prices: prices))
        }
        byBatch.append(compiled)
      }
      variants.append(byBatch)
    }
    self.variants = variants
    self.windows = sheet.windows.map { window in
      let mask: UInt8
      switch window.days {
      case .weekdays(let days), .weekdaysExceptHolidays(let days):
        mask = days.reduce(0) { $0 | (1 << UInt8($1.isoNumber - 1)) }
      default:
        mask = 0
      }
      return Window(
        name: window.name,
        intervals: window.intervals.map { Int64($0.lowerBound)..<Int64($0.upperBound) },
        days: window.days,
        weekdayMask: mask
      )
    }
    self.zone = ZoneOffsets(TimeZone(identifier: sheet.timeZone) ?? .gmt)
    if let calendar = sheet.holidayCalendar {
      (self.firstCalendarDay, self.workingDays, self.holidays) = calendar.dayKindTable()
    } else {
      (self.firstCalendarDay, self.workingDays, self.holidays) = (0, [], [])
    }
  }

  private static func compile(_ tier: PriceTier, prices: ComponentPrices) -> Tier {
    var perToken: [FixedDecimal] = []
    var isExact = true
    for component in CostComponent.allCases {
      let price = prices.effectivePrice(of: component)
      if component == .requests {
        perToken.append(price)
      } else if price.units % 1_000_000 == 0 {
        perToken.append(FixedDecimal(checkedUnits: price.units / 1_000_000))
      } else {
        perToken.append(.zero)
        isExact = false
      }
    }
    return Tier(
      label: tier.label,
      input: tier.input,
      output: tier.output,
      prices: prices,
      perToken: perToken,
      isExact: isExact
    )
  }

  /// The window index + 1 in force at a UTC second, or 0 for none.
  func variant(atSecond second: Int64) throws -> Int {
    guard !windows.isEmpty else { return 0 }
    let local = second + zone.offset(at: second)
    let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    let secondOfDay = local - day * 86_400
    for (index, window) in windows.enumerated() {
      for interval in window.intervals {
        if interval.contains(secondOfDay), try applies(window, onDay: day) { return index + 1 }
        // The part of a wrapping window that spills into today belongs to yesterday.
        if interval.upperBound > 86_400, interval.contains(secondOfDay + 86_400),
          try applies(window, onDay: day - 1)
        {
          return index + 1
        }
      }
    }
    return 0
  }

  private func applies(_ window: Window, onDay day: Int64) throws -> Bool {
    switch window.days {
    case .everyDay:
      return true
    case .weekdays:
      let weekday = Weekday(daysSinceEpoch: Int(day))
      return window.weekdayMask & (1 << UInt8(weekday.isoNumber - 1)) != 0
    case .weekdaysExceptHolidays, .workingDays, .restDays:
      if case .weekdaysExceptHolidays = window.days {
        let weekday = Weekday(daysSinceEpoch: Int(day))
        guard window.weekdayMask & (1 << UInt8(weekday.isoNumber - 1)) != 0 else { return false }
      }
      let index = Int(day) - firstCalendarDay
      guard index >= 0, index < workingDays.count else {
        let calendar = sheet.holidayCalendar ?? HolidayCalendar.chinaMainland
        throw calendar.outOfRange(CalendarDay(daysSinceEpoch: Int(day)))
      }
      if case .weekdaysExceptHolidays = window.days { return !holidays[index] }
      let isWorking = workingDays[index]
      if case .workingDays = window.days { return isWorking }
      return !isWorking
    }
  }

  /// The tier for a usage in a variant.
  func tier(
    for usage: TokenUsage,
    variant: Int,
    batch: Bool
  ) throws -> Tier {
    if batch, sheet.batchMultiplier == nil {
      throw PricingError(
        .batchNotOffered,
        "this price sheet has no batch price; price the request without batch"
      )
    }
    let tiers = variants[variant][batch ? 1 : 0]
    // Tiers see one request: the usage's per-request average.
    let input = usage.totalInput / usage.requests
    let output = usage.totalOutput / usage.requests
    for tier in tiers where tier.input.contains(input) {
      if let range = tier.output, !range.contains(output) { continue }
      return tier
    }
    let largest = tiers.last.map { $0.input.description } ?? "none"
    throw PricingError(
      .noMatchingTier,
      "no tier covers a request of \(input) input tokens (tiers end with \(largest)); "
        + "the request exceeds what this offering accepts"
    )
  }

  /// The exact amount for one component in a tier.
  static func amount(
    of component: CostComponent,
    count: Int,
    in tier: Tier
  ) throws -> FixedDecimal {
    guard count != 0 else { return .zero }
    let index = component.index
    if tier.isExact || component == .requests {
      let (units, overflow) = Int128(count).multipliedReportingOverflow(
        by: tier.perToken[index].units
      )
      guard !overflow else { throw overflowError(component, count) }
      return try FixedDecimal(units: units)
    }
    // A price with more than 12 fractional digits per million: divide, rounding half to even.
    guard
      let units = WideArithmetic.multiplyDivide(
        Int128(count),
        tier.prices.effectivePrice(of: component).units,
        dividingBy: 1_000_000,
        rounding: .toNearestOrEven
      )
    else { throw overflowError(component, count) }
    return try FixedDecimal(units: units)
  }

  private static func overflowError(_ component: CostComponent, _ count: Int) -> PricingError {
    PricingError(.overflow, "\(count) \(component) tokens cost more than an amount can hold")
  }

  /// The exact total of a usage in a tier, without building lines.
  static func total(of usage: TokenUsage, in tier: Tier) throws -> FixedDecimal {
    if tier.isExact {
      let p = tier.perToken
      // No array literal here: this runs tens of millions of times a second.
      var sum: Int128 = 0
      var overflow = false
      func add(_ count: Int, _ price: FixedDecimal) {
        let (product, o1) = Int128(count).multipliedReportingOverflow(by: price.units)
        let (next, o2) = sum.addingReportingOverflow(product)
        overflow = overflow || o1 || o2
        sum = next
      }
      add(usage.uncachedInput, p[0])
      add(usage.cacheRead, p[1])
      add(usage.cacheWrite, p[2])
      add(usage.cacheWrite1h, p[3])
      add(usage.output, p[4])
      add(usage.reasoning, p[5])
      add(usage.requests, p[6])
      guard !overflow else {
        throw PricingError(.overflow, "the cost of this usage is more than an amount can hold")
      }
      return try FixedDecimal(units: sum)
    }
    var sum = FixedDecimal.zero
    for component in CostComponent.allCases {
      sum = try sum + amount(of: component, count: usage.count(of: component), in: tier)
    }
    return sum
  }
}

extension CostComponent {
  /// The component's position in ``CostComponent/allCases``.
  var index: Int {
    switch self {
    case .input: return 0
    case .cacheRead: return 1
    case .cacheWrite: return 2
    case .cacheWrite1h: return 3
    case .output: return 4
    case .reasoning: return 5
    case .requests: return 6
    }
  }
}
