#!/usr/bin/env bash
# Regenerates the built-in catalog's Swift source from the data files
# (Sources/LLMPricing/Catalog/Data/*.json, in the order of manifest.json). Run it after editing a
# data file, then `swift test`: CatalogDataTests checks the library against the files.
set -euo pipefail
cd "$(dirname "$0")/.."
output=Sources/LLMPricing/Catalog/BuiltIn/BuiltInCatalog+Generated.swift
swift run catalog-codegen Sources/LLMPricing/Catalog/Data "$output"
swift format format --in-place "$output"
echo "wrote $output"
