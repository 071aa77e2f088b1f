/// What is known about a model, independent of where it is sold.
public struct Model: Hashable, Sendable, Codable {
  private enum CodingKeys: String, CodingKey {
    case id, aliases, vendor, family, openWeights, contextWindow, maxOutput, releaseDate
    case modalities
  }

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

extension Model {
  /// Decodes a model, refusing a context window or output limit that is not positive.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path of a missing or invalid value.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    func positive(_ key: CodingKeys) throws -> Int? {
      guard let value = try c.decodeIfPresent(Int.self, forKey: key) else { return nil }
      guard value > 0 else {
        throw DecodingError.dataCorruptedError(
          forKey: key,
          in: c,
          debugDescription: "\(value) tokens; a \(key.stringValue) is a positive number of tokens "
            + "(leave it out when not known)"
        )
      }
      return value
    }
    self.init(
      id: try c.decode(String.self, forKey: .id),
      aliases: try c.decode([String].self, forKey: .aliases),
      vendor: try c.decode(String.self, forKey: .vendor),
      family: try c.decode(String.self, forKey: .family),
      openWeights: try c.decodeIfPresent(Bool.self, forKey: .openWeights),
      contextWindow: try positive(.contextWindow),
      maxOutput: try positive(.maxOutput),
      releaseDate: try c.decodeIfPresent(CalendarDay.self, forKey: .releaseDate),
      modalities: try c.decode([String].self, forKey: .modalities)
    )
  }
}
