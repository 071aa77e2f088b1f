/// What is known about a model, independent of where it is sold.
public struct Model: Hashable, Sendable, Codable {
  /// The API id, such as `"qwen-plus"`.
  public var id: String
  /// Other ids that reach the same model, such as dated snapshots.
  public var aliases: [String]
  /// The company that made it, as a provider id, such as `"alibaba"`.
  public var vendor: String
  /// The family, such as `"Qwen"`.
  public var family: String
  /// Whether its weights are published; `nil` when not known.
  public var openWeights: Bool?
  /// The context window in tokens; `nil` when not known.
  public var contextWindow: Int?
  /// The most output tokens a request may produce; `nil` when not known.
  public var maxOutput: Int?
  /// The day it was released; `nil` when not known.
  public var releaseDate: CalendarDay?
  /// Input and output kinds, such as `["text"]` or `["text", "image"]`.
  public var modalities: [String]

  /// Creates a model description.
  ///
  /// - Parameters:
  ///   - id: The API id.
  ///   - aliases: Other ids.
  ///   - vendor: The maker's provider id.
  ///   - family: The family name.
  ///   - openWeights: Whether the weights are published.
  ///   - contextWindow: The context window in tokens.
  ///   - maxOutput: The most output tokens per request.
  ///   - releaseDate: The release day.
  ///   - modalities: Input and output kinds.
  public init(
    id: String,
    aliases: [String] = [],
    vendor: String,
    family: String,
    openWeights: Bool? = nil,
    contextWindow: Int? = nil,
    maxOutput: Int? = nil,
    releaseDate: CalendarDay? = nil,
    modalities: [String] = ["text"]
  ) {
    self.id = id
    self.aliases = aliases
    self.vendor = vendor
    self.family = family
    self.openWeights = openWeights
    self.contextWindow = contextWindow
    self.maxOutput = maxOutput
    self.releaseDate = releaseDate
    self.modalities = modalities
  }
}
