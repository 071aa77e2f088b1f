extension Decoder {
  /// Runs a validating initializer while decoding, turning its ``PricingError`` into a
  /// `DecodingError` at this decoder's key path, so bad JSON names where it is bad.
  func validated<Value>(_ make: () throws -> Value) throws -> Value {
    do {
      return try make()
    } catch let error as PricingError {
      throw DecodingError.dataCorrupted(
        .init(codingPath: codingPath, debugDescription: error.message)
      )
    }
  }
}
