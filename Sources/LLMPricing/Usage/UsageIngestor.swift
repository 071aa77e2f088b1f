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
/// var ingestor = try UsageIngestor(groupBy: [.model, .day], currency: .cny)
/// try ingestor.ingest(fileAt: "requests.jsonl")
/// print(ingestor.currentReport().grandTotal?.formatted() ?? "nothing priced")
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

  /// The longest line ``ingest(fileAt:)`` reads by default, in bytes: 16 MiB.
  public static let defaultMaximumLineBytes = 16 * 1024 * 1024

  /// The longest line ``ingest(fileAt:)`` reads, in bytes, not counting its newline.
  ///
  /// A longer line is rejected with its length, and its bytes are dropped as they are read,
  /// so a file without newlines cannot fill memory.
  public let maximumLineBytes: Int

  private let catalog: Catalog
  private let rates: ExchangeRates
  private let groupBy: [GroupField]
  private let timeZone: String
  private let zone: ZoneOffsets
  private var reportingCurrency: Currency?
  /// The report's counts, currency and rejections; its groups and native totals are kept
  /// in `groups` and `nativeTotals` and filled in by ``currentReport()``.
  private var report: UsageReport
  /// The groups in the order they opened.
  private var groups: [GroupTotals] = []
  /// Where each group is in `groups`, by its key: one number a grouping field, the day
  /// itself or an interned string (numbers hash faster than strings, once a line).
  private var groupIndex: [[Int64]: Int] = [:]
  /// The current line's group key, kept to reuse its storage.
  private var groupKey: [Int64] = []
  /// The current line's wanted tag values, `(none)` for an absent one, and their interned
  /// numbers.
  private var lineTags: [String]
  private var lineTagNumbers: [Int64]
  /// Tag values the one-pass scanner saw, at a slot chosen by their bytes, so that a value
  /// seen before builds no string and hashes none.
  private var recentTags: [RecentTag?] = Array(repeating: nil, count: 256)

  /// A tag value's bytes, as a line held them, with its text and interned number.
  private struct RecentTag {
    var bytes: [UInt8]
    var text: String
    var number: Int64
  }
  /// The exact totals in each offering's own currency, by interned currency code.
  private var nativeTotals: [NativeTotal] = []
  /// Strings that group keys and totals refer to by number, and those numbers.
  private var interned: [String] = []
  private var internedNumbers: [String: Int] = [:]
  private var offeringCache: [OfferingKey: Result<Offering, PricingError>] = [:]
  /// The offerings of the model and provider bytes the one-pass scanner saw lately, so a
  /// line of a known pair builds no string.
  private var recentOfferings: [RecentOffering] = []
  /// The one-pass reader of common lines, with its working memory.
  private var scanner: ValidatingLogScanner
  private var dayNames: [Int64: String] = [:]
  private var provisionalYears: Set<ProvisionalYear> = []
  private var missingPrices: Set<String> = []
  /// Free tool calls already used, by offering, fee and period.
  private var freeCalls: [FreeCallKey: Int] = [:]
  private var freeAllowances: Set<String> = []

  private struct FreeCallKey: Hashable {
    var offering: String
    var fee: String
    /// The day or month, counted in the sheet's time zone.
    var period: Int64
  }
  /// The last provisional year recorded: most lines of a log share one.
  private var lastProvisional: ProvisionalYear?
  /// Where each rate used is in the report's `exchangeRates`.
  private var rateUses: [ExchangeRate: Int] = [:]

  private struct OfferingKey: Hashable {
    var model: String
    var provider: String?
  }

  /// An offering with the interned numbers of its line's model, its provider and currency.
  ///
  /// A class, so that passing one along once a line costs one reference count, not one
  /// for each string in the offering.
  private final class PricedOffering: Sendable {
    let offering: Offering
    /// The model as the line spelled it.
    let model: String
    let modelNumber: Int64
    let providerNumber: Int64
    let currencyNumber: Int64

    init(
      offering: Offering,
      model: String,
      modelNumber: Int64,
      providerNumber: Int64,
      currencyNumber: Int64
    ) {
      self.offering = offering
      self.model = model
      self.modelNumber = modelNumber
      self.providerNumber = providerNumber
      self.currencyNumber = currencyNumber
    }
  }

  /// The offering found for a line's exact model and provider bytes.
  private struct RecentOffering {
    var model: [UInt8]
    var provider: [UInt8]?
    var providerName: String?
    var found: Result<PricedOffering, PricingError>
  }

  /// A group's totals so far, with the key values of the line that opened it.
  private struct GroupTotals {
    var values: [String]
    var requests = 0
    var inputTokens = 0
    var cachedTokens = 0
    var outputTokens = 0
    var total = FixedDecimal.zero
    var native: [NativeTotal] = []
  }

  /// An exact total in an offering's own currency.
  private struct NativeTotal {
    var currency: Int64
    var total: FixedDecimal
  }
  /// The tag names the grouping needs, in `groupBy` order.
  private let tagNames: [String]
  /// The usage format of lines that do not name theirs.
  private let format: ResponseFormat?
  /// The JSON reader's working memory, kept from line to line.
  private var jsonScratch = StrictJSON.Scratch()

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
  ///   - maximumLineBytes: The longest line ``ingest(fileAt:)`` reads, in bytes, not
  ///     counting its newline; longer lines are rejected. The default is 16 MiB.
  ///   - format: The usage format of every line that does not name its own `format`;
  ///     `nil` tells formats apart by their keys and, where that is ambiguous, by the line's
  ///     `provider`.
  /// - Throws: ``PricingError/Code/unknownTimeZone`` for an unknown zone;
  ///   ``PricingError/Code/invalidData`` when `maximumLineBytes` is not positive.
  public init(
    catalog: Catalog = .builtIn,
    groupBy: [GroupField] = [],
    currency: Currency? = nil,
    rates: ExchangeRates = .centralParity,
    timeZone: String = "UTC",
    maximumLineBytes: Int = UsageIngestor.defaultMaximumLineBytes,
    format: ResponseFormat? = nil
  ) throws {
    guard let zone = TimeZone(identifier: timeZone) else {
      throw PricingError(.unknownTimeZone, "'\(timeZone)' is not a known time zone")
    }
    guard maximumLineBytes > 0 else {
      throw PricingError(
        .invalidData,
        "the maximum line length is \(maximumLineBytes) bytes; give a positive number of bytes"
      )
    }
    let names = groupBy.map(\.description)
    guard Set(names).count == names.count else {
      throw PricingError(
        .invalidData,
        "group-by \(names.joined(separator: ",")) names a field twice; name each once"
      )
    }
    self.catalog = catalog
    self.rates = rates
    self.groupBy = groupBy
    self.tagNames = groupBy.compactMap {
      if case .tag(let name) = $0 { return name } else { return nil }
    }
    self.timeZone = timeZone
    self.format = format
    self.maximumLineBytes = maximumLineBytes
    self.zone = ZoneOffsets(zone)
    self.reportingCurrency = currency
    self.lineTags = Array(repeating: "(none)", count: tagNames.count)
    self.lineTagNumbers = Array(repeating: 0, count: tagNames.count)
    self.scanner = ValidatingLogScanner(tagNames: tagNames)
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
  /// Lines end at `\n`; a `\r` before it is JSON whitespace, so CRLF logs read as they
  /// are, and a UTF-8 byte order mark at the start of the file is skipped. A line longer
  /// than ``maximumLineBytes`` is rejected like any bad line and its bytes are dropped as
  /// they arrive, so memory stays within about that limit plus one 1 MiB read.
  ///
  /// - Parameter path: The JSON Lines file.
  /// - Throws: ``PricingError/Code/invalidData`` when the path is a directory or the file
  ///   cannot be read. Bad lines do not throw; they are recorded in the report.
  public mutating func ingest(fileAt path: String) throws {
    try read(fileAt: path, from: 0, to: nil, firstLineNumber: 1)
  }

  /// Ingests the lines of a file that start in a byte range, so that several ingestors can
  /// each read a part of one file at once and their reports be merged in file order.
  ///
  /// Lines are read as ``ingest(fileAt:)`` reads them, in chunks, and numbered from
  /// `firstLineNumber`. The range must start at offset 0 or just after a `\n`, and end just
  /// after a `\n` or at the end of the file, so no line is cut; a byte order mark is skipped
  /// only at offset 0, and a last line without `\n` is read only by the range that ends
  /// the file.
  ///
  /// - Parameters:
  ///   - path: The JSON Lines file.
  ///   - range: The byte offsets of the lines to read.
  ///   - firstLineNumber: The 1-based number of the range's first line, for rejections.
  /// - Returns: How many lines the range held, blank and rejected lines included.
  /// - Throws: ``PricingError/Code/invalidData`` when the path is a directory, the file
  ///   cannot be read or the range starts before offset 0. Bad lines do not throw; they are
  ///   recorded in the report.
  @discardableResult
  public mutating func ingest(
    fileAt path: String,
    byteRange range: Range<Int>,
    firstLineNumber: Int = 1
  ) throws -> Int {
    guard range.lowerBound >= 0 else {
      throw PricingError(
        .invalidData,
        "the byte range \(range) of '\(path)' starts before the file; start at 0 or later"
      )
    }
    return try read(
      fileAt: path,
      from: range.lowerBound,
      to: range.upperBound,
      firstLineNumber: firstLineNumber
    )
  }

  /// Reads the lines from `start` (a line's start) to `end`, or to the end of the file.
  @discardableResult
  private mutating func read(
    fileAt path: String,
    from start: Int,
    to end: Int?,
    firstLineNumber: Int
  ) throws -> Int {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      // Linux opens a directory for reading and fails only at the first read, with EISDIR.
      throw PricingError(
        .invalidData,
        "'\(path)' is a directory, not a usage log; pass the files in it"
      )
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw PricingError(.invalidData, "cannot read usage log '\(path)'")
    }
    defer { try? handle.close() }
    var reader = LineReader(
      maximumLineBytes: maximumLineBytes,
      source: (path as NSString).lastPathComponent
    )
    reader.lineNumber = firstLineNumber - 1
    reader.atFileStart = start == 0
    if start > 0 {
      do {
        try handle.seek(toOffset: UInt64(start))
      } catch {
        throw PricingError(.invalidData, "cannot read usage log '\(path)': \(error)")
      }
    }
    var remaining = end.map { max(0, $0 - start) } ?? Int.max
    while remaining > 0 {
      let chunk: Data?
      do {
        chunk = try handle.read(upToCount: min(LineReader.chunkBytes, remaining))
      } catch {
        // A read error is not the end of the file: totals cut short must not look complete.
        throw PricingError(.invalidData, "cannot read usage log '\(path)': \(error)")
      }
      guard let chunk, !chunk.isEmpty else { break }
      if end != nil { remaining -= chunk.count }
      // Raw bytes and memchr: iterating a Data slice checks exclusive access on every byte,
      // which cost more than everything else put together.
      chunk.withUnsafeBytes { reader.read($0, into: &self) }
    }
    reader.finish(into: &self)
    return reader.lineNumber - (firstLineNumber - 1)
  }

  /// Splits a file's bytes into lines, holding at most one partial line of bounded size.
  ///
  /// Each byte is searched for a newline once: a complete line inside a chunk is priced
  /// where it lies, and only the unfinished tail of a chunk is copied into `pending`,
  /// which never holds a newline, so it is never searched again.
  private struct LineReader {
    /// How many bytes one read asks for.
    static let chunkBytes = 1 << 20

    let maximumLineBytes: Int
    let source: String
    /// The start of the current line, when it spans chunks.
    var pending: [UInt8] = []
    /// The length so far of a line over the limit whose bytes are being dropped.
    var discarded: Int?
    var lineNumber = 0
    /// Whether the next byte is the file's first, where a byte order mark may stand.
    var atFileStart = true

    init(maximumLineBytes: Int, source: String) {
      self.maximumLineBytes = maximumLineBytes
      self.source = source
    }

    mutating func read(_ chunk: UnsafeRawBufferPointer, into ingestor: inout UsageIngestor) {
      guard let base = chunk.baseAddress, !chunk.isEmpty else { return }
      var start = 0
      while start < chunk.count {
        let end: Int
        if let found = memchr(base + start, 10, chunk.count - start) {
          end = base.distance(to: UnsafeRawPointer(found))
        } else {
          end = chunk.count
        }
        let piece = UnsafeRawBufferPointer(rebasing: chunk[start..<end])
        if end == chunk.count {
          hold(piece)
        } else {
          endLine(with: piece, into: &ingestor)
        }
        start = end + 1
      }
    }

    /// Prices a line that never got its newline.
    mutating func finish(into ingestor: inout UsageIngestor) {
      if discarded != nil || !pending.isEmpty {
        endLine(with: UnsafeRawBufferPointer(start: nil, count: 0), into: &ingestor)
      }
    }

    /// Keeps the start of a line that continues in the next chunk, or drops it once the
    /// line is over the limit.
    private mutating func hold(_ piece: UnsafeRawBufferPointer) {
      if let length = discarded {
        discarded = length + piece.count
        return
      }
      let length = pending.count + piece.count
      guard length <= maximumLineBytes else {
        discarded = length
        pending = []
        return
      }
      append(piece)
    }

    private mutating func append(_ piece: UnsafeRawBufferPointer) {
      let length = pending.count + piece.count
      if length > pending.capacity {
        // Array's own growth could double past the limit; cap it there.
        pending.reserveCapacity(min(maximumLineBytes, max(length, 2 * pending.capacity)))
      }
      pending.append(contentsOf: piece)
    }

    /// Ends the current line with its last piece and prices or rejects it.
    private mutating func endLine(
      with piece: UnsafeRawBufferPointer,
      into ingestor: inout UsageIngestor
    ) {
      lineNumber += 1
      let length = (discarded ?? pending.count) + piece.count
      if discarded != nil || length > maximumLineBytes {
        ingestor.reject(
          lineNumber,
          source,
          "the line is \(length) bytes, over the limit of \(maximumLineBytes) bytes per line; "
            + "raise the limit (--max-line-bytes, UsageIngestor's maximumLineBytes) to read it"
        )
        discarded = nil
        pending.removeAll(keepingCapacity: true)
      } else if pending.isEmpty {
        price(piece, into: &ingestor)
      } else {
        append(piece)
        pending.withUnsafeBytes { price($0, into: &ingestor) }
        pending.removeAll(keepingCapacity: true)
      }
      atFileStart = false
    }

    private func price(_ line: UnsafeRawBufferPointer, into ingestor: inout UsageIngestor) {
      var line = line
      // Windows tools start UTF-8 files with a byte order mark, which is not JSON.
      if atFileStart, line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF {
        line = UnsafeRawBufferPointer(rebasing: line[3...])
      }
      ingestor.ingest(bytes: line, number: lineNumber, source: source)
    }
  }

  /// Ingests one line.
  ///
  /// - Parameters:
  ///   - line: The line's bytes, without its newline.
  ///   - number: Its 1-based line number.
  ///   - source: The input it came from, for rejections.
  public mutating func ingest(line: Data, number: Int, source: String? = nil) {
    line.withUnsafeBytes { ingest(bytes: $0, number: number, source: source) }
  }

  mutating func ingest(bytes: UnsafeRawBufferPointer, number: Int, source: String?) {
    if bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { return }
    do {
      try price(bytes)
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

  private mutating func price(_ line: UnsafeRawBufferPointer) throws {
    if scanner.scan(line), try priceScanned(line) { return }
    let record = try UsageLogLine(
      line,
      tagNames: tagNames,
      format: format,
      scratch: &jsonScratch
    )
    let offering = try pricedOffering(model: record.model, provider: record.provider)
    try commit(
      second: record.second,
      usage: record.usage,
      options: record.options,
      offering: offering
    ) { ingestor in
      for (index, tag) in record.tags.enumerated() {
        ingestor.lineTags[index] = tag ?? "(none)"
        ingestor.lineTagNumbers[index] = ingestor.intern(ingestor.lineTags[index])
      }
    }
  }

  /// Prices a line the one-pass scanner read; `false` when the general reader must decide.
  ///
  /// It reads the fields as ``UsageLogLine/fast(_:tagNames:format:)`` does, with the same
  /// functions in the same order, so a refusal has the same message.
  private mutating func priceScanned(_ line: UnsafeRawBufferPointer) throws -> Bool {
    let lineFormat = try UsageLogLine.lineFormat(scanner.format.map { Self.text(line, $0) })
    let recent = recentOffering(line)
    guard
      let usage = try UsageLogLine.usage(
        from: scanner.values,
        provider: recentOfferings[recent].providerName,
        format: lineFormat ?? format
      )
    else { return false }
    var options = RequestOptions.none
    if let calls = scanner.values[FastLogScanner.Field.webSearchRequests.rawValue], calls != 0 {
      options.toolCalls["web_search"] = calls
    }
    if let calls = scanner.values[FastLogScanner.Field.webFetchRequests.rawValue], calls != 0 {
      options.toolCalls["web_fetch"] = calls
    }
    let offering = try recentOfferings[recent].found.get()
    let tags = scanner.tags
    try commit(second: scanner.second, usage: usage, options: options, offering: offering) {
      ingestor in
      for (index, range) in tags.enumerated() {
        if let range {
          let tag = ingestor.recentTag(UnsafeRawBufferPointer(rebasing: line[range]))
          ingestor.lineTags[index] = tag.text
          ingestor.lineTagNumbers[index] = tag.number
        } else {
          ingestor.lineTags[index] = "(none)"
          ingestor.lineTagNumbers[index] = ingestor.intern("(none)")
        }
      }
    }
    return true
  }

  /// The text and number of a tag value, by its bytes.
  private mutating func recentTag(_ bytes: UnsafeRawBufferPointer) -> (text: String, number: Int64)
  {
    // FNV-1a picks the slot; the bytes themselves decide a hit.
    var hash: UInt32 = 2_166_136_261
    for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
    let slot = Int(hash >> 24)
    if let recent = recentTags[slot], recent.bytes.elementsEqual(bytes) {
      return (recent.text, recent.number)
    }
    let text = String(decoding: bytes, as: UTF8.self)
    let number = intern(text)
    recentTags[slot] = RecentTag(bytes: Array(bytes), text: text, number: number)
    return (text, number)
  }

  private static func text(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
    String(decoding: UnsafeRawBufferPointer(rebasing: line[range]), as: UTF8.self)
  }

  /// Where in `recentOfferings` the scanned line's model and provider are, found by their
  /// bytes among the recent ones, else added from the catalog.
  private mutating func recentOffering(_ line: UnsafeRawBufferPointer) -> Int {
    let model = UnsafeRawBufferPointer(rebasing: line[scanner.model])
    let provider = scanner.provider.map { UnsafeRawBufferPointer(rebasing: line[$0]) }
    func same(_ bytes: [UInt8], _ other: UnsafeRawBufferPointer) -> Bool {
      bytes.count == other.count && bytes.withUnsafeBytes { $0.elementsEqual(other) }
    }
    for index in recentOfferings.indices.reversed()
    where same(recentOfferings[index].model, model) {
      switch (recentOfferings[index].provider, provider) {
      case (nil, nil): return index
      case (let a?, let b?) where same(a, b): return index
      default: continue
      }
    }
    let modelName = String(decoding: model, as: UTF8.self)
    let providerName = provider.map { String(decoding: $0, as: UTF8.self) }
    let found: Result<PricedOffering, PricingError>
    do {
      found = .success(try pricedOffering(model: modelName, provider: providerName))
    } catch let error as PricingError {
      found = .failure(error)
    } catch {
      found = .failure(PricingError(.invalidData, "\(error)"))
    }
    if recentOfferings.count == 32 { recentOfferings.removeFirst() }
    recentOfferings.append(
      RecentOffering(
        model: Array(model),
        provider: provider.map { Array($0) },
        providerName: providerName,
        found: found
      )
    )
    return recentOfferings.count - 1
  }

  private mutating func pricedOffering(model: String, provider: String?) throws -> PricedOffering {
    let offering = try self.offering(model: model, provider: provider)
    return PricedOffering(
      offering: offering,
      model: model,
      modelNumber: intern(model),
      providerNumber: intern(offering.provider.id),
      currencyNumber: intern(offering.currency.code)
    )
  }

  /// The number standing for a string in group keys and totals.
  private mutating func intern(_ text: String) -> Int64 {
    if let number = internedNumbers[text] { return Int64(number) }
    internedNumbers[text] = interned.count
    interned.append(text)
    return Int64(interned.count - 1)
  }

  /// Prices a line read by either reader and adds it to the totals, or throws and leaves
  /// them untouched.
  ///
  /// `readTags` fills `lineTags` and `lineTagNumbers` once the line is priced, so a line
  /// refused for its price interns none of its tag values.
  private mutating func commit(
    second: Int64,
    usage: TokenUsage,
    options: RequestOptions,
    offering priced: PricedOffering,
    readTags: (inout UsageIngestor) -> Void
  ) throws {
    let offering = priced.offering
    let (base, sheet, variant) = try offering.schedule.pricedTotal(
      of: usage,
      atSecond: second,
      batch: false
    )
    var native = base
    var freeCallsUsed: [FreeCallKey: Int] = [:]
    if !options.isStandard {
      (native, freeCallsUsed) = try priceWithOptions(
        second: second,
        usage: usage,
        options: options,
        offering: offering,
        sheet: sheet
      )
    }
    let currency = reportingCurrency ?? offering.currency
    var amount = native
    var legs: [AppliedRate] = []
    if currency != offering.currency {
      let conversion = try rates.convert(
        Money(native, offering.currency),
        to: currency,
        at: Date(timeIntervalSince1970: TimeInterval(second))
      )
      amount = conversion.converted.amount
      legs = conversion.legs
    }
    readTags(&self)
    groupKey.removeAll(keepingCapacity: true)
    var tagIndex = 0
    for field in groupBy {
      switch field {
      case .model: groupKey.append(priced.modelNumber)
      case .provider: groupKey.append(priced.providerNumber)
      case .currency: groupKey.append(priced.currencyNumber)
      case .day: groupKey.append((second + zone.offset(at: second)).floorDivided(by: 86_400))
      case .tag:
        groupKey.append(lineTagNumbers[tagIndex])
        tagIndex += 1
      }
    }
    let index = groupIndex[groupKey]
    let nativeIndex = index.flatMap { index in
      groups[index].native.firstIndex { $0.currency == priced.currencyNumber }
    }
    let reportNativeIndex = nativeTotals.firstIndex { $0.currency == priced.currencyNumber }
    func before<T>(_ read: (GroupTotals) -> T, _ zero: T) -> T {
      index.map { read(groups[$0]) } ?? zero
    }
    let groupTotal = try before(\.total, .zero) + amount
    let nativeBefore = index.flatMap { i in nativeIndex.map { groups[i].native[$0].total } }
    let nativeTotal = try (nativeBefore ?? .zero) + native
    let reportTotal = try report.total + amount
    let reportNative = try (reportNativeIndex.map { nativeTotals[$0].total } ?? .zero) + native
    let requests = try UsageReport.add(before(\.requests, 0), usage.requests)
    let inputTokens = try UsageReport.add(before(\.inputTokens, 0), usage.totalInput)
    let cachedTokens = try UsageReport.add(before(\.cachedTokens, 0), usage.cacheRead)
    let outputTokens = try UsageReport.add(before(\.outputTokens, 0), usage.totalOutput)
    // Everything is computed; now commit, so a failure above leaves the totals untouched.
    let groupNumber: Int
    if let index {
      groupNumber = index
    } else {
      groupNumber = groups.count
      groupIndex[groupKey] = groupNumber
      groups.append(GroupTotals(values: keyValues(second: second, offering: priced)))
    }
    groups[groupNumber].requests = requests
    groups[groupNumber].inputTokens = inputTokens
    groups[groupNumber].cachedTokens = cachedTokens
    groups[groupNumber].outputTokens = outputTokens
    groups[groupNumber].total = groupTotal
    if let nativeIndex {
      groups[groupNumber].native[nativeIndex].total = nativeTotal
    } else {
      groups[groupNumber].native.append(
        NativeTotal(currency: priced.currencyNumber, total: nativeTotal)
      )
    }
    report.total = reportTotal
    if let reportNativeIndex {
      nativeTotals[reportNativeIndex].total = reportNative
    } else {
      nativeTotals.append(NativeTotal(currency: priced.currencyNumber, total: reportNative))
    }
    report.priced += 1
    for (key, calls) in freeCallsUsed {
      freeCalls[key, default: 0] += calls
      freeAllowances.insert(
        "\(key.offering): the free \(key.fee) allowance was applied; shard reports combined "
          + "with merge(_:) each apply it, so price one period's calls in one run"
      )
    }
    if variant.isProvisional,
      let provisional = offering.schedule.provisionalYear(sheet: sheet, variant: variant),
      provisional != lastProvisional
    {
      provisionalYears.insert(provisional)
      lastProvisional = provisional
    }
    let missing = offering.schedule.entries[sheet].provenance.missing
    if !missing.isEmpty {
      let billed = CostComponent.allCases.filter { usage.count(of: $0) > 0 }
      for note in offering.schedule.entries[sheet].provenance.missingPriceNotes(billed: billed) {
        missingPrices.insert("\(offering.id): \(note)")
      }
    }
    for leg in legs {
      if let index = rateUses[leg.rate] {
        report.exchangeRates[index].record(leg)
      } else {
        rateUses[leg.rate] = report.exchangeRates.count
        report.exchangeRates.append(
          UsageReport.RateUse(rate: leg.rate, conversions: 0, oldestAgeDays: nil, isAssumed: false)
        )
        report.exchangeRates[report.exchangeRates.count - 1].record(leg)
      }
    }
    if reportingCurrency == nil {
      reportingCurrency = currency
      report.currency = currency.code
      // Offerings chosen before the currency was known may prefer another list now.
      offeringCache.removeAll()
      recentOfferings.removeAll()
    }
  }

  /// The values of the current line's group key, in `groupBy` order.
  private mutating func keyValues(second: Int64, offering: PricedOffering) -> [String] {
    var values: [String] = []
    values.reserveCapacity(groupBy.count)
    var tagIndex = 0
    for field in groupBy {
      switch field {
      case .model: values.append(offering.model)
      case .provider: values.append(offering.offering.provider.id)
      case .currency: values.append(offering.offering.currency.code)
      case .day:
        let day = (second + zone.offset(at: second)).floorDivided(by: 86_400)
        if let name = dayNames[day] {
          values.append(name)
        } else {
          let name = CalendarDay(daysSinceEpoch: Int(day)).description
          dayNames[day] = name
          values.append(name)
        }
      case .tag:
        values.append(lineTags[tagIndex])
        tagIndex += 1
      }
    }
    return values
  }

  /// A line's total with its billing choices, after the free tool calls its period still
  /// has; also the free calls it uses, committed only once the line is priced.
  private func priceWithOptions(
    second: Int64,
    usage: TokenUsage,
    options: RequestOptions,
    offering: Offering,
    sheet index: Int
  ) throws -> (FixedDecimal, [FreeCallKey: Int]) {
    let instant = Date(timeIntervalSince1970: TimeInterval(second))
    let breakdown = try offering.schedule.cost(of: usage, at: instant, options: options)
    var total = breakdown.total.amount
    var used: [FreeCallKey: Int] = [:]
    let sheet = offering.schedule.entries[index].sheet
    for line in breakdown.lines where line.component == .toolCalls {
      guard let name = line.name, let fee = sheet.toolFees.first(where: { $0.name == name }),
        let allowance = fee.freeCalls
      else { continue }
      let offset = Int64(TimeZone(identifier: sheet.timeZone)?.secondsFromGMT(for: instant) ?? 0)
      let local = second + offset
      let period: Int64
      switch allowance.period {
      case .day: period = local.floorDivided(by: 86_400)
      case .month:
        let month = CalendarDay(daysSinceEpoch: Int(local.floorDivided(by: 86_400)))
        period = Int64(month.year * 12 + month.month)
      }
      let key = FreeCallKey(offering: offering.id, fee: name, period: period)
      let free = min(line.tokens, max(0, allowance.calls - (freeCalls[key] ?? 0)))
      guard free > 0 else { continue }
      used[key] = free
      total = try total - (try FixedDecimal(free) * fee.perCall)
    }
    return (total, used)
  }

  private mutating func offering(model: String, provider: String?) throws -> Offering {
    // The reporting currency only changes once, from nil, before any offering is cached
    // for a later currency, so model and provider make the key.
    let cacheKey = OfferingKey(model: model, provider: provider)
    if let cached = offeringCache[cacheKey] { return try cached.get() }
    let result: Result<Offering, PricingError>
    do {
      result = .success(
        try catalog.preferredOffering(model: model, provider: provider, currency: reportingCurrency)
      )
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
    var totals: [String: FixedDecimal] = [:]
    for native in nativeTotals { totals[interned[Int(native.currency)]] = native.total }
    copy.totalsByCurrency = totals
    let opened = groups.map { group in
      var byCurrency: [String: FixedDecimal] = [:]
      for native in group.native { byCurrency[interned[Int(native.currency)]] = native.total }
      return UsageReport.Group(
        key: Dictionary(uniqueKeysWithValues: zip(report.groupBy, group.values)),
        requests: group.requests,
        inputTokens: group.inputTokens,
        cachedTokens: group.cachedTokens,
        outputTokens: group.outputTokens,
        total: group.total,
        totalsByCurrency: byCurrency
      )
    }
    copy.groups = UsageReport.sorted(opened, by: report.groupBy)
    copy.provisionalYears = provisionalYears.sorted()
    copy.missingPrices = missingPrices.sorted()
    copy.freeAllowances = freeAllowances.sorted()
    copy.exchangeRates = UsageReport.sorted(report.exchangeRates)
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
