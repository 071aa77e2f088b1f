import Foundation
import LLMPricing
import Testing

/// A web server on the loopback address, run by Python's standard library for the length of
/// a test: a directory served by `http.server`, or a socket that accepts and never answers.
final class LoopbackServer {
  let process = Process()
  let port: Int

  /// Serves `directory` over HTTP.
  convenience init(serving directory: URL) throws {
    try self.init(arguments: [
      "-u", "-c",
      """
      import functools, http.server, sys
      handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
      server = http.server.HTTPServer(("127.0.0.1", 0), handler)
      print(server.server_address[1], flush=True)
      server.serve_forever()
      """,
      directory.path,
    ])
  }

  /// Accepts connections and never answers.
  convenience init(silent: Void) throws {
    try self.init(arguments: [
      "-u", "-c",
      """
      import socket, time
      server = socket.socket()
      server.bind(("127.0.0.1", 0))
      server.listen()
      print(server.getsockname()[1], flush=True)
      held = []
      while True:
          connection, _ = server.accept()
          held.append(connection)
      """,
    ])
  }

  private init(arguments: [String]) throws {
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    var line = Data()
    while !line.contains(UInt8(ascii: "\n")) {
      let chunk = output.fileHandleForReading.availableData
      guard !chunk.isEmpty else { break }
      line += chunk
    }
    port = try #require(
      Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    )
  }

  /// Stops the server, so no test leaves a process behind. (Not `waitUntilExit()`: on
  /// Linux it can wait forever inside a test.)
  func stop() {
    guard process.isRunning else { return }
    process.terminate()
  }

  deinit { stop() }

  func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }
}

@Suite("Catalog updates over a real loopback server")
struct CatalogUpdateTests {
  /// A fresh cache directory, and a directory the server publishes from.
  struct Sandbox {
    let cache: URL
    let published: URL

    init() throws {
      let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("llm-pricing-update-\(UUID().uuidString)")
      cache = root.appendingPathComponent("cache")
      published = root.appendingPathComponent("www")
      try FileManager.default.createDirectory(at: published, withIntermediateDirectories: true)
    }

    var environment: [String: String] { ["LLM_PRICING_CACHE_DIR": cache.path] }

    func run(_ arguments: [String]) throws -> LLMCostBinary.Result {
      try LLMCostBinary.run(arguments, environment: environment)
    }

    /// The built-in catalog with deepseek-flash's current CNY input price changed and a
    /// publication instant.
    func publish(
      _ name: String,
      publishedAt: String,
      flashInput: String,
      truncate: Bool = false
    )
      throws
    {
      var object = try #require(
        try JSONSerialization.jsonObject(with: Catalog.builtIn.encodedJSON()) as? [String: Any]
      )
      object["publishedAt"] = publishedAt
      var offerings = try #require(object["offerings"] as? [[String: Any]])
      for index in offerings.indices {
        guard let model = offerings[index]["model"] as? [String: Any],
          model["id"] as? String == "deepseek-flash",
          var schedule = offerings[index]["schedule"] as? [String: Any],
          var entries = schedule["entries"] as? [[String: Any]],
          var sheet = entries.last?["sheet"] as? [String: Any],
          sheet["currency"] as? String == "CNY",
          var tiers = sheet["tiers"] as? [[String: Any]],
          var prices = tiers.first?["prices"] as? [String: Any]
        else { continue }
        prices["input"] = flashInput
        tiers[0]["prices"] = prices
        sheet["tiers"] = tiers
        entries[entries.count - 1]["sheet"] = sheet
        schedule["entries"] = entries
        offerings[index]["schedule"] = schedule
      }
      object["offerings"] = offerings
      var data = try JSONSerialization.data(withJSONObject: object)
      if truncate { data = data.prefix(data.count / 2) }
      try data.write(to: published.appendingPathComponent(name))
    }

    /// 1,000,000 fresh input tokens on deepseek-flash, off-peak (a Saturday in December 2026).
    func flashInputPrice() throws -> String {
      let result = try run([
        "quote", "--model", "deepseek-flash", "--input", "1000000", "--output", "0", "--at",
        "2026-12-05T12:00:00Z", "--json",
      ])
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
      )
      return try #require(object["total"] as? String)
    }
  }

  @Test func aGoodUpdateTakesEffectAndABrokenOneIsRefused() throws {
    let sandbox = try Sandbox()
    let server = try LoopbackServer(serving: sandbox.published)
    defer { server.stop() }
    // The built-in price: ¥1 per million off-peak.
    #expect(try sandbox.flashInputPrice() == "1")
    try sandbox.publish("catalog-v1.json", publishedAt: "2026-12-10T00:00:00Z", flashInput: "0.5")
    let update = try sandbox.run(["catalog", "update", "--from", server.url("catalog-v1.json")])
    #expect(update.status == 0, "\(update.error)")
    #expect(update.output.contains("installed the catalog published 2026-12-10"))
    #expect(try sandbox.flashInputPrice() == "0.5")
    let status = try sandbox.run(["catalog", "status", "--json"])
    #expect(status.output.contains("installed from \(server.url("catalog-v1.json"))"))
    // --built-in ignores the update.
    let builtIn = try sandbox.run([
      "quote", "--model", "deepseek-flash", "--input", "1000000", "--output", "0", "--at",
      "2026-12-05T12:00:00Z", "--built-in",
    ])
    #expect(builtIn.output.contains("exact: 1 CNY"))

    // A newer but truncated file is refused, and the good one stays.
    try sandbox.publish(
      "broken.json",
      publishedAt: "2026-12-20T00:00:00Z",
      flashInput: "0.25",
      truncate: true
    )
    let broken = try sandbox.run(["catalog", "update", "--from", server.url("broken.json")])
    #expect(broken.status == 1)
    #expect(broken.error.contains("refused"))
    #expect(try sandbox.flashInputPrice() == "0.5")

    // A missing file: HTTP 404, nothing changes.
    let missing = try sandbox.run(["catalog", "update", "--from", server.url("nothing.json")])
    #expect(missing.status == 1)
    #expect(missing.error.contains("HTTP 404"))
    #expect(try sandbox.flashInputPrice() == "0.5")

    // No source and no published host: refused with what to do, nothing fetched.
    let unset = try sandbox.run(["catalog", "update"])
    #expect(unset.status != 0)
    #expect(unset.error.contains("LLM_PRICING_CATALOG_URL"))
    #expect(try sandbox.flashInputPrice() == "0.5")

    // An older catalog is refused.
    try sandbox.publish("old.json", publishedAt: "2026-12-05T00:00:00Z", flashInput: "9")
    let old = try sandbox.run(["catalog", "update", "--from", server.url("old.json")])
    #expect(old.status == 1)
    #expect(old.error.contains("not newer"))
    #expect(try sandbox.flashInputPrice() == "0.5")
  }

  @Test func aCatalogOlderThanTheBuiltInOneIsRefused() throws {
    let sandbox = try Sandbox()
    let server = try LoopbackServer(serving: sandbox.published)
    defer { server.stop() }
    try sandbox.publish("stale.json", publishedAt: "2026-01-01T00:00:00Z", flashInput: "0.5")
    let result = try sandbox.run(["catalog", "update", "--from", server.url("stale.json")])
    #expect(result.status == 1)
    #expect(result.error.contains("not newer than the catalog in use (2026-12-03"))
    #expect(try sandbox.flashInputPrice() == "1")
  }

  @Test(.timeLimit(.minutes(1)))
  func aServerThatNeverAnswersTimesOutAndChangesNothing() throws {
    let sandbox = try Sandbox()
    let server = try LoopbackServer(silent: ())
    defer { server.stop() }
    let start = Date()
    let result = try sandbox.run([
      "catalog", "update", "--from", server.url("catalog-v1.json"), "--timeout", "2",
    ])
    let elapsed = Date().timeIntervalSince(start)
    #expect(result.status == 1)
    #expect(result.error.contains("could not fetch"))
    #expect(result.error.contains("no answer within 2 s"))
    #expect(result.error.contains("unchanged"))
    #expect(elapsed < 20, "took \(elapsed) s")
    #expect(try sandbox.flashInputPrice() == "1")
  }
}

@Suite("Catalog store")
struct CatalogStoreTests {
  func store() -> CatalogStore {
    CatalogStore(
      directory: FileManager.default.temporaryDirectory
        .appendingPathComponent("llm-pricing-store-\(UUID().uuidString)")
    )
  }

  func catalog(publishedAt: String?) throws -> Data {
    let builtIn = Catalog.builtIn
    let copy = Catalog(
      offerings: Array(builtIn.offerings.prefix(3)),
      publishedAt: try publishedAt.map { try instant($0) }
    )
    return try copy.encodedJSON()
  }

  @Test func withNothingInstalledTheBuiltInCatalogIsUsed() throws {
    let (catalog, origin, note) = store().catalogInUse()
    #expect(origin == .builtIn && note == nil)
    #expect(catalog.publishedAt == Catalog.builtIn.publishedAt)
  }

  @Test func installRefusesWhatItCannotTrust() throws {
    let store = store()
    let undated = #expect(throws: PricingError.self) {
      try store.install(try self.catalog(publishedAt: nil), source: "undated.json")
    }
    #expect(undated?.message.contains("no publishedAt") == true)
    let invalid = #expect(throws: PricingError.self) {
      try store.install(Data(#"{"formatVersion": 2}"#.utf8), source: "v2.json")
    }
    #expect(invalid?.message.contains("format version 2") == true)
    #expect(!FileManager.default.fileExists(atPath: store.catalogFile.path))
    // A newer one installs; the store then serves it.
    let outcome = try store.install(
      try catalog(publishedAt: "2027-01-01T00:00:00Z"),
      source: "new.json",
      etag: "\"v7\""
    )
    #expect(outcome == .installed(publishedAt: try instant("2027-01-01T00:00:00Z"), offerings: 3))
    let (served, origin, _) = store.catalogInUse()
    #expect(served.offerings.count == 3)
    #expect(origin == .installed(source: "new.json"))
    #expect(store.catalogInUse(includeUpdates: false).origin == .builtIn)
    if case .success(let (_, metadata)) = store.installed() { #expect(metadata.etag == "\"v7\"") }
  }

  @Test func aCorruptedInstalledFileFallsBackToTheBuiltInCatalogAndSaysSo() throws {
    let store = store()
    try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
    try Data("{\"offerings\": [".utf8).write(to: store.catalogFile)
    let (catalog, origin, note) = store.catalogInUse()
    #expect(origin == .builtIn)
    #expect(catalog.offerings == Catalog.builtIn.offerings)
    #expect(note?.contains("invalid") == true)
  }
}
