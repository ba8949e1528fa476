#!/usr/bin/env bash
# Starts the demo health endpoints, declares a payments incident and watches the checks, so the
# flapping payments check turns DOWN and UP again and lands in the incident's timeline.
# Usage: scripts/health-demo.sh [path/to/sitrep]   (Ctrl-C stops; the demo server stops with it)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sitrep=${1:-"$here/../.build/debug/sitrep"}
export SITREP_DB=${SITREP_DB:-/tmp/sitrep-health-demo.sqlite}
"$(dirname "$sitrep")/sitrep-bench" demo-server --port 18080 --flap-period 15s &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
sleep 1
key=$("$sitrep" declare "Payments errors reported by support" --severity P1 --service payments --user demo)
echo "declared $key; watch it with: SITREP_DB=$SITREP_DB $sitrep show $key"
"$sitrep" health watch --checks "$here/demo-checks.yaml" --user demo
