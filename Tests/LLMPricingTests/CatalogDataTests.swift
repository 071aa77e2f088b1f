import Foundation
import LLMPricing
import Testing

/// The built-in catalog is the data files: what the library serves must equal what the
/// files say, read by the validating decoder users' files go through.
@Suite("Catalog data files")
struct CatalogDataTests {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/LLMPricing/Catalog/Data")

  struct Manifest: Decodable {
    var formatVersion: Int
    var publishedAt: Date
    var providers: [String]
  }

  static func manifest() throws -> Manifest {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return try decoder.decode(
      Manifest.self,
      from: Data(contentsOf: directory.appendingPathComponent("manifest.json"))
    )
  }

  static func providers() throws -> [String] { try manifest().providers }

  @Test func theLibraryServesExactlyTheDataFiles() throws {
    var fromFiles: [Offering] = []
    var plans: [Plan] = []
    for provider in try Self.providers() {
      let data = try Data(contentsOf: Self.directory.appendingPathComponent("\(provider).json"))
      let catalog = try Catalog.decode(from: data)
      #expect(catalog.offerings.allSatisfy { $0.provider.id == provider }, "\(provider)")
      fromFiles += catalog.offerings
      plans += catalog.plans
    }
    #expect(
      try Catalog.makeBuiltInPlans() == plans,
      "plans differ; run Scripts/generate-catalog.sh"
    )
    #expect(Catalog.builtIn.plans == plans)
    let served = Catalog.builtIn.offerings
    #expect(served.count == fromFiles.count)
    for (file, library) in zip(fromFiles, served) {
      #expect(
        file == library,
        "\(file.id) differs from the data file; run Scripts/generate-catalog.sh"
      )
    }
  }

  @Test func everyDataFileIsListedAndNoneIsMissing() throws {
    let listed = Set(try Self.providers())
    let files = Set(
      try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
        .filter { $0.hasSuffix(".json") && $0 != "manifest.json" }.map { String($0.dropLast(5)) }
    )
    #expect(listed == files)
    #expect(Catalog.builtIn.publishedAt == (try Self.manifest().publishedAt))
  }
}
