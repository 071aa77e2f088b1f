/// `decimal`: decimal text against an independent oracle, printing round trips, and the
/// throwing arithmetic on whatever parses.
///
/// The input is one or two decimals separated by a comma; the second, when it parses,
/// is the other operand of the arithmetic.
enum DecimalTarget {
  static func run(_ input: UnsafeRawBufferPointer) {
    let text = String(decoding: input, as: UTF8.self)
    let parts = text.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
    let values = parts.map { check(String($0), input: input) }
    guard let a = values.first ?? nil else { return }
    arithmetic(a, a, input: input)
    if values.count == 2, let b = values[1] {
      arithmetic(a, b, input: input)
      arithmetic(b, a, input: input)
    }
  }

  /// Parses one decimal and checks it against the oracle and its own printing.
  static func check(_ text: String, input: UnsafeRawBufferPointer) -> FixedDecimal? {
    let parsed = try? FixedDecimal(text)
    let expected = DecimalOracle.units(text)
    if parsed?.units != expected {
      fuzzFailure(
        "FixedDecimal(\(text.debugDescription)) is \(parsed.map { "\($0.units) units" } ?? "an error")"
          + ", the oracle says \(expected.map { "\($0) units" } ?? "an error")",
        input: input
      )
    }
    guard let parsed else { return nil }
    let printed = parsed.description
    guard let again = try? FixedDecimal(printed), again == parsed else {
      fuzzFailure(
        "\(text.debugDescription) prints as \(printed), which reads back differently",
        input: input
      )
    }
    for places in [0, 2, 6, 18] {
      let formatted = parsed.formatted(places: places)
      guard (try? FixedDecimal(formatted)) == parsed.rounded(toPlaces: places) else {
        fuzzFailure(
          "formatted(places: \(places)) \(formatted) is not the rounded value",
          input: input
        )
      }
    }
    return parsed
  }

  /// The throwing operations must throw, never trap; exact ones must be consistent.
  static func arithmetic(_ a: FixedDecimal, _ b: FixedDecimal, input: UnsafeRawBufferPointer) {
    if let sum = try? a + b, let back = try? sum - b, back != a {
      fuzzFailure("(\(a) + \(b)) - \(b) is \(back)", input: input)
    }
    let product = try? a.multiplied(by: b)
    if product != (try? b.multiplied(by: a)) {
      fuzzFailure("\(a) × \(b) is not \(b) × \(a)", input: input)
    }
    for rule in RoundingRule.allCases {
      _ = try? a.multiplied(by: b, rounding: rule)
      _ = try? a.divided(by: b, rounding: rule)
      _ = a.rounded(toPlaces: 2, rule)
    }
    _ = try? a * Int(truncatingIfNeeded: b.units)
    _ = try? a * 1_000_000
    let money = Money(a, .usd)
    _ = try? money + Money(b, .usd)
    _ = try? money - Money(b, .usd)
    _ = try? money + Money(b, .cny)
    _ = try? money * b
    _ = money.rounded()
    _ = money.formatted()
    _ = Money(a, .jpy).formatted()
  }
}

/// An independent reading of decimal text, for inputs of any length: the exact value as
/// significant digits and a power of ten, then the units as a digit string.
///
/// It shares nothing with `DecimalParser`: no fixed-width arithmetic until the final
/// digits are known to fit.
enum DecimalOracle {
  /// The largest magnitude in units, as digits (`FixedDecimal.maximumUnits`).
  static let maximumUnits = "170141183460469231731000000000000000000"

  /// The value in units of 10⁻¹⁸, or `nil` when the text is not a decimal or the value
  /// is not representable.
  static func units(_ text: String) -> Int128? {
    var bytes = Array(text.utf8)[...]
    var negative = false
    if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
      negative = sign == UInt8(ascii: "-")
      bytes = bytes.dropFirst()
    }
    var exponent = 0
    if let e = bytes.firstIndex(where: { $0 | 0x20 == UInt8(ascii: "e") }) {
      var tail = bytes[bytes.index(after: e)...]
      bytes = bytes[..<e]
      var exponentNegative = false
      if let sign = tail.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
        exponentNegative = sign == UInt8(ascii: "-")
        tail = tail.dropFirst()
      }
      guard (1...4).contains(tail.count), tail.allSatisfy(isDigit) else { return nil }
      exponent = Int(String(decoding: tail, as: UTF8.self)) ?? 0
      if exponentNegative { exponent = -exponent }
    }
    let pieces = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard pieces.count <= 2 else { return nil }
    let integer = pieces[0]
    let fraction = pieces.count == 2 ? pieces[1] : bytes[bytes.endIndex...]
    guard !integer.isEmpty || !fraction.isEmpty else { return nil }
    guard integer.allSatisfy(isDigit), fraction.allSatisfy(isDigit) else { return nil }
    // value = digits × 10^(exponent − fraction.count)
    var digits = Array(integer) + Array(fraction)
    var power = exponent - fraction.count
    while digits.first == UInt8(ascii: "0") { digits.removeFirst() }
    if digits.isEmpty { return 0 }
    while digits.last == UInt8(ascii: "0") {
      digits.removeLast()
      power += 1
    }
    let shift = power + 18
    guard shift >= 0 else { return nil }  // a non-zero digit past the 18th fractional place
    guard digits.count + shift <= maximumUnits.utf8.count else { return nil }
    let unitDigits = String(decoding: digits, as: UTF8.self) + String(repeating: "0", count: shift)
    if unitDigits.count == maximumUnits.count, unitDigits > maximumUnits { return nil }
    guard let magnitude = Int128(unitDigits) else { return nil }
    return negative ? -magnitude : magnitude
  }

  static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}
