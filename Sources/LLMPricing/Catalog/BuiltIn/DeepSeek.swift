import Foundation

/// DeepSeek's price history, 2024-05 to 2026-11, in its CNY list and its USD list.
///
/// Sources and gaps are listed in `Docs/CatalogSources.md`. Where DeepSeek published a
/// date but no time, the boundary is 00:00 Beijing time of that date (16:00 UTC the day
/// before) and the entry's note says so.
enum DeepSeekPrices {
  static let provider = Provider(
    id: "deepseek",
    name: "DeepSeek",
    country: "CN",
    homeCurrency: .cny,
    timeZone: "Asia/Shanghai",
    pricingPage: "https://api-docs.deepseek.com/zh-cn/quick_start/pricing"
  )

  static let dateOnly = "DeepSeek gave the date but not the time; 00:00 Beijing time assumed."
  static let cnyPage = "https://api-docs.deepseek.com/zh-cn/quick_start/pricing"
  static let usdPage = "https://api-docs.deepseek.com/quick_start/pricing"

  /// One period of one list: when, prices, and where they come from.
  struct Period {
    var from: String
    var hit: String?
    var miss: String
    var output: String
    var source: Provenance
    var windows: Windows = .none
  }

  /// The time-of-day rules of a period.
  enum Windows {
    case none
    /// 2025-02-26 to 2025-09-05: 00:30–08:30 Beijing time every day at these prices.
    case nightOffPeak(hit: String, miss: String, output: String)
    /// From 2026-08-17: the base prices are off-peak; 09:00–12:00 and 14:00–18:00
    /// Beijing time are peak at these prices, on these days.
    case peak(hit: String, miss: String, output: String, days: TimeWindow.Days)
  }

  static func schedule(
    _ currency: Currency,
    _ periods: [Period],
    retiredAt: String? = nil
  ) throws -> PriceSchedule {
    var entries: [PriceSchedule.Entry] = []
    for period in periods {
      let base = try BuiltInData.flat(hit: period.hit, miss: period.miss, output: period.output)
      var windows: [TimeWindow] = []
      var calendar: HolidayCalendar?
      switch period.windows {
      case .none:
        break
      case .nightOffPeak(let hit, let miss, let output):
        windows.append(
          TimeWindow(
            name: "off-peak",
            days: .everyDay,
            start: try TimeOfDay("00:30"),
            end: try TimeOfDay("08:30"),
            effect: .tiers([try BuiltInData.flat(hit: hit, miss: miss, output: output)])
          )
        )
      case .peak(let hit, let miss, let output, let days):
        let tiers = [try BuiltInData.flat(hit: hit, miss: miss, output: output)]
        for (start, end) in [("09:00", "12:00"), ("14:00", "18:00")] {
          windows.append(
            TimeWindow(
              name: "peak",
              days: days,
              start: try TimeOfDay(start),
              end: try TimeOfDay(end),
              effect: .tiers(tiers)
            )
          )
        }
        if case .weekdaysExceptHolidays = days { calendar = .chinaMainland }
      }
      entries.append(
        PriceSchedule.Entry(
          effectiveFrom: try BuiltInData.instant(period.from),
          sheet: try PriceSheet(
            currency: currency,
            tiers: [base],
            windows: windows,
            timeZone: "Asia/Shanghai",
            holidayCalendar: calendar
          ),
          provenance: period.source
        )
      )
    }
    return try PriceSchedule(
      entries: entries,
      retiredAt: try retiredAt.map { (text: String) throws in
        try BuiltInData.instant(text)
      }
    )
  }
}
