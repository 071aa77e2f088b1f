import Foundation

extension ScenarioSimulation {
  /// A catalog offering named `provider/model@CURRENCY`, `provider/model` or by model id.
  static func catalogOffering(_ reference: String, in catalog: Catalog) throws -> Offering {
    var model = reference
    var currency: Currency?
    if let at = reference.lastIndex(of: "@") {
      model = String(reference[..<at])
      currency = try Currency(code: String(reference[reference.index(after: at)...]))
    }
    let offering = try catalog.preferredOffering(model: model, currency: currency)
    if let currency, offering.currency != currency {
      throw PricingError(
        .unknownModel,
        "\(model) is not sold in \(currency) in the catalog; it is sold as "
          + (try catalog.offerings(model: model).map(\.id).joined(separator: ", "))
      )
    }
    return offering
  }

  /// Yuan per US dollar each month: the scenario's path, else the rates' fixing at each
  /// month's middle, carried forward past the newest one.
  static func exchangeRates(
    scenario: Scenario,
    timeline: [YearMonth],
    rates: ExchangeRates,
    needed: Bool,
    notes: inout [String],
    legs applied: inout [[AppliedRate]]
  ) throws -> [FixedDecimal] {
    if !scenario.exchangeRates.isEmpty {
      guard let first = scenario.exchangeRates.first, first.from <= timeline[0] else {
        throw PricingError(
          .invalidScenario,
          "exchangeRates: the first point is from \(scenario.exchangeRates[0].from), after the "
            + "scenario starts in \(timeline[0]); start the path at or before it"
        )
      }
      return timeline.map { month in
        scenario.exchangeRates.last { $0.from <= month }?.cnyPerUSD ?? first.cnyPerUSD
      }
    }
    // Without an age limit (the default) the newest fixing is carried forward, and the note
    // says from when; a caller's limit (--fx-max-age) refuses instead.
    let unlimited = rates
    var result: [FixedDecimal] = []
    var carried: CalendarDay?
    for month in timeline {
      let instant = month.middle.startInUTC
      do {
        let legs = try unlimited.path(from: .usd, to: .cny, at: instant)
        let converted = try unlimited.convert(Money(1, .usd), to: .cny, at: instant)
        result.append(converted.converted.amount)
        applied.append(legs)
        if let last = legs.map(\.rate.asOf).max(),
          instant.timeIntervalSince(last) > 62 * 86_400, carried == nil
        {
          carried = CalendarDay(utcDateOf: last)
        }
      } catch let error as PricingError {
        guard !needed else {
          throw PricingError(
            error.code,
            "\(error.message); or give the scenario its own exchangeRates path"
          )
        }
        result.append(FixedDecimal(1))
        applied.append([])
      }
    }
    if needed, let carried {
      notes.append(
        "exchange rate: the newest fixing (\(carried)) is carried forward to the months after it"
      )
    }
    return result
  }

  /// The offering's effective price per million tokens for a workload in a month.
  ///
  /// `nil` when the catalog does not sell it that month. A month it is sold only part of
  /// is priced whole at the prices of the part.
  static func effectivePrice(
    of workload: WorkloadProfile,
    on offering: Offering,
    in month: YearMonth,
    notes: inout [String]
  ) throws -> FixedDecimal? {
    var cost: MonthlyCost
    do {
      do {
        cost = try MonthlyProjection.cost(of: workload, on: offering, in: month)
      } catch let error as PricingError where error.code == .noPriceInEffect {
        guard let whole = try wholeMonth(offering, month) else { return nil }
        cost = try MonthlyProjection.cost(of: workload, on: whole, in: month)
        notes.append("\(offering.id) is sold for part of \(month) only; that month is priced whole")
      }
    } catch let error as PricingError
      where error.code != .overflow && error.code != .contextWindowExceeded
    {
      // Kept out of the market that month, with the reason, rather than losing the run.
      notes.append("\(offering.id) could not be priced in \(month): \(error.message)")
      return nil
    }
    for note in cost.provisionalYears.map(\.note) where !notes.contains(note) {
      notes.append(note)
    }
    let tokens = try cost.inputTokens + cost.outputTokens
    guard !tokens.isZero else { return .zero }
    return try (try cost.total.amount * 1_000_000).divided(by: tokens)
  }

  /// The offering with its launch moved back to the start of the month, or its retirement
  /// to the month's end, when it is sold in part of the month; `nil` when not at all.
  private static func wholeMonth(_ offering: Offering, _ month: YearMonth) throws -> Offering? {
    let schedule = offering.schedule
    // A day either side covers any time zone's month.
    let start = month.days[0].adding(days: -1).startInUTC
    let end = try month.adding(months: 1).days[0].adding(days: 1).startInUTC
    guard let first = schedule.entries.first, first.effectiveFrom < end else { return nil }
    if let retired = schedule.retiredAt, retired <= start { return nil }
    var entries = schedule.entries
    if first.effectiveFrom > start { entries[0].effectiveFrom = start }
    let retiredAt = schedule.retiredAt.flatMap { $0 < end ? nil : $0 }
    var whole = offering
    whole.schedule = try PriceSchedule(entries: entries, retiredAt: retiredAt)
    return whole
  }

  /// The given shares of the offerings in the market at the start; the rest split
  /// equally among those without one, the last taking what rounding leaves.
  static func startShares(
    _ offerings: [ScenarioOffering],
    available: [Bool]
  ) throws -> [FixedDecimal] {
    var shares = [FixedDecimal](repeating: .zero, count: offerings.count)
    var given = FixedDecimal.zero
    var open: [Int] = []
    for (index, offering) in offerings.enumerated() where available[index] {
      if let share = offering.share {
        shares[index] = share
        given = try given + share
      } else {
        open.append(index)
      }
    }
    let rest = try FixedDecimal(1) - given
    guard let last = open.last, rest > .zero else { return shares }
    let each = try rest.divided(by: FixedDecimal(open.count), rounding: .down)
    for index in open.dropLast() { shares[index] = each }
    shares[last] = try rest - (try each * (open.count - 1))
    return shares
  }
}
