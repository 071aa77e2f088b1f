import Foundation
import LLMPricing

/// A number in a scenario that Monte Carlo runs and sensitivity tables vary.
///
/// In code a parameter is a value; in JSON and on the command line it is a path:
///
/// | path | parameter | what varies |
/// |---|---|---|
/// | `market.elasticity` | ``elasticity`` | the price elasticity of demand |
/// | `market.growth` | ``growth`` | the monthly growth |
/// | `market.switching.threshold` | ``switchingThreshold`` | the saving that moves buyers |
/// | `market.switching.rate` | ``switchingRate`` | the eligible buyers moving each month |
/// | `events[3].fraction` | `.event(.index(3), .fraction)` | a cut, raise or surge |
/// | `events[cut-1].fraction` | `.event(.id("cut-1"), .fraction)` | the same, by event id |
/// | `events[2].price` | `.event(.index(2), .price)` | a `setPrice` or `floor` price |
/// | `events[2].lag` | `.event(.index(2), .lag)` | a `follow` lag, in whole months |
/// | `events[2].discount` | `.event(.index(2), .discount)` | a `follow` discount |
/// | `events[2].share` | `.event(.index(2), .share)` | an `enter` share |
public enum ScenarioParameter: Hashable, Sendable, Codable, CustomStringConvertible {
  /// ``MarketModel/elasticity``.
  case elasticity
  /// ``MarketModel/growth``.
  case growth
  /// ``SwitchingRule/threshold``.
  case switchingThreshold
  /// ``SwitchingRule/rate``.
  case switchingRate
  /// A number of one event.
  case event(EventReference, EventField)

  /// How a parameter names an event.
  public enum EventReference: Hashable, Sendable {
    /// By position in ``Scenario/events``, from 0.
    case index(Int)
    /// By ``ScenarioEvent/id``.
    case id(String)
  }

  /// Which number of an event.
  public enum EventField: String, Hashable, Sendable, CaseIterable {
    /// The fraction of a cut, raise or surge.
    case fraction
    /// The price of a `setPrice` or `floor` event.
    case price
    /// The lag of a `follow` event, in whole months.
    case lag
    /// The discount of a `follow` event.
    case discount
    /// The share of an `enter` event.
    case share
  }

  /// Reads a path such as `market.elasticity` or `events[cut-1].fraction`.
  ///
  /// - Parameter path: The path.
  /// - Throws: ``ScenarioError/Code/invalidScenario`` naming the paths it accepts.
  public init(path: String) throws {
    switch path {
    case "market.elasticity": self = .elasticity
    case "market.growth": self = .growth
    case "market.switching.threshold": self = .switchingThreshold
    case "market.switching.rate": self = .switchingRate
    default:
      let parts = path.split(separator: "]", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2, parts[0].hasPrefix("events["), parts[1].hasPrefix("."),
        let field = EventField(rawValue: String(parts[1].dropFirst()))
      else {
        throw ScenarioError.invalid(
          "unknown parameter '\(path)'; use market.elasticity, market.growth, "
            + "market.switching.threshold, market.switching.rate, or events[N or id]."
            + EventField.allCases.map(\.rawValue).joined(separator: ", .")
        )
      }
      let reference = String(parts[0].dropFirst("events[".count))
      guard !reference.isEmpty, Int(reference).map({ $0 >= 0 }) ?? true else {
        throw ScenarioError.invalid(
          "parameter '\(path)': name the event by its position from 0 or by its id, such as "
            + "events[0].\(field.rawValue)"
        )
      }
      self = .event(Int(reference).map(EventReference.index) ?? .id(reference), field)
    }
  }

  /// The parameter's path, as ``init(path:)`` reads it.
  public var description: String {
    switch self {
    case .elasticity: "market.elasticity"
    case .growth: "market.growth"
    case .switchingThreshold: "market.switching.threshold"
    case .switchingRate: "market.switching.rate"
    case .event(.index(let index), let field): "events[\(index)].\(field.rawValue)"
    case .event(.id(let id), let field): "events[\(id)].\(field.rawValue)"
    }
  }

  /// Decodes a parameter from its path.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` for a path that names no parameter.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    do {
      self = try ScenarioParameter(path: try container.decode(String.self))
    } catch let error as ScenarioError {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
    }
  }

  /// Encodes the parameter as its path.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

/// A scenario parameter that Monte Carlo runs draw uniformly between two values.
///
/// ```json
/// {"parameter": "events[0].fraction", "low": "0.2", "high": "0.5"}
/// ```
public struct Uncertainty: Hashable, Sendable, Codable {
  /// The parameter.
  public var parameter: ScenarioParameter
  /// The least value drawn.
  public var low: FixedDecimal
  /// The greatest value drawn.
  public var high: FixedDecimal

  /// Creates an uncertain parameter.
  ///
  /// - Parameters:
  ///   - parameter: The parameter, such as `.elasticity`.
  ///   - low: The least value drawn.
  ///   - high: The greatest value drawn.
  public init(_ parameter: ScenarioParameter, low: FixedDecimal, high: FixedDecimal) {
    self.parameter = parameter
    self.low = low
    self.high = high
  }
}
