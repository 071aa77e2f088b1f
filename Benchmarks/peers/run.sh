#!/usr/bin/env bash
# Price the benchmark's records with the peer Python libraries and print their throughput.
#   Benchmarks/peers/run.sh RECORDS.csv [--limit N] [--json] [peers.py options...]
# Creates Benchmarks/peers/.venv on first use and (re)installs requirements.txt whenever it
# or constraints.txt changes. Runnable from any working directory; relative paths in the
# arguments are taken relative to the caller's directory. PYTHON overrides the interpreter
# used to create the venv (default python3).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
py="$venv/bin/python"
stamp="$venv/.requirements.sha256"

if [[ ! -x "$py" ]]; then
  rm -rf "$venv"
  "${PYTHON:-python3}" -m venv "$venv"
fi

want="$(cat "$here/requirements.txt" "$here/constraints.txt" | sha256sum | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "peers: installing requirements into $venv" >&2
  PIP_DISABLE_PIP_VERSION_CHECK=1 "$py" -m pip install --quiet \
    -r "$here/requirements.txt" -c "$here/constraints.txt"
  echo "$want" > "$stamp"
fi

exec "$py" "$here/peers.py" "$@"
