import Foundation
import LLMPricing
import Testing

@Suite("Built-in catalog")
struct CatalogTests {
  @Test func theBuiltInCatalogBuildsWithoutErrors() throws {
    let offerings = try Catalog.makeBuiltIn()
    #expect(offerings.count == Catalog.builtIn.offerings.count)
    // Ids are unique, and every provider the catalog promises is present.
    #expect(Set(offerings.map(\.id)).count == offerings.count)
    let providers = Set(offerings.map(\.provider.id))
    for provider in [
      "deepseek", "alibaba", "bytedance", "tencent", "baidu", "zhipu", "moonshot", "minimax",
      "iflytek", "sensetime", "stepfun", "01ai", "openai", "anthropic", "google", "xai",
    ] {
      #expect(providers.contains(provider), "missing \(provider)")
    }
  }

  @Test func everyBuiltInPriceIsPlausibleAndSourced() throws {
    for offering in Catalog.builtIn.offerings {
      #expect(offering.currency == .cny || offering.currency == .usd)
      let starts = offering.schedule.entries.map(\.effectiveFrom)
      #expect(starts == starts.sorted())
      for entry in offering.schedule.entries {
        #expect(entry.provenance.source.hasPrefix("https://"), "\(offering.id)")
        #expect(entry.provenance.observed >= CalendarDay("2024-05-01"))
        var tiers = entry.sheet.tiers
        for window in entry.sheet.windows {
          if case .tiers(let windowTiers) = window.effect { tiers += windowTiers }
        }
        for tier in tiers {
          for component in [CostComponent.input, .cacheRead, .output] {
            let price = tier.prices.effectivePrice(of: component)
            // Free models are priced 0 (a sourced fact); nothing may exceed the sanity bound.
            #expect(price >= .zero && price <= PriceSheet.maximumPricePerMillion, "\(offering.id)")
          }
          #expect(tier.prices.effectivePrice(of: .cacheRead) <= tier.prices.input)
        }
      }
    }
  }

  @Test(
    "Lookups are case-insensitive and accept provider/model",
    arguments: [
      "deepseek-chat", "DeepSeek-Chat", "deepseek/deepseek-chat", "DEEPSEEK/DEEPSEEK-CHAT",
    ]
  )
  func lookups(id: String) throws {
    let offerings = try Catalog.builtIn.offerings(model: id)
    #expect(Set(offerings.map(\.currency)) == [.cny, .usd])
  }

  @Test func aliasesResolve() throws {
    let offerings = try Catalog.builtIn.offerings(model: "deepseek-v4.1-flash")
    #expect(offerings.first?.model.id == "deepseek-flash")
  }

  @Test func unknownIdsSuggestTheClosest() {
    let error = #expect(throws: PricingError.self) {
      try Catalog.builtIn.offerings(model: "deepseek-chta")
    }
    #expect(error?.code == .unknownModel)
    #expect(error?.message.contains("closest: deepseek-chat") == true)
    let provider = #expect(throws: PricingError.self) {
      try Catalog.builtIn.offerings(model: "deepseek-chat", provider: "openai")
    }
    #expect(provider?.message.contains("openai") == true)
  }

  @Test func theCatalogRoundTripsThroughJSON() throws {
    let data = try Catalog.builtIn.encodedJSON()
    let decoded = try Catalog.decode(from: data)
    #expect(decoded == Catalog.builtIn)
    let usage = try TokenUsage(uncachedInput: 5_000, cacheRead: 1_000, output: 700)
    let at = try instant("2026-10-09T02:00:00Z")
    let original = try Catalog.builtIn.offering(model: "deepseek-flash", currency: .cny)
    let copy = try decoded.offering(model: "deepseek-flash", currency: .cny)
    #expect(
      try original.schedule.cost(of: usage, at: at) == copy.schedule.cost(of: usage, at: at)
    )
  }

  @Test(
    "Bad catalog JSON names the key path",
    arguments: [
      ("\"-1\"", "entries[0].sheet: tiers[0] input price -1 is negative"),
      ("\"abc\"", "prices.input"), ("\"2000000\"", "offerings[0]"),
    ]
  )
  func badJSONNamesTheKeyPath(badInput: String, expectedPath: String) throws {
    var text = String(decoding: try Catalog.builtIn.encodedJSON(), as: UTF8.self)
    let range = try #require(text.range(of: #""input" : "1""#))
    text.replaceSubrange(range, with: #""input" : "# + badInput)
    let error = #expect(throws: PricingError.self) { try Catalog.decode(from: Data(text.utf8)) }
    #expect(error?.code == .invalidData)
    #expect(error?.message.contains(expectedPath) == true, "\(error?.message ?? "")")
  }

  @Test func worstCaseInputsDoNotCrash() {
    for text in ["", "{", "[]", "{\"offerings\": 3}", "{\"offerings\": [{}]}", "null"] {
      #expect(throws: PricingError.self) { try Catalog.decode(from: Data(text.utf8)) }
    }
  }
}
