import Foundation
import LLMPricing

/// `llm-cost monthly` and `llm-cost compare --workload`: monthly costs of a workload.
enum WorkloadCommands {
  static let monthlySpec = CommandSpec(
    name: "monthly",
    abstract: "Project what a workload costs in a month on one model: every request priced at "
      + "its own size, at the hour its traffic falls in (peak and off-peak windows, China's "
      + "working days).",
    usage: [
      "monthly --workload NAME|FILE [--model ID] [--provider ID] [--requests-per-day N]",
      "        [--month YYYY-MM] [--months N] [--currency CODE] [--plan ID]",
      "        [--json | --markdown] [--svg FILE]",
    ],
    groups: [
      OptionGroup(
        "OPTIONS",
        [
          .value(
            "workload",
            "NAME|FILE",
            "customer-service, coding, agents, rag, marketing, translation, or a workload JSON "
              + "file."
          ),
          .value("model", "ID", "The model (default: the cheapest offering for the workload)."),
          .value("provider", "ID", "The provider, when a model is sold by several."),
          .value("requests-per-day", "N", "Override the workload's sessions per working day."),
          .value(
            "service-tier",
            "NAME",
            "Every request at this service tier, e.g. flex (default: the workload's, else "
              + "standard)."
          ),
          .value("residency", "NAME", "Every request with this residency uplift, e.g. us."),
          .value(
            "plan",
            "ID",
            "Put a subscription plan beside pay-as-you-go (priced in the plan's currency): "
              + "which is cheaper, and the monthly token volume at which they cost the same. "
              + "JSON key \"plan\": {\"plan\", \"tokens\", \"payAsYouGo\", \"planCost\", "
              + "\"cheaper\", \"breakEvenTokens\", \"notes\"}."
          ),
          .value("month", "YYYY-MM", "The month (default: this month)."),
          .value(
            "currency",
            "CODE",
            "Report in this currency: the provider's own list in it when published, otherwise "
              + "converted at mid-month with the dated FX table."
          ),
          .value(
            "months",
            "N",
            "Project N months from --month: growth compounds and each month is priced with the "
              + "schedule in force then (announced cuts included). A month that cannot be "
              + "priced is listed with its reason; the others are kept."
          ),
          .flag(
            "json",
            "{\"total\", \"currency\", \"offering\", \"month\", \"breakdown\": {...}, "
              + "\"exchangeRate\", \"provisional\", \"provisionalCalendar\", \"notes\", ...}; "
              + "with --months, {\"total\", \"currency\", \"months\": [...], "
              + "\"unpricedMonths\": [{\"month\", \"code\", \"reason\"}]}."
          ),
          .flag(
            "markdown",
            "Print the cost by time window (with --months, the months) as a GitHub-flavoured "
              + "Markdown table."
          ),
          .value(
            "svg",
            "FILE",
            "Also write the bill as an SVG chart: one bar per month (with --months), stacked by "
              + "billed component (input, cache reads, output, tools, …), in the reporting "
              + "currency."
          ),
        ]
      )
    ] + PricingSetup.groups
  )

  static func profile(_ name: String, sessions: Int?) throws -> WorkloadProfile {
    var profile: WorkloadProfile
    if let preset = WorkloadProfile.presets[name] {
      profile = preset
    } else if FileManager.default.fileExists(atPath: name) {
      guard let data = FileManager.default.contents(atPath: name) else {
        throw PricingError(.invalidData, "cannot read workload file '\(name)'")
      }
      do {
        profile = try WorkloadProfile.decode(from: data)
      } catch let error as PricingError {
        throw PricingError(error.code, "workload file '\(name)': \(error.message)")
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
    let exchangeRate: ExchangeRateJSON?
    let provisional: Bool
    let provisionalCalendar: [ProvisionalYear]
    let notes: [String]
    /// With `--plan`: the plan beside pay-as-you-go.
    var plan: PlanComparison?

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
      exchangeRate = ExchangeRateJSON(cost.converted?.legs ?? [])
      provisional = cost.isProvisional
      provisionalCalendar = cost.provisionalYears
      notes = cost.notes
    }
  }

  static func monthly(_ arguments: [String]) async throws {
    let options = try monthlySpec.parse(arguments)
    try options.exclusive(["json", "markdown"])
    var profile = try profile(
      try options.required("workload"),
      sessions: try options.count("requests-per-day")
    )
    if let tier = options.string("service-tier") { profile.serviceTier = tier }
    if let residency = options.string("residency") { profile.residency = residency }
    let month = try month(options)
    let setup = try PricingSetup(options)
    let catalog = setup.catalog
    var currency = try options.currency()
    let plan = try options.string("plan").map { try catalog.plan(id: $0) }
    if let plan {
      guard options.string("model") != nil else {
        throw UsageError(
          "--plan needs --model, one of the plan's models: \(plan.models.joined(separator: ", "))"
        )
      }
      currency = plan.currency
    }
    let months = try options.count("months") ?? 1
    guard (1...600).contains(months) else {
      throw UsageError("--months \(months): give 1 to 600 months")
    }
    // The offering: the one named, or the cheapest for the workload in the first month.
    let offering: Offering
    var cheapest: MonthlyCost?
    if let model = options.string("model") {
      offering = try catalog.preferredOffering(
        model: model,
        provider: options.string("provider"),
        currency: currency
      )
    } else {
      let reporting = currency ?? .cny
      currency = reporting
      let comparison = try WorkloadComparison(
        profile: profile,
        catalog: catalog,
        month: month,
        currency: reporting,
        rates: setup.rates
      )
      guard
        let first = comparison.ranked.first(where: { !$0.total.amount.isZero })
          ?? comparison.ranked.first,
        let found = catalog.offerings.first(where: { $0.id == first.offering })
      else {
        throw PricingError(.noPriceInEffect, "no offering can price this workload in \(month)")
      }
      offering = found
      cheapest = first
    }
    // With --svg, the months (or the one month) stacked by component.
    func drawChart(_ horizon: MonthlyHorizon, _ offering: String) throws {
      guard let path = options.string("svg") else { return }
      try Charts.write(
        Charts.monthly(horizon, workload: profile.name, offering: offering, rates: setup.rates),
        to: path
      )
    }
    if months > 1 {
      let horizon = try MonthlyProjection.horizon(
        of: profile,
        on: offering,
        from: month,
        months: months,
        currency: currency,
        rates: setup.rates,
        calendars: catalog.holidayCalendars
      )
      try drawChart(horizon, offering.id)
      try printHorizon(
        horizon,
        profile: profile,
        offering: offering.id,
        format: options.flag("json") ? .json : options.flag("markdown") ? .markdown : .text
      )
      return
    }
    let cost =
      try cheapest
      ?? MonthlyProjection.cost(
        of: profile,
        on: offering,
        in: month,
        currency: currency,
        rates: setup.rates,
        calendars: catalog.holidayCalendars
      )
    try drawChart(MonthlyHorizon(costs: [cost], unpriced: []), cost.offering)
    let comparison = try plan.map { try PlanComparison(plan: $0, month: cost) }
    if options.flag("json") {
      var json = CostJSON(cost)
      json.plan = comparison
      print(try Output.json(json))
      return
    }
    if options.flag("markdown") {
      var table = TextTable(["window", "cost"], rightAligned: [1])
      for (window, amount) in cost.costByWindow.sorted(by: { $0.key < $1.key }) {
        table.append([window, Money(amount, cost.total.currency).formatted()])
      }
      table.append(["total", cost.total.formatted()])
      print(table.markdown())
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
      print("  in \(converted.converted.currency): \(converted.converted.formatted())")
      for line in Output.rateLines(converted.legs, indent: "  ") { print(line) }
    }
    for line in Output.provisionalLines(cost.provisionalYears, indent: "  ") { print(line) }
    let shown = Set(
      cost.provisionalYears.map(\.note) + (cost.converted?.legs ?? []).compactMap(\.assumption)
    )
    for note in cost.notes where !shown.contains(note) { print("  note: \(note)") }
    if let comparison, let plan {
      print(
        "plan \(plan.id) (\(plan.name)): \(Money(plan.monthlyFee, plan.currency).formatted()) a month"
      )
      print(
        "  pay-as-you-go: \(comparison.payAsYouGo.formatted()) for \(comparison.tokens.formatted(places: 0)) tokens"
      )
      print("  on the plan: \(comparison.planCost.map { $0.formatted() } ?? "not servable")")
      print("  cheaper: \(comparison.cheaper.rawValue)")
      if let breakEven = comparison.breakEvenTokens {
        print("  break-even: \(breakEven.formatted(places: 0)) tokens a month")
      }
      for note in comparison.notes { print("  note: \(note)") }
    }
  }

  struct HorizonJSON: Encodable {
    let workload: String
    let offering: String
    let currency: String
    let total: String
    let months: [CostJSON]
    let unpricedMonths: [MonthlyHorizon.Unpriced]
    let provisional: Bool
    let notes: [String]
  }

  /// Prints a horizon: each month priced with the schedule in force then, with growth and
  /// free quota applied, and each month that could not be priced with its reason.
  static func printHorizon(
    _ horizon: MonthlyHorizon,
    profile: WorkloadProfile,
    offering: String,
    format: TableFormat
  ) throws {
    let costs = horizon.costs
    let currency = costs.first?.reportingTotal.currency
    var total = FixedDecimal.zero
    for cost in costs { total = try total + cost.reportingTotal.amount }
    var notes: [String] = []
    for cost in costs {
      for note in cost.notes where !notes.contains(note) && !note.hasPrefix("free quota") {
        notes.append(note)
      }
    }
    if !horizon.unpriced.isEmpty {
      notes.append(
        "\(horizon.unpriced.count) of \(costs.count + horizon.unpriced.count) months could not "
          + "be priced; the total covers the others"
      )
    }
    if format == .json {
      print(
        try Output.json(
          HorizonJSON(
            workload: profile.name,
            offering: offering,
            currency: currency?.code ?? "",
            total: total.description,
            months: costs.map(CostJSON.init),
            unpricedMonths: horizon.unpriced,
            provisional: costs.contains(where: \.isProvisional),
            notes: notes
          )
        )
      )
      return
    }
    if format == .markdown {
      var table = TextTable(["month", "cost", "notes"], rightAligned: [1])
      var cells: [(YearMonth, [String])] = costs.map { cost in
        var notes: [String] = []
        if !cost.freeTokensUsed.isZero { notes.append("free quota used") }
        if cost.isProvisional { notes.append("provisional calendar") }
        if cost.converted?.legs.contains(where: \.isAssumed) ?? false {
          notes.append("assumed rate")
        }
        return (
          cost.month,
          [cost.month.description, cost.reportingTotal.formatted()] + [
            notes.joined(separator: ", ")
          ]
        )
      }
      cells += horizon.unpriced.map {
        ($0.month, [$0.month.description, "", "not priced: \($0.reason)"])
      }
      for (_, row) in cells.sorted(by: { $0.0 < $1.0 }) { table.append(row) }
      print(table.markdown())
      return
    }
    let count = costs.count + horizon.unpriced.count
    let start = (costs.first?.month ?? horizon.unpriced.first?.month).map(\.description) ?? ""
    print("\(profile.name) on \(offering), \(count) months from \(start):")
    var rows: [(YearMonth, String)] = costs.map { cost in
      var line = "  \(cost.month)  \(cost.reportingTotal.formatted())"
      if !cost.freeTokensUsed.isZero { line += "  (free quota used)" }
      if cost.isProvisional { line += "  (provisional calendar)" }
      if cost.converted?.legs.contains(where: \.isAssumed) ?? false { line += "  (assumed rate)" }
      return (cost.month, line)
    }
    rows += horizon.unpriced.map { ($0.month, "  \($0.month)  not priced: \($0.reason)") }
    for (_, line) in rows.sorted(by: { $0.0 < $1.0 }) { print(line) }
    if let currency {
      print("  total: \(Money(total, currency).formatted()) (exact \(total))")
    }
    if let legs = costs.last?.converted?.legs {
      for line in Output.rateLines(legs, indent: "  ") { print(line) }
    }
    for note in notes where !note.hasPrefix("assumed exchange rate") { print("  note: \(note)") }
  }

  struct ComparisonJSON: Encodable {
    let workload: String
    let month: String
    let currency: String
    let offerings: [CostJSON]
    let skipped: [SkippedJSON]
    let filter: [String: String]
    let baseline: String?
    let savings: [SavingJSON]?
    let cheapestUSOverChina: RatioJSON?
    let provisional: Bool
    let notes: [String]
    /// With `--plan`: the plan beside each ranked offering of a model it covers.
    var plans: [PlanComparison]?
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

  /// `compare --workload`, with the options `CompareCommand` parsed.
  static func compare(_ options: Options) async throws {
    let format = try TableFormat(options)
    let profile = try profile(
      try options.required("workload"),
      sessions: try options.count("requests-per-day")
    )
    let month = try month(options)
    let setup = try PricingSetup(options)
    let catalog = setup.catalog
    let plan = try options.string("plan").map { try catalog.plan(id: $0) }
    let currency = try options.currency() ?? plan?.currency ?? .cny
    if let plan, plan.currency != currency {
      throw UsageError(
        "--plan \(plan.id) is sold in \(plan.currency.code); compare in it with --currency "
          + plan.currency.code
      )
    }
    let (query, filter) = try query(options)
    let comparison = try WorkloadComparison(
      profile: profile,
      catalog: catalog,
      query: query,
      month: month,
      currency: currency,
      rates: setup.rates
    )
    let baseline = try options.string("baseline").map { try comparison.cost(of: $0) }
    let savings = try baseline.map { baseline in
      Dictionary(
        try comparison.savings(against: baseline.offering).map { ($0.offering, $0) },
        uniquingKeysWith: { first, _ in first }
      )
    }
    let ratio = comparison.priceRatio(of: "US", to: "CN", catalog: catalog)
    var ranked = comparison.ranked
    var skipped = comparison.skipped.map { SkippedJSON(offering: $0.offering, reason: $0.reason) }
    if options.flag("paid-only") {
      // Free offerings stay visible, under skipped, so nothing silently disappears.
      let free = ranked.filter { $0.reportingTotal.amount.isZero }
      ranked.removeAll { $0.reportingTotal.amount.isZero }
      skipped += free.map { SkippedJSON(offering: $0.offering, reason: "free") }
    }
    if let top = try options.count("top") { ranked = Array(ranked.prefix(top)) }
    if let path = options.string("svg") {
      try Charts.write(
        Charts.comparison(
          ranked,
          workload: profile.name,
          month: month,
          currency: currency,
          rates: setup.rates
        ),
        to: path
      )
    }
    let plans = try plan.map { plan in
      try ranked.filter { cost in
        plan.models.contains { $0.lowercased() == cost.model.lowercased() }
      }
      .map { try PlanComparison(plan: plan, month: $0) }
    }
    if format == .json {
      var json = ComparisonJSON(
        workload: profile.name,
        month: month.description,
        currency: currency.code,
        offerings: ranked.map(CostJSON.init),
        skipped: skipped,
        filter: filter,
        baseline: baseline?.offering,
        savings: savings.map { savings in
          ranked.compactMap { savings[$0.offering] }.map {
            SavingJSON(
              offering: $0.offering,
              saving: $0.amount.description,
              fraction: $0.fraction?.description
            )
          }
        },
        cheapestUSOverChina: ratio.map {
          RatioJSON(
            china: $0.denominator.offering,
            us: $0.numerator.offering,
            ratio: $0.ratio.description
          )
        },
        provisional: ranked.contains(where: \.isProvisional),
        notes: comparisonNotes(ranked, skipped: skipped)
      )
      json.plans = plans
      print(try Output.json(json))
      return
    }
    if format == .csv {
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
    // The own-list and baseline columns only when they have something to show.
    let showsOwnList = ranked.contains { $0.converted != nil }
    var table = TextTable(
      ["rank", "offering", "monthly"] + (showsOwnList ? ["own list"] : [])
        + (savings == nil ? [] : ["vs baseline"]),
      rightAligned: [0, 2]
    )
    for (index, cost) in ranked.enumerated() {
      var row = ["\(index + 1)", cost.offering, cost.reportingTotal.formatted()]
      if showsOwnList { row.append(cost.converted == nil ? "" : "(\(cost.total.formatted()))") }
      if let savings {
        let fraction = savings[cost.offering]?.fraction
        row.append(
          fraction.map { fraction in
            let percent = (try? fraction * FixedDecimal(100))?.formatted(places: 1) ?? "?"
            return "saves \(percent)%"
          } ?? ""
        )
      }
      table.append(row)
    }
    if format == .markdown {
      print(table.markdown())
      return
    }
    print("Monthly cost of '\(profile.name)' in \(month), \(currency.code), cheapest first:\n")
    print(table.rendered())
    if let baseline {
      print("\nBaseline: \(baseline.offering) at \(baseline.reportingTotal.formatted()).")
    }
    if let plan, let plans {
      print("\nPlan \(plan.id) (\(Money(plan.monthlyFee, plan.currency).formatted()) a month):")
      if plans.isEmpty { print("  covers none of the offerings shown") }
      for (cost, comparison) in zip(
        ranked.filter { cost in plan.models.contains { $0.lowercased() == cost.model.lowercased() }
        },
        plans
      ) {
        let breakEven =
          comparison.breakEvenTokens.map { ", break-even \($0.formatted(places: 0)) tokens" }
          ?? ", no break-even"
        print("  against \(cost.offering): \(comparison.cheaper.rawValue)\(breakEven)")
      }
    }
    if let ratio {
      print(
        "\nCheapest paid Chinese option: \(ratio.denominator.offering); cheapest US option: "
          + "\(ratio.numerator.offering), \(ratio.ratio.formatted(places: 1))× as much."
      )
    }
    let converted = ranked.compactMap { $0.converted?.legs }.filter { !$0.isEmpty }
    if let legs = converted.first {
      print("\nConverted figures (in brackets: the offering's own list):")
      for line in Output.rateLines(legs, indent: "  ") { print(line) }
    }
    let provisional = Set(ranked.flatMap(\.provisionalYears)).sorted()
    if !provisional.isEmpty {
      print("")
      for line in Output.provisionalLines(provisional) { print(line) }
    }
    printSkipped(skipped, month: month)
  }

  /// An offering left out of the ranking, and why: the library's reasons, or "free" with
  /// `--paid-only`.
  struct SkippedJSON: Encodable {
    let offering: String
    let reason: String
  }

  /// What the comparison's figures rest on, once each: provisional years, assumed rates,
  /// and how many offerings were left out.
  static func comparisonNotes(
    _ ranked: [MonthlyCost],
    skipped: [SkippedJSON]
  )
    -> [String]
  {
    var notes: [String] = []
    for cost in ranked {
      for note in cost.provisionalYears.map(\.note)
        + (cost.converted?.legs ?? []).compactMap(
          \.assumption
        ) where !notes.contains(note)
      {
        notes.append(note)
      }
    }
    let free = skipped.filter { $0.reason == "free" }.count
    if skipped.count > free {
      notes.append(
        "\(skipped.count - free) offerings could not be priced; see \"skipped\" for each reason"
      )
    }
    if free > 0 {
      notes.append("\(free) free offerings left out by --paid-only; see \"skipped\"")
    }
    return notes
  }

  /// Lists the offerings a comparison left out, grouped by reason.
  static func printSkipped(_ skipped: [SkippedJSON], month: YearMonth) {
    let free = skipped.filter { $0.reason == "free" }.map(\.offering)
    if !free.isEmpty {
      print(
        "\n\(free.count) free offerings left out (--paid-only): " + free.joined(separator: ", ")
      )
    }
    let unpriced = skipped.filter { $0.reason != "free" }
    guard !unpriced.isEmpty else { return }
    print("\n\(unpriced.count) offerings not priced in \(month):")
    var byReason: [String: [String]] = [:]
    for skip in unpriced { byReason[skip.reason, default: []].append(skip.offering) }
    for (reason, offerings) in byReason.sorted(by: {
      ($1.value.count, $0.key) < ($0.value.count, $1.key)
    }) {
      let shown = offerings.prefix(4).joined(separator: ", ")
      let more = offerings.count > 4 ? " and \(offerings.count - 4) more" : ""
      print("  \(shown)\(more): \(reason)")
    }
  }
}
