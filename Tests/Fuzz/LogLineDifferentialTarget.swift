import Foundation

/// `log-line-differential`: the fast scanner and the general (Foundation) path must agree.
///
/// The scanner promises that "the result never depends on which path ran": whenever it
/// and ``UsageLogLine/usage(from:)`` produce a line, the general path must produce the same
/// line. A line the scanner declines, or whose usage throws, says nothing and is skipped.
enum LogLineDifferentialTarget {
  static let tagNames = ["team", "feature", "env"]
  static let tagBytes = tagNames.map { Array($0.utf8) }

  static func run(_ input: UnsafeRawBufferPointer) {
    guard let scanned = FastLogScanner.scan(input, tagNames: tagBytes),
      (try? UsageLogLine.usage(from: scanned.values)) != nil,
      let fast = try? UsageLogLine(input, tagNames: tagNames)
    else { return }
    let general: UsageLogLine
    do {
      general = try UsageLogLine(general: Data(input), tagNames: tagNames)
    } catch {
      fuzzFailure("the fast path read the line, the general path threw: \(error)", input: input)
    }
    var differences: [String] = []
    func compare<Value: Equatable>(_ name: String, _ a: Value, _ b: Value) {
      if a != b { differences.append("\(name): fast \(a), general \(b)") }
    }
    compare("second", fast.second, general.second)
    compare("model", fast.model, general.model)
    compare("provider", fast.provider, general.provider)
    compare("tags", fast.tags, general.tags)
    compare("usage", fast.usage, general.usage)
    compare("options", fast.options, general.options)
    if !differences.isEmpty {
      fuzzFailure("the paths disagree; " + differences.joined(separator: "; "), input: input)
    }
  }
}
