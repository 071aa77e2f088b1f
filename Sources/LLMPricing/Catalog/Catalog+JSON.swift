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
    var decoder = StrictJSONDecoder()
    let json = try StrictJSON.parse(data)
    // Sheets name calendars by id: resolve them against the file's own calendars too.
    guard case .object(let members) = json else {
      throw PricingError(.invalidData, "a catalog is a JSON object, not \(json.kindName)")
    }
    let declared = try decoder.decode(
      DeclaredCalendars.self,
      from: .object(["holidayCalendars": members["holidayCalendars"] ?? .null])
    )
    decoder.userInfo[HolidayCalendar.registryKey] = try declared.registry()
    return try decoder.decode(Catalog.self, from: json)
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

/// The `holidayCalendars` of a catalog file, read before the rest.
private struct DeclaredCalendars: Decodable {
  var holidayCalendars: [HolidayCalendar]?

  /// The calendars sheets may name: the built-in ones with the declared years laid over.
  func registry() throws -> [String: HolidayCalendar] {
    var registry = HolidayCalendar.builtIn
    for calendar in holidayCalendars ?? [] {
      registry[calendar.id] = try registry[calendar.id]?.merging(calendar) ?? calendar
    }
    return registry
  }
}

extension Catalog: Codable {
  private enum CodingKeys: String, CodingKey {
    case formatVersion, publishedAt, offerings, overrides, holidayCalendars, plans
  }

  /// Decodes a catalog file: `{"formatVersion": 1, "publishedAt": "…", "offerings": […],
  /// "overrides": […], "holidayCalendars": […]}`.
  ///
  /// `formatVersion` defaults to 1; `offerings`, `overrides` and `holidayCalendars` default
  /// to empty. Offering ids must be unique. A holiday calendar whose id is built in (`"CN"`)
  /// adds or replaces the years it holds in the built-in one; when the catalog is merged
  /// onto another (``merging(_:)``), it replaces that id's calendar in every sheet. A sheet
  /// may name any of the file's calendars by id when the file is read with
  /// ``decode(from:)``.
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
    var calendars: [HolidayCalendar] = []
    for calendar in try container.decodeIfPresent([HolidayCalendar].self, forKey: .holidayCalendars)
      ?? []
    {
      let merged = try decoder.validated {
        try HolidayCalendar.builtIn[calendar.id]?.merging(calendar) ?? calendar
      }
      calendars.append(merged)
    }
    var catalog = Catalog(
      offerings: offerings,
      overrides: try container.decodeIfPresent([CatalogOverride].self, forKey: .overrides) ?? [],
      holidayCalendars: calendars,
      publishedAt: try container.decodeIfPresent(Date.self, forKey: .publishedAt),
      plans: try container.decodeIfPresent([Plan].self, forKey: .plans) ?? []
    )
    for calendar in calendars {
      catalog = try decoder.validated { try catalog.replacingHolidayCalendar(calendar) }
    }
    self = catalog
  }

  /// Encodes the catalog with its format version.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(Self.formatVersion, forKey: .formatVersion)
    try container.encodeIfPresent(publishedAt, forKey: .publishedAt)
    try container.encode(offerings, forKey: .offerings)
    if !overrides.isEmpty { try container.encode(overrides, forKey: .overrides) }
    // Calendars that differ from the built-in ones with their id travel with the file.
    let own = holidayCalendars.keys.sorted().compactMap { id -> HolidayCalendar? in
      guard let calendar = holidayCalendars[id], HolidayCalendar.builtIn[id] != calendar else {
        return nil
      }
      return calendar
    }
    if !own.isEmpty { try container.encode(own, forKey: .holidayCalendars) }
    if !plans.isEmpty { try container.encode(plans, forKey: .plans) }
  }
}

extension PricingError {
  /// Creates an error from a decoding failure, naming the key path.
  ///
  /// - Parameter error: The decoding error.
  public init(decoding error: DecodingError) {
    func path(_ keys: [any CodingKey]) -> String {
      let text = StrictCodingKey.render(keys)
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
