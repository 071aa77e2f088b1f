/// A year whose holidays came from rules rather than an official arrangement, named on
/// every result that rests on it.
///
/// A price or projection that decided a working day or rest day in such a year is
/// *provisional*: the statutory holidays are right, but the bridge days and make-up working
/// days of the year's notice are not known, so a day or two around each festival may be
/// priced as the wrong kind. In JSON it is
/// `{"calendar": "CN", "year": 2027, "rules": "CN-statutory", "note": "…provisional…"}`.
public struct ProvisionalYear: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// The holiday calendar's id, such as `"CN"`.
  public var calendar: String
  /// The year.
  public var year: Int
  /// The id of the rules that computed it, such as `"CN-statutory"`.
  public var rules: String
  /// What it means and what to do, for people; it contains the word "provisional".
  public var note: String

  /// Creates the record of a provisional year, with its standard note.
  ///
  /// - Parameters:
  ///   - calendar: The calendar's id.
  ///   - year: The year.
  ///   - rules: The rules' id.
  public init(calendar: String, year: Int, rules: String) {
    self.calendar = calendar
    self.year = year
    self.rules = rules
    self.note =
      "\(calendar) holidays for \(year) are provisional: the statutory holidays computed by "
      + "\(rules), without the bridge days and make-up working days the official arrangement "
      + "will add; add the year when it is published (see llm-cost calendar --year \(year))"
  }

  /// The note.
  public var description: String { note }

  /// Orders by calendar, then year.
  ///
  /// - Parameters:
  ///   - lhs: A provisional year.
  ///   - rhs: Another.
  /// - Returns: Whether `lhs` sorts first.
  public static func < (lhs: ProvisionalYear, rhs: ProvisionalYear) -> Bool {
    (lhs.calendar, lhs.year) < (rhs.calendar, rhs.year)
  }
}
