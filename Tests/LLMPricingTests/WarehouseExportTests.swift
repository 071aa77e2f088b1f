import Foundation
import LLMPricing
import Testing

/// The warehouse export's tables, read back as a database would read the CSV.
///
/// The SQL itself runs in DuckDB and ClickHouse in `Scripts/warehouse/check.sh` (CI),
/// against `llm-cost ingest` and an independent computation.
@Suite("Warehouse export")
struct WarehouseExportTests {
  /// A CSV file as rows of named fields; an empty unquoted field is `nil` (NULL).
  struct Table {
    let rows: [[String: String?]]

    init(_ text: String) {
      var records: [[String?]] = []
      var record: [String?] = []
      var field = ""
      var quoted = false
      var wasQuoted = false
      var characters = text.makeIterator()
      var pending: Character? = nil
      while let character = pending ?? characters.next() {
        pending = nil
        if quoted {
          if character == "\"" {
            let next = characters.next()
            if next == "\"" {
              field.append("\"")
            } else {
              quoted = false
              pending = next
            }
          } else {
            field.append(character)
          }
          continue
        }
        switch character {
        case "\"":
          quoted = true
          wasQuoted = true
        case ",":
          record.append(field.isEmpty && !wasQuoted ? nil : field)
          field = ""
          wasQuoted = false
        case "\n":
          record.append(field.isEmpty && !wasQuoted ? nil : field)
          records.append(record)
          record = []
          field = ""
          wasQuoted = false
        default: field.append(character)
        }
      }
      let header = records.first?.map { $0 ?? "" } ?? []
      rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    func rows(where predicate: [String: String?]) -> [[String: String?]] {
      rows.filter { row in predicate.allSatisfy { row[$0.key] == $0.value } }
    }
  }

  /// A catalog with every rule the tables carry.
  ///
  /// Night prices at half on weekdays except holidays, 22:00 to 02:00 Beijing time (a
  /// window that wraps past midnight), batch at half, two input tiers; then a price with
  /// 13 fractional digits; retired at the start of 2027, before a third entry. Beside it,
  /// the same model in USD.
  func handBuiltCatalog() throws -> Catalog {
    let lower = PriceTier(
      input: TokenRange(upTo: 32_000),
      prices: ComponentPrices(input: try dec("2"), cacheRead: try dec("0.5"), output: try dec("8"))
    )
    let upper = PriceTier(
      input: TokenRange(upTo: 32_000).next(to: nil),
      prices: ComponentPrices(
        input: try dec("4"),
        output: try dec("16"),
        thinkingOutput: try dec("20")
      )
    )
    let night = try TimeWindow(
      name: "night",
      days: .weekdaysExceptHolidays([.monday, .tuesday, .wednesday, .thursday, .friday]),
      start: TimeOfDay("22:00"),
      end: TimeOfDay("02:00"),
      effect: .multiplier(try dec("0.5"))
    )
    let first = try PriceSheet(
      currency: .cny,
      tiers: [lower, upper],
      windows: [night],
      timeZone: "Asia/Shanghai",
      holidayCalendar: .chinaMainland,
      batchMultiplier: try dec("0.5")
    )
    let second = try PriceSheet(
      currency: .cny,
      tiers: [
        PriceTier(prices: ComponentPrices(input: try dec("1.0000000000001"), output: try dec("3")))
      ]
    )
    let provenance = Provenance(
      source: "https://example.com/prices, \"list\"",
      observed: CalendarDay("2026-01-01"),
      confidence: .official
    )
    let model = Model(id: "wh-test", aliases: ["wh-alias"], vendor: "test", family: "Test")
    let cny = Offering(
      model: model,
      provider: .testCNY,
      region: "test",
      schedule: try PriceSchedule(
        entries: [
          .init(
            effectiveFrom: try instant("2026-01-01T00:00:00Z"),
            sheet: first,
            provenance: provenance
          ),
          .init(
            effectiveFrom: try instant("2026-07-01T16:00:00Z"),
            sheet: second,
            provenance: provenance
          ),
          // After the retirement: never in force.
          .init(
            effectiveFrom: try instant("2027-02-01T00:00:00Z"),
            sheet: second,
            provenance: provenance
          ),
        ],
        retiredAt: try instant("2027-01-01T00:00:00Z")
      )
    )
    let usdSheet = try PriceSheet(
      currency: .usd,
      tiers: [PriceTier(prices: ComponentPrices(input: try dec("0.3"), output: try dec("1.2")))]
    )
    let usd = Offering(
      model: model,
      provider: .testCNY,
      region: "test",
      schedule: try PriceSchedule(entries: [
        .init(
          effectiveFrom: try instant("2026-01-01T00:00:00Z"),
          sheet: usdSheet,
          provenance: provenance
        )
      ])
    )
    return Catalog(offerings: [cny, usd])
  }

  func table(
    _ name: String,
    _ export: WarehouseExport,
    _ dialect: WarehouseDialect = .duckdb
  ) throws
    -> Table
  {
    let file = try #require(export.files(for: dialect).first { $0.name == name })
    return Table(file.contents)
  }

  @Test("Prices per token after window and batch multipliers, with fallbacks and exact bounds")
  func priceRows() throws {
    let export = try WarehouseExport(catalog: handBuiltCatalog())
    let prices = try table("llm_prices.csv", export)
    let offering = "test/wh-test@CNY"
    // Two sets (base, night) × two (standard, batch) × two tiers, then one row.
    #expect(prices.rows(where: ["offering": offering, "entry": "0"]).count == 8)
    let base = try #require(
      prices.rows(where: [
        "offering": offering, "entry": "0", "variant": "0", "batch": "0", "tier": "0",
      ]).first
    )
    #expect(base["input_min"] == "0" && base["input_max"] == "32000")
    #expect(base["input_per_token"] == "0.000002")
    #expect(base["cache_read_per_token"] == "0.0000005")
    // No cache-write price: the input price. No reasoning price: the output price.
    #expect(base["cache_write_per_token"] == "0.000002")
    #expect(base["cache_write_1h_per_token"] == "0.000002")
    #expect(base["reasoning_per_token"] == "0.000008")
    #expect(base["thinking_output_per_token"] == .some(nil))
    #expect(base["per_request"] == "0" && base["exact"] == "1")
    let nightBatch = try #require(
      prices.rows(where: [
        "offering": offering, "entry": "0", "variant": "1", "batch": "1", "tier": "1",
      ]).first
    )
    // (32000, ∞): from 32001; 4 × 0.5 × 0.5 = 1, 16 × 0.25 = 4, 20 × 0.25 = 5 per million.
    #expect(nightBatch["input_min"] == "32001")
    #expect(nightBatch["input_max"] == "9223372036854775807")
    #expect(nightBatch["price_window"] == "night")
    #expect(nightBatch["input_per_token"] == "0.000001")
    #expect(nightBatch["output_per_token"] == "0.000004")
    #expect(nightBatch["thinking_output_per_token"] == "0.000005")
    let inexact = try #require(prices.rows(where: ["offering": offering, "entry": "1"]).first)
    #expect(inexact["exact"] == "0" && inexact["input_per_token"] == .some(nil))
    #expect(inexact["output_per_token"] == "0.000003")
  }

  @Test("Entries: the period in seconds, the zone's offset, and the window as intervals")
  func entryRows() throws {
    let export = try WarehouseExport(catalog: handBuiltCatalog())
    let entries = try table("llm_entries.csv", export)
    let first = try #require(
      entries.rows(where: ["offering": "test/wh-test@CNY", "entry": "0"]).first
    )
    // 2026-01-01 is day 20454 since 1970; 2026-07-01T16:00Z is day 20635 plus 16 hours.
    #expect(first["from_second"] == "\(20_454 * 86_400)")
    #expect(first["to_second"] == "\(20_635 * 86_400 + 16 * 3_600)")
    #expect(first["effective_to"] == "2026-07-01T16:00:00Z")
    #expect(first["utc_offset"] == "28800" && first["calendar"] == "CN")
    #expect(first["offers_batch"] == "1")
    // 22:00 to 02:00 the next day: [79200, 93600) seconds of its start day.
    #expect(
      first["w1_variant"] == "1" && first["w1_start"] == "79200" && first["w1_end"] == "93600"
    )
    #expect(first["w1_rule"] == "2" && first["w1_weekdays"] == "1111100")
    #expect(first["source"] == "https://example.com/prices, \"list\"")
    let second = try #require(
      entries.rows(where: ["offering": "test/wh-test@CNY", "entry": "1"]).first
    )
    // Retired 2027-01-01, day 20819, before the next entry (2027-02-01, day 20850).
    #expect(second["to_second"] == "\(20_819 * 86_400)")
    let afterRetirement = try #require(
      entries.rows(where: ["offering": "test/wh-test@CNY", "entry": "2"]).first
    )
    #expect(afterRetirement["from_second"] == "\(20_850 * 86_400)")
    #expect(afterRetirement["to_second"] == "\(20_819 * 86_400)")
    #expect(second["w1_start"] == .some(nil) && second["offers_batch"] == "0")
    let usd = try #require(entries.rows(where: ["offering": "test/wh-test@USD"]).first)
    #expect(usd["to_second"] == "9223372036854775807" && usd["effective_to"] == .some(nil))
  }

  @Test(
    "The offering a provider, model and currency choose, as the library chooses it",
    arguments: [
      ("*", "wh-test", "*", "test/wh-test@CNY"), ("*", "wh-test", "USD", "test/wh-test@USD"),
      ("*", "wh-alias", "CNY", "test/wh-test@CNY"), ("test", "wh-alias", "USD", "test/wh-test@USD"),
    ]
  )
  func modelRows(provider: String, model: String, currency: String, offering: String) throws {
    let export = try WarehouseExport(catalog: handBuiltCatalog())
    let models = try table("llm_models.csv", export)
    let rows = models.rows(where: [
      "provider_key": provider, "model_key": model, "currency_key": currency,
    ])
    #expect(rows.count == 1)
    #expect(rows.first?["offering"] == offering)
    // What a row outside the offering's dates is told.
    let retired = offering.hasSuffix("CNY")
    #expect(rows.first?["first_price"] == "2026-01-01T00:00:00Z")
    #expect(rows.first?["retired_at"] == .some(retired ? "2027-01-01T00:00:00Z" : nil))
    #expect(rows.first?["retired_second"] == .some(retired ? "\(20_819 * 86_400)" : nil))
  }

  @Test(
    "The day-kind table: official days, make-up working days, provisional years, the range",
    arguments: [
      ("2026-10-01", "20727", "0", "1", nil), ("2026-10-10", "20736", "1", "0", nil),
      ("2026-10-11", "20737", "0", "0", nil), ("2027-01-01", "20819", "0", "1", "2027"),
      ("2199-12-31", "84005", "1", "0", "2199"),
    ] as [(String, String, String, String, String?)]
  )
  func calendarRows(
    day: String,
    number: String,
    working: String,
    holiday: String,
    year: String?
  )
    throws
  {
    let export = try WarehouseExport(catalog: handBuiltCatalog())
    let calendar = try table("llm_calendar.csv", export)
    let row = try #require(calendar.rows(where: ["calendar": "CN", "day": day]).first)
    #expect(row["day_number"] == number)
    #expect(row["working"] == working && row["holiday"] == holiday)
    #expect(row["provisional_year"] == .some(year))
  }

  @Test("Two sheets with different calendars under one id are refused, not exported as one")
  func conflictingCalendarsAreRefused() throws {
    let strict = try PriceSheet(
      currency: .cny,
      tiers: [PriceTier(prices: ComponentPrices(input: try dec("1"), output: try dec("2")))],
      holidayCalendar: HolidayCalendar.chinaMainland.requiringOfficialYears()
    )
    let other = Offering(
      model: Model(id: "wh-strict", vendor: "test", family: "Test"),
      provider: .testCNY,
      region: "test",
      schedule: try schedule(strict)
    )
    let catalog = Catalog(offerings: try handBuiltCatalog().offerings + [other])
    #expect(throws: PricingError.self) { try WarehouseExport(catalog: catalog) }
  }

  @Test("The calendar ends where its rules end: 2200 is not in the table")
  func calendarEnds() throws {
    let calendar = try table("llm_calendar.csv", try WarehouseExport(catalog: handBuiltCatalog()))
    #expect(calendar.rows(where: ["day": "2200-01-01"]).isEmpty)
    #expect(calendar.rows(where: ["day": "2008-01-01"]).count == 1)
  }

  /// The view's cost formula, computed here from a price row.
  func sqlCost(_ row: [String: String?], _ usage: TokenUsage) throws -> FixedDecimal {
    func price(_ name: String) throws -> FixedDecimal {
      try FixedDecimal(try #require(row[name] ?? nil, "\(name)"))
    }
    var total = try FixedDecimal(usage.uncachedInput) * price("input_per_token")
    total = try total + FixedDecimal(usage.cacheRead) * price("cache_read_per_token")
    total = try total + FixedDecimal(usage.cacheWrite) * price("cache_write_per_token")
    total = try total + FixedDecimal(usage.cacheWrite1h) * price("cache_write_1h_per_token")
    if usage.reasoning > 0, let thinking = row["thinking_output_per_token"] ?? nil {
      total = try total + FixedDecimal(usage.output + usage.reasoning) * FixedDecimal(thinking)
    } else {
      total = try total + FixedDecimal(usage.output) * price("output_per_token")
      total = try total + FixedDecimal(usage.reasoning) * price("reasoning_per_token")
    }
    return try total + price("per_request")
  }

  /// A field that must be present and not NULL.
  func field(_ row: [String: String?], _ name: String) throws -> String {
    try #require(row[name] ?? nil, "\(name)")
  }

  @Test(
    "Every exact price row of the built-in catalog, through the view's formula, costs what the library says"
  )
  func builtInRowsAgreeWithTheLibrary() throws {
    let export = try WarehouseExport(catalog: .builtIn)
    let entries = try table("llm_entries.csv", export)
    let prices = try table("llm_prices.csv", export)
    var starts: [String: Int] = [:]
    for entry in entries.rows where entry["w1_start"] == .some(nil) {
      starts["\(try field(entry, "offering"))#\(try field(entry, "entry"))"] =
        Int(try field(entry, "from_second"))
    }
    var checked = 0
    for row in prices.rows where row["exact"] == "1" {
      let id = try field(row, "offering")
      // Entries with time windows are checked in the engines, at chosen times of day.
      guard let start = starts["\(id)#\(try field(row, "entry"))"] else { continue }
      // The smallest request in the tier, with every component and, every other row,
      // reasoning (thinking mode where the tier bills it).
      let input = try #require(Int(try field(row, "input_min")))
      let output = max(try #require(Int(try field(row, "output_min"))), 3)
      let reasoning = checked % 2
      let usage =
        input >= 3
        ? try TokenUsage(
          uncachedInput: input - 3,
          cacheRead: 1,
          cacheWrite: 1,
          cacheWrite1h: 1,
          output: output - reasoning,
          reasoning: reasoning
        )
        : try TokenUsage(uncachedInput: input, output: output - reasoning, reasoning: reasoning)
      let offering = try #require(Catalog.builtIn.offerings.first { $0.id == id })
      let library = try offering.schedule.cost(
        of: usage,
        at: Date(timeIntervalSince1970: TimeInterval(start)),
        batch: row["batch"] == "1"
      )
      let label = "\(id) entry \(try field(row, "entry")) tier \(try field(row, "tier"))"
      #expect(try sqlCost(row, usage) == library.total.amount, "\(label)")
      checked += 1
    }
    #expect(checked > 300)
  }

  @Test(
    "Each dialect loads the four tables and creates the view",
    arguments: WarehouseDialect.allCases
  )
  func sqlFiles(dialect: WarehouseDialect) throws {
    let files = try WarehouseExport(catalog: handBuiltCatalog()).files(for: dialect)
    #expect(
      files.map(\.name) == [
        "llm_models.csv", "llm_entries.csv", "llm_prices.csv", "llm_calendar.csv",
        "01-tables.sql", "02-view.sql",
      ]
    )
    let load = try #require(files.first { $0.name == "01-tables.sql" }).contents
    for table in ["llm_models", "llm_entries", "llm_prices", "llm_calendar"] {
      #expect(load.contains("\(table).csv"))
    }
    let view = try #require(files.first { $0.name == "02-view.sql" }).contents
    #expect(view.contains("CREATE OR REPLACE VIEW llm_usage_priced AS"))
    // Spark would round DECIMAL(38,18) products to six digits without this.
    #expect(
      view.contains("allowPrecisionLoss=false") == (dialect == .spark)
        && load.contains("allowPrecisionLoss=false") == (dialect == .spark)
    )
    // ClickHouse fills unmatched LEFT JOIN columns with defaults, not NULL, without this.
    #expect(view.contains("join_use_nulls = 1") == (dialect == .clickhouse))
  }

  @Test("llm-cost warehouse writes the files, and names the dialects when given another")
  func command() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("llm-cost-warehouse-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let written = try LLMCostBinary.run([
      "warehouse", "--dialect", "clickhouse", "--out", directory.path,
    ])
    #expect(written.status == 0, "\(written.error)")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(
      names == [
        "01-tables.sql", "02-view.sql", "llm_calendar.csv", "llm_entries.csv", "llm_models.csv",
        "llm_prices.csv",
      ]
    )
    let refused = try LLMCostBinary.run([
      "warehouse", "--dialect", "oracle", "--out", directory.path,
    ])
    #expect(refused.status != 0)
    #expect(
      refused.error.contains("'oracle'") && refused.error.contains("duckdb, clickhouse, spark")
    )
    let missing = try LLMCostBinary.run(["warehouse", "--dialect", "duckdb"])
    #expect(missing.status != 0 && missing.error.contains("--out"))
  }
}
