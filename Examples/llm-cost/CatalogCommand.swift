import Foundation
import LLMPricing

/// `llm-cost catalog export|check|update|status`: the catalog in use, how current it is,
/// and updates without a release.
enum CatalogCommand {
  static let spec = CommandSpec(
    name: "catalog",
    abstract: "Export the catalog in use, check how current it is, update it without a "
      + "release, or show its status.",
    usage: [
      "catalog export [--output FILE] [--catalog FILE] [--built-in]",
      "catalog check [--max-age DAYS] [--at ISO8601] [--json] [--catalog FILE] [--built-in]",
      "catalog update [--from URL|FILE] [--timeout SECONDS]",
      "catalog status [--json]",
    ],
    discussion: [
      """
        export  Print the catalog in use (the built-in catalog with --catalog laid over it) in
                catalog format version 1, the format --catalog reads (Docs/CatalogFormat.md).
        check   Report the offerings in force whose prices were last verified more than DAYS
                days ago (default 90), the offerings that retire in the next 60 days with
                the successor their provider names, and the prices their providers publish
                that the catalog lacks (billed at a fallback price, with a note).
        update  Fetch a newer catalog (default: $LLM_PRICING_CATALOG_URL, else the project's
                published file), validate it completely, and install it in the cache
                directory ($LLM_PRICING_CACHE_DIR, else the user cache directory). A file that
                fails to download, does not validate or is not newer is refused and the
                catalog in use stays. Every command then prices with the newest valid
                catalog; --built-in ignores the update.
        status  Which catalog is in use, its publication date and age, and the cache directory.
      """
    ],
    groups: [
      OptionGroup(
        "OPTIONS",
        [
          .value("output", "FILE", "export: write to FILE instead of standard output."),
          .value("from", "URL|FILE", "update: where from (http, https, file: URL, or a path)."),
          .value("timeout", "SECONDS", "update: how long to wait for the server (default 30)."),
          .value(
            "max-age",
            "DAYS",
            "check: the greatest accepted age of a verification (default 90)."
          ),
          .value("at", "ISO8601", "check: the instant to check at (default: now)."),
          .value(
            "catalog",
            "FILE",
            "export, check: lay a catalog file over the built-in catalog first."
          ),
          .flag(
            "built-in",
            "export, check: use the built-in catalog, ignoring an installed update."
          ),
          .flag(
            "json",
            "check, status: print JSON. The check is {\"at\", \"maximumAgeInDays\", "
              + "\"retirementWindowDays\", \"offeringsInForce\", \"unverified\": "
              + "[{\"offering\", \"lastVerified\", \"ageDays\", \"source\"}], "
              + "\"upcomingRetirements\": [{\"offering\", \"retiredAt\", \"successor\", "
              + "\"source\"}], \"missingPrices\": [{\"offering\", \"component\", \"note\"}]}."
          ),
        ]
      )
    ]
  )

  /// The actions and the options each accepts, from ``spec``'s table.
  static let actions: [String: [String]] = [
    "export": ["output", "catalog", "built-in"],
    "check": ["max-age", "at", "json", "catalog", "built-in"],
    "update": ["from", "timeout"],
    "status": ["json"],
  ]

  /// Where the project publishes the catalog of this format version.
  ///
  /// No public host is set up yet (see README, Installation); set `LLM_PRICING_CATALOG_URL`
  /// or pass `--from`.
  static let publishedURL =
    "https://raw.githubusercontent.com/OWNER/llm-pricing/main/catalog/catalog-v1.json"

  static func run(_ arguments: [String]) async throws {
    if arguments.isEmpty || CommandSpec.wantsHelp(arguments) {
      print(spec.help)
      return
    }
    let action = arguments[0]
    guard let names = actions[action] else {
      let known = ["export", "check", "update", "status"]
      let nearest = Suggestion.closest(to: action, among: known).map { "did you mean '\($0)'? " }
      throw UsageError(
        "unknown catalog action '\(action)'; \(nearest ?? "")use export, check, update or status"
      )
    }
    let options = try spec.restricted(to: names, name: "catalog \(action)")
      .parse(Array(arguments.dropFirst()))
    switch action {
    case "export":
      let catalog = try CatalogLoading.load(
        options.string("catalog"),
        builtInOnly: options.flag("built-in")
      )
      let data = try catalog.encodedJSON()
      if let path = options.string("output") {
        guard FileManager.default.createFile(atPath: path, contents: data) else {
          throw PricingError(.invalidData, "cannot write the catalog to '\(path)'")
        }
      } else {
        print(String(decoding: data, as: UTF8.self))
      }
    case "check":
      let catalog = try CatalogLoading.load(
        options.string("catalog"),
        builtInOnly: options.flag("built-in")
      )
      let maximumAge = try options.count("max-age") ?? 90
      let instant = try options.instant() ?? Date()
      let report = catalog.freshness(at: instant, maximumAgeInDays: maximumAge)
      if options.flag("json") {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
        return
      }
      print(
        "\(report.offeringsInForce) offerings in force at \(Quote.iso(instant)); "
          + "\(report.unverified.count) last verified more than \(maximumAge) days ago."
      )
      for entry in report.unverified {
        print("  \(entry.offering): verified \(entry.lastVerified) (\(entry.ageDays) days)")
      }
      print(
        "\(report.upcomingRetirements.count) retire in the next \(report.retirementWindowDays) days."
      )
      for retirement in report.upcomingRetirements {
        let successor = retirement.successor.map { "; successor \($0)" } ?? ""
        print("  \(retirement.offering): retires \(Quote.iso(retirement.retiredAt))\(successor)")
      }
      print(
        "\(report.missingPrices.count) published prices missing from offerings in force "
          + "(billed at a fallback price, with a note)."
      )
      for gap in report.missingPrices {
        let what = gap.component.map { "\($0.rawValue) price" } ?? "a context tier"
        print("  \(gap.offering): \(what): \(gap.note)")
      }
    case "update":
      try await update(options)
    default:
      try status(options)
    }
  }

  static func update(_ options: Options) async throws {
    let store = CatalogStore(directory: CatalogStore.defaultDirectory)
    let from =
      options.string("from") ?? ProcessInfo.processInfo.environment["LLM_PRICING_CATALOG_URL"]
      ?? publishedURL
    // Until the project has a public host the default names a placeholder account; fetching
    // it would fail with a network error that does not say what to do.
    guard !from.contains("/OWNER/") else {
      throw UsageError(
        "this build has no published catalog URL (\(publishedURL) is a placeholder); pass "
          + "--from URL|FILE or set LLM_PRICING_CATALOG_URL"
      )
    }
    let url: URL
    if from.hasPrefix("http://") || from.hasPrefix("https://") || from.hasPrefix("file:") {
      guard let parsed = URL(string: from) else {
        throw UsageError("--from '\(from)' is not a URL")
      }
      url = parsed
    } else {
      url = URL(fileURLWithPath: from)
    }
    let timeout = try options.count("timeout") ?? 30
    guard timeout > 0 else { throw UsageError("--timeout must be at least 1 second") }
    switch try await store.update(from: url, timeout: TimeInterval(timeout)) {
    case .installed(let publishedAt, let offerings):
      print(
        "installed the catalog published \(Quote.iso(publishedAt)) (\(offerings) offerings) "
          + "from \(from) in \(store.directory.path)"
      )
    case .notModified:
      print("the catalog at \(from) has not changed; the installed one stays")
    }
  }

  struct StatusJSON: Encodable {
    let origin: String
    let publishedAt: String?
    let ageDays: Int?
    let offerings: Int
    let cacheDirectory: String
    let installedFrom: String?
    let note: String?
  }

  static func status(_ options: Options) throws {
    let store = CatalogStore(directory: CatalogStore.defaultDirectory)
    let (catalog, origin, note) = store.catalogInUse()
    let age = catalog.publishedAt.map { Int(Date().timeIntervalSince($0) / 86_400) }
    var installedFrom: String?
    if case .success(let (_, metadata)) = store.installed() { installedFrom = metadata.source }
    let value = StatusJSON(
      origin: origin.description,
      publishedAt: catalog.publishedAt.map(Quote.iso),
      ageDays: age,
      offerings: catalog.offerings.count,
      cacheDirectory: store.directory.path,
      installedFrom: installedFrom,
      note: note
    )
    if options.flag("json") {
      print(try Output.json(value))
      return
    }
    print("catalog in use: \(value.origin)")
    let when = age.map { $0 < 0 ? " (in the future)" : ", \($0) days ago" } ?? ""
    print("  published \(value.publishedAt ?? "(unknown)")\(when)")
    print("  \(value.offerings) offerings; cache directory \(value.cacheDirectory)")
    if let note { print("  note: \(note)") }
  }
}
