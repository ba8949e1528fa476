#!/usr/bin/env python3
"""sitrep stats over 10,000 incidents / 1,000,000 entries beside the sqlite3 CLI running the
same aggregate queries (incidents with milestones and services, reopens, open action items,
runbook step outcomes, service names) in the same run. Target: ratio <= 1.5.

Usage: bench_stats.py SITREP_BINARY [--quick]
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

binary = os.path.abspath(sys.argv[1])
bench = os.path.join(os.path.dirname(binary), "sitrep-bench")
quick = "--quick" in sys.argv
work = tempfile.mkdtemp(prefix="sitrep-bench-stats-")
env = dict(os.environ, SITREP_USER="bench", XDG_CONFIG_HOME=os.path.join(work, "config"))
incidents, entries = (1_000, 100_000) if quick else (10_000, 1_000_000)
repeat = 5 if quick else 11

FROM, BEFORE = "2000-01-01 00:00:00.000", "2100-01-01 00:00:00.000"
WINDOW = f"incident.detectedAt >= '{FROM}' AND incident.detectedAt < '{BEFORE}'"
QUERIES = f"""
SELECT incident.id, incident.key, incident.severity, incident.isDrill, incident.detectedAt, incident.declaredAt,
  incident.acknowledgedAt, incident.mitigatedAt, incident.resolvedAt,
  (SELECT group_concat(service, char(31)) FROM incidentService WHERE incidentId = incident.id)
FROM incident WHERE {WINDOW} ORDER BY incident.detectedAt, incident.id;
SELECT timelineEntry.incidentId, count(*) FROM timelineEntry JOIN incident ON incident.id = timelineEntry.incidentId
WHERE {WINDOW}
  AND timelineEntry.kind = 'status' AND substr(timelineEntry.text, 1, 9) = 'Reopened:'
GROUP BY timelineEntry.incidentId;
SELECT actionItem.incidentId, actionItem.owner, actionItem.dueDate FROM actionItem
JOIN incident ON incident.id = actionItem.incidentId
WHERE actionItem.status = 'open' AND {WINDOW}
ORDER BY actionItem.id;
SELECT runbookRun.incidentId, stepRun.outcome, count(*) FROM stepRun
JOIN runbookRun ON runbookRun.id = stepRun.runbookRunId JOIN incident ON incident.id = runbookRun.incidentId
WHERE {WINDOW}
GROUP BY runbookRun.incidentId, stepRun.outcome;
SELECT DISTINCT service FROM incidentService ORDER BY service;
"""


def run(args):
    return subprocess.run(args, env=env, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def timed(args):
    start = time.perf_counter()
    run(args)
    return time.perf_counter() - start


db = os.path.join(work, "big.sqlite")
run([bench, "seed", "--incidents", str(incidents), "--entries", str(entries), "--db", db])
stats_args = [binary, "stats", "--since", "2000-01-01", "--until", "2099-12-31", "--json", "--db", db]
peer_args = ["sqlite3", "-readonly", db, QUERIES]
# Warm both once, then alternate rounds so neither side gets the quieter moments.
run(stats_args)
run(peer_args)
sitrep_samples, peer_samples = [], []
for _ in range(repeat):
    sitrep_samples.append(timed(stats_args))
    peer_samples.append(timed(peer_args))
sitrep_ms = statistics.median(sitrep_samples) * 1000
peer_ms = statistics.median(peer_samples) * 1000
ratio = sitrep_ms / peer_ms
print(f"| `sitrep stats --json`, {incidents:,} incidents / {entries:,} entries | {sitrep_ms:.1f} ms "
      f"| `sqlite3`, the same five queries {peer_ms:.1f} ms | {ratio:.2f} (<= 1.5: {'ok' if ratio <= 1.5 else 'OVER'}) |")
shutil.rmtree(work, ignore_errors=True)
sys.exit(0 if ratio <= 1.5 else 1)
