#!/usr/bin/env bash
# Release benchmark of LLMPricing against the Python peers, on the same records, in one run.
#   bash Benchmarks/run.sh [RECORDS]      (default 10,000,000)
# Builds llm-pricing-bench in release mode, prices RECORDS generated records, writes the
# DeepSeek chat/reasoner records as CSV, prices exactly those with genai-prices, LiteLLM and
# tokencost (installed from PyPI into Benchmarks/peers/.venv), and prints the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
records="${1:-10000000}"
csv="$(mktemp -t llm-pricing-peer-records.XXXXXX.csv)"
trap 'rm -f "$csv" "$csv.json"' EXIT

swift build -c release --product llm-pricing-bench >&2
bench_out="$(.build/release/llm-pricing-bench --records "$records" --emit-peer-records "$csv")"
echo "$bench_out"
swift_rate="$(echo "$bench_out" | sed -n 's/.*prices them at \([0-9]*\) records\/s.*/\1/p')"

bash Benchmarks/peers/run.sh "$csv" --json > "$csv.json"
python3 - "$csv.json" "$swift_rate" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
swift = float(sys.argv[2])
print(f"\nSame records ({report['records_in_file']:,} DeepSeek chat/reasoner usages, USD lists):")
print(f"  {'LLMPricing':<14} {swift:>14,.0f} records/s")
for peer in report["peers"]:
    if not peer["ok"]:
        print(f"  {peer['name']:<14} failed: {peer['error']}")
        continue
    rate = peer["records_per_second"]
    print(f"  {peer['name'] + ' ' + peer['version']:<24} {rate:>12,.0f} records/s"
          f"   LLMPricing is {swift / rate:,.0f}× faster   (import {peer['import_seconds']:.2f} s)")
PY
