import Foundation

/// Reads genai-prices' published `data.json` (format v2) into offerings.
///
/// Prices are USD per million tokens. Text prices become components (input, cache read,
/// cache write, one-hour cache write, output, reasoning, and `requests_kcount` as a
/// per-request fee); tiered prices become cliff tiers, a tier `start` of N meaning "more
/// than N input tokens" (so `[0, N]` stays at the base price); `start_date` constraints
/// become dated schedule entries from 00:00 UTC; `start_time`/`end_time` constraints
/// become daily windows in UTC. Audio, image, video and search prices are not modelled and
/// are ignored (said in each offering's note). Models the format cannot express are
/// reported in ``PriceFileImport/skipped``.
public enum GenAIPricesImporter {
  private static let components: [(String, CostComponent)] = [
    ("input_mtok", .input), ("cache_read_mtok", .cacheRead), ("cache_write_mtok", .cacheWrite),
    ("cache_write_1h_mtok", .cacheWrite1h), ("output_mtok", .output),
    ("output_reasoning_mtok", .reasoning),
  ]

  /// Imports a genai-prices `data.json` (v2).
  ///
  /// - Parameters:
  ///   - data: The JSON bytes.
  ///   - source: Where the file came from, such as `"genai-prices data.json @47df840a"`.
  ///   - observed: The day the file was published or read.
  /// - Returns: The offerings and the skipped models.
  /// - Throws: ``PricingError/Code/invalidData`` when the file is not a list of providers.
  public static func `import`(
    _ data: Data,
    source: String,
    observed: CalendarDay
  ) throws -> PriceFileImport {
    guard case .array(let providers) = try ExactJSON.parse(data)
    else {
      throw PricingError(.invalidData, "a genai-prices data.json is a JSON array of providers")
    }
    var offerings: [Offering] = []
    var skipped: [PriceFileImport.Skipped] = []
    for providerJSON in providers {
      guard let providerID = providerJSON["id"]?.string,
        case .array(let models)? = providerJSON["models"]
      else {
        skipped.append(.init(entry: "provider", reason: "a provider without an id or models"))
        continue
      }
      var pricingPage = ""
      if case .array(let urls)? = providerJSON["pricing_urls"], let first = urls.first?.string {
        pricingPage = first
      }
      let provider = Provider(
        id: providerID,
        name: providerJSON["name"]?.string ?? providerID,
        country: "",
        homeCurrency: .usd,
        timeZone: "UTC",
        pricingPage: pricingPage
      )
      for modelJSON in models {
        let modelID = modelJSON["id"]?.string ?? "?"
        do {
          let schedule = try schedule(of: modelJSON, source: source, observed: observed)
          offerings.append(
            Offering(
              model: Model(
                id: modelID,
                vendor: providerID,
                family: providerID,
                contextWindow: modelJSON["context_window"]?.int
              ),
              provider: provider,
              region: "genai-prices import",
              schedule: schedule
            )
          )
        } catch let error as PricingError {
          skipped.append(.init(entry: "\(providerID)/\(modelID)", reason: error.message))
        }
      }
    }
    return PriceFileImport(catalog: Catalog(offerings: offerings), skipped: skipped)
  }

  /// One price set: the component prices, tiered or not.
  private static func tiers(of priceSet: ExactJSON) throws -> [PriceTier] {
    guard case .object(let object) = priceSet else {
      throw PricingError(.invalidData, "prices are not an object")
    }
    // Base price and tier list per component.
    var bases: [CostComponent: FixedDecimal] = [:]
    var steps: [CostComponent: [(start: Int, price: FixedDecimal)]] = [:]
    for (key, component) in components {
      guard let value = object[key] else { continue }
      // An unreadable or overflowing price throws with its value: never dropped silently.
      if case .object = value {
        guard let base = try PriceFileImport.price(value["base"], named: key + ".base"),
          case .array(let list)? = value["tiers"]
        else {
          throw PricingError(.invalidData, "\(key) is neither a number nor a tiered price")
        }
        bases[component] = base
        steps[component] = try list.map { step in
          guard let start = step["start"]?.int,
            let price = try PriceFileImport.price(step["price"], named: key + " tier price")
          else {
            throw PricingError(.invalidData, "\(key) has a tier without start or price")
          }
          return (start, price)
        }
      } else if let price = try PriceFileImport.price(value, named: key) {
        bases[component] = price
      } else {
        throw PricingError(.invalidData, "\(key) is neither a number nor a tiered price")
      }
    }
    guard bases[.input] != nil, bases[.output] != nil else {
      throw PricingError(.invalidData, "no input_mtok and output_mtok text prices")
    }
    var perRequest: FixedDecimal?
    if let perThousand = try PriceFileImport.price(
      object["requests_kcount"],
      named: "requests_kcount"
    ) {
      perRequest = try perThousand.divided(by: 1_000)
    }
    let starts = Array(Set(steps.values.flatMap { $0.map(\.start) })).sorted()
    func prices(above start: Int?) -> ComponentPrices {
      func price(_ component: CostComponent) -> FixedDecimal? {
        guard let base = bases[component] else { return nil }
        guard let start else { return base }
        return steps[component]?.last { $0.start <= start }?.price ?? base
      }
      return ComponentPrices(
        input: price(.input) ?? .zero,
        cacheRead: price(.cacheRead),
        cacheWrite: price(.cacheWrite),
        cacheWrite1h: price(.cacheWrite1h),
        output: price(.output) ?? .zero,
        reasoning: price(.reasoning),
        perRequest: perRequest
      )
    }
    guard let first = starts.first else { return [PriceTier(prices: prices(above: nil))] }
    var range = TokenRange(upTo: first)
    var result = [PriceTier(input: range, prices: prices(above: nil))]
    for (index, start) in starts.enumerated() {
      let upper = index + 1 < starts.count ? starts[index + 1] : nil
      range = range.next(to: upper)
      result.append(PriceTier(input: range, prices: prices(above: start)))
    }
    return result
  }

  private static func schedule(
    of model: ExactJSON,
    source: String,
    observed: CalendarDay
  ) throws -> PriceSchedule {
    guard let prices = model["prices"] else { throw PricingError(.invalidData, "no prices") }
    // Normalise to a list of (constraint, prices).
    var sets: [(constraint: ExactJSON?, prices: ExactJSON)] = []
    if case .array(let list) = prices {
      for item in list {
        guard let itemPrices = item["prices"] else {
          throw PricingError(.invalidData, "a conditional price without prices")
        }
        sets.append((item["constraint"], itemPrices))
      }
    } else {
      sets.append((nil, prices))
    }
    var dated: [(start: Date, tiers: [PriceTier])] = []
    var windows: [TimeWindow] = []
    for set in sets {
      let tiers = try tiers(of: set.prices)
      guard let constraint = set.constraint else {
        dated.append((Date(timeIntervalSince1970: 0), tiers))
        continue
      }
      if let day = constraint["start_date"]?.string {
        dated.append((try CalendarDay(day).startInUTC, tiers))
      } else if let start = constraint["start_time"]?.string,
        let end = constraint["end_time"]?.string
      {
        func time(_ text: String) throws -> TimeOfDay {
          try TimeOfDay(String(text.prefix { $0 != "Z" && $0 != "+" }))
        }
        windows.append(
          TimeWindow(
            name: "\(start)–\(end)",
            days: .everyDay,
            start: try time(start),
            end: try time(end),
            effect: .tiers(tiers)
          )
        )
      } else {
        throw PricingError(.invalidData, "a price constraint this library cannot express")
      }
    }
    dated.sort { $0.start < $1.start }
    guard !dated.isEmpty else { throw PricingError(.invalidData, "only constrained prices") }
    let entries = try dated.map { item in
      PriceSchedule.Entry(
        effectiveFrom: item.start,
        sheet: try PriceSheet(currency: .usd, tiers: item.tiers, windows: windows),
        provenance: Provenance(
          source: source,
          observed: observed,
          confidence: .singleSource,
          note: "imported from genai-prices; non-text prices (audio, image, search) not modelled"
        )
      )
    }
    return try PriceSchedule(entries: entries)
  }
}
