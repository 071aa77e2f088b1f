#!/usr/bin/env bash
# libFuzzer targets for the library's parsers (Tests/Fuzz; see Docs/Fuzzing.md).
#
#   bash Scripts/fuzz.sh build                       build .build/fuzz/llm-pricing-fuzz
#   bash Scripts/fuzz.sh run TARGET [SECONDS|-runs=N] fuzz one target (default 60 s)
#   bash Scripts/fuzz.sh ci                          build, then every target for
#                                                    FUZZ_SECONDS (default 20) each
#   bash Scripts/fuzz.sh list                        the target names
#
# One binary holds every target, chosen by FUZZ_TARGET at run time: the library is compiled
# once, with -sanitize=fuzzer,address, as module LLMPricing so internal APIs are reachable.
# The built-in catalog is compiled in from its committed generated source, as `swift build`
# does (Scripts/generate-catalog.sh regenerates it). Seeds live in Tests/Fuzz/Corpus/TARGET;
# runs work on a copy in .build/fuzz/corpus/TARGET, and crashes land in
# .build/fuzz/artifacts/TARGET/. In `ci`, targets listed in FUZZ_ALLOW_FAIL (space-separated)
# report their crashes without failing the run.
set -euo pipefail
cd "$(dirname "$0")/.."

out=.build/fuzz
binary=$out/llm-pricing-fuzz
targets=(
  log-line log-line-differential response stream catalog-file rates-file scenario-file
  workload-file report-file litellm genai-prices decimal cli-options
)

# Longest input per target: a log line or an argument list is short, a file can be long.
max_len() {
  case "$1" in
    decimal) echo 256 ;;
    cli-options) echo 4096 ;;
    log-line | log-line-differential) echo 8192 ;;
    # A stream is fed in many small chunks, and each chunk rescans the pending line.
    stream) echo 16384 ;;
    *) echo 65536 ;;
  esac
}

# The llm-cost files the cli-options target compiles: the option tables and their parser.
cli_files=(Options.swift OptionSpec.swift CommandSpec.swift Suggestion.swift HelpFormatter.swift)

sources() {
  find Sources/LLMPricing -name '*.swift' | LC_ALL=C sort
  find Tests/Fuzz -name '*.swift' | LC_ALL=C sort
  for file in "${cli_files[@]}"; do echo "Examples/llm-cost/$file"; done
}

# The price war's sources and preset files: compiled into the same module, as the fuzz
# binary is one module (their `import LLMPricing` is dropped, and the presets SwiftPM embeds
# as `PackageResources` are written out the same way).
price_war_sources() {
  find Sources/LLMPriceWar -name '*.swift' | LC_ALL=C sort
  find Sources/LLMPriceWar/Presets -name '*.json' | LC_ALL=C sort
}

write_price_war() {
  mkdir -p "$out/generated/pricewar"
  local generated=()
  local file
  while read -r file; do
    [[ $file == *.swift ]] || continue
    sed '/^import LLMPricing$/d' "$file" > "$out/generated/pricewar/$(basename "$file")"
    generated+=("generated/pricewar/$(basename "$file")")
  done < <(price_war_sources)
  {
    echo "enum PackageResources {"
    while read -r file; do
      [[ $file == *.json ]] || continue
      local name
      name=$(basename "$file" | tr -c 'A-Za-z0-9\n' '_')
      echo "  static let ${name}: [UInt8] = Array(#\"\"\""
      cat "$file"
      echo "\"\"\"#.utf8)"
    done < <(price_war_sources)
    echo "}"
  } > "$out/generated/pricewar/PackageResources.swift"
  generated+=("generated/pricewar/PackageResources.swift")
  price_war_files=("${generated[@]}")
}

build() {
  mkdir -p "$out/generated"
  # The CLI's parser imports the library, which here is the module being compiled itself.
  local generated=()
  for file in "${cli_files[@]}"; do
    sed '/^import LLMPricing$/d' "Examples/llm-cost/$file" > "$out/generated/$file"
    generated+=("generated/$file")
  done
  local files
  mapfile -t files < <(sources | grep -v '^Examples/')
  local price_war_files=()
  write_price_war
  echo "== building $binary (${#files[@]} files + the CLI's parser; a few minutes)"
  # -wmo: whole-module optimisation as in a release build; -g for symbolised reports. Run
  # from .build/fuzz because -g leaves module files (LLMPricing-1.swiftmodule…) in the
  # working directory.
  local root=$PWD
  (
    cd "$out"
    swiftc -module-name LLMPricing -package-name llm_pricing -parse-as-library -wmo -O -g \
      -sanitize=fuzzer,address -use-ld=lld \
      "${files[@]/#/$root/}" "${generated[@]}" "${price_war_files[@]}" -o llm-pricing-fuzz
  )
}

# Builds only when the binary is missing or a source (or this script) is newer.
ensure_built() {
  local file
  if [[ -x $binary ]]; then
    while read -r file; do
      [[ $file -nt $binary ]] && { build; return; }
    done < <(sources; price_war_sources; echo Scripts/fuzz.sh)
    return 0
  fi
  build
}

# run TARGET [SECONDS|-runs=N]: prints libFuzzer's output and, last, the executions count.
run() {
  local target=$1 limit=${2:-60}
  if [[ ! " ${targets[*]} " == *" $target "* ]]; then
    echo "unknown target '$target'; targets: ${targets[*]}" >&2
    return 2
  fi
  local corpus=$out/corpus/$target artifacts=$out/artifacts/$target/ log=$out/logs/$target.log
  mkdir -p "$corpus" "$artifacts" "$out/logs"
  cp -n Tests/Fuzz/Corpus/"$target"/* "$corpus"/ 2>/dev/null || true
  local bound=(-max_total_time="$limit")
  [[ $limit == -runs=* ]] && bound=("$limit")
  local status=0
  FUZZ_TARGET=$target SWIFT_BACKTRACE=enable=no "$binary" "${bound[@]}" \
    -max_len="$(max_len "$target")" -timeout=25 -print_final_stats=1 \
    -artifact_prefix="$artifacts" "$corpus" 2>&1 | tee "$log" || status=$?
  local executions
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  echo "== $target: ${executions:-?} executions, exit status $status (log: $log)"
  return "$status"
}

ci() {
  ensure_built
  local seconds=${FUZZ_SECONDS:-20} failed=() target
  mkdir -p "$out/logs"
  for target in "${targets[@]}"; do
    echo "== fuzz $target for ${seconds}s"
    if ! run "$target" "$seconds" > "$out/logs/$target.ci.log" 2>&1; then
      tail -n 40 "$out/logs/$target.ci.log"
      if [[ " ${FUZZ_ALLOW_FAIL:-} " == *" $target "* ]]; then
        echo "== $target crashed (allowed by FUZZ_ALLOW_FAIL)"
      else
        failed+=("$target")
      fi
    else
      tail -n 1 "$out/logs/$target.ci.log"
    fi
  done
  if ((${#failed[@]})); then
    echo "fuzzing found crashes in: ${failed[*]} (inputs in $out/artifacts/)" >&2
    return 1
  fi
  echo "fuzzing passed"
}

case "${1:-}" in
  build) build ;;
  run)
    [[ $# -ge 2 ]] || { echo "usage: $0 run TARGET [SECONDS|-runs=N]" >&2; exit 2; }
    ensure_built
    run "$2" "${3:-60}"
    ;;
  ci) ci ;;
  list) printf '%s\n' "${targets[@]}" ;;
  *)
    echo "usage: $0 build | run TARGET [SECONDS|-runs=N] | ci | list" >&2
    exit 2
    ;;
esac
