import Foundation

/// Where a price comes from and how far to trust it.
///
/// Every built-in price carries one. Encodes in JSON as
/// `{"source": "<url>", "observed": "YYYY-MM-DD", "lastVerified": "YYYY-MM-DD",
/// "confidence": "official", "note": …, "missing": […]}`; `lastVerified`, `note` and
/// `missing` are optional.
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
  /// The day the source was observed showing the price: the first dated sighting, which is
  /// also when the price starts if its real start is not sourced.
  public var observed: CalendarDay
  /// The date of the newest source seen showing the price still in force, when the price was
  /// re-checked after it was first observed (the note names that source); the same as
  /// ``observed`` when it was never re-checked.
  public var lastVerified: CalendarDay
  /// How well the price is sourced.
  public var confidence: Confidence
  /// Anything a reader should know: other sources, caveats, derivations.
  public var note: String?
  /// Prices the provider publishes that this entry lacks; see ``MissingPrice``.
  public var missing: [MissingPrice]

  /// Creates a provenance record.
  ///
  /// - Parameters:
  ///   - source: The URL the price was read from.
  ///   - observed: The day the source showed the price.
  ///   - confidence: How well the price is sourced.
  ///   - note: Caveats and further sources.
  ///   - lastVerified: The day the price was last checked; `nil` means `observed`.
  ///   - missing: Published prices the entry lacks.
  public init(
    source: String,
    observed: CalendarDay,
    confidence: Confidence,
    note: String? = nil,
    lastVerified: CalendarDay? = nil,
    missing: [MissingPrice] = []
  ) {
    self.source = source
    self.observed = observed
    self.lastVerified = lastVerified ?? observed
    self.confidence = confidence
    self.note = note
    self.missing = missing
  }

  /// The notes of the missing prices that a usage with these components bills at a
  /// fallback price.
  func missingPriceNotes(billed components: some Sequence<CostComponent>) -> [String] {
    let billed = Set(components)
    return missing.compactMap { gap in
      guard let component = gap.component, billed.contains(component) else { return nil }
      return "\(component.rawValue) billed at the \(component.fallbackDescription): the "
        + "provider publishes a price the catalog lacks (\(gap.note))"
    }
  }

  private enum CodingKeys: String, CodingKey {
    case source, observed, lastVerified, confidence, note, missing
  }

  /// Decodes a provenance record, requiring a non-empty source.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path when the source is missing or empty, or
  ///   when `lastVerified` is before `observed`.
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
    let observed = try container.decode(CalendarDay.self, forKey: .observed)
    let lastVerified = try container.decodeIfPresent(CalendarDay.self, forKey: .lastVerified)
    if let lastVerified, lastVerified < observed {
      throw DecodingError.dataCorruptedError(
        forKey: .lastVerified,
        in: container,
        debugDescription: "lastVerified \(lastVerified) is before observed \(observed); a price "
          + "cannot be re-checked before it was first seen"
      )
    }
    self.init(
      source: source,
      observed: observed,
      confidence: try container.decode(Confidence.self, forKey: .confidence),
      note: try container.decodeIfPresent(String.self, forKey: .note),
      lastVerified: lastVerified,
      missing: try container.decodeIfPresent([MissingPrice].self, forKey: .missing) ?? []
    )
  }

  /// Encodes the record; `lastVerified` is written only when it differs from `observed`,
  /// and `missing` only when it has entries.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: The encoder's errors.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(source, forKey: .source)
    try container.encode(observed, forKey: .observed)
    if lastVerified != observed { try container.encode(lastVerified, forKey: .lastVerified) }
    try container.encode(confidence, forKey: .confidence)
    try container.encodeIfPresent(note, forKey: .note)
    if !missing.isEmpty { try container.encode(missing, forKey: .missing) }
  }
}
