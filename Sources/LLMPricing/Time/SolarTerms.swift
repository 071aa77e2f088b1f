import Foundation

/// The days of the sun's solar terms (节气), which fix holidays such as Qingming.
///
/// The sun's apparent ecliptic longitude follows Jean Meeus, *Astronomical Algorithms*
/// (2nd ed., chapter 25, the low-accuracy method): accurate to about 0.01°, or a quarter of
/// an hour of the sun's motion. A term is therefore placed on the right day unless it falls
/// within minutes of midnight; the tests check every Qingming from 1950 to 2100 against the
/// independent day-count formula (寿星公式) and the State Council's notices.
///
/// This is a date computation, not money: `Double` is fine here.
enum SolarTerms {
  /// The apparent ecliptic longitude of the sun, in degrees in `0..<360`, at an instant
  /// given in seconds since 1970 (UTC; the 69 s between UT and TT are a ten-thousandth of a
  /// degree and left out).
  static func apparentLongitude(atSecondsSince1970 seconds: Double) -> Double {
    let julianDay = seconds / 86_400 + 2_440_587.5
    let t = (julianDay - 2_451_545) / 36_525
    let meanLongitude = 280.46646 + 36_000.76983 * t + 0.000_303_2 * t * t
    let meanAnomaly = radians(357.52911 + 35_999.05029 * t - 0.000_153_7 * t * t)
    let center =
      (1.914_602 - 0.004_817 * t - 0.000_014 * t * t) * sin(meanAnomaly)
      + (0.019_993 - 0.000_101 * t) * sin(2 * meanAnomaly) + 0.000_289 * sin(3 * meanAnomaly)
    let node = radians(125.04 - 1_934.136 * t)
    let apparent = meanLongitude + center - 0.005_69 - 0.004_78 * sin(node)
    let reduced = apparent.truncatingRemainder(dividingBy: 360)
    return reduced < 0 ? reduced + 360 : reduced
  }

  /// The day, in a fixed UTC offset, on which the sun reaches a longitude, searched among
  /// consecutive candidate days.
  ///
  /// - Parameters:
  ///   - longitude: The term's longitude in degrees, below 360 (15 for Qingming).
  ///   - candidates: Days to search, ascending; the term must fall in one of them.
  ///   - utcOffset: The offset of the local day, in seconds (28,800 for Beijing).
  /// - Returns: The day whose local midnight-to-midnight span contains the moment.
  static func day(
    reaching longitude: Double,
    among candidates: [CalendarDay],
    utcOffset: Int
  ) -> CalendarDay? {
    func reached(atStartOf day: CalendarDay) -> Bool {
      let seconds = Double(day.daysSinceEpoch * 86_400 - utcOffset)
      // Measured from the target, so that 359° → 1° counts as crossing 0°.
      var delta = apparentLongitude(atSecondsSince1970: seconds) - longitude
      if delta < -180 { delta += 360 }
      if delta >= 180 { delta -= 360 }
      return delta >= 0
    }
    for day in candidates where !reached(atStartOf: day) && reached(atStartOf: day.adding(days: 1))
    {
      return day
    }
    return nil
  }

  /// The day of Qingming (清明, the sun at 15°) in Beijing time: April 4, 5 or 6.
  static func qingming(in year: Int) -> CalendarDay? {
    guard let first = try? CalendarDay(year: year, month: 4, day: 3) else { return nil }
    return day(
      reaching: 15,
      among: (0..<4).map { first.adding(days: $0) },
      utcOffset: 8 * 3_600
    )
  }

  private static func radians(_ degrees: Double) -> Double { degrees * .pi / 180 }
}
