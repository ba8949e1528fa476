#!/usr/bin/env python3
"""Health-check benchmark: 1,000 HTTP endpoints on loopback at a 1 s interval, polled by
`sitrep health watch`, beside Prometheus blackbox_exporter probing the same endpoints at the same
rate in the same run; then the console's render + diff per key with and without a monitor polling
them in the same process.

Both sides run one after the other (2 cores are shared), for the same time. The endpoints are served
by nginx and the blackbox_exporter's probe requests come from a small asyncio driver in this
script: neither's CPU is counted. A side's CPU is utime + stime of its process from /proc at the
end of the run (start-up included, shutdown not), its peak RSS is VmHWM.

Usage: bench_health.py SITREP_BINARY [--quick]
Installs nginx and prometheus-blackbox-exporter with apt-get when missing; skips with a message
when that is impossible.
"""
import asyncio
import atexit
import calendar
import os
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

binary = os.path.abspath(sys.argv[1])
# Data generators and in-process drivers: the developers' binary built beside it.
bench = os.path.join(os.path.dirname(binary), "sitrep-bench")
quick = "--quick" in sys.argv
ENDPOINTS = 1000
INTERVAL = 1.0
SECONDS = 15 if quick else 60
CONSOLE_SECONDS = 5 if quick else 15
work = tempfile.mkdtemp(prefix="sitrep-bench-health-")
env = dict(os.environ, SITREP_USER="bench", XDG_CONFIG_HOME=os.path.join(work, "config"))
rows = []
started = []
TICKS = os.sysconf("SC_CLK_TCK")


def skip(reason):
    print(f"skipped: {reason}")
    shutil.rmtree(work, ignore_errors=True)
    sys.exit(0)


def ensure_installed(program, package):
    """The program's path, installing its Debian package first when it is missing."""
    found = shutil.which(program) or (os.path.exists(program) and program)
    if found:
        return found
    apt = shutil.which("apt-get")
    if apt is None:
        skip(f"{program} is missing and there is no apt-get to install {package}")
    command = [apt, "install", "-y", "-qq", package]
    if os.geteuid() != 0:
        if shutil.which("sudo") is None:
            skip(f"{program} is missing; install {package} (needs root)")
        command = ["sudo", "-n"] + command
    print(f"installing {package} ...", flush=True)
    quiet = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if subprocess.run(command, env=quiet, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
        update = command[:-4] + ["update", "-qq"] if command[0] == "sudo" else [apt, "update", "-qq"]
        subprocess.run(update, env=quiet, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if subprocess.run(command, env=quiet, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
            skip(f"could not install {package}")
    found = shutil.which(program) or (os.path.exists(program) and program)
    if not found:
        skip(f"{package} installed but {program} not found")
    return found


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    sys.exit(f"nothing listens on port {port}")


def cpu_seconds(pid):
    """utime + stime of a process so far."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def spawn(args, name):
    """Starts a process whose output goes to a file in the work folder (a pipe nobody reads would
    fill up and stall it)."""
    log = open(os.path.join(work, name + ".log"), "w+")
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=log)
    process.log = log
    started.append(process)
    return process


def stop_all():
    """Leaves no server behind, however the script ends."""
    for process in started:
        stop(process)


atexit.register(stop_all)


def log_text(process):
    process.log.seek(0)
    return process.log.read()


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def report(name, figure, unit, peer_name, peer, target, ok, ratio=None, digits=2):
    peer_text = f"{peer_name} {peer:.{digits}f} {unit}".strip() if peer is not None else peer_name
    ratio_text = f"{ratio:.2f}" if ratio is not None else ""
    rows.append((name, f"{figure:.{digits}f} {unit}".strip(), peer_text, ratio_text, target, "ok" if ok else "OVER"))


nginx = ensure_installed("/usr/sbin/nginx", "nginx-light")
blackbox = ensure_installed("prometheus-blackbox-exporter", "prometheus-blackbox-exporter")

# The endpoints: nginx answering every /svc/N with a small JSON body, keep-alive without limit.
port = free_port()
os.makedirs(os.path.join(work, "nginx", "logs"))
with open(os.path.join(work, "nginx", "nginx.conf"), "w") as conf:
    conf.write(f"""
worker_processes 1;
daemon off;
pid {work}/nginx/nginx.pid;
error_log {work}/nginx/logs/error.log warn;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  keepalive_requests 1000000;
  keepalive_timeout 120s;
  client_body_temp_path {work}/nginx/body;
  proxy_temp_path {work}/nginx/proxy;
  fastcgi_temp_path {work}/nginx/fastcgi;
  uwsgi_temp_path {work}/nginx/uwsgi;
  scgi_temp_path {work}/nginx/scgi;
  server {{
    listen 127.0.0.1:{port} backlog=4096;
    location /svc/ {{ default_type application/json; return 200 '{{"status":"UP"}}'; }}
  }}
}}
""")
server = spawn([nginx, "-p", os.path.join(work, "nginx"), "-c", os.path.join(work, "nginx", "nginx.conf"),
                "-e", os.path.join(work, "nginx", "logs", "error.log")], "nginx")
wait_for_port(port)
urls = [f"http://127.0.0.1:{port}/svc/{index}" for index in range(ENDPOINTS)]

checks = os.path.join(work, "checks.yaml")
with open(checks, "w") as file:
    file.write("endpoints:\n")
    for index, url in enumerate(urls):
        file.write(f"""  - name: svc-{index:04d}
    group: bench
    url: {url}
    interval: 1s
    conditions:
      - "[STATUS] == 200"
      - "[RESPONSE_TIME] < 500"
      - "[BODY].status == UP"
""")

# sitrep: `sitrep health watch` on a fresh database for SECONDS.
db = os.path.join(work, "health.sqlite")
subprocess.run([binary, "list", "--db", db], env=env, check=True, stdout=subprocess.DEVNULL)
watch = spawn([binary, "health", "watch", "--checks", checks, "--db", db], "watch")
begin = time.monotonic()
time.sleep(SECONDS)
sitrep_cpu = cpu_seconds(watch.pid)
sitrep_rss = peak_rss_mb(watch.pid)
stop(watch)
if watch.returncode != 0:
    sys.exit(f"sitrep health watch failed ({watch.returncode}): {log_text(watch)[-2000:]}")

with sqlite3.connect(db) as connection:
    times = {}
    ups = 0
    for check, sampled, up in connection.execute(
            'SELECT "check", sampledAt, isUp FROM healthSample ORDER BY "check", sampledAt'):
        times.setdefault(check, []).append(calendar.timegm(time.strptime(sampled[:19], "%Y-%m-%d %H:%M:%S"))
                                           + float(sampled[19:] or 0))
        ups += up
samples = sum(len(values) for values in times.values())
# A missed interval: a check that went more than 1.5 intervals without a probe (each whole interval
# beyond the first counts), or a check with fewer probes than the run had intervals.
sitrep_missed = 0
for values in times.values():
    for previous, current in zip(values, values[1:]):
        gap = current - previous
        if gap > 1.5 * INTERVAL:
            sitrep_missed += round(gap / INTERVAL) - 1
sitrep_short = sum(1 for values in times.values() if len(values) < SECONDS / INTERVAL - 1) + (ENDPOINTS - len(times))
sitrep_rate = samples / SECONDS
sitrep_down = samples - ups


# blackbox_exporter, probing the same endpoints with the same checks (status 200, body matches
# "status":"UP", 500 ms timeout), driven at the same rate: each target once per interval, spread
# over the interval as Prometheus spreads its scrapes.
bb_port = free_port()
with open(os.path.join(work, "blackbox.yml"), "w") as conf:
    conf.write("""modules:
  http_up:
    prober: http
    timeout: 500ms
    http:
      valid_status_codes: [200]
      preferred_ip_protocol: ip4
      fail_if_body_not_matches_regexp: ['"status":"UP"']
""")
exporter = spawn([blackbox, f"--config.file={work}/blackbox.yml", f"--web.listen-address=127.0.0.1:{bb_port}",
                  "--log.level=error"], "blackbox")
wait_for_port(bb_port)


class ProbeConnection(asyncio.Protocol):
    """One keep-alive connection to the exporter; a response is complete at the end of its
    chunked body (the exporter always answers /probe chunked) or after its Content-Length."""

    def __init__(self, idle):
        self.idle = idle
        self.buffer = b""
        self.waiter = None

    def connection_made(self, transport):
        self.transport = transport
        self.idle.put_nowait(self)

    def data_received(self, data):
        self.buffer += data
        if self.waiter is None or self.waiter.done():
            return
        head_end = self.buffer.find(b"\r\n\r\n")
        if head_end < 0:
            return
        head = self.buffer[:head_end].lower()
        marker = head.find(b"content-length:")
        if marker >= 0:
            length = int(head[marker + 15:].split(b"\r\n")[0])
            if len(self.buffer) < head_end + 4 + length:
                return
        elif not self.buffer.endswith(b"\r\n0\r\n\r\n"):
            return
        body, self.buffer = self.buffer, b""
        self.waiter.set_result(body)

    def request(self, path):
        self.waiter = asyncio.get_running_loop().create_future()
        self.transport.write(b"GET " + path + b" HTTP/1.1\r\nHost: bench\r\n\r\n")
        return self.waiter


async def drive(seconds):
    """Issues /probe requests over keep-alive connections; returns (completed, succeeded, late,
    unfinished)."""
    loop = asyncio.get_running_loop()
    paths = [f"/probe?module=http_up&target={url}".encode() for url in urls]
    idle = asyncio.Queue()
    for _ in range(128):
        await loop.create_connection(lambda: ProbeConnection(idle), "127.0.0.1", bb_port)
    counts = {"completed": 0, "succeeded": 0, "late": 0}

    async def probe(path, due):
        connection = await idle.get()
        body = await connection.request(path)
        idle.put_nowait(connection)
        counts["completed"] += 1
        if b"\nprobe_success 1" in body:
            counts["succeeded"] += 1
        if loop.time() > due + INTERVAL:
            counts["late"] += 1

    start = loop.time() + 0.1
    tasks = set()
    for round_number in range(int(seconds / INTERVAL)):
        for index, path in enumerate(paths):
            due = start + round_number * INTERVAL + index * INTERVAL / len(paths)
            delay = due - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            task = loop.create_task(probe(path, due))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
    if tasks:
        await asyncio.wait(tasks, timeout=5)
    return counts["completed"], counts["succeeded"], counts["late"], len(tasks)


urllib.request.urlopen(f"http://127.0.0.1:{bb_port}/probe?module=http_up&target={urls[0]}").read()
bb_counts = asyncio.run(drive(SECONDS))
bb_cpu = cpu_seconds(exporter.pid)
bb_rss = peak_rss_mb(exporter.pid)
stop(exporter)
bb_completed, bb_succeeded, bb_late, bb_unfinished = bb_counts
bb_rate = bb_completed / SECONDS
bb_missed = bb_late + bb_unfinished + (ENDPOINTS * int(SECONDS / INTERVAL) - bb_completed - bb_unfinished)

report(f"probes completed per second ({ENDPOINTS} endpoints, {INTERVAL:g} s, {SECONDS} s)", sitrep_rate, "/s",
       "blackbox_exporter", bb_rate, f">= {ENDPOINTS * 0.99:.0f}/s", sitrep_rate >= ENDPOINTS * 0.99, digits=0)
report("CPU seconds for the run (utime + stime)", sitrep_cpu, "s", "blackbox_exporter", bb_cpu, "ratio <= 1.0",
       sitrep_cpu <= bb_cpu, ratio=sitrep_cpu / bb_cpu if bb_cpu else None)
sitrep_per_probe = sitrep_cpu / samples * 1000 if samples else 0
bb_per_probe = bb_cpu / bb_completed * 1000 if bb_completed else 0
report("CPU per completed probe", sitrep_per_probe, "ms", "blackbox_exporter", bb_per_probe, "(reported)", True,
       ratio=sitrep_per_probe / bb_per_probe if bb_per_probe else None, digits=3)
rows[-1] = rows[-1][:5] + ("",)
report("peak RSS", sitrep_rss, "MB", "blackbox_exporter", bb_rss, "(reported)", True,
       ratio=sitrep_rss / bb_rss if bb_rss else None, digits=1)
rows[-1] = rows[-1][:5] + ("",)
report("missed intervals", sitrep_missed + sitrep_short, "", "blackbox_exporter late or lost", bb_missed, "0",
       sitrep_missed + sitrep_short == 0, digits=0)
report("probes that failed their conditions", sitrep_down, "", "blackbox_exporter", bb_completed - bb_succeeded,
       "0", sitrep_down == 0, digits=0)

# The console's render + diff per key with the 1,000 checks on screen, while a monitor polls them in
# the same process and then over the same rows after it stopped; and, for scale, with no checks.
console_db = os.path.join(work, "console.sqlite")
subprocess.run([bench, "seed", "--incidents", "200", "--entries", "20000", "--db", console_db], env=env,
               check=True, stdout=subprocess.DEVNULL)
out = subprocess.run([bench, "health-console", "--checks", checks, "--db", console_db,
                      "--seconds", str(CONSOLE_SECONDS)], env=env, check=True, stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE).stdout.decode().split()
still_ms, polling_ms, updates = float(out[0]), float(out[1]), int(out[2])
plain_ms = float(subprocess.run([bench, "console", "--db", console_db, "--keys", "300"], env=env,
                                check=True, stdout=subprocess.PIPE).stdout.decode().split()[1])
report(f"console render + diff per key, monitor polling ({updates} updates)", polling_ms, "ms",
       "same rows, monitor stopped", still_ms, "ratio <= 1.25", polling_ms <= still_ms * 1.25 and updates > 0,
       ratio=polling_ms / still_ms if still_ms else None, digits=3)
report(f"console render + diff per key, {ENDPOINTS} checks on screen, stopped", still_ms, "ms", "no checks",
       plain_ms, "(reported)", True, ratio=still_ms / plain_ms if plain_ms else None, digits=3)
rows[-1] = rows[-1][:5] + ("",)

stop_all()
header = ("benchmark", "sitrep", "peer", "ratio", "target", "")
widths = [max(len(str(row[i])) for row in rows + [header]) for i in range(6)]
for row in [header] + rows:
    print("  ".join(str(cell).ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
shutil.rmtree(work, ignore_errors=True)
