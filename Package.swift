// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "llm-pricing",
  // Int128, the storage of every exact amount, needs these versions on Apple platforms.
  platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2)],
  products: [
    .library(name: "LLMPricing", targets: ["LLMPricing"])
  ],
  targets: [
    .target(
      name: "LLMPricing",
      // The catalog data files: compiled in through Scripts/generate-catalog.sh, not bundled.
      exclude: ["Catalog/Data"]
    ),
    .testTarget(
      name: "LLMPricingTests",
      dependencies: ["LLMPricing"],
      // Read from the source tree by path (#filePath), not bundled as resources.
      exclude: ["Fixtures"]
    ),
    .executableTarget(
      name: "llm-cost",
      dependencies: ["LLMPricing"],
      path: "Examples/llm-cost"
    ),
    .testTarget(
      name: "DocSnippets",
      dependencies: ["LLMPricing"],
      // Generated from the Markdown by Scripts/snippets.sh: the documentation's code.
      path: "Tests/DocSnippets"
    ),
    .testTarget(
      name: "PricingAssumptions",
      dependencies: ["LLMPricing"],
      path: "Examples/PricingAssumptions"
    ),
    .executableTarget(
      name: "quickstart",
      dependencies: ["LLMPricing"],
      path: "Examples/quickstart"
    ),
    .executableTarget(
      name: "usage-report",
      dependencies: ["LLMPricing"],
      path: "Examples/usage-report",
      exclude: ["sample.jsonl"]
    ),
    .executableTarget(
      name: "price-war",
      dependencies: ["LLMPricing"],
      path: "Examples/price-war"
    ),
    .executableTarget(
      name: "catalog-codegen",
      dependencies: ["LLMPricing"],
      path: "Scripts/catalog-codegen"
    ),
    .executableTarget(
      name: "snippet-extract",
      path: "Scripts/snippet-extract"
    ),
    .executableTarget(
      name: "llm-pricing-bench",
      dependencies: ["LLMPricing"],
      path: "Benchmarks/llm-pricing-bench"
    ),
  ]
)
