import Foundation

extension Catalog {
  /// Decodes a catalog from JSON, reporting the key path of the first bad value.
  ///
  /// Dates are ISO 8601 strings and amounts exact decimal strings, as
  /// ``encodedJSON()`` writes them.
  ///
  /// - Parameter data: The JSON bytes.
  /// - Returns: The validated catalog.
  /// - Throws: ``PricingError/Code/invalidData`` whose message names the key path, such
  ///   as `offerings[0].schedule.entries[2].sheet.tiers[0].prices.input`, and what is wrong.
  public static func decode(from data: Data) throws -> Catalog {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    do {
      return try decoder.decode(Catalog.self, from: data)
    } catch let error as DecodingError {
      throw PricingError(decoding: error)
    } catch {
      throw PricingError(.invalidData, "the catalog is not valid JSON: \(error)")
    }
  }

  /// Encodes the catalog as pretty-printed JSON with sorted keys, ISO 8601 dates and
  /// exact decimal strings.
  ///
  /// - Returns: The JSON bytes.
  /// - Throws: ``PricingError/Code/invalidData`` if encoding fails.
  public func encodedJSON() throws -> Data {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      return try encoder.encode(self)
    } catch {
      throw PricingError(.invalidData, "the catalog could not be encoded: \(error)")
    }
  }
}

extension Catalog: Codable {
  private enum CodingKeys: String, CodingKey {
    case formatVersion, offerings, overrides
  }

  /// Decodes a catalog file: `{"formatVersion": 1, "offerings": […], "overrides": […]}`.
  ///
  /// `formatVersion` defaults to 1; `offerings` and `overrides` default to empty. Offering
  /// ids must be unique.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path of the first bad value, or a newer
  ///   format version than this library reads.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let version = try container.decodeIfPresent(Int.self, forKey: .formatVersion) ?? 1
    guard version == Self.formatVersion else {
      throw DecodingError.dataCorruptedError(
        forKey: .formatVersion,
        in: container,
        debugDescription: "format version \(version) is not supported; this library reads "
          + "version \(Self.formatVersion). Update LLMPricing or export the file again"
      )
    }
    let offerings = try container.decodeIfPresent([Offering].self, forKey: .offerings) ?? []
    var seen: Set<String> = []
    for offering in offerings where !seen.insert(offering.id).inserted {
      throw DecodingError.dataCorruptedError(
        forKey: .offerings,
        in: container,
        debugDescription: "offering \(offering.id) appears twice; ids must be unique"
      )
    }
    self.init(
      offerings: offerings,
      overrides: try container.decodeIfPresent([CatalogOverride].self, forKey: .overrides) ?? []
    )
  }

  /// Encodes the catalog with its format version.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(Self.formatVersion, forKey: .formatVersion)
    try container.encode(offerings, forKey: .offerings)
    if !overrides.isEmpty { try container.encode(overrides, forKey: .overrides) }
  }
}

extension PricingError {
  /// Creates an error from a decoding failure, naming the key path.
  ///
  /// - Parameter error: The decoding error.
  public init(decoding error: DecodingError) {
    func path(_ keys: [any CodingKey]) -> String {
      var text = ""
      for key in keys {
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          text += (text.isEmpty ? "" : ".") + key.stringValue
        }
      }
      return text.isEmpty ? "the top level" : text
    }
    switch error {
    case .keyNotFound(let key, let context):
      let at = path(context.codingPath + [key])
      self.init(.invalidData, "at \(at): the key is missing; add it")
    case .typeMismatch(let type, let context):
      self.init(
        .invalidData,
        "at \(path(context.codingPath)): expected \(type); \(context.debugDescription)"
      )
    case .valueNotFound(let type, let context):
      self.init(.invalidData, "at \(path(context.codingPath)): expected \(type), found null")
    case .dataCorrupted(let context):
      self.init(.invalidData, "at \(path(context.codingPath)): \(context.debugDescription)")
    @unknown default:
      self.init(.invalidData, "\(error)")
    }
  }
}
