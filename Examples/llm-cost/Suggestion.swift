/// "Did you mean" for a misspelt option or subcommand: the known name nearest by edit
/// distance.
///
/// The library's `ClosestNames` is internal, and the command line needs only this.
enum Suggestion {
  /// The known name closest to `text`, when it is close enough to be a likely typo: at most
  /// two edits, or a third of the name for longer names; else the only name that starts with
  /// `text`.
  static func closest(to text: String, among names: [String]) -> String? {
    let typed = text.lowercased()
    var best: (name: String, distance: Int)?
    for name in names {
      let distance = levenshtein(typed, name.lowercased())
      if distance < (best?.distance ?? Int.max) { best = (name, distance) }
    }
    if let best, best.distance <= max(2, best.name.count / 3) { return best.name }
    let prefixed = names.filter { !typed.isEmpty && $0.lowercased().hasPrefix(typed) }
    return prefixed.count == 1 ? prefixed.first : nil
  }

  /// The number of single-character insertions, deletions and substitutions that turn one
  /// text into the other.
  static func levenshtein(_ first: String, _ second: String) -> Int {
    let source = Array(first)
    let target = Array(second)
    guard !source.isEmpty else { return target.count }
    guard !target.isEmpty else { return source.count }
    var previous = Array(0...target.count)
    var current = [Int](repeating: 0, count: target.count + 1)
    for (row, character) in source.enumerated() {
      current[0] = row + 1
      for (column, other) in target.enumerated() {
        let substitution = previous[column] + (character == other ? 0 : 1)
        current[column + 1] = min(previous[column + 1] + 1, current[column] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[target.count]
  }
}
