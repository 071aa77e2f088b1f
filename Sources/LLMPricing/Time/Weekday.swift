/// A day of the week.
///
/// Encodes in JSON as its lowercase English name, `"monday"`.
public enum Weekday: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
  /// Monday.
  case monday
  /// Tuesday.
  case tuesday
  /// Wednesday.
  case wednesday
  /// Thursday.
  case thursday
  /// Friday.
  case friday
  /// Saturday.
  case saturday
  /// Sunday.
  case sunday

  /// Monday to Friday.
  public static let mondayToFriday: Set<Weekday> = [
    .monday, .tuesday, .wednesday, .thursday, .friday,
  ]
  /// Saturday and Sunday.
  public static let weekend: Set<Weekday> = [.saturday, .sunday]

  /// The ISO 8601 number of the day: Monday is 1, Sunday is 7.
  public var isoNumber: Int {
    switch self {
    case .monday: return 1
    case .tuesday: return 2
    case .wednesday: return 3
    case .thursday: return 4
    case .friday: return 5
    case .saturday: return 6
    case .sunday: return 7
    }
  }

  /// The weekday of the day that is a number of days after 1970-01-01, a Thursday.
  ///
  /// - Parameter daysSinceEpoch: Days after 1970-01-01.
  public init(daysSinceEpoch: Int) {
    // 1970-01-01 was a Thursday, index 3 counting Monday as 0.
    let index = ((daysSinceEpoch % 7) + 7 + 3) % 7
    self = Self.allCases[index]
  }

  /// Orders weekdays from Monday to Sunday.
  ///
  /// - Parameters:
  ///   - lhs: A weekday.
  ///   - rhs: Another weekday.
  /// - Returns: Whether `lhs` comes earlier in an ISO week.
  public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.isoNumber < rhs.isoNumber }
}
