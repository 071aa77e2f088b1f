import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Catalog updates without a release: a newer catalog fetched from a URL (or read from a
/// file), validated completely, and installed atomically in a cache directory.
///
/// The catalog in use is the newest valid one of the installed catalog and the built-in one,
/// by ``Catalog/publishedAt``. A download that fails, is refused by the server, does not
/// validate, or is not newer never replaces a good catalog, and the error says why.
///
/// ```swift
/// let store = CatalogStore(directory: CatalogStore.defaultDirectory)
/// let outcome = try await store.update(from: URL(string: "https://example.com/catalog-v1.json")!)
/// let (catalog, origin) = store.catalogInUse()
/// ```
public struct CatalogStore: Sendable {
  /// The directory the installed catalog lives in.
  public let directory: URL

  /// Where the catalog of this format version is installed: `catalog-v1.json`.
  public var catalogFile: URL {
    directory.appendingPathComponent("catalog-v\(Catalog.formatVersion).json")
  }

  /// What is known about the installed file: where it came from, its ETag, when it was
  /// fetched.
  public var metadataFile: URL {
    directory.appendingPathComponent("catalog-v\(Catalog.formatVersion).meta.json")
  }

  /// Creates a store.
  ///
  /// - Parameter directory: The cache directory; created when a catalog is installed.
  public init(directory: URL) {
    self.directory = directory
  }

  /// `$LLM_PRICING_CACHE_DIR`, else the platform's user cache directory
  /// (`~/Library/Caches/llm-pricing` on macOS, `$XDG_CACHE_HOME/llm-pricing` or
  /// `~/.cache/llm-pricing` on Linux).
  public static var defaultDirectory: URL {
    let environment = ProcessInfo.processInfo.environment
    if let path = environment["LLM_PRICING_CACHE_DIR"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    let caches =
      FileManager.default.urls(for: .cachesDirectory, in: .userDomainMask).first
      ?? URL(fileURLWithPath: NSTemporaryDirectory())
    return caches.appendingPathComponent("llm-pricing")
  }

  /// Where a catalog in use came from.
  public enum Origin: Hashable, Sendable, CustomStringConvertible {
    /// The catalog compiled into the library.
    case builtIn
    /// The installed catalog, from a URL or file.
    case installed(source: String)

    /// `built-in`, or `installed from SOURCE`.
    public var description: String {
      switch self {
      case .builtIn: "built-in"
      case .installed(let source): "installed from \(source)"
      }
    }
  }

  /// What the store knows about the installed catalog.
  public struct Metadata: Hashable, Sendable, Codable {
    /// The URL or file it came from.
    public var source: String
    /// The server's ETag, sent back as `If-None-Match` on the next update.
    public var etag: String?
    /// When it was installed.
    public var installedAt: Date
  }

  /// The installed catalog and its metadata, or why there is none usable.
  public func installed() -> Result<(catalog: Catalog, metadata: Metadata), PricingError>? {
    guard let data = FileManager.default.contents(atPath: catalogFile.path) else { return nil }
    do {
      let catalog = try Catalog.decode(from: data)
      var metadata = Metadata(source: catalogFile.path, etag: nil, installedAt: .distantPast)
      if let meta = FileManager.default.contents(atPath: metadataFile.path) {
        metadata = (try? StrictJSONDecoder().decode(Metadata.self, from: meta)) ?? metadata
      }
      return .success((catalog, metadata))
    } catch let error as PricingError {
      return .failure(
        PricingError(
          error.code,
          "the installed catalog \(catalogFile.path) is invalid: \(error.message)"
        )
      )
    } catch {
      return .failure(PricingError(.invalidData, "\(error)"))
    }
  }

  /// The catalog to price with: the newest valid one of the installed catalog and the
  /// built-in one, by publication date; the built-in one when `includeUpdates` is false.
  ///
  /// - Parameter includeUpdates: Whether to consider the installed catalog.
  /// - Returns: The catalog, where it came from, and a note when the installed one was
  ///   passed over (invalid or older).
  public func catalogInUse(
    includeUpdates: Bool = true
  ) -> (catalog: Catalog, origin: Origin, note: String?) {
    let builtIn = Catalog.builtIn
    guard includeUpdates, let installed = installed() else { return (builtIn, .builtIn, nil) }
    switch installed {
    case .failure(let error):
      return (builtIn, .builtIn, error.message + "; using the built-in catalog")
    case .success(let (catalog, metadata)):
      guard let published = catalog.publishedAt, published > (builtIn.publishedAt ?? .distantPast)
      else {
        return (
          builtIn, .builtIn,
          "the installed catalog is not newer than the built-in one; using the built-in catalog"
        )
      }
      return (catalog, .installed(source: metadata.source), nil)
    }
  }

  /// What an update did.
  public enum Outcome: Hashable, Sendable {
    /// A newer catalog was validated and installed.
    case installed(publishedAt: Date, offerings: Int)
    /// The server said the catalog has not changed since the installed one (HTTP 304).
    case notModified
  }

  /// Validates a catalog and installs it atomically, if it is newer than the one in use.
  ///
  /// - Parameters:
  ///   - data: The catalog file's bytes.
  ///   - source: Where it came from, for messages and ``Metadata``.
  ///   - etag: The server's ETag, if any.
  /// - Returns: ``Outcome/installed(publishedAt:offerings:)``.
  /// - Throws: ``PricingError/Code/invalidData`` naming the key path of a file that does
  ///   not validate, or saying the catalog is not newer than the one in use; file-system
  ///   errors. Nothing is replaced when it throws.
  public func install(_ data: Data, source: String, etag: String? = nil) throws -> Outcome {
    let catalog: Catalog
    do {
      catalog = try Catalog.decode(from: data)
    } catch let error as PricingError {
      throw PricingError(error.code, "the catalog from \(source) was refused: \(error.message)")
    }
    guard let published = catalog.publishedAt else {
      throw PricingError(
        .invalidData,
        "the catalog from \(source) was refused: it has no publishedAt, so it cannot be "
          + "told newer than the catalog in use"
      )
    }
    let current = catalogInUse().catalog
    if let inUse = current.publishedAt, published <= inUse {
      throw PricingError(
        .invalidData,
        "the catalog from \(source) was refused: published \(published.formatted(.iso8601)), "
          + "not newer than the catalog in use (\(inUse.formatted(.iso8601)))"
      )
    }
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    let metadata = Metadata(source: source, etag: etag, installedAt: Date())
    // Each write goes to a temporary file that is renamed over the old one.
    try data.write(to: catalogFile, options: .atomic)
    try encoder.encode(metadata).write(to: metadataFile, options: .atomic)
    return .installed(publishedAt: published, offerings: catalog.offerings.count)
  }

  /// Fetches a catalog from a URL, validates it, and installs it if it is newer.
  ///
  /// Sends the installed catalog's ETag as `If-None-Match`; a `file:` URL is read directly.
  ///
  /// - Parameters:
  ///   - url: Where the catalog is published.
  ///   - timeout: How long to wait for the server, in seconds; the default is 30.
  /// - Returns: What the update did.
  /// - Throws: ``PricingError/Code/invalidData`` for a network failure or timeout, an HTTP
  ///   status other than 200 or 304, or a catalog that is refused (see
  ///   ``install(_:source:etag:)``). Nothing is replaced when it throws.
  public func update(from url: URL, timeout: TimeInterval = 30) async throws -> Outcome {
    if url.isFileURL {
      guard let data = FileManager.default.contents(atPath: url.path) else {
        throw PricingError(.invalidData, "cannot read catalog file '\(url.path)'")
      }
      return try install(data, source: url.path)
    }
    var request = URLRequest(url: url, timeoutInterval: timeout)
    if case .success(let (_, metadata)) = installed(), metadata.source == url.absoluteString,
      let etag = metadata.etag
    {
      request.setValue(etag, forHTTPHeaderField: "If-None-Match")
    }
    let data: Data
    let response: URLResponse
    // A session of its own, so the whole fetch (not only each silence) is bounded.
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout
    let session = URLSession(configuration: configuration)
    defer { session.finishTasksAndInvalidate() }
    do {
      (data, response) = try await session.data(for: request)
    } catch {
      let reason =
        (error as? URLError)?.code == .timedOut
        ? "no answer within \(Int(timeout)) s" : error.localizedDescription
      throw PricingError(
        .invalidData,
        "could not fetch \(url.absoluteString): \(reason); the catalog in use is unchanged"
      )
    }
    let status = (response as? HTTPURLResponse)?.statusCode ?? 200
    if status == 304 { return .notModified }
    guard status == 200 else {
      throw PricingError(
        .invalidData,
        "\(url.absoluteString) answered HTTP \(status); the catalog in use is unchanged"
      )
    }
    let etag = (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "ETag")
    return try install(data, source: url.absoluteString, etag: etag)
  }
}
