/// A recurring time of day during which an offering bills different prices.
///
/// Examples: DeepSeek's 2025 night discount (00:30–08:30 Beijing time, every day) and its
/// 2026 peak hours (09:00–12:00 and 14:00–18:00 Beijing time on working days). Times are
/// in the sheet's time zone; ``start`` is inclusive and ``end`` exclusive. A window whose
/// end is not after its start runs past midnight into the next day, and belongs to the
/// day it starts on.
///
/// ```swift
/// let offPeak = try TimeWindow(
///   name: "off-peak", days: .everyDay,
///   start: TimeOfDay("00:30"), end: TimeOfDay("08:30"),
///   effect: .multiplier(try FixedDecimal("0.5")))
/// ```
public struct TimeWindow: Hashable, Sendable, Codable {
  /// Which days a window applies on.
  public enum Days: Hashable, Sendable, Codable {
    /// Every day.
    case everyDay
    /// Certain weekdays, whatever the holiday calendar says.
    case weekdays(Set<Weekday>)
    /// Certain weekdays, except public holidays in the sheet's holiday calendar.
    ///
    /// Make-up working days on weekends do not count. This is DeepSeek's 2026 peak rule:
    /// "Monday to Friday, excluding Chinese statutory holidays".
    case weekdaysExceptHolidays(Set<Weekday>)
    /// Working days under the sheet's holiday calendar, make-up weekend days included.
    case workingDays
    /// Rest days under the sheet's holiday calendar: weekends and holidays.
    case restDays
  }

  /// What a window does to the prices.
  public enum Effect: Hashable, Sendable, Codable {
    /// Multiply every price of the tier in force by a factor, such as 0.5.
    case multiplier(FixedDecimal)
    /// Replace the sheet's tiers with these during the window.
    case tiers([PriceTier])
  }

  /// A label for breakdowns, such as `"off-peak"`.
  public var name: String
  /// The days the window applies on.
  public var days: Days
  /// When the window opens (inclusive), in the sheet's time zone.
  public var start: TimeOfDay
  /// When the window closes (exclusive); at or before ``start`` means the next day.
  public var end: TimeOfDay
  /// The window's effect on prices.
  public var effect: Effect

  /// Creates a window.
  ///
  /// - Parameters:
  ///   - name: A label for breakdowns.
  ///   - days: The days it applies on.
  ///   - start: When it opens (inclusive).
  ///   - end: When it closes (exclusive).
  ///   - effect: What it does to prices.
  public init(name: String, days: Days, start: TimeOfDay, end: TimeOfDay, effect: Effect) {
    self.name = name
    self.days = days
    self.start = start
    self.end = end
    self.effect = effect
  }

  /// The window's intervals in seconds of its start day: one, or two when it wraps past
  /// midnight (the second lies in `86_400...`).
  var intervals: [Range<Int>] {
    let open = start.secondsSinceMidnight
    let close = end.secondsSinceMidnight
    if close > open { return [open..<close] }
    return [open..<(close + 86_400)]
  }

  /// Whether two day selectors can select the same day.
  func mayShareDays(with other: TimeWindow) -> Bool {
    switch (days, other.days) {
    case (.workingDays, .restDays), (.restDays, .workingDays): return false
    case (.weekdays(let a), .weekdays(let b)), (.weekdaysExceptHolidays(let a), .weekdays(let b)),
      (.weekdays(let a), .weekdaysExceptHolidays(let b)),
      (.weekdaysExceptHolidays(let a), .weekdaysExceptHolidays(let b)):
      return !a.isDisjoint(with: b)
    case (.weekdays(let a), _), (_, .weekdays(let a)), (.weekdaysExceptHolidays(let a), _),
      (_, .weekdaysExceptHolidays(let a)):
      return !a.isEmpty
    default: return true
    }
  }

  /// Whether two windows can be in force at the same moment.
  func overlaps(_ other: TimeWindow) -> Bool {
    guard mayShareDays(with: other) else { return false }
    // Compare on a two-day line, so wrapped windows meet the next day's windows.
    for a in intervals {
      for b in other.intervals {
        for shift in [-86_400, 0, 86_400] {
          let moved = (b.lowerBound + shift)..<(b.upperBound + shift)
          if a.overlaps(moved) { return true }
        }
      }
    }
    return false
  }
}
