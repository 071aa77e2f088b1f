import Foundation

/// How current a catalog is at an instant: prices not verified for a while, offerings that
/// retire soon, and published prices the catalog lacks.
///
/// A pricing catalog goes stale quietly: a provider cuts a price or retires a model, and
/// bills keep coming out at the old figure. `llm-cost catalog check` prints this report.
///
/// ```swift
/// let report = Catalog.builtIn.freshness(at: Date(), maximumAgeInDays: 90)
/// for entry in report.unverified { print(entry.offering, entry.lastVerified) }
/// for gap in report.missingPrices { print(gap.offering, gap.note) }
/// ```
public struct CatalogFreshness: Hashable, Sendable, Codable {
  /// An offering whose prices in force were last verified too long ago.
  public struct Unverified: Hashable, Sendable, Codable {
    /// The offering id.
    public var offering: String
    /// The day its prices in force were last verified (``Provenance/lastVerified``).
    public var lastVerified: CalendarDay
    /// Whole days from then to the report's instant.
    public var ageDays: Int
    /// Where the prices come from.
    public var source: String
  }

  /// An offering that retires within the report's window.
  public struct Retirement: Hashable, Sendable, Codable {
    /// The offering id.
    public var offering: String
    /// When it retires.
    public var retiredAt: Date
    /// The successor its provider names, if any.
    public var successor: String?
    /// Where the retirement was announced, if recorded.
    public var source: String?
  }

  /// A price the provider publishes that an offering in force lacks.
  public struct Missing: Hashable, Sendable, Codable {
    /// The offering id.
    public var offering: String
    /// The component, or `nil` for a range of requests such as a context tier.
    public var component: CostComponent?
    /// What is missing and why.
    public var note: String
  }

  /// The instant the report describes.
  public var at: Date
  /// The greatest accepted age of a verification, in days.
  public var maximumAgeInDays: Int
  /// How far ahead retirements are listed, in days.
  public var retirementWindowDays: Int
  /// Offerings in force whose prices were last verified more than ``maximumAgeInDays`` ago,
  /// oldest first.
  public var unverified: [Unverified]
  /// Offerings retiring after ``at`` and within ``retirementWindowDays``, soonest first.
  public var upcomingRetirements: [Retirement]
  /// Published prices that offerings in force lack, by offering.
  public var missingPrices: [Missing]
  /// How many offerings are in force at ``at``.
  public var offeringsInForce: Int
}

extension Catalog {
  /// Reports how current the catalog is at an instant.
  ///
  /// - Parameters:
  ///   - instant: The instant, usually now.
  ///   - maximumAgeInDays: The greatest accepted age of the prices in force.
  ///   - retirementWindowDays: How far ahead to list retirements; the default is 60.
  /// - Returns: The unverified offerings, the upcoming retirements and the missing prices.
  public func freshness(
    at instant: Date,
    maximumAgeInDays: Int,
    retirementWindowDays: Int = 60
  ) -> CatalogFreshness {
    let today = CalendarDay(utcDateOf: instant)
    var unverified: [CatalogFreshness.Unverified] = []
    var retirements: [CatalogFreshness.Retirement] = []
    var missing: [CatalogFreshness.Missing] = []
    var inForce = 0
    for offering in offerings {
      let schedule = offering.schedule
      if let retiredAt = schedule.retiredAt, retiredAt > instant,
        retiredAt.timeIntervalSince(instant) <= TimeInterval(retirementWindowDays) * 86_400
      {
        retirements.append(
          CatalogFreshness.Retirement(
            offering: offering.id,
            retiredAt: retiredAt,
            successor: schedule.successor,
            source: schedule.retirementSource
          )
        )
      }
      guard let entry = try? schedule.entry(at: instant) else { continue }
      inForce += 1
      missing += entry.provenance.missing.map {
        CatalogFreshness.Missing(offering: offering.id, component: $0.component, note: $0.note)
      }
      let age = today.daysSinceEpoch - entry.provenance.lastVerified.daysSinceEpoch
      if age > maximumAgeInDays {
        unverified.append(
          CatalogFreshness.Unverified(
            offering: offering.id,
            lastVerified: entry.provenance.lastVerified,
            ageDays: age,
            source: entry.provenance.source
          )
        )
      }
    }
    return CatalogFreshness(
      at: instant,
      maximumAgeInDays: maximumAgeInDays,
      retirementWindowDays: retirementWindowDays,
      unverified: unverified.sorted {
        ($0.lastVerified, $0.offering) < ($1.lastVerified, $1.offering)
      },
      upcomingRetirements: retirements.sorted {
        ($0.retiredAt, $0.offering) < ($1.retiredAt, $1.offering)
      },
      missingPrices: missing,
      offeringsInForce: inForce
    )
  }
}
