import Foundation

/// A time zone's UTC offsets as a table, so the hot path never calls `TimeZone`.
struct ZoneOffsets: Sendable {
  /// UTC seconds at which the offset changes, ascending.
  private let transitions: [Int64]
  /// The offset in seconds before the first transition, then after each one.
  private let offsets: [Int64]

  /// Tabulates a zone's offsets from 1970 to 2100.
  init(_ zone: TimeZone) {
    var transitions: [Int64] = []
    var offsets: [Int64] = [Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: 0)))]
    var cursor = Date(timeIntervalSince1970: 0)
    let end = Date(timeIntervalSince1970: 4_102_444_800)  // 2100-01-01
    while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end,
      transitions.count < 1_000
    {
      transitions.append(Int64(next.timeIntervalSince1970.rounded(.down)))
      offsets.append(Int64(zone.secondsFromGMT(for: next)))
      cursor = next
    }
    self.transitions = transitions
    self.offsets = offsets
  }

  /// The zone's only offset, when it has no transitions (Asia/Shanghai, UTC).
  var fixedOffset: Int64? { transitions.isEmpty ? offsets[0] : nil }

  /// The offset in force at a UTC second.
  @inline(__always)
  func offset(at second: Int64) -> Int64 {
    guard !transitions.isEmpty else { return offsets[0] }
    return searchOffset(at: second)
  }

  private func searchOffset(at second: Int64) -> Int64 {
    // The number of transitions at or before `second` indexes `offsets`.
    var low = 0
    var high = transitions.count
    while low < high {
      let mid = (low + high) / 2
      if transitions[mid] <= second { low = mid + 1 } else { high = mid }
    }
    return offsets[low]
  }
}
