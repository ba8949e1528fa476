#!/usr/bin/env bash
# Runs every benchmark script (scripts/bench_*.py) against a built binary. Each prints its figures
# beside a peer measured in the same run.
set -euo pipefail
here="$(dirname "$0")"
status=0
for script in "$here"/bench_*.py; do
  echo "== $(basename "$script" .py)"
  python3 "$script" "$@" || status=1
  echo
done
exit $status
