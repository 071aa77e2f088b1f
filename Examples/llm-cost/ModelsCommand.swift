import Foundation
import LLMPricing

/// `llm-cost models`: lists offerings with the prices in force at an instant.
enum ModelsCommand {
  static let spec = CommandSpec(
    name: "models",
    abstract: "List the offerings that have a price in force at an instant, with that price, "
      + "its tiers and time windows, and its source; or, with --history, every offering's "
      + "whole effective-dated price history.",
    usage: [
      "models [--provider ID] [--currency CODE] [--at ISO8601]",
      "       [--json | --csv | --markdown]",
      "models --history (--csv | --json) [--provider ID] [--currency CODE]",
    ],
    discussion: [
      "An offering with time windows (such as DeepSeek's peak hours) shows each window's "
        + "price beside the base price, e.g. 1 (peak 2)."
    ],
    groups: [
      OptionGroup(
        "OPTIONS",
        [
          .value("provider", "ID", "Only this provider's offerings, e.g. deepseek."),
          .value("currency", "CODE", "Only offerings published in this currency, e.g. CNY."),
          .value("at", "ISO8601", "The instant of the listing (default: now)."),
          .flag(
            "history",
            "Print every offering's whole effective-dated price history instead of the prices "
              + "in force: with --csv one row per offering, period, tier, window and component "
              + "(for a join in a data warehouse); with --json {\"offerings\": [{\"offering\", "
              + "\"provider\", \"model\", \"currency\", \"entries\": [{\"effectiveFrom\", "
              + "\"effectiveTo\", \"source\", \"observed\", \"lastVerified\", \"tiers\", "
              + "\"windows\", …}]}]} with exact decimal strings."
          ),
          .flag(
            "json",
            "Print {\"offerings\": [{\"model\", \"provider\", \"currency\", \"prices\", "
              + "\"source\", \"effectiveFrom\", \"confidence\", …}]} with exact decimals."
          ),
          .flag("csv", "Print the listing's table as CSV; with --history, the whole history."),
          .markdown,
        ]
      ),
      PricingSetup.catalogGroup,
    ]
  )

  static func run(_ arguments: [String]) async throws {
    let options = try spec.parse(arguments)
    try options.exclusive(["json", "csv", "markdown"])
    let currency = try options.currency()
    let instant = try options.instant() ?? Date()
    let catalog = try PricingSetup.catalog(options)
    if options.flag("history") {
      let query = CatalogQuery(provider: options.string("provider"), currency: currency)
      let offerings = catalog.offerings(matching: query)
      if options.flag("csv") {
        print(try PriceHistoryCSV.render(offerings))
      } else if options.flag("json") {
        print(try Output.json(PriceHistoryJSON(offerings)))
      } else {
        throw UsageError("--history prints the effective-dated price table: add --csv or --json")
      }
      return
    }
    let query = CatalogQuery(
      provider: options.string("provider"),
      currency: currency,
      offeredAt: instant
    )
    let offerings = catalog.offerings(matching: query)
    if let provider = options.string("provider"),
      !catalog.offerings.contains(where: { $0.provider.id == provider.lowercased() })
    {
      let providers = Set(catalog.offerings.map(\.provider.id)).sorted()
      let nearest = Suggestion.closest(to: provider, among: providers).map {
        "; did you mean '\($0)'?"
      }
      throw PricingError(
        .unknownModel,
        "unknown provider '\(provider)'\(nearest ?? ""); providers: "
          + providers.joined(separator: ", ")
      )
    }
    let listing = try offerings.map { offering in
      try Listing(offering: offering, entry: offering.schedule.entry(at: instant))
    }
    if options.flag("json") {
      let body = Listing.Document(at: Quote.iso(instant), offerings: listing)
      print(try Output.json(body))
    } else if options.flag("csv") {
      print(Listing.textTable(listing).csv(), terminator: "")
    } else if options.flag("markdown") {
      print(Listing.textTable(listing).markdown())
    } else {
      print(Listing.table(listing, at: instant))
    }
  }
}

/// One offering's prices in force, for `llm-cost models`.
struct Listing: Encodable {
  private enum CodingKeys: String, CodingKey {
    case model, provider, offering, region, currency, prices, tiers, windows, timeZone
    case batchMultiplier, freeQuotaTokens, contextWindow, source, effectiveFrom, confidence
    case observed
  }

  struct Document: Encodable {
    let at: String
    let offerings: [Listing]
  }

  struct Prices: Encodable {
    let input: String
    let cacheRead: String
    let cacheWrite: String
    let cacheWrite1h: String
    let output: String
    let reasoning: String
    let perRequest: String?

    init(_ prices: ComponentPrices) {
      input = prices.effectivePrice(of: .input).description
      cacheRead = prices.effectivePrice(of: .cacheRead).description
      cacheWrite = prices.effectivePrice(of: .cacheWrite).description
      cacheWrite1h = prices.effectivePrice(of: .cacheWrite1h).description
      output = prices.effectivePrice(of: .output).description
      reasoning = prices.effectivePrice(of: .reasoning).description
      perRequest = prices.perRequest?.description
    }
  }

  struct Tier: Encodable {
    let tier: String
    let prices: Prices

    init(_ tier: PriceTier) {
      self.tier = tier.label
      prices = Prices(tier.prices)
    }
  }

  struct Window: Encodable {
    let name: String
    let start: String
    let end: String
    let days: String
    let multiplier: String?
    let tiers: [Tier]?

    init(_ window: TimeWindow) {
      name = window.name
      start = window.start.description
      end = window.end.description
      days = Listing.describe(window.days)
      switch window.effect {
      case .multiplier(let factor):
        multiplier = factor.description
        tiers = nil
      case .tiers(let list):
        multiplier = nil
        tiers = list.map(Tier.init)
      }
    }
  }

  let model: String
  let provider: String
  /// Whether the base tier has a cache-read price of its own (else hits bill as input).
  let hasCacheDiscount: Bool
  let offering: String
  let region: String
  let currency: String
  /// The first tier's prices per million tokens, after fallbacks.
  let prices: Prices
  let tiers: [Tier]
  let windows: [Window]
  let timeZone: String
  let batchMultiplier: String?
  let freeQuotaTokens: Int?
  let contextWindow: Int?
  let source: String
  let effectiveFrom: String
  let confidence: String
  let observed: String
  /// Each window's base-tier prices by window name, for the text listing (not in JSON).
  let windowPrices: [(name: String, prices: Prices)]

  init(offering: Offering, entry: PriceSchedule.Entry) {
    let sheet = entry.sheet
    model = offering.model.id
    provider = offering.provider.id
    hasCacheDiscount = sheet.tiers[0].prices.cacheRead != nil
    self.offering = offering.id
    region = offering.region
    currency = offering.currency.code
    prices = Prices(sheet.tiers[0].prices)
    tiers = sheet.tiers.map(Tier.init)
    windows = sheet.windows.map(Window.init)
    windowPrices = Self.windowPrices(sheet)
    timeZone = sheet.timeZone
    batchMultiplier = sheet.batchMultiplier?.description
    freeQuotaTokens = sheet.freeQuota?.tokens
    contextWindow = offering.model.contextWindow
    source = entry.provenance.source
    effectiveFrom = Quote.iso(entry.effectiveFrom)
    confidence = entry.provenance.confidence.rawValue
    observed = entry.provenance.observed.description
  }

  static func describe(_ days: TimeWindow.Days) -> String {
    switch days {
    case .everyDay: return "every day"
    case .weekdays(let set): return set.sorted().map(\.rawValue).joined(separator: ",")
    case .weekdaysExceptHolidays(let set):
      return set.sorted().map(\.rawValue).joined(separator: ",") + " except holidays"
    case .workingDays: return "working days"
    case .restDays: return "rest days"
    }
  }

  /// The base-tier prices of each differently named window, in the sheet's order: a
  /// window's own tiers, or the sheet's scaled by its multiplier.
  static func windowPrices(_ sheet: PriceSheet) -> [(name: String, prices: Prices)] {
    var result: [(name: String, prices: Prices)] = []
    for window in sheet.windows where !result.contains(where: { $0.name == window.name }) {
      switch window.effect {
      case .tiers(let tiers):
        if let first = tiers.first { result.append((window.name, Prices(first.prices))) }
      case .multiplier(let factor):
        if let scaled = try? sheet.tiers[0].prices.scaled(by: factor) {
          result.append((window.name, Prices(scaled)))
        }
      }
    }
    return result
  }

  /// A price cell: the base price, then each window's price beside it, as in `1 (peak 2)`.
  private func cell(_ price: KeyPath<Prices, String>) -> String {
    let base = prices[keyPath: price]
    let others = windowPrices.map { "\($0.name) \($0.prices[keyPath: price])" }
    return others.isEmpty ? base : base + " (" + others.joined(separator: ", ") + ")"
  }

  /// The listing as a table, one row per offering.
  static func textTable(_ listings: [Listing]) -> TextTable {
    var table = TextTable(
      ["offering", "region", "input", "cached", "output", "rules", "since", "confidence"]
    )
    for listing in listings {
      var rules: [String] = []
      if listing.tiers.count > 1 { rules.append("\(listing.tiers.count) tiers") }
      let names = listing.windowPrices.map(\.name)
      if !names.isEmpty { rules.append(names.joined(separator: "/") + " hours") }
      if let batch = listing.batchMultiplier { rules.append("batch ×\(batch)") }
      table.append([
        listing.offering, listing.region, listing.cell(\.input),
        listing.hasCacheDiscount ? listing.cell(\.cacheRead) : "—",
        listing.cell(\.output), rules.joined(separator: ", "),
        String(listing.effectiveFrom.prefix(10)), listing.confidence,
      ])
    }
    return table
  }

  static func table(_ listings: [Listing], at instant: Date) -> String {
    [
      "Prices per million tokens in force at \(Quote.iso(instant)), base tier (a window's "
        + "price in brackets):",
      "",
      textTable(listings).rendered(),
      "",
      "\(listings.count) offerings. Use --json for every tier, window and source.",
    ].joined(separator: "\n")
  }
}
