import Foundation

extension PriceFileImport {
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
}
