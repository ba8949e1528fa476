#!/usr/bin/env python3
"""Console benchmarks on a 10,000-incident / 1,000,000-entry database, beside sqlite3.

Usage: bench_console.py SITREP_BINARY [--quick]
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
work = tempfile.mkdtemp(prefix="sitrep-bench-console-")
env = dict(os.environ, SITREP_USER="bench", XDG_CONFIG_HOME=os.path.join(work, "config"))
rows = []


def run(args):
    return subprocess.run(args, env=env, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def timed(args, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        run(args)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def row(name, figure, peer, target, ok):
    rows.append((name, figure, peer, target, "ok" if ok else "OVER"))


incidents, entries = (2000, 200000) if quick else (10000, 1000000)
db = os.path.join(work, "big.sqlite")
run([bench, "seed", "--incidents", str(incidents), "--entries", str(entries), "--db", db])

# First screen's queries as the sqlite3 CLI would run them: open incidents with commanders, then
# the newest 200 entries of the top incident.
first_screen = """
SELECT key, title, severity, status, declaredAt,
  (SELECT person FROM roleAssignment WHERE incidentId = incident.id AND role = 'commander' AND endedAt IS NULL
   ORDER BY id DESC LIMIT 1),
  (SELECT group_concat(service) FROM incidentService WHERE incidentId = incident.id)
FROM incident WHERE status IN ('detected', 'acknowledged', 'investigating', 'mitigated') ORDER BY severity, declaredAt, id;
SELECT * FROM timelineEntry WHERE incidentId = (SELECT id FROM incident WHERE status IN ('detected', 'acknowledged', 'investigating', 'mitigated')
  ORDER BY severity, declaredAt, id LIMIT 1) ORDER BY sequence DESC LIMIT 200;
"""
repeat = 7 if quick else 15
run([bench, "console", "--first-frame-only", "--db", db])
process_frame = timed([bench, "console", "--first-frame-only", "--db", db], repeat) * 1000
sqlite_frame = timed(["sqlite3", db, first_screen], repeat) * 1000
row("first frame, whole process (120x40)", f"{process_frame:.1f} ms", f"sqlite3 queries {sqlite_frame:.1f} ms",
    "<= 100 ms", process_frame <= 100)

out = run([bench, "console", "--db", db, "--keys", "300" if quick else "1000"]).stdout.decode().split()
first_frame, per_key, moved_bytes, peak = float(out[0]), float(out[1]), int(out[2]), float(out[3])
changed_cells, list_bytes, repaint_bytes = int(out[4]), int(out[5]), int(out[6])
row("first frame in process (open + queries + render)", f"{first_frame:.1f} ms", "", "<= 100 ms", first_frame <= 100)
row("reducer + render + diff per key (median)", f"{per_key:.3f} ms", "", "<= 2 ms", per_key <= 2)
row("bytes to the terminal, selection moves one row (list)", f"{list_bytes} B",
    "highlight, row and status bar only", "<= 300 B", list_bytes <= 300)
row("  ... and the next incident's timeline redrawn", f"{moved_bytes} B",
    f"{changed_cells} cells changed; full repaint {repaint_bytes} B", "only changed cells",
    moved_bytes < repaint_bytes and moved_bytes <= 2 * changed_cells + 600)
row("peak RSS of the console pipeline", f"{peak:.1f} MB", "", "<= 60 MB", peak <= 60)

header = ("benchmark", "sitrep", "peer / note", "target", "")
widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(5)]
for r in [header] + rows:
    print("  ".join(str(c).ljust(widths[i]) for i, c in enumerate(r)).rstrip())
shutil.rmtree(work, ignore_errors=True)
