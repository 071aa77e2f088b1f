extension Array where Element: Comparable {
  /// Moves the element a full sort would put at `rank` there, with nothing larger before it
  /// and nothing smaller after it, touching only `bounds` (Hoare's selection).
  ///
  /// Percentile bands need three order statistics of each of some two hundred columns of
  /// 10,000 values, not sorted columns: selection is linear on average. A median-of-three
  /// pivot keeps sorted and constant inputs linear; after a logarithmic number of rounds
  /// the rest is sorted, so the worst case stays `O(n log n)`.
  ///
  /// - Parameters:
  ///   - rank: The position to settle, within `bounds`.
  ///   - bounds: The part of the array to rearrange.
  mutating func select(rank: Int, within bounds: Range<Int>) {
    var low = bounds.lowerBound
    var high = bounds.upperBound - 1
    var rounds = 2 * (Int.bitWidth - bounds.count.leadingZeroBitCount) + 4
    while low < high {
      guard rounds > 0 else {
        self[low...high].sort()
        return
      }
      rounds -= 1
      let middle = low + (high - low) / 2
      if self[middle] < self[low] { exchange(middle, low) }
      if self[high] < self[low] { exchange(high, low) }
      if self[high] < self[middle] { exchange(high, middle) }
      let pivot = self[middle]
      var left = low
      var right = high
      while left <= right {
        while self[left] < pivot { left += 1 }
        while pivot < self[right] { right -= 1 }
        if left <= right {
          exchange(left, right)
          left += 1
          right -= 1
        }
      }
      // Now everything in low...right is at most the pivot, everything in left...high at
      // least, and anything between equals it.
      if rank <= right {
        high = right
      } else if rank >= left {
        low = left
      } else {
        return
      }
    }
  }

  /// `swapAt` without its checks for equal indices and without a call: the standard
  /// library's was not inlined here.
  @inline(__always)
  private mutating func exchange(_ i: Int, _ j: Int) {
    let held = self[i]
    self[i] = self[j]
    self[j] = held
  }
}
