import Foundation

/// Whole seconds since 1970 for any `Date`, without trapping.
enum EpochSeconds {
  /// The whole second at or before an instant, clamped to ±9 × 10¹⁵ seconds (about
  /// ±285 million years); NaN maps to the lower bound.
  ///
  /// `Int64(date.timeIntervalSince1970)` traps on NaN and on values beyond `Int64`, and a
  /// `Date` can come from a file or a user, so every conversion goes through here.
  static func floor(_ instant: Date) -> Int64 {
    let seconds = instant.timeIntervalSince1970
    guard !seconds.isNaN else { return -9_000_000_000_000_000 }
    return Int64(Swift.max(Swift.min(seconds.rounded(.down), 9.0e15), -9.0e15))
  }

  /// Clamps a second count from a caller to the same ±9 × 10¹⁵ range, so adding a zone
  /// offset or a day's seconds to it cannot overflow.
  static func clamped(_ second: Int64) -> Int64 {
    Swift.max(Swift.min(second, 9_000_000_000_000_000), -9_000_000_000_000_000)
  }

  /// Whether an instant is a finite date within the range the clamps keep exactly.
  static func isInRange(_ instant: Date) -> Bool {
    let seconds = instant.timeIntervalSince1970
    return seconds.isFinite && abs(seconds) <= 9.0e15
  }
}
