import Foundation
import LLMPricing
import Testing

@Suite("Built-in catalog: ByteDance, Tencent and Baidu")
struct ByteDanceTencentBaiduCatalogTests {
  /// The built-in CNY offering of a model from a provider.
  func offering(_ model: String, _ provider: String) throws -> Offering {
    try Catalog.builtIn.offering(model: model, provider: provider, currency: .cny)
  }

  /// The total cost of a usage at an instant, in CNY.
  func total(
    _ model: String,
    _ provider: String,
    _ usage: TokenUsage,
    at time: String
  ) throws -> Money {
    try offering(model, provider).schedule.cost(of: usage, at: instant(time)).total
  }

  func yuan(_ text: String) throws -> Money { Money(try dec(text), .cny) }

  // MARK: Shape of the data

  @Test func theProvidersBuildAndAreInTheCatalog() throws {
    let built = try Catalog.makeBuiltIn()
    let ids = ["bytedance", "tencent", "baidu"]
    let mine = built.filter { ids.contains($0.provider.id) }
    #expect(mine.count == 22)
    for offering in mine {
      #expect(offering.currency == .cny, "\(offering.id)")
      #expect(offering.region == "mainland China", "\(offering.id)")
      #expect(offering.provider.timeZone == "Asia/Shanghai")
      let starts = offering.schedule.entries.map(\.effectiveFrom)
      #expect(starts == starts.sorted(), "\(offering.id)")
      for entry in offering.schedule.entries {
        #expect(entry.provenance.source.hasPrefix("https://"), "\(offering.id)")
        #expect(entry.provenance.note?.isEmpty == false, "\(offering.id)")
        #expect(entry.provenance.observed >= CalendarDay("2024-05-15"))
        #expect(entry.sheet.batchMultiplier == nil, "\(offering.id)")
      }
    }
  }

  @Test(
    "Free models are priced at exactly zero",
    arguments: [
      ("hunyuan-lite", "tencent", "2024-06-01T00:00:00Z"),
      ("ernie-speed-8k", "baidu", "2024-06-01T00:00:00Z"),
      ("ernie-speed-128k", "baidu", "2026-01-01T00:00:00Z"),
      ("ernie-lite-8k", "baidu", "2025-06-01T00:00:00Z"),
    ]
  )
  func freeModels(model: String, provider: String, time: String) throws {
    let usage = try TokenUsage(uncachedInput: 100_000, output: 4_000)
    let cost = try offering(model, provider).schedule.cost(of: usage, at: instant(time))
    #expect(cost.total == (try yuan("0")))
    #expect(cost.lines.count == 2)
  }

  // MARK: ByteDance

  @Test func doubaoLaunchPrices() throws {
    // 10,000 in × ¥0.8 + 2,000 out × ¥2, per million = ¥0.008 + ¥0.004 = ¥0.012.
    let pro = try TokenUsage(uncachedInput: 10_000, output: 2_000)
    #expect(
      try total("doubao-pro-32k", "bytedance", pro, at: "2024-05-15T02:00:00Z") == yuan("0.012")
    )
    // 100,000 in × ¥0.3 + 10,000 out × ¥0.6 = ¥0.03 + ¥0.006 = ¥0.036.
    let lite = try TokenUsage(uncachedInput: 100_000, output: 10_000)
    #expect(
      try total("doubao-lite-32k", "bytedance", lite, at: "2025-01-01T00:00:00Z") == yuan("0.036")
    )
    // 2024-05-15 00:00 Beijing time is the first priced instant.
    let error = #expect(throws: PricingError.self) {
      try total("doubao-pro-32k", "bytedance", pro, at: "2024-05-14T15:59:59Z")
    }
    #expect(error?.code == .noPriceInEffect)
  }

  @Test func seed16OutputSplitAt200Tokens() throws {
    let at = "2025-07-01T00:00:00Z"
    // 32,000 input (20,000 fresh + 12,000 cached) is still the first band.
    // 20,000 × ¥0.8 + 12,000 × ¥0.16 + 200 out × ¥2
    //   = ¥0.016 + ¥0.00192 + ¥0.0004 = ¥0.01832.
    let short = try TokenUsage(uncachedInput: 20_000, cacheRead: 12_000, output: 200)
    #expect(try total("doubao-seed-1.6", "bytedance", short, at: at) == yuan("0.01832"))
    // 201 output tokens: every output token moves to ¥8.
    // ¥0.016 + ¥0.00192 + 201 × ¥8 (¥0.001608) = ¥0.019528.
    let long = try TokenUsage(uncachedInput: 20_000, cacheRead: 12_000, output: 201)
    #expect(try total("doubao-seed-1.6", "bytedance", long, at: at) == yuan("0.019528"))
    // Reasoning tokens count as output: 150 + 100 = 250 > 200, so ¥8 for both.
    // 1,000 in × ¥0.8 + 250 × ¥8 = ¥0.0008 + ¥0.002 = ¥0.0028.
    let thinking = try TokenUsage(uncachedInput: 1_000, output: 150, reasoning: 100)
    #expect(try total("doubao-seed-1.6", "bytedance", thinking, at: at) == yuan("0.0028"))
  }

  @Test(
    "Seed 1.6 input bands at every bound",
    arguments: [
      (32_000, "8"), (32_001, "16"), (128_000, "16"), (128_001, "24"), (256_000, "24"),
    ]
  )
  func seed16InputBands(input: Int, outputPrice: String) throws {
    let usage = try TokenUsage(uncachedInput: input, output: 1_000)
    let cost = try offering("doubao-seed-1.6", "bytedance").schedule.cost(
      of: usage,
      at: instant("2025-12-01T00:00:00Z")
    )
    #expect(cost.lines.last?.unitPrice == (try dec(outputPrice)))
  }

  @Test func seed16SecondBandAndLaunchDay() throws {
    // 32,001 in × ¥1.2 + 200 out × ¥16 = ¥0.0384012 + ¥0.0032 = ¥0.0416012:
    // above 32K input there is no output split.
    let usage = try TokenUsage(uncachedInput: 32_001, output: 200)
    #expect(
      try total("doubao-seed-1.6", "bytedance", usage, at: "2025-07-01T00:00:00Z")
        == yuan("0.0416012")
    )
    let early = #expect(throws: PricingError.self) {
      try total("doubao-seed-1.6", "bytedance", usage, at: "2025-06-10T15:59:59Z")
    }
    #expect(early?.code == .noPriceInEffect)
  }

  @Test func seed16FlashAndLite() throws {
    // Flash, second band: 50,000 in × ¥0.3 + 1,000 out × ¥3 = ¥0.015 + ¥0.003 = ¥0.018.
    let flash = try TokenUsage(uncachedInput: 50_000, output: 1_000)
    #expect(
      try total("doubao-seed-1-6-flash-250828", "bytedance", flash, at: "2025-09-01T00:00:00Z")
        == yuan("0.018")
    )
    // Lite, short output: 10,000 in × ¥0.3 + 100 out × ¥0.6 = ¥0.003 + ¥0.00006 = ¥0.00306.
    let lite = try TokenUsage(uncachedInput: 10_000, output: 100)
    #expect(
      try total("doubao-seed-1.6-lite", "bytedance", lite, at: "2025-10-16T08:00:00Z")
        == yuan("0.00306")
    )
    // Lite, long output: 100,000 cached × ¥0.06 + 1,000 out × ¥4 = ¥0.006 + ¥0.004 = ¥0.01.
    let cached = try TokenUsage(cacheRead: 100_000, output: 1_000)
    #expect(
      try total("doubao-seed-1.6-lite", "bytedance", cached, at: "2025-11-01T00:00:00Z")
        == yuan("0.01")
    )
  }

  // MARK: Tencent

  @Test func hunyuanPriceWarAndTurboS() throws {
    // hunyuan-pro: 1,000 in × ¥30 + 1,000 out × ¥100 = ¥0.03 + ¥0.1 = ¥0.13.
    let small = try TokenUsage(uncachedInput: 1_000, output: 1_000)
    #expect(try total("hunyuan-pro", "tencent", small, at: "2024-06-01T00:00:00Z") == yuan("0.13"))
    // TurboS: 1,000,000 in × ¥0.8 + 500,000 out × ¥2 = ¥0.8 + ¥1 = ¥1.8.
    let big = try TokenUsage(uncachedInput: 1_000_000, output: 500_000)
    #expect(
      try total("hunyuan-turbos-latest", "tencent", big, at: "2025-03-01T00:00:00Z")
        == yuan("1.8")
    )
    // hunyuan-lite is free from 2024-05-22 00:00 Beijing time, not before.
    let error = #expect(throws: PricingError.self) {
      try total("hunyuan-lite", "tencent", small, at: "2024-05-21T15:59:59Z")
    }
    #expect(error?.code == .noPriceInEffect)
  }

  @Test func hunyuanT1BillsReasoningAsOutput() throws {
    // 20,000 prompt + 30,000 completion (25,000 of it reasoning), all output at ¥4:
    // 20,000 × ¥1 + 30,000 × ¥4 = ¥0.02 + ¥0.12 = ¥0.14.
    let usage = try TokenUsage.inclusive(
      promptTokens: 20_000,
      completionTokens: 30_000,
      reasoningTokens: 25_000
    )
    #expect(
      try total("hunyuan-t1-latest", "tencent", usage, at: "2025-04-01T00:00:00Z") == yuan("0.14")
    )
  }

  @Test func hunyuanStandardSwitchesToItsLaterPrice() throws {
    let usage = try TokenUsage(uncachedInput: 10_000, output: 1_000)
    // Before: 10,000 × ¥4.5 + 1,000 × ¥5 = ¥0.045 + ¥0.005 = ¥0.05.
    #expect(
      try total("hunyuan-standard", "tencent", usage, at: "2025-03-22T15:59:59Z") == yuan("0.05")
    )
    // From 2025-03-23 00:00 Beijing time: 10,000 × ¥0.8 + 1,000 × ¥2 = ¥0.008 + ¥0.002.
    #expect(
      try total("hunyuan-standard", "tencent", usage, at: "2025-03-22T16:00:00Z") == yuan("0.01")
    )
    // 256K: 10,000 × ¥15 + 1,000 × ¥60 = ¥0.21 before; 10,000 × ¥0.5 + 1,000 × ¥2 = ¥0.007 after.
    #expect(
      try total("hunyuan-standard-256k", "tencent", usage, at: "2024-12-01T00:00:00Z")
        == yuan("0.21")
    )
    #expect(
      try total("hunyuan-standard-256K", "tencent", usage, at: "2025-06-01T00:00:00Z")
        == yuan("0.007")
    )
  }

  // MARK: Baidu

  @Test func ernie40History() throws {
    let usage = try TokenUsage(uncachedInput: 10_000, output: 1_000)
    // May 2024: 10,000 × ¥120 + 1,000 × ¥120 = ¥1.2 + ¥0.12 = ¥1.32.
    #expect(try total("ernie-4.0-8k", "baidu", usage, at: "2025-02-05T15:59:59Z") == yuan("1.32"))
    // By 2025-02-06: 10,000 × ¥30 + 1,000 × ¥90 = ¥0.3 + ¥0.09 = ¥0.39.
    #expect(try total("ernie-4.0-8k", "baidu", usage, at: "2025-02-05T16:00:00Z") == yuan("0.39"))
    // By 2025-06-14: 10,000 × ¥4 + 1,000 × ¥16 = ¥0.04 + ¥0.016 = ¥0.056.
    #expect(try total("ernie-4.0-8k", "baidu", usage, at: "2025-07-01T00:00:00Z") == yuan("0.056"))
    // ERNIE 3.5: ¥12/¥12 then ¥0.8/¥2: ¥0.132 before, ¥0.008 + ¥0.002 = ¥0.01 after.
    #expect(try total("ernie-3.5-8k", "baidu", usage, at: "2024-06-01T00:00:00Z") == yuan("0.132"))
    #expect(try total("ernie-3.5-8k", "baidu", usage, at: "2025-02-06T00:00:00Z") == yuan("0.01"))
  }

  @Test func ernieSpeedIsFreeFromTheDayOfTheAnnouncement() throws {
    let usage = try TokenUsage(uncachedInput: 1_000, output: 1_000)
    let before = #expect(throws: PricingError.self) {
      try total("ernie-speed-8k", "baidu", usage, at: "2024-05-20T15:59:59Z")
    }
    #expect(before?.code == .noPriceInEffect)
    #expect(try total("ernie-speed-8k", "baidu", usage, at: "2024-05-20T16:00:00Z") == yuan("0"))
  }

  @Test func ernie45FamilyPrices() throws {
    let usage = try TokenUsage(uncachedInput: 100_000, output: 10_000)
    // ERNIE 4.5 Turbo: 100,000 × ¥0.8 + 10,000 × ¥3.2 = ¥0.08 + ¥0.032 = ¥0.112.
    #expect(
      try total("ernie-4.5-turbo-128k", "baidu", usage, at: "2025-05-01T00:00:00Z")
        == yuan("0.112")
    )
    #expect(
      try total("ernie-4.5-turbo-32k", "baidu", usage, at: "2025-05-01T00:00:00Z")
        == yuan("0.112")
    )
    // ERNIE 4.5: 100,000 × ¥4 + 10,000 × ¥16 = ¥0.4 + ¥0.16 = ¥0.56.
    #expect(
      try total("ernie-4.5-8k-preview", "baidu", usage, at: "2025-03-16T00:00:00Z")
        == yuan("0.56")
    )
    // X1: 100,000 × ¥2 + 10,000 × ¥8 = ¥0.2 + ¥0.08 = ¥0.28; X1 Turbo: ¥0.1 + ¥0.04 = ¥0.14.
    #expect(
      try total("ernie-x1-32k-preview", "baidu", usage, at: "2025-04-01T00:00:00Z")
        == yuan("0.28")
    )
    #expect(
      try total("ernie-x1-turbo-32k", "baidu", usage, at: "2025-05-01T00:00:00Z") == yuan("0.14")
    )
    // The Turbo models did not exist before 2025-04-25 00:00 Beijing time.
    let early = #expect(throws: PricingError.self) {
      try total("ernie-x1-turbo-32k", "baidu", usage, at: "2025-04-24T15:59:59Z")
    }
    #expect(early?.code == .noPriceInEffect)
  }

  @Test func ernie50TiersOnTotalInput() throws {
    let at = "2025-12-01T00:00:00Z"
    // Up to 32K: 20,000 in × ¥6 + 1,000 out × ¥24 = ¥0.12 + ¥0.024 = ¥0.144.
    let small = try TokenUsage(uncachedInput: 20_000, output: 1_000)
    #expect(try total("ernie-5.0-thinking-preview", "baidu", small, at: at) == yuan("0.144"))
    // 100,000 in, half of it cached, bills the whole request at ¥10/¥40:
    // 100,000 × ¥10 + 1,000 × ¥40 = ¥1 + ¥0.04 = ¥1.04 (no cache-hit price).
    let large = try TokenUsage(uncachedInput: 50_000, cacheRead: 50_000, output: 1_000)
    #expect(try total("ernie-5.0-thinking-preview", "baidu", large, at: at) == yuan("1.04"))
  }
}
