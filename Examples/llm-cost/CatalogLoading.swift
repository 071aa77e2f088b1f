import Foundation
import LLMPricing

/// Loads the catalog a subcommand prices against.
enum CatalogLoading {
  /// The built-in catalog, with the user's file laid over it when `--catalog` is given.
  ///
  /// The file's offerings replace built-in ones with the same id and add new ones; its
  /// overrides (a negotiated discount, say) are then applied.
  static func load(_ path: String?) throws -> Catalog {
    guard let path else { return .builtIn }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw PricingError(.invalidData, "cannot read catalog file '\(path)'")
    }
    do {
      return try Catalog.builtIn.merging(Catalog.decode(from: data))
    } catch let error as PricingError {
      throw PricingError(error.code, "catalog file '\(path)': \(error.message)")
    }
  }
}
