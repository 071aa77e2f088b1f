import Foundation
import LLMPricing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `ingest --jobs N`: reads each regular file as N byte ranges at once, cut just after a
/// `\n`, one ingestor a range, and merges their reports in file order into exactly the
/// report of one ingestor reading every line in order.
///
/// Two things carry from line to line in one ingestor, and both are kept exact:
/// - Without `--currency` the report's currency is the first priced line's, and lines are
///   priced differently before it is known. So the files are read in order, one job, until
///   a line is priced; only what follows is split, each range priced in that currency.
/// - Line numbers: each range numbers its lines from 1, and its rejections are renumbered
///   by the lines of the ranges before it when the reports are merged.
///
/// Free tool-call allowances are counted per period across all the lines; a range cannot
/// know what the ranges before it used. A log where any applied is read again with one job.
struct ParallelIngest {
  /// Makes a fresh ingestor, configured as the command's, reporting in a currency.
  let makeIngestor: @Sendable (Currency?) throws -> UsageIngestor
  /// The `--currency`, if given.
  let currency: Currency?
  /// How many ranges to split each file into.
  let jobs: Int

  /// How much the files are read in order at a time while the currency is unknown.
  static let prefixBytes = 64 << 10

  /// The report of all the files, as one ingestor reading them in order makes it.
  func report(ofFilesAt paths: [String]) async throws -> UsageReport {
    if jobs > 1, paths.allSatisfy(Self.isRegularFile) {
      do {
        let report = try await parallelReport(paths)
        if report.freeAllowances.isEmpty { return report }
      } catch let error as PricingError where error.code == .overflow {
        // One ingestor rejects the line that takes a total past what it can hold and goes
        // on; merged ranges cannot tell which line that was, so the file is read in order.
      }
    }
    var ingestor = try makeIngestor(currency)
    for path in paths { try ingestor.ingest(fileAt: path) }
    return ingestor.currentReport()
  }

  private func parallelReport(_ paths: [String]) async throws -> UsageReport {
    // Reads until the reporting currency is known, in order.
    var first = try makeIngestor(currency)
    var known = currency
    var parts: [UsageReport] = []
    for path in paths {
      let handle = try Self.open(path)
      defer { try? handle.close() }
      let size = Int(try handle.seekToEnd())
      var start = 0
      var lines = 0
      while known == nil, start < size {
        let end = try Self.lineStart(handle, path, atOrAfter: start + Self.prefixBytes, size)
        lines += try first.ingest(
          fileAt: path,
          byteRange: start..<end,
          firstLineNumber: lines + 1
        )
        start = end
        known = first.currentReport().currency.flatMap { try? Currency(code: $0) }
      }
      guard start < size else { continue }
      let ranges = try Self.split(handle, path, start..<size, into: jobs)
      let ingestors = try ranges.map { _ in try makeIngestor(known) }
      let results = try await withThrowingTaskGroup(of: (Int, UsageReport, Int).self) { group in
        for (index, range) in ranges.enumerated() {
          let ingestor = ingestors[index]
          group.addTask {
            var ingestor = ingestor
            let count = try ingestor.ingest(fileAt: path, byteRange: range)
            return (index, ingestor.currentReport(), count)
          }
        }
        var results: [(Int, UsageReport, Int)] = []
        for try await result in group { results.append(result) }
        return results.sorted { $0.0 < $1.0 }
      }
      for (_, report, count) in results {
        var part = report
        for index in part.rejections.indices { part.rejections[index].line += lines }
        lines += count
        parts.append(part)
      }
    }
    var report = first.currentReport()
    for part in parts { try report.merge(part) }
    return report
  }

  /// Whether the path is a regular file, through symbolic links, and not standard input
  /// or another descriptor under `/dev` or `/proc`, which a seek could share with others.
  static func isRegularFile(_ path: String) -> Bool {
    guard !path.hasPrefix("/dev/"), !path.hasPrefix("/proc/") else { return false }
    var status = stat()
    return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
  }

  private static func open(_ path: String) throws -> FileHandle {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw PricingError(.invalidData, "cannot read usage log '\(path)'")
    }
    return handle
  }

  /// Splits `bytes` into at most `parts` non-empty ranges of whole lines, cut near equal
  /// sizes.
  private static func split(
    _ handle: FileHandle,
    _ path: String,
    _ bytes: Range<Int>,
    into parts: Int
  ) throws -> [Range<Int>] {
    var bounds = [bytes.lowerBound]
    for part in 1..<max(1, parts) {
      let cut = bytes.lowerBound + bytes.count * part / parts
      guard let last = bounds.last, cut > last else { continue }
      let bound = try lineStart(handle, path, atOrAfter: cut, bytes.upperBound)
      if bound > last, bound < bytes.upperBound { bounds.append(bound) }
    }
    bounds.append(bytes.upperBound)
    return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
  }

  /// The first offset at or after `offset` where a line starts (just after a `\n`), or
  /// `size`.
  private static func lineStart(
    _ handle: FileHandle,
    _ path: String,
    atOrAfter offset: Int,
    _ size: Int
  ) throws -> Int {
    guard offset < size else { return size }
    var position = offset - 1
    do {
      try handle.seek(toOffset: UInt64(position))
      while position < size {
        guard let chunk = try handle.read(upToCount: 64 * 1024), !chunk.isEmpty else {
          return size
        }
        if let newline = chunk.firstIndex(of: 10) {
          return min(size, position + (newline - chunk.startIndex) + 1)
        }
        position += chunk.count
      }
    } catch {
      throw PricingError(.invalidData, "cannot read usage log '\(path)': \(error)")
    }
    return size
  }
}
