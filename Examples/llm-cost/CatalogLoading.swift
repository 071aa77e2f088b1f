import Foundation
import LLMPricing

/// Loads the catalog a subcommand prices against.
enum CatalogLoading {
  /// The catalog in use — the newest valid one of the installed update
  /// (`llm-cost catalog update`) and the built-in catalog, or the built-in one alone with
  /// `builtInOnly` — with the user's file laid over it when `--catalog` is given.
  ///
  /// The file's offerings replace built-in ones with the same id and add new ones; its
  /// overrides (a negotiated discount, say) are then applied.
  static func load(_ path: String?, builtInOnly: Bool = false) throws -> Catalog {
    let base = CatalogStore(directory: CatalogStore.defaultDirectory)
      .catalogInUse(includeUpdates: !builtInOnly).catalog
    guard let path else { return base }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw PricingError(.invalidData, "cannot read catalog file '\(path)'")
    }
    do {
      return try base.merging(Catalog.decode(from: data))
    } catch let error as PricingError {
      throw PricingError(error.code, "catalog file '\(path)': \(error.message)")
    }
  }
}
