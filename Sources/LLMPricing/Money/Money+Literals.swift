import Foundation

extension Money {
  /// An amount in Chinese yuan.
  ///
  /// ```swift
  /// let budget = Money.cny(20_000)
  /// let price = Money.cny("0.85")  // a decimal literal: exact, no try
  /// ```
  ///
  /// - Parameter amount: The exact amount.
  /// - Returns: The amount in CNY.
  public static func cny(_ amount: FixedDecimal) -> Money { Money(amount, .cny) }

  /// An amount in US dollars.
  ///
  /// - Parameter amount: The exact amount, such as `"0.50"`.
  /// - Returns: The amount in USD.
  public static func usd(_ amount: FixedDecimal) -> Money { Money(amount, .usd) }

  /// Parses an amount written for people: `"¥20,000"`, `"$0.50"`, `"20000 CNY"`,
  /// `"CNY 20000"` or `"-1.5 USD"`.
  ///
  /// `¥` means yuan and `$` US dollars, as ``formatted(_:)`` writes them; any other
  /// currency is written with its ISO 4217 code. Commas between digit groups are allowed;
  /// the digits are read exactly.
  ///
  /// - Parameter text: The amount.
  /// - Throws: ``PricingError/Code/invalidNumber`` naming the text when it is not an amount
  ///   with a currency; ``PricingError/Code/invalidCurrency`` for a malformed code.
  public init(parsing text: String) throws {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    var body = Substring(trimmed)
    var negative = false
    if body.hasPrefix("-") {
      negative = true
      body = body.dropFirst()
    }
    let currency: Currency
    if body.hasPrefix("¥") {
      currency = .cny
      body = body.dropFirst()
    } else if body.hasPrefix("$") {
      currency = .usd
      body = body.dropFirst()
    } else {
      let words = body.split(separator: " ", omittingEmptySubsequences: true)
      guard words.count == 2 else {
        throw PricingError(
          .invalidNumber,
          "'\(text)' is not an amount with a currency; write it as ¥20,000, $0.50 or 20000 CNY"
        )
      }
      let codeFirst = words[0].allSatisfy(\.isLetter)
      do {
        currency = try Currency(code: String(codeFirst ? words[0] : words[1]))
      } catch let error as PricingError {
        throw PricingError(error.code, "'\(text)' has no currency: \(error.message)")
      }
      body = codeFirst ? words[1] : words[0]
    }
    let digits = body.filter { $0 != "," }
    guard !digits.isEmpty, !digits.hasPrefix("-"), !digits.hasPrefix("+"),
      Self.hasThousandsGrouping(body)
    else {
      throw PricingError(
        .invalidNumber,
        "'\(text)' is not an amount with a currency; write it as ¥20,000, $0.50 or 20000 CNY"
      )
    }
    let amount: FixedDecimal
    do {
      amount = try FixedDecimal(String(digits))
    } catch let error as PricingError {
      throw PricingError(error.code, "'\(text)' is not an amount: \(error.message)")
    }
    self.init(negative ? amount.negated : amount, currency)
  }
}

extension Money {
  /// Whether the commas of a number, if any, separate groups of three integer digits, so
  /// that a decimal comma (`"1,5"`) is refused rather than read as fifteen.
  fileprivate static func hasThousandsGrouping(_ number: Substring) -> Bool {
    guard number.contains(",") else { return true }
    let integer = number.prefix { $0 != "." && $0 != "e" && $0 != "E" }
    guard !number.dropFirst(integer.count).contains(",") else { return false }
    let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
    return (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
  }
}

extension Money: ExpressibleByStringLiteral {
  /// Creates an amount from a literal such as `"¥20,000"`, `"$0.50"` or `"20000 CNY"`, so a
  /// budget in a test reads as it would on paper.
  ///
  /// ```swift
  /// let budget: Money = "¥20,000"
  /// ```
  ///
  /// A malformed literal is a programmer error and stops the program; text from files or
  /// users goes through ``init(parsing:)``, which throws.
  ///
  /// - Parameter value: The amount, in a form ``init(parsing:)`` reads.
  /// - Precondition: `value` is an amount with a currency.
  public init(stringLiteral value: String) {
    do {
      try self.init(parsing: value)
    } catch {
      preconditionFailure("Money literal: \(PricingError.message(of: error))")
    }
  }
}
