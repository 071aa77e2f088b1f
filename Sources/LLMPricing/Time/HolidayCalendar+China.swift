extension HolidayCalendar {
  /// Mainland China's holidays and make-up working days (调休): official 2024–2026,
  /// provisional for every other year from 2008 to 2199.
  ///
  /// The official years come from the State Council General Office's yearly notices
  /// (国务院办公厅关于部分节假日安排的通知), each cross-checked against a second copy; see
  /// ``sources``. The notice for 2027 was not found in sourced material as of 2026-12-03, so
  /// 2027 and later years are provisional: computed by ``HolidayRules/chinaStatutory`` and
  /// flagged on every result that depends on them.
  public static let chinaMainland: HolidayCalendar = {
    var holidays: [CalendarDay: String] = [:]
    var makeUp: Set<CalendarDay> = []
    for (day, name) in chinaHolidays {
      if let day = try? CalendarDay(day) { holidays[day] = name }
    }
    for day in chinaMakeUpWorkingDays {
      if let day = try? CalendarDay(day) { makeUp.insert(day) }
    }
    // Built in unchecked; the test suite re-validates this data through the checking
    // initializer, so a bad edit fails the tests rather than a user's program.
    return HolidayCalendar(
      uncheckedID: "CN",
      years: Set(2024...2026),
      holidays: holidays,
      makeUpWorkingDays: makeUp,
      sources: chinaSources,
      provisionalRules: .chinaStatutory
    )
  }()

  static let chinaSources: [String] = [
    "2024: State Council notice 国办发明电〔2023〕7号 (2023-10-25), https://www.gov.cn/zhengce/content/202310/content_6911527.htm; cross-checked with NateScarlet/holiday-cn 2024.ics and 人民日报 2023-10-26",
    "2025: State Council notice 国办发明电〔2024〕12号 (2024-11-12), https://www.gov.cn/zhengce/content/202411/content_6986382.htm; cross-checked with NateScarlet/holiday-cn 2025.ics and https://m.gmw.cn/2024-11/12/content_1303894933.htm",
    "2026: State Council notice of 2025-11-04, https://www.gov.cn/zhengce/content/202511/content_7047090.htm; cross-checked with https://politics.gmw.cn/2025-11/04/content_38391083.htm and lanceliao/china-holiday-calender",
  ]

  static let chinaHolidays: [(String, String)] = [
    ("2024-01-01", "New Year's Day"),
    ("2024-02-10", "Spring Festival"),
    ("2024-02-11", "Spring Festival"),
    ("2024-02-12", "Spring Festival"),
    ("2024-02-13", "Spring Festival"),
    ("2024-02-14", "Spring Festival"),
    ("2024-02-15", "Spring Festival"),
    ("2024-02-16", "Spring Festival"),
    ("2024-02-17", "Spring Festival"),
    ("2024-04-04", "Qingming Festival"),
    ("2024-04-05", "Qingming Festival"),
    ("2024-04-06", "Qingming Festival"),
    ("2024-05-01", "Labour Day"),
    ("2024-05-02", "Labour Day"),
    ("2024-05-03", "Labour Day"),
    ("2024-05-04", "Labour Day"),
    ("2024-05-05", "Labour Day"),
    ("2024-06-10", "Dragon Boat Festival"),
    ("2024-09-15", "Mid-Autumn Festival"),
    ("2024-09-16", "Mid-Autumn Festival"),
    ("2024-09-17", "Mid-Autumn Festival"),
    ("2024-10-01", "National Day"),
    ("2024-10-02", "National Day"),
    ("2024-10-03", "National Day"),
    ("2024-10-04", "National Day"),
    ("2024-10-05", "National Day"),
    ("2024-10-06", "National Day"),
    ("2024-10-07", "National Day"),
    ("2025-01-01", "New Year's Day"),
    ("2025-01-28", "Spring Festival"),
    ("2025-01-29", "Spring Festival"),
    ("2025-01-30", "Spring Festival"),
    ("2025-01-31", "Spring Festival"),
    ("2025-02-01", "Spring Festival"),
    ("2025-02-02", "Spring Festival"),
    ("2025-02-03", "Spring Festival"),
    ("2025-02-04", "Spring Festival"),
    ("2025-04-04", "Qingming Festival"),
    ("2025-04-05", "Qingming Festival"),
    ("2025-04-06", "Qingming Festival"),
    ("2025-05-01", "Labour Day"),
    ("2025-05-02", "Labour Day"),
    ("2025-05-03", "Labour Day"),
    ("2025-05-04", "Labour Day"),
    ("2025-05-05", "Labour Day"),
    ("2025-05-31", "Dragon Boat Festival"),
    ("2025-06-01", "Dragon Boat Festival"),
    ("2025-06-02", "Dragon Boat Festival"),
    ("2025-10-01", "National Day + Mid-Autumn Festival"),
    ("2025-10-02", "National Day + Mid-Autumn Festival"),
    ("2025-10-03", "National Day + Mid-Autumn Festival"),
    ("2025-10-04", "National Day + Mid-Autumn Festival"),
    ("2025-10-05", "National Day + Mid-Autumn Festival"),
    ("2025-10-06", "National Day + Mid-Autumn Festival"),
    ("2025-10-07", "National Day + Mid-Autumn Festival"),
    ("2025-10-08", "National Day + Mid-Autumn Festival"),
    ("2026-01-01", "New Year's Day"),
    ("2026-01-02", "New Year's Day"),
    ("2026-01-03", "New Year's Day"),
    ("2026-02-15", "Spring Festival"),
    ("2026-02-16", "Spring Festival"),
    ("2026-02-17", "Spring Festival"),
    ("2026-02-18", "Spring Festival"),
    ("2026-02-19", "Spring Festival"),
    ("2026-02-20", "Spring Festival"),
    ("2026-02-21", "Spring Festival"),
    ("2026-02-22", "Spring Festival"),
    ("2026-02-23", "Spring Festival"),
    ("2026-04-04", "Qingming Festival"),
    ("2026-04-05", "Qingming Festival"),
    ("2026-04-06", "Qingming Festival"),
    ("2026-05-01", "Labour Day"),
    ("2026-05-02", "Labour Day"),
    ("2026-05-03", "Labour Day"),
    ("2026-05-04", "Labour Day"),
    ("2026-05-05", "Labour Day"),
    ("2026-06-19", "Dragon Boat Festival"),
    ("2026-06-20", "Dragon Boat Festival"),
    ("2026-06-21", "Dragon Boat Festival"),
    ("2026-09-25", "Mid-Autumn Festival"),
    ("2026-09-26", "Mid-Autumn Festival"),
    ("2026-09-27", "Mid-Autumn Festival"),
    ("2026-10-01", "National Day"),
    ("2026-10-02", "National Day"),
    ("2026-10-03", "National Day"),
    ("2026-10-04", "National Day"),
    ("2026-10-05", "National Day"),
    ("2026-10-06", "National Day"),
    ("2026-10-07", "National Day"),
  ]

  static let chinaMakeUpWorkingDays: [String] = [
    "2024-02-04",  // Spring Festival
    "2024-02-18",  // Spring Festival
    "2024-04-07",  // Qingming Festival
    "2024-04-28",  // Labour Day
    "2024-05-11",  // Labour Day
    "2024-09-14",  // Mid-Autumn Festival
    "2024-09-29",  // National Day
    "2024-10-12",  // National Day
    "2025-01-26",  // Spring Festival
    "2025-02-08",  // Spring Festival
    "2025-04-27",  // Labour Day
    "2025-09-28",  // National Day + Mid-Autumn Festival
    "2025-10-11",  // National Day + Mid-Autumn Festival
    "2026-01-04",  // New Year's Day
    "2026-02-14",  // Spring Festival
    "2026-02-28",  // Spring Festival
    "2026-05-09",  // Labour Day
    "2026-09-20",  // National Day
    "2026-10-10",  // National Day
  ]
}
