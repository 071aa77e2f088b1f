import Foundation

/// `catalog-file`: any bytes as a catalog file and as catalog overrides.
enum CatalogFileTarget {
  /// Offerings overrides are applied to: one tiered, one with time windows, one plain.
  static let offerings = Array(Catalog.builtIn.offerings.prefix(3))

  static func run(_ input: UnsafeRawBufferPointer) {
    let data = Data(input)
    if let catalog = try? Catalog.decode(from: data) {
      // What `--catalog FILE` does with a user's file.
      _ = try? Catalog.builtIn.merging(catalog)
      // `decode(from:)` reads what `encodedJSON()` writes: a decoded catalog must survive.
      do {
        _ = try Catalog.decode(from: catalog.encodedJSON())
      } catch {
        fuzzFailure("a decoded catalog does not decode after encoding: \(error)", input: input)
      }
    }
    if let overrides = try? StrictJSONDecoder().decode([CatalogOverride].self, from: data) {
      for override in overrides {
        for offering in offerings {
          _ = try? override.applied(to: offering)
        }
      }
    }
  }
}

/// `rates-file`: any bytes as an exchange-rate file (JSON or CSV), then used.
enum RatesFileTarget {
  static func run(_ input: UnsafeRawBufferPointer) {
    guard let rates = try? ExchangeRates.rates(fromFile: Data(input), named: "fuzz.csv") else {
      return
    }
    let table = ExchangeRates(rates, pivot: .usd)
    _ = table.overriding(with: rates)
    for rate in rates.prefix(4) {
      _ = try? table.convert(Money(FixedDecimal(1000), rate.base), to: rate.quote, at: rate.asOf)
      _ = try? table.convert(Money(FixedDecimal(1000), rate.quote), to: .usd, at: rate.asOf)
    }
  }
}

/// `scenario-file`: any bytes as a scenario; a decoded one must round-trip exactly.
enum ScenarioFileTarget {
  static func run(_ input: UnsafeRawBufferPointer) {
    guard let scenario = try? Scenario.decode(from: Data(input)) else { return }
    do {
      let again = try Scenario.decode(from: scenario.encodedJSON())
      if again != scenario {
        fuzzFailure("a scenario changes through encodedJSON and decode", input: input)
      }
    } catch {
      fuzzFailure("a decoded scenario does not decode after encoding: \(error)", input: input)
    }
  }
}

/// `workload-file`: any bytes as a workload profile (or a list of them), then used.
enum WorkloadFileTarget {
  static func run(_ input: UnsafeRawBufferPointer) {
    let data = Data(input)
    var profiles = (try? StrictJSONDecoder().decode([WorkloadProfile].self, from: data)) ?? []
    if let profile = try? WorkloadProfile.decode(from: data) {
      profiles.append(profile)
    }
    for profile in profiles.prefix(4) {
      for step in 0..<min(profile.stepsPerSession, 4) {
        _ = try? profile.usage(ofStep: step)
      }
      // Encoding goes through the same validated initializer when read back.
      if let encoded = try? JSONEncoder().encode(profile) {
        do {
          _ = try WorkloadProfile.decode(from: encoded)
        } catch {
          fuzzFailure("a decoded profile does not decode after encoding: \(error)", input: input)
        }
      }
    }
  }
}

/// `report-file`: any bytes as a partial usage report, merged with itself and re-encoded.
enum ReportFileTarget {
  static func run(_ input: UnsafeRawBufferPointer) {
    guard let report = try? UsageReport.decode(from: Data(input)) else { return }
    _ = try? report.validate()
    var merged = report
    _ = try? merged.merge(report)
    _ = try? JSONEncoder().encode(merged)
  }
}

/// `litellm`, `genai-prices`: any bytes as a third-party price file.
enum ImporterTargets {
  static let observed = CalendarDay(daysSinceEpoch: 20_454)

  static func runLiteLLM(_ input: UnsafeRawBufferPointer) {
    if let imported = try? LiteLLMImporter.import(Data(input), source: "fuzz", observed: observed) {
      _ = try? imported.catalog.encodedJSON()
    }
  }

  static func runGenAIPrices(_ input: UnsafeRawBufferPointer) {
    let data = Data(input)
    if let imported = try? GenAIPricesImporter.import(data, source: "fuzz", observed: observed) {
      _ = try? imported.catalog.encodedJSON()
    }
  }
}
