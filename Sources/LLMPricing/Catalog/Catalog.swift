import Foundation

/// A searchable set of offerings.
///
/// ```swift
/// let offering = try Catalog.builtIn.offering(model: "deepseek-chat", currency: .cny)
/// ```
public struct Catalog: Hashable, Sendable {
  /// The version of the JSON format this library reads and writes.
  public static let formatVersion = 1

  /// The offerings, in a stable order.
  public let offerings: [Offering]
  /// Changes to apply to offerings when this catalog is merged onto another, such as a
  /// negotiated discount on a built-in offering.
  public let overrides: [CatalogOverride]
  /// The holiday calendars the catalog's price sheets and workloads use, by id.
  ///
  /// A workload projected on this catalog resolves its ``WorkloadProfile/holidayCalendar``
  /// here (or in the offering's own sheet), so a year added with
  /// ``replacingHolidayCalendar(_:)`` moves prices and traffic alike.
  public let holidayCalendars: [String: HolidayCalendar]
  /// When this catalog was published: what tells an update newer than the catalog in use
  /// (see ``CatalogStore``); `nil` for a catalog that is not a publication, such as a
  /// user's overlay.
  public let publishedAt: Date?
  /// Subscription plans sold beside pay-as-you-go (``Plan``).
  public let plans: [Plan]

  /// Creates a catalog.
  ///
  /// - Parameters:
  ///   - offerings: The offerings.
  ///   - overrides: Changes to apply when this catalog is merged onto another.
  ///   - holidayCalendars: Calendars to use by id: the built-in ones, then those the
  ///     offerings' sheets carry, then these, each replacing the one before with its id.
  ///     Sheets keep the calendar they carry; use ``replacingHolidayCalendar(_:)`` to
  ///     change theirs.
  ///   - publishedAt: When the catalog was published, if it is a publication.
  ///   - plans: Subscription plans; the default is none.
  public init(
    offerings: [Offering],
    overrides: [CatalogOverride] = [],
    holidayCalendars: [HolidayCalendar] = [],
    publishedAt: Date? = nil,
    plans: [Plan] = []
  ) {
    self.offerings = offerings
    self.overrides = overrides
    self.publishedAt = publishedAt
    self.plans = plans
    var calendars = HolidayCalendar.builtIn
    for offering in offerings {
      for entry in offering.schedule.entries {
        if let calendar = entry.sheet.holidayCalendar { calendars[calendar.id] = calendar }
      }
    }
    for calendar in holidayCalendars { calendars[calendar.id] = calendar }
    self.holidayCalendars = calendars
  }

  /// Returns the catalog with a holiday calendar replaced (or added) by id, in its
  /// ``holidayCalendars`` and in every price sheet that uses a calendar with that id.
  ///
  /// This is how a year's official arrangement reaches every price without rebuilding
  /// sheets by hand:
  ///
  /// ```swift
  /// let cn = try HolidayCalendar.chinaMainland.adding(
  ///   year: 2027, holidays: holidays2027, makeUpWorkingDays: makeUp2027,
  ///   source: "State Council notice, https://www.gov.cn/…")
  /// let catalog = try Catalog.builtIn.replacingHolidayCalendar(cn)
  /// ```
  ///
  /// - Parameter calendar: The calendar; its id says which it replaces.
  /// - Returns: The catalog with the calendar in place.
  /// - Throws: ``PricingError`` when a rebuilt sheet breaks a rule (it cannot, for a sheet
  ///   that was valid before).
  public func replacingHolidayCalendar(_ calendar: HolidayCalendar) throws -> Catalog {
    var replaced: [Offering] = []
    for var offering in offerings {
      let entries = offering.schedule.entries
      if entries.contains(where: { $0.sheet.holidayCalendar?.id == calendar.id }) {
        offering.schedule = try offering.schedule.replacingEntries(
          try entries.map { entry in
            guard entry.sheet.holidayCalendar?.id == calendar.id else { return entry }
            var copy = entry
            copy.sheet = try entry.sheet.replacingHolidayCalendar(with: calendar)
            return copy
          }
        )
      }
      replaced.append(offering)
    }
    var calendars = holidayCalendars
    calendars[calendar.id] = calendar
    return Catalog(
      offerings: replaced,
      overrides: overrides,
      holidayCalendars: Array(calendars.values),
      publishedAt: publishedAt,
      plans: plans
    )
  }

  /// Returns the catalog with every holiday calendar strict: a price or projection that
  /// depends on a year without an official arrangement throws
  /// ``PricingError/Code/calendarOutOfRange`` instead of using provisional rules.
  ///
  /// `llm-cost --strict-calendar` prices with this.
  ///
  /// - Returns: The strict catalog.
  /// - Throws: The errors of ``replacingHolidayCalendar(_:)``.
  public func requiringOfficialHolidayYears() throws -> Catalog {
    var catalog = self
    for id in holidayCalendars.keys.sorted() {
      if let calendar = catalog.holidayCalendars[id] {
        catalog = try catalog.replacingHolidayCalendar(calendar.requiringOfficialYears())
      }
    }
    return catalog
  }

  /// The holiday calendar with an id, as this catalog's sheets use it.
  ///
  /// - Parameter id: The calendar's id, such as `"CN"`.
  /// - Returns: The calendar.
  /// - Throws: ``PricingError/Code/invalidData`` naming the id and the known ones.
  public func holidayCalendar(id: String) throws -> HolidayCalendar {
    try HolidayCalendar.named(id, in: holidayCalendars)
  }

  /// Returns this catalog with another laid over it.
  ///
  /// Offerings of `other` replace offerings with the same id (a private deployment's own
  /// price) and are otherwise added; then `other`'s overrides are applied; then each of
  /// `other`'s holiday calendars that differs from this catalog's replaces it, in every
  /// sheet (see ``replacingHolidayCalendar(_:)``).
  ///
  /// ```swift
  /// let mine = try Catalog.decode(from: data)  // {"overrides": [{"offering": …, "multiplier": "0.8", …}]}
  /// let catalog = try Catalog.builtIn.merging(mine)
  /// ```
  ///
  /// - Parameter other: The catalog laid over this one.
  /// - Returns: The merged catalog, with no overrides left to apply.
  /// - Throws: ``PricingError/Code/unknownModel`` when an override names no offering;
  ///   the errors of ``CatalogOverride/applied(to:)``.
  public func merging(_ other: Catalog) throws -> Catalog {
    var merged = offerings
    for offering in other.offerings {
      if let index = merged.firstIndex(where: { $0.id == offering.id }) {
        merged[index] = offering
      } else {
        merged.append(offering)
      }
    }
    for override in other.overrides {
      guard
        let index = merged.firstIndex(where: {
          $0.id.lowercased() == override.offering.lowercased()
        })
      else {
        throw PricingError(
          .unknownModel,
          "override names unknown offering '\(override.offering)'; closest: "
            + ClosestNames.closest(to: override.offering, among: merged.map(\.id)).joined(
              separator: ", "
            )
        )
      }
      merged[index] = try override.applied(to: merged[index])
    }
    // A plan with the same id is replaced; others are added.
    let replacing = Set(other.plans.map(\.id))
    var result = Catalog(
      offerings: merged,
      holidayCalendars: Array(holidayCalendars.values),
      publishedAt: publishedAt,
      plans: plans.filter { !replacing.contains($0.id) } + other.plans
    )
    for id in other.holidayCalendars.keys.sorted() {
      guard let calendar = other.holidayCalendars[id], holidayCalendars[id] != calendar else {
        continue
      }
      result = try result.replacingHolidayCalendar(calendar)
    }
    return result
  }

  /// The offerings of a model, matched case-insensitively by id or alias, optionally
  /// in `provider/model` form.
  ///
  /// - Parameters:
  ///   - model: A model id or alias, such as `"deepseek-chat"` or `"DeepSeek/deepseek-chat"`.
  ///   - provider: A provider id to restrict the search to, if any.
  /// - Returns: Every matching offering, in catalog order.
  /// - Throws: ``PricingError/Code/unknownModel`` naming the id and the three closest ids.
  public func offerings(model: String, provider: String? = nil) throws -> [Offering] {
    var wantedModel = model.lowercased()
    var wantedProvider = provider?.lowercased()
    if let slash = wantedModel.firstIndex(of: "/") {
      wantedProvider = wantedProvider ?? String(wantedModel[..<slash])
      wantedModel = String(wantedModel[wantedModel.index(after: slash)...])
    }
    func matching(_ id: String) -> [Offering] {
      offerings.filter { offering in
        (wantedProvider == nil || offering.provider.id == wantedProvider)
          && ([offering.model.id] + offering.model.aliases).contains { $0.lowercased() == id }
      }
    }
    let matches = matching(wantedModel)
    guard matches.isEmpty else { return matches }
    // A dated snapshot id (gpt-4o-2024-08-06, doubao-seed-1-6-250615) reaches its model
    // when the snapshot itself is not listed.
    if let base = Self.withoutSnapshotSuffix(wantedModel) {
      let snapshotMatches = matching(base)
      if !snapshotMatches.isEmpty { return snapshotMatches }
    }
    let known = Set(offerings.flatMap { [$0.model.id] + $0.model.aliases })
    let closest = ClosestNames.closest(to: wantedModel, among: known)
    let scope = wantedProvider.map { " from provider '\($0)'" } ?? ""
    throw PricingError(
      .unknownModel,
      "unknown model '\(model)'\(scope); closest: \(closest.joined(separator: ", ")). "
        + "Check the id, or list the catalog's offerings"
    )
  }

  /// The offering of a model: the list published in `currency`, or, without a currency,
  /// the provider's home-currency list.
  ///
  /// ```swift
  /// let flash = try Catalog.builtIn.offering(model: "deepseek-flash", currency: .cny)
  /// ```
  ///
  /// - Parameters:
  ///   - model: A model id or alias, optionally as `provider/model`.
  ///   - provider: A provider id, if any.
  ///   - currency: The currency whose published list is wanted; `nil` for the list the
  ///     provider publishes natively (see ``preferredOffering(model:provider:currency:)``
  ///     for "this currency if published, else the native list").
  /// - Returns: The offering.
  /// - Throws: ``PricingError/Code/unknownModel`` naming the id and the closest ids;
  ///   ``PricingError/Code/currencyNotOffered`` naming the currencies the model is
  ///   published in, when none of its lists is in `currency` (price it natively and
  ///   convert, as ``price(_:model:provider:at:in:rates:batch:options:)`` does).
  public func offering(
    model: String,
    provider: String? = nil,
    currency: Currency? = nil
  ) throws -> Offering {
    guard let currency else {
      return try preferredOffering(model: model, provider: provider, currency: nil)
    }
    let candidates = try offerings(model: model, provider: provider)
    if let match = candidates.first(where: { $0.currency == currency }) { return match }
    let published = candidates.map { "\($0.id)" }.joined(separator: ", ")
    throw PricingError(
      .currencyNotOffered,
      "'\(model)' has no price list in \(currency.code); it is published as \(published). "
        + "Pass currency: nil for the native list, or price it with "
        + "Catalog.price(_:model:at:in:) to convert"
    )
  }

  /// The offering to price a model with: the list published in `currency` when there is
  /// one, otherwise the provider's home-currency list (the one it publishes natively),
  /// otherwise the first.
  ///
  /// - Parameters:
  ///   - model: A model id or alias.
  ///   - provider: A provider id, if any.
  ///   - currency: The currency the caller reports in, if any.
  /// - Returns: The preferred offering; convert its prices when its currency differs.
  /// - Throws: ``PricingError/Code/unknownModel`` naming the id and the closest ids.
  public func preferredOffering(
    model: String,
    provider: String? = nil,
    currency: Currency?
  ) throws -> Offering {
    let candidates = try offerings(model: model, provider: provider)
    return currency.flatMap { code in candidates.first { $0.currency == code } }
      ?? candidates.first { $0.currency == $0.provider.homeCurrency } ?? candidates[0]
  }

  /// The id without a trailing date: `-2024-08-06`, `-20241022` or `-250615`; `nil` when
  /// it has none.
  static func withoutSnapshotSuffix(_ id: String) -> String? {
    let parts = id.split(separator: "-", omittingEmptySubsequences: false)
    func isDigits(_ part: Substring, _ count: Int) -> Bool {
      part.count == count && part.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }
    if parts.count > 3, isDigits(parts[parts.count - 3], 4), isDigits(parts[parts.count - 2], 2),
      isDigits(parts[parts.count - 1], 2)
    {
      return parts.dropLast(3).joined(separator: "-")
    }
    if parts.count > 1, let last = parts.last,
      isDigits(last, 8) || isDigits(last, 6) || isDigits(last, 4)
    {
      return parts.dropLast().joined(separator: "-")
    }
    return nil
  }
}

extension Catalog {
  /// The catalog compiled into the library.
  ///
  /// Chinese providers in CNY (and their own USD lists where they publish one) beside US
  /// providers in USD, with price history. The data lives in catalog-format files, one per
  /// provider (`Sources/LLMPricing/Catalog/Data`), compiled in by
  /// `Scripts/generate-catalog.sh`, so a binary copied alone has its catalog. Every entry
  /// carries its source URL, the day it was observed, and a confidence mark;
  /// `Docs/CatalogSources.md` lists the sources and the gaps.
  public static let builtIn = Catalog(
    offerings: (try? makeBuiltIn()) ?? [],
    publishedAt: generatedPublishedAt,
    plans: (try? generatedPlans()) ?? []
  )

  /// Builds the built-in offerings, throwing the first invalid value.
  ///
  /// ``builtIn`` uses this and falls back to an empty catalog rather than crash; the
  /// test suite calls it directly so that a bad edit fails the tests.
  ///
  /// - Returns: The built-in offerings.
  /// - Throws: ``PricingError`` naming the first invalid built-in value.
  public static func makeBuiltIn() throws -> [Offering] {
    try generatedOfferings()
  }

  /// Builds the built-in plans, throwing the first invalid value; see ``makeBuiltIn()``.
  ///
  /// - Returns: The built-in plans.
  /// - Throws: ``PricingError`` naming the first invalid built-in value.
  public static func makeBuiltInPlans() throws -> [Plan] {
    try generatedPlans()
  }

  /// The plan with an id.
  ///
  /// - Parameter id: The plan's id, compared case-insensitively.
  /// - Returns: The plan.
  /// - Throws: ``PricingError/Code/unknownModel`` naming the closest plan ids.
  public func plan(id: String) throws -> Plan {
    if let plan = plans.first(where: { $0.id.lowercased() == id.lowercased() }) { return plan }
    throw PricingError(
      .unknownModel,
      "no plan '\(id)'; closest: "
        + ClosestNames.closest(to: id, among: plans.map(\.id)).joined(separator: ", ")
    )
  }
}
