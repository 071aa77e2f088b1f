#!/usr/bin/env bash
# Extracts every ```swift block of README.md, the DocC catalogs and Docs/ into the DocSnippets
# test target (Tests/DocSnippets), so every build compiles the documentation's code and
# `swift test` runs its tests. Run it after editing a code block; `--check` (CI) fails when
# the committed target is not what the Markdown says.
set -euo pipefail
cd "$(dirname "$0")/.."
files=(
  README.md Sources/LLMPricing/LLMPricing.docc/*.md Sources/LLMPricing/LLMPricing.docc/Articles/*.md
  Sources/LLMPriceWar/LLMPriceWar.docc/*.md Sources/LLMPriceWar/LLMPriceWar.docc/Articles/*.md
  Docs/*.md
)
target=Tests/DocSnippets
swift build --product snippet-extract > /dev/null
extract="$(swift build --show-bin-path)/snippet-extract"
if [ "${1:-}" = "--check" ]; then
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
  "$extract" "$scratch" "${files[@]}"
  swift format format --configuration .swift-format --in-place "$scratch"/*.swift
  if ! diff -ru "$target" "$scratch"; then
    echo "Tests/DocSnippets is out of date with the Markdown: run bash Scripts/snippets.sh" >&2
    exit 1
  fi
  echo "snippets: $(ls "$target" | wc -l) files current"
else
  rm -f "$target"/*.swift
  "$extract" "$target" "${files[@]}"
  swift format format --configuration .swift-format --in-place "$target"/*.swift
  echo "wrote $target"
fi
