#!/usr/bin/env bash
# Builds the LLMPricing DocC catalog from a symbol graph, with warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."
# A build path of its own: the symbol graphs are written only when the module compiles, so
# they are kept beside the build that wrote them, and rebuilt from scratch if missing.
build=.build/docs-build
graphs="$build/symbol-graphs"
if [ ! -f "$graphs/LLMPricing.symbols.json" ]; then
  rm -rf "$build" && mkdir -p "$graphs"
fi
rm -rf .build/docs
swift build --build-path "$build" --target LLMPricing \
  -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$(pwd)/$graphs"
docc convert Sources/LLMPricing/LLMPricing.docc \
  --additional-symbol-graph-dir "$graphs" \
  --output-path .build/docs \
  --fallback-display-name LLMPricing \
  --fallback-bundle-identifier org.llmpricing.LLMPricing \
  --default-code-listing-language swift \
  --warnings-as-errors
echo "docs: .build/docs"
