#!/usr/bin/env python3
"""sitrep benchmarks: each figure printed beside a peer measured in the same run.

Usage: bench_store.py SITREP_BINARY [--quick]
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

binary = os.path.abspath(sys.argv[1])
# Data generators and in-process drivers: the developers' binary built beside it.
bench = os.path.join(os.path.dirname(binary), "sitrep-bench")
quick = "--quick" in sys.argv
work = tempfile.mkdtemp(prefix="sitrep-bench-")
env = dict(os.environ, SITREP_USER="bench", XDG_CONFIG_HOME=os.path.join(work, "config"))
rows = []


def run(args, **kwargs):
    return subprocess.run(args, env=env, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def timed(args, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        run(args)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def report(name, figure, peer_name, peer, unit, target):
    ratio = figure / peer if peer else float("inf")
    if target is None:
        verdict, bound = "reported", ""
    else:
        verdict, bound = ("ok" if ratio <= target else "OVER"), f"<= {target}"
    rows.append((name, f"{figure:.2f} {unit}", f"{peer_name} {peer:.2f} {unit}", f"{ratio:.2f}", bound, verdict))


# 1. Durable single-note append, in process: store vs raw sqlite3 C API, interleaved.
out = run([bench, "append", "--folder", work, "--iterations", "100" if quick else "300"]).stdout.decode()
store_ms, raw_ms, _ = (float(x) for x in out.split())
report("append one note (in-process, durable)", store_ms, "sqlite3 C API", raw_ms, "ms", 1.5)

# Start-up alone, which the two whole-process figures below include: the argument parser's
# shortest path (`--version`) beside sqlite3's.
report("start-up only (`--version`)", timed([binary, "--version"], 15 if quick else 40) * 1000, "sqlite3 -version",
       timed(["sqlite3", "-version"], 15 if quick else 40) * 1000, "ms", None)

# 2. `sitrep note` as a whole process vs `sqlite3 DB "INSERT ..."` as a whole process.
db = os.path.join(work, "note.sqlite")
key = run([binary, "declare", "Process benchmark", "--severity", "P3", "--db", db]).stdout.decode().strip()
peer_db = os.path.join(work, "peer.sqlite")
run(["sqlite3", peer_db, "PRAGMA journal_mode=WAL; CREATE TABLE entry (id INTEGER PRIMARY KEY, text TEXT NOT NULL, at TEXT);"])
repeat = 15 if quick else 40
note_times, sqlite_times = [], []
for number in range(repeat):
    start = time.perf_counter()
    run([binary, "note", key, f"note {number}", "--db", db])
    middle = time.perf_counter()
    run(["sqlite3", "-cmd", "PRAGMA synchronous=FULL", peer_db, f"INSERT INTO entry (text, at) VALUES ('note {number}', datetime('now'));"])
    sqlite_times.append(time.perf_counter() - middle)
    note_times.append(middle - start)
report("`sitrep note` process", statistics.median(note_times) * 1000, "sqlite3 INSERT process",
       statistics.median(sqlite_times) * 1000, "ms", 2.0)

# 3. `sitrep list --json` on 10,000 incidents / 1,000,000 entries vs the sqlite3 CLI.
incidents, entries = (2000, 200000) if quick else (10000, 1000000)
big = os.path.join(work, "big.sqlite")
start = time.perf_counter()
run([bench, "seed", "--incidents", str(incidents), "--entries", str(entries), "--db", big])
seed_seconds = time.perf_counter() - start
rows.append((f"seed {incidents} incidents / {entries} entries", f"{seed_seconds:.1f} s", "", "", "< 60 s",
             "ok" if seed_seconds < 60 else "OVER"))
query = """
SELECT json_group_array(json_object('key', key, 'title', title, 'severity', severity, 'status', status,
  'drill', json(CASE isDrill WHEN 1 THEN 'true' ELSE 'false' END),
  'services', (SELECT json_group_array(service) FROM incidentService WHERE incidentId = incident.id),
  'commander', (SELECT person FROM roleAssignment WHERE incidentId = incident.id AND role = 'commander'
                AND endedAt IS NULL ORDER BY id DESC LIMIT 1),
  'declaredAt', declaredAt, 'lastEntryAt', lastEntryAt, 'entries', timelineCount))
FROM (SELECT * FROM incident WHERE status IN ('detected', 'acknowledged', 'investigating', 'mitigated') ORDER BY severity, declaredAt, id) AS incident;
"""
run([binary, "list", "--json", "--db", big])
list_time = timed([binary, "list", "--json", "--db", big], 9 if quick else 21)
sqlite_list = timed(["sqlite3", big, query], 9 if quick else 21)
report("`sitrep list --json` (10k/1M db)", list_time * 1000, "sqlite3 CLI query", sqlite_list * 1000, "ms", 2.0)

widths = [max(len(str(row[i])) for row in rows + [("benchmark", "sitrep", "peer", "ratio", "target", "")]) for i in range(6)]
header = ("benchmark", "sitrep", "peer", "ratio", "target", "")
for row in [header] + rows:
    print("  ".join(str(cell).ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
shutil.rmtree(work, ignore_errors=True)
