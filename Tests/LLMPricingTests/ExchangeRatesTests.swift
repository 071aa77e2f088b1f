import Foundation
import LLMPricing
import Testing

@Suite("Exchange rates")
struct ExchangeRatesTests {
  func rate(
    _ base: Currency,
    _ quote: Currency,
    _ value: String,
    _ day: String
  ) throws
    -> ExchangeRate
  {
    try ExchangeRate(
      base: base,
      quote: quote,
      rate: dec(value),
      asOf: CalendarDay(day).startInUTC,
      source: "test"
    )
  }

  @Test(
    "Direct, inverse and cross conversions",
    arguments: [
      ("2", "USD", "CNY", "14.4"),  // direct: 2 × 7.2
      ("180", "CNY", "USD", "25"),  // inverse: 180 ÷ 7.2, exactly
      ("72", "CNY", "EUR", "9"),  // cross: 72 ÷ 7.2 = 10 USD, × 0.9 = 9 EUR
      ("9", "EUR", "CNY", "72"),  // cross back: 9 ÷ 0.9 = 10 USD, × 7.2
    ]
  )
  func conversions(amount: String, from: String, to: String, expected: String) throws {
    let rates = ExchangeRates([
      try rate(.usd, .cny, "7.2", "2025-01-01"), try rate(.usd, .eur, "0.9", "2025-01-01"),
    ])
    let result = try rates.convert(
      Money(dec(amount), Currency(code: from)),
      to: Currency(code: to),
      at: instant("2025-06-01T00:00:00Z")
    )
    #expect(result.converted == Money(try dec(expected), try Currency(code: to)))
    #expect(!result.legs.isEmpty)
  }

  @Test func theRateInForceAtTheInstantIsUsedAndReported() throws {
    let rates = ExchangeRates([
      try rate(.usd, .cny, "7.1", "2025-01-01"), try rate(.usd, .cny, "7.2", "2025-03-01"),
    ])
    let february = try rates.convert(Money(1, .usd), to: .cny, at: instant("2025-02-15T00:00:00Z"))
    #expect(february.converted.amount == (try dec("7.1")))
    #expect(february.legs.first?.rate.rate == (try dec("7.1")))
    let march = try rates.convert(Money(1, .usd), to: .cny, at: instant("2025-03-01T00:00:00Z"))
    #expect(march.converted.amount == (try dec("7.2")))
    #expect(march.description.contains("7.2"))
  }

  @Test func missingAndStaleRatesAreTypedErrors() throws {
    let rates = ExchangeRates([try rate(.usd, .cny, "7.2", "2025-01-01")], maximumAgeInDays: 30)
    let before = #expect(throws: PricingError.self) {
      try rates.convert(Money(1, .usd), to: .cny, at: instant("2024-12-31T00:00:00Z"))
    }
    #expect(before?.code == .missingExchangeRate)
    let stale = #expect(throws: PricingError.self) {
      try rates.convert(Money(1, .usd), to: .cny, at: instant("2025-03-01T00:00:00Z"))
    }
    #expect(stale?.code == .staleExchangeRate)
    let none = #expect(throws: PricingError.self) {
      try rates.convert(Money(1, .usd), to: .jpy, at: instant("2025-01-10T00:00:00Z"))
    }
    #expect(none?.code == .missingExchangeRate)
  }

  @Test("Zero, negative and self rates are rejected", arguments: ["0", "-7.2"])
  func invalidRates(value: String) {
    let error = #expect(throws: PricingError.self) {
      try ExchangeRate(base: .usd, quote: .cny, rate: dec(value), asOf: Date(), source: "x")
    }
    #expect(error?.code == .invalidExchangeRate)
    #expect(throws: PricingError.self) {
      try ExchangeRate(base: .usd, quote: .usd, rate: dec("1"), asOf: Date(), source: "x")
    }
  }

  @Test(
    "A CNY→USD→CNY round trip stays within one unit of the stated scale",
    arguments: [
      "0.01", "1", "123456.789", "0.000123456789", "99999999999.99", "7.1069", "0.333333333333",
    ]
  )
  func roundTrip(amount: String) throws {
    let rates = ExchangeRates.centralParity
    let at = try instant("2025-06-01T00:00:00Z")
    let original = Money(try dec(amount), .cny)
    let usd = try rates.convert(original, to: .usd, at: at).converted
    let back = try rates.convert(usd, to: .cny, at: at).converted
    for places in [2, 6, 12] {
      let difference =
        try back.amount.rounded(toPlaces: places) - original.amount.rounded(toPlaces: places)
      let unit = try FixedDecimal("1e-\(places)")
      #expect(difference.magnitude <= unit, "at \(places) places: \(back) vs \(original)")
    }
  }

  @Test func theDefaultTableIsSourcedOrderedAndPlausible() throws {
    let rates = ExchangeRates.centralParity.rates
    #expect(rates.count >= 60)
    for (previous, next) in zip(rates, rates.dropFirst()) { #expect(previous.asOf < next.asOf) }
    for rate in rates {
      #expect(rate.base == .usd && rate.quote == .cny)
      #expect(rate.source.contains("http"))
      let low = try dec("6.5")
      let high = try dec("7.5")
      #expect(rate.rate > low && rate.rate < high)
    }
    // Newer instants use the newest fixing, flagged assumed, instead of throwing.
    #expect(ExchangeRates.centralParity.maximumAgeInDays == nil)
  }
}
