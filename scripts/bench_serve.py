#!/usr/bin/env python3
"""sitrep serve: alerts over HTTP into the durable store, each figure beside a peer measured in the same run.

Starts `sitrep serve` on a free loopback port with a fresh SQLite store and a bearer token, then:
  1. 50 keep-alive senders (http.client, one thread each) post alerts to /webhook, alternating a
     new dedup key (declared: a new incident) and `ok` for the key just declared (updated: one
     entry), so every accepted alert writes. A 503 is retried after its Retry-After, as
     Alertmanager would. Beside it: raw durable single-row inserts (Python's sqlite3, WAL,
     synchronous=FULL, one row per transaction) into a table shaped like timelineEntry, on the
     same disk, in rounds alternating with the alerts'.
  2. The same senders on GET /healthz: what the HTTP path and this load generator reach alone.
  3. A burst of 400 simultaneous declares, past the 256 writes allowed to wait: 503s with
     Retry-After, each retried until accepted.
  4. RSS of the serve process idle and at its peak (/proc/PID/status VmRSS, VmHWM).
Then the server is stopped with SIGTERM and the store is checked: `sitrep verify`, and by sqlite3
every accepted alert once (incidents, alert groups, alert states, entries), none doubled.

Usage: bench_serve.py SITREP_BINARY [--quick]
"""
import hashlib
import http.client
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time

binary = os.path.abspath(sys.argv[1])
quick = "--quick" in sys.argv
if not shutil.which("sqlite3"):
    print("skipped: the sqlite3 CLI is missing (Debian package sqlite3)")
    sys.exit(0)

TOKEN = "bench-token"
SENDERS = 50
ALERTS = 1000 if quick else 5000  # accepted alerts in figure 1: half declared, half updated
PEER_ROWS = ALERTS  # raw inserts, the peer of figure 1
ROUNDS = 2 if quick else 5  # figure 1 and its peer alternate
HEALTH_REQUESTS = 2000 if quick else 10000
BURST = 400  # simultaneous declares, past the 256 writes allowed to wait

work = tempfile.mkdtemp(prefix="sitrep-bench-serve-")
os.makedirs(os.path.join(work, "config", "sitrep"))
with open(os.path.join(work, "config", "sitrep", "config.yaml"), "w") as file:
    file.write(f"serve:\n  token: {TOKEN}\n")
env = dict(os.environ, SITREP_USER="bench", XDG_CONFIG_HOME=os.path.join(work, "config"),
           XDG_DATA_HOME=os.path.join(work, "data"))
env.pop("SITREP_DB", None)
db = os.path.join(work, "serve.sqlite")
rows = []


def report(name, figure, peer_name, peer, unit, target=None, fmt="{:.2f}"):
    """Ratio is sitrep's figure over the peer's; for rates, higher is better (target is a floor)."""
    ratio = figure / peer if peer else float("inf")
    if target is None:
        verdict, bound = "reported", ""
    else:
        verdict, bound = ("ok" if ratio >= target else "UNDER"), f">= {target}"
    rows.append((name, f"{fmt.format(figure)} {unit}", f"{peer_name} {fmt.format(peer)} {unit}", f"{ratio:.2f}",
                 bound, verdict))


def check(name, passed, detail):
    rows.append((name, detail, "", "", "", "ok" if passed else "FAILED"))


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def status_kb(pid, field):
    with open(f"/proc/{pid}/status") as file:
        for line in file:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"{field} not in /proc/{pid}/status")


class Tally:
    """What the senders saw, shared by their threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []  # seconds, per accepted request
        self.statuses = {}
        self.outcomes = {}
        self.retries = 0  # 503s retried
        self.missing_retry_after = 0
        self.reconnects = 0  # connection dropped or refused mid-request, then retried
        self.keys = {}  # dedup -> incident key from its declared answer
        self.problems = []

    def problem(self, text):
        with self.lock:
            if len(self.problems) < 10:
                self.problems.append(text)


class Sender:
    """One keep-alive connection, as one Alertmanager would hold."""

    def __init__(self, port, tally):
        self.port, self.tally, self.connection = port, tally, None

    def connect(self):
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        self.connection.connect()
        self.connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def request(self, method, path, body=None):
        """One request, retried after a 503 (honouring Retry-After) until answered otherwise.
        Returns (status, parsed body or text)."""
        headers = {"Authorization": f"Bearer {TOKEN}"}
        if body is not None:
            body = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        failures = 0
        while True:
            if self.connection is None:
                try:
                    self.connect()
                except OSError as error:
                    failures += 1
                    if failures > 20:
                        raise RuntimeError(f"cannot reconnect to sitrep serve: {error}")
                    time.sleep(0.05)
                    continue
            begin = time.perf_counter()
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
            except (ConnectionError, http.client.HTTPException, socket.timeout) as error:
                self.connection.close()
                self.connection = None
                with self.tally.lock:
                    self.tally.reconnects += 1
                self.tally.problem(f"{method} {path}: {type(error).__name__}: {error}")
                failures += 1
                if failures > 20:
                    raise RuntimeError(f"{method} {path}: no answer after {failures} tries")
                time.sleep(0.05)
                continue
            elapsed = time.perf_counter() - begin
            with self.tally.lock:
                self.tally.statuses[response.status] = self.tally.statuses.get(response.status, 0) + 1
            if response.will_close:
                self.connection.close()
                self.connection = None
            if response.status == 503:
                retry_after = response.getheader("Retry-After")
                with self.tally.lock:
                    self.tally.retries += 1
                    if retry_after is None:
                        self.tally.missing_retry_after += 1
                time.sleep(float(retry_after) if retry_after and retry_after.isdigit() else 1.0)
                continue
            with self.tally.lock:
                self.tally.latencies.append(elapsed)
            if path == "/healthz":
                return response.status, data.decode()
            try:
                return response.status, json.loads(data)
            except ValueError:
                return response.status, data.decode(errors="replace")

    def alert(self, dedup, state):
        status, answer = self.request("POST", "/webhook", {
            "title": f"Bench alert {dedup}", "state": state, "dedup": dedup, "service": "checkout", "severity": "P2"})
        tally = self.tally
        if status != 200 or not isinstance(answer, dict) or answer.get("status") != "ok":
            tally.problem(f"{state} {dedup}: HTTP {status} {answer!r}")
            return
        outcome = answer.get("outcome")
        with tally.lock:
            tally.outcomes[outcome] = tally.outcomes.get(outcome, 0) + 1
            if outcome == "declared":
                if dedup in tally.keys:
                    tally.problems.append(f"{dedup} declared twice")
                tally.keys[dedup] = answer.get("incident")
            elif outcome == "updated" and tally.keys.get(dedup) != answer.get("incident"):
                tally.problems.append(f"{dedup}: updated {answer.get('incident')}, declared {tally.keys.get(dedup)}")

    def close(self):
        if self.connection is not None:
            self.connection.close()


def run_senders(port, count, work_for, tally=None):
    """`count` threads, each with its own connection running work_for(sender, index); returns the
    tally and the seconds from the first request to the last answer."""
    tally = tally or Tally()
    senders = [Sender(port, tally) for _ in range(count)]
    for sender in senders:
        sender.connect()
    start = threading.Barrier(count + 1)

    def body(sender, index):
        start.wait()
        try:
            work_for(sender, index)
        except Exception as error:  # a sender that dies would hide alerts; say so
            tally.problem(f"sender {index}: {type(error).__name__}: {error}")

    threads = [threading.Thread(target=body, args=(s, i)) for i, s in enumerate(senders)]
    for thread in threads:
        thread.start()
    start.wait()
    begin = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - begin
    for sender in senders:
        sender.close()
    return tally, seconds


def raw_inserts(path, count, latencies):
    """The peer: one row per autocommit transaction into a timelineEntry-shaped table, chained by
    SHA-256 as sitrep's entries are, WAL and synchronous=FULL as sitrep's store."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("CREATE TABLE IF NOT EXISTS incident (id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL)")
    connection.execute("""CREATE TABLE IF NOT EXISTS timelineEntry (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        incidentId INTEGER NOT NULL REFERENCES incident(id) ON DELETE RESTRICT,
        sequence INTEGER NOT NULL, kind TEXT NOT NULL, author TEXT NOT NULL,
        eventAt DATETIME NOT NULL, recordedAt DATETIME NOT NULL, text TEXT NOT NULL,
        details TEXT NOT NULL DEFAULT '{}', previousHash TEXT NOT NULL, hash TEXT NOT NULL,
        UNIQUE (incidentId, sequence))""")
    if connection.execute("SELECT count(*) FROM incident").fetchone()[0] == 0:
        connection.execute("INSERT INTO incident (key) VALUES ('INC-PEER-001')")
    sequence, head = connection.execute(
        "SELECT coalesce(max(sequence), 0), coalesce(max(hash), '') FROM timelineEntry").fetchone()
    begin = time.perf_counter()
    for number in range(count):
        sequence += 1
        text = f"Alert firing from webhook: Bench alert peer-{sequence}"
        digest = hashlib.sha256((head + text).encode()).hexdigest()
        at = time.strftime("%Y-%m-%d %H:%M:%S.000", time.gmtime())
        one = time.perf_counter()
        connection.execute(
            "INSERT INTO timelineEntry (incidentId, sequence, kind, author, eventAt, recordedAt, text, details, "
            "previousHash, hash) VALUES (1, ?, 'alert', 'webhook', ?, ?, ?, ?, ?, ?)",
            (sequence, at, at, text, '{"source":"webhook","state":"firing"}', head, digest))
        latencies.append(time.perf_counter() - one)
        head = digest
    seconds = time.perf_counter() - begin
    connection.close()
    return seconds


server = None
stderr_path = os.path.join(work, "serve.stderr")
try:
    rows.append(("load average at start (1 min)", f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs", "", "", "",
                 "reported"))
    stderr_file = open(stderr_path, "w")
    server = subprocess.Popen([binary, "serve", "--listen", "127.0.0.1:0", "--db", db], env=env,
                              stdout=subprocess.PIPE, stderr=stderr_file)
    started = time.perf_counter()
    line = server.stdout.readline().decode()
    match = re.match(r"listening on 127\.0\.0\.1:(\d+), storing in (.+)$", line.strip())
    if not match:
        raise RuntimeError(f"sitrep serve did not say where it listens: {line!r}; stderr: {open(stderr_path).read()}")
    port = int(match.group(1))
    probe = Sender(port, Tally())
    status, text = probe.request("GET", "/healthz")
    bound_seconds = time.perf_counter() - started
    if status != 200 or text.strip() != "ok":
        raise RuntimeError(f"GET /healthz answered {status} {text!r}")
    probe.close()
    time.sleep(1.0)
    idle_kb = status_kb(server.pid, "VmRSS")
    rows.append(("serve: start to first /healthz answer", f"{bound_seconds * 1000:.0f} ms", "", "", "", "reported"))

    # Warm-up: a few declares and resolves on one connection (page cache, the store's first pages).
    warm = Sender(port, Tally())
    for number in range(10):
        warm.alert(f"warm-{number}", "alerting")
        warm.alert(f"warm-{number}", "ok")
    warm.close()
    if warm.tally.problems:
        raise RuntimeError("warm-up failed: " + "; ".join(warm.tally.problems))

    # 1. Durable alerts, every one writing, beside raw durable inserts: alternating rounds (peer
    # rows, then alerts) so both see the same disk and whatever else the machine is doing.
    peer_db = os.path.join(work, "peer.sqlite")
    peer_latencies = []
    raw_inserts(peer_db, 20, [])  # the peer's warm-up
    pairs = ALERTS // 2
    rounds = ROUNDS
    load = Tally()
    load_seconds = peer_seconds = 0.0
    for round_number in range(rounds):
        round_pairs = pairs // rounds + (1 if round_number < pairs % rounds else 0)
        per_sender = [round_pairs // SENDERS + (1 if i < round_pairs % SENDERS else 0) for i in range(SENDERS)]
        peer_seconds += raw_inserts(peer_db, 2 * round_pairs, peer_latencies)

        def alternate(sender, index, per_sender=per_sender, round_number=round_number):
            for number in range(per_sender[index]):
                dedup = f"load-{round_number}-{index}-{number}"
                sender.alert(dedup, "alerting")  # new dedup key: declared
                sender.alert(dedup, "ok")  # the key just declared resolves: updated

        load_seconds += run_senders(port, SENDERS, alternate, load)[1]
    loaded_hwm_kb = status_kb(server.pid, "VmHWM")
    loaded_rss_kb = status_kb(server.pid, "VmRSS")
    accepted = load.outcomes.get("declared", 0) + load.outcomes.get("updated", 0)
    alerts_rate = accepted / load_seconds
    peer_rate = PEER_ROWS / peer_seconds
    report(f"alerts accepted, durable ({accepted}, {SENDERS} senders)", alerts_rate,
           f"raw INSERT autocommit ({PEER_ROWS})", peer_rate, "/s", 0.5, fmt="{:.0f}")
    report("alert latency p50", statistics.median(load.latencies) * 1000, "one raw commit p50",
           statistics.median(peer_latencies) * 1000, "ms")
    report("alert latency p99", percentile(load.latencies, 0.99) * 1000, "one raw commit p99",
           percentile(peer_latencies, 0.99) * 1000, "ms")
    rows.append(("alert latency: queueing", f"up to {SENDERS} alerts wait behind one store queue", "", "", "",
                 "reported"))
    check("load: answers", not load.problems and set(load.statuses) <= {200, 503},
          f"200: {load.statuses.get(200, 0)}, 503: {load.statuses.get(503, 0)}, retried {load.retries}, "
          f"reconnects {load.reconnects}" + (f"; {load.problems[0]}" if load.problems else ""))
    check("load: outcomes", load.outcomes == {"declared": pairs, "updated": pairs},
          ", ".join(f"{word} {n}" for word, n in sorted(load.outcomes.items())) + f" (expected {pairs} each)")

    # 2. The HTTP path alone: the same senders on GET /healthz (no store), what this generator reaches.
    health_per = [HEALTH_REQUESTS // SENDERS] * SENDERS

    def health(sender, index):
        for _ in range(health_per[index]):
            status, text = sender.request("GET", "/healthz")
            if status != 200:
                sender.tally.problem(f"/healthz {status}")

    health_tally, health_seconds = run_senders(port, SENDERS, health)
    report("alerts/s over GET /healthz/s (same generator)", alerts_rate, "GET /healthz",
           sum(health_per) / health_seconds, "/s", fmt="{:.0f}")
    check("healthz: answers", not health_tally.problems and health_tally.statuses == {200: sum(health_per)},
          ", ".join(f"{code}: {n}" for code, n in sorted(health_tally.statuses.items()))
          + (f"; {health_tally.problems[0]}" if health_tally.problems else ""))

    # 3. A burst past the waiting limit: 400 connections each send one declare at the same moment.
    burst, burst_seconds = run_senders(port, BURST, lambda sender, index: sender.alert(f"burst-{index}", "alerting"))
    burst_503 = burst.statuses.get(503, 0)
    check(f"burst: {BURST} simultaneous declares", not burst.problems and burst.outcomes == {"declared": BURST},
          f"{burst.outcomes.get('declared', 0)} declared in {burst_seconds:.1f} s, reconnects {burst.reconnects}"
          + (f"; {burst.problems[0]}" if burst.problems else ""))
    rows.append(("burst: 503 past 256 waiting, retried", f"{burst_503} 503s, {burst.missing_retry_after} without "
                 f"Retry-After; {burst.retries} retries", "", "", "> 0 503s",
                 "ok" if burst_503 > 0 and burst.missing_retry_after == 0 else "FAILED"))

    # 4. Memory: idle after start-up beside the peak under load (VmHWM is the high-water mark).
    final_hwm_kb = status_kb(server.pid, "VmHWM")
    report("serve RSS peak, 50-sender load (VmHWM)", loaded_hwm_kb / 1024, "idle VmRSS", idle_kb / 1024, "MiB",
           fmt="{:.1f}")
    report("serve RSS after that load (VmRSS)", loaded_rss_kb / 1024, "idle VmRSS", idle_kb / 1024, "MiB",
           fmt="{:.1f}")
    report(f"serve RSS peak incl. {BURST} burst (VmHWM)", final_hwm_kb / 1024, "idle VmRSS", idle_kb / 1024, "MiB",
           fmt="{:.1f}")

    # Stop as a service manager would, then check the store.
    server.send_signal(signal.SIGTERM)
    try:
        code = server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        code = server.wait()
        code = f"{code} (killed: no exit 20 s after SIGTERM)"
    check("serve exits on SIGTERM", code == 0, f"exit {code}")
    server = None

    def count(query):
        return int(subprocess.run(["sqlite3", db, query], check=True, stdout=subprocess.PIPE).stdout.decode().strip())

    verified = subprocess.run([binary, "verify", "--db", db], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT)
    said = verified.stdout.decode().strip().splitlines()
    check("sitrep verify", verified.returncode == 0, f"rc {verified.returncode}: {said[-1] if said else ''}")
    declared = 10 + pairs + BURST  # warm-up, load, burst
    updated = 10 + pairs
    incidents = count("SELECT count(*) FROM incident")
    groups = count("SELECT count(*) FROM alertGroup")
    states = count("SELECT count(*) FROM alertState")
    resolved = count("SELECT count(*) FROM alertState WHERE state = 'resolved'")
    doubled = count("SELECT count(*) FROM (SELECT groupKey FROM alertGroup GROUP BY groupKey HAVING count(*) > 1)")
    doubled += count("SELECT count(*) FROM (SELECT fingerprint FROM alertState GROUP BY fingerprint "
                     "HAVING count(*) > 1)")
    alert_entries = count("SELECT count(*) FROM timelineEntry WHERE kind = 'alert'")
    entries = count("SELECT count(*) FROM timelineEntry")
    # Declared: its status entry and its alert entry; resolved: one alert entry more.
    per_incident = count("SELECT count(*) FROM (SELECT g.groupKey AS k, count(e.id) AS n FROM alertGroup AS g "
                         "LEFT JOIN timelineEntry AS e ON e.incidentId = g.incidentId GROUP BY g.id "
                         "HAVING n <> CASE WHEN k LIKE 'burst-%' THEN 2 ELSE 3 END)")
    check("store: incident / alertGroup / alertState", incidents == groups == states == declared,
          f"{incidents} / {groups} / {states} of {declared} declared")
    check("store: alertState resolved", resolved == updated, f"{resolved} of {updated} updated")
    check("store: alert entries", alert_entries == declared + updated,
          f"{alert_entries} of {declared + updated} accepted; {entries} entries in all")
    check("store: entries per incident (2, +1 resolved)", per_incident == 0, f"{per_incident} incidents differ")
    check("store: dedup keys doubled", doubled == 0, str(doubled))
finally:
    if server is not None:
        server.kill()
        server.wait()
    said = open(stderr_path).read().splitlines() if os.path.exists(stderr_path) else []
    problems = [line for line in said if line.strip() and " info " not in line]  # Hummingbird logs start-up
    if problems:
        rows.append((f"serve stderr ({len(problems)} lines)", problems[-1][:90], "", "", "", "reported"))
    shutil.rmtree(work, ignore_errors=True)

header = ("benchmark", "sitrep", "peer", "ratio", "target", "")
widths = [max(len(str(row[i])) for row in rows + [header]) for i in range(6)]
for row in [header] + rows:
    print("  ".join(str(cell).ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
print("ratio: sitrep's figure over the peer's (rates: higher is better, the target a floor; latency and RSS: reported)")
