import Foundation
import LLMPricing

/// `llm-cost models`: lists offerings with the prices in force at an instant.
enum ModelsCommand {
  static let help = """
    USAGE: llm-cost models [--provider ID] [--currency CODE] [--at ISO8601] [--json] [--catalog FILE]
           llm-cost models --history --csv [--provider ID] [--currency CODE]

    List the offerings that have a price in force at an instant, with that price, its
    tiers and time windows, and its source.

    OPTIONS:
      --provider ID         Only this provider's offerings, e.g. deepseek.
      --currency CODE       Only offerings published in this currency, e.g. CNY.
      --at ISO8601          The instant (default: now).
      --catalog FILE        Lay a catalog JSON file over the catalog in use.
      --built-in            Use the built-in catalog, ignoring an installed update.
      --history --csv       Print every offering's whole effective-dated price table as CSV
                            (offering, component, tier, window, effective from/to, price,
                            currency, …) for pricing with a join in a data warehouse.
      --json                Print {"offerings": [{"model", "provider", "currency", "prices",
                            "source", "effectiveFrom", "confidence", …}]} with exact decimals.
      -h, --help            Show this help.
    """

  static func run(_ arguments: [String]) throws {
    if arguments.contains("--help") || arguments.contains("-h") {
      print(help)
      return
    }
    let options = try Options(
      arguments,
      valued: ["provider", "currency", "at", "catalog"],
      flags: ["json", "history", "csv", "built-in"]
    )
    let currency = try options.currency()
    let instant: Date
    if let text = options.string("at") {
      guard let parsed = QuoteCommand.parseInstant(text) else {
        throw UsageError("--at '\(text)' is not an ISO 8601 instant such as 2025-06-01T03:00:00Z")
      }
      instant = parsed
    } else {
      instant = Date()
    }
    let catalog = try CatalogLoading.load(
      options.string("catalog"),
      builtInOnly: options.flag("built-in")
    )
    if options.flag("history") {
      guard options.flag("csv"), !options.flag("json") else {
        throw UsageError("--history prints the effective-dated price table as CSV: add --csv")
      }
      let query = CatalogQuery(provider: options.string("provider"), currency: currency)
      print(try PriceHistoryCSV.render(catalog.offerings(matching: query)))
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
      throw PricingError(
        .unknownModel,
        "unknown provider '\(provider)'; providers: \(providers.joined(separator: ", "))"
      )
    }
    let listing = try offerings.map { offering in
      try Listing(offering: offering, entry: offering.schedule.entry(at: instant))
    }
    if options.flag("json") {
      let body = Listing.Document(at: Quote.iso(instant), offerings: listing)
      print(try Output.json(body))
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
  }

  struct Window: Encodable {
    let name: String
    let start: String
    let end: String
    let days: String
    let multiplier: String?
    let tiers: [Tier]?
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

  init(offering: Offering, entry: PriceSchedule.Entry) {
    let sheet = entry.sheet
    func tiers(_ list: [PriceTier]) -> [Tier] {
      list.map { Tier(tier: $0.label, prices: Prices($0.prices)) }
    }
    model = offering.model.id
    provider = offering.provider.id
    hasCacheDiscount = sheet.tiers[0].prices.cacheRead != nil
    self.offering = offering.id
    region = offering.region
    currency = offering.currency.code
    prices = Prices(sheet.tiers[0].prices)
    self.tiers = tiers(sheet.tiers)
    windows = sheet.windows.map { window in
      var multiplier: String?
      var windowTiers: [Tier]?
      switch window.effect {
      case .multiplier(let factor): multiplier = factor.description
      case .tiers(let list): windowTiers = tiers(list)
      }
      return Window(
        name: window.name,
        start: window.start.description,
        end: window.end.description,
        days: Self.describe(window.days),
        multiplier: multiplier,
        tiers: windowTiers
      )
    }
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

  static func table(_ listings: [Listing], at instant: Date) -> String {
    var rows: [[String]] = [
      ["offering", "region", "input", "cached", "output", "rules", "since", "confidence"]
    ]
    for listing in listings {
      var rules: [String] = []
      if listing.tiers.count > 1 { rules.append("\(listing.tiers.count) tiers") }
      var names: [String] = []
      for window in listing.windows where !names.contains(window.name) { names.append(window.name) }
      if !names.isEmpty { rules.append(names.joined(separator: "/") + " hours") }
      if let batch = listing.batchMultiplier { rules.append("batch ×\(batch)") }
      rows.append([
        listing.offering, listing.region, listing.prices.input,
        listing.hasCacheDiscount ? listing.prices.cacheRead : "—",
        listing.prices.output, rules.joined(separator: ", "),
        String(listing.effectiveFrom.prefix(10)), listing.confidence,
      ])
    }
    let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
    var lines = ["Prices per million tokens in force at \(Quote.iso(instant)), base tier:", ""]
    for row in rows {
      lines.append(
        zip(row, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }
          .joined(separator: "  ")
      )
    }
    lines.append("")
    lines.append("\(listings.count) offerings. Use --json for every tier, window and source.")
    return lines.joined(separator: "\n")
  }
}
