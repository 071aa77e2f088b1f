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

  // Exit tests arrived in Swift 6.2; older toolchains still build the rest of the suite.
  #if compiler(>=6.2)
  @Test func mixedCurrencyOperatorTrapsAsAProgrammerError() async {
    await #expect(processExitsWith: .failure) {
      _ = try? Money(FixedDecimal(1), .usd) + Money(FixedDecimal(1), .cny)
    }
  }

  @Test func mixedCurrencySubtractionTrapsAsAProgrammerError() async {
    await #expect(processExitsWith: .failure) {
      _ = try? Money(FixedDecimal(1), .usd) - Money(FixedDecimal(1), .cny)
    }
  }
  #endif

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
