import Foundation

extension ExchangeRates {
  /// Reads dated rates from a rate file: JSON or CSV, told apart by the first character.
  ///
  /// JSON is an array of rates, or `{"rates": [...]}`, each
  /// `{"base": "USD", "quote": "CNY", "rate": "7.05", "asOf": "2026-12-01", "source": "…"}`.
  /// CSV has a header naming its columns, in any order: `base`, `quote`, `rate`, `asOf`
  /// (or `date`), and optionally `source`; blank lines and lines starting with `#` are
  /// skipped. `asOf` is a day (`2026-12-01`, from 00:00 UTC) or an ISO 8601 instant; a
  /// rate without a `source` is attributed to the file.
  ///
  /// ```
  /// base,quote,rate,asOf,source
  /// USD,CNY,7.0512,2026-12-01,CFETS central parity
  /// EUR,CNY,7.4120,2026-12-01,ECB reference rate
  /// ```
  ///
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - name: The file's name, for messages and default sources.
  /// - Returns: The rates, in file order.
  /// - Throws: ``PricingError/Code/invalidData`` naming the line (CSV) or the key path
  ///   (JSON) of the first bad value; ``PricingError/Code/invalidExchangeRate`` with the
  ///   line or path for a zero or negative rate.
  public static func rates(fromFile data: Data, named name: String) throws -> [ExchangeRate] {
    guard let text = String(data: data, encoding: .utf8) else {
      throw PricingError(.invalidData, "rate file '\(name)' is not UTF-8 text")
    }
    let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    let first = body.first { !$0.isWhitespace }
    if first == "[" || first == "{" { return try jsonRates(Data(body.utf8), name: name) }
    return try csvRates(body, name: name)
  }

  private struct FileRate: Decodable {
    var base: Currency
    var quote: Currency
    var rate: FixedDecimal
    var asOf: String
    var source: String?
  }

  private struct FileRates: Decodable {
    var rates: [FileRate]
  }

  private static func jsonRates(_ data: Data, name: String) throws -> [ExchangeRate] {
    let decoder = StrictJSONDecoder()
    let entries: [FileRate]
    do {
      let json = try StrictJSON.parse(data)
      if case .array = json {
        entries = try decoder.decode([FileRate].self, from: json)
      } else {
        entries = try decoder.decode(FileRates.self, from: json).rates
      }
    } catch let error as PricingError {
      throw PricingError(error.code, "rate file '\(name)': \(error.message)")
    }
    return try entries.enumerated().map { index, entry in
      try make(
        base: entry.base,
        quote: entry.quote,
        rate: entry.rate,
        asOf: entry.asOf,
        source: entry.source,
        file: name,
        place: "rates[\(index)]"
      )
    }
  }

  private static func csvRates(_ text: String, name: String) throws -> [ExchangeRate] {
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    var columns: [String: Int] = [:]
    var headerCount = 0
    var rates: [ExchangeRate] = []
    for (offset, rawLine) in lines.enumerated() {
      let number = offset + 1
      let line = rawLine.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard !columns.isEmpty else {
        for (index, field) in fields.enumerated() {
          let key = field.lowercased() == "date" ? "asof" : field.lowercased()
          guard ["base", "quote", "rate", "asof", "source"].contains(key) else {
            throw PricingError(
              .invalidData,
              "rate file '\(name)' line \(number): unknown column '\(field)'; the header names "
                + "base, quote, rate, asOf (or date) and optionally source"
            )
          }
          columns[key] = index
        }
        headerCount = fields.count
        for required in ["base", "quote", "rate", "asof"] where columns[required] == nil {
          throw PricingError(
            .invalidData,
            "rate file '\(name)' line \(number): the header has no '\(required == "asof" ? "asOf" : required)' "
              + "column; start the file with base,quote,rate,asOf,source"
          )
        }
        continue
      }
      guard fields.count == headerCount else {
        throw PricingError(
          .invalidData,
          "rate file '\(name)' line \(number): \(fields.count) fields, the header has "
            + "\(headerCount); '\(line)'"
        )
      }
      func field(_ key: String) -> String? { columns[key].map { fields[$0] } }
      let place = "line \(number)"
      do {
        let base = try Currency(code: field("base")?.uppercased() ?? "")
        let quote = try Currency(code: field("quote")?.uppercased() ?? "")
        let rateText = field("rate") ?? ""
        let rate: FixedDecimal
        do {
          rate = try FixedDecimal(rateText)
        } catch {
          throw PricingError(.invalidData, "rate '\(rateText)' is not a decimal number")
        }
        rates.append(
          try make(
            base: base,
            quote: quote,
            rate: rate,
            asOf: field("asof") ?? "",
            source: field("source").flatMap { $0.isEmpty ? nil : $0 },
            file: name,
            place: place
          )
        )
      } catch let error as PricingError where !error.message.hasPrefix("rate file") {
        throw PricingError(error.code, "rate file '\(name)' \(place): \(error.message)")
      }
    }
    guard !columns.isEmpty else {
      throw PricingError(.invalidData, "rate file '\(name)' is empty; it needs a header and rates")
    }
    return rates
  }

  private static func make(
    base: Currency,
    quote: Currency,
    rate: FixedDecimal,
    asOf text: String,
    source: String?,
    file: String,
    place: String
  ) throws -> ExchangeRate {
    do {
      let asOf: Date
      if let day = try? CalendarDay(text) {
        asOf = day.startInUTC
      } else if let instant = EpochSeconds.strictInstant(text) {
        asOf = instant
      } else {
        throw PricingError(
          .invalidData,
          "asOf '\(text)' is neither a day (2026-12-01) nor an ISO 8601 instant"
        )
      }
      return try ExchangeRate(
        base: base,
        quote: quote,
        rate: rate,
        asOf: asOf,
        source: source ?? "rate file \(file)"
      )
    } catch let error as PricingError {
      throw PricingError(error.code, "rate file '\(file)' \(place): \(error.message)")
    }
  }
}
