import Foundation

/// Small helpers that keep the built-in price tables readable.
///
/// Every helper throws instead of trapping; ``Catalog/makeBuiltIn()`` propagates the
/// first problem, and the test suite calls it directly, so a bad edit fails the tests.
enum BuiltInData {
  /// Parses an ISO 8601 instant such as `"2025-02-08T16:00:00Z"`.
  static func instant(_ text: String) throws -> Date {
    // Built-in instants are all `YYYY-MM-DDTHH:MM:SSZ`; parsing them directly keeps
    // Foundation's date parser (and its calendar set-up) out of a cold start.
    let parts = text.split(whereSeparator: { $0 == "T" || $0 == "Z" })
    let clock = parts.count == 2 ? parts[1].split(separator: ":") : []
    guard text.hasSuffix("Z"), parts.count == 2, clock.count == 3,
      let hours = Int(clock[0]), let minutes = Int(clock[1]), let seconds = Int(clock[2]),
      (0..<24).contains(hours), (0..<60).contains(minutes), (0..<60).contains(seconds),
      let day = try? CalendarDay(String(parts[0]))
    else {
      throw PricingError(
        .invalidData,
        "built-in instant '\(text)' is not of the form YYYY-MM-DDTHH:MM:SSZ"
      )
    }
    let total = day.daysSinceEpoch * 86_400 + hours * 3_600 + minutes * 60 + seconds
    return Date(timeIntervalSince1970: TimeInterval(total))
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
