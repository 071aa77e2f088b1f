import Foundation

/// A scenario that cannot run as given, with the path of the bad value and what to do.
///
/// Decoding a scenario file throws `LLMPricing`'s `PricingError` with the key
/// path (the file is read by the core's strict JSON reader); everything the price war
/// itself checks throws this.
public struct ScenarioError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A kind of failure.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    private let name: String

    private init(_ name: String) { self.name = name }

    /// The code's name, such as `invalidScenario`.
    public var description: String { name }

    /// A scenario breaks a rule: a cut above 100%, a lag beyond the horizon, an unknown
    /// offering in an event, an elasticity of the wrong sign, an unknown preset.
    public static let invalidScenario = Code("invalidScenario")
    /// A modelled figure (a volume, a bill) is beyond what an exact amount holds.
    public static let outOfRange = Code("outOfRange")
  }

  /// The kind of failure.
  public let code: Code
  /// What went wrong, starting with the path of the value, and what to do.
  public let message: String

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - code: The kind of failure.
  ///   - message: The message, path first.
  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  /// The message, prefixed with the code in brackets.
  public var description: String { "[\(code)] \(message)" }

  /// An ``Code/invalidScenario`` error.
  static func invalid(_ message: String) -> ScenarioError {
    ScenarioError(.invalidScenario, message)
  }
}
