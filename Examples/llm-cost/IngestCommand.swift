import Foundation
import LLMPricing

/// `llm-cost ingest`: prices JSON Lines usage logs and aggregates exact totals.
enum IngestCommand {
  static let spec = CommandSpec(
    name: "ingest",
    abstract: "Price usage logs, one request a line, and aggregate exact totals; or merge the "
      + "partial reports of shards.",
    usage: [
      "ingest FILE... [--group-by FIELDS] [--currency CODE] [--time-zone TZ]",
      "       [--json | --csv | --markdown] [--strict] [--max-line-bytes N]",
      "       [--format FORMAT] [--jobs N]",
      "ingest --merge PART.json... [--json | --csv | --markdown] [--strict]",
    ],
    discussion: [
      "A line of a usage log:",
      """
        {"timestamp": "2025-06-01T03:00:00Z", "model": "deepseek-chat", "provider": "deepseek",
         "usage": {provider's raw usage object, or uncachedInput/cacheRead/.../output/reasoning},
         "tags": {"team": "search"}}
      """,
      "\"timestamp\" may also be epoch seconds; without it a raw response's \"created\" is "
        + "used. A line may name its usage \"format\"; a shape several formats share is "
        + "settled by it, by --format, or by \"provider\", and otherwise rejected, never "
        + "guessed (Docs/UsageLogs.md). Bad lines never stop the run: each is counted and "
        + "listed with its line number and reason.",
    ],
    positional: "FILE",
    groups: [
      OptionGroup(
        "OPTIONS",
        [
          .value(
            "group-by",
            "FIELDS",
            "Comma-separated: model, provider, day, currency, tag:NAME."
          ),
          .value(
            "currency",
            "CODE",
            "Report in this currency: each line is priced on the offering published in it when "
              + "there is one, else converted at the line's timestamp with the dated FX table. "
              + "Default: the first priced line's currency."
          ),
          .value("time-zone", "TZ", "IANA zone for --group-by day (default UTC)."),
          .flag(
            "merge",
            "The files are partial reports (--json output of shards): add them up exactly into "
              + "one report. A report whose totals or counts do not add up is refused."
          ),
          .flag(
            "strict",
            "Print the report as usual, then exit with status 1 if any line was rejected."
          ),
          .value(
            "max-line-bytes",
            "N",
            "Reject lines longer than N bytes (default 16777216); a longer line's bytes are "
              + "dropped as they are read."
          ),
          .value(
            "format",
            "FORMAT",
            "The usage format of lines that do not name theirs: openAIChat, openAIResponses, "
              + "anthropic, deepseek, dashscope, gemini or hunyuanNative."
          ),
          .value(
            "jobs",
            "N",
            "Cores to use (default: all): a regular file is split into N parts at line ends, "
              + "read at once, and their reports merged in order, so the output is "
              + "byte-identical to --jobs 1. Standard input and other non-regular files are "
              + "read with one job. A log whose tools' free-call allowances apply, or whose "
              + "merged totals would overflow, is read again with one job, as those are "
              + "counted across lines in order. Not with --merge."
          ),
          .flag(
            "json",
            "Print the report as JSON (\"total\", \"currency\", \"priced\", \"rejected\", "
              + "\"rejections\", \"groups\", \"provisionalYears\", \"exchangeRates\", ...). "
              + "Reports merge exactly."
          ),
          .flag("csv", "Print the groups as CSV."),
          .flag(
            "markdown",
            "Print the groups' totals as a GitHub-flavoured Markdown table (| cells | and a "
              + "--- rule)."
          ),
        ]
      )
    ] + PricingSetup.groups
  )

  static func run(_ arguments: [String]) async throws {
    let options = try spec.parse(arguments)
    let positional = options.positionals
    guard !positional.isEmpty else { throw UsageError("give at least one FILE") }
    let format = try TableFormat(options)
    let maximumLineBytes =
      try options.positive("max-line-bytes", unit: "bytes")
      ?? UsageIngestor.defaultMaximumLineBytes
    let jobs =
      try ScenarioCommand.whole(options, "jobs", in: 1...1_024)
      ?? ProcessInfo.processInfo.activeProcessorCount
    var report: UsageReport
    if options.flag("merge"), options.string("jobs") != nil {
      throw UsageError(
        "--jobs reads logs on several cores; --merge adds up finished reports in one pass, "
          + "so give one or the other"
      )
    }
    if options.flag("merge") {
      var merged: UsageReport?
      for path in positional {
        guard let data = FileManager.default.contents(atPath: path) else {
          throw PricingError(.invalidData, "cannot read partial report '\(path)'")
        }
        let part: UsageReport
        do {
          part = try UsageReport.decode(from: data)
        } catch let error as PricingError {
          throw PricingError(
            error.code,
            "'\(path)' is not a report from 'llm-cost ingest --json': \(error.message)"
          )
        }
        do {
          try part.validate()
        } catch let error as PricingError {
          throw PricingError(error.code, "partial report '\(path)': \(error.message)")
        }
        if merged == nil { merged = part } else { try merged?.merge(part) }
      }
      guard let merged else { throw UsageError("give at least one partial report") }
      report = merged
    } else {
      let currency = try options.currency()
      var groupBy: [UsageIngestor.GroupField] = []
      for field in (options.string("group-by") ?? "").split(separator: ",") where !field.isEmpty {
        do {
          groupBy.append(try UsageIngestor.GroupField(String(field)))
        } catch let error as PricingError {
          throw UsageError(error.message)
        }
      }
      var format: ResponseFormat?
      if let name = options.string("format") {
        guard let named = ResponseFormat(rawValue: name) else {
          let known = ResponseFormat.allCases.map(\.rawValue).joined(separator: ", ")
          throw UsageError("--format '\(name)' is not a usage format; use one of \(known)")
        }
        format = named
      }
      let setup = try PricingSetup(options)
      let timeZone = options.string("time-zone") ?? "UTC"
      let ingest = ParallelIngest(
        makeIngestor: { [groupBy, format, catalog = setup.catalog, rates = setup.rates] currency in
          try UsageIngestor(
            catalog: catalog,
            groupBy: groupBy,
            currency: currency,
            rates: rates,
            timeZone: timeZone,
            maximumLineBytes: maximumLineBytes,
            format: format
          )
        },
        currency: currency,
        jobs: jobs
      )
      report = try await ingest.report(ofFilesAt: positional)
    }
    switch format {
    case .json: print(try Output.json(report))
    case .csv: print(csv(report))
    case .markdown: print(groupTable(report).markdown())
    case .text: print(text(report))
    }
    if options.flag("strict"), report.rejected > 0 {
      // After the report, so a failing run still shows what was priced and why lines failed.
      let lines = report.rejected == 1 ? "1 line was" : "\(report.rejected) lines were"
      throw PricingError(
        .invalidData,
        "\(lines) rejected and --strict makes any rejected line a failure; fix the lines "
          + "listed above or drop --strict"
      )
    }
  }

  /// The groups' totals, one row per group.
  static func groupTable(_ report: UsageReport) -> TextTable {
    let columns = report.groupBy.count
    var table = TextTable(
      report.groupBy + [
        "requests", "input_tokens", "cached_tokens", "output_tokens", "total", "currency",
      ],
      rightAligned: Set(columns..<(columns + 5))
    )
    for group in report.groups {
      table.append(
        report.groupBy.map { group.key[$0] ?? "" } + [
          String(group.requests), String(group.inputTokens), String(group.cachedTokens),
          String(group.outputTokens), group.total.description, report.currency ?? "",
        ]
      )
    }
    return table
  }

  static func csv(_ report: UsageReport) -> String {
    let field = Output.csvField
    let header =
      report.groupBy + [
        "requests", "input_tokens", "cached_tokens", "output_tokens", "total", "currency",
      ]
    var lines = [header.map(field).joined(separator: ",")]
    for group in report.groups {
      let values =
        report.groupBy.map { group.key[$0] ?? "" } + [
          String(group.requests), String(group.inputTokens), String(group.cachedTokens),
          String(group.outputTokens), group.total.description, report.currency ?? "",
        ]
      lines.append(values.map(field).joined(separator: ","))
    }
    return lines.joined(separator: "\n")
  }

  static func text(_ report: UsageReport) -> String {
    var lines: [String] = []
    let currency = report.currency ?? ""
    lines.append(
      "Priced \(report.priced) lines, rejected \(report.rejected). Total: \(report.total) \(currency)"
    )
    if report.totalsByCurrency.count > 1 || report.totalsByCurrency.keys.first != report.currency {
      let native = report.totalsByCurrency.sorted { $0.key < $1.key }
        .map { "\($0.value) \($0.key)" }.joined(separator: ", ")
      lines.append("In the offerings' own currencies: \(native)")
    }
    if !report.groups.isEmpty {
      lines.append("")
      lines.append(groupTable(report).rendered())
    }
    if !report.exchangeRates.isEmpty {
      lines.append("")
      lines.append("Exchange rates used:")
      for use in report.exchangeRates {
        let age = use.oldestAgeDays.map { ", up to \($0) days old" } ?? ""
        lines.append(
          "  1 \(use.rate.base) = \(use.rate.rate) \(use.rate.quote) "
            + "(\(CalendarDay(utcDateOf: use.rate.asOf))\(age); \(use.rate.source)), "
            + "\(use.conversions) conversions\(use.isAssumed ? ", assumed" : "")"
        )
      }
    }
    if !report.notes.isEmpty {
      lines.append("")
      for note in report.notes {
        lines.append(note.hasPrefix("assumed") ? "warning: \(note)" : "note: \(note)")
      }
    }
    if !report.rejections.isEmpty {
      lines.append("")
      lines.append("Rejected lines:")
      for rejection in report.rejections {
        lines.append(
          "  \(rejection.source.map { $0 + ":" } ?? "")\(rejection.line): \(rejection.reason)"
        )
      }
      if report.rejectionsNotShown > 0 {
        lines.append("  … and \(report.rejectionsNotShown) more (see --json)")
      }
    }
    return lines.joined(separator: "\n")
  }
}
