import Foundation

/// Reads LiteLLM's `model_prices_and_context_window.json` into offerings.
///
/// LiteLLM prices are USD per token; they become USD per million tokens, exactly. Each
/// chat, completion or responses entry with input and output prices becomes an offering
/// with cache reads, cache writes (5-minute and 1-hour), reasoning, a batch multiplier
/// when input and output batch prices share one ratio, and a cliff tier for the
/// `*_above_128k_tokens`, `*_above_200k_tokens` or `*_above_272k_tokens` prices.
/// The file has no effective dates, so each offering has one entry from 1970, marked
/// single-source. Everything else is reported in ``PriceFileImport/skipped``.
///
/// ```swift
/// let result = try LiteLLMImporter.import(data, source: "litellm 1.106.2", observed: day)
/// print(result.catalog.offerings.count, result.skipped.count)
/// ```
public enum LiteLLMImporter {
  private static let thresholds = [
    ("above_128k_tokens", 128_000), ("above_200k_tokens", 200_000), ("above_272k_tokens", 272_000),
  ]

  /// Imports a LiteLLM price file.
  ///
  /// - Parameters:
  ///   - data: The JSON bytes.
  ///   - source: Where the file came from, such as `"LiteLLM 1.106.2 model_prices_and_context_window.json"`.
  ///   - observed: The day the file was published or read.
  /// - Returns: The offerings and the skipped entries.
  /// - Throws: ``PricingError/Code/invalidData`` when the file is not a JSON object.
  public static func `import`(
    _ data: Data,
    source: String,
    observed: CalendarDay
  ) throws -> PriceFileImport {
    guard case .object(let entries) = try ExactJSON.parse(data)
    else {
      throw PricingError(.invalidData, "a LiteLLM price file is a JSON object of model entries")
    }
    var offerings: [Offering] = []
    var seen: Set<String> = []
    var skipped: [PriceFileImport.Skipped] = []
    for key in entries.keys.sorted() {
      guard let entry = entries[key] else { continue }
      func skip(_ reason: String) { skipped.append(.init(entry: key, reason: reason)) }
      guard key != "sample_spec" else {
        skip("the schema example, not a model")
        continue
      }
      let mode = entry["mode"]?.string ?? "chat"
      guard ["chat", "completion", "responses"].contains(mode) else {
        skip("mode '\(mode)' is not priced per text token")
        continue
      }
      do {
        guard
          let offering = try offering(key: key, entry: entry, source: source, observed: observed)
        else {
          skip("no input_cost_per_token and output_cost_per_token")
          continue
        }
        guard seen.insert(offering.id.lowercased()).inserted else {
          skip("duplicate of \(offering.id) under another key")
          continue
        }
        offerings.append(offering)
      } catch let error as PricingError {
        // An absurd price (one that overflows, say) costs its entry, never the import.
        skip(error.message)
      }
    }
    return PriceFileImport(catalog: Catalog(offerings: offerings), skipped: skipped)
  }

  /// One entry's offering, or `nil` when it lacks the input or output price.
  private static func offering(
    key: String,
    entry: ExactJSON,
    source: String,
    observed: CalendarDay
  ) throws -> Offering? {
    func perMillion(_ name: String) throws -> FixedDecimal? {
      guard let perToken = try PriceFileImport.price(entry[name], named: name) else { return nil }
      do {
        return try perToken * 1_000_000
      } catch let error as PricingError where error.code == .overflow {
        throw PricingError(
          .overflow,
          "\(name) is \(perToken) per token, which overflows at a million tokens; "
            + "fix or drop the entry"
        )
      }
    }
    guard let input = try perMillion("input_cost_per_token"),
      let output = try perMillion("output_cost_per_token")
    else { return nil }
    func prices(
      _ suffix: String,
      input: FixedDecimal,
      output: FixedDecimal
    ) throws -> ComponentPrices {
      ComponentPrices(
        input: input,
        cacheRead: try perMillion("cache_read_input_token_cost" + suffix),
        cacheWrite: try perMillion("cache_creation_input_token_cost" + suffix),
        cacheWrite1h: suffix.isEmpty
          ? try perMillion("cache_creation_input_token_cost_above_1hr") : nil,
        output: output,
        reasoning: suffix.isEmpty ? try perMillion("output_cost_per_reasoning_token") : nil
      )
    }
    var tiers = [PriceTier(prices: try prices("", input: input, output: output))]
    for (suffix, threshold) in thresholds {
      guard let highInput = try perMillion("input_cost_per_token_" + suffix),
        let highOutput = try perMillion("output_cost_per_token_" + suffix)
      else { continue }
      let first = TokenRange(upTo: threshold)
      tiers = [
        PriceTier(input: first, prices: tiers[0].prices),
        PriceTier(
          input: first.next(to: nil),
          prices: try prices("_" + suffix, input: highInput, output: highOutput)
        ),
      ]
      break
    }
    var batch: FixedDecimal?
    if let batchInput = try perMillion("input_cost_per_token_batches"),
      let batchOutput = try perMillion("output_cost_per_token_batches"), !input.isZero,
      !output.isZero,
      let inputRatio = try? batchInput.divided(by: input),
      let outputRatio = try? batchOutput.divided(by: output), inputRatio == outputRatio
    {
      batch = inputRatio
    }
    let provider = entry["litellm_provider"]?.string ?? "unknown"
    var model = key
    if model.lowercased().hasPrefix(provider.lowercased() + "/") {
      model.removeFirst(provider.count + 1)
    }
    let sheet = try PriceSheet(currency: .usd, tiers: tiers, batchMultiplier: batch)
    return Offering(
      model: Model(
        id: model,
        vendor: provider,
        family: provider,
        contextWindow: entry["max_input_tokens"]?.int,
        maxOutput: entry["max_output_tokens"]?.int
      ),
      provider: Provider(
        id: provider,
        name: provider,
        country: "",
        homeCurrency: .usd,
        timeZone: "UTC",
        pricingPage: ""
      ),
      region: "LiteLLM import",
      schedule: try PriceFileImport.undated(
        sheet,
        source: source,
        observed: observed,
        note: "imported from LiteLLM entry '\(key)'; the file has no effective dates"
      )
    )
  }
}
