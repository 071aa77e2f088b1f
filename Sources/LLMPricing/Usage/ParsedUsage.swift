import Foundation

/// The usage read from one provider response: normalised tokens, and the model and time
/// when the response says them.
public struct ParsedUsage: Hashable, Sendable {
  /// The tokens, as disjoint components.
  public var usage: TokenUsage
  /// The model id the response names, if any.
  public var model: String?
  /// When the response was created, if it says.
  public var timestamp: Date?
  /// The convention the usage was read with.
  public var format: ResponseFormat

  /// Creates a parsed usage.
  ///
  /// - Parameters:
  ///   - usage: The tokens.
  ///   - model: The model id, if known.
  ///   - timestamp: The creation time, if known.
  ///   - format: The convention used.
  public init(usage: TokenUsage, model: String?, timestamp: Date?, format: ResponseFormat) {
    self.usage = usage
    self.model = model
    self.timestamp = timestamp
    self.format = format
  }
}
