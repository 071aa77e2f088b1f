import Foundation

/// One line of a usage log, parsed and validated.
struct UsageLogLine {
  var second: Int64
  var model: String
  var provider: String?
  var usage: TokenUsage
  var tags: [String: String]

  private static let normalisedKeys: Set<String> = [
    "uncachedInput", "cacheRead", "cacheWrite", "cacheWrite1h", "output", "reasoning", "requests",
  ]

  init(_ line: Data) throws {
    let json: ExactJSON
    do {
      json = try JSONDecoder().decode(ExactJSON.self, from: line)
    } catch {
      throw PricingError(.invalidData, "not valid JSON (truncated or malformed line)")
    }
    guard case .object(let object) = json else {
      throw PricingError(.invalidData, "a log line must be a JSON object")
    }
    guard let timestamp = object["timestamp"] else {
      throw PricingError(.invalidData, "missing \"timestamp\"")
    }
    guard let text = timestamp.string, let instant = Self.instant(text) else {
      throw PricingError(.invalidData, "\"timestamp\" is not an ISO 8601 instant")
    }
    second = EpochSeconds.floor(instant)
    guard let model = object["model"]?.string, !model.isEmpty else {
      throw PricingError(.invalidData, "missing \"model\"")
    }
    self.model = model
    provider = object["provider"]?.string
    guard let usageJSON = object["usage"], case .object(let usageObject) = usageJSON else {
      throw PricingError(.invalidData, "missing \"usage\" object")
    }
    if !Self.normalisedKeys.isDisjoint(with: usageObject.keys),
      usageObject["prompt_tokens"] == nil, usageObject["input_tokens"] == nil
    {
      func count(_ key: String) throws -> Int {
        try UsageParser.count(usageObject[key], "usage.\(key)")
      }
      usage = try TokenUsage(
        uncachedInput: count("uncachedInput"),
        cacheRead: count("cacheRead"),
        cacheWrite: count("cacheWrite"),
        cacheWrite1h: count("cacheWrite1h"),
        output: count("output"),
        reasoning: count("reasoning"),
        requests: max(1, try count("requests"))
      )
    } else {
      // Gemini's usageMetadata is recognised by its own keys; others by the usage wrapper.
      let object = usageObject["promptTokenCount"] != nil ? usageObject : ["usage": usageJSON]
      usage = try UsageParser.parse(object: object, format: nil).usage
    }
    var tags: [String: String] = [:]
    for (key, value) in object["tags"]?.object ?? [:] {
      switch value {
      case .string(let text): tags[key] = text
      case .number(let text): tags[key] = text
      case .bool(let flag): tags[key] = flag ? "true" : "false"
      default: continue
      }
    }
    self.tags = tags
  }

  /// Parses `YYYY-MM-DDTHH:MM:SSZ` directly, other ISO 8601 forms through Foundation.
  static func instant(_ text: String) -> Date? {
    if let fast = try? BuiltInData.instant(text) { return fast }
    if let date = try? Date(text, strategy: .iso8601) { return date }
    return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
  }
}
