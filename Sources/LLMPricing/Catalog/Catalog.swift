/// A searchable set of offerings.
///
/// ```swift
/// let offering = try Catalog.builtIn.offering(model: "deepseek-chat", currency: .cny)
/// ```
public struct Catalog: Hashable, Sendable, Codable {
  /// The offerings, in a stable order.
  public let offerings: [Offering]

  /// Creates a catalog.
  ///
  /// - Parameter offerings: The offerings.
  public init(offerings: [Offering]) {
    self.offerings = offerings
  }

  /// The offerings of a model, matched case-insensitively by id or alias, optionally
  /// in `provider/model` form.
  ///
  /// - Parameters:
  ///   - model: A model id or alias, such as `"deepseek-chat"` or `"DeepSeek/deepseek-chat"`.
  ///   - provider: A provider id to restrict the search to, if any.
  /// - Returns: Every matching offering, in catalog order.
  /// - Throws: ``PricingError/Code/unknownModel`` naming the id and the three closest ids.
  public func offerings(model: String, provider: String? = nil) throws -> [Offering] {
    var wantedModel = model.lowercased()
    var wantedProvider = provider?.lowercased()
    if let slash = wantedModel.firstIndex(of: "/") {
      wantedProvider = wantedProvider ?? String(wantedModel[..<slash])
      wantedModel = String(wantedModel[wantedModel.index(after: slash)...])
    }
    let matches = offerings.filter { offering in
      (wantedProvider == nil || offering.provider.id == wantedProvider)
        && ([offering.model.id] + offering.model.aliases).contains {
          $0.lowercased() == wantedModel
        }
    }
    guard matches.isEmpty else { return matches }
    let known = Set(offerings.flatMap { [$0.model.id] + $0.model.aliases })
    let closest = known.sorted {
      let a = Self.distance($0.lowercased(), wantedModel)
      let b = Self.distance($1.lowercased(), wantedModel)
      return a != b ? a < b : $0 < $1
    }
    .prefix(3)
    let scope = wantedProvider.map { " from provider '\($0)'" } ?? ""
    throw PricingError(
      .unknownModel,
      "unknown model '\(model)'\(scope); closest: \(closest.joined(separator: ", "))"
        + "Run 'llm-cost models' for the full list"
    )
  }

  /// The offering of a model in a currency, or the model's offerings when none is in it.
  ///
  /// - Parameters:
  ///   - model: A model id or alias.
  ///   - provider: A provider id, if any.
  ///   - currency: The wanted currency.
  /// - Returns: The offering published in `currency`, or `nil` when the provider
  ///   publishes none in it (convert one of ``offerings(model:provider:)`` instead).
  /// - Throws: ``PricingError/Code/unknownModel`` when the model is unknown.
  public func offering(
    model: String,
    provider: String? = nil,
    currency: Currency
  ) throws -> Offering? {
    try offerings(model: model, provider: provider).first { $0.currency == currency }
  }

  /// The Levenshtein edit distance between two strings.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a.utf8)
    let b = Array(b.utf8)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}

extension Catalog {
  /// The catalog compiled into the library.
  ///
  /// Until the full catalog lands it holds DeepSeek's full 2024–2026 history in both of
  /// its published lists. Every entry carries its source URL, the day it was observed,
  /// and a confidence mark.
  public static let builtIn = Catalog(offerings: (try? makeBuiltIn()) ?? [])

  /// Builds the built-in offerings, throwing the first invalid value.
  ///
  /// ``builtIn`` uses this and falls back to an empty catalog rather than crash; the
  /// test suite calls it directly so that a bad edit fails the tests.
  ///
  /// - Returns: The built-in offerings.
  /// - Throws: ``PricingError`` naming the first invalid built-in value.
  public static func makeBuiltIn() throws -> [Offering] {
    try DeepSeekPrices.offerings()
  }
}
