import Foundation
import LLMPricing
import Testing

/// The everyday paths: one call per question, literals without `try`, money that sorts
/// and formats per request.
@Suite("Short paths")
struct ShortPathTests {
  static let responses = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/Responses")

  static func response(_ name: String) throws -> Data {
    try Data(contentsOf: responses.appendingPathComponent(name))
  }

  @Test("a raw DeepSeek response is priced at its own timestamp, natively and on the USD list")
  func deepSeekResponse() throws {
    let body = try Self.response("deepseek-chat.json")
    // created 1756281600 = 2025-08-27 16:00 Beijing, outside the off-peak window; the
    // deepseek-reasoner list in force (deepseek.json, from 2025-02-26) is ¥4 input, ¥1
    // cache hit, ¥16 output; 172 misses, 1,408 hits, 890 output (612 of it reasoning):
    // 172 × 4 + 1,408 × 1 + 890 × 16 = 16,336 per million = ¥0.016336.
    let native = try Catalog.builtIn.price(response: body)
    #expect(native.offering.id == "deepseek/deepseek-reasoner@CNY")
    #expect(native.total == Money.cny("0.016336"))
    #expect(native.converted == nil)
    #expect(native.total.formatted() == "¥0.0163")
    #expect(native.notes.isEmpty)
    // DeepSeek publishes a USD list ($0.55, $0.14, $2.19): used as published, not converted.
    // 172 × 0.55 + 1,408 × 0.14 + 890 × 2.19 = 2,240.82 per million.
    let dollars = try Catalog.builtIn.price(response: body, in: .usd)
    #expect(dollars.offering.id == "deepseek/deepseek-reasoner@USD")
    #expect(dollars.total == Money.usd("0.00224082"))
    #expect(dollars.converted == nil)
  }

  @Test("a model published only in USD is converted, and the breakdown still adds up")
  func convertedResponse() throws {
    let priced = try Catalog.builtIn.price(response: Self.response("openai-chat.json"), in: .cny)
    #expect(priced.offering.currency == .usd)
    let converted = try #require(priced.converted)
    #expect(converted.total.currency == .cny)
    #expect(priced.total == converted.total)
    #expect(try converted.lines.map { Money.cny($0.amount) }.sum(in: .cny) == converted.total)
    // One USD→CNY leg: the CNY total is the USD total times that day's fixing.
    let leg = try #require(converted.conversion.first)
    #expect(converted.conversion.count == 1)
    #expect(leg.rate.base == .usd && leg.rate.quote == .cny && !leg.isInverse)
    let expected = try priced.native.total.amount.multiplied(by: leg.rate.rate)
    #expect(try (converted.total.amount - expected).magnitude < FixedDecimal("0.000000000001"))
  }

  @Test("a response without a timestamp says it was priced now, or takes the instant given")
  func responseWithoutTimestamp() throws {
    let body = try Self.response("anthropic-messages.json")
    let at = try instant("2026-03-02T09:00:00Z")
    let given = try Catalog.builtIn.price(response: body, at: at)
    #expect(given.instant == at)
    #expect(!given.notes.contains { $0.contains("no timestamp") })
    let long = try Catalog.builtIn.offering(model: "claude-sonnet-4-5-20250929")
      .cost(of: UsageParser.parse(body).usage, at: at)
    #expect(given.native == long)
    // Sonnet 4.5 retired on 2026-11-30, so "now" (late 2026 or later) has no price: the
    // error says so rather than pricing at a guess.
    let error = #expect(throws: PricingError.self) {
      try Catalog.builtIn.price(response: body, at: instant("2027-01-04T00:00:00Z"))
    }
    #expect(error?.code == .noPriceInEffect)
  }

  @Test("a response priced now, without a timestamp, carries a note in its notes")
  func nowIsNoted() throws {
    let body = try Self.response("qwen-native.json")
    let priced = try Catalog.builtIn.price(response: body, model: "qwen-plus")
    #expect(priced.notes.contains { $0.contains("carries no timestamp") })
    #expect(abs(priced.instant.timeIntervalSinceNow) < 600)
  }

  @Test("the service tier a response reports is billed, as ingestion bills it")
  func reportedServiceTier() throws {
    func body(_ tier: String) -> Data {
      Data(
        """
        {"object": "chat.completion", "created": 1793588400, "model": "gpt-5.2",
         "service_tier": "\(tier)", "usage": {"prompt_tokens": 10000, "completion_tokens": 1000}}
        """.utf8
      )
    }
    let standard = try Catalog.builtIn.price(response: body("default"))
    let flex = try Catalog.builtIn.price(response: body("flex"))
    // gpt-5.2 Standard: 10,000 × $1.75 + 1,000 × $14 per million = $0.0315; Flex is half
    // the Standard price (openai.json, from 2026-09-22).
    #expect(standard.total == Money.usd("0.0315"))
    #expect(flex.total == (try standard.total * FixedDecimal("0.5")))
    #expect(flex.native.adjustments.contains { $0.contains("flex") })
    // The caller's options replace what the response reports.
    let forced = try Catalog.builtIn.price(
      response: body("flex"),
      options: RequestOptions(serviceTier: "standard")
    )
    #expect(forced.total == standard.total)
  }

  @Test("the offering lookup throws with the currencies published, and suggests close ids")
  func offeringLookup() throws {
    #expect(
      try Catalog.builtIn.offering(model: "deepseek-flash").id == "deepseek/deepseek-flash@CNY"
    )
    let noCNY = #expect(throws: PricingError.self) {
      try Catalog.builtIn.offering(model: "gpt-4.1-mini", currency: .cny)
    }
    #expect(noCNY?.code == .currencyNotOffered)
    #expect(noCNY?.message.contains("openai/gpt-4.1-mini@USD") == true)
    let typo = #expect(throws: PricingError.self) {
      try Catalog.builtIn.offering(model: "deepsek-flash")
    }
    #expect(typo?.code == .unknownModel)
    #expect(typo?.message.contains("deepseek-flash") == true)
  }

  @Test("a list price is one call")
  func listPrice() throws {
    let reasoner = try Catalog.builtIn.offering(model: "deepseek-reasoner", currency: .cny)
    let at = try instant("2025-08-27T08:00:00Z")
    #expect(try reasoner.listPrice(of: .output, at: at) == Money.cny(16))
    #expect(try reasoner.listPrice(of: .cacheRead, at: at) == Money.cny(1))
    // From 2025-09-28T16:00Z: ¥3 output.
    #expect(try reasoner.listPrice(of: .output, at: instant("2025-10-01T00:00:00Z")) == .cny(3))
  }

  @Test("an undated sheet prices an assumption in two lines")
  func undatedSheet() throws {
    let quoted = try PriceSheet(.cny, input: "2", cacheRead: "0.5", output: "8")
    let usage = try TokenUsage.inclusive(
      promptTokens: 100_000,
      cachedTokens: 80_000,
      completionTokens: 2_000
    )
    // 20,000 × 2 + 80,000 × 0.5 + 2,000 × 8 = 96,000 per million = ¥0.096.
    let cost = try quoted.cost(of: usage)
    #expect(cost.total == Money.cny("0.096"))
    #expect(cost.notes.isEmpty)
    // A sheet with windows is priced at its standard prices and says so.
    let windowed = try PriceSheet(
      currency: .cny,
      tiers: quoted.tiers,
      windows: [
        TimeWindow(
          name: "night",
          days: .everyDay,
          start: TimeOfDay(hour: 0),
          end: TimeOfDay(hour: 8),
          effect: .multiplier("0.5")
        )
      ]
    )
    let standard = try windowed.cost(of: usage)
    #expect(standard.total == Money.cny("0.096"))
    #expect(standard.notes.contains { $0.contains("night") })
  }

  @Test("a workload's monthly cost is a method of the workload")
  func workloadMonthlyCost() throws {
    // RAG on gpt-4.1-mini in March 2026 is exactly $771.134 (the closed form in
    // WorkloadProjectionTests).
    let bill = try WorkloadProfile.rag.monthlyCost(of: "gpt-4.1-mini", in: "2026-03")
    #expect(bill.total == Money.usd("771.134"))
    // By component, from the same closed form: 247,000 sessions × (6,080 × $0.40,
    // 500 × $0.10, 400 × $1.60) per million = $600.704 + $12.35 + $158.08.
    #expect(
      bill.costByComponent == ["input": "600.704", "cacheRead": "12.35", "output": "158.08"]
    )
    let mini = try Catalog.builtIn.offering(model: "gpt-4.1-mini")
    #expect(try WorkloadProfile.rag.monthlyCost(on: mini, in: "2026-03") == bill)
    let months = try WorkloadProfile.rag.monthlyCosts(on: mini, from: "2026-03", months: 2)
    #expect(months.costs.first?.total == bill.total)
  }

  @Test(
    "components add up to the total within the 18th digit, with batch, tools and storage",
    arguments: ["agents", "coding", "customer-service", "rag", "marketing", "translation"]
  )
  func componentsAddUp(preset: String) throws {
    let profile = try #require(WorkloadProfile.presets[preset])
    for model in ["deepseek-flash", "qwen-plus", "gpt-5", "claude-sonnet-5", "gemini-2.5-flash"] {
      guard let bill = try? profile.monthlyCost(of: model, in: "2026-11") else { continue }
      let sum = try bill.costByComponent.values.reduce(FixedDecimal.zero) { try $0 + $1 }
      #expect(try (sum - bill.total.amount).magnitude <= FixedDecimal("0.000000000000001"))
    }
  }

  @Test("a horizon's free quota is a negative component, so the components still add up")
  func freeQuotaComponent() throws {
    let withQuota = try #require(
      Catalog.builtIn.offerings.first { offering in
        (try? offering.schedule.entry(at: instant("2026-11-01T00:00:00Z")).sheet.freeQuota) != nil
      }
    )
    let horizon = try WorkloadProfile.rag.monthlyCosts(on: withQuota, from: "2026-11", months: 3)
    let first = try #require(horizon.costs.first)
    let deducted = try #require(first.costByComponent[MonthlyCost.freeQuotaComponent])
    #expect(deducted.isNegative)
    for month in horizon.costs {
      let sum = try month.costByComponent.values.reduce(FixedDecimal.zero) { try $0 + $1 }
      #expect(try (sum - month.total.amount).magnitude <= FixedDecimal("0.000000000000001"))
    }
  }

  @Test("an assumption over several models holds on the cheapest, and fails with the story")
  func assumptionOverSeveralModels() throws {
    // gpt-4.1-mini costs $771.134 for RAG in March 2026; gpt-4.1 lists at five times its
    // prices ($2/$8 against $0.40/$1.60), so it costs 5 × 771.134 = $3,855.67.
    let under = try CostAssumption(
      .rag,
      on: ["gpt-4.1", "gpt-4.1-mini"],
      in: "2026-03",
      under: "$800"
    )
    .check()
    #expect(under.cost.offering == "openai/gpt-4.1-mini@USD")
    #expect(under.margin == Money.usd("28.866"))
    #expect(under.ranked.map(\.total) == [Money.usd("771.134"), Money.usd("3855.67")])
    #expect(under.explanation.contains("The cheapest of 2 candidates"))
    let failure = #expect(throws: PricingError.self) {
      try CostAssumption(.rag, on: ["gpt-4.1", "gpt-4.1-mini"], in: "2026-03", under: "$700")
        .check()
    }
    #expect(failure?.code == .assumptionFailed)
    #expect(failure?.message.contains("OVER the budget of $700.00 by $71.13") == true)
    #expect(failure?.message.contains("openai/gpt-4.1@USD $3,855.67") == true)
  }

  @Test("an assumption over providers ranks every model of each")
  func assumptionOverProviders() throws {
    let outcome = try CostAssumption(
      .customerService,
      on: .providers("deepseek", "alibaba"),
      in: "2026-11",
      under: "¥1,000,000"
    ).evaluate()
    let providers = Set(outcome.ranked.map(\.provider))
    #expect(providers == ["deepseek", "alibaba"])
    // Cheapest first, and the outcome's cost is the first.
    let totals = outcome.ranked.map(\.reportingTotal.amount)
    #expect(totals == totals.sorted())
    #expect(outcome.cost == outcome.ranked[0])
    let unknown = #expect(throws: PricingError.self) {
      try CostAssumption(.rag, on: .providers("deepsek"), in: "2026-03", under: "¥1").evaluate()
    }
    #expect(unknown?.message.contains("deepseek") == true)
  }

  @Test("a usage report's totals are money")
  func reportTotals() throws {
    var ingestor = try UsageIngestor(groupBy: [.model], currency: .cny)
    let line =
      #"{"timestamp":"2025-10-01T04:00:00Z","model":"deepseek-chat","usage":{"prompt_tokens":1000000,"completion_tokens":0}}"#
    ingestor.ingest(line: Data(line.utf8), number: 1)
    let report = ingestor.currentReport()
    // A million fresh input tokens at ¥2 per million (DeepSeek's list from 2025-09-29).
    #expect(report.grandTotal == Money.cny(2))
    #expect(report.grandTotal?.amount == report.total)
    #expect(report.nativeTotals.map(\.currency) == [.cny])
    #expect(report.groups.map { report.total(of: $0) } == [report.grandTotal])
    #expect(try UsageIngestor(groupBy: []).currentReport().grandTotal == nil)
  }
}

@Suite("Money literals, order and per-request formatting")
struct MoneyEverydayTests {
  @Test(
    "amounts written for people parse exactly",
    arguments: [
      ("¥20,000", Money.cny(20_000)), ("$0.50", Money.usd("0.5")), ("20000 CNY", .cny(20_000)),
      ("CNY 20000", .cny(20_000)), ("-1.5 USD", .usd("-1.5")), ("-¥3", .cny(-3)),
      ("0.000001 EUR", Money(FixedDecimal("0.000001"), .eur)), ("¥1,234,567.5", .cny("1234567.5")),
    ]
  )
  func parsing(text: String, expected: Money) throws {
    #expect(try Money(parsing: text) == expected)
  }

  @Test(
    "malformed amounts are refused by name",
    arguments: [
      "20000", "¥", "¥1.2.3", "20 yuan", "$-1", "1,5 CNY", "¥20,00", "¥1,000.5,0", "¥,100",
    ]
  )
  func malformed(text: String) {
    let error = #expect(throws: PricingError.self) { try Money(parsing: text) }
    #expect(error?.message.contains(text) == true)
  }

  @Test("literals need no try")
  func literals() {
    let budget: Money = "¥20,000"
    let price: FixedDecimal = "0.85"
    let month: YearMonth = "2027-01"
    let day: CalendarDay = "2027-02-17"
    #expect(budget == Money(20_000, .cny))
    #expect(price.description == "0.85")
    #expect(month.description == "2027-01")
    #expect(day.description == "2027-02-17")
  }

  @Test("a malformed literal is a programmer error that stops the program")
  func malformedLiteralsTrap() async {
    await #expect(processExitsWith: .failure) { _ = FixedDecimal(stringLiteral: "1.2.3") }
    await #expect(processExitsWith: .failure) { _ = Money(stringLiteral: "20 yuan") }
    await #expect(processExitsWith: .failure) { _ = YearMonth(stringLiteral: "2027-13") }
    await #expect(processExitsWith: .failure) { _ = CalendarDay(stringLiteral: "2027-02-30") }
  }

  @Test(
    "per-request amounts keep three significant digits; whole units round to the minor unit",
    arguments: [
      ("0.00234", Currency.cny, "¥0.00234"), ("0.016336", .cny, "¥0.0163"), ("0.5", .cny, "¥0.50"),
      ("0.125", .usd, "$0.125"), ("1234.565", .cny, "¥1,234.56"), ("1234.575", .cny, "¥1,234.58"),
      ("0", .cny, "¥0.00"), ("-0.0012345", .usd, "-$0.00123"), ("0.9999", .cny, "¥1.00"),
      ("0.000000000000000001", .cny, "¥0.000000000000000001"), ("0.5", .jpy, "JP¥0.5"),
      ("12", .jpy, "JP¥12"), ("0.0100", .cny, "¥0.01"),
    ]
  )
  func formatting(amount: String, currency: Currency, expected: String) throws {
    #expect(Money(try dec(amount), currency).formatted() == expected)
  }

  @Test("fixed places on request")
  func fixedPlaces() {
    #expect(Money.cny("0.0023").formatted(places: 2) == "¥0.00")
    #expect(Money.cny("0.0023").formatted(places: 4) == "¥0.0023")
    #expect(Money.cny("1234.5").formatted(places: 0) == "¥1,234")
  }

  @Test("money sorts, and finds its least and greatest, within one currency")
  func ordering() throws {
    let bills: [Money] = ["¥120", "¥80.50", "¥99", "¥80.50"]
    #expect(try bills.sorted() == ["¥80.50", "¥80.50", "¥99", "¥120"])
    #expect(try bills.min() == "¥80.50")
    #expect(try bills.max() == "¥120")
    #expect(try bills.sum(in: .cny) == "¥380")
    #expect(try [Money]().max() == nil)
    #expect(try [Money]().sum(in: .usd) == .usd(0))
    let costs = [("a", Money.usd(3)), ("b", .usd(1)), ("c", .usd(2))]
    #expect(try costs.sorted(byAmount: \.1).map(\.0) == ["b", "c", "a"])
  }

  @Test("yuan and dollars do not compare, add or sort: a thrown error, never a crash")
  func mixedCurrencies() {
    let mixed: [Money] = ["¥100", "$1"]
    for attempt in [
      { _ = try mixed.sorted() }, { _ = try mixed.max() }, { _ = try mixed.sum(in: .cny) },
      { _ = try Money.cny(1) + .usd(1) }, { _ = try Money.cny(1).isLess(than: .usd(1)) },
    ] as [() throws -> Void] {
      let error = #expect(throws: PricingError.self, performing: attempt)
      #expect(error?.code == .currencyMismatch)
    }
  }
}
