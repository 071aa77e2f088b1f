import Foundation
import LLMPricing

/// `llm-cost quote`: prices one usage on one model at an instant.
enum QuoteCommand {
  static let spec = CommandSpec(
    name: "quote",
    abstract: "Price one usage on one model, exactly, with the rules and the source that applied.",
    usage: ["quote --model ID --input N --output N [options]"],
    groups: [
      OptionGroup(
        "OPTIONS",
        [
          .value("model", "ID", "Model id or alias, optionally provider/model (required)."),
          .value("provider", "ID", "Provider id, when a model id is sold by several providers."),
          .value(
            "input",
            "N",
            "TOTAL input tokens, cached and cache-write tokens included (required)."
          ),
          .value("cached-input", "N", "Of --input, tokens read from a prompt cache (cache hits)."),
          .value(
            "cache-write",
            "N",
            "Of --input, tokens written to a cache (default lifetime, e.g. 5 min)."
          ),
          .value(
            "cache-write-1h",
            "N",
            "Of --input, tokens written to a cache with a one-hour lifetime."
          ),
          .value(
            "cache-write-12h",
            "N",
            "Of --input, tokens written to a cache with a twelve-hour lifetime."
          ),
          .value("output", "N", "TOTAL output tokens, reasoning tokens included (required)."),
          .value("reasoning", "N", "Of --output, reasoning (thinking) tokens."),
          .value("requests", "N", "Number of requests of this shape (default 1)."),
          .value(
            "at",
            "ISO8601",
            "When the requests were made, e.g. 2025-06-01T03:00:00Z (default: now)."
          ),
          .flag("batch", "Price through the provider's batch API."),
          .value(
            "service-tier",
            "NAME",
            "The service tier, e.g. flex or priority (default: standard); an unknown tier is "
              + "an error naming the tiers the sheet sells."
          ),
          .value(
            "tool",
            "NAME=N",
            repeatable: true,
            "N calls of a provider-run tool, e.g. web_search=3; repeatable."
          ),
          .value("residency", "NAME", "A residency uplift, e.g. us (default: global)."),
          .value(
            "thinking",
            "on|off",
            "Whether the request ran in thinking mode (default: inferred from --reasoning); on "
              + "bills all output at the thinking price."
          ),
          .value(
            "cache-token-hours",
            "N",
            "Token-hours of explicit cache storage to bill, e.g. 1,000,000 tokens kept 2 hours "
              + "= 2000000 (where the sheet bills storage)."
          ),
          .value(
            "currency",
            "CNY|USD",
            "Price on the offering published in this currency; when the provider publishes "
              + "none, convert with the default dated FX table and show the rate."
          ),
          .flag(
            "json",
            "Print JSON: exact, unrounded decimal strings; a converted quote has "
              + "\"exchangeRate\" {base, quote, rate, asOf, source, ageDays, assumed}; a price "
              + "resting on a provisional holiday calendar has \"provisional\": true and "
              + "\"provisionalCalendar\"."
          ),
          .flag(
            "markdown",
            "Print the breakdown table as GitHub-flavoured Markdown (| cells | and a --- rule)."
          ),
        ]
      )
    ] + PricingSetup.groups,
    footer: [
      "EXIT CODES: 0 success, 2 bad arguments, 1 any other error (unknown model, no price at "
        + "that instant, bad catalog file)."
    ]
  )

  static func run(_ arguments: [String]) async throws {
    let options = try spec.parse(arguments)
    try options.exclusive(["json", "markdown"])
    let model = try options.required("model")
    let input = try options.count("input") ?? { throw UsageError("--input is required") }()
    let output = try options.count("output") ?? { throw UsageError("--output is required") }()
    let cached = try options.count("cached-input") ?? 0
    let cacheWrite = try options.count("cache-write") ?? 0
    let cacheWrite1h = try options.count("cache-write-1h") ?? 0
    let cacheWrite12h = try options.count("cache-write-12h") ?? 0
    let reasoning = try options.count("reasoning") ?? 0
    let requests = try options.count("requests") ?? 1
    guard requests >= 1 else { throw UsageError("--requests must be at least 1") }
    let (parts, partsOverflow) = cached.addingReportingOverflow(cacheWrite)
    let (someParts, someOverflow) = parts.addingReportingOverflow(cacheWrite1h)
    let (allParts, allOverflow) = someParts.addingReportingOverflow(cacheWrite12h)
    guard !partsOverflow, !someOverflow, !allOverflow, allParts <= input else {
      throw UsageError(
        "--cached-input (\(cached)) + --cache-write (\(cacheWrite)) + --cache-write-1h "
          + "(\(cacheWrite1h)) + --cache-write-12h (\(cacheWrite12h)) exceed --input "
          + "(\(input)), which is the total input"
      )
    }
    guard reasoning <= output else {
      throw UsageError(
        "--reasoning (\(reasoning)) exceeds --output (\(output)), which is the total output"
      )
    }
    let instant = try options.instant() ?? Date()
    let currency = try options.currency()

    let setup = try PricingSetup(options)
    let catalog = setup.catalog

    let usage = try TokenUsage(
      uncachedInput: input - allParts,
      cacheRead: cached,
      cacheWrite: cacheWrite,
      cacheWrite1h: cacheWrite1h,
      cacheWrite12h: cacheWrite12h,
      output: output - reasoning,
      reasoning: reasoning,
      requests: requests
    )
    let offering = try catalog.preferredOffering(
      model: model,
      provider: options.string("provider"),
      currency: currency
    )
    let requestOptions = try Self.requestOptions(options)
    var breakdown = try offering.schedule.cost(
      of: usage,
      at: instant,
      batch: options.flag("batch"),
      options: requestOptions
    )
    if let currency, currency != offering.currency {
      breakdown = try breakdown.converted(to: currency, using: setup.rates, at: instant)
    }
    let quote = Quote(offering: offering, at: instant, breakdown: breakdown)
    if options.flag("json") {
      print(try quote.json())
    } else if options.flag("markdown") {
      print(quote.lineTable().markdown())
    } else {
      print(quote.table())
    }
  }

  /// The billing choices of `--service-tier`, `--residency`, `--thinking` and `--tool`.
  static func requestOptions(_ options: Options) throws -> RequestOptions {
    var result = RequestOptions(
      serviceTier: options.string("service-tier"),
      residency: options.string("residency")
    )
    switch options.string("thinking")?.lowercased() {
    case nil: break
    case "on", "true", "yes": result.thinking = true
    case "off", "false", "no": result.thinking = false
    case let other?: throw UsageError("--thinking '\(other)' must be on or off")
    }
    result.cacheStorageTokenHours = try options.count("cache-token-hours") ?? 0
    for text in options.strings("tool") {
      let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, !parts[0].isEmpty, let calls = Int(parts[1]), calls >= 0 else {
        throw UsageError("--tool '\(text)' must be NAME=CALLS, such as web_search=3")
      }
      result.toolCalls[parts[0], default: 0] += calls
    }
    return result
  }
}
