import Foundation

extension PriceFileImport {
  /// Parses a price file, first quoting each number literal that no ``FixedDecimal`` can
  /// hold, so that an absurd price costs its own entry rather than the whole file.
  ///
  /// ``ExactJSON`` reads numbers through Foundation's `Decimal`, which refuses a literal
  /// such as `1e300` and with it the file. Quoted, such a literal reaches ``price(_:named:)``
  /// as the file spelled it, which then names it in the entry's skip reason. Only literals
  /// that are valid JSON numbers in a value's place are quoted: a malformed file stays
  /// malformed.
  ///
  /// - Parameter data: The JSON bytes.
  /// - Returns: The parsed value.
  /// - Throws: ``PricingError/Code/invalidData`` when the file is not JSON.
  static func parseKeepingUnreadableNumbers(_ data: Data) throws -> ExactJSON {
    let bytes = [UInt8](data)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    var inString = false
    var escaped = false
    // Open containers, and the last byte outside strings and whitespace: a literal is quoted
    // only where a value stands, so an unquoted key such as `{1e300: 1}` stays an error.
    var containers: [UInt8] = []
    var previous: UInt8 = 0
    while index < bytes.count {
      let byte = bytes[index]
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
          previous = byte
        }
        output.append(byte)
        index += 1
        continue
      }
      guard byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
      else {
        switch byte {
        case UInt8(ascii: "\""): inString = true
        case UInt8(ascii: "{"), UInt8(ascii: "["): containers.append(byte)
        case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = containers.popLast()
        default: break
        }
        if ![UInt8(ascii: " "), 9, 10, 13].contains(byte) { previous = byte }
        output.append(byte)
        index += 1
        continue
      }
      var end = index
      while end < bytes.count, isNumberByte(bytes[end]) { end += 1 }
      let literal = bytes[index..<end]
      let isValue =
        previous == UInt8(ascii: ":")
        || (containers.last == UInt8(ascii: "[")
          && (previous == UInt8(ascii: "[") || previous == UInt8(ascii: ",")))
      previous = bytes[end - 1]
      if isValue, isJSONNumber(literal),
        (try? FixedDecimal(String(decoding: literal, as: UTF8.self))) == nil
      {
        output.append(UInt8(ascii: "\""))
        output.append(contentsOf: literal)
        output.append(UInt8(ascii: "\""))
      } else {
        output.append(contentsOf: literal)
      }
      index = end
    }
    return try ExactJSON.parse(Data(output))
  }

  /// A price field's exact value, whether the file wrote it as a number or a string.
  ///
  /// - Parameters:
  ///   - value: The field's value.
  ///   - name: The field's name, for the error.
  /// - Returns: The price, or `nil` when the field is absent or `null`.
  /// - Throws: ``PricingError/Code/overflow`` naming the field and value when it is too
  ///   large for an exact amount; ``PricingError/Code/invalidData`` when it is not a
  ///   decimal number, or needs more than 18 fractional digits.
  static func price(_ value: ExactJSON?, named name: String) throws -> FixedDecimal? {
    let text: String
    switch value {
    case nil, .null?: return nil
    case .number(let number)?: text = number
    case .string(let string)?: text = string
    default:
      throw PricingError(.invalidData, "\(name) is not a number; fix or drop the entry")
    }
    do {
      return try FixedDecimal(text)
    } catch let error as PricingError where error.code == .overflow {
      throw PricingError(
        .overflow,
        "\(name) is \(text), which overflows an exact amount (at most \(FixedDecimal.greatestValue)); "
          + "fix or drop the entry"
      )
    } catch let error as PricingError {
      throw PricingError(.invalidData, "\(name) is \(text): \(error.message)")
    }
  }

  private static func isNumberByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
      UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
      return true
    default:
      return false
    }
  }

  /// Whether bytes spell a number in JSON's grammar.
  ///
  /// That is `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`, whole.
  private static func isJSONNumber(_ literal: ArraySlice<UInt8>) -> Bool {
    var index = literal.startIndex
    func digits() -> Int {
      let start = index
      while index < literal.endIndex,
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(literal[index])
      {
        index += 1
      }
      return index - start
    }
    if index < literal.endIndex, literal[index] == UInt8(ascii: "-") { index += 1 }
    guard index < literal.endIndex else { return false }
    if literal[index] == UInt8(ascii: "0") {
      index += 1
    } else if digits() == 0 {
      return false
    }
    if index < literal.endIndex, literal[index] == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { return false }
    }
    if index < literal.endIndex,
      literal[index] == UInt8(ascii: "e") || literal[index] == UInt8(ascii: "E")
    {
      index += 1
      if index < literal.endIndex,
        literal[index] == UInt8(ascii: "+") || literal[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      guard digits() > 0 else { return false }
    }
    return index == literal.endIndex
  }
}
