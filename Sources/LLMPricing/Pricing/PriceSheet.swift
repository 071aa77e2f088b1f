import Foundation

/// Everything an offering bills during one period, in the offering's own currency.
///
/// A sheet has one or more ``PriceTier``s chosen by each request's size, optional
/// ``TimeWindow``s in the provider's time zone (with a ``HolidayCalendar`` when a window
/// depends on working days), an optional batch multiplier that scales every price
/// (cache prices included), and an optional free quota. The billing rules of 2025–2026
/// are optional too: ``ServiceTier``s (flex, priority), ``ToolFee``s per call, and
/// ``PriceUplift``s for residency; a request chooses among them with ``RequestOptions``.
///
/// The initializer validates everything, and decoding goes through it:
/// tiers must start at 0 and be contiguous, with no overlap and no gap; windows must not
/// overlap; prices must not be negative or above ``maximumPricePerMillion``.
///
/// ```swift
/// let sheet = try PriceSheet(
///   currency: .cny,
///   tiers: [PriceTier(prices: ComponentPrices(
///     input: try FixedDecimal("2"), cacheRead: try FixedDecimal("0.5"),
///     output: try FixedDecimal("8")))])
/// ```
public struct PriceSheet: Hashable, Sendable, Codable {
  /// The currency every price on the sheet is in.
  public let currency: Currency
  /// The tiers, in ascending order of input size.
  public let tiers: [PriceTier]
  /// Time-of-day windows with their own prices; at most one applies at any moment.
  public let windows: [TimeWindow]
  /// The IANA identifier of the zone the windows are in, such as `"Asia/Shanghai"`.
  public let timeZone: String
  /// The calendar deciding working and rest days, for windows that depend on them.
  public let holidayCalendar: HolidayCalendar?
  /// The factor applied to every price for batch requests; `nil` when batch is not offered.
  public let batchMultiplier: FixedDecimal?
  /// Free tokens granted per model, if any.
  public let freeQuota: FreeQuota?
  /// Service tiers sold beside the standard prices, such as `flex` and `priority`.
  public let serviceTiers: [ServiceTier]
  /// Fees per call of provider-run tools, such as `web_search`.
  public let toolFees: [ToolFee]
  /// Residency or regional multipliers a request can choose, such as `us`.
  public let uplifts: [PriceUplift]
  /// The price of keeping one million tokens in an explicit cache for one hour, where the
  /// provider bills cache storage (Volcano Engine, Gemini); `nil` when it does not.
  public let cacheStorage: FixedDecimal?

  /// The largest accepted price per million tokens (or per request).
  ///
  /// It is 100,000 currency units. Larger values are almost always a per-token or per-thousand price entered as
  /// per-million.
  public static let maximumPricePerMillion = FixedDecimal(100_000)

  /// Creates a validated sheet.
  ///
  /// - Parameters:
  ///   - currency: The currency of every price.
  ///   - tiers: The tiers, ascending by input size; a single tier for flat pricing.
  ///   - windows: Time-of-day windows; the default is none.
  ///   - timeZone: The IANA zone of the windows; the default is `"UTC"`.
  ///   - holidayCalendar: The calendar for windows on working or rest days.
  ///   - batchMultiplier: The batch factor, or `nil` when batch is not offered.
  ///   - freeQuota: The free quota, if any.
  ///   - serviceTiers: Service tiers beside the standard prices; the default is none.
  ///   - toolFees: Fees per tool call; the default is none.
  ///   - uplifts: Residency multipliers; the default is none.
  ///   - cacheStorage: The cache storage price per million token-hours, or `nil`.
  /// - Throws: ``PricingError/Code/invalidPriceSheet`` naming the first broken rule;
  ///   ``PricingError/Code/unknownTimeZone`` for an unknown zone.
  public init(
    currency: Currency,
    tiers: [PriceTier],
    windows: [TimeWindow] = [],
    timeZone: String = "UTC",
    holidayCalendar: HolidayCalendar? = nil,
    batchMultiplier: FixedDecimal? = nil,
    freeQuota: FreeQuota? = nil,
    serviceTiers: [ServiceTier] = [],
    toolFees: [ToolFee] = [],
    uplifts: [PriceUplift] = [],
    cacheStorage: FixedDecimal? = nil
  ) throws {
    try Self.validate(tiers: tiers, context: "tiers")
    try Self.validate(serviceTiers: serviceTiers, hasWindows: !windows.isEmpty)
    try Self.validate(toolFees: toolFees, uplifts: uplifts)
    if let cacheStorage, cacheStorage < .zero || cacheStorage > Self.maximumPricePerMillion {
      throw Self.invalid(
        "cache storage price \(cacheStorage) must be 0 to \(Self.maximumPricePerMillion)"
      )
    }
    for (index, window) in windows.enumerated() {
      switch window.effect {
      case .multiplier(let factor):
        guard factor >= .zero else {
          throw Self.invalid("window '\(window.name)' has a negative multiplier \(factor)")
        }
      case .tiers(let windowTiers):
        try Self.validate(tiers: windowTiers, context: "window '\(window.name)' tiers")
      }
      switch window.days {
      case .workingDays, .restDays, .weekdaysExceptHolidays:
        guard holidayCalendar != nil else {
          throw Self.invalid(
            "window '\(window.name)' depends on working days but the sheet has no holiday calendar"
          )
        }
      case .weekdays(let days) where days.isEmpty:
        throw Self.invalid("window '\(window.name)' applies on no weekday")
      case .weekdaysExceptHolidays(let days) where days.isEmpty:
        throw Self.invalid("window '\(window.name)' applies on no weekday")
      default: break
      }
      guard window.start != window.end else {
        throw Self.invalid("window '\(window.name)' starts and ends at \(window.start)")
      }
      for other in windows[..<index] where other.overlaps(window) {
        throw Self.invalid("windows '\(other.name)' and '\(window.name)' overlap")
      }
    }
    guard TimeZone(identifier: timeZone) != nil else {
      throw PricingError(
        .unknownTimeZone,
        "'\(timeZone)' is not a known time zone; use an IANA identifier such as Asia/Shanghai"
      )
    }
    if let batchMultiplier, batchMultiplier <= .zero {
      throw Self.invalid("batch multiplier \(batchMultiplier) must be greater than zero")
    }
    self.currency = currency
    self.tiers = tiers
    self.windows = windows
    self.timeZone = timeZone
    self.holidayCalendar = holidayCalendar
    self.batchMultiplier = batchMultiplier
    self.freeQuota = freeQuota
    self.serviceTiers = serviceTiers
    self.toolFees = toolFees
    self.uplifts = uplifts
    self.cacheStorage = cacheStorage
  }

  private static func validate(serviceTiers: [ServiceTier], hasWindows: Bool) throws {
    var names: Set<String> = []
    for tier in serviceTiers {
      let name = tier.name.lowercased()
      guard !name.isEmpty, !ServiceTier.standardNames.contains(name) else {
        throw invalid(
          "service tier '\(tier.name)' needs a name other than standard, default or auto"
        )
      }
      guard names.insert(name).inserted else {
        throw invalid("service tier '\(tier.name)' is listed twice")
      }
      switch tier.effect {
      case .multiplier(let factor):
        guard factor > .zero else {
          throw invalid("service tier '\(tier.name)' has multiplier \(factor); it must be above 0")
        }
      case .tiers(let own):
        // Own prices replace the standard tiers; with time windows it would be unclear
        // which of the two a request in a window gets, so the combination is refused.
        guard !hasWindows else {
          throw invalid(
            "service tier '\(tier.name)' has its own tiers on a sheet with time windows; "
              + "give it a multiplier instead"
          )
        }
        try validate(tiers: own, context: "service tier '\(tier.name)' tiers")
      }
    }
  }

  private static func validate(toolFees: [ToolFee], uplifts: [PriceUplift]) throws {
    var names: Set<String> = []
    for fee in toolFees {
      guard !fee.name.isEmpty, names.insert(fee.name.lowercased()).inserted else {
        throw invalid("tool fee '\(fee.name)' is unnamed or listed twice")
      }
      guard fee.perCall >= .zero, fee.perCall <= maximumPricePerMillion else {
        throw invalid(
          "tool fee '\(fee.name)' costs \(fee.perCall) per call; it must be 0 to "
            + "\(maximumPricePerMillion)"
        )
      }
      if let free = fee.freeCalls, free.calls < 1 {
        throw invalid(
          "tool fee '\(fee.name)' grants \(free.calls) free calls; omit freeCalls for none"
        )
      }
    }
    names = []
    for uplift in uplifts {
      guard !uplift.name.isEmpty, uplift.name.lowercased() != "global",
        names.insert(uplift.name.lowercased()).inserted
      else {
        throw invalid("uplift '\(uplift.name)' is unnamed, named global or listed twice")
      }
      guard uplift.multiplier > .zero else {
        throw invalid(
          "uplift '\(uplift.name)' has multiplier \(uplift.multiplier); it must be above 0"
        )
      }
    }
  }

  private static func invalid(_ message: String) -> PricingError {
    PricingError(.invalidPriceSheet, message)
  }

  /// Checks prices and that tiers cover sizes from 0 with no gap and no overlap.
  private static func validate(tiers: [PriceTier], context: String) throws {
    guard !tiers.isEmpty else { throw invalid("\(context): a sheet needs at least one tier") }
    for (index, tier) in tiers.enumerated() {
      for (component, price) in tier.prices.explicitPrices {
        guard price >= .zero else {
          throw invalid("\(context)[\(index)] \(component) price \(price) is negative")
        }
        guard price <= maximumPricePerMillion else {
          throw invalid(
            "\(context)[\(index)] \(component) price \(price) per million tokens is above "
              + "\(maximumPricePerMillion); is it a per-token or per-thousand price?"
          )
        }
      }
      guard !tier.input.isEmpty, !(tier.output?.isEmpty ?? false) else {
        throw invalid("\(context)[\(index)] covers no request size")
      }
    }
    // Group consecutive tiers with the same input range into bands.
    var bands: [[PriceTier]] = []
    for tier in tiers {
      if let last = bands.last?.last, last.input == tier.input {
        bands[bands.count - 1].append(tier)
      } else {
        bands.append([tier])
      }
    }
    guard let first = bands.first?.first, first.input.lower == 0, first.input.lowerIsInclusive
    else { throw invalid("\(context): the first tier must start at 0 tokens, inclusive") }
    for (index, band) in bands.enumerated() {
      if index > 0, !bands[index - 1][0].input.isFollowed(by: band[0].input) {
        throw invalid(
          "\(context): input tiers \(bands[index - 1][0].input) and \(band[0].input) "
            + "leave a gap or overlap; each must start where the previous ends"
        )
      }
      let outputs = band.map(\.output)
      if outputs.count == 1, outputs[0] == nil { continue }
      let ranges = outputs.compactMap { $0 }
      guard ranges.count == outputs.count, ranges[0].lower == 0, ranges[0].lowerIsInclusive,
        ranges.last?.upper == nil,
        zip(ranges, ranges.dropFirst()).allSatisfy({ $0.isFollowed(by: $1) })
      else {
        throw invalid(
          "\(context): the output tiers for input \(band[0].input) must start at 0, "
            + "be contiguous and end unbounded"
        )
      }
    }
  }

  private enum CodingKeys: String, CodingKey {
    case currency, tiers, windows, timeZone, holidayCalendar, batchMultiplier, freeQuota
    case serviceTiers, toolFees, uplifts, cacheStorage
  }

  /// A calendar by id (`"CN"`: built in, or declared in the catalog file being read), or a
  /// calendar written out in full.
  private static func decodeCalendar(
    _ container: KeyedDecodingContainer<CodingKeys>,
    registry: [String: HolidayCalendar]
  ) throws -> HolidayCalendar? {
    if let id = try? container.decodeIfPresent(String.self, forKey: .holidayCalendar) {
      guard let calendar = registry[id] else {
        throw DecodingError.dataCorruptedError(
          forKey: .holidayCalendar,
          in: container,
          debugDescription: "unknown holiday calendar '\(id)'; use "
            + registry.keys.sorted().joined(separator: ", ")
            + ", declare it in the catalog's holidayCalendars, or write it out in full"
        )
      }
      return calendar
    }
    return try container.decodeIfPresent(HolidayCalendar.self, forKey: .holidayCalendar)
  }

  /// Encodes the sheet; a built-in holiday calendar is written by its id, such as `"CN"`.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(currency, forKey: .currency)
    try container.encode(tiers, forKey: .tiers)
    if !windows.isEmpty { try container.encode(windows, forKey: .windows) }
    try container.encode(timeZone, forKey: .timeZone)
    if let holidayCalendar {
      if HolidayCalendar.builtIn[holidayCalendar.id] == holidayCalendar {
        try container.encode(holidayCalendar.id, forKey: .holidayCalendar)
      } else {
        try container.encode(holidayCalendar, forKey: .holidayCalendar)
      }
    }
    try container.encodeIfPresent(batchMultiplier, forKey: .batchMultiplier)
    try container.encodeIfPresent(freeQuota, forKey: .freeQuota)
    if !serviceTiers.isEmpty { try container.encode(serviceTiers, forKey: .serviceTiers) }
    if !toolFees.isEmpty { try container.encode(toolFees, forKey: .toolFees) }
    if !uplifts.isEmpty { try container.encode(uplifts, forKey: .uplifts) }
    try container.encodeIfPresent(cacheStorage, forKey: .cacheStorage)
  }

  /// Decodes a sheet through the validating initializer.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path and the broken rule.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let sheet = try decoder.validated {
      try Self(
        currency: container.decode(Currency.self, forKey: .currency),
        tiers: container.decode([PriceTier].self, forKey: .tiers),
        windows: container.decodeIfPresent([TimeWindow].self, forKey: .windows) ?? [],
        timeZone: container.decodeIfPresent(String.self, forKey: .timeZone) ?? "UTC",
        holidayCalendar: Self.decodeCalendar(
          container,
          registry: decoder.userInfo[HolidayCalendar.registryKey] as? [String: HolidayCalendar]
            ?? HolidayCalendar.builtIn
        ),
        batchMultiplier: container.decodeIfPresent(FixedDecimal.self, forKey: .batchMultiplier),
        freeQuota: container.decodeIfPresent(FreeQuota.self, forKey: .freeQuota),
        serviceTiers: container.decodeIfPresent([ServiceTier].self, forKey: .serviceTiers) ?? [],
        toolFees: container.decodeIfPresent([ToolFee].self, forKey: .toolFees) ?? [],
        uplifts: container.decodeIfPresent([PriceUplift].self, forKey: .uplifts) ?? [],
        cacheStorage: container.decodeIfPresent(FixedDecimal.self, forKey: .cacheStorage)
      )
    }
    try decoder.validated { try sheet.refusePerTokenPrices() }
    self = sheet
  }

  /// The smallest per-million price a CNY or USD sheet in a file may carry: no token sells
  /// below it, and a price typed per token (`0.0000005` for 0.5 per million) lands under it.
  static let smallestPerMillionPrice = FixedDecimal(checkedUnits: 100_000_000_000_000)

  /// Refuses a token price below ``smallestPerMillionPrice`` in CNY or USD, naming it and
  /// the per-million price it would be if it was typed per token.
  func refusePerTokenPrices() throws {
    guard currency == .cny || currency == .usd else { return }
    for (index, tier) in tiers.enumerated() {
      let prices = tier.prices
      let named: [(String, FixedDecimal?)] = [
        ("input", prices.input), ("cacheRead", prices.cacheRead),
        ("cacheWrite", prices.cacheWrite), ("cacheWrite1h", prices.cacheWrite1h),
        ("cacheWrite12h", prices.cacheWrite12h), ("output", prices.output),
        ("reasoning", prices.reasoning), ("thinkingOutput", prices.thinkingOutput),
      ]
      for case (let name, let price?) in named
      where price > .zero && price < Self.smallestPerMillionPrice {
        let perMillion = (try? price * 1_000_000).map { "\($0)" } ?? "a million times more"
        throw PricingError(
          .invalidPriceSheet,
          "tiers[\(index)].prices.\(name) is \(price) \(currency.code) per million tokens, "
            + "below \(Self.smallestPerMillionPrice): is this a per-token price? Prices are per "
            + "million tokens; per million this one would be \(perMillion)"
        )
      }
    }
  }
}
