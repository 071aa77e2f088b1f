#!/usr/bin/env bash
# Cold start of `llm-cost models` (process start, building and compiling the whole built-in
# catalog, pricing lookups, JSON output) against the process start alone (`--help`).
#   bash Benchmarks/cold-start.sh [RUNS]     (default 50)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product llm-cost >&2
python3 - "${1:-50}" <<'PY'
import statistics, subprocess, sys, time
runs = int(sys.argv[1])
binary = ".build/release/llm-cost"
for label, args in [
    ("llm-cost --help (process start only)", ["--help"]),
    ("llm-cost models", ["models"]),
    ("llm-cost models --json", ["models", "--json"]),
]:
    for _ in range(3):
        subprocess.run([binary, *args], capture_output=True, check=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([binary, *args], capture_output=True, check=True)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(f"{label:<40} median {statistics.median(times):6.1f} ms   "
          f"p10 {times[len(times) // 10]:6.1f} ms   min {times[0]:6.1f} ms   ({runs} runs)")
PY
