import Foundation

/// Projects a workload's monthly cost on offerings, exactly and calendar-aware.
///
/// Each request (and each step of an agent run) is priced at its own size — tiers and
/// output-length keys see one request, never a month of tokens in one lump — at the
/// hour its traffic falls in, so time windows (DeepSeek's peak hours on China's working
/// days) split the month as they split the bill. Traffic follows the profile's hourly
/// curve, evenly within each hour; windows are resolved per half hour, exact for
/// boundaries on the hour or half hour. Rest days are weekends, or — for a workload in
/// Beijing time — China's rest days, holidays and make-up working days included, in the
/// years the calendar covers.
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

    /// The zone's offsets are passed in: tabulating them calls into ICU and cost more than
    /// everything else in a comparison when rebuilt per offering.
    init(schedule: PriceSchedule, month: YearMonth, timeZone: String, zone: ZoneOffsets) throws {
      let useChina = timeZone == "Asia/Shanghai"
      let days = month.days
      func second(_ day: CalendarDay, _ slot: Int) -> Int64 {
        let local = Int64(day.daysSinceEpoch) * 86_400 + Int64(slot * 1_800 + 900)
        return local - zone.offset(at: local)
      }
      func isRest(_ day: CalendarDay) -> Bool { MonthlyProjection.isRestDay(day, china: useChina) }
      let first = try schedule.priceKey(atSecond: second(days[0], 0))
      let last = try schedule.priceKey(atSecond: second(days[days.count - 1], 47))
      if first.entry == last.entry, !schedule.hasWindows(entry: first.entry) {
        // One price all month: count slots by day kind only.
        var counts = [Int](repeating: 0, count: 48)
        for day in days {
          let offset = isRest(day) ? 24 : 0
          for hour in 0..<24 { counts[offset + hour] += 2 }
        }
        keys = [first]
        self.counts = [counts]
        return
      }
      var lastIndex = -1
      for day in days {
        let offset = isRest(day) ? 24 : 0
        for slot in 0..<48 {
          let key = try schedule.priceKey(atSecond: second(day, slot))
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

  /// Whether a day is a rest day for a workload: China's rest days (holidays and make-up
  /// working days included) for a workload in Beijing time, in the years the calendar
  /// covers; weekends otherwise.
  static func isRestDay(_ day: CalendarDay, china: Bool) -> Bool {
    if china, let kind = try? HolidayCalendar.chinaMainland.kind(of: day) {
      return kind == .restDay
    }
    return Weekday.weekend.contains(day.weekday)
  }

  /// The sessions, requests and tokens a workload makes in a month, whatever it runs on.
  ///
  /// The same figures as a ``MonthlyCost``'s, without pricing anything.
  ///
  /// - Parameters:
  ///   - profile: The workload.
  ///   - month: The month.
  ///   - monthIndex: Months since the start of a horizon, for growth (0 for none).
  /// - Returns: Sessions, requests, input tokens (cached included) and output tokens
  ///   (reasoning included).
  /// - Throws: ``PricingError/Code/overflow`` for volumes beyond the representable range.
  public static func volume(
    of profile: WorkloadProfile,
    in month: YearMonth,
    monthIndex: Int = 0
  ) throws -> (
    sessions: FixedDecimal, requests: FixedDecimal, input: FixedDecimal, output: FixedDecimal
  ) {
    let traffic = try traffic(of: profile, in: month, monthIndex: monthIndex)
    let china = profile.timeZone == "Asia/Shanghai"
    var weight = FixedDecimal.zero
    for day in month.days {
      let offset = isRestDay(day, china: china) ? 24 : 0
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
  ///   - monthIndex: Months since the start of a horizon, for growth (0 for none).
  ///   - currency: A reporting currency to convert to, if any (at mid-month).
  ///   - rates: The exchange rates.
  /// - Returns: The exact monthly cost with its breakdown.
  /// - Throws: ``PricingError/Code/noPriceInEffect`` when the offering has no price in part
  ///   of the month; ``PricingError/Code/noMatchingTier`` when a request is larger than
  ///   the offering's tiers cover; ``PricingError/Code/contextWindowExceeded`` when a
  ///   request (input and output) is larger than the model's context window;
  ///   ``PricingError/Code/calendarOutOfRange``; FX errors.
  public static func cost(
    of profile: WorkloadProfile,
    on offering: Offering,
    in month: YearMonth,
    monthIndex: Int = 0,
    currency: Currency? = nil,
    rates: ExchangeRates = .centralParity
  ) throws -> MonthlyCost {
    let traffic = try traffic(of: profile, in: month, monthIndex: monthIndex)
    let steps = try (1...profile.stepsPerSession).map { try profile.usage(ofStep: $0) }
    let table = try SlotTable(
      schedule: offering.schedule,
      month: month,
      timeZone: profile.timeZone,
      zone: ZoneOffsets(TimeZone(identifier: profile.timeZone) ?? .gmt)
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
      let amount = try sessions * blended  // sessions here are unscaled weights
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
    for (window, amount) in byWindow { byWindow[window] = try traffic.sessions(amount) }
    let sessions = try traffic.sessions(totalWeight)
    var converted: Conversion?
    let totalMoney = Money(total, offering.currency)
    if let currency, currency != offering.currency {
      converted = try rates.convert(totalMoney, to: currency, at: month.middle.startInUTC)
    }
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
      batchApplied: batchApplied,
      notes: notes
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
  /// - Parameters:
  ///   - profile: The workload.
  ///   - offering: The offering.
  ///   - start: The first month.
  ///   - months: How many months.
  ///   - currency: A reporting currency, if any.
  ///   - rates: The exchange rates.
  /// - Returns: One cost per month, priced with the schedule in force each month.
  /// - Throws: The errors of ``cost(of:on:in:monthIndex:currency:rates:)``.
  public static func horizon(
    of profile: WorkloadProfile,
    on offering: Offering,
    from start: YearMonth,
    months: Int,
    currency: Currency? = nil,
    rates: ExchangeRates = .centralParity
  ) throws -> [MonthlyCost] {
    var result: [MonthlyCost] = []
    let horizonStart = start.days[0]
    var remaining: FixedDecimal?
    var expiry: CalendarDay?
    for index in 0..<max(0, months) {
      let month = try start.adding(months: index)
      var monthCost = try cost(
        of: profile,
        on: offering,
        in: month,
        monthIndex: index,
        currency: currency,
        rates: rates
      )
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
      result.append(monthCost)
    }
    return result
  }
}
