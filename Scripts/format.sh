#!/usr/bin/env bash
# Formats every Swift file in place, then lints strictly, as CI does.
set -euo pipefail
cd "$(dirname "$0")/.."
swift format format --in-place --recursive --parallel Package.swift Sources Tests Examples Benchmarks Scripts
swift format lint --strict --recursive --parallel Package.swift Sources Tests Examples Benchmarks Scripts
