import Foundation

/// `log-line-differential`: the two readers of a log line give one answer, on any bytes.
///
/// Three promises are checked on every input:
/// - ``StrictJSON/validate(_:)`` (what the fast path checks) refuses exactly what
///   ``StrictJSON/parse(_:)-(UnsafeRawBufferPointer)`` (what the general reader parses)
///   refuses, with the same message;
/// - whenever the fast scanner reads a line, the general reader reads the same line: the
///   same instant, model, provider, tags, usage and billing choices;
/// - whenever the fast scanner refuses a line, the general reader refuses it with the
///   same message.
/// A line the fast scanner declines (`nil`) is the general reader's alone: nothing to compare.
/// And the ingestor's one-pass reader (``ValidatingLogScanner``) accepts only lines that
/// ``StrictJSON/validate(_:)`` accepts, reading the fast scanner's fields from them.
enum LogLineDifferentialTarget {
  static let tagNames = ["team", "feature", "env"]

  static func run(_ input: UnsafeRawBufferPointer) {
    for format in [nil, ResponseFormat.anthropic] {
      compare(input, tagNames: tagNames, format: format)
    }
    compare(input, tagNames: [], format: nil)
  }

  static func compare(_ input: UnsafeRawBufferPointer, tagNames: [String], format: ResponseFormat?)
  {
    if let difference = FastPathCheck.disagreement(line: Array(input), tagNames: tagNames) {
      fuzzFailure(difference, input: input)
    }
    let validated = Result { try StrictJSON.validate(input) }
    let parsed = Result { try StrictJSON.parse(input) }
    switch (validated, parsed) {
    case (.success, .success): break
    case (.failure(let a), .failure(let b)):
      if message(a) != message(b) {
        fuzzFailure(
          "validate and parse refuse differently: \(message(a)) / \(message(b))",
          input: input
        )
      }
      return
    case (.success, .failure(let error)):
      fuzzFailure("validate accepted what parse refused: \(message(error))", input: input)
    case (.failure(let error), .success):
      fuzzFailure("parse accepted what validate refused: \(message(error))", input: input)
    }
    let fast = Result { try UsageLogLine.fast(input, tagNames: tagNames, format: format) }
    let general = Result { try UsageLogLine(general: input, tagNames: tagNames, format: format) }
    switch (fast, general) {
    case (.success(nil), _):
      return
    case (.success(let line?), .success(let other)):
      if line != other {
        fuzzFailure("the readers disagree: fast \(line), general \(other)", input: input)
      }
    case (.success(let line?), .failure(let error)):
      fuzzFailure("fast read \(line), general refused: \(message(error))", input: input)
    case (.failure(let error), .success(let other)):
      fuzzFailure("fast refused (\(message(error))), general read \(other)", input: input)
    case (.failure(let a), .failure(let b)):
      if message(a) != message(b) {
        fuzzFailure("the readers refuse differently: \(message(a)) / \(message(b))", input: input)
      }
    }
  }

  static func message(_ error: any Error) -> String {
    (error as? PricingError)?.message ?? "\(error)"
  }
}
