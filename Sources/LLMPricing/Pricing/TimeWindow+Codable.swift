extension TimeWindow.Days {
  private enum CodingKeys: String, CodingKey {
    case weekdays, weekdaysExceptHolidays
  }

  /// Decodes `"everyDay"`, `"workingDays"`, `"restDays"`, `{"weekdays": ["monday", …]}`
  /// or `{"weekdaysExceptHolidays": ["monday", …]}`.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path of an unknown form.
  public init(from decoder: any Decoder) throws {
    if let name = try? decoder.singleValueContainer().decode(String.self) {
      switch name {
      case "everyDay": self = .everyDay
      case "workingDays": self = .workingDays
      case "restDays": self = .restDays
      default:
        throw DecodingError.dataCorrupted(
          .init(
            codingPath: decoder.codingPath,
            debugDescription: "'\(name)' is not a day rule; use everyDay, workingDays, restDays, "
              + "{\"weekdays\": […]} or {\"weekdaysExceptHolidays\": […]}"
          )
        )
      }
      return
    }
    let container = try decoder.container(keyedBy: CodingKeys.self)
    if let days = try container.decodeIfPresent(Set<Weekday>.self, forKey: .weekdays) {
      self = .weekdays(days)
    } else {
      self = .weekdaysExceptHolidays(
        try container.decode(Set<Weekday>.self, forKey: .weekdaysExceptHolidays)
      )
    }
  }

  /// Encodes the rule in the form ``init(from:)`` reads; weekdays are sorted.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .everyDay, .workingDays, .restDays:
      var container = encoder.singleValueContainer()
      let name: String
      switch self {
      case .everyDay: name = "everyDay"
      case .workingDays: name = "workingDays"
      default: name = "restDays"
      }
      try container.encode(name)
    case .weekdays(let days):
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(days.sorted(), forKey: .weekdays)
    case .weekdaysExceptHolidays(let days):
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(days.sorted(), forKey: .weekdaysExceptHolidays)
    }
  }
}

extension TimeWindow.Effect {
  private enum CodingKeys: String, CodingKey {
    case multiplier, tiers
  }

  /// Decodes `{"multiplier": "0.5"}` or `{"tiers": [PriceTier, …]}`.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path when neither key is present.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    if let factor = try container.decodeIfPresent(FixedDecimal.self, forKey: .multiplier) {
      self = .multiplier(factor)
    } else {
      self = .tiers(try container.decode([PriceTier].self, forKey: .tiers))
    }
  }

  /// Encodes the effect in the form ``init(from:)`` reads.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .multiplier(let factor): try container.encode(factor, forKey: .multiplier)
    case .tiers(let tiers): try container.encode(tiers, forKey: .tiers)
    }
  }
}
