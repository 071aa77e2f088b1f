/// A price the provider publishes that a catalog entry does not have.
///
/// A catalog can know that a price exists without knowing its figure or since when it
/// applies: a cache-hit price first seen on a page with no date, or a context tier quoted by
/// one reseller. Pricing never fills the gap with a guess. Tokens of a missing component are
/// billed at the fallback the format defines (a cache read at the input price, for example)
/// and the breakdown's ``CostBreakdown/notes`` say so; a request in a missing range fails
/// with the reason. `llm-cost catalog check` lists every gap in force.
///
/// Encodes in JSON as `{"component": "cacheRead", "note": "…"}`; `component` is absent for
/// a range of requests (a context tier) rather than a component.
public struct MissingPrice: Hashable, Sendable, Codable {
  /// The component whose price is missing, or `nil` when what is missing is the price of a
  /// range of requests, such as prompts above the largest tier.
  public var component: CostComponent?
  /// What is missing and why, for people: the source that shows the price exists and what
  /// stops it from being recorded.
  public var note: String

  /// Creates a record of a missing price.
  ///
  /// - Parameters:
  ///   - component: The component, or `nil` for a range of requests.
  ///   - note: What is missing and why.
  public init(component: CostComponent?, note: String) {
    self.component = component
    self.note = note
  }
}
