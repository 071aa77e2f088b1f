// catalog-codegen: turns the catalog data files into the Swift source the library compiles,
// so a binary copied alone has its catalog and starts in milliseconds (decoding the JSON at
// start-up costs about 8 ms more; see Docs/Performance.md).
//
//   swift run catalog-codegen Sources/LLMPricing/Catalog/Data OUTPUT.swift
//
// The directory holds manifest.json ({"formatVersion", "publishedAt", "providers"}) and one
// catalog file per provider, named after it.
//
// Every data file is read by `Catalog.decode(from:)`, the validating decoder users' files go
// through, and the output rebuilds the same values through the public initializers. The
// test suite checks that the library's built-in catalog equals the data files.

import Foundation
import LLMPricing

func literal(_ text: String) -> String { text.debugDescription }

func decimal(_ value: FixedDecimal) -> String { "FixedDecimal(\(literal(value.description)))" }

func optional<T>(_ value: T?, _ render: (T) -> String) -> String {
  value.map(render) ?? "nil"
}

func currency(_ value: Currency) -> String {
  switch value.code {
  case "CNY": ".cny"
  case "USD": ".usd"
  default: "try Currency(code: \(literal(value.code)))"
  }
}

func day(_ value: CalendarDay) -> String { "try CalendarDay(\(literal(value.description)))" }

func instant(_ value: Date) -> String {
  "Date(timeIntervalSince1970: \(Int64(value.timeIntervalSince1970)))"
}

func range(_ value: TokenRange) -> String {
  "TokenRange(from: \(value.lower), lowerIsInclusive: \(value.lowerIsInclusive), to: "
    + "\(optional(value.upper) { String($0) }), upperIsInclusive: \(value.upperIsInclusive))"
}

func prices(_ value: ComponentPrices) -> String {
  "ComponentPrices(input: \(decimal(value.input)), "
    + "cacheRead: \(optional(value.cacheRead, decimal)), "
    + "cacheWrite: \(optional(value.cacheWrite, decimal)), "
    + "cacheWrite1h: \(optional(value.cacheWrite1h, decimal)), "
    + "output: \(decimal(value.output)), "
    + "reasoning: \(optional(value.reasoning, decimal)), "
    + "perRequest: \(optional(value.perRequest, decimal))"
    + (value.thinkingOutput.map { ", thinkingOutput: \(decimal($0))" } ?? "")
    + (value.cacheWrite12h.map { ", cacheWrite12h: \(decimal($0))" } ?? "") + ")"
}

func tier(_ value: PriceTier) -> String {
  "PriceTier(name: \(optional(value.name, literal)), input: \(range(value.input)), "
    + "output: \(optional(value.output, range)), prices: \(prices(value.prices)))"
}

func weekdays(_ value: Set<Weekday>) -> String {
  "[" + value.sorted().map { ".\($0.rawValue)" }.joined(separator: ", ") + "]"
}

func window(_ value: TimeWindow) -> String {
  let days: String
  switch value.days {
  case .everyDay: days = ".everyDay"
  case .weekdays(let set): days = ".weekdays(\(weekdays(set)))"
  case .weekdaysExceptHolidays(let set): days = ".weekdaysExceptHolidays(\(weekdays(set)))"
  case .workingDays: days = ".workingDays"
  case .restDays: days = ".restDays"
  }
  return "TimeWindow(name: \(literal(value.name)), days: \(days), "
    + "start: try TimeOfDay(\(literal(value.start.description))), "
    + "end: try TimeOfDay(\(literal(value.end.description))), effect: \(effect(value.effect)))"
}

func effect(_ value: TimeWindow.Effect) -> String {
  switch value {
  case .multiplier(let factor): return ".multiplier(\(decimal(factor)))"
  case .tiers(let tiers): return ".tiers([" + tiers.map(tier).joined(separator: ", ") + "])"
  }
}

/// The billing rules of a sheet as extra initializer arguments; empty when it has none.
func rules(_ value: PriceSheet) -> String {
  var text = ""
  if !value.serviceTiers.isEmpty {
    text +=
      ", serviceTiers: ["
      + value.serviceTiers.map {
        "ServiceTier(name: \(literal($0.name)), effect: \(effect($0.effect)))"
      }.joined(separator: ", ") + "]"
  }
  if !value.toolFees.isEmpty {
    text +=
      ", toolFees: ["
      + value.toolFees.map { fee in
        let free = fee.freeCalls.map {
          "ToolFee.FreeCalls(calls: \($0.calls), period: .\($0.period.rawValue))"
        }
        return "ToolFee(name: \(literal(fee.name)), perCall: \(decimal(fee.perCall)), "
          + "freeCalls: \(free ?? "nil"))"
      }.joined(separator: ", ") + "]"
  }
  if let storage = value.cacheStorage { text += ", cacheStorage: \(decimal(storage))" }
  if !value.uplifts.isEmpty {
    text +=
      ", uplifts: ["
      + value.uplifts.map {
        "PriceUplift(name: \(literal($0.name)), multiplier: \(decimal($0.multiplier)))"
      }.joined(separator: ", ") + "]"
  }
  return text
}

func calendar(_ value: HolidayCalendar) throws -> String {
  guard HolidayCalendar.builtIn[value.id] == value else {
    throw PricingError(
      .invalidData,
      "holiday calendar '\(value.id)' is not a built-in calendar; declare its years in the "
        + "built-in calendar's data (HolidayCalendar+China.swift) instead"
    )
  }
  return "HolidayCalendar.builtIn[\(literal(value.id))]"
}

func sheet(_ value: PriceSheet) throws -> String {
  "try PriceSheet(currency: \(currency(value.currency)), "
    + "tiers: [" + value.tiers.map(tier).joined(separator: ", ") + "], "
    + "windows: [" + value.windows.map(window).joined(separator: ", ") + "], "
    + "timeZone: \(literal(value.timeZone)), "
    + "holidayCalendar: \(try value.holidayCalendar.map(calendar) ?? "nil"), "
    + "batchMultiplier: \(optional(value.batchMultiplier, decimal)), "
    + "freeQuota: \(optional(value.freeQuota) { "try FreeQuota(tokens: \($0.tokens), validityDays: \($0.validityDays))" })"
    + rules(value) + ")"
}

func provenance(_ value: Provenance) -> String {
  let missing = value.missing.map {
    "MissingPrice(component: \(optional($0.component) { ".\($0.rawValue)" }), "
      + "note: \(literal($0.note)))"
  }
  // Defaults are left out: the generated file is long enough to weigh on build times.
  let verified =
    value.lastVerified == value.observed ? "" : ", lastVerified: \(day(value.lastVerified))"
  let gaps = missing.isEmpty ? "" : ", missing: [\(missing.joined(separator: ", "))]"
  return "Provenance(source: \(literal(value.source)), observed: \(day(value.observed)), "
    + "confidence: .\(value.confidence.rawValue), note: \(optional(value.note, literal))"
    + verified + gaps + ")"
}

func plan(_ value: Plan) -> String {
  let allowance: String
  switch value.allowance {
  case .tokensPerMonth(let tokens): allowance = ".tokensPerMonth(\(tokens))"
  case .requests(let count, let hours): allowance = ".requests(count: \(count), perHours: \(hours))"
  }
  return "try Plan(id: \(literal(value.id)), provider: \(literal(value.provider)), "
    + "name: \(literal(value.name)), currency: \(currency(value.currency)), "
    + "monthlyFee: \(decimal(value.monthlyFee)), allowance: \(allowance), "
    + "overagePerMillion: \(optional(value.overagePerMillion, decimal)), "
    + "models: [\(value.models.map(literal).joined(separator: ", "))], "
    + "effectiveFrom: \(instant(value.effectiveFrom)), provenance: \(provenance(value.provenance)))"
}

func offeringFunction(_ value: Offering, name: String) throws -> String {
  let model = value.model
  let provider = value.provider
  var lines: [String] = []
  lines.append("  /// \(value.id).")
  lines.append("  private static func \(name)() throws -> Offering {")
  lines.append("    var entries: [PriceSchedule.Entry] = []")
  for entry in value.schedule.entries {
    lines.append(
      "    entries.append(PriceSchedule.Entry(effectiveFrom: \(instant(entry.effectiveFrom)), "
        + "sheet: \(try sheet(entry.sheet)), provenance: \(provenance(entry.provenance))))"
    )
  }
  lines.append(
    "    let model = Model(id: \(literal(model.id)), aliases: ["
      + model.aliases.map(literal).joined(separator: ", ") + "], vendor: \(literal(model.vendor)), "
      + "family: \(literal(model.family)), openWeights: \(optional(model.openWeights) { "\($0)" }), "
      + "contextWindow: \(optional(model.contextWindow) { "\($0)" }), "
      + "maxOutput: \(optional(model.maxOutput) { "\($0)" }), "
      + "releaseDate: \(optional(model.releaseDate, day)), modalities: ["
      + model.modalities.map(literal).joined(separator: ", ") + "])"
  )
  lines.append(
    "    let provider = Provider(id: \(literal(provider.id)), name: \(literal(provider.name)), "
      + "country: \(literal(provider.country)), homeCurrency: \(currency(provider.homeCurrency)), "
      + "timeZone: \(literal(provider.timeZone)), pricingPage: \(literal(provider.pricingPage)))"
  )
  let schedule = value.schedule
  lines.append(
    "    let schedule = try PriceSchedule(entries: entries, "
      + "retiredAt: \(optional(schedule.retiredAt, instant)), "
      + "successor: \(optional(schedule.successor, literal)), "
      + "retirementSource: \(optional(schedule.retirementSource, literal)))"
  )
  lines.append(
    "    return Offering(model: model, provider: provider, region: \(literal(value.region)), "
      + "schedule: schedule)"
  )
  lines.append("  }")
  return lines.joined(separator: "\n")
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
  FileHandle.standardError.write(Data("usage: catalog-codegen DATA_DIRECTORY OUTPUT.swift\n".utf8))
  exit(2)
}
do {
  let directory = URL(fileURLWithPath: arguments[1])
  // The manifest: the catalog's publication instant and the providers in catalog order.
  struct Manifest: Decodable {
    var formatVersion: Int
    var publishedAt: Date
    var providers: [String]
  }
  let decoder = JSONDecoder()
  decoder.dateDecodingStrategy = .iso8601
  let manifest = try decoder.decode(
    Manifest.self,
    from: try Data(contentsOf: directory.appendingPathComponent("manifest.json"))
  )
  guard manifest.formatVersion == Catalog.formatVersion else {
    throw PricingError(.invalidData, "manifest.json is format \(manifest.formatVersion)")
  }
  let order = manifest.providers
  var functions: [String] = []
  var calls: [String] = []
  var plans: [String] = []
  for provider in order {
    let file = directory.appendingPathComponent("\(provider).json")
    let catalog: Catalog
    do {
      catalog = try Catalog.decode(from: try Data(contentsOf: file))
    } catch let error as PricingError {
      throw PricingError(error.code, "\(file.lastPathComponent): \(error.message)")
    }
    for (index, offering) in catalog.offerings.enumerated() {
      guard offering.provider.id == provider else {
        throw PricingError(
          .invalidData,
          "\(file.lastPathComponent): offerings[\(index)] is \(offering.id), not a \(provider) offering"
        )
      }
      let name = "offering" + String(calls.count)
      functions.append(try offeringFunction(offering, name: name))
      calls.append("try \(name)()")
    }
    plans += catalog.plans.map(plan)
  }
  let source = """
    // Generated by `bash Scripts/generate-catalog.sh` from Sources/LLMPricing/Catalog/Data.
    // Do not edit: edit the data files and generate again.

    import Foundation

    extension Catalog {
      /// When the built-in catalog was published (`publishedAt` in manifest.json).
      static let generatedPublishedAt = \(instant(manifest.publishedAt))

      /// The built-in offerings, from the catalog data files, in their order.
      static func generatedOfferings() throws -> [Offering] {
        [
          \(calls.joined(separator: ",\n      "))
        ]
      }

      /// The built-in plans, from the catalog data files, in their order.
      static func generatedPlans() throws -> [Plan] {
        [
          \(plans.joined(separator: ",\n      "))
        ]
      }

    \(functions.joined(separator: "\n\n"))
    }

    """
  try Data(source.utf8).write(to: URL(fileURLWithPath: arguments[2]))
} catch {
  FileHandle.standardError.write(Data("catalog-codegen: \(error)\n".utf8))
  exit(1)
}
