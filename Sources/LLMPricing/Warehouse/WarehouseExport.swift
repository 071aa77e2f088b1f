import Foundation

/// A catalog written out for a SQL warehouse: the tables and the SQL that price a usage
/// table inside DuckDB, ClickHouse or Spark with the library's own rules.
///
/// The export is four CSV tables and a few `.sql` files. Run in name order in a database
/// holding `llm_usage`, they load the tables and create the view `llm_usage_priced`: every
/// column of `llm_usage`, with `currency` the currency of the cost (the requested one is
/// kept as `requested_currency`), plus `offering`, `cost` (exact, DECIMAL(38,18)),
/// `reason` (why `cost` is NULL), `price_window`, `tier`, `provisional_year` and
/// `missing_prices`.
///
/// `llm_usage` holds one request a row, with the conventions of `llm-cost quote`:
///
/// | column | type | meaning |
/// | --- | --- | --- |
/// | `ts` | TIMESTAMP | when the request was made, in UTC |
/// | `provider` | text | a provider id, or NULL |
/// | `model` | text | a model id or alias, or `provider/model` |
/// | `currency` | text | the price list wanted; NULL for the provider's home list |
/// | `input_tokens` | integer | all input, cached and cache-write tokens included |
/// | `cached_tokens` | integer | of those, cache hits |
/// | `cache_write_tokens` | integer | of those, written to a cache |
/// | `cache_write_1h_tokens` | integer | of those, written to a one-hour cache |
/// | `output_tokens` | integer | all output, reasoning included |
/// | `reasoning_tokens` | integer | of those, reasoning |
/// | `batch` | boolean | sent through the batch API |
///
/// ```swift
/// let export = try WarehouseExport(catalog: .builtIn)
/// for file in export.files(for: .duckdb) {
///   print(file.name, file.contents.utf8.count)
/// }
/// ```
public struct WarehouseExport: Sendable {
  /// One file of the export.
  public struct File: Sendable {
    /// The file's name, such as `llm_prices.csv` or `02-view.sql`.
    public let name: String
    /// Its text.
    public let contents: String
  }

  /// What the SQL does not price: rows that would need one of these come out with a NULL
  /// `cost` and a `reason`, and `llm-cost ingest` or the library prices them instead.
  public static let unsupportedRules: [String] = [
    "service tiers (flex, priority), residency uplifts and tool-call fees: llm_usage has no "
      + "column for them, so every row is priced at the standard rate, as a line without "
      + "them is",
    "twelve-hour cache writes: llm_usage has no column for them",
    "a price with more than 12 fractional digits per million tokens, which is not a whole "
      + "number of 10^-18 per token: such a row's cost is NULL with the reason",
    "time windows in a zone that changes its UTC offset during the price's period (daylight "
      + "saving time): such rows' cost is NULL with the reason",
    "free quotas and subscription plans, which depend on a whole month's usage",
  ]

  let models: WarehouseTable
  let entries: WarehouseTable
  let prices: WarehouseTable
  let calendar: WarehouseTable
  /// The most window intervals any price sheet has: the SQL tests this many per row.
  let intervalColumns: Int

  /// Builds the tables from a catalog.
  ///
  /// - Parameter catalog: The catalog whose offerings, price history, time windows and
  ///   holiday calendars the warehouse prices with.
  /// - Throws: ``PricingError/Code/overflow`` if a window or batch multiplier takes a price
  ///   out of range (it cannot, for a valid catalog); ``PricingError/Code/invalidData`` when
  ///   two sheets carry different holiday calendars with one id.
  public init(catalog: Catalog) throws {
    models = Self.modelTable(catalog)
    var maximumIntervals = 1
    for offering in catalog.offerings {
      for entry in offering.schedule.entries {
        maximumIntervals = max(
          maximumIntervals,
          entry.sheet.windows.reduce(0) { $0 + $1.intervals.count }
        )
      }
    }
    intervalColumns = maximumIntervals
    entries = Self.entryTable(catalog, intervalColumns: maximumIntervals)
    prices = try Self.priceTable(catalog)
    calendar = try Self.calendarTable(
      catalog.offerings.flatMap { $0.schedule.entries.compactMap(\.sheet.holidayCalendar) }
    )
  }

  /// The files for a dialect, in the order they run: the CSV tables, then the `.sql` files.
  ///
  /// - Parameters:
  ///   - dialect: The database the SQL is written for.
  ///   - location: For Spark, where the tables' CSV files will be, such as `/data/prices`
  ///     or `s3a://bucket/prices`; `nil` for paths relative to the working directory
  ///     (DuckDB and ClickHouse read them from the directory the SQL runs in).
  /// - Returns: The files, named as ``write(to:dialect:location:)`` writes them.
  public func files(for dialect: WarehouseDialect, location: String? = nil) -> [File] {
    let tables = [models, entries, prices, calendar]
    var sql = WarehouseSQL(dialect: dialect, tables: tables, intervals: intervalColumns)
    sql.location = location
    return tables.map { File(name: $0.fileName, contents: $0.csv()) }
      + [
        File(name: "01-tables.sql", contents: sql.loadTables()),
        File(name: "02-view.sql", contents: sql.view()),
      ]
  }

  /// Writes the files for a dialect into a directory, creating it if needed.
  ///
  /// - Parameters:
  ///   - directory: The directory.
  ///   - dialect: The database the SQL is written for.
  ///   - location: For Spark, where the CSV files will be read from (see
  ///     ``files(for:location:)``).
  /// - Returns: The names of the files written.
  /// - Throws: The file system's error, naming the path.
  @discardableResult
  public func write(
    to directory: URL,
    dialect: WarehouseDialect,
    location: String? = nil
  ) throws -> [String] {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var names: [String] = []
    for file in files(for: dialect, location: location) {
      try Data(file.contents.utf8).write(to: directory.appendingPathComponent(file.name))
      names.append(file.name)
    }
    return names
  }

  /// The largest 64-bit integer: an open upper bound.
  static let unbounded = String(Int64.max)

  /// Which offering a provider, model and currency choose, as
  /// ``Catalog/preferredOffering(model:provider:currency:)`` chooses it; `*` is "none given".
  static func modelTable(_ catalog: Catalog) -> WarehouseTable {
    var table = WarehouseTable(
      name: "llm_models",
      columns: [
        .init("provider_key", .text), .init("model_key", .text), .init("currency_key", .text),
        .init("offering", .text), .init("currency", .text), .init("first_price", .text),
        .init("retired_at", .text, nullable: true),
        .init("retired_second", .integer, nullable: true),
        .init("successor", .text, nullable: true),
      ]
    )
    var seen: Set<[String]> = []
    for offering in catalog.offerings {
      for name in [offering.model.id] + offering.model.aliases {
        let model = name.lowercased()
        // The library reads "a/b" as provider a, model b: such a key is never looked up.
        guard !model.contains("/") else { continue }
        for provider in ["*", offering.provider.id.lowercased()] {
          guard seen.insert([provider, model]).inserted else { continue }
          let providerArgument = provider == "*" ? nil : provider
          guard
            let candidates = try? catalog.offerings(model: model, provider: providerArgument)
          else { continue }
          let currencies = [nil] + Set(candidates.map(\.currency)).sorted { $0.code < $1.code }
          for currency in currencies {
            guard
              let chosen = try? catalog.preferredOffering(
                model: model,
                provider: providerArgument,
                currency: currency
              )
            else { continue }
            let schedule = chosen.schedule
            table.rows.append([
              provider, model, currency?.code ?? "*", chosen.id, chosen.currency.code,
              iso(schedule.entries[0].effectiveFrom), schedule.retiredAt.map(iso),
              schedule.retiredAt.map { String(Int64($0.timeIntervalSince1970.rounded(.up))) },
              schedule.successor,
            ])
          }
        }
      }
    }
    return table
  }

  static func entryTable(_ catalog: Catalog, intervalColumns: Int) -> WarehouseTable {
    var columns: [WarehouseTable.Column] = [
      .init("offering", .text), .init("entry", .integer),
      .init("effective_from", .text), .init("effective_to", .text, nullable: true),
      .init("from_second", .integer), .init("to_second", .integer),
      .init("time_zone", .text), .init("utc_offset", .integer, nullable: true),
      .init("calendar", .text, nullable: true), .init("offers_batch", .flag),
      .init("source", .text), .init("confidence", .text), .init("last_verified", .text),
    ]
    for k in 1...intervalColumns {
      columns += [
        .init("w\(k)_variant", .integer, nullable: true),
        .init("w\(k)_start", .integer, nullable: true),
        .init("w\(k)_end", .integer, nullable: true),
        .init("w\(k)_rule", .integer, nullable: true),
        .init("w\(k)_weekdays", .text, nullable: true),
      ]
    }
    for name in missingColumns.map(\.column) {
      columns.append(.init(name, .text, nullable: true))
    }
    var table = WarehouseTable(name: "llm_entries", columns: columns)
    for offering in catalog.offerings {
      let schedule = offering.schedule
      for (index, entry) in schedule.entries.enumerated() {
        let from = entry.effectiveFrom
        // Until the next entry, or the retirement if that comes first: no price applies
        // after it, whatever entries follow.
        let next =
          index + 1 < schedule.entries.count ? schedule.entries[index + 1].effectiveFrom : nil
        let to = [next, schedule.retiredAt].compactMap { $0 }.min()
        let sheet = entry.sheet
        var row: [String?] = [
          offering.id, String(index), iso(from), to.map(iso),
          String(EpochSeconds.floor(from)),
          to.map { String(Int64($0.timeIntervalSince1970.rounded(.up))) } ?? unbounded,
          sheet.timeZone, fixedOffset(zone: sheet.timeZone, from: from, to: to).map(String.init),
          sheet.holidayCalendar?.id, sheet.batchMultiplier == nil ? "0" : "1",
          entry.provenance.source, entry.provenance.confidence.rawValue,
          entry.provenance.lastVerified.description,
        ]
        var intervals: [[String?]] = []
        for (windowIndex, window) in sheet.windows.enumerated() {
          let (rule, days) = dayRule(window.days)
          for range in window.intervals {
            intervals.append([
              String(windowIndex + 1), String(range.lowerBound), String(range.upperBound),
              String(rule), days,
            ])
          }
        }
        for k in 0..<intervalColumns {
          row += k < intervals.count ? intervals[k] : [nil, nil, nil, nil, nil]
        }
        for (component, _) in missingColumns {
          row.append(entry.provenance.missingPriceNotes(billed: [component]).first)
        }
        table.rows.append(row)
      }
    }
    return table
  }

  /// The components a missing price can concern, and their columns.
  static let missingColumns: [(component: CostComponent, column: String)] = [
    (.input, "missing_input"), (.cacheRead, "missing_cache_read"),
    (.cacheWrite, "missing_cache_write"), (.cacheWrite1h, "missing_cache_write_1h"),
    (.output, "missing_output"), (.reasoning, "missing_reasoning"),
  ]

  /// The rule as a number the SQL tests (0 every day, 1 weekdays, 2 weekdays except
  /// holidays, 3 working days, 4 rest days) and the weekdays, Monday first, as seven 0s
  /// and 1s.
  static func dayRule(_ days: TimeWindow.Days) -> (Int, String?) {
    func mask(_ set: Set<Weekday>) -> String {
      String((1...7).map { number in set.contains { $0.isoNumber == number } ? "1" : "0" })
    }
    switch days {
    case .everyDay: return (0, nil)
    case .weekdays(let set): return (1, mask(set))
    case .weekdaysExceptHolidays(let set): return (2, mask(set))
    case .workingDays: return (3, nil)
    case .restDays: return (4, nil)
    }
  }

  /// The zone's UTC offset through a period, or `nil` when it changes during it.
  static func fixedOffset(zone identifier: String, from: Date, to: Date?) -> Int? {
    guard let zone = TimeZone(identifier: identifier) else { return nil }
    let end = to ?? Date(timeIntervalSince1970: 4_102_444_800)  // 2100-01-01, as ZoneOffsets
    if let next = zone.nextDaylightSavingTimeTransition(after: from), next < end { return nil }
    return zone.secondsFromGMT(for: from)
  }

  static func iso(_ date: Date) -> String { date.formatted(.iso8601) }

  static func priceTable(_ catalog: Catalog) throws -> WarehouseTable {
    var table = WarehouseTable(
      name: "llm_prices",
      columns: [
        .init("offering", .text), .init("entry", .integer), .init("variant", .integer),
        .init("price_window", .text, nullable: true), .init("batch", .flag),
        .init("tier", .integer), .init("tier_label", .text),
        .init("input_min", .integer), .init("input_max", .integer),
        .init("output_min", .integer), .init("output_max", .integer),
        .init("input_per_token", .decimal, nullable: true),
        .init("cache_read_per_token", .decimal, nullable: true),
        .init("cache_write_per_token", .decimal, nullable: true),
        .init("cache_write_1h_per_token", .decimal, nullable: true),
        .init("output_per_token", .decimal, nullable: true),
        .init("reasoning_per_token", .decimal, nullable: true),
        .init("thinking_output_per_token", .decimal, nullable: true),
        .init("per_request", .decimal), .init("exact", .flag),
      ]
    )
    for offering in catalog.offerings {
      for (index, entry) in offering.schedule.entries.enumerated() {
        let sheet = entry.sheet
        // The same sets, in the same order, as the compiled schedule prices with.
        var sets: [(variant: Int, window: String?, tiers: [PriceTier], factor: FixedDecimal?)] = [
          (0, nil, sheet.tiers, nil)
        ]
        for (windowIndex, window) in sheet.windows.enumerated() {
          switch window.effect {
          case .multiplier(let factor):
            sets.append((windowIndex + 1, window.name, sheet.tiers, factor))
          case .tiers(let tiers): sets.append((windowIndex + 1, window.name, tiers, nil))
          }
        }
        let batches: [FixedDecimal?] = sheet.batchMultiplier.map { [nil, $0] } ?? [nil]
        for set in sets {
          for batch in batches {
            for (tierIndex, tier) in set.tiers.enumerated() {
              var scaled = tier.prices
              if let factor = set.factor { scaled = try scaled.scaled(by: factor) }
              if let batch { scaled = try scaled.scaled(by: batch) }
              table.rows.append(
                [
                  offering.id, String(index), String(set.variant), set.window,
                  batch == nil ? "0" : "1", String(tierIndex), tier.label,
                ] + bounds(tier) + perTokenPrices(scaled)
              )
            }
          }
        }
      }
    }
    return table
  }

  /// The tier's bands as inclusive integer ranges.
  static func bounds(_ tier: PriceTier) -> [String?] {
    func range(_ range: TokenRange?) -> [String?] {
      guard let range else { return ["0", unbounded] }
      let low = range.lowerIsInclusive ? range.lower : range.lower + 1
      let high = range.upper.map { range.upperIsInclusive ? $0 : $0 - 1 }
      return [String(low), high.map(String.init) ?? unbounded]
    }
    return range(tier.input) + range(tier.output)
  }

  /// The per-token prices after fallbacks, the request fee, and whether all are exact.
  static func perTokenPrices(_ prices: ComponentPrices) -> [String?] {
    var exact = true
    func perToken(_ price: FixedDecimal) -> String? {
      guard price.units % 1_000_000 == 0 else {
        exact = false
        return nil
      }
      return FixedDecimal(checkedUnits: price.units / 1_000_000).description
    }
    let components: [CostComponent] = [
      .input, .cacheRead, .cacheWrite, .cacheWrite1h, .output, .reasoning,
    ]
    var row = components.map { perToken(prices.effectivePrice(of: $0)) }
    row.append(prices.thinkingOutput.flatMap(perToken))
    row.append(prices.effectivePrice(of: .requests).description)
    row.append(exact ? "1" : "0")
    return row
  }

  /// Every day the calendars can answer for, with its kind.
  static func calendarTable(_ calendars: [HolidayCalendar]) throws -> WarehouseTable {
    var table = WarehouseTable(
      name: "llm_calendar",
      columns: [
        .init("calendar", .text), .init("day", .text), .init("day_number", .integer),
        .init("working", .flag), .init("holiday", .flag),
        .init("provisional_year", .integer, nullable: true),
      ]
    )
    var written: [String: HolidayCalendar] = [:]
    for calendar in calendars {
      if let earlier = written[calendar.id] {
        // The view finds a day by its calendar's id: one id must mean one calendar.
        guard earlier == calendar else {
          throw PricingError(
            .invalidData,
            "two price sheets carry different holiday calendars named '\(calendar.id)'; "
              + "lay the calendar over the catalog with Catalog.replacingHolidayCalendar(_:) "
              + "so that every sheet uses the same one"
          )
        }
        continue
      }
      written[calendar.id] = calendar
      var years = calendar.officialYears
      if let rules = calendar.provisionalRules {
        years += [rules.years.lowerBound, rules.years.upperBound]
      }
      guard let first = years.min(), let last = years.max(),
        var day = try? CalendarDay(year: first, month: 1, day: 1)
      else { continue }
      while day.year <= last {
        let number = day.daysSinceEpoch
        if let flags = calendar.flags(daysSinceEpoch: number) {
          table.rows.append([
            calendar.id, day.description, String(number),
            flags & HolidayCalendar.workingDayFlag != 0 ? "1" : "0",
            flags & HolidayCalendar.holidayFlag != 0 ? "1" : "0",
            flags & HolidayCalendar.provisionalFlag != 0 ? String(day.year) : nil,
          ])
        }
        day = day.adding(days: 1)
      }
    }
    return table
  }
}
