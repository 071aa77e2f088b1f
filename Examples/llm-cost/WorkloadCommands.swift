import Foundation
import LLMPricing

/// `llm-cost monthly` and `llm-cost compare --workload`: monthly costs of a workload.
enum WorkloadCommands {
  static let monthlyHelp = """
    USAGE: llm-cost monthly --workload NAME|FILE [--model ID] [--provider ID] [--requests-per-day N]
                            [--month YYYY-MM] [--months N] [--currency CODE] [--json]
                            [--catalog FILE]

    Project what a workload costs in a month on one model: every request priced at its own
    size, at the hour its traffic falls in (peak and off-peak windows, China's working days).

    OPTIONS:
      --workload NAME|FILE  customer-service, coding, agents, rag, marketing, translation, or a
                            workload JSON file.
      --model ID            The model (default: the cheapest offering for the workload).
      --provider ID         The provider, when a model is sold by several.
      --requests-per-day N  Override the workload's sessions per working day.
      --month YYYY-MM       The month (default: this month).
      --currency CODE       Report in this currency: the provider's own list in it when
                            published, otherwise converted at mid-month with the dated FX table.
      --months N            Project N months from --month: growth compounds and each month is
                            priced with the schedule in force then (announced cuts included).
      --json                {"total", "currency", "offering", "month", "breakdown": {...}, ...};
                            with --months, {"total", "currency", "months": [...]}.
      -h, --help            Show this help.
    """

  static func profile(_ name: String, sessions: Int?) throws -> WorkloadProfile {
    var profile: WorkloadProfile
    if let preset = WorkloadProfile.presets[name] {
      profile = preset
    } else if FileManager.default.fileExists(atPath: name) {
      guard let data = FileManager.default.contents(atPath: name) else {
        throw PricingError(.invalidData, "cannot read workload file '\(name)'")
      }
      do {
        profile = try JSONDecoder().decode(WorkloadProfile.self, from: data)
      } catch let error as DecodingError {
        throw PricingError(
          .invalidData,
          "workload file '\(name)': \(PricingError(decoding: error).message)"
        )
      }
    } else {
      let names = WorkloadProfile.presets.keys.sorted().joined(separator: ", ")
      throw UsageError("--workload '\(name)' is neither a preset (\(names)) nor a file")
    }
    if let sessions { profile.sessionsPerDay = sessions }
    return profile
  }

  static func month(_ options: Options) throws -> YearMonth {
    guard let text = options.string("month") else {
      return try YearMonth(containing: CalendarDay(utcDateOf: Date()))
    }
    do {
      return try YearMonth(text)
    } catch let error as PricingError {
      throw UsageError(error.message)
    }
  }

  struct CostJSON: Encodable {
    let model: String
    let provider: String
    let offering: String
    let month: String
    let currency: String
    let total: String
    let monthlyTotal: String
    let offeringCurrency: String
    let offeringTotal: String
    let sessions: String
    let requests: String
    let costPerSession: String?
    let breakdown: [String: String]
    let inputTokens: String
    let cachedTokens: String
    let outputTokens: String
    let batchApplied: Bool
    let conversion: [String]
    let notes: [String]

    init(_ cost: MonthlyCost) {
      model = cost.model
      provider = cost.provider
      offering = cost.offering
      month = cost.month.description
      currency = cost.reportingTotal.currency.code
      total = cost.reportingTotal.amount.description
      monthlyTotal = total
      offeringCurrency = cost.total.currency.code
      offeringTotal = cost.total.amount.description
      sessions = cost.sessions.description
      requests = cost.requests.description
      costPerSession = cost.costPerSession?.description
      breakdown = cost.costByWindow.mapValues(\.description)
      inputTokens = cost.inputTokens.description
      cachedTokens = cost.cachedTokens.description
      outputTokens = cost.outputTokens.description
      batchApplied = cost.batchApplied
      conversion = cost.converted?.legs.map(\.description) ?? []
      notes = cost.notes
    }
  }

  static func monthly(_ arguments: [String]) throws {
    if arguments.contains("--help") || arguments.contains("-h") {
      print(monthlyHelp)
      return
    }
    let options = try Options(
      arguments,
      valued: [
        "workload", "model", "provider", "requests-per-day", "month", "currency", "catalog",
        "months",
      ],
      flags: ["json"]
    )
    let profile = try profile(
      try options.required("workload"),
      sessions: try options.count("requests-per-day")
    )
    let month = try month(options)
    let catalog = try CatalogLoading.load(options.string("catalog"))
    var currency = try options.currency()
    let cost: MonthlyCost
    if let model = options.string("model") {
      let offering = try catalog.preferredOffering(
        model: model,
        provider: options.string("provider"),
        currency: currency
      )
      cost = try MonthlyProjection.cost(of: profile, on: offering, in: month, currency: currency)
    } else {
      let reporting = currency ?? .cny
      currency = reporting
      let comparison = try WorkloadComparison(
        profile: profile,
        catalog: catalog,
        month: month,
        currency: reporting
      )
      guard
        let cheapest = comparison.ranked.first(where: { !$0.total.amount.isZero })
          ?? comparison.ranked.first
      else {
        throw PricingError(.noPriceInEffect, "no offering can price this workload in \(month)")
      }
      cost = cheapest
    }
    if let months = try options.count("months") {
      guard (1...600).contains(months) else {
        throw UsageError("--months \(months): give 1 to 600 months")
      }
    }
    if let months = try options.count("months"), months > 1 {
      guard let offering = catalog.offerings.first(where: { $0.id == cost.offering }) else {
        throw PricingError(.unknownModel, "offering \(cost.offering) left the catalog")
      }
      try printHorizon(
        try MonthlyProjection.horizon(
          of: profile,
          on: offering,
          from: month,
          months: months,
          currency: currency
        ),
        profile: profile,
        json: options.flag("json")
      )
      return
    }
    if options.flag("json") {
      print(try Output.json(CostJSON(cost)))
      return
    }
    print("\(profile.name) on \(cost.offering), \(month)")
    print(
      "  sessions \(cost.sessions.formatted(places: 0)), requests \(cost.requests.formatted(places: 0))"
    )
    for (window, amount) in cost.costByWindow.sorted(by: { $0.key < $1.key }) {
      print("  \(window): \(Money(amount, cost.total.currency).formatted())")
    }
    print("  total: \(cost.total.formatted()) (exact \(cost.total))")
    if let converted = cost.converted {
      print(
        "  in \(converted.converted.currency): \(converted.converted.formatted()) at \(converted.legs.map(\.description).joined(separator: ", "))"
      )
    }
    for note in cost.notes { print("  note: \(note)") }
  }

  struct HorizonJSON: Encodable {
    let workload: String
    let offering: String
    let currency: String
    let total: String
    let months: [CostJSON]
  }

  /// Prints a horizon: each month priced with the schedule in force then, with growth and
  /// free quota applied.
  static func printHorizon(_ costs: [MonthlyCost], profile: WorkloadProfile, json: Bool) throws {
    guard let first = costs.first else { return }
    let currency = first.reportingTotal.currency
    var total = FixedDecimal.zero
    for cost in costs { total = try total + cost.reportingTotal.amount }
    if json {
      print(
        try Output.json(
          HorizonJSON(
            workload: profile.name,
            offering: first.offering,
            currency: currency.code,
            total: total.description,
            months: costs.map(CostJSON.init)
          )
        )
      )
      return
    }
    print("\(profile.name) on \(first.offering), \(costs.count) months from \(first.month):")
    for cost in costs {
      let quota = cost.freeTokensUsed.isZero ? "" : "  (free quota used)"
      print("  \(cost.month)  \(cost.reportingTotal.formatted())\(quota)")
    }
    print("  total: \(Money(total, currency).formatted()) (exact \(total))")
  }

  struct ComparisonJSON: Encodable {
    let workload: String
    let month: String
    let currency: String
    let offerings: [CostJSON]
    let skipped: [WorkloadComparison.Skipped]
    let filter: [String: String]
    let baseline: String?
    let savings: [SavingJSON]?
    let cheapestUSOverChina: RatioJSON?
  }

  struct SavingJSON: Encodable {
    let offering: String
    let saving: String
    let fraction: String?
  }

  struct RatioJSON: Encodable {
    let china: String
    let us: String
    let ratio: String
  }

  static func query(_ options: Options) throws -> (CatalogQuery, [String: String]) {
    var query = CatalogQuery()
    var shown: [String: String] = [:]
    if let country = options.string("country") {
      query.country = country.uppercased()
      shown["country"] = country.uppercased()
    }
    if let currency = try options.currency("priced-in") {
      query.currency = currency
      shown["pricedIn"] = currency.code
    }
    if options.flag("open-weights") {
      query.openWeights = true
      shown["openWeights"] = "true"
    }
    if let window = try options.count("min-context") {
      query.minimumContextWindow = window
      shown["minimumContextWindow"] = String(window)
    }
    return (query, shown)
  }

  static func compare(_ arguments: [String]) throws {
    let options = try Options(
      arguments,
      valued: [
        "workload", "month", "currency", "top", "catalog", "requests-per-day", "country",
        "priced-in", "min-context", "baseline",
      ],
      flags: ["json", "csv", "open-weights"]
    )
    let profile = try profile(
      try options.required("workload"),
      sessions: try options.count("requests-per-day")
    )
    let month = try month(options)
    let currency = try options.currency() ?? .cny
    let catalog = try CatalogLoading.load(options.string("catalog"))
    let (query, filter) = try query(options)
    let comparison = try WorkloadComparison(
      profile: profile,
      catalog: catalog,
      query: query,
      month: month,
      currency: currency
    )
    let baseline = try options.string("baseline").map { try comparison.cost(of: $0) }
    let savings = try baseline.map { try comparison.savings(against: $0.offering) }
    let ratio = comparison.priceRatio(of: "US", to: "CN", catalog: catalog)
    var ranked = comparison.ranked
    if let top = try options.count("top") { ranked = Array(ranked.prefix(top)) }
    if options.flag("json") {
      print(
        try Output.json(
          ComparisonJSON(
            workload: profile.name,
            month: month.description,
            currency: currency.code,
            offerings: ranked.map(CostJSON.init),
            skipped: comparison.skipped,
            filter: filter,
            baseline: baseline?.offering,
            savings: savings?.prefix(ranked.count).map {
              SavingJSON(
                offering: $0.offering,
                saving: $0.amount.description,
                fraction: $0.fraction?.description
              )
            },
            cheapestUSOverChina: ratio.map {
              RatioJSON(
                china: $0.denominator.offering,
                us: $0.numerator.offering,
                ratio: $0.ratio.description
              )
            }
          )
        )
      )
      return
    }
    if options.flag("csv") {
      print("rank,offering,model,provider,monthly_total,currency,offering_total,offering_currency")
      for (index, cost) in ranked.enumerated() {
        print(
          [
            "\(index + 1)", cost.offering, cost.model, cost.provider,
            cost.reportingTotal.amount.description, currency.code, cost.total.amount.description,
            cost.total.currency.code,
          ].map(Output.csvField).joined(separator: ",")
        )
      }
      return
    }
    print("Monthly cost of '\(profile.name)' in \(month), \(currency.code), cheapest first:\n")
    let rows = ranked.enumerated().map { index, cost in
      [
        "\(index + 1)", cost.offering, cost.reportingTotal.formatted(),
        cost.converted == nil ? "" : "(\(cost.total.formatted()))",
        savings.map { savings in
          guard let fraction = savings[index].fraction else { return "" }
          let percent = (try? fraction * FixedDecimal(100))?.formatted(places: 1) ?? "?"
          return "saves \(percent)% vs baseline"
        } ?? "",
      ]
    }
    let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
    for row in rows {
      let line =
        row[0].padding(toLength: widths[0], withPad: " ", startingAt: 0) + "  "
        + row[1].padding(toLength: widths[1], withPad: " ", startingAt: 0) + "  "
        + String(repeating: " ", count: widths[2] - row[2].count) + row[2] + "  "
        + row[3].padding(toLength: widths[3], withPad: " ", startingAt: 0) + "  " + row[4]
      print(line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
    }
    if let baseline {
      print("\nBaseline: \(baseline.offering) at \(baseline.reportingTotal.formatted()).")
    }
    if let ratio {
      print(
        "\nCheapest paid Chinese option: \(ratio.denominator.offering); cheapest US option: "
          + "\(ratio.numerator.offering), \(ratio.ratio.formatted(places: 1))× as much."
      )
    }
    print("\(comparison.skipped.count) offerings not priced this month (use --json to see why).")
  }
}
