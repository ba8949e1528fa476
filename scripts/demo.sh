#!/usr/bin/env bash
# Seeds a throwaway database with an incident in progress (through the real CLI) and shows it.
set -euo pipefail
bin=${1:?usage: demo.sh SITREP_BINARY DEMO_DIR [SITREP_BENCH_BINARY]}
dir=${2:?usage: demo.sh SITREP_BINARY DEMO_DIR [SITREP_BENCH_BINARY]}
# The demo's health endpoints come from the developers' binary, built beside sitrep.
bench=${3:-"$(dirname "$bin")/sitrep-bench"}
rm -rf "$dir"
mkdir -p "$dir"
export SITREP_DB="$dir/sitrep.sqlite"
export XDG_CONFIG_HOME="$dir/config"
export SITREP_USER=${SITREP_USER:-you}

ago() { date -u -d "-$1 minutes" +%Y-%m-%dT%H:%M:%SZ; }
s() { "$bin" "$@" >/dev/null; }

key=$("$bin" declare "Checkout API returning 500s" --severity P2 --service checkout --service payments \
  --summary "Error rate on POST /checkout jumped from 0.1% to 18% after the 14:02 deploy." \
  --detected-at "$(ago 52)" --at "$(ago 50)" --user pagerduty)
s status "$key" acknowledged --at "$(ago 48)" --user dana
s assign "$key" commander dana --at "$(ago 47)" --user dana
s assign "$key" scribe lee --at "$(ago 46)" --user dana
s note "$key" "Error spike starts 14:03, one minute after deploy 4512 of checkout-api." --at "$(ago 45)" --user lee
s status "$key" investigating --at "$(ago 44)" --user dana
s assign "$key" responder omar --at "$(ago 43)" --user dana
s note "$key" "DB pool saturation on checkout-db-2: 200/200 connections in use." --at "$(ago 40)" --user omar
s severity "$key" P1 --note "EU and US customers affected; revenue impact" --at "$(ago 38)" --user dana
s note "$key" "Status page updated: investigating elevated checkout errors." --kind comms --at "$(ago 36)" --user dana
s note "$key" "Roll back deploy 4512 rather than raise the pool limit." --kind decision --at "$(ago 30)" --user dana
s note "$key" "Rollback to 4511 started." --at "$(ago 28)" --user omar
s edit "$key" impact "About 18% of checkout attempts failed with HTTP 500 for 40 minutes." --at "$(ago 20)" --user lee
s action add "$key" "Add a canary stage to checkout-api deploys" --owner omar --priority high --type prevent \
  --due "$(date -u -d '+7 days' +%Y-%m-%d)" --at "$(ago 15)" --user dana
s action add "$key" "Alert on DB pool saturation above 90%" --owner lee --priority medium --type mitigate \
  --due "$(date -u -d '+3 days' +%Y-%m-%d)" --at "$(ago 14)" --user dana
s note "$key" "Error rate back under 1% on canary hosts; watching the fleet." --at "$(ago 5)" --user omar

# A runbook run recorded on the incident (the demo runbook only reads this machine).
here="$(cd "$(dirname "$0")/.." && pwd)"
SITREP_RUNBOOKS="$here/Runbooks" "$bin" runbook run demo --incident "$key" --yes --user omar \
  --var DEMO_URL=http://127.0.0.1:9/health --var DEMO_SERVICE=demo-worker </dev/null >/dev/null 2>&1 || true

# The outgoing on-call engineer hands over to you; the console shows it until you press K.
"$bin" handoff --to "${SITREP_USER:-you}" --user dana \
  --note "Checkout rollback is holding; watch checkout-db-2 connections and the canary error rate." >/dev/null

other=$("$bin" declare "Search results slow for some users" --severity P3 --service search --at "$(ago 25)" --user sam)
s note "$other" "p99 latency 1.8s in eu-west only." --at "$(ago 22)" --user sam

echo "Demo database: $SITREP_DB"
if [ -t 0 ] && [ -t 1 ]; then
  # Local services for the health pane; payments flaps so a check turns red and back.
  mkdir -p "$XDG_CONFIG_HOME/sitrep"
  cp "$here/scripts/demo-checks.yaml" "$XDG_CONFIG_HOME/sitrep/config.yaml"
  "$bench" demo-server --port 18080 --flap-period 20s >"$dir/demo-server.log" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null || true' EXIT
  SITREP_RUNBOOKS="$here/Runbooks" "$bin" console
  exit 0
fi
echo "(no terminal: showing the incident instead of opening the console)"
echo
"$bin" list
echo
"$bin" show "$key"
