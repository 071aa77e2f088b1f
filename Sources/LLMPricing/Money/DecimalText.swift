/// Exact text parsing for ``FixedDecimal``.
enum DecimalParser {
  /// Parses `[+-]digits[.digits][(e|E)[+-]digits]` into an exact value.
  static func parse(_ text: Substring) throws -> FixedDecimal {
    func invalid(_ why: String) -> PricingError {
      PricingError(.invalidNumber, "'\(text)' is not a valid decimal number: \(why)")
    }
    var bytes = Array(text.utf8)[...]
    guard !bytes.isEmpty else { throw invalid("it is empty") }
    var isNegative = false
    if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") {
      isNegative = bytes.first == UInt8(ascii: "-")
      bytes = bytes.dropFirst()
    }
    // Split off an exponent.
    var exponent = 0
    if let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
      var exponentBytes = bytes[(e + 1)...]
      bytes = bytes[..<e]
      var exponentIsNegative = false
      if exponentBytes.first == UInt8(ascii: "-") || exponentBytes.first == UInt8(ascii: "+") {
        exponentIsNegative = exponentBytes.first == UInt8(ascii: "-")
        exponentBytes = exponentBytes.dropFirst()
      }
      guard !exponentBytes.isEmpty, exponentBytes.count <= 4,
        exponentBytes.allSatisfy({ $0 >= 48 && $0 <= 57 })
      else { throw invalid("the exponent must be 1 to 4 digits") }
      exponent = exponentBytes.reduce(0) { $0 * 10 + Int($1 - 48) }
      if exponentIsNegative { exponent = -exponent }
    }
    // Integer and fractional digits; drop fractional trailing zeros, they change nothing.
    var integerDigits = bytes[...]
    var fractionDigits = bytes[bytes.endIndex...]
    if let dot = bytes.firstIndex(of: UInt8(ascii: ".")) {
      integerDigits = bytes[..<dot]
      fractionDigits = bytes[(dot + 1)...]
      while fractionDigits.last == UInt8(ascii: "0") { fractionDigits = fractionDigits.dropLast() }
    }
    guard !integerDigits.isEmpty || bytes.contains(where: { $0 >= 48 && $0 <= 57 }) else {
      throw invalid("it has no digits")
    }
    guard integerDigits.allSatisfy({ $0 >= 48 && $0 <= 57 }),
      fractionDigits.allSatisfy({ $0 >= 48 && $0 <= 57 })
    else { throw invalid("only digits, one '.', a sign and an exponent are allowed") }
    if fractionDigits.isEmpty {
      // A whole number's trailing zeros only scale it: move them into the exponent, or a
      // long run of them ("1000…0e-30") would overflow the mantissa of a representable value.
      while integerDigits.count > 1, integerDigits.last == UInt8(ascii: "0") {
        integerDigits = integerDigits.dropLast()
        exponent += 1
      }
    }
    // More than 38 digits overflow the mantissa; when the cause is too many fractional
    // digits, name that instead.
    let significant =
      integerDigits.drop(while: { $0 == UInt8(ascii: "0") }).count
      + fractionDigits.count
    if significant > 38, fractionDigits.count - exponent > FixedDecimal.fractionDigits {
      throw invalid("it needs more than \(FixedDecimal.fractionDigits) fractional digits")
    }

    var mantissa: UInt128 = 0
    var overflow = false
    for digit in integerDigits.drop(while: { $0 == UInt8(ascii: "0") }).lazy
      .concatenated(with: fractionDigits)
    {
      let (times10, o1) = mantissa.multipliedReportingOverflow(by: 10)
      let (sum, o2) = times10.addingReportingOverflow(UInt128(digit - 48))
      overflow = overflow || o1 || o2
      mantissa = sum
      if overflow { break }
    }
    if overflow { throw PricingError(.overflow, "'\(text)' is outside the representable range") }

    // value = mantissa × 10^(exponent − fractionDigits); units = value × 10^18.
    let shift = FixedDecimal.fractionDigits + exponent - fractionDigits.count
    var units: UInt128
    if mantissa == 0 {
      units = 0
    } else if shift >= 0 {
      guard shift <= 38 else {
        throw PricingError(.overflow, "'\(text)' is outside the representable range")
      }
      let (scaled, o) = mantissa.multipliedReportingOverflow(
        by: WideArithmetic.powerOfTen(shift).magnitude
      )
      guard !o else {
        throw PricingError(.overflow, "'\(text)' is outside the representable range")
      }
      units = scaled
    } else {
      guard -shift <= 38 else {
        throw invalid("it needs more than \(FixedDecimal.fractionDigits) fractional digits")
      }
      let step = WideArithmetic.powerOfTen(-shift).magnitude
      guard mantissa % step == 0 else {
        throw invalid("it needs more than \(FixedDecimal.fractionDigits) fractional digits")
      }
      units = mantissa / step
    }
    guard units <= FixedDecimal.maximumUnits.magnitude else {
      throw PricingError(.overflow, "'\(text)' is outside the representable range")
    }
    let signed = Int128(units)
    return FixedDecimal(checkedUnits: isNegative ? -signed : signed)
  }
}

/// Exact text output for ``FixedDecimal``.
enum DecimalFormatter {
  /// The shortest exact form: `"0.008"`, `"-12"`.
  static func plain(_ units: Int128) -> String {
    var text = fixed(units, places: FixedDecimal.fractionDigits)
    while text.last == "0" { text.removeLast() }
    if text.last == "." { text.removeLast() }
    return text
  }

  /// Exactly `places` fractional digits of a value that has no more than that many.
  static func fixed(_ units: Int128, places: Int) -> String {
    let magnitude = units.magnitude
    let one = FixedDecimal.unitsPerOne.magnitude
    let integer = String(magnitude / one)
    var text = units < 0 ? "-" + integer : integer
    guard places > 0 else { return text }
    let fraction = String(magnitude % one)
    let padded =
      String(repeating: "0", count: FixedDecimal.fractionDigits - fraction.count) + fraction
    text += "." + padded.prefix(places)
    return text
  }

  /// Inserts a grouping separator every three integer digits: `1234567.5` → `1,234,567.5`.
  static func grouped(_ plain: String, grouping: String = ",", decimal: String = ".") -> String {
    var body = Substring(plain)
    var sign = ""
    if body.first == "-" {
      sign = "-"
      body = body.dropFirst()
    }
    let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    var integer = String(parts[0])
    var groups: [String] = []
    while integer.count > 3 {
      groups.insert(String(integer.suffix(3)), at: 0)
      integer.removeLast(3)
    }
    groups.insert(integer, at: 0)
    let fraction = parts.count > 1 ? decimal + parts[1] : ""
    return sign + groups.joined(separator: grouping) + fraction
  }
}

extension Sequence {
  /// The elements of `self` followed by those of `other`.
  fileprivate func concatenated<Other: Sequence>(
    with other: Other
  ) -> [Element] where Other.Element == Element {
    Array(self) + Array(other)
  }
}
