import Foundation

/// Compares the ingestor's one-pass reader of a line with the two passes it stands for.
///
/// ``UsageIngestor`` prices a line that ``ValidatingLogScanner`` reads without running
/// ``StrictJSON`` and ``FastLogScanner`` on it; this states what makes that exact, for the
/// tests and the fuzzer: whenever the one-pass reader accepts a line, ``StrictJSON`` accepts
/// it too and ``FastLogScanner`` reads the same fields from it.
package enum FastPathCheck {
  /// How the one-pass reader and the two passes differ on a line; `nil` when they agree or
  /// the one-pass reader declines the line (which the two passes then read as before).
  ///
  /// - Parameters:
  ///   - line: The line's bytes, without its newline.
  ///   - tagNames: The tags the grouping wants.
  /// - Returns: A description of the difference, or `nil`.
  package static func disagreement(line: [UInt8], tagNames: [String]) -> String? {
    line.withUnsafeBytes { bytes in
      var scanner = ValidatingLogScanner(tagNames: tagNames)
      guard scanner.scan(bytes) else { return nil }
      do {
        try StrictJSON.validate(bytes)
      } catch {
        return "the one-pass reader accepted a line StrictJSON refuses: \(error)"
      }
      guard
        let fast = FastLogScanner.scan(bytes, tagNames: tagNames.map { Array($0.utf8) })
      else { return "the one-pass reader read a line FastLogScanner declines" }
      func text(_ range: Range<Int>?) -> String? {
        range.map { String(decoding: UnsafeRawBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
      }
      let mine = (
        scanner.second, text(scanner.model), text(scanner.provider), text(scanner.format),
        scanner.tags.map(text), scanner.values
      )
      let theirs = (fast.second, fast.model, fast.provider, fast.format, fast.tags, fast.values)
      guard mine.0 == theirs.0, mine.1 == theirs.1, mine.2 == theirs.2, mine.3 == theirs.3,
        mine.4 == theirs.4, mine.5 == theirs.5
      else { return "the readers disagree: one pass \(mine), FastLogScanner \(theirs)" }
      return nil
    }
  }

  /// Whether the one-pass reader reads the line, rather than leave it to the two passes.
  ///
  /// - Parameters:
  ///   - line: The line's bytes, without its newline.
  ///   - tagNames: The tags the grouping wants.
  /// - Returns: `true` when the ingestor prices the line without ``StrictJSON``.
  package static func readsInOnePass(line: [UInt8], tagNames: [String]) -> Bool {
    var scanner = ValidatingLogScanner(tagNames: tagNames)
    return line.withUnsafeBytes { scanner.scan($0) }
  }
}
