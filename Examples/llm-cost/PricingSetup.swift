import Foundation
import LLMPricing

/// What every pricing subcommand shares: the catalog (with `--catalog` and
/// `--strict-calendar`) and the exchange rates (with `--fx`, `--fx-file` and
/// `--fx-max-age`).
struct PricingSetup {
  let catalog: Catalog
  let rates: ExchangeRates

  /// `--catalog FILE`, shared by every command that reads the catalog.
  static let catalogFile = OptionSpec.value(
    "catalog",
    "FILE",
    "Lay a catalog JSON file over the built-in catalog: its offerings replace or add to the "
      + "built-in ones, its overrides apply, and its holidayCalendars add years (see "
      + "Docs/CatalogFormat.md)."
  )
  /// `--built-in`.
  static let builtIn = OptionSpec.flag(
    "built-in",
    "Price with the built-in catalog, ignoring an installed update."
  )
  /// `--strict-calendar`.
  static let strictCalendar = OptionSpec.flag(
    "strict-calendar",
    "Refuse prices that depend on a holiday-calendar year without a published arrangement, "
      + "instead of using the provisional calendar."
  )

  /// The catalog options, declared once for every command that reads the catalog.
  static let catalogGroup = OptionGroup("CATALOG", [catalogFile, builtIn, strictCalendar])

  /// The exchange-rate options, declared once for every command that converts.
  static let exchangeRateGroup = OptionGroup(
    "EXCHANGE RATES",
    [
      .value(
        "fx",
        "BASE/QUOTE=RATE",
        repeatable: true,
        "Use this exchange rate at every instant, e.g. --fx USD/CNY=7.05 (repeatable, any "
          + "pair; the inverse is derived by division). It wins over the built-in "
          + "central-parity table."
      ),
      .value(
        "fx-file",
        "FILE",
        "Dated exchange rates, JSON or CSV (base,quote,rate,asOf,source); they win over the "
          + "table from their first date on."
      ),
      .value(
        "fx-max-age",
        "DAYS",
        "Refuse a conversion whose newest rate is more than DAYS days old (default: use the "
          + "newest rate and flag it assumed after 31 days)."
      ),
    ]
  )

  /// Both groups, for the commands that price and convert.
  static let groups = [catalogGroup, exchangeRateGroup]

  /// The catalog the options name: `--catalog` over the catalog in use (or the built-in one
  /// with `--built-in`), checked against official holiday years with `--strict-calendar`.
  static func catalog(_ options: Options) throws -> Catalog {
    var catalog = try CatalogLoading.load(
      options.string("catalog"),
      builtInOnly: options.flag("built-in")
    )
    if options.flag("strict-calendar") { catalog = try catalog.requiringOfficialHolidayYears() }
    return catalog
  }

  init(_ options: Options) throws {
    self.catalog = try Self.catalog(options)
    var userRates: [ExchangeRate] = []
    if let path = options.string("fx-file") {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw PricingError(.invalidData, "cannot read rate file '\(path)'")
      }
      userRates += try ExchangeRates.rates(fromFile: data, named: path)
    }
    for text in options.strings("fx") { userRates.append(try Self.standingRate(text)) }
    var rates = ExchangeRates.centralParity.overriding(with: userRates)
    if let text = options.string("fx-max-age") {
      guard let days = Int(text), days >= 0 else {
        throw UsageError("--fx-max-age must be a whole number of days ≥ 0, not '\(text)'")
      }
      rates = rates.limitingAge(toDays: days)
    }
    self.rates = rates
  }

  /// A `--fx BASE/QUOTE=RATE` value as a standing rate.
  static func standingRate(_ text: String) throws -> ExchangeRate {
    let parts = text.split(separator: "=", omittingEmptySubsequences: false)
    let pair = parts.first?.split(separator: "/", omittingEmptySubsequences: false) ?? []
    guard parts.count == 2, pair.count == 2 else {
      throw UsageError("--fx '\(text)' is not BASE/QUOTE=RATE, such as USD/CNY=7.05")
    }
    do {
      let base = try Currency(code: pair[0].uppercased())
      let quote = try Currency(code: pair[1].uppercased())
      let rate: FixedDecimal
      do {
        rate = try FixedDecimal(String(parts[1]))
      } catch {
        throw PricingError(.invalidExchangeRate, "'\(parts[1])' is not a decimal rate")
      }
      return try ExchangeRate(base: base, quote: quote, rate: rate, source: "--fx \(text)")
    } catch let error as PricingError {
      throw UsageError("--fx '\(text)': \(error.message)")
    }
  }
}
