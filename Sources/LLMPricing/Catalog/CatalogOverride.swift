import Foundation

/// A change a user applies to one offering's prices, such as a negotiated discount.
///
/// Every price of the offering (cache, reasoning and per-request prices included) is
/// multiplied by ``multiplier`` from ``from`` on; earlier prices are kept. In a catalog
/// file it is written `{"offering": "deepseek/deepseek-chat@CNY", "multiplier": "0.8",
/// "from": "2026-01-01T00:00:00Z", "note": "negotiated 20% discount"}`.
public struct CatalogOverride: Hashable, Sendable, Codable {
  /// The offering id, `provider/model@CURRENCY`.
  public var offering: String
  /// The factor on every price, such as `0.8` for a 20% discount.
  public var multiplier: FixedDecimal
  /// When the override starts; `nil` for the whole history.
  public var from: Date?
  /// Why, for people: shown in the provenance of every overridden price.
  public var note: String

  /// Creates an override.
  ///
  /// - Parameters:
  ///   - offering: The offering id, `provider/model@CURRENCY`.
  ///   - multiplier: The factor on every price, greater than zero.
  ///   - from: When it starts; `nil` for the whole history.
  ///   - note: Why.
  public init(offering: String, multiplier: FixedDecimal, from: Date? = nil, note: String) {
    self.offering = offering
    self.multiplier = multiplier
    self.from = from
    self.note = note
  }

  /// Returns the offering with the override applied.
  ///
  /// - Parameter offering: The offering; its id must be ``offering``.
  /// - Returns: The offering with scaled prices from ``from`` on.
  /// - Throws: ``PricingError/Code/invalidPriceSheet`` when the multiplier is not positive
  ///   or a scaled price breaks a sheet rule.
  public func applied(to offering: Offering) throws -> Offering {
    guard multiplier > .zero else {
      throw PricingError(
        .invalidPriceSheet,
        "override of \(self.offering): multiplier \(multiplier) must be greater than zero"
      )
    }
    let entries = offering.schedule.entries
    var result: [PriceSchedule.Entry] = []
    func scaled(_ entry: PriceSchedule.Entry, at instant: Date) throws -> PriceSchedule.Entry {
      var copy = entry
      copy.effectiveFrom = instant
      copy.sheet = try entry.sheet.scaled(by: multiplier)
      copy.provenance.note = [entry.provenance.note, "×\(multiplier) override: \(note)"]
        .compactMap { $0 }.joined(separator: "; ")
      return copy
    }
    for (index, entry) in entries.enumerated() {
      guard let from else {
        result.append(try scaled(entry, at: entry.effectiveFrom))
        continue
      }
      let end = index + 1 < entries.count ? entries[index + 1].effectiveFrom : nil
      if entry.effectiveFrom >= from {
        result.append(try scaled(entry, at: entry.effectiveFrom))
      } else if end.map({ from < $0 }) ?? true {
        // The override starts inside this entry: keep its start, scale from `from`.
        result.append(entry)
        result.append(try scaled(entry, at: from))
      } else {
        result.append(entry)
      }
    }
    var copy = offering
    copy.schedule = try offering.schedule.replacingEntries(result)
    return copy
  }
}

extension PriceSheet {
  /// The same sheet with another holiday calendar.
  func replacingHolidayCalendar(with calendar: HolidayCalendar) throws -> PriceSheet {
    try PriceSheet(
      currency: currency,
      tiers: tiers,
      windows: windows,
      timeZone: timeZone,
      holidayCalendar: calendar,
      batchMultiplier: batchMultiplier,
      freeQuota: freeQuota,
      serviceTiers: serviceTiers,
      toolFees: toolFees,
      uplifts: uplifts,
      cacheStorage: cacheStorage
    )
  }

  /// Returns the sheet with every price multiplied by a factor.
  ///
  /// Window and service-tier multipliers are relative and stay as they are; their own tiers
  /// are scaled. Tool fees are not token prices and stay as they are.
  ///
  /// - Parameter factor: The factor, such as 0.8.
  /// - Returns: The scaled sheet.
  /// - Throws: ``PricingError`` when a scaled price breaks a sheet rule.
  public func scaled(by factor: FixedDecimal) throws -> PriceSheet {
    func scale(_ tiers: [PriceTier]) throws -> [PriceTier] {
      try tiers.map { tier in
        var copy = tier
        copy.prices = try tier.prices.scaled(by: factor)
        return copy
      }
    }
    let windows = try self.windows.map { window -> TimeWindow in
      var copy = window
      if case .tiers(let tiers) = window.effect { copy.effect = .tiers(try scale(tiers)) }
      return copy
    }
    let serviceTiers = try self.serviceTiers.map { tier -> ServiceTier in
      var copy = tier
      if case .tiers(let tiers) = tier.effect { copy.effect = .tiers(try scale(tiers)) }
      return copy
    }
    return try PriceSheet(
      currency: currency,
      tiers: try scale(tiers),
      windows: windows,
      timeZone: timeZone,
      holidayCalendar: holidayCalendar,
      batchMultiplier: batchMultiplier,
      freeQuota: freeQuota,
      serviceTiers: serviceTiers,
      toolFees: toolFees,
      uplifts: uplifts,
      cacheStorage: try cacheStorage.map { try $0 * factor }
    )
  }
}
