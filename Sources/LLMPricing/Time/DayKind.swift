/// Whether a day is a working day or a rest day under a holiday calendar.
public enum DayKind: String, Hashable, Sendable, Codable {
  /// A working day: Monday to Friday that is not a holiday, or a make-up working day
  /// on a weekend.
  case workingDay
  /// A rest day: a weekend day that is not a make-up working day, or a public holiday.
  case restDay
}
