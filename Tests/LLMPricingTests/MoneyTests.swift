import Foundation
import LLMPricing
import Testing

@Suite("Money and Currency")
struct MoneyTests {
  @Test func mixedCurrencyAdditionThrowsOnTheCheckedPath() throws {
    let error = #expect(throws: PricingError.self) {
      try Money(1, .usd).adding(Money(1, .cny))
    }
    #expect(error?.code == .currencyMismatch)
    #expect(error?.message.contains("USD") == true && error?.message.contains("CNY") == true)
  }

  @Test func mixedCurrencyOperatorsThrowInsteadOfTrapping() throws {
    let usd = Money(FixedDecimal(1), .usd)
    let cny = Money(FixedDecimal(1), .cny)
    let sum = #expect(throws: PricingError.self) { try usd + cny }
    #expect(sum?.code == .currencyMismatch)
    let difference = #expect(throws: PricingError.self) { try usd - cny }
    #expect(difference?.code == .currencyMismatch)
  }

  @Test(
    "impossible and malformed instants are refused, not moved",
    arguments: [
      "2025-02-29T12:00:00Z", "2025-06-01T25:00:00Z", "2025-06-01T12:60:00Z",
      "2025-06-01T12:00:60Z", "2025-13-01T00:00:00Z", "2025x06y01T03a00b00Z",
      "2025-06-01T12:00:00", "2025-06-01T12:00:00+25:00", "2025-06-01T12:00:00.Z",
    ]
  )
  func impossibleInstants(text: String) {
    #expect(Date(strictISO8601: text) == nil)
  }

  @Test func possibleInstantsInEveryForm() throws {
    let utc = try #require(Date(strictISO8601: "2024-02-29T16:00:00Z"))
    #expect(utc.timeIntervalSince1970 == 1_709_222_400)
    // The same instant with an offset, with fractional seconds, and in lower case.
    #expect(Date(strictISO8601: "2024-03-01T00:00:00+08:00") == utc)
    #expect(Date(strictISO8601: "2024-02-29T16:00:00.000Z") == utc)
    #expect(Date(strictISO8601: "2024-02-29t16:00:00z") == utc)
    #expect(
      Date(strictISO8601: "2024-02-29T16:00:00.5Z")?.timeIntervalSince1970 == 1_709_222_400.5
    )
  }

  @Test func sameCurrencyArithmeticIsExact() throws {
    let sum = try Money(dec("0.1"), .cny) + Money(dec("0.2"), .cny)
    #expect(sum == Money(try dec("0.3"), .cny))
    #expect(try Money(dec("0.3"), .cny) - Money(dec("0.1"), .cny) == Money(try dec("0.2"), .cny))
    #expect(try Money(dec("2"), .usd) * 30 == Money(FixedDecimal(60), .usd))
  }

  @Test(
    "Formats for people",
    arguments: [
      ("1234.565", Currency.cny, "¥1,234.56"), ("1234.5", .usd, "$1,234.50"),
      ("-0.5", .usd, "-$0.50"), ("1234567.891", .eur, "€1,234,567.89"),
      ("1234.5", .jpy, "JP¥1,234"),
      ("0", .cny, "¥0.00"),
    ]
  )
  func formatting(amount: String, currency: Currency, expected: String) throws {
    #expect(Money(try dec(amount), currency).formatted() == expected)
  }

  @Test func formatsInALocale() throws {
    let money = Money(try dec("1234.565"), .usd)
    let german = money.formatted(locale: Locale(identifier: "de_DE"))
    #expect(german.contains("1.234,56"))
    let american = money.formatted(locale: Locale(identifier: "en_US"))
    #expect(american.contains("1,234.56"))
  }

  @Test func roundsToMinorUnitsOnlyWhenAsked() throws {
    let money = Money(try dec("2.345"), .cny)
    #expect(money.amount == (try dec("2.345")))
    #expect(money.rounded() == Money(try dec("2.34"), .cny))
    #expect(money.rounded(.toNearestOrAwayFromZero) == Money(try dec("2.35"), .cny))
    #expect(Money(try dec("2.5"), .jpy).rounded() == Money(FixedDecimal(2), .jpy))
  }

  @Test func jsonShape() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let data = try encoder.encode(Money(try dec("0.008"), .cny))
    #expect(String(decoding: data, as: UTF8.self) == #"{"amount":"0.008","currency":"CNY"}"#)
    let decoded = try JSONDecoder().decode(Money.self, from: data)
    #expect(decoded == Money(try dec("0.008"), .cny))
  }

  @Test(
    "Currency codes are validated",
    arguments: ["cny", "US", "EURO", "12A", ""]
  )
  func invalidCurrencyCodes(code: String) {
    let error = #expect(throws: PricingError.self) { try Currency(code: code) }
    #expect(error?.code == .invalidCurrency)
  }

  @Test func currenciesAreConstructibleAndCompareByCode() throws {
    let chf = try Currency(code: "CHF")
    #expect(chf.minorUnitDigits == 2 && chf.symbol == "CHF")
    #expect(try Currency(code: "CNY") == .cny)
    #expect(try Currency(code: "JPY").minorUnitDigits == 0)
    #expect(throws: PricingError.self) { try Currency(code: "KWD", minorUnitDigits: 9) }
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([Currency].self, from: Data(#"["usd"]"#.utf8))
    }
  }
}
