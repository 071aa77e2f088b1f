import LLMPricing

/// A hand-written parser for `--name value` and `--flag` options.
struct Options {
  private var values: [String: String] = [:]
  private var repeated: [String: [String]] = [:]
  private var flags: Set<String> = []

  /// Parses arguments against the options a subcommand accepts.
  ///
  /// Accepts `--name value` and `--name=value`; a value may not be missing, nor repeated
  /// unless the option is in `repeatable` (such as `--fx`).
  init(
    _ arguments: [String],
    valued: Set<String>,
    flags allowedFlags: Set<String>,
    repeatable: Set<String> = []
  ) throws {
    let valued = valued.union(repeatable)
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      guard argument.hasPrefix("--") else {
        throw UsageError("unexpected argument '\(argument)'; options start with --")
      }
      var name = String(argument.dropFirst(2))
      var inline: String?
      if let equals = name.firstIndex(of: "=") {
        inline = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      if allowedFlags.contains(name) {
        guard inline == nil else { throw UsageError("--\(name) takes no value") }
        flags.insert(name)
      } else if valued.contains(name) {
        let value: String
        if let inline {
          value = inline
        } else {
          index += 1
          guard index < arguments.count, !arguments[index].hasPrefix("--") else {
            throw UsageError("--\(name) needs a value")
          }
          value = arguments[index]
        }
        if repeatable.contains(name) {
          repeated[name, default: []].append(value)
        } else {
          guard values[name] == nil else { throw UsageError("--\(name) is given twice") }
          values[name] = value
        }
      } else {
        let known = (valued.union(allowedFlags)).sorted().map { "--" + $0 }
        throw UsageError(
          "unknown option '--\(name)'; known options: \(known.joined(separator: ", "))"
        )
      }
      index += 1
    }
  }

  func flag(_ name: String) -> Bool { flags.contains(name) }

  func string(_ name: String) -> String? { values[name] }

  /// Every value of a repeatable option, in order.
  func strings(_ name: String) -> [String] { repeated[name] ?? [] }

  func required(_ name: String) throws -> String {
    guard let value = values[name] else { throw UsageError("--\(name) is required") }
    return value
  }

  /// A currency code, any case; `nil` when absent.
  ///
  /// The error names the option.
  func currency(_ name: String = "currency") throws -> Currency? {
    guard let code = values[name] else { return nil }
    do {
      return try Currency(code: code.uppercased())
    } catch let error as PricingError {
      throw UsageError("--\(name): \(error.message)")
    }
  }

  /// A non-negative token count; `nil` when absent.
  func count(_ name: String) throws -> Int? {
    guard let text = values[name] else { return nil }
    let digits = text.replacingOccurrences(of: "_", with: "")
    guard let value = Int(digits), value >= 0 else {
      throw UsageError("--\(name) must be a whole number of tokens ≥ 0, not '\(text)'")
    }
    return value
  }

  /// A whole number above zero, such as a byte limit; `nil` when absent.
  ///
  /// The error names the option and the value.
  func positive(_ name: String, unit: String) throws -> Int? {
    guard let text = values[name] else { return nil }
    let digits = text.replacingOccurrences(of: "_", with: "")
    guard let value = Int(digits), value > 0 else {
      throw UsageError("--\(name) must be a whole number of \(unit) > 0, not '\(text)'")
    }
    return value
  }
}
