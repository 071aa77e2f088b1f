import Foundation

extension WorkloadProfile {
  /// What this workload costs on an offering in a month, exactly.
  ///
  /// ```swift
  /// let flash = try Catalog.builtIn.offering(model: "deepseek-flash", currency: .cny)
  /// let bill = try WorkloadProfile.coding.monthlyCost(on: flash, in: "2027-01")
  /// print(bill.total.formatted(), bill.notes)
  /// ```
  ///
  /// - Parameters:
  ///   - offering: The offering.
  ///   - month: The month.
  ///   - currency: A reporting currency to convert to at mid-month, if any.
  ///   - rates: The exchange rates.
  ///   - calendars: The holiday calendars by id, for the workload's rest days (pass a
  ///     catalog's ``Catalog/holidayCalendars`` when it adds official years).
  /// - Returns: The exact monthly cost with its breakdown and notes.
  /// - Throws: The errors of ``MonthlyProjection/cost(of:on:in:currency:rates:calendars:)``.
  public func monthlyCost(
    on offering: Offering,
    in month: YearMonth,
    currency: Currency? = nil,
    rates: ExchangeRates = .centralParity,
    calendars: [String: HolidayCalendar] = HolidayCalendar.builtIn
  ) throws -> MonthlyCost {
    try MonthlyProjection.cost(
      of: self,
      on: offering,
      in: month,
      currency: currency,
      rates: rates,
      calendars: calendars
    )
  }

  /// What this workload costs on a model in a month: on its list in `currency` when the
  /// provider publishes one, otherwise on its native list, converted at mid-month.
  ///
  /// ```swift
  /// let bill = try WorkloadProfile.customerService.monthlyCost(
  ///   of: "qwen-plus", in: "2026-11", currency: .usd)
  /// ```
  ///
  /// - Parameters:
  ///   - model: A model id or alias, optionally as `provider/model`.
  ///   - month: The month.
  ///   - currency: The reporting currency, if any.
  ///   - catalog: The catalog; its holiday calendars decide the rest days.
  ///   - rates: The exchange rates.
  /// - Returns: The exact monthly cost.
  /// - Throws: ``PricingError/Code/unknownModel`` with the closest ids; the errors of
  ///   ``monthlyCost(on:in:currency:rates:calendars:)``.
  public func monthlyCost(
    of model: String,
    in month: YearMonth,
    currency: Currency? = nil,
    catalog: Catalog = .builtIn,
    rates: ExchangeRates = .centralParity
  ) throws -> MonthlyCost {
    try monthlyCost(
      on: catalog.preferredOffering(model: model, currency: currency),
      in: month,
      currency: currency,
      rates: rates,
      calendars: catalog.holidayCalendars
    )
  }

  /// The months of a horizon on an offering, with growth and free quotas; see
  /// ``MonthlyProjection/horizon(of:on:from:months:currency:rates:calendars:)``.
  ///
  /// - Parameters:
  ///   - offering: The offering.
  ///   - start: The first month.
  ///   - months: How many months.
  ///   - currency: A reporting currency, if any.
  ///   - rates: The exchange rates.
  ///   - calendars: The holiday calendars by id.
  /// - Returns: The months priced, and those that could not be, with reasons.
  /// - Throws: The errors of ``MonthlyProjection/horizon(of:on:from:months:currency:rates:calendars:)``.
  public func monthlyCosts(
    on offering: Offering,
    from start: YearMonth,
    months: Int,
    currency: Currency? = nil,
    rates: ExchangeRates = .centralParity,
    calendars: [String: HolidayCalendar] = HolidayCalendar.builtIn
  ) throws -> MonthlyHorizon {
    try MonthlyProjection.horizon(
      of: self,
      on: offering,
      from: start,
      months: months,
      currency: currency,
      rates: rates,
      calendars: calendars
    )
  }
}
