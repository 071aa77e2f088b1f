import Foundation
import LLMPricing

/// The whole effective-dated price table as CSV, one row per offering, period, tier,
/// window and component, for pricing billions of rows with a join in a warehouse.
enum PriceHistoryCSV {
  static let header = [
    "offering", "provider", "model", "currency", "effective_from", "effective_to", "tier",
    "input_lower", "input_lower_inclusive", "input_upper", "input_upper_inclusive",
    "output_lower", "output_lower_inclusive", "output_upper", "output_upper_inclusive",
    "window", "window_days", "window_start", "window_end", "time_zone", "component",
    "price_per_million", "batch_multiplier", "confidence", "source",
  ]

  static func render(_ offerings: [Offering]) throws -> String {
    var rows = [header.joined(separator: ",")]
    for offering in offerings {
      let entries = offering.schedule.entries
      for (index, entry) in entries.enumerated() {
        let end =
          index + 1 < entries.count
          ? Quote.iso(entries[index + 1].effectiveFrom)
          : offering.schedule.retiredAt.map(Quote.iso) ?? ""
        let sheet = entry.sheet
        var variants: [(window: TimeWindow?, tiers: [PriceTier])] = [(nil, sheet.tiers)]
        for window in sheet.windows {
          switch window.effect {
          case .tiers(let tiers): variants.append((window, tiers))
          case .multiplier(let factor):
            let scaled = try sheet.tiers.map { tier -> PriceTier in
              var copy = tier
              copy.prices = try tier.prices.scaled(by: factor)
              return copy
            }
            variants.append((window, scaled))
          }
        }
        for (window, tiers) in variants {
          for tier in tiers {
            for component in CostComponent.allCases {
              if component == .requests, tier.prices.perRequest == nil { continue }
              let fields: [String] = [
                offering.id, offering.provider.id, offering.model.id, offering.currency.code,
                Quote.iso(entry.effectiveFrom), end, tier.label,
                String(tier.input.lower), String(tier.input.lowerIsInclusive),
                tier.input.upper.map(String.init) ?? "", String(tier.input.upperIsInclusive),
                tier.output.map { String($0.lower) } ?? "",
                tier.output.map { String($0.lowerIsInclusive) } ?? "",
                tier.output?.upper.map(String.init) ?? "",
                tier.output.map { String($0.upperIsInclusive) } ?? "",
                window?.name ?? "", window.map { Listing.describe($0.days) } ?? "",
                window?.start.description ?? "", window?.end.description ?? "", sheet.timeZone,
                component.rawValue, tier.prices.effectivePrice(of: component).description,
                sheet.batchMultiplier?.description ?? "",
                entry.provenance.confidence.rawValue, entry.provenance.source,
              ]
              rows.append(fields.map(Output.csvField).joined(separator: ","))
            }
          }
        }
      }
    }
    return rows.joined(separator: "\n")
  }

}
