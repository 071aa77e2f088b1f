import Foundation

/// Projects a workload's monthly cost on offerings, exactly and calendar-aware.
///
/// Each request (and each step of an agent run) is priced at its own size — tiers and
/// output-length keys see one request, never a month of tokens in one lump — at the
/// hour its traffic falls in, so time windows (DeepSeek's peak hours on China's working
/// days) split the month as they split the bill. Traffic follows the profile's hourly
/// curve, evenly within each hour; windows are resolved per half hour, exact for
/// boundaries on the hour or half hour. Rest days come from the workload's
/// ``WorkloadProfile/holidayCalendar`` — the same calendar object the offering's sheets
/// use — holidays and make-up working days included, or are weekends when it names none.
/// A month that rests on a provisional calendar year says so in
/// ``MonthlyCost/provisionalYears`` and its notes.
///
/// ```swift
/// let cost = try MonthlyProjection.cost(
///   of: .customerService, on: offering, in: YearMonth("2026-11"), currency: .cny)
/// print(cost.reportingTotal)
/// ```
public enum MonthlyProjection {
  /// Which prices apply when, in a month.
  ///
  /// For each price key: how many half-hour slots of each (day kind, hour) fall under it. It depends on the offering, the month and the
  /// time zone only — not on the workload — so comparisons share it across workloads.
  struct SlotTable {
    var keys: [PriceKey] = []
    /// Per key, 48 counts: index `restDay × 24 + hour`.
    var counts: [[Int]] = []
    /// The provisional calendar years that decided a rest day or a price window.
    var provisionalYears: Set<ProvisionalYear> = []

    /// The zone's offsets are passed in: tabulating them calls into ICU and cost more than
    /// everything else in a comparison when rebuilt per offering.
    init(
      schedule: PriceSchedule,
      month: YearMonth,
      zone: ZoneOffsets,
      restDays: HolidayCalendar?
    ) throws {
      let days = month.days
      func second(_ day: CalendarDay, _ slot: Int) -> Int64 {
        let local = Int64(day.daysSinceEpoch) * 86_400 + Int64(slot * 1_800 + 900)
        return local - zone.offset(at: local)
      }
      var restOffsets: [Int] = []
      for day in days {
        let (isRest, provisional) = try MonthlyProjection.isRestDay(day, calendar: restDays)
        restOffsets.append(isRest ? 24 : 0)
        if let provisional { provisionalYears.insert(provisional) }
      }
      func key(_ day: CalendarDay, _ slot: Int) throws -> PriceKey {
        let (key, provisional) = try schedule.pricedKey(atSecond: second(day, slot))
        if let provisional { provisionalYears.insert(provisional) }
        return key
      }
      let first = try key(days[0], 0)
      let last = try key(days[days.count - 1], 47)
      if first.entry == last.entry, !schedule.hasWindows(entry: first.entry) {
        // One price all month: count slots by day kind only.
        var counts = [Int](repeating: 0, count: 48)
        for offset in restOffsets {
          for hour in 0..<24 { counts[offset + hour] += 2 }
        }
        keys = [first]
        self.counts = [counts]
        return
      }
      var lastIndex = -1
      for (day, offset) in zip(days, restOffsets) {
        for slot in 0..<48 {
          let key = try key(day, slot)
          if lastIndex < 0 || keys[lastIndex] != key {
            if let found = keys.firstIndex(of: key) {
              lastIndex = found
            } else {
              keys.append(key)
              counts.append([Int](repeating: 0, count: 48))
              lastIndex = keys.count - 1
            }
          }
          counts[lastIndex][offset + slot / 2] += 1
        }
      }
    }
  }

  /// Whether a day is a rest day for a workload, and the provisional year that said so:
  /// the calendar's kind of the day, or a weekend when there is no calendar.
  static func isRestDay(
    _ day: CalendarDay,
    calendar: HolidayCalendar?
  ) throws -> (isRest: Bool, provisional: ProvisionalYear?) {
    guard let calendar else { return (Weekday.weekend.contains(day.weekday), nil) }
    return (try calendar.kind(of: day) == .restDay, calendar.provisionalYear(of: day))
  }

  /// The calendar of a workload's rest days on an offering: the offering's own sheet
  /// calendar with the workload's id (the very object its prices use), else the one in
  /// `calendars`; `nil` when the workload names none.
  static func restDayCalendar(
    of profile: WorkloadProfile,
    on offering: Offering?,
    calendars: [String: HolidayCalendar]
  ) throws -> HolidayCalendar? {
    guard let id = profile.holidayCalendar else { return nil }
    for entry in (offering?.schedule.entries ?? []).reversed() {
      if let calendar = entry.sheet.holidayCalendar, calendar.id == id { return calendar }
    }
    return try HolidayCalendar.named(id, in: calendars)
  }

  /// The sessions, requests and tokens a workload makes in a month, whatever it runs on.
  ///
  /// The same figures as a ``MonthlyCost``'s, without pricing anything.
  ///
  /// - Parameters:
  ///   - profile: The workload.
  ///   - month: The month.
  ///   - monthIndex: Months since the start of a horizon, for growth (0 for none).
  ///   - calendars: The holiday calendars by id, for the workload's rest days.
  /// - Returns: Sessions, requests, input tokens (cached included) and output tokens
  ///   (reasoning included).
  /// - Throws: ``PricingError/Code/overflow`` for volumes beyond the representable range;
  ///   ``PricingError/Code/calendarOutOfRange`` when the workload's calendar cannot tell a
  ///   day's kind; ``PricingError/Code/invalidData`` for an unknown calendar id.
  public static func volume(
    of profile: WorkloadProfile,
    in month: YearMonth,
    monthIndex: Int = 0,
    calendars: [String: HolidayCalendar] = HolidayCalendar.builtIn
  ) throws -> (
    sessions: FixedDecimal, requests: FixedDecimal, input: FixedDecimal, output: FixedDecimal
  ) {
    let traffic = try traffic(of: profile, in: month, monthIndex: monthIndex)
    let calendar = try restDayCalendar(of: profile, on: nil, calendars: calendars)
    var weight = FixedDecimal.zero
    for day in month.days {
      let offset = try isRestDay(day, calendar: calendar).isRest ? 24 : 0
      for hour in 0..<24 { weight = try weight + (try traffic.weights[offset + hour] * 2) }
    }
    let sessions = try traffic.sessions(weight)
    var input = FixedDecimal.zero
    var output = FixedDecimal.zero
    for step in 1...profile.stepsPerSession {
      let usage = try profile.usage(ofStep: step)
      input = try input + FixedDecimal(usage.totalInput)
      output = try output + FixedDecimal(usage.totalOutput)
    }
    return (
      sessions, try sessions * profile.stepsPerSession, try sessions * input, try sessions * output
    )
  }

  /// A workload's weights for one month: sessions = weight × scale ÷ divisor.
  struct Traffic {
    /// Per (day kind, hour): rest-day factor × hourly weight.
    var weights: [FixedDecimal]
    /// Sessions per unit of weight, before the division: sessions per day × growth.
    var scale: FixedDecimal
    /// Two half-hour slots per hour × the sum of the hourly curve.
    var divisor: FixedDecimal

    func sessions(_ weight: FixedDecimal) throws -> FixedDecimal {
      try (try weight * scale).divided(by: divisor)
    }
  }

  static func traffic(
    of profile: WorkloadProfile,
    in month: YearMonth,
    monthIndex: Int
  ) throws -> Traffic {
    var growth = FixedDecimal(1)
    for _ in 0..<max(0, monthIndex) {
      growth = try growth * (try FixedDecimal(1) + profile.monthlyGrowth)
    }
    let curveSum = try profile.hourlyTraffic.reduce(FixedDecimal.zero) { try $0 + $1 }
    var weights: [FixedDecimal] = []
    for restDay in [false, true] {
      for hour in 0..<24 {
        weights.append(
          restDay
            ? try profile.restDayRatio * profile.hourlyTraffic[hour] : profile.hourlyTraffic[hour]
        )
      }
    }
    return Traffic(
      weights: weights,
      scale: try FixedDecimal(profile.sessionsPerDay) * growth,
      divisor: try curveSum * 2
    )
  }

  /// The cost of a workload on an offering in a month.
  ///
  /// - Parameters:
  ///   - profile: The workload.
  ///   - offering: The offering.
  ///   - month: The month.
  ///   - currency: A reporting currency to convert to, if any (at mid-month).
  ///   - rates: The exchange rates.
  ///   - calendars: The holiday calendars by id, for the workload's rest days when the
  ///     offering's sheets do not carry its calendar (pass a catalog's
  ///     ``Catalog/holidayCalendars``).
  /// - Returns: The exact monthly cost with its breakdown.
  /// - Throws: ``PricingError/Code/noPriceInEffect`` when the offering has no price in part
  ///   of the month; ``PricingError/Code/noMatchingTier`` when a request is larger than
  ///   the offering's tiers cover; ``PricingError/Code/contextWindowExceeded`` when a
  ///   request (input and output) is larger than the model's context window;
  ///   ``PricingError/Code/calendarOutOfRange`` when a calendar cannot tell a day's kind
  ///   (a strict calendar's unpublished year); FX errors.
  public static func cost(
    of profile: WorkloadProfile,
    on offering: Offering,
    in month: YearMonth,
    currency: Currency? = nil,
    rates: ExchangeRates = .centralParity,
    calendars: [String: HolidayCalendar] = HolidayCalendar.builtIn
  ) throws -> MonthlyCost {
    try cost(
      of: profile,
      on: offering,
      in: month,
      monthIndex: 0,
      currency: currency,
      rates: rates,
      calendars: calendars
    )
  }

  /// The cost of a workload on an offering in the `monthIndex`-th month of a horizon, its
  /// traffic grown by the workload's monthly growth that many times.
  package static func cost(
    of profile: WorkloadProfile,
    on offering: Offering,
    in month: YearMonth,
    monthIndex: Int,
    currency: Currency?,
    rates: ExchangeRates,
    calendars: [String: HolidayCalendar]
  ) throws -> MonthlyCost {
    let traffic = try traffic(of: profile, in: month, monthIndex: monthIndex)
    let steps = try (1...profile.stepsPerSession).map { try profile.usage(ofStep: $0) }
    let table = try SlotTable(
      schedule: offering.schedule,
      month: month,
      zone: ZoneOffsets(TimeZone(identifier: profile.timeZone) ?? .gmt),
      restDays: restDayCalendar(of: profile, on: offering, calendars: calendars)
    )
    return try cost(
      of: profile,
      steps: steps,
      traffic: traffic,
      table: table,
      on: offering,
      in: month,
      currency: currency,
      rates: rates
    )
  }

  static func cost(
    of profile: WorkloadProfile,
    steps: [TokenUsage],
    traffic: Traffic,
    table: SlotTable,
    on offering: Offering,
    in month: YearMonth,
    currency: Currency?,
    rates: ExchangeRates
  ) throws -> MonthlyCost {
    // A request the model cannot hold is not cheap, it is impossible: an 8K model is not a
    // free coding assistant for 30K-token prompts.
    if let window = offering.model.contextWindow,
      let largest = steps.map({ $0.totalInput + $0.totalOutput }).max(), largest > window
    {
      throw PricingError(
        .contextWindowExceeded,
        "'\(profile.name)' sends requests of up to \(largest) tokens (input and output); "
          + "\(offering.id) holds \(window). Pick a model with a larger context window, "
          + "or shorten the workload's context"
      )
    }
    let schedule = offering.schedule
    // The unscaled weight under each price key.
    var totalWeight = FixedDecimal.zero
    var keyWeights: [FixedDecimal] = []
    for counts in table.counts {
      var weight = FixedDecimal.zero
      for index in 0..<48 where counts[index] != 0 {
        weight = try weight + (try traffic.weights[index] * counts[index])
      }
      keyWeights.append(weight)
      totalWeight = try totalWeight + weight
    }
    let weights = zip(table.keys, keyWeights)
    let batchShare = profile.batchShare
    var notes: [String] = []
    var total = FixedDecimal.zero
    var byWindow: [String: FixedDecimal] = [:]
    var byComponent: [String: FixedDecimal] = [:]
    var batchApplied = false
    for (key, sessions) in weights {
      var perSession = FixedDecimal.zero
      for step in steps {
        perSession = try perSession + schedule.cost(of: step, key: key, batch: false)
      }
      var blended = perSession
      if !batchShare.isZero {
        if schedule.entries[key.entry].sheet.batchMultiplier != nil {
          var perSessionBatch = FixedDecimal.zero
          for step in steps {
            perSessionBatch = try perSessionBatch + schedule.cost(of: step, key: key, batch: true)
          }
          blended =
            try (try perSession * (try FixedDecimal(1) - batchShare))
            + (try perSessionBatch * batchShare)
          batchApplied = true
        } else if !notes.contains(where: { $0.hasPrefix("batch") }) {
          notes.append("batch is not offered here; the batch share is priced as real-time requests")
        }
      }
      let sheet = schedule.entries[key.entry].sheet
      let factor = try Self.ruleFactor(of: profile, on: sheet, offering: offering)
      let toolFees = try Self.toolFeesPerSession(of: profile, steps: steps.count, on: sheet)
      blended = try blended * factor
      blended = try blended + toolFees
      let amount = try sessions * blended  // sessions here are unscaled weights
      // The same steps, component by component, for the bill's split.
      let batchCosts = !batchShare.isZero && sheet.batchMultiplier != nil
      for step in steps {
        let live = try schedule.componentCosts(of: step, key: key, batch: false)
        let queued = batchCosts ? try schedule.componentCosts(of: step, key: key, batch: true) : []
        for (index, (component, cost)) in live.enumerated() {
          var mixed = cost
          if batchCosts, index < queued.count {
            mixed =
              try (try cost * (try FixedDecimal(1) - batchShare))
              + (try queued[index].1 * batchShare)
          }
          let share = try sessions * (try mixed * factor)
          byComponent[component.rawValue] = try (byComponent[component.rawValue] ?? .zero) + share
        }
      }
      if !toolFees.isZero {
        let fees = try sessions * toolFees
        byComponent[CostComponent.toolCalls.rawValue] =
          try (byComponent[CostComponent.toolCalls.rawValue] ?? .zero) + fees
      }
      total = try total + amount
      let window =
        key.variant > 0
        ? schedule.entries[key.entry].sheet.windows[key.variant - 1].name : "standard"
      byWindow[window] = try (byWindow[window] ?? .zero) + amount
    }
    let stepsCount = FixedDecimal(steps.count)
    var input = FixedDecimal.zero
    var cached = FixedDecimal.zero
    var output = FixedDecimal.zero
    for step in steps {
      input = try input + FixedDecimal(step.totalInput)
      cached = try cached + FixedDecimal(step.cacheRead)
      output = try output + FixedDecimal(step.totalOutput)
    }
    // Scale once: exact whenever the final division is.
    total = try traffic.sessions(total)
    let freeCalls = try Self.freeToolCallsValue(
      of: profile,
      sessions: try traffic.sessions(totalWeight),
      steps: steps.count,
      schedule: schedule,
      month: month
    )
    for (component, amount) in byComponent { byComponent[component] = try traffic.sessions(amount) }
    if !freeCalls.value.isZero {
      total = try total - freeCalls.value
      let tools = CostComponent.toolCalls.rawValue
      byComponent[tools] = try (byComponent[tools] ?? .zero) - freeCalls.value
      notes.append(contentsOf: freeCalls.notes)
    }
    if let storage = try Self.cacheStorageCost(of: profile, schedule: schedule, month: month) {
      total = try total + storage.amount
      byComponent[CostComponent.cacheStorage.rawValue] = storage.amount
      notes.append(storage.note)
    }
    for (window, amount) in byWindow { byWindow[window] = try traffic.sessions(amount) }
    let sessions = try traffic.sessions(totalWeight)
    var converted: Conversion?
    let totalMoney = Money(total, offering.currency)
    if let currency, currency != offering.currency {
      converted = try rates.convert(totalMoney, to: currency, at: month.middle.startInUTC)
    }
    let billed = CostComponent.allCases.filter { component in
      steps.contains { $0.count(of: component) > 0 }
    }
    for entry in Set(weights.map { $0.0.entry }).sorted() {
      for note in schedule.entries[entry].provenance.missingPriceNotes(billed: billed)
      where !notes.contains(note) {
        notes.append(note)
      }
    }
    let provisional = table.provisionalYears.sorted()
    notes += provisional.map(\.note)
    notes += converted?.legs.compactMap(\.assumption) ?? []
    return MonthlyCost(
      offering: offering.id,
      model: offering.model.id,
      provider: offering.provider.id,
      month: month,
      total: totalMoney,
      converted: converted,
      sessions: sessions,
      requests: try sessions * stepsCount,
      inputTokens: try sessions * input,
      cachedTokens: try sessions * cached,
      outputTokens: try sessions * output,
      costByWindow: byWindow,
      costByComponent: byComponent,
      batchApplied: batchApplied,
      notes: notes,
      provisionalYears: provisional
    )
  }

  /// The cost of a workload on an offering over consecutive months, with growth and the
  /// offering's free quota.
  ///
  /// The free quota (such as Bailian's 1,000,000 tokens per model for 180 days) is taken as
  /// activated at the start of the horizon and consumed in order, in every month that
  /// starts before it expires; a month's deduction is its cost × covered tokens ÷ its
  /// tokens (input and output together).
  ///
  /// A month that cannot be priced (the offering not yet sold or retired, a strict
  /// calendar's unpublished year) is listed in ``MonthlyHorizon/unpriced`` with its reason;
  /// the other months are kept.
  ///
  /// - Parameters:
  ///   - profile: The workload.
  ///   - offering: The offering.
  ///   - start: The first month.
  ///   - months: How many months.
  ///   - currency: A reporting currency, if any.
  ///   - rates: The exchange rates.
  ///   - calendars: The holiday calendars by id, for the workload's rest days.
  /// - Returns: The months priced with the schedule in force each month, and those that
  ///   could not be.
  /// - Throws: ``PricingError/Code/invalidData`` for an invalid start or workload.
  public static func horizon(
    of profile: WorkloadProfile,
    on offering: Offering,
    from start: YearMonth,
    months: Int,
    currency: Currency? = nil,
    rates: ExchangeRates = .centralParity,
    calendars: [String: HolidayCalendar] = HolidayCalendar.builtIn
  ) throws -> MonthlyHorizon {
    var result = MonthlyHorizon(costs: [], unpriced: [])
    let horizonStart = start.days[0]
    var remaining: FixedDecimal?
    var expiry: CalendarDay?
    for index in 0..<max(0, months) {
      let month = try start.adding(months: index)
      var monthCost: MonthlyCost
      do {
        monthCost = try cost(
          of: profile,
          on: offering,
          in: month,
          monthIndex: index,
          currency: currency,
          rates: rates,
          calendars: calendars
        )
      } catch let error as PricingError {
        result.unpriced.append(
          MonthlyHorizon.Unpriced(month: month, code: error.code.description, reason: error.message)
        )
        continue
      }
      if remaining == nil,
        let quota = try? offering.schedule.entry(at: horizonStart.startInUTC).sheet.freeQuota
      {
        remaining = FixedDecimal(quota.tokens)
        expiry = horizonStart.adding(days: quota.validityDays)
      }
      if let left = remaining, let expiry, left > .zero, month.days[0] < expiry {
        let tokens = try monthCost.inputTokens + monthCost.outputTokens
        if tokens > .zero {
          let covered = min(left, tokens)
          let share = try covered.divided(by: tokens)
          let deduction = try monthCost.total.amount * share
          monthCost.total = Money(try monthCost.total.amount - deduction, monthCost.total.currency)
          // A component of its own, so the components still add up to the total.
          monthCost.costByComponent[MonthlyCost.freeQuotaComponent] = deduction.negated
          if let converted = monthCost.converted {
            monthCost.converted = try rates.convert(
              monthCost.total,
              to: converted.converted.currency,
              at: month.middle.startInUTC
            )
          }
          monthCost.freeTokensUsed = covered
          monthCost.notes.append("free quota: \(covered.formatted(places: 0)) tokens used")
          remaining = try left - covered
        }
      }
      result.costs.append(monthCost)
    }
    return result
  }

  /// The product of the workload's service-tier and residency multipliers on a sheet.
  static func ruleFactor(
    of profile: WorkloadProfile,
    on sheet: PriceSheet,
    offering: Offering
  ) throws -> FixedDecimal {
    var factor = FixedDecimal(1)
    if let tier = try sheet.serviceTier(named: profile.serviceTier) {
      guard case .multiplier(let multiplier) = tier.effect else {
        throw PricingError(
          .unknownBillingOption,
          "service tier '\(tier.name)' of \(offering.id) has its own price list, which "
            + "projections do not price yet; quote its requests instead"
        )
      }
      factor = try factor * multiplier
    }
    if let uplift = try sheet.uplift(named: profile.residency) {
      factor = try factor * uplift.multiplier
    }
    return factor
  }

  /// The tool fees of one session on a sheet, before any free allowance.
  static func toolFeesPerSession(
    of profile: WorkloadProfile,
    steps: Int,
    on sheet: PriceSheet
  ) throws -> FixedDecimal {
    var total = FixedDecimal.zero
    for (name, rate) in profile.toolCallsPerStep where !rate.isZero {
      let fee = try sheet.toolFee(named: name)
      total = try total + (try rate * FixedDecimal(steps) * fee.perCall)
    }
    return total
  }

  /// What a month's free tool calls are worth, on the sheet in force at mid-month, with a
  /// note for each: a daily allowance counts once per day of the month, as if calls were
  /// spread evenly over it.
  static func freeToolCallsValue(
    of profile: WorkloadProfile,
    sessions: FixedDecimal,
    steps: Int,
    schedule: PriceSchedule,
    month: YearMonth
  ) throws -> (value: FixedDecimal, notes: [String]) {
    guard !profile.toolCallsPerStep.isEmpty,
      let sheet = try? schedule.entry(at: month.middle.startInUTC).sheet
    else { return (.zero, []) }
    var value = FixedDecimal.zero
    var notes: [String] = []
    for (name, rate) in profile.toolCallsPerStep.sorted(by: { $0.key < $1.key }) where !rate.isZero
    {
      guard let fee = sheet.toolFees.first(where: { $0.name.lowercased() == name.lowercased() }),
        let allowance = fee.freeCalls
      else { continue }
      let calls = try sessions * FixedDecimal(steps) * rate
      let periods = allowance.period == .day ? month.days.count : 1
      let free = min(calls, FixedDecimal(allowance.calls * periods))
      value = try value + (try free * fee.perCall)
      notes.append(
        "\(name): \(free.formatted(places: 0)) of \(calls.formatted(places: 0)) calls free "
          + "(\(allowance.calls) a \(allowance.period.rawValue))"
      )
    }
    return (value, notes)
  }

  /// A month of the workload's explicit cache storage, at the sheet in force at mid-month:
  /// tokens × hours a day × days × the price per million token-hours; `nil` when there is
  /// none to bill.
  static func cacheStorageCost(
    of profile: WorkloadProfile,
    schedule: PriceSchedule,
    month: YearMonth
  ) throws -> (amount: FixedDecimal, note: String)? {
    guard profile.cacheStorageTokens > 0, !profile.cacheStorageHoursPerDay.isZero else {
      return nil
    }
    let sheet = try schedule.entry(at: month.middle.startInUTC).sheet
    guard let price = sheet.cacheStorage else {
      throw PricingError(
        .unknownBillingOption,
        "the workload keeps \(profile.cacheStorageTokens) tokens in an explicit cache, but "
          + "this offering bills no cache storage; set cacheStorageTokens to 0 for it"
      )
    }
    let tokenHours =
      try FixedDecimal(profile.cacheStorageTokens) * profile.cacheStorageHoursPerDay
      * FixedDecimal(month.days.count)
    let amount = try (try tokenHours * price).divided(by: FixedDecimal(1_000_000))
    return (
      amount,
      "cache storage: \(tokenHours.formatted(places: 0)) token-hours at \(price) per million"
    )
  }
}
