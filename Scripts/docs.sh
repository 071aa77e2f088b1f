#!/usr/bin/env bash
# Builds the LLMPricing DocC catalog from a symbol graph, with warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."
graphs=.build/symbol-graphs
rm -rf "$graphs" .build/docs && mkdir -p "$graphs"
swift build --target LLMPricing \
  -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$graphs"
docc convert Sources/LLMPricing/LLMPricing.docc \
  --additional-symbol-graph-dir "$graphs" \
  --output-path .build/docs \
  --fallback-display-name LLMPricing \
  --fallback-bundle-identifier org.llmpricing.LLMPricing \
  --default-code-listing-language swift \
  --warnings-as-errors
echo "docs: .build/docs"
