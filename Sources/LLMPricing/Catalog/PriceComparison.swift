import Foundation

/// Where another catalog's price disagrees with this library's for the same offering.
///
/// Offerings are paired by provider (other projects' provider ids are mapped to ours, such
/// as LiteLLM's `dashscope` to `alibaba`), model id or alias (dated snapshots included)
/// and currency; no currency is converted. The input, cache-read and output prices in
/// force at an instant are compared for a small request: the time window of that instant
/// applies, and the smallest tier.
///
/// ```swift
/// let theirs = try LiteLLMImporter.import(data, source: "LiteLLM", observed: day).catalog
/// for difference in PriceComparison.differences(ours: .builtIn, theirs: theirs, at: now) {
///   print(difference)  // deepseek/deepseek-chat@USD output: ours 0.42, theirs 1.1 (+162%)
/// }
/// ```
public enum PriceComparison {
  /// One disagreeing price.
  public struct Difference: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Our offering id.
    public var ours: String
    /// The other catalog's offering id.
    public var theirs: String
    /// The component compared.
    public var component: CostComponent
    /// Our price per million tokens.
    public var ourPrice: FixedDecimal
    /// Their price per million tokens.
    public var theirPrice: FixedDecimal
    /// Where our price comes from.
    public var ourSource: String

    /// `(theirs − ours) / ours`, rounded to four places; `nil` when our price is zero.
    public var relativeDifference: FixedDecimal? {
      guard !ourPrice.isZero, let delta = try? theirPrice - ourPrice else { return nil }
      return (try? delta.divided(by: ourPrice))?.rounded(toPlaces: 4)
    }

    /// `deepseek/deepseek-chat@USD output: ours 0.42, theirs 1.1 (+161.9%)`.
    public var description: String {
      var text = "\(ours) \(component): ours \(ourPrice), theirs \(theirPrice)"
      if let relative = relativeDifference, let percent = try? relative * 100 {
        text += " (\(percent.isNegative ? "" : "+")\(percent.rounded(toPlaces: 1))%)"
      }
      return text
    }
  }

  /// Other projects' provider ids that name one of ours.
  public static let providerAliases: [String: String] = [
    "dashscope": "alibaba", "qwen": "alibaba", "alibaba_cloud": "alibaba",
    "volcengine": "bytedance", "doubao": "bytedance", "gemini": "google", "google_ai": "google",
    "x_ai": "xai", "x-ai": "xai", "moonshotai": "moonshot", "zhipuai": "zhipu", "zai": "zhipu",
    "z-ai": "zhipu", "hunyuan": "tencent", "qianfan": "baidu", "wenxin": "baidu",
  ]

  /// The prices of `theirs` that differ from ours at an instant.
  ///
  /// - Parameters:
  ///   - ours: This library's catalog, usually ``Catalog/builtIn``.
  ///   - theirs: The imported catalog.
  ///   - instant: When to compare.
  /// - Returns: One difference per disagreeing component, ordered by our offering id.
  public static func differences(ours: Catalog, theirs: Catalog, at instant: Date) -> [Difference] {
    var result: [Difference] = []
    for their in theirs.offerings {
      let provider =
        providerAliases[their.provider.id.lowercased()] ?? their.provider.id.lowercased()
      guard let matches = try? ours.offerings(model: their.model.id, provider: provider) else {
        continue
      }
      for our in matches where our.currency == their.currency {
        for component in [CostComponent.input, .cacheRead, .output] {
          guard let mine = price(of: component, in: our, at: instant),
            let other = price(of: component, in: their, at: instant), mine.price != other.price
          else { continue }
          result.append(
            Difference(
              ours: our.id,
              theirs: their.id,
              component: component,
              ourPrice: mine.price,
              theirPrice: other.price,
              ourSource: mine.source
            )
          )
        }
      }
    }
    return result.sorted { ($0.ours, $0.component) < ($1.ours, $1.component) }
  }

  /// The price of one token of a component at an instant, from the full pricing rules.
  private static func price(
    of component: CostComponent,
    in offering: Offering,
    at instant: Date
  ) -> (price: FixedDecimal, source: String)? {
    let usage: TokenUsage?
    switch component {
    case .cacheRead: usage = try? TokenUsage(cacheRead: 1)
    case .output: usage = try? TokenUsage(output: 1)
    default: usage = try? TokenUsage(uncachedInput: 1)
    }
    guard let usage, let cost = try? offering.schedule.cost(of: usage, at: instant),
      let line = cost.lines.first(where: { $0.component == component })
    else { return nil }
    return (line.unitPrice, cost.provenance.source)
  }
}
