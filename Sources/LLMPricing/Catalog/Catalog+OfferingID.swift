import Foundation

extension Catalog {
  /// The offering an id names: `provider/model@CURRENCY` (an ``Offering/id``), or
  /// `provider/model` or a model id or alias for the list the provider publishes natively.
  ///
  /// For the package's modules that read offering ids from their own files (the price
  /// war's scenarios).
  ///
  /// - Parameter id: The id.
  /// - Returns: The offering.
  /// - Throws: ``PricingError/Code/unknownModel`` naming the id and the closest ids;
  ///   ``PricingError/Code/currencyNotOffered`` when the model is not sold in the currency.
  package func offering(id: String) throws -> Offering {
    guard let at = id.lastIndex(of: "@") else { return try offering(model: id) }
    let currency = try Currency(code: String(id[id.index(after: at)...]))
    return try offering(model: String(id[..<at]), currency: currency)
  }
}
