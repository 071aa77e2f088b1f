// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "llm-pricing",
  // Int128, the storage of every exact amount, needs these versions on Apple platforms.
  platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2)],
  products: [
    .library(name: "LLMPricing", targets: ["LLMPricing"]),
    .library(name: "LLMPriceWar", targets: ["LLMPriceWar"]),
  ],
  targets: [
    .target(
      name: "LLMPricing",
      // The catalog data files: compiled in through Scripts/generate-catalog.sh, not bundled.
      exclude: ["Catalog/Data"]
    ),
    .target(
      name: "LLMPriceWar",
      dependencies: ["LLMPricing"],
      // The preset scenarios: JSON files compiled in as bytes, read like a user's file.
      resources: [
        .embedInCode("Presets/china-may-2024.json"),
        .embedInCode("Presets/minus-93-percent.json"),
        .embedInCode("Presets/gemini-2.5-pro-cut.json"),
        .embedInCode("Presets/us-access-restriction.json"),
        .embedInCode("Presets/deepseek-2026-peak.json"),
      ]
    ),
    .testTarget(
      name: "LLMPriceWarTests",
      dependencies: ["LLMPriceWar", "LLMPricing"],
      // Read from the source tree by path (#filePath), not bundled as resources.
      exclude: ["Golden"]
    ),
    .testTarget(
      name: "LLMPricingTests",
      dependencies: ["LLMPricing", "LLMPriceWar"],
      // Read from the source tree by path (#filePath), not bundled as resources.
      exclude: ["Fixtures"]
    ),
    .executableTarget(
      name: "llm-cost",
      dependencies: ["LLMPricing", "LLMPriceWar"],
      path: "Examples/llm-cost"
    ),
    .testTarget(
      name: "DocSnippets",
      dependencies: ["LLMPricing", "LLMPriceWar"],
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
      dependencies: ["LLMPricing", "LLMPriceWar"],
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
      dependencies: ["LLMPricing", "LLMPriceWar"],
      path: "Benchmarks/llm-pricing-bench"
    ),
  ]
)
