import Foundation

/// An exact decimal number with 18 fractional digits, stored in an `Int128`.
///
/// `FixedDecimal` holds every amount, price, exchange rate and multiplier in the library.
/// It is exact where binary floating point is not (`0.1 + 0.2 == 0.3`), and about 400
/// times faster than Foundation's `Decimal` on the pricing hot path.
///
/// - Range: ±170,141,183,460,469,231,731 (about 1.7 × 10²⁰) with 18 fractional digits.
///   The bound is a whole number, so rounding an in-range value never leaves the range.
/// - Exactness: a price with up to 12 fractional digits per million tokens times any token
///   count is exact, which covers a six-digit price times a six-digit multiplier.
/// - Overflow is detected and thrown as ``PricingError/Code/overflow``; nothing traps or wraps.
///
/// Text and JSON use the plain decimal form, so values survive a round trip exactly:
///
/// ```swift
/// let price = try FixedDecimal("0.008")
/// let cost = try price * FixedDecimal(1_000)  // 8
/// print(cost)  // "8"
/// ```
public struct FixedDecimal: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The number of fractional digits every value carries: 18.
  public static let fractionDigits = 18

  /// 10^18, the number of units in 1.
  static var unitsPerOne: Int128 { 1_000_000_000_000_000_000 }

  /// The largest magnitude of ``units``: the largest whole number that fits in an `Int128`.
  ///
  /// A literal, not `Int128.max / unitsPerOne * unitsPerOne`: a computed `static let` costs
  /// a lazy-initialization check on every range check in the hot path.
  static var maximumUnits: Int128 { 170_141_183_460_469_231_731_000_000_000_000_000_000 }

  // Stored as two 64-bit words rather than one `Int128`: on Swift 6.3.1 for Linux, values
  // with `Int128` stored properties were corrupted in optimized builds (a layout/alignment
  // mismatch), while arithmetic on `Int128` in registers is sound.
  let high: Int64
  let low: UInt64

  /// The value in units of 10⁻¹⁸.
  public var units: Int128 { Int128(high) << 64 | Int128(low) }

  /// The largest representable value, 170141183460469231731.
  ///
  /// This and the other constants are computed rather than `static let`: a stored
  /// static is initialized lazily, and every use in a loop paid for the check.
  public static var greatestValue: FixedDecimal { FixedDecimal(checkedUnits: maximumUnits) }
  /// The smallest representable value, −170141183460469231731.
  public static var leastValue: FixedDecimal { FixedDecimal(checkedUnits: -maximumUnits) }
  /// Zero.
  public static var zero: FixedDecimal { FixedDecimal(checkedUnits: 0) }

  init(checkedUnits: Int128) {
    self.high = Int64(truncatingIfNeeded: checkedUnits >> 64)
    self.low = UInt64(truncatingIfNeeded: checkedUnits)
  }

  /// Creates a value from a count of 10⁻¹⁸ units.
  ///
  /// - Parameter units: The value times 10¹⁸.
  /// - Throws: ``PricingError/Code/overflow`` when the magnitude exceeds ``greatestValue``.
  public init(units: Int128) throws {
    guard units >= -Self.maximumUnits, units <= Self.maximumUnits else {
      throw Self.outOfRange(units)
    }
    self.init(checkedUnits: units)
  }

  /// Builds the overflow error out of line, keeping the hot path small enough to inline.
  @inline(never)
  static func outOfRange(_ units: Int128) -> PricingError {
    PricingError(.overflow, "\(units) units of 10^-18 is outside the representable range")
  }

  /// Creates a value equal to an integer.
  ///
  /// Every `Int` fits, so this cannot fail.
  ///
  /// - Parameter value: The integer.
  public init(_ value: Int) {
    self.init(checkedUnits: Int128(value) * Self.unitsPerOne)
  }

  /// Parses a decimal string exactly.
  ///
  /// Accepts an optional sign, digits with an optional decimal point, and an optional
  /// exponent: `"0.008"`, `"-12"`, `"1.5e-7"`. Trailing zeros beyond 18 fractional digits
  /// are allowed; non-zero digits there are not, because they cannot be held exactly.
  ///
  /// - Parameter text: The decimal string.
  /// - Throws: ``PricingError/Code/invalidNumber`` naming the text when it is not a
  ///   decimal or needs more than 18 fractional digits; ``PricingError/Code/overflow``
  ///   when it is too large.
  public init(_ text: String) throws {
    self = try DecimalParser.parse(Substring(text))
  }

  /// Compares two values.
  ///
  /// - Parameters:
  ///   - lhs: A value.
  ///   - rhs: Another value.
  /// - Returns: Whether `lhs` is less than `rhs`.
  @inline(__always)
  public static func < (lhs: FixedDecimal, rhs: FixedDecimal) -> Bool {
    // Word by word: through `units`, the comparison was left as a call in the hot loops.
    lhs.high < rhs.high || (lhs.high == rhs.high && lhs.low < rhs.low)
  }

  /// Whether the value is zero.
  public var isZero: Bool { units == 0 }

  /// Whether the value is less than zero.
  public var isNegative: Bool { units < 0 }

  /// The value with its sign flipped.
  ///
  /// Always in range, because the range is symmetric.
  public var negated: FixedDecimal { FixedDecimal(checkedUnits: -units) }

  /// The value's magnitude.
  public var magnitude: FixedDecimal { FixedDecimal(checkedUnits: units < 0 ? -units : units) }

  /// The exact value in the shortest plain decimal form, such as `"0.008"` or `"-12"`.
  public var description: String { DecimalFormatter.plain(units) }
}

// MARK: - Arithmetic

extension FixedDecimal {
  /// Returns the exact sum.
  ///
  /// - Parameters:
  ///   - lhs: An addend.
  ///   - rhs: Another addend.
  /// - Returns: `lhs + rhs`, exactly.
  /// - Throws: ``PricingError/Code/overflow`` when the sum is out of range.
  @inline(__always)
  public static func + (lhs: FixedDecimal, rhs: FixedDecimal) throws -> FixedDecimal {
    let (sum, overflow) = lhs.units.addingReportingOverflow(rhs.units)
    guard !overflow else { throw overflowError(lhs, "+", rhs) }
    return try FixedDecimal(units: sum)
  }

  /// Returns the exact difference.
  ///
  /// - Parameters:
  ///   - lhs: The minuend.
  ///   - rhs: The subtrahend.
  /// - Returns: `lhs - rhs`, exactly.
  /// - Throws: ``PricingError/Code/overflow`` when the difference is out of range.
  @inline(__always)
  public static func - (lhs: FixedDecimal, rhs: FixedDecimal) throws -> FixedDecimal {
    let (difference, overflow) = lhs.units.subtractingReportingOverflow(rhs.units)
    guard !overflow else { throw overflowError(lhs, "−", rhs) }
    return try FixedDecimal(units: difference)
  }

  /// The error for an operation whose result is out of range, built out of line so the
  /// arithmetic around it stays small enough to inline.
  @inline(never)
  static func overflowError(
    _ lhs: FixedDecimal,
    _ operation: String,
    _ rhs: FixedDecimal
  ) -> PricingError {
    PricingError(.overflow, "\(lhs) \(operation) \(rhs) is outside the representable range")
  }

  /// Returns the product, rounded half to even at the 18th fractional digit.
  ///
  /// The product is exact whenever the two factors have 18 fractional digits or fewer
  /// between them, as a six-digit price times a six-digit multiplier does.
  ///
  /// - Parameters:
  ///   - lhs: A factor.
  ///   - rhs: Another factor.
  /// - Returns: `lhs × rhs`.
  /// - Throws: ``PricingError/Code/overflow`` when the product is out of range.
  public static func * (lhs: FixedDecimal, rhs: FixedDecimal) throws -> FixedDecimal {
    try lhs.multiplied(by: rhs)
  }

  /// Returns the exact product with an integer, such as a token count.
  ///
  /// - Parameters:
  ///   - lhs: The decimal factor.
  ///   - rhs: The integer factor.
  /// - Returns: `lhs × rhs`, exactly.
  /// - Throws: ``PricingError/Code/overflow`` when the product is out of range.
  public static func * (lhs: FixedDecimal, rhs: Int) throws -> FixedDecimal {
    // Exact: the integer has no fractional digits, so nothing is rounded.
    try lhs.multiplied(by: FixedDecimal(rhs))
  }

  /// Returns the product, rounded at the 18th fractional digit by a chosen rule.
  ///
  /// - Parameters:
  ///   - other: The other factor.
  ///   - rule: How to round digits beyond the 18th; the default rounds half to even.
  /// - Returns: `self × other`.
  /// - Throws: ``PricingError/Code/overflow`` when the product is out of range.
  public func multiplied(
    by other: FixedDecimal,
    rounding rule: RoundingRule = .toNearestOrEven
  ) throws -> FixedDecimal {
    guard
      let units = WideArithmetic.multiplyDivide(
        units,
        other.units,
        dividingBy: Self.unitsPerOne,
        rounding: rule
      )
    else { throw Self.overflowError(self, "×", other) }
    return try FixedDecimal(units: units)
  }

  /// Returns the quotient, rounded at the 18th fractional digit by a chosen rule.
  ///
  /// Division is how the library applies an inverse exchange rate: `180 / 7.2` is exactly
  /// `25`, where multiplying by a rounded `1 / 7.2` would not be.
  ///
  /// - Parameters:
  ///   - divisor: The divisor.
  ///   - rule: How to round digits beyond the 18th; the default rounds half to even.
  /// - Returns: `self ÷ divisor`.
  /// - Throws: ``PricingError/Code/divisionByZero`` for a zero divisor;
  ///   ``PricingError/Code/overflow`` when the quotient is out of range.
  public func divided(
    by divisor: FixedDecimal,
    rounding rule: RoundingRule = .toNearestOrEven
  ) throws -> FixedDecimal {
    guard !divisor.isZero else { throw PricingError(.divisionByZero, "\(self) ÷ 0 is undefined") }
    guard
      let units = WideArithmetic.multiplyDivide(
        units,
        Self.unitsPerOne,
        dividingBy: divisor.units,
        rounding: rule
      )
    else { throw Self.overflowError(self, "÷", divisor) }
    return try FixedDecimal(units: units)
  }

  /// Returns the value rounded to a number of fractional digits.
  ///
  /// ```swift
  /// try FixedDecimal("2.345").rounded(toPlaces: 2)  // 2.34
  /// try FixedDecimal("2.345").rounded(toPlaces: 2, .toNearestOrAwayFromZero)  // 2.35
  /// ```
  ///
  /// Rounding never leaves the representable range, so it cannot fail.
  ///
  /// - Parameters:
  ///   - places: The fractional digits to keep, clamped to `0...18`.
  ///   - rule: The rounding rule; the default rounds half to even.
  /// - Returns: The rounded value.
  public func rounded(
    toPlaces places: Int,
    _ rule: RoundingRule = .toNearestOrEven
  ) -> FixedDecimal {
    let dropped = Self.fractionDigits - min(max(places, 0), Self.fractionDigits)
    guard dropped > 0 else { return self }
    let step = WideArithmetic.powerOfTen(dropped).magnitude
    let magnitude = units.magnitude
    var quotient = magnitude / step
    if rule.roundsUp(
      quotient: quotient,
      remainder: magnitude % step,
      divisor: step,
      isNegative: units < 0
    ) {
      quotient += 1
    }
    // In range: the bound is a multiple of every step, so rounding cannot pass it.
    let rounded = Int128(quotient * step)
    return FixedDecimal(checkedUnits: units < 0 ? -rounded : rounded)
  }

  /// The value with exactly `places` fractional digits, rounded half to even if needed.
  ///
  /// ```swift
  /// try FixedDecimal("1234.5").formatted(places: 2)  // "1234.50"
  /// ```
  ///
  /// - Parameter places: The fractional digits to show, clamped to `0...18`.
  /// - Returns: A plain decimal string with no grouping.
  public func formatted(places: Int) -> String {
    let digits = min(max(places, 0), Self.fractionDigits)
    return DecimalFormatter.fixed(rounded(toPlaces: digits).units, places: digits)
  }
}

// MARK: - Codable

extension FixedDecimal: Codable {
  /// Decodes a value from a JSON string such as `"0.008"`, or from a JSON number.
  ///
  /// Strings are the documented wire format because they are exact everywhere; numbers
  /// are accepted for convenience. The library's own files hand over a number's text
  /// whole; other decoders go through `Decimal`'s exact text form.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError.dataCorrupted` naming the key path and the bad text.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text: String
    if let exact = (decoder as? any ExactNumberDecoder)?.exactNumberText {
      text = exact
    } else if let string = try? container.decode(String.self) {
      text = string
    } else {
      text = "\(try container.decode(Decimal.self))"
    }
    self = try decoder.validated {
      try FixedDecimal(text)
    }
  }

  /// Encodes the value as an exact decimal string, such as `"0.008"`.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension FixedDecimal: ExpressibleByIntegerLiteral {
  /// Creates a value from an integer literal, so `Money(2, .cny)` reads naturally.
  ///
  /// Every integer literal that fits an `Int` fits exactly, so this cannot fail.
  ///
  /// - Parameter value: The integer.
  public init(integerLiteral value: Int) { self.init(value) }
}

extension FixedDecimal: ExpressibleByStringLiteral {
  /// Creates a value from a decimal string literal, so a price reads `"0.85"` without `try`.
  ///
  /// ```swift
  /// let price: FixedDecimal = "0.85"
  /// let same = FixedDecimal("0.85")  // a literal argument: no try
  /// ```
  ///
  /// A literal is written by a programmer, so a malformed one is a programmer error and
  /// stops the program, like an out-of-range integer literal. Text that comes from files,
  /// responses or users goes through ``init(_:)-(String)`` with a `String` value, which throws.
  ///
  /// - Parameter value: The decimal, such as `"0.008"` or `"-12"`.
  /// - Precondition: `value` is a decimal with at most 18 fractional digits, in range.
  public init(stringLiteral value: String) {
    do {
      self = try DecimalParser.parse(Substring(value))
    } catch {
      preconditionFailure("FixedDecimal literal: \(PricingError.message(of: error))")
    }
  }
}
