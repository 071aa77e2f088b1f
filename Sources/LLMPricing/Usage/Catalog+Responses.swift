import Foundation

extension Catalog {
  /// Prices a provider's raw API response: reads its usage block, finds the model it names,
  /// and prices it at its own timestamp, natively or converted.
  ///
  /// ```swift
  /// let priced = try Catalog.builtIn.price(response: body, in: .cny)
  /// print("\(priced.offering.id): \(priced.total.formatted())")
  /// ```
  ///
  /// The instant is `instant` when given, otherwise the response's own timestamp
  /// (`created`, `created_at`); a response without one (Anthropic's, Gemini's) is priced
  /// at the moment of the call, and ``PricedUsage/notes`` says so.
  ///
  /// - Parameters:
  ///   - response: The JSON bytes of the response (a chat completion, a Responses API
  ///     object, an Anthropic message, a DashScope or Gemini response, …).
  ///   - format: The usage convention; `nil` detects it from the fields present.
  ///   - model: The model to price with, overriding the one the response names (a
  ///     deployment alias, say); required when the response names none.
  ///   - provider: A provider id, when the model is sold by several.
  ///   - instant: The instant to price at, overriding the response's timestamp.
  ///   - currency: The currency to report in; `nil` for the offering's own.
  ///   - rates: The exchange rates, for a conversion.
  ///   - batch: Whether the request went through the batch API.
  ///   - options: How the request was served: service tier, residency, thinking, tools.
  ///     `nil` (the default) bills what the response itself reports: its `service_tier`, Anthropic's
  ///     `usage.inference_geo` and `usage.server_tool_use`, a Responses API body's
  ///     `web_search_call` items, as log ingestion reads them.
  /// - Returns: The priced usage.
  /// - Throws: The errors of ``UsageParser/parse(_:format:)``;
  ///   ``PricingError/Code/invalidData`` when neither the response nor `model` names a
  ///   model; and the errors of ``price(_:model:provider:at:in:rates:batch:options:)``.
  public func price(
    response: Data,
    format: ResponseFormat? = nil,
    model: String? = nil,
    provider: String? = nil,
    at instant: Date? = nil,
    in currency: Currency? = nil,
    rates: ExchangeRates = .centralParity,
    batch: Bool = false,
    options: RequestOptions? = nil
  ) throws -> PricedUsage {
    guard case .object(let object) = try StrictJSON.parse(response) else {
      throw PricingError(.invalidData, "the response is not a JSON object")
    }
    let parsed = try UsageParser.parse(object: object, format: format)
    // What the response reports it was billed as (a flex service tier, a residency, web
    // searches), read as log ingestion reads it; the caller's options replace it.
    let billing =
      try options
      ?? UsageLogLine.options(object: object, usage: UsageParser.usageObject(in: object) ?? [:])
    guard let model = model ?? parsed.model else {
      throw PricingError(
        .invalidData,
        "the \(parsed.format) response names no model; pass model: to say which to price with"
      )
    }
    let at = instant ?? parsed.timestamp ?? Date()
    var priced = try price(
      parsed.usage,
      model: model,
      provider: provider,
      at: at,
      in: currency,
      rates: rates,
      batch: batch,
      options: billing
    )
    if instant == nil, parsed.timestamp == nil {
      let note =
        "priced at \(at.formatted(.iso8601)), when it was priced: the response carries no "
        + "timestamp; pass at: to price it at the moment it was made"
      priced.native.assumptions.append(note)
      priced.converted?.assumptions.append(note)
    }
    return priced
  }
}
