import Foundation

/// The JSON every report is written as: pretty-printed with sorted keys, slashes unescaped
/// (URLs stay readable), and amounts as the exact decimal strings their types encode.
///
/// One renderer for every command and example, so the JSON outputs cannot drift apart.
///
/// ```swift
/// let priced = try Catalog.builtIn.price(
///   try TokenUsage.inclusive(promptTokens: 1_000, completionTokens: 100),
///   model: "deepseek-flash", at: Date())
/// print(try JSONReport.render(priced.native))
/// ```
public enum JSONReport {
  /// Renders a value as report JSON.
  ///
  /// - Parameter value: Any encodable value, such as a ``CostBreakdown``, a ``MonthlyCost``
  ///   or a ``UsageReport``.
  /// - Returns: The JSON text, without a final newline.
  /// - Throws: Whatever the value's encoding throws.
  public static func render<Value: Encodable>(_ value: Value) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
