import Foundation
import LLMPricing

/// A scenario's currency conversions, month by month, through `ExchangeRates`:
/// any pair the rates connect, at each month's middle.
struct ExchangeConversion {
  /// Reporting currency per unit of each offering's currency, `month × count + offering`.
  let factors: [Double]
  /// The rates each converting month applied, with their ages.
  let applied: [(month: YearMonth, legs: [AppliedRate])]
  /// Rates carried forward past the newest fixing.
  let notes: [String]
  private let rates: ExchangeRates
  private let reporting: Currency

  init(
    timeline: [YearMonth],
    currencies: [Currency],
    reporting: Currency,
    rates: ExchangeRates
  ) throws {
    self.rates = rates
    self.reporting = reporting
    let foreign = Set(currencies).subtracting([reporting]).sorted { $0.code < $1.code }
    var byCurrency: [Currency: [Double]] = [reporting: Array(repeating: 1, count: timeline.count)]
    var applied: [(month: YearMonth, legs: [AppliedRate])] = []
    var carried: CalendarDay?
    for currency in foreign {
      var factors: [Double] = []
      for month in timeline {
        let instant = month.middle.startInUTC
        let conversion: Conversion
        do {
          conversion = try rates.convert(Money(1, currency), to: reporting, at: instant)
        } catch let error as PricingError {
          throw PricingError(
            error.code,
            "\(error.message); or give the rates with --fx or the scenario's exchangeRates"
          )
        }
        factors.append(conversion.converted.amount.double)
        if let index = applied.firstIndex(where: { $0.month == month }) {
          applied[index].legs += conversion.legs
        } else {
          applied.append((month, conversion.legs))
        }
        if let newest = conversion.legs.map(\.rate.asOf).max(),
          instant.timeIntervalSince(newest) > 62 * 86_400, carried == nil
        {
          carried = CalendarDay(utcDateOf: newest)
        }
      }
      byCurrency[currency] = factors
    }
    factors = timeline.indices.flatMap { month in
      currencies.map { byCurrency[$0]?[month] ?? 1 }
    }
    self.applied = applied
    notes =
      carried.map {
        ["exchange rate: the newest fixing (\($0)) is carried forward to the months after it"]
      } ?? []
  }

  /// An exact amount in the reporting currency at a month's middle.
  func convert(_ money: Money, at month: YearMonth) throws -> Conversion {
    try rates.convert(money, to: reporting, at: month.middle.startInUTC)
  }
}
