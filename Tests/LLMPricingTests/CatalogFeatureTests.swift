import Foundation
import LLMPricing
import Testing

@Suite("Catalog queries, overrides, format and imports")
struct CatalogFeatureTests {
  @Test(
    "Dated snapshot ids reach their model",
    arguments: ["deepseek-chat-2025-09-29", "deepseek-chat-20250929", "deepseek-chat-250929"]
  )
  func snapshotIDs(id: String) throws {
    #expect(try Catalog.builtIn.offerings(model: id).first?.model.id == "deepseek-chat")
  }

  @Test func queriesFilterByEveryCriterion() throws {
    let at = try instant("2026-10-01T00:00:00Z")
    let cny = Catalog.builtIn.offerings(matching: CatalogQuery(currency: .cny, offeredAt: at))
    #expect(!cny.isEmpty && cny.allSatisfy { $0.currency == .cny })
    // deepseek-chat was retired on 2026-07-24, so it is not offered in October.
    #expect(!cny.contains { $0.model.id == "deepseek-chat" })
    let big = Catalog.builtIn.offerings(matching: CatalogQuery(minimumContextWindow: 1_000_000))
    #expect(!big.isEmpty && big.allSatisfy { ($0.model.contextWindow ?? 0) >= 1_000_000 })
    #expect(Catalog.builtIn.offerings(matching: CatalogQuery(country: "ZZ")).isEmpty)
    let open = Catalog.builtIn.offerings(
      matching: CatalogQuery(provider: "DeepSeek", openWeights: true)
    )
    #expect(open.count == Catalog.builtIn.offerings.filter { $0.provider.id == "deepseek" }.count)
  }

  @Test func aNegotiatedDiscountAppliesFromItsDate() throws {
    let json = """
      {"formatVersion": 1, "overrides": [{"offering": "deepseek/deepseek-flash@CNY",
        "multiplier": "0.8", "from": "2026-10-01T00:00:00Z", "note": "negotiated 20% off"}]}
      """
    let catalog = try Catalog.builtIn.merging(Catalog.decode(from: Data(json.utf8)))
    let flash = try catalog.offering(model: "deepseek-flash", currency: .cny)
    let usage = try TokenUsage(uncachedInput: 1_000_000, output: 0)
    // Off-peak ¥1 per million before the discount, ¥0.8 after.
    let before = try flash.schedule.cost(of: usage, at: instant("2026-09-30T12:00:00Z"))
    let after = try flash.schedule.cost(of: usage, at: instant("2026-10-01T12:00:00Z"))
    #expect(before.total.amount == 1)
    #expect(after.total.amount == FixedDecimal("0.8"))
    #expect(after.provenance.note?.contains("negotiated 20% off") == true)
    // Peak prices (own window tiers) are discounted too: ¥2 → ¥1.6 at 10:00 Beijing.
    let peak = try flash.schedule.cost(of: usage, at: instant("2026-10-09T02:00:00Z"))
    #expect(peak.total.amount == FixedDecimal("1.6"))
  }

  @Test func aPrivateDeploymentReplacesOrAddsOfferings() throws {
    var mine = try Catalog.builtIn.offering(model: "deepseek-flash", currency: .cny)
    mine.region = "private deployment"
    var added = mine
    added.model.id = "our-finetune"
    let catalog = try Catalog.builtIn.merging(Catalog(offerings: [mine, added]))
    #expect(catalog.offerings.count == Catalog.builtIn.offerings.count + 1)
    #expect(
      try catalog.offering(model: "deepseek-flash", currency: .cny).region == "private deployment"
    )
    #expect(try catalog.offerings(model: "our-finetune").count == 1)
  }

  @Test func overridesOfUnknownOfferingsSuggestTheClosest() throws {
    let override = CatalogOverride(offering: "deepseek/deepseek-flsh@CNY", multiplier: 1, note: "x")
    let error = #expect(throws: PricingError.self) {
      try Catalog.builtIn.merging(Catalog(offerings: [], overrides: [override]))
    }
    #expect(error?.message.contains("deepseek/deepseek-flash@CNY") == true)
  }

  @Test(
    "Catalog files are validated with key paths",
    arguments: [
      (#"{"formatVersion": 2}"#, "format version 2"),
      (#"{"offerings": [{"model": {"id": "m"}}]}"#, "offerings[0].model"),
      (
        #"{"overrides": [{"offering": "a/b@USD", "multiplier": "x", "note": "n"}]}"#,
        "overrides[0].multiplier"
      ),
    ]
  )
  func invalidFiles(json: String, expected: String) {
    let error = #expect(throws: PricingError.self) { try Catalog.decode(from: Data(json.utf8)) }
    #expect(error?.message.contains(expected) == true, "\(error?.message ?? "")")
  }

  @Test func duplicateOfferingsUnknownCurrenciesAndMissingSourcesAreRejected() throws {
    let text = String(decoding: try Catalog.builtIn.encodedJSON(), as: UTF8.self)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    )
    let offerings = try #require(object["offerings"] as? [Any])
    let doubled = try JSONSerialization.data(withJSONObject: [
      "offerings": [offerings[0], offerings[0]]
    ])
    let duplicate = #expect(throws: PricingError.self) { try Catalog.decode(from: doubled) }
    #expect(duplicate?.message.contains("appears twice") == true)
    let unknown = text.replacingOccurrences(
      of: #""currency" : "CNY""#,
      with: #""currency" : "XYZ""#
    )
    let currency = #expect(throws: PricingError.self) {
      try Catalog.decode(from: Data(unknown.utf8))
    }
    #expect(currency?.message.contains("XYZ") == true)
    let unsourced = text.replacingOccurrences(
      of: #""source" : "https://www.jiemian.com/article/11185963.html""#,
      with: #""source" : " ""#
    )
    let source = #expect(throws: PricingError.self) {
      try Catalog.decode(from: Data(unsourced.utf8))
    }
    #expect(source?.message.contains("needs a source") == true)
  }

  func fixture(_ name: String) throws -> Data {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures").appendingPathComponent(name)
    return try Data(contentsOf: url)
  }

  @Test func liteLLMImportKeepsExactPricesTiersAndBatchAndReportsSkips() throws {
    let result = try LiteLLMImporter.import(
      fixture("litellm-sample.json"),
      source: "fixture",
      observed: CalendarDay("2026-11-01")
    )
    #expect(
      Set(result.catalog.offerings.map(\.id)) == [
        "anthropic/claude-test@USD", "deepseek/deepseek-chat@USD",
      ]
    )
    #expect(
      Set(result.skipped.map(\.entry)) == ["sample_spec", "text-embedding-test", "no-prices"]
    )
    let claude = try #require(result.catalog.offerings.first { $0.model.id == "claude-test" })
    let sheet = claude.schedule.entries[0].sheet
    // 3e-06 per token = $3 per million, exactly; 1-hour writes 6e-06 = $6.
    #expect(sheet.tiers[0].prices.input == 3)
    #expect(sheet.tiers[0].prices.cacheWrite1h == 6)
    #expect(sheet.tiers.count == 2 && sheet.tiers[1].prices.input == 6)
    #expect(sheet.batchMultiplier == FixedDecimal("0.5"))
    let deepseek = try #require(result.catalog.offerings.first { $0.model.id == "deepseek-chat" })
    // 2.8e-08 per token = $0.028 per million.
    #expect(
      deepseek.schedule.entries[0].sheet.tiers[0].prices.cacheRead == FixedDecimal("0.028")
    )
  }

  @Test func genAIPricesImportHandlesTiersDatesAndTimeWindows() throws {
    let result = try GenAIPricesImporter.import(
      fixture("genai-prices-sample.json"),
      source: "fixture",
      observed: CalendarDay("2026-11-01")
    )
    #expect(result.catalog.offerings.count == 2)
    #expect(result.skipped.map(\.entry) == ["demo/embed-only"])
    let tiered = try result.catalog.offering(model: "tiered-model", currency: .usd)
    let usage = try TokenUsage(uncachedInput: 200_000, output: 0)
    let bigger = try TokenUsage(uncachedInput: 200_001, output: 0)
    // [0, 200000] at $1.25; above 200,000 the whole request at $2.50.
    #expect(
      try tiered.schedule.totalCost(of: usage, at: instant("2025-06-01T00:00:00Z")).amount
        == FixedDecimal("0.25")
    )
    #expect(
      try tiered.schedule.totalCost(of: bigger, at: instant("2025-06-01T00:00:00Z")).amount
        == FixedDecimal("0.5000025")
    )
    // The dated price from 2026-01-01 doubles the base price.
    #expect(
      try tiered.schedule.totalCost(of: usage, at: instant("2026-01-01T00:00:00Z")).amount
        == FixedDecimal("0.5")
    )
    let windowed = try result.catalog.offering(model: "windowed-model", currency: .usd)
    let million = try TokenUsage(uncachedInput: 1_000_000, output: 0)
    #expect(
      try windowed.schedule.totalCost(of: million, at: instant("2025-06-01T01:00:00Z")).amount
        == FixedDecimal("0.27")
    )
    #expect(
      try windowed.schedule.totalCost(of: million, at: instant("2025-06-01T17:00:00Z")).amount
        == FixedDecimal("0.135")
    )
  }

  @Test func comparisonShowsDisagreementsOnlyForTheSameOffering() throws {
    let result = try LiteLLMImporter.import(
      fixture("litellm-sample.json"),
      source: "fixture",
      observed: CalendarDay("2026-11-01")
    )
    // On 2025-10-01 DeepSeek's own USD list for deepseek-chat is $0.28 / $0.028 / $0.42,
    // and the fixture says $0.28 / $0.028 / $1.10: only output differs, by +161.9%.
    let differences = PriceComparison.differences(
      ours: .builtIn,
      theirs: result.catalog,
      at: try instant("2025-10-01T04:00:00Z")
    )
    #expect(differences.count == 1)
    #expect(differences.first?.component == .output)
    #expect(differences.first?.relativeDifference == FixedDecimal("1.619"))
  }
}
