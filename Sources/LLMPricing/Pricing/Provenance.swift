import Foundation

/// Where a price comes from and how far to trust it.
///
/// Every built-in price carries one. Encodes in JSON as
/// `{"source": "<url>", "observed": "YYYY-MM-DD", "confidence": "official", "note": …}`.
public struct Provenance: Hashable, Sendable, Codable {
  /// How well a price is sourced.
  public enum Confidence: String, Hashable, Sendable, Codable, CaseIterable {
    /// The provider's own page, or an archived copy of it.
    case official
    /// Two or more independent secondary sources agree.
    case corroborated
    /// A single secondary source.
    case singleSource
  }

  /// The URL the price was read from.
  public var source: String
  /// The day the source was observed showing the price.
  public var observed: CalendarDay
  /// How well the price is sourced.
  public var confidence: Confidence
  /// Anything a reader should know: other sources, caveats, derivations.
  public var note: String?

  /// Creates a provenance record.
  ///
  /// - Parameters:
  ///   - source: The URL the price was read from.
  ///   - observed: The day the source showed the price.
  ///   - confidence: How well the price is sourced.
  ///   - note: Caveats and further sources.
  public init(source: String, observed: CalendarDay, confidence: Confidence, note: String? = nil) {
    self.source = source
    self.observed = observed
    self.confidence = confidence
    self.note = note
  }

  private enum CodingKeys: String, CodingKey {
    case source, observed, confidence, note
  }

  /// Decodes a provenance record, requiring a non-empty source.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path when the source is missing or empty.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let source = try container.decode(String.self, forKey: .source)
    guard !source.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw DecodingError.dataCorruptedError(
        forKey: .source,
        in: container,
        debugDescription: "every price needs a source: say where it was published"
      )
    }
    self.init(
      source: source,
      observed: try container.decode(CalendarDay.self, forKey: .observed),
      confidence: try container.decode(Confidence.self, forKey: .confidence),
      note: try container.decodeIfPresent(String.self, forKey: .note)
    )
  }
}
