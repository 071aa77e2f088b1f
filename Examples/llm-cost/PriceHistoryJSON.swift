import Foundation
import LLMPricing

/// The whole effective-dated price history as JSON, for `llm-cost models --history --json`:
/// every offering's entries with their sources, tiers and windows, prices as exact decimal
/// strings (never floating-point numbers).
struct PriceHistoryJSON: Encodable {
  /// One offering's history.
  struct Offering: Encodable {
    let offering: String
    let provider: String
    let model: String
    let currency: String
    let retiredAt: String?
    let successor: String?
    let entries: [Entry]
  }

  /// One period of an offering's schedule.
  struct Entry: Encodable {
    let effectiveFrom: String
    /// When the next entry (or the retirement) takes over; absent for the entry in force.
    let effectiveTo: String?
    let source: String
    let observed: String
    let lastVerified: String
    let confidence: String
    let note: String?
    let timeZone: String
    let batchMultiplier: String?
    let freeQuotaTokens: Int?
    let tiers: [Tier]
    let windows: [Listing.Window]
  }

  /// A price tier with the token ranges it applies to.
  struct Tier: Encodable {
    let tier: String
    let input: String
    let output: String?
    let prices: Listing.Prices
  }

  let offerings: [Offering]

  init(_ offerings: [LLMPricing.Offering]) {
    self.offerings = offerings.map { offering in
      let entries = offering.schedule.entries
      return Offering(
        offering: offering.id,
        provider: offering.provider.id,
        model: offering.model.id,
        currency: offering.currency.code,
        retiredAt: offering.schedule.retiredAt.map(Quote.iso),
        successor: offering.schedule.successor,
        entries: entries.indices.map { index in
          let entry = entries[index]
          let sheet = entry.sheet
          let end =
            index + 1 < entries.count
            ? Quote.iso(entries[index + 1].effectiveFrom)
            : offering.schedule.retiredAt.map(Quote.iso)
          return Entry(
            effectiveFrom: Quote.iso(entry.effectiveFrom),
            effectiveTo: end,
            source: entry.provenance.source,
            observed: entry.provenance.observed.description,
            lastVerified: entry.provenance.lastVerified.description,
            confidence: entry.provenance.confidence.rawValue,
            note: entry.provenance.note,
            timeZone: sheet.timeZone,
            batchMultiplier: sheet.batchMultiplier?.description,
            freeQuotaTokens: sheet.freeQuota?.tokens,
            tiers: sheet.tiers.map {
              Tier(
                tier: $0.label,
                input: $0.input.description,
                output: $0.output?.description,
                prices: Listing.Prices($0.prices)
              )
            },
            windows: sheet.windows.map(Listing.Window.init)
          )
        }
      )
    }
  }
}
