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
  /// A month's traffic laid out in half-hour slots.
  ///
  /// Slot weights are unscaled (rest-day factor × hourly weight); sessions are
  /// `weight × scale ÷ divisor`, divided once at the end so that totals stay exact.
  struct Traffic {
    var seconds: [Int64] = []
    var weights: [FixedDecimal] = []
    var totalWeight: FixedDecimal = .zero
    /// Sessions per unit of weight, before the division: sessions per day × growth.
    var scale: FixedDecimal = .zero
    /// Two half-hour slots per hour × the sum of the hourly curve.
    var divisor: FixedDecimal = 1

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
    let zone = ZoneOffsets(TimeZone(identifier: profile.timeZone) ?? .gmt)
    let useChina = profile.timeZone == "Asia/Shanghai"
    var traffic = Traffic()
    traffic.scale = try FixedDecimal(profile.sessionsPerDay) * growth
    traffic.divisor = try curveSum * 2
    for day in month.days {
      var restDay = Weekday.weekend.contains(day.weekday)
      if useChina, let kind = try? HolidayCalendar.chinaMainland.kind(of: day) {
        restDay = kind == .restDay
      }
      let dayFactor = restDay ? profile.restDayRatio : 1
      let localMidnight = Int64(day.daysSinceEpoch) * 86_400
      for hour in 0..<24 where !profile.hourlyTraffic[hour].isZero {
        let weight = try dayFactor * profile.hourlyTraffic[hour]
        guard !weight.isZero else { continue }
        for half in 0..<2 {
          let local = localMidnight + Int64(hour * 3_600 + half * 1_800 + 900)
          traffic.seconds.append(local - zone.offset(at: local))
          traffic.weights.append(weight)
          traffic.totalWeight = try traffic.totalWeight + weight
        }
      }
    }
    return traffic
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
  ///   the offering accepts; ``PricingError/Code/calendarOutOfRange``; FX errors.
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
    return try cost(
      of: profile,
      steps: steps,
      traffic: traffic,
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
    on offering: Offering,
    in month: YearMonth,
    currency: Currency?,
    rates: ExchangeRates
  ) throws -> MonthlyCost {
    let schedule = offering.schedule
    // The prices in force, with the sessions under each.
    // A few keys at most, and consecutive slots share one: a small array with a fast path
    // for the last key beats hashing every slot.
    var keys: [PriceKey] = []
    var keyWeights: [FixedDecimal] = []
    if let first = traffic.seconds.first, let last = traffic.seconds.last {
      let start = try schedule.priceKey(atSecond: first)
      let end = try schedule.priceKey(atSecond: last)
      if start.entry == end.entry, !schedule.hasWindows(entry: start.entry) {
        keys = [start]
        keyWeights = [traffic.totalWeight]
      } else {
        var lastIndex = -1
        for (second, weight) in zip(traffic.seconds, traffic.weights) {
          let key = try schedule.priceKey(atSecond: second)
          if lastIndex < 0 || keys[lastIndex] != key {
            if let found = keys.firstIndex(of: key) {
              lastIndex = found
            } else {
              keys.append(key)
              keyWeights.append(.zero)
              lastIndex = keys.count - 1
            }
          }
          keyWeights[lastIndex] = try keyWeights[lastIndex] + weight
        }
      }
    }
    let weights = zip(keys, keyWeights)
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
    let sessions = try traffic.sessions(traffic.totalWeight)
    var converted: Conversion?
    let totalMoney = Money(total, offering.currency)
    if let currency, currency != offering.currency {
      let midMonth = (month.days.count > 14 ? month.days[14] : month.days[0]).startInUTC
      converted = try rates.convert(totalMoney, to: currency, at: midMonth)
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

  /// The cost of a workload on an offering over consecutive months, with growth.
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
    try (0..<max(0, months)).map { index in
      try cost(
        of: profile,
        on: offering,
        in: start.adding(months: index),
        monthIndex: index,
        currency: currency,
        rates: rates
      )
    }
  }
}
