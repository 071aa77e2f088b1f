/// Suggestions for a misspelt id or key: what every "unknown" error offers as the fix.
package enum ClosestNames {
  /// The three ids nearest to a misspelt one, case-insensitively, nearest first (ties in
  /// alphabetical order): what every "unknown id" error suggests.
  package static func closest(to id: String, among ids: some Sequence<String>) -> [String] {
    let wanted = id.lowercased()
    let scored = ids.map { (distance: distance($0.lowercased(), wanted), id: $0) }
    return scored.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }.prefix(3).map(\.id)
  }

  /// The Levenshtein edit distance between two strings.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a.utf8)
    let b = Array(b.utf8)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
