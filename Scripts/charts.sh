#!/usr/bin/env bash
# Regenerates the charts the README shows (Docs/charts), with the same llm-cost commands the
# README prints. ChartCommandTests fails when a committed chart differs from what they draw.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product llm-cost > /dev/null
bin="$(swift build --show-bin-path)/llm-cost"
"$bin" compare --workload customer-service --month 2026-11 --currency CNY --top 15 --paid-only \
  --svg Docs/charts/customer-service-2026-11.svg > /dev/null
"$bin" monthly --workload coding --model deepseek-flash --month 2027-01 --months 6 \
  --svg Docs/charts/coding-deepseek-flash-2027.svg > /dev/null
echo "wrote Docs/charts"
