import Foundation

/// A currency that prices and amounts are quoted in, identified by its ISO 4217 code.
///
/// CNY and USD are first-class (``cny``, ``usd``); any other ISO code can be made with
/// ``init(code:minorUnitDigits:)``, so adding a currency never breaks callers. Two
/// currencies are equal when their codes are equal.
///
/// A currency encodes in JSON as its code, `"CNY"`.
///
/// ```swift
/// let yen = try Currency(code: "JPY")
/// print(yen.minorUnitDigits)  // 0
/// ```
public struct Currency: Hashable, Sendable, CustomStringConvertible {
  /// The ISO 4217 alphabetic code, such as `"CNY"`.
  public let code: String
  /// The number of digits of the minor unit: 2 for fen and cents, 0 for yen.
  public let minorUnitDigits: Int
  /// The symbol shown by ``Money/formatted(_:)``, such as `"¥"`; the code when none is known.
  public let symbol: String

  /// The Chinese yuan renminbi: two minor digits (fen), symbol `¥`.
  public static let cny = Currency(verifiedCode: "CNY", minorUnitDigits: 2, symbol: "¥")
  /// The United States dollar: two minor digits (cents), symbol `$`.
  public static let usd = Currency(verifiedCode: "USD", minorUnitDigits: 2, symbol: "$")
  /// The euro: two minor digits, symbol `€`.
  public static let eur = Currency(verifiedCode: "EUR", minorUnitDigits: 2, symbol: "€")
  /// The Japanese yen: no minor unit, symbol `JP¥`.
  public static let jpy = Currency(verifiedCode: "JPY", minorUnitDigits: 0, symbol: "JP¥")
  /// The pound sterling: two minor digits, symbol `£`.
  public static let gbp = Currency(verifiedCode: "GBP", minorUnitDigits: 2, symbol: "£")
  /// The Hong Kong dollar: two minor digits, symbol `HK$`.
  public static let hkd = Currency(verifiedCode: "HKD", minorUnitDigits: 2, symbol: "HK$")
  /// The Singapore dollar: two minor digits, symbol `S$`.
  public static let sgd = Currency(verifiedCode: "SGD", minorUnitDigits: 2, symbol: "S$")

  /// The currencies with a known minor unit and symbol.
  public static let known: [Currency] = [.cny, .usd, .eur, .jpy, .gbp, .hkd, .sgd]

  private init(verifiedCode: String, minorUnitDigits: Int, symbol: String) {
    self.code = verifiedCode
    self.minorUnitDigits = minorUnitDigits
    self.symbol = symbol
  }

  /// Creates a currency from an ISO 4217 code.
  ///
  /// A code of a ``known`` currency gets that currency's minor unit and symbol. Others get
  /// `minorUnitDigits`, or two digits when it is `nil`, and their code as the symbol.
  ///
  /// - Parameters:
  ///   - code: Three uppercase ASCII letters, such as `"EUR"`.
  ///   - minorUnitDigits: The minor-unit digits, from 0 to 6; `nil` for the default.
  /// - Throws: ``PricingError/Code/invalidCurrency`` naming the code when it is not three
  ///   uppercase letters, not an ISO 4217 code, or the digits are out of range.
  public init(code: String, minorUnitDigits: Int? = nil) throws {
    if let code = Self.commonNames[code] {
      throw PricingError(
        .invalidCurrency,
        "'\(code.name)' is not an ISO 4217 currency code; did you mean \(code.iso)?"
      )
    }
    guard code.utf8.count == 3, code.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else {
      throw PricingError(
        .invalidCurrency,
        "'\(code)' is not an ISO 4217 currency code; use three uppercase letters such as CNY or USD"
      )
    }
    if let digits = minorUnitDigits, !(0...6).contains(digits) {
      throw PricingError(
        .invalidCurrency,
        "\(digits) minor-unit digits for \(code) is out of range; use 0 to 6"
      )
    }
    // Foundation knows every ISO 4217 code, historic ones included.
    let isoCodes = Self.isoCodes
    guard
      isoCodes.isEmpty || isoCodes.contains(code) || Self.known.contains(where: { $0.code == code })
    else {
      throw PricingError(
        .invalidCurrency,
        "'\(code)' is not an ISO 4217 currency code; use a code such as CNY, USD or EUR"
      )
    }
    if let known = Self.known.first(where: { $0.code == code }) {
      self.init(
        verifiedCode: code,
        minorUnitDigits: minorUnitDigits ?? known.minorUnitDigits,
        symbol: known.symbol
      )
    } else {
      self.init(verifiedCode: code, minorUnitDigits: minorUnitDigits ?? 2, symbol: code)
    }
  }

  /// Every ISO 4217 code Foundation knows, current and historic.
  private static let isoCodes = Set(Locale.Currency.isoCurrencies.map(\.identifier))

  /// Names people type for a currency that are not its ISO code.
  private static let commonNames: [String: (name: String, iso: String)] = [
    "RMB": ("RMB", "CNY"),
    "CNH": ("CNH", "CNY (CNH is the offshore market rate, not a list currency)"),
    "YEN": ("YEN", "JPY"), "US$": ("US$", "USD"),
  ]

  /// The ISO code, such as `"CNY"`.
  public var description: String { code }

  /// Compares currencies by code.
  ///
  /// - Parameters:
  ///   - lhs: A currency.
  ///   - rhs: Another currency.
  /// - Returns: Whether both have the same ISO code.
  public static func == (lhs: Currency, rhs: Currency) -> Bool { lhs.code == rhs.code }

  /// Hashes the ISO code.
  ///
  /// - Parameter hasher: The hasher to feed.
  public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

extension Currency: Codable {
  /// Decodes a currency from its ISO code, validating it.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError.dataCorrupted` naming the key path and the bad code.
  public init(from decoder: any Decoder) throws {
    let code = try decoder.singleValueContainer().decode(String.self)
    self = try decoder.validated {
      try Self(code: code)
    }
  }

  /// Encodes the currency as its ISO code.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(code)
  }
}
