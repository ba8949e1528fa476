#!/usr/bin/env python3
"""sitrep report benchmarks: each figure printed beside a peer measured in the same run.

`sitrep postmortem` of an incident with 100,000 timeline entries (whole process: wall time and
peak RSS) beside the sqlite3 CLI writing the same timeline rows as a Markdown table.

Usage: bench_reports.py SITREP_BINARY [--quick]
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
work = tempfile.mkdtemp(prefix="sitrep-bench-reports-")
env = dict(os.environ, SITREP_USER="bench", XDG_CONFIG_HOME=os.path.join(work, "config"))
rows = []


def run(args):
    return subprocess.run(args, env=env, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def measure(args, repeat):
    """Median wall time in seconds and the largest peak RSS in MB over `repeat` runs."""
    samples, peak = [], 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, _, usage = os.wait4(process.pid, 0)
        samples.append(time.perf_counter() - start)
        peak = max(peak, usage.ru_maxrss / 1024.0)
    return statistics.median(samples), peak


def report(name, figure, peer_name, peer, unit, target):
    ratio = figure / peer if peer else float("inf")
    verdict = "ok" if ratio <= target else "OVER"
    rows.append((name, f"{figure:.1f} {unit}", f"{peer_name} {peer:.1f} {unit}", f"{ratio:.2f}", f"<= {target}", verdict))


def absolute(name, figure, unit, limit):
    rows.append((name, f"{figure:.1f} {unit}", "", "", f"<= {limit} {unit}", "ok" if figure <= limit else "OVER"))


entries = 100000
db = os.path.join(work, "reports.sqlite")
run([bench, "seed", "--incidents", "1", "--entries", str(entries), "--db", db])
key = run(["sqlite3", db, "SELECT key FROM incident LIMIT 1"]).stdout.decode().strip()
out = os.path.join(work, "draft.md")
peer_sql = (
    "SELECT substr(eventAt, 12, 8) AS time, author AS who, text AS what FROM timelineEntry "
    f"WHERE incidentId = (SELECT id FROM incident WHERE key = '{key}') ORDER BY eventAt, sequence;"
)
sitrep_args = [binary, "postmortem", key, "--db", db, "-o", out]
peer_args = ["sqlite3", "-cmd", ".mode markdown", "-cmd", f".output {os.path.join(work, 'peer.md')}", db, peer_sql]

run(sitrep_args)
run(peer_args)
repeat = 5 if quick else 15
sitrep_times, peer_times, sitrep_peak, peer_peak = [], [], 0.0, 0.0
for _ in range(repeat):
    seconds, peak = measure(sitrep_args, 1)
    sitrep_times.append(seconds)
    sitrep_peak = max(sitrep_peak, peak)
    seconds, peak = measure(peer_args, 1)
    peer_times.append(seconds)
    peer_peak = max(peer_peak, peak)
sitrep_ms = statistics.median(sitrep_times) * 1000
peer_ms = statistics.median(peer_times) * 1000
lines = sum(1 for _ in open(out, encoding="utf-8"))
if lines < entries:
    print(f"draft has {lines} lines, expected at least {entries}")
    sys.exit(1)

absolute(f"`sitrep postmortem` ({entries:,} entries), wall", sitrep_ms, "ms", 200)
report(f"`sitrep postmortem` ({entries:,} entries) vs peer", sitrep_ms, "sqlite3 .mode markdown", peer_ms, "ms", 1.5)
absolute("`sitrep postmortem` peak RSS", sitrep_peak, "MB", 100)
rows.append(("sqlite3 .mode markdown peak RSS", f"{peer_peak:.1f} MB", "", "", "", ""))

header = ("benchmark", "sitrep", "peer", "ratio", "target", "")
widths = [max(len(str(row[i])) for row in rows + [header]) for i in range(6)]
for row in [header] + rows:
    print("  ".join(str(cell).ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
shutil.rmtree(work, ignore_errors=True)
