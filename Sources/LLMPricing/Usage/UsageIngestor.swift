import Foundation

/// Prices usage logs line by line, in constant memory, and aggregates exact totals.
///
/// A log is JSON Lines, one request a line:
/// `{"timestamp": "2025-06-01T03:00:00Z", "model": "deepseek-chat", "provider": "deepseek",
/// "usage": {…}, "tags": {"team": "search"}}`. `usage` is the provider's own usage object
/// (detected as ``UsageParser`` does) or the normalised form (`uncachedInput`, `cacheRead`,
/// `cacheWrite`, `cacheWrite1h`, `output`, `reasoning`). `provider` and `tags` are optional.
///
/// A bad line never stops the run and is never dropped silently: it is counted and
/// listed with its line number and the reason.
///
/// ```swift
/// var ingestor = UsageIngestor(groupBy: [.model, .day], currency: .cny)
/// try ingestor.ingest(fileAt: "requests.jsonl")
/// print(ingestor.report().total)
/// ```
public struct UsageIngestor: Sendable {
  /// A field that groups the totals.
  public enum GroupField: Hashable, Sendable, CustomStringConvertible {
    /// The model id of the line.
    case model
    /// The provider id of the offering that priced the line.
    case provider
    /// The calendar day of the timestamp, in the ingestor's time zone.
    case day
    /// The offering's own currency.
    case currency
    /// The value of a tag, or `(none)`.
    case tag(String)

    /// Parses `model`, `provider`, `day`, `currency` or `tag:NAME`.
    ///
    /// - Parameter text: The field's name.
    /// - Throws: ``PricingError/Code/invalidData`` naming an unknown field.
    public init(_ text: String) throws {
      switch text {
      case "model": self = .model
      case "provider": self = .provider
      case "day": self = .day
      case "currency": self = .currency
      default:
        guard text.hasPrefix("tag:"), text.count > 4 else {
          throw PricingError(
            .invalidData,
            "'\(text)' is not a grouping field; use model, provider, day, currency or tag:NAME"
          )
        }
        self = .tag(String(text.dropFirst(4)))
      }
    }

    /// The field's name, as ``init(_:)`` reads it.
    public var description: String {
      switch self {
      case .model: return "model"
      case .provider: return "provider"
      case .day: return "day"
      case .currency: return "currency"
      case .tag(let name): return "tag:\(name)"
      }
    }
  }

  /// How many rejected lines a report lists; the rest are counted.
  public static let maximumRejectionsKept = 100

  private let catalog: Catalog
  private let rates: ExchangeRates
  private let groupBy: [GroupField]
  private let timeZone: String
  private let zone: ZoneOffsets
  private var reportingCurrency: Currency?
  private var report: UsageReport
  private var groups: [[String: String]: UsageReport.Group] = [:]
  private var offeringCache: [String: Result<Offering, PricingError>] = [:]
  private let wantsTags: Bool

  /// Creates an ingestor.
  ///
  /// - Parameters:
  ///   - catalog: The offerings to price with; the default is the built-in catalog.
  ///   - groupBy: The grouping fields; none for a grand total only.
  ///   - currency: The reporting currency: each line is priced on the offering published
  ///     in it when there is one, else converted at the line's timestamp. `nil` reports in
  ///     the currency of the first priced line.
  ///   - rates: The exchange rates for conversions.
  ///   - timeZone: The IANA zone days are counted in.
  /// - Throws: ``PricingError/Code/unknownTimeZone`` for an unknown zone.
  public init(
    catalog: Catalog = .builtIn,
    groupBy: [GroupField] = [],
    currency: Currency? = nil,
    rates: ExchangeRates = .centralParity,
    timeZone: String = "UTC"
  ) throws {
    guard let zone = TimeZone(identifier: timeZone) else {
      throw PricingError(.unknownTimeZone, "'\(timeZone)' is not a known time zone")
    }
    self.catalog = catalog
    self.rates = rates
    self.groupBy = groupBy
    self.wantsTags = groupBy.contains { if case .tag = $0 { return true } else { return false } }
    self.timeZone = timeZone
    self.zone = ZoneOffsets(zone)
    self.reportingCurrency = currency
    self.report = UsageReport(
      total: .zero,
      currency: currency?.code,
      priced: 0,
      rejected: 0,
      rejections: [],
      rejectionsNotShown: 0,
      totalsByCurrency: [:],
      groups: [],
      groupBy: groupBy.map(\.description),
      timeZone: timeZone
    )
  }

  /// Ingests a file, reading it in chunks so memory stays flat.
  ///
  /// - Parameter path: The JSON Lines file.
  /// - Throws: ``PricingError/Code/invalidData`` when the file cannot be read. Bad lines
  ///   do not throw; they are recorded in the report.
  public mutating func ingest(fileAt path: String) throws {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw PricingError(.invalidData, "cannot read usage log '\(path)'")
    }
    defer { try? handle.close() }
    var pending = Data()
    var lineNumber = 0
    let source = (path as NSString).lastPathComponent
    while true {
      let chunk = (try? handle.read(upToCount: 1 << 20)) ?? nil
      guard let chunk, !chunk.isEmpty else { break }
      pending.append(chunk)
      var start = pending.startIndex
      while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
        lineNumber += 1
        ingest(line: pending[start..<newline], number: lineNumber, source: source)
        start = pending.index(after: newline)
      }
      pending = Data(pending[start...])
    }
    if !pending.isEmpty {
      lineNumber += 1
      ingest(line: pending, number: lineNumber, source: source)
    }
  }

  /// Ingests one line.
  ///
  /// - Parameters:
  ///   - line: The line's bytes, without its newline.
  ///   - number: Its 1-based line number.
  ///   - source: The input it came from, for rejections.
  public mutating func ingest(line: Data, number: Int, source: String? = nil) {
    if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { return }
    do {
      try price(line)
    } catch let error as PricingError {
      reject(number, source, error.message)
    } catch {
      reject(number, source, "\(error)")
    }
  }

  private mutating func reject(_ line: Int, _ source: String?, _ reason: String) {
    report.rejected += 1
    if report.rejections.count < Self.maximumRejectionsKept {
      report.rejections.append(.init(source: source, line: line, reason: reason))
    } else {
      report.rejectionsNotShown += 1
    }
  }

  private mutating func price(_ line: Data) throws {
    let record = try UsageLogLine(line, wantTags: wantsTags)
    let offering = try self.offering(model: record.model, provider: record.provider)
    let native = try offering.schedule.totalCost(
      of: record.usage,
      atSecondsSince1970: record.second
    )
    let currency = reportingCurrency ?? offering.currency
    var amount = native
    if currency != offering.currency {
      amount = try rates.convert(
        Money(native, offering.currency),
        to: currency,
        at: Date(timeIntervalSince1970: TimeInterval(record.second))
      ).converted.amount
    }
    // Everything is computed; now commit, so a failure above leaves the totals untouched.
    var key: [String: String] = [:]
    for field in groupBy {
      switch field {
      case .model: key["model"] = record.model
      case .provider: key["provider"] = offering.provider.id
      case .currency: key["currency"] = offering.currency.code
      case .day:
        let local = record.second + zone.offset(at: record.second)
        key["day"] = CalendarDay(daysSinceEpoch: Int(local.floorDivided(by: 86_400))).description
      case .tag(let name): key["tag:\(name)"] = record.tags[name] ?? "(none)"
      }
    }
    var group =
      groups[key]
      ?? UsageReport.Group(
        key: key,
        requests: 0,
        inputTokens: 0,
        cachedTokens: 0,
        outputTokens: 0,
        total: .zero,
        totalsByCurrency: [:]
      )
    let groupTotal = try group.total + amount
    let nativeTotal = try (group.totalsByCurrency[offering.currency.code] ?? .zero) + native
    let reportTotal = try report.total + amount
    let reportNative = try (report.totalsByCurrency[offering.currency.code] ?? .zero) + native
    group.requests += record.usage.requests
    group.inputTokens += record.usage.totalInput
    group.cachedTokens += record.usage.cacheRead
    group.outputTokens += record.usage.totalOutput
    group.total = groupTotal
    group.totalsByCurrency[offering.currency.code] = nativeTotal
    groups[key] = group
    report.total = reportTotal
    report.totalsByCurrency[offering.currency.code] = reportNative
    report.priced += 1
    if reportingCurrency == nil {
      reportingCurrency = currency
      report.currency = currency.code
    }
  }

  private mutating func offering(model: String, provider: String?) throws -> Offering {
    let cacheKey = "\(provider ?? "")|\(model)|\(reportingCurrency?.code ?? "")"
    if let cached = offeringCache[cacheKey] { return try cached.get() }
    let result: Result<Offering, PricingError>
    do {
      let candidates = try catalog.offerings(model: model, provider: provider)
      let preferred =
        reportingCurrency.flatMap { currency in candidates.first { $0.currency == currency } }
        ?? candidates.first { $0.currency == $0.provider.homeCurrency } ?? candidates[0]
      result = .success(preferred)
    } catch let error as PricingError {
      result = .failure(error)
    }
    offeringCache[cacheKey] = result
    return try result.get()
  }

  /// The report so far; ingestion can continue after it.
  ///
  /// - Returns: The exact totals, the groups sorted by key, and the rejections.
  public func currentReport() -> UsageReport {
    var copy = report
    copy.groups = UsageReport.sorted(Array(groups.values), by: report.groupBy)
    return copy
  }
}

extension Int64 {
  /// Division rounding toward negative infinity.
  func floorDivided(by divisor: Int64) -> Int64 {
    let quotient = self / divisor
    return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }
}
