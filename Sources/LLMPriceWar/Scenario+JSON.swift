import Foundation
import LLMPricing

extension Scenario {
  private enum CodingKeys: String, CodingKey {
    case id, title, summary, sources, start, months, currency, workload, offerings, events
    case market, buyerOffering, exchangeRates, uncertainties
  }

  /// Decodes a scenario; `workload` is a preset name (`"coding"`) or a full profile, and
  /// `summary`, `sources`, `events`, `exchangeRates` and `uncertainties` may be left out.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the key path of a bad value, or an unknown workload
  ///   preset with the closest names.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let workload: WorkloadProfile
    if let name = try? container.decode(String.self, forKey: .workload) {
      guard let preset = WorkloadProfile.presets[name] else {
        throw DecodingError.dataCorruptedError(
          forKey: .workload,
          in: container,
          debugDescription: "no workload preset '\(name)'; closest: "
            + ClosestNames.closest(to: name, among: WorkloadProfile.presets.keys.sorted())
            .joined(separator: ", ") + "; or give a full profile"
        )
      }
      workload = preset
    } else {
      workload = try container.decode(WorkloadProfile.self, forKey: .workload)
    }
    self.init(
      id: try container.decode(String.self, forKey: .id),
      title: try container.decodeIfPresent(String.self, forKey: .title) ?? "",
      summary: try container.decodeIfPresent(String.self, forKey: .summary) ?? "",
      sources: try container.decodeIfPresent([Source].self, forKey: .sources) ?? [],
      start: try container.decode(YearMonth.self, forKey: .start),
      months: try container.decode(Int.self, forKey: .months),
      currency: try container.decode(Currency.self, forKey: .currency),
      workload: workload,
      offerings: try container.decode([ScenarioOffering].self, forKey: .offerings),
      events: try container.decodeIfPresent([ScenarioEvent].self, forKey: .events) ?? [],
      market: try container.decode(MarketModel.self, forKey: .market),
      buyerOffering: try container.decodeIfPresent(String.self, forKey: .buyerOffering),
      exchangeRates: try container.decodeIfPresent([ExchangeRatePoint].self, forKey: .exchangeRates)
        ?? [],
      uncertainties: try container.decodeIfPresent([Uncertainty].self, forKey: .uncertainties) ?? []
    )
  }

  /// Encodes the scenario; a preset workload is written by its name.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(title, forKey: .title)
    try container.encode(summary, forKey: .summary)
    try container.encode(sources, forKey: .sources)
    try container.encode(start, forKey: .start)
    try container.encode(months, forKey: .months)
    try container.encode(currency, forKey: .currency)
    if WorkloadProfile.presets[workload.name] == workload {
      try container.encode(workload.name, forKey: .workload)
    } else {
      try container.encode(workload, forKey: .workload)
    }
    try container.encode(offerings, forKey: .offerings)
    try container.encode(events, forKey: .events)
    try container.encode(market, forKey: .market)
    try container.encodeIfPresent(buyerOffering, forKey: .buyerOffering)
    try container.encode(exchangeRates, forKey: .exchangeRates)
    try container.encode(uncertainties, forKey: .uncertainties)
  }

  /// Decodes and validates a scenario file.
  ///
  /// - Parameter data: The JSON bytes.
  /// - Returns: The validated scenario.
  /// - Throws: `PricingError` (`invalidData`) naming the key path of a value that does
  ///   not decode; ``ScenarioError/Code/invalidScenario`` naming the path of a value that
  ///   breaks a rule (see ``validate()``).
  public static func decode(from data: Data) throws -> Scenario {
    let scenario = try StrictJSONDecoder().decode(Scenario.self, from: data)
    try scenario.validate()
    return scenario
  }

  /// Encodes the scenario as pretty-printed JSON with sorted keys and exact decimals.
  ///
  /// - Returns: The JSON bytes, which ``decode(from:)`` reads back to an equal scenario.
  /// - Throws: `PricingError` (`invalidData`) if encoding fails.
  public func encodedJSON() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      return try encoder.encode(self)
    } catch {
      throw PricingError(.invalidData, "the scenario could not be encoded: \(error)")
    }
  }
}
