import Foundation
import LLMPricing
import Testing

/// `llm-cost` across 2027: provisional calendars, strict mode, and exchange rates that say
/// how old they are.
@Suite("llm-cost calendars and exchange rates")
struct CalendarFXCommandTests {
  func run(_ arguments: [String]) throws -> LLMCostBinary.Result {
    try LLMCostBinary.run(arguments)
  }

  func object(_ result: LLMCostBinary.Result) throws -> [String: Any] {
    #expect(result.status == 0, "\(result.error)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    )
  }

  static let peakQuote = [
    "quote", "--model", "deepseek-flash", "--input", "100000", "--output", "2000", "--at",
    "2027-01-05T02:00:00Z",
  ]

  @Test func aQuoteIn2027IsPricedAndFlaggedProvisional() throws {
    let json = try object(try run(Self.peakQuote + ["--json"]))
    #expect(json["total"] as? String == "0.216")
    #expect(json["provisional"] as? Bool == true)
    let years = try #require(json["provisionalCalendar"] as? [[String: Any]])
    #expect(years.first?["year"] as? Int == 2027)
    #expect((years.first?["note"] as? String)?.contains("provisional") == true)
    let text = try run(Self.peakQuote)
    #expect(text.status == 0)
    #expect(text.output.contains("note: CN holidays for 2027 are provisional"))
  }

  @Test func strictCalendarRefusesAndSaysHowToAddTheYear() throws {
    let result = try run(Self.peakQuote + ["--strict-calendar"])
    #expect(result.status == 1)
    #expect(result.error.contains("2027"))
    #expect(result.error.contains("holidayCalendars"))
    #expect(result.error.contains("--catalog FILE"))
  }

  @Test func aCatalogFileAddsTheYear() throws {
    let file = try temporaryFile(
      #"""
      {"holidayCalendars": [{"id": "CN", "years": [2027], "holidays": {"2027-01-05": "test"},
        "makeUpWorkingDays": [], "sources": ["2027: test"]}]}
      """#,
      suffix: ".json"
    )
    defer { try? FileManager.default.removeItem(at: file) }
    let json = try object(
      try run(Self.peakQuote + ["--json", "--strict-calendar", "--catalog", file.path])
    )
    // Tuesday 2027-01-05 is a holiday in this file: off-peak, 0.108, and official.
    #expect(json["total"] as? String == "0.108")
    #expect(json["provisional"] as? Bool == false)
  }

  @Test func theIssuesMonthlyCommandWorksFor2027() throws {
    let arguments = [
      "monthly", "--workload", "coding", "--model", "deepseek-flash", "--month", "2027-01",
    ]
    let text = try run(arguments)
    #expect(text.status == 0, "\(text.error)")
    #expect(text.output.contains("provisional"))
    let json = try object(try run(arguments + ["--json"]))
    #expect(json["provisional"] as? Bool == true)
    #expect(json["month"] as? String == "2027-01")
    let strict = try run(arguments + ["--strict-calendar"])
    #expect(strict.status == 1)
  }

  @Test func monthsKeepWhatCanBePriced() throws {
    // deepseek-flash is sold from 2026-09-10: August and September cannot be priced.
    let arguments = [
      "monthly", "--workload", "coding", "--model", "deepseek-flash", "--month", "2026-08",
      "--months", "6",
    ]
    let text = try run(arguments)
    #expect(text.status == 0, "\(text.error)")
    #expect(text.output.contains("2026-08  not priced: no price is in effect"))
    #expect(text.output.contains("2027-01"))
    let json = try object(try run(arguments + ["--json"]))
    let months = try #require(json["months"] as? [[String: Any]])
    #expect(months.map { $0["month"] as? String } == ["2026-10", "2026-11", "2026-12", "2027-01"])
    let unpriced = try #require(json["unpricedMonths"] as? [[String: Any]])
    #expect(unpriced.map { $0["month"] as? String } == ["2026-08", "2026-09"])
    #expect(unpriced.first?["code"] as? String == "noPriceInEffect")
    #expect(json["provisional"] as? Bool == true)
  }

  @Test func convertedFiguresCarryTheirRate() throws {
    let arguments = [
      "quote", "--model", "gpt-4o-mini", "--input", "1000000", "--output", "0", "--at",
      "2026-12-01T00:00:00Z", "--currency", "CNY",
    ]
    let json = try object(try run(arguments + ["--json"]))
    let rate = try #require(json["exchangeRate"] as? [String: Any])
    #expect(rate["base"] as? String == "USD")
    #expect(rate["quote"] as? String == "CNY")
    #expect(rate["rate"] as? String == "6.815")
    #expect((rate["asOf"] as? String)?.hasPrefix("2026-06-22") == true)
    #expect(rate["ageDays"] as? Int == 161)
    #expect(rate["assumed"] as? Bool == true)
    #expect((rate["source"] as? String)?.contains("el7.ai") == true)
    let text = try run(arguments)
    #expect(text.output.contains("warning: assumed exchange rate"))
  }

  @Test func fxOptionsWinOverTheTable() throws {
    // gpt-4o-mini input at $0.15 per million: 1,000,000 tokens at 7.05 = ¥1.0575.
    let arguments = [
      "quote", "--model", "gpt-4o-mini", "--input", "1000000", "--output", "0", "--at",
      "2026-12-01T00:00:00Z", "--currency", "CNY", "--json",
    ]
    let json = try object(try run(arguments + ["--fx", "USD/CNY=7.05"]))
    #expect(json["total"] as? String == "1.0575")
    let rate = try #require(json["exchangeRate"] as? [String: Any])
    #expect(rate["assumed"] as? Bool == false)
    #expect(rate["source"] as? String == "--fx USD/CNY=7.05")
    // The inverse pair works the same, by division: 1 ÷ 0.125 = 8 CNY per USD.
    let inverse = try object(try run(arguments + ["--fx", "CNY/USD=0.125"]))
    #expect(inverse["total"] as? String == "1.2")
    // A rate file, dated.
    let file = try temporaryFile("base,quote,rate,asOf\nUSD,CNY,7.2,2026-11-30\n", suffix: ".csv")
    defer { try? FileManager.default.removeItem(at: file) }
    let dated = try object(try run(arguments + ["--fx-file", file.path]))
    #expect(dated["total"] as? String == "1.08")
    let datedRate = try #require(dated["exchangeRate"] as? [String: Any])
    #expect(datedRate["ageDays"] as? Int == 1)
    #expect(datedRate["assumed"] as? Bool == false)
  }

  @Test(
    "Bad rates are refused with what is wrong",
    arguments: [
      (["--fx", "USD/CNY=0"], 2, "greater than zero"),
      (["--fx", "USD/CNY=-7"], 2, "greater than zero"),
      (["--fx", "USDCNY=7"], 2, "BASE/QUOTE=RATE"),
      (["--fx", "RMB/USD=0.14"], 2, "did you mean CNY"),
      (["--currency", "RMB"], 2, "did you mean CNY"),
      (["--fx-max-age", "30"], 1, "more than 30 days"),
    ]
  )
  func badRates(extra: [String], status: Int32, words: String) throws {
    let currency = extra.contains("--currency") ? [] : ["--currency", "CNY"]
    let result = try run(
      [
        "quote", "--model", "gpt-4o-mini", "--input", "1000", "--output", "0", "--at",
        "2026-12-01T00:00:00Z",
      ] + currency + extra
    )
    #expect(result.status == status)
    #expect(result.error.contains(words), "\(result.error)")
  }

  @Test func aRateFileWithABadLineNamesIt() throws {
    let file = try temporaryFile(
      "base,quote,rate,asOf\nUSD,CNY,7.2,2026-11-30\nUSD,CNY,0,2026-12-01\n",
      suffix: ".csv"
    )
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try run([
      "compare", "--workload", "coding", "--month", "2026-12", "--fx-file", file.path,
    ])
    #expect(result.status == 1)
    #expect(result.error.contains("line 3"))
    #expect(result.error.contains("greater than zero"))
  }

  @Test func compareIn2027KeepsDeepSeekAndSaysWhyOthersAreMissing() throws {
    let arguments = ["compare", "--workload", "coding", "--month", "2027-01", "--currency", "USD"]
    let json = try object(try run(arguments + ["--json"]))
    let offerings = try #require(json["offerings"] as? [[String: Any]])
    let ids = offerings.compactMap { $0["offering"] as? String }
    #expect(
      ids.contains("deepseek/deepseek-flash@CNY") || ids.contains("deepseek/deepseek-flash@USD")
    )
    #expect(json["provisional"] as? Bool == true)
    let converted = try #require(offerings.first { $0["offeringCurrency"] as? String == "CNY" })
    let rate = try #require(converted["exchangeRate"] as? [String: Any])
    #expect(rate["assumed"] as? Bool == true)
    let skipped = try #require(json["skipped"] as? [[String: Any]])
    #expect(skipped.allSatisfy { ($0["reason"] as? String)?.contains("calendar") == false })
    let text = try run(arguments)
    #expect(text.output.contains("offerings not priced in 2027-01:"))
    #expect(text.output.contains("retired"))
    #expect(text.output.contains("warning: assumed exchange rate"))
  }

  @Test func ingestOfA2027LogRejectsNothingForCalendarOrRate() throws {
    let log = try temporaryFile(
      [
        #"{"timestamp": "2027-01-05T02:00:00Z", "model": "deepseek-flash", "usage": {"prompt_tokens": 100000, "completion_tokens": 2000}}"#,
        #"{"timestamp": "2027-02-08T02:00:00Z", "model": "deepseek-flash", "usage": {"prompt_tokens": 100000, "completion_tokens": 2000}}"#,
      ].joined(separator: "\n"),
      suffix: ".jsonl"
    )
    defer { try? FileManager.default.removeItem(at: log) }
    let json = try object(try run(["ingest", log.path, "--currency", "USD", "--json"]))
    #expect(json["rejected"] as? Int == 0)
    #expect(json["priced"] as? Int == 2)
    #expect((json["provisionalYears"] as? [[String: Any]])?.first?["year"] as? Int == 2027)
    let text = try run(["ingest", log.path])
    #expect(text.output.contains("provisional"))
    // Strict mode rejects the lines (and says why) instead.
    let strict = try object(try run(["ingest", log.path, "--strict-calendar", "--json"]))
    #expect(strict["rejected"] as? Int == 2)
  }

  @Test func scenariosNameTheRateEachMonthConvertedWith() throws {
    let arguments = ["scenario", "us-access-restriction", "--runs", "0", "--json"]
    let json = try object(try run(arguments))
    let months = try #require(json["exchangeRates"] as? [[String: Any]])
    #expect(months.count == 12)
    let first = try #require(months.first?["exchangeRate"] as? [String: Any])
    // Mid-June 2024 converts at the 2024-05-27 fixing, 18 days old.
    #expect(months.first?["month"] as? String == "2024-06")
    #expect(first["rate"] as? String == "7.1091")
    #expect(first["ageDays"] as? Int == 18)
    #expect(first["assumed"] as? Bool == false)
    let mine = try object(try run(arguments + ["--fx", "USD/CNY=7"]))
    let rates = try #require(mine["exchangeRates"] as? [[String: Any]])
    let rate = try #require(rates.first?["exchangeRate"] as? [String: Any])
    #expect(rate["rate"] as? String == "7")
    #expect(rate["source"] as? String == "--fx USD/CNY=7")
  }
}
