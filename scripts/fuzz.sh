#!/usr/bin/env bash
# make fuzz: every libFuzzer target for FUZZ_RUNS executions (default 1,000,000) under
# AddressSanitizer and LeakSanitizer, a hang being any input over 1 s. New inputs that add
# coverage are merged into Tests/FuzzingTests/Corpus/TARGET; a crash, leak or hang is written
# there as crash-*, leak-* or timeout-* (commit it: make test replays it) and fails the run.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${FUZZ_RUNS:-1000000}
# FUZZ_SECONDS caps each target's time as well (0: no cap), for a shorter run than 1,000,000.
seconds=${FUZZ_SECONDS:-0}
jobs=${FUZZ_JOBS:-2}
scratch=.build-fuzz
targets=${FUZZ_TARGETS:-runbook gatus condition theme config template webhook reducer}
swift build -c release --scratch-path "$scratch" --sanitize=fuzzer --sanitize=address \
  -Xswiftc -DFUZZING -Xswiftc -use-ld=lld --product sitrep-fuzz 2>&1 | grep -v "Cannot export local symbol" | tail -3
binary=$scratch/release/sitrep-fuzz
[ -x "$binary" ] || { echo "fuzz: no $binary"; exit 1; }
work=$scratch/fuzz-work
rm -rf "$work" && mkdir -p "$work"

fuzz_one() {
  local target=$1 corpus=Tests/FuzzingTests/Corpus/$1 dir=$work/$1
  local max_len=4096
  [ "$target" = reducer ] && max_len=192
  mkdir -p "$dir/new"
  local before
  before=$(ls "$corpus" | wc -l)
  local start
  start=$(date +%s.%N)
  SITREP_FUZZ_TARGET=$target SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1:quarantine_size_mb=64 \
    "$binary" "$dir/new" "$corpus" -runs="$runs" -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -max_len=$max_len \
    -print_final_stats=1 -artifact_prefix="$corpus/" >"$dir/log" 2>&1
  local status=$?
  local end
  end=$(date +%s.%N)
  SITREP_FUZZ_TARGET=$target SWIFT_BACKTRACE=enable=no "$binary" -merge=1 "$corpus" "$dir/new" >"$dir/merge.log" 2>&1
  local executions peak
  executions=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$dir/log" | grep -oE '[0-9]+$')
  peak=$(grep -oE 'stat::peak_rss_mb: [0-9]+' "$dir/log" | grep -oE '[0-9]+$')
  local findings
  findings=$(ls "$corpus" | grep -cE '^(crash|leak|timeout|oom)-' || true)
  local verdict=ok
  [ "$status" -ne 0 ] && verdict="FAILED (exit $status, see $dir/log)"
  awk -v t="$target" -v n="${executions:-0}" -v s="$start" -v e="$end" -v r="${peak:-?}" \
    -v b="$before" -v a="$(ls "$corpus" | wc -l)" -v f="$findings" -v v="$verdict" \
    'BEGIN { d = e - s; printf "%-10s %10d runs %7.0f s %8.0f exec/s  peak RSS %5s MB  corpus %4d -> %4d  reproducers %d  %s\n", t, n, d, n / d, r, b, a, f, v }'
  [ "$status" -eq 0 ]
}
export -f fuzz_one
export runs seconds work binary
echo "fuzz: $runs executions per target (at most ${seconds}s each; 0 is no limit), $jobs at a time"
printf '%s\n' $targets | xargs -P "$jobs" -I{} bash -c 'fuzz_one {}' | tee "$scratch/fuzz-report.txt"
status=${PIPESTATUS[1]}
[ "$status" -eq 0 ] && echo "fuzz: every target passed" || echo "fuzz: a target failed"
exit "$status"
