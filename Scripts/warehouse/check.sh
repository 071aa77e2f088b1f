#!/usr/bin/env bash
# Runs the SQL of `llm-cost warehouse` in real engines and checks its costs exactly against
# `llm-cost ingest`, `llm-cost quote --batch` and an independent computation
# (Scripts/warehouse/check.py says what is checked).
#   bash Scripts/warehouse/check.sh [ENGINE...]     (default: duckdb clickhouse; also spark)
# Creates Scripts/warehouse/.venv on first use and reinstalls whenever a requirements file
# changes; spark installs pyspark too. LLM_COST overrides the binary (default: a debug build).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/../.."
engines=("$@")
[[ ${#engines[@]} -gt 0 ]] || engines=(duckdb clickhouse)

venv="$here/.venv"
py="$venv/bin/python"
requirements=("$here/requirements.txt")
for engine in "${engines[@]}"; do
  [[ "$engine" == spark ]] && requirements+=("$here/requirements-spark.txt")
done
if [[ ! -x "$py" ]]; then
  rm -rf "$venv"
  "${PYTHON:-python3}" -m venv "$venv"
fi
want="$(cat "${requirements[@]}" | sha256sum | cut -d' ' -f1)"
stamp="$venv/.requirements-$(echo "${requirements[@]}" | sha256sum | cut -c1-12)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "warehouse: installing ${requirements[*]##*/} into $venv" >&2
  for file in "${requirements[@]}"; do
    PIP_DISABLE_PIP_VERSION_CHECK=1 "$py" -m pip install --quiet -r "$file"
  done
  echo "$want" > "$stamp"
fi

llm_cost="${LLM_COST:-}"
if [[ -z "$llm_cost" ]]; then
  swift build --product llm-cost >&2
  llm_cost="$(swift build --show-bin-path)/llm-cost"
fi
for engine in "${engines[@]}"; do
  "$py" "$here/check.py" --llm-cost "$llm_cost" --engine "$engine"
done
