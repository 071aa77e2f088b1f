import Foundation
import LLMPricing
import Testing

@Suite("Exchange rates you can see, set and trust")
struct ExchangeRateAssumptionTests {
  @Test func theTableReachesPastMay2026AndIsSourced() throws {
    let newest = try #require(ExchangeRates.centralParity.rates.last)
    #expect(CalendarDay(utcDateOf: newest.asOf).description == "2026-06-22")
    #expect(newest.rate == (try dec("6.8150")))
    #expect(newest.source.contains("https://"))
  }

  @Test func ageAndAssumptionAreCarriedByEveryConversion() throws {
    let rates = ExchangeRates.centralParity
    // 2026-07-01 00:00 UTC is 8 days and 22:45 after the 2026-06-22 01:15 UTC fixing.
    let july = try rates.convert(Money(1_000, .cny), to: .usd, at: instant("2026-07-01T00:00:00Z"))
    let leg = try #require(july.legs.first)
    #expect(leg.ageDays == 8)
    #expect(!leg.isAssumed)
    #expect(leg.assumption == nil)
    // ¥1,000 ÷ 6.8150, half to even at the 18th digit.
    #expect(july.converted.amount == (try dec("146.735143066764490095")))
    // December: 176 days old, assumed, and the note says what to do.
    let december = try rates.convert(
      Money(1_000, .cny),
      to: .usd,
      at: instant("2026-12-15T00:00:00Z")
    )
    let old = try #require(december.legs.first)
    #expect(old.ageDays == 175)
    #expect(old.isAssumed)
    #expect(old.assumption?.contains("175 days old") == true)
    #expect(old.assumption?.contains("--fx USD/CNY=") == true)
    #expect(december.converted.amount == july.converted.amount)
  }

  @Test(
    "Future instants use the latest rate, flagged assumed, instead of throwing",
    arguments: ["2027-06-25T00:00:00Z", "2027-09-01T00:00:00Z", "2031-01-01T00:00:00Z"]
  )
  func futureInstants(at: String) throws {
    let converted = try ExchangeRates.centralParity.convert(
      Money(1, .usd),
      to: .cny,
      at: instant(at)
    )
    #expect(converted.converted.amount == (try dec("6.8150")))
    #expect(converted.legs.first?.isAssumed == true)
    // The strict option keeps the old refusal (each instant is over 366 days after the
    // 2026-06-22 fixing).
    let strict = ExchangeRates.centralParity.limitingAge(toDays: 366)
    let error = #expect(throws: PricingError.self) {
      try strict.convert(Money(1, .usd), to: .cny, at: instant(at))
    }
    #expect(error?.code == .staleExchangeRate)
    #expect(error?.message.contains("--fx") == true)
  }

  @Test func aFreshRateForAFutureInstantIsStillAssumed() throws {
    let rate = try ExchangeRate(
      base: .usd,
      quote: .cny,
      rate: dec("7"),
      asOf: instant("2099-01-01T00:00:00Z"),
      source: "test"
    )
    let applied = AppliedRate(rate: rate, isInverse: false, at: try instant("2099-01-05T00:00:00Z"))
    #expect(applied.ageDays == 4)
    #expect(applied.isAssumed)
    #expect(applied.assumption?.contains("future") == true)
    let past = AppliedRate(
      rate: rate,
      isInverse: false,
      at: try instant("2099-01-05T00:00:00Z"),
      now: try instant("2099-02-01T00:00:00Z")
    )
    #expect(!past.isAssumed)
  }

  @Test func aUsersRateWinsOverTheTable() throws {
    let standing = try ExchangeRate(base: .usd, quote: .cny, rate: dec("7.05"), source: "budget")
    #expect(standing.isStanding)
    let rates = ExchangeRates.centralParity.overriding(with: [standing])
    for at in ["2024-06-01T00:00:00Z", "2026-12-03T00:00:00Z", "2028-01-01T00:00:00Z"] {
      let converted = try rates.convert(Money(100, .cny), to: .usd, at: instant(at))
      // ¥100 ÷ 7.05, half to even at the 18th digit; the inverse is derived by division.
      #expect(converted.converted.amount == (try dec("14.184397163120567376")))
      let leg = try #require(converted.legs.first)
      #expect(leg.rate.source == "budget" && leg.isInverse && !leg.isAssumed && leg.ageDays == nil)
    }
    // A dated user rate wins from its date; the table's earlier history stays.
    let dated = try ExchangeRate(
      base: .cny,
      quote: .usd,
      rate: dec("0.14"),
      asOf: instant("2026-12-01T00:00:00Z"),
      source: "treasury"
    )
    let layered = ExchangeRates.centralParity.overriding(with: [dated])
    let before = try layered.convert(Money(1, .usd), to: .cny, at: instant("2026-07-01T00:00:00Z"))
    #expect(before.converted.amount == (try dec("6.8150")))
    let after = try layered.convert(Money(7, .cny), to: .usd, at: instant("2026-12-02T00:00:00Z"))
    #expect(after.converted.amount == (try dec("0.98")))
    // Any pair: a cross rate a user gives directly.
    let euro = try ExchangeRate(base: .eur, quote: .cny, rate: dec("7.8"), source: "--fx")
    let withEuro = ExchangeRates.centralParity.overriding(with: [euro])
    let tenEuro = try withEuro.convert(
      Money(10, .eur),
      to: .cny,
      at: instant("2027-01-01T00:00:00Z")
    )
    #expect(tenEuro.converted.amount == 78)
  }

  @Test func zeroAndNegativeRatesAreRefused() throws {
    for text in ["0", "-7.05"] {
      let error = #expect(throws: PricingError.self) {
        try ExchangeRate(base: .usd, quote: .cny, rate: dec(text), source: "x")
      }
      #expect(error?.code == .invalidExchangeRate)
    }
  }

  @Test func rateFilesInCSVAndJSON() throws {
    let csv = """
      # treasury rates
      base,quote,rate,asOf,source
      USD,CNY,7.0512,2026-12-01,CFETS
      EUR,CNY,7.4120,2026-12-01T01:15:00Z,

      """
    let rates = try ExchangeRates.rates(fromFile: Data(csv.utf8), named: "rates.csv")
    #expect(rates.count == 2)
    #expect(rates[0].rate == (try dec("7.0512")) && rates[0].source == "CFETS")
    #expect(rates[1].base == .eur && rates[1].source == "rate file rates.csv")
    #expect(rates[1].asOf == (try instant("2026-12-01T01:15:00Z")))
    let json =
      #"{"rates": [{"base": "USD", "quote": "CNY", "rate": "7.0512", "asOf": "2026-12-01"}]}"#
    let fromJSON = try ExchangeRates.rates(fromFile: Data(json.utf8), named: "r.json")
    #expect(fromJSON.first?.rate == (try dec("7.0512")))
    #expect(fromJSON.first?.asOf == CalendarDay("2026-12-01").startInUTC)
  }

  @Test(
    "A bad rate file names the line or key path",
    arguments: [
      (
        "base,quote,rate,asOf\nUSD,CNY,7.05,2026-12-01\nUSD,CNY,seven,2026-12-02\n", "line 3",
        "seven"
      ),
      ("base,quote,rate,asOf\nUSD,CNY,0,2026-12-01\n", "line 2", "greater than zero"),
      ("base,quote,rate,asOf\r\nUSD,CNY,-1,2026-12-01\r\n", "line 2", "greater than zero"),
      ("base,quote,rate,asOf\nUSD,CNY,7.05,2026-02-30\n", "line 2", "2026-02-30"),
      ("base,quote,rate,asOf\nRMB,USD,0.14,2026-12-01\n", "line 2", "did you mean CNY"),
      ("base,quote,rate,asOf\nUSD,CNY,7.05\n", "line 2", "3 fields"),
      ("base,quote,price,asOf\nUSD,CNY,7.05,2026-12-01\n", "line 1", "price"),
      ("", "rates.txt", "empty"),
      (
        #"[{"base": "USD", "quote": "CNY", "rate": "0", "asOf": "2026-12-01"}]"#, "rates[0]", "zero"
      ),
      (#"{"rates": [{"base": "USD", "quote": "CNY", "asOf": "2026-12-01"}]}"#, "rate", "missing"),
    ]
  )
  func badRateFiles(text: String, place: String, words: String) throws {
    let error = #expect(throws: PricingError.self) {
      try ExchangeRates.rates(fromFile: Data(text.utf8), named: "rates.txt")
    }
    let message = error?.message ?? ""
    #expect(message.contains(place), "\(message)")
    #expect(message.contains(words), "\(message)")
  }

  @Test func rmbSuggestsCNY() throws {
    let error = #expect(throws: PricingError.self) { try Currency(code: "RMB") }
    #expect(error?.code == .invalidCurrency)
    #expect(error?.message.contains("did you mean CNY?") == true)
  }
}
