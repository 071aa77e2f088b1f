import Foundation

/// Every offering ranked by what a workload costs on it in a month, cheapest first.
public struct WorkloadComparison: Sendable {
  /// An offering that could not be priced, and why.
  public struct Skipped: Hashable, Sendable, Codable {
    /// The offering id.
    public var offering: String
    /// Why, for people.
    public var reason: String
  }

  /// The monthly costs, cheapest first in the reporting currency.
  public var ranked: [MonthlyCost]
  /// Offerings not priced: not sold that month, a request too large for them, and so on.
  public var skipped: [Skipped]
  /// The reporting currency.
  public var currency: Currency

  /// Ranks the offerings of a catalog for a workload in a month.
  ///
  /// - Parameters:
  ///   - profile: The workload.
  ///   - catalog: The offerings; the default is the built-in catalog.
  ///   - query: A filter on the offerings (country, currency, open weights, context…).
  ///   - month: The month.
  ///   - currency: The reporting currency: totals in other currencies are converted at
  ///     mid-month with the dated rates, and the rate is kept with each figure.
  ///   - rates: The exchange rates.
  /// - Throws: ``PricingError`` only for invalid inputs; offerings that cannot be priced
  ///   are listed in ``skipped``.
  public init(
    profile: WorkloadProfile,
    catalog: Catalog = .builtIn,
    query: CatalogQuery = CatalogQuery(),
    month: YearMonth,
    currency: Currency,
    rates: ExchangeRates = .centralParity
  ) throws {
    self = try Self.compareAll(
      profiles: [profile],
      months: [month],
      catalog: catalog,
      query: query,
      currency: currency,
      rates: rates
    )[0][0]
  }

  init(
    profile: WorkloadProfile,
    offerings: [Offering],
    tables: [Result<MonthlyProjection.SlotTable, PricingError>],
    month: YearMonth,
    currency: Currency,
    rates: ExchangeRates
  ) throws {
    let traffic = try MonthlyProjection.traffic(of: profile, in: month, monthIndex: 0)
    let steps = try (1...profile.stepsPerSession).map { try profile.usage(ofStep: $0) }
    var ranked: [MonthlyCost] = []
    var skipped: [Skipped] = []
    for (offering, table) in zip(offerings, tables) {
      do {
        ranked.append(
          try MonthlyProjection.cost(
            of: profile,
            steps: steps,
            traffic: traffic,
            table: table.get(),
            on: offering,
            in: month,
            currency: currency,
            rates: rates
          )
        )
      } catch let error as PricingError {
        skipped.append(Skipped(offering: offering.id, reason: error.message))
      }
    }
    self.ranked = ranked.sorted {
      ($0.reportingTotal.amount, $0.offering) < ($1.reportingTotal.amount, $1.offering)
    }
    self.skipped = skipped
    self.currency = currency
  }

  /// Ranks offerings for several workloads over several months, sharing the work that does
  /// not depend on the workload (which prices apply in which half hour).
  ///
  /// - Parameters:
  ///   - profiles: The workloads; they should share a time zone to share the most work.
  ///   - months: The months.
  ///   - catalog: The offerings.
  ///   - query: A filter on the offerings.
  ///   - currency: The reporting currency.
  ///   - rates: The exchange rates.
  /// - Returns: One comparison per month, then per profile, in the order given.
  /// - Throws: ``PricingError`` for invalid inputs.
  public static func compareAll(
    profiles: [WorkloadProfile],
    months: [YearMonth],
    catalog: Catalog = .builtIn,
    query: CatalogQuery = CatalogQuery(),
    currency: Currency,
    rates: ExchangeRates = .centralParity
  ) throws -> [[WorkloadComparison]] {
    let offerings = catalog.offerings(matching: query)
    var zones: [String: ZoneOffsets] = [:]
    for profile in profiles where zones[profile.timeZone] == nil {
      zones[profile.timeZone] = ZoneOffsets(TimeZone(identifier: profile.timeZone) ?? .gmt)
    }
    var result: [[WorkloadComparison]] = []
    for month in months {
      // Which prices apply when depends on the zone and the calendar of rest days only.
      var tablesByZone: [String: [Result<MonthlyProjection.SlotTable, PricingError>]] = [:]
      var row: [WorkloadComparison] = []
      for profile in profiles {
        let key = profile.timeZone + "|" + (profile.holidayCalendar ?? "")
        if tablesByZone[key] == nil, let zone = zones[profile.timeZone] {
          tablesByZone[key] = offerings.map {
            Self.table(
              for: $0,
              profile: profile,
              month: month,
              zone: zone,
              calendars: catalog.holidayCalendars
            )
          }
        }
        row.append(
          try WorkloadComparison(
            profile: profile,
            offerings: offerings,
            tables: tablesByZone[key] ?? [],
            month: month,
            currency: currency,
            rates: rates
          )
        )
      }
      result.append(row)
    }
    return result
  }

  static func table(
    for offering: Offering,
    profile: WorkloadProfile,
    month: YearMonth,
    zone: ZoneOffsets,
    calendars: [String: HolidayCalendar]
  ) -> Result<MonthlyProjection.SlotTable, PricingError> {
    do {
      return .success(
        try MonthlyProjection.SlotTable(
          schedule: offering.schedule,
          month: month,
          zone: zone,
          restDays: MonthlyProjection.restDayCalendar(
            of: profile,
            on: offering,
            calendars: calendars
          )
        )
      )
    } catch let error as PricingError {
      return .failure(error)
    } catch {
      return .failure(PricingError(.invalidData, "\(error)"))
    }
  }

  /// What one offering saves against a baseline, in the reporting currency.
  public struct Saving: Hashable, Sendable, Codable {
    /// The offering id.
    public var offering: String
    /// The baseline's monthly total minus this offering's: negative when it costs more.
    public var amount: FixedDecimal
    /// ``amount`` as a fraction of the baseline's total (`0.25` saves a quarter); `nil`
    /// when the baseline costs nothing.
    public var fraction: FixedDecimal?
  }

  /// The ranked cost of an offering, found by offering id (`provider/model@CURRENCY`),
  /// `provider/model`, or model id, case-insensitively.
  ///
  /// - Parameter id: The offering or model.
  /// - Returns: The first ranked cost that matches.
  /// - Throws: ``PricingError/Code/unknownModel`` naming the id and the three closest ranked
  ///   offerings, or the reason it was skipped.
  public func cost(of id: String) throws -> MonthlyCost {
    let wanted = id.lowercased()
    let found =
      ranked.first { $0.offering.lowercased() == wanted }
      ?? ranked.first { "\($0.provider)/\($0.model)".lowercased() == wanted }
      ?? ranked.first { $0.model.lowercased() == wanted }
    if let found { return found }
    if let skip = skipped.first(where: { $0.offering.lowercased().contains(wanted) }) {
      throw PricingError(
        .unknownModel,
        "'\(id)' was not priced in this comparison: \(skip.reason)"
      )
    }
    throw PricingError(
      .unknownModel,
      "'\(id)' is not among the ranked offerings; closest: "
        + ClosestNames.closest(to: id, among: ranked.map(\.offering)).joined(separator: ", ")
    )
  }

  /// What every ranked offering saves against a baseline, cheapest first.
  ///
  /// ```swift
  /// let savings = try comparison.savings(against: "openai/gpt-4o@USD")
  /// // savings[0].fraction == 0.97: the cheapest option saves 97% of the baseline's bill
  /// ```
  ///
  /// - Parameter baseline: The offering or model to measure against (see ``cost(of:)``).
  /// - Returns: One saving per ranked offering, in ``ranked`` order.
  /// - Throws: The errors of ``cost(of:)``; ``PricingError/Code/overflow``.
  public func savings(against baseline: String) throws -> [Saving] {
    let base = try cost(of: baseline).reportingTotal.amount
    return try ranked.map { cost in
      let amount = try base - cost.reportingTotal.amount
      return Saving(
        offering: cost.offering,
        amount: amount,
        fraction: base.isZero ? nil : try amount.divided(by: base)
      )
    }
  }

  /// How many times the cheapest paid option in one country costs the cheapest paid option
  /// in another: `priceRatio(of: "US", to: "CN")` is how much more the cheapest US model
  /// costs than the cheapest Chinese one for this workload.
  ///
  /// - Parameters:
  ///   - country: The country whose cheapest paid offering is the numerator.
  ///   - baselineCountry: The country whose cheapest paid offering is the denominator.
  ///   - catalog: The catalog the offerings came from.
  /// - Returns: The two offerings and the ratio, or `nil` when either country has no paid
  ///   offering in the comparison.
  public func priceRatio(
    of country: String,
    to baselineCountry: String,
    catalog: Catalog = .builtIn
  ) -> (numerator: MonthlyCost, denominator: MonthlyCost, ratio: FixedDecimal)? {
    guard let numerator = cheapest(in: country, paidOnly: true, catalog: catalog),
      let denominator = cheapest(in: baselineCountry, paidOnly: true, catalog: catalog),
      let ratio = try? numerator.reportingTotal.amount.divided(
        by: denominator.reportingTotal.amount
      )
    else { return nil }
    return (numerator, denominator, ratio)
  }

  /// The cheapest offering whose provider is in one country, such as `"CN"`.
  ///
  /// - Parameters:
  ///   - country: The ISO 3166 country code.
  ///   - paidOnly: Whether to pass over free models.
  ///   - catalog: The catalog the offerings came from.
  /// - Returns: The cheapest such cost, if any.
  public func cheapest(
    in country: String,
    paidOnly: Bool = false,
    catalog: Catalog = .builtIn
  ) -> MonthlyCost? {
    let ids = Set(catalog.offerings.filter { $0.provider.country == country }.map(\.id))
    return ranked.first { ids.contains($0.offering) && !(paidOnly && $0.total.amount.isZero) }
  }
}
