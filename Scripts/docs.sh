#!/usr/bin/env bash
# Builds the DocC catalogs of both library products, LLMPricing and LLMPriceWar, from their
# symbol graphs, with warnings as errors: .build/docs/LLMPricing and .build/docs/LLMPriceWar.
set -euo pipefail
cd "$(dirname "$0")/.."
# A build path of its own: the symbol graphs are written only when a module compiles, so
# they are kept beside the build that wrote them, and rebuilt from scratch if missing.
build=.build/docs-build
graphs="$build/symbol-graphs"
if [ ! -f "$graphs/LLMPricing.symbols.json" ] || [ ! -f "$graphs/LLMPriceWar.symbols.json" ]; then
  rm -rf "$build" && mkdir -p "$graphs"
fi
rm -rf .build/docs && mkdir -p .build/docs
swift build --build-path "$build" --target LLMPriceWar \
  -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$(pwd)/$graphs"
for module in LLMPricing LLMPriceWar; do
  # Each catalog sees its own module's graphs; LLMPriceWar links to LLMPricing's symbols
  # by their full path (``LLMPricing/ExchangeRates``), which DocC resolves as text.
  module_graphs="$build/graphs-$module"
  rm -rf "$module_graphs" && mkdir -p "$module_graphs"
  cp "$graphs/$module".symbols.json "$module_graphs"/
  find "$graphs" -name "$module@*.symbols.json" -exec cp {} "$module_graphs"/ \;
  docc convert "Sources/$module/$module.docc" \
    --additional-symbol-graph-dir "$module_graphs" \
    --output-path ".build/docs/$module" \
    --fallback-display-name "$module" \
    --fallback-bundle-identifier "org.llmpricing.$module" \
    --default-code-listing-language swift \
    --warnings-as-errors
done
echo "docs: .build/docs/LLMPricing, .build/docs/LLMPriceWar"
