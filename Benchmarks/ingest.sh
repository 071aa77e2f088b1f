#!/usr/bin/env bash
# Log ingestion benchmark: LLMPricing against JSONDecoder and the Python peers, on the same log.
#   bash Benchmarks/ingest.sh [LINES]      (default 1,000,000 lines, about 320 MB)
# Writes a realistic DeepSeek usage log, runs `llm-pricing-bench --ingest` (end to end on one
# core: read, parse, price, aggregate by model, day and team; and JSONDecoder decoding the
# same lines), times `llm-cost ingest` on the same file with one job and with every core
# (throughput and peak memory), then prices the first 20,000 lines with genai-prices,
# LiteLLM and tokencost (json.loads + extract + price).
set -euo pipefail
cd "$(dirname "$0")/.."
lines="${1:-1000000}"
log="$(mktemp -t llm-pricing-log.XXXXXX).jsonl"
trap 'rm -f "$log" "$log.peers.json"' EXIT

python3 Benchmarks/make-log.py "$log" "$lines"
# One product per call: given several, SwiftPM builds only the last.
swift build -c release --product llm-pricing-bench >&2
swift build -c release --product llm-cost >&2
bench="$(.build/release/llm-pricing-bench --ingest "$log")"
echo "$bench"
bytes="$(wc -c < "$log")"
cores="$(getconf _NPROCESSORS_ONLN)"
for jobs in 1 "$cores"; do
  start="$(date +%s.%N)"
  if command -v /usr/bin/time >/dev/null; then
    peak="$(/usr/bin/time -f '%M' .build/release/llm-cost ingest "$log" \
      --group-by model,day,tag:team --currency CNY --jobs "$jobs" 2>&1 >/dev/null | tail -1)"
  else
    .build/release/llm-cost ingest "$log" --group-by model,day,tag:team --currency CNY \
      --jobs "$jobs" >/dev/null
    peak=""
  fi
  end="$(date +%s.%N)"
  python3 -c 'import sys; b, s, e, j, p = sys.argv[1:]; t = float(e) - float(s); m = f", peak {int(p) / 1024:.0f} MB" if p else ""; print(f"llm-cost ingest --jobs {j}: {int(b) / t / 1e6:.1f} MB/s ({t:.2f} s{m})")' \
    "$bytes" "$start" "$end" "$jobs" "$peak"
done
bash Benchmarks/peers/run.sh "$log" --limit 20000 --json > "$log.peers.json"
mbps="$(echo "$bench" | sed -n 's/^ingest: \([0-9.]*\) MB\/s.*/\1/p')"
python3 - "$log.peers.json" "$mbps" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
ours = float(sys.argv[2])
print(f"\nSame log, end to end (read + parse + price), MB/s:")
print(f"  {'LLMPricing':<24} {ours:10.1f}")
for peer in report["peers"]:
    if not peer["ok"]:
        print(f"  {peer['name']:<24} failed: {peer['error']}")
        continue
    seconds = peer["seconds"] + peer.get("parse_seconds", 0)
    rate = peer["bytes"] / seconds / 1e6
    print(f"  {peer['name'] + ' ' + peer['version']:<24} {rate:10.2f}   LLMPricing is {ours / rate:,.0f}× faster")
PY
