import Foundation
import LLMPricing

/// The options of one command line, parsed against its command's ``CommandSpec``, with
/// typed readers whose errors name the option and the value.
struct Options {
  private var values: [String: String] = [:]
  private var repeated: [String: [String]] = [:]
  private var flags: Set<String> = []
  /// The arguments that are not options, in order (only for a command that takes them).
  private(set) var positionals: [String] = []

  /// Parses arguments against a command's table; see ``CommandSpec/parse(_:)``.
  init(_ arguments: [String], spec: CommandSpec) throws {
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      guard argument.hasPrefix("--") else {
        guard spec.positional != nil else {
          throw UsageError("unexpected argument '\(argument)'; options start with --")
        }
        positionals.append(argument)
        index += 1
        continue
      }
      var name = String(argument.dropFirst(2))
      var inline: String?
      if let equals = name.firstIndex(of: "=") {
        inline = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      guard let option = spec.option(named: name) else { throw spec.unknownOption(name) }
      if option.isFlag {
        guard inline == nil else { throw UsageError("--\(name) takes no value") }
        flags.insert(name)
      } else {
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
        if option.repeatable {
          repeated[name, default: []].append(value)
        } else {
          guard values[name] == nil else { throw UsageError("--\(name) is given twice") }
          values[name] = value
        }
      }
      index += 1
    }
  }

  func flag(_ name: String) -> Bool { flags.contains(name) }

  func string(_ name: String) -> String? { values[name] }

  /// Every value of a repeatable option, in order.
  func strings(_ name: String) -> [String] { repeated[name] ?? [] }

  /// Whether the option was given at all, flag or value.
  func given(_ name: String) -> Bool {
    flags.contains(name) || values[name] != nil || repeated[name] != nil
  }

  func required(_ name: String) throws -> String {
    guard let value = values[name] else { throw UsageError("--\(name) is required") }
    return value
  }

  /// Refuses more than one of options that choose the same thing, such as the output
  /// format; the error names the two first given.
  func exclusive(_ names: [String]) throws {
    let chosen = names.filter(given)
    guard chosen.count > 1 else { return }
    throw UsageError("--\(chosen[0]) and --\(chosen[1]) are exclusive; pick one")
  }

  /// Refuses options of one mode in another, such as `--top` without `--workload`.
  func refuse(_ group: OptionGroup, because reason: String) throws {
    if let option = group.options.first(where: { given($0.name) }) {
      throw UsageError("--\(option.name) \(reason)")
    }
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

  /// An ISO 8601 instant or a bare date (its start in UTC); `nil` when absent.
  func instant(_ name: String = "at") throws -> Date? {
    guard let text = values[name] else { return nil }
    guard let parsed = Self.parseInstant(text) else {
      throw UsageError(
        "--\(name) '\(text)' is not an ISO 8601 instant such as 2025-06-01T03:00:00Z"
      )
    }
    return parsed
  }

  /// An ISO 8601 instant, or a bare `YYYY-MM-DD` as the start of that day in UTC; `nil`
  /// when the text is neither.
  static func parseInstant(_ text: String) -> Date? {
    if let date = Date(strictISO8601: text) { return date }
    // A bare date means its start in UTC.
    return (try? CalendarDay(text))?.startInUTC
  }
}
