#!/usr/bin/env python3
"""Runbook benchmarks: each figure printed beside a peer measured in the same run.

Usage: bench_runbooks.py SITREP_BINARY [--quick]
"""
import os
import subprocess
import sys
import tempfile
import time

binary = os.path.abspath(sys.argv[1])
# Data generators and in-process drivers: the developers' binary built beside it.
bench = os.path.join(os.path.dirname(binary), "sitrep-bench")
quick = "--quick" in sys.argv
here = os.path.dirname(os.path.abspath(__file__))
runbooks = os.path.join(os.path.dirname(here), "Runbooks")
work = tempfile.mkdtemp(prefix="sitrep-bench-runbooks-")
env = dict(os.environ, SITREP_USER="bench", XDG_CONFIG_HOME=os.path.join(work, "config"))
rows = []


def run(args):
    return subprocess.run(args, env=env, cwd=work, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE).stdout.decode()


def measured(args):
    """Runs args to the end; returns (stdout, peak RSS in KiB of it and what it waited for)."""
    process = subprocess.Popen(args, env=env, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = process.stdout.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        sys.exit(f"{' '.join(args)} failed with status {status}")
    return out, usage.ru_maxrss


def row(name, figure, peer, ratio, target, ok):
    rows.append((name, figure, peer, ratio, target, "ok" if ok else "OVER"))


# 1. Parse every shipped runbook plus a generated 10,000-line one; peer: libcmark alone on the same bytes.
ours, cmark, files = run([bench, "runbooks", "parse", "--folder", runbooks, "--lines", "10000",
                          "--iterations", "7" if quick else "21"]).split()
ours, cmark = float(ours), float(cmark)
row(f"parse Runbooks/ + 10,000-line runbook ({files} files)", f"{ours:.1f} ms", f"libcmark alone {cmark:.1f} ms",
    f"{ours / cmark:.1f}", "<= 50 ms", ours <= 50)

# 2. Start a confirmed step (`true`) through the executor vs posix_spawn of `bash -c true` directly.
executor, direct, library = (float(x) for x in run(
    [bench, "runbooks", "start", "--iterations", "50" if quick else "200"]).split())
row("start a confirmed step (`true`)", f"{executor:.2f} ms",
    f"bash -c true {direct:.2f} ms (swift-subprocess alone {library:.2f} ms)", f"{executor / direct:.2f}", "<= 2",
    executor / direct <= 2)

# 3. Drain 1 GB of step output (head + tail kept, SHA-256 of all); peer: `head | cat > /dev/null`.
size = (256 if quick else 1024) * 1024 * 1024
_, baseline = measured([bench, "runbooks", "drain", "--bytes", "0"])
out, peak = measured([bench, "runbooks", "drain", "--bytes", str(size)])
seconds, captured = float(out.split()[0]), int(out.split()[1])
if captured != size:
    sys.exit(f"drain captured {captured} bytes, expected {size}")
start = time.perf_counter()
subprocess.run(["sh", "-c", f"head -c {size} /dev/zero | cat > /dev/null"], check=True)
peer = time.perf_counter() - start
throughput = size / seconds / 1e6
row(f"drain {size >> 20} MiB of step output", f"{throughput:.0f} MB/s", f"head | cat {size / peer / 1e6:.0f} MB/s",
    f"{peer / seconds:.2f}", ">= 200 MB/s", throughput >= 200)
growth = (peak - baseline) / 1024
row("  peak RSS while draining", f"+{growth:.1f} MB", f"baseline {baseline / 1024:.1f} MB", "", "<= +40 MB", growth <= 40)

header = ("benchmark", "sitrep", "peer", "ratio", "target", "")
widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(6)]
for r in [header] + rows:
    print("  ".join(str(cell).ljust(widths[i]) for i, cell in enumerate(r)).rstrip())
