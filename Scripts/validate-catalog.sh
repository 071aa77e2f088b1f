#!/usr/bin/env bash
# Validates every catalog data file (Sources/LLMPricing/Catalog/Data/*.json) and the exported
# built-in catalog against Docs/catalog.schema.json with the `jsonschema` package from PyPI,
# installed into a virtual environment under .build/ (not a dependency of the library).
# A deliberately broken document must be refused, so the check itself is checked.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build/venv-schema
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check jsonschema
fi
export_file="$(mktemp -t llm-pricing-export.XXXXXX.json)"
trap 'rm -f "$export_file"' EXIT
swift run --skip-build llm-cost catalog export --built-in --output "$export_file"
data_files=()
for file in Sources/LLMPricing/Catalog/Data/*.json; do
  [ "$(basename "$file")" = manifest.json ] || data_files+=("$file")
done
"$venv/bin/python" - "$export_file" "${data_files[@]}" <<'PY'
import json, sys
from jsonschema import Draft202012Validator
validator = Draft202012Validator(json.load(open("Docs/catalog.schema.json")))
failed = 0
for path in sys.argv[1:]:
    errors = list(validator.iter_errors(json.load(open(path))))
    for error in errors[:5]:
        print(f"{path}: at {'/'.join(map(str, error.absolute_path))}: {error.message}")
    failed += bool(errors)
broken = {"formatVersion": 1, "offerings": [], "offeringz": []}
if not list(validator.iter_errors(broken)):
    print("the schema accepted a misspelt top-level key; the check is not checking")
    failed += 1
print(f"catalog schema: {len(sys.argv) - 1} files, {failed} failed")
sys.exit(1 if failed else 0)
PY
