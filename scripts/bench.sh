#!/usr/bin/env bash
# Runs the benchmarks against a built binary; see scripts/bench.py.
set -euo pipefail
exec python3 "$(dirname "$0")/bench.py" "$@"
