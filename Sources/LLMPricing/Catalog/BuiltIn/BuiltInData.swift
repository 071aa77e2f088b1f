import Foundation

/// Small helpers that keep the built-in price tables readable.
///
/// Every helper throws instead of trapping; ``Catalog/makeBuiltIn()`` propagates the
/// first problem, and the test suite calls it directly, so a bad edit fails the tests.
enum BuiltInData {
  /// Parses an ISO 8601 instant such as `"2025-02-08T16:00:00Z"`.
  static func instant(_ text: String) throws -> Date {
    guard let date = try? Date(text, strategy: .iso8601) else {
      throw PricingError(.invalidData, "built-in instant '\(text)' is not ISO 8601")
    }
    return date
  }

  /// A flat tier: cache hit, cache miss and output per million tokens.
  static func flat(hit: String?, miss: String, output: String) throws -> PriceTier {
    PriceTier(
      prices: ComponentPrices(
        input: try FixedDecimal(miss),
        cacheRead: try hit.map { (text: String) throws in try FixedDecimal(text) },
        output: try FixedDecimal(output)
      )
    )
  }

  /// A provenance record.
  static func source(
    _ url: String,
    observed: String,
    _ confidence: Provenance.Confidence,
    note: String? = nil
  ) throws -> Provenance {
    Provenance(source: url, observed: try CalendarDay(observed), confidence: confidence, note: note)
  }
}
