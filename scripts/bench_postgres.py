#!/usr/bin/env python3
"""sitrep on PostgreSQL: each figure printed beside a peer measured in the same run.

Starts a throwaway cluster (scripts/postgres-cluster.sh), measures, and stops it. The peers are
PostgreSQL's own clients doing the same transaction sitrep does (advisory lock, read the
incident, insert the entry, move the chain head, notify): psql for one process per write,
pgbench for many writes on one connection.

Usage: bench_postgres.py SITREP_BINARY [--quick]
"""
import base64
import glob
import hashlib
import hmac
import json
import os
import queue
import shutil
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

binary = os.path.abspath(sys.argv[1])
# Data generators and in-process drivers: the developers' binary built beside it.
bench = os.path.join(os.path.dirname(binary), "sitrep-bench")
quick = "--quick" in sys.argv
here = os.path.dirname(os.path.abspath(__file__))
if not glob.glob("/usr/lib/postgresql/*/bin/initdb"):
    print("skipped: PostgreSQL's server is not installed (/usr/lib/postgresql/*/bin/initdb; Debian package postgresql)")
    sys.exit(0)


def client(name):
    """The server's own build of a client: Debian's /usr/bin/psql is a Perl wrapper that would
    add its start-up to every peer process."""
    built = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    return built[-1] if built else shutil.which(name)


pgbench, psql = client("pgbench"), client("psql")
if not pgbench or not psql:
    print("skipped: psql or pgbench is missing (Debian package postgresql-client)")
    sys.exit(0)

work = tempfile.mkdtemp(prefix="sitrep-bench-pg-")
cluster = tempfile.mkdtemp(prefix="sitrep-bench-cluster-")
env = dict(os.environ, SITREP_USER="bench", XDG_CONFIG_HOME=os.path.join(work, "config"),
           XDG_DATA_HOME=os.path.join(work, "data"))
env.pop("SITREP_DB", None)
rows = []


def run(args, extra_env=None, **kwargs):
    return subprocess.run(args, env=dict(env, **(extra_env or {})), check=True, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, **kwargs)


def report(name, figure, peer_name, peer, unit, target, higher_is_better=False):
    """Ratio is always sitrep's time over the peer's: notes/s figures are inverted for it."""
    if higher_is_better:
        ratio = peer / figure if figure else float("inf")
    else:
        ratio = figure / peer if peer else float("inf")
    if target is None:
        verdict, bound = "reported", ""
    else:
        verdict, bound = ("ok" if ratio <= target else "OVER"), f"<= {target}"
    rows.append((name, f"{figure:.2f} {unit}", f"{peer_name} {peer:.2f} {unit}", f"{ratio:.2f}", bound, verdict))


def check(name, passed, detail):
    rows.append((name, detail, "", "", "", "ok" if passed else "FAILED"))


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


class Listener:
    """LISTEN on its own connection, speaking the wire protocol directly (no driver needed),
    timestamping each notification as it arrives on the socket."""

    def __init__(self, url, channel):
        parts = urllib.parse.urlsplit(url)
        self.user, self.password = urllib.parse.unquote(parts.username), urllib.parse.unquote(parts.password or "")
        self.sock = socket.create_connection((parts.hostname, parts.port or 5432))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer = b""
        params = b"user\0" + self.user.encode() + b"\0database\0" + parts.path.lstrip("/").encode() + b"\0\0"
        self.sock.sendall(struct.pack("!ii", 8 + len(params), 196608) + params)
        self.authenticate()
        self.sock.sendall(self.message(b"Q", f"LISTEN {channel}".encode() + b"\0"))
        while self.read()[0] != b"Z":
            pass
        self.heard = queue.Queue()
        threading.Thread(target=self.loop, daemon=True).start()

    @staticmethod
    def message(kind, body):
        return kind + struct.pack("!i", 4 + len(body)) + body

    def read(self):
        while True:
            if len(self.buffer) >= 5:
                length = struct.unpack("!i", self.buffer[1:5])[0]
                if len(self.buffer) >= 1 + length:
                    kind, body = self.buffer[:1], self.buffer[5:1 + length]
                    self.buffer = self.buffer[1 + length:]
                    if kind == b"E":
                        raise RuntimeError("server error: " + body.decode(errors="replace"))
                    return kind, body
            chunk = self.sock.recv(65536)
            if not chunk:
                raise RuntimeError("server closed the connection")
            self.buffer += chunk

    def authenticate(self):
        while True:
            kind, body = self.read()
            if kind == b"Z":
                return
            if kind != b"R":
                continue
            code = struct.unpack("!i", body[:4])[0]
            if code == 3:  # cleartext
                self.sock.sendall(self.message(b"p", self.password.encode() + b"\0"))
            elif code == 5:  # md5
                inner = hashlib.md5(self.password.encode() + self.user.encode()).hexdigest().encode()
                self.sock.sendall(self.message(b"p", b"md5" + hashlib.md5(inner + body[4:8]).hexdigest().encode() + b"\0"))
            elif code == 10:  # SASL: SCRAM-SHA-256
                nonce = base64.b64encode(os.urandom(18)).decode()
                self.first_bare = f"n=,r={nonce}"
                first = ("n,," + self.first_bare).encode()
                self.sock.sendall(self.message(b"p", b"SCRAM-SHA-256\0" + struct.pack("!i", len(first)) + first))
            elif code == 11:
                server_first = body[4:].decode()
                fields = dict(item.split("=", 1) for item in server_first.split(","))
                salted = hashlib.pbkdf2_hmac("sha256", self.password.encode(), base64.b64decode(fields["s"]),
                                             int(fields["i"]))
                client_key = hmac.new(salted, b"Client Key", "sha256").digest()
                without_proof = f"c=biws,r={fields['r']}"
                auth = f"{self.first_bare},{server_first},{without_proof}".encode()
                signature = hmac.new(hashlib.sha256(client_key).digest(), auth, "sha256").digest()
                proof = base64.b64encode(bytes(a ^ b for a, b in zip(client_key, signature))).decode()
                self.sock.sendall(self.message(b"p", f"{without_proof},p={proof}".encode()))
            elif code not in (0, 12):
                raise RuntimeError(f"unsupported authentication request {code}")

    def loop(self):
        try:
            while True:
                kind, body = self.read()
                if kind == b"A":
                    at = time.perf_counter()
                    channel, payload = body[4:].split(b"\0")[:2]
                    self.heard.put((at, payload.decode()))
        except (OSError, RuntimeError):
            pass

    def wait(self, payload, timeout=10.0):
        deadline = time.perf_counter() + timeout
        while True:
            at, heard = self.heard.get(timeout=max(0.001, deadline - time.perf_counter()))
            if heard == payload:
                return at

    def drain(self):
        while not self.heard.empty():
            self.heard.get_nowait()

    def close(self):
        try:
            self.sock.sendall(self.message(b"X", b""))
            self.sock.close()
        except OSError:
            pass


def peer_transaction(key, text):
    """The transaction sitrep's append runs, as SQL: lock, read the incident, insert the entry with
    its hash, move the chain head, notify. The hash is SHA-256 of the previous hash and the text
    (sitrep hashes more fields client-side; the server's work per row is the same)."""
    return f"""BEGIN;
SELECT pg_advisory_xact_lock(hashtext('sitrep-write:' || current_schema()));
SELECT id, timeline_count, timeline_head FROM incident WHERE key = '{key}';
INSERT INTO timeline_entry (incident_id, sequence, kind, author, event_at, recorded_at, text, details, previous_hash, hash)
  SELECT id, timeline_count + 1, 'note', 'bench', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS'),
    to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS'), '{text}', '{{}}', timeline_head,
    encode(sha256(convert_to(timeline_head || '{text}', 'UTF8')), 'hex')
  FROM incident WHERE key = '{key}' RETURNING id;
UPDATE incident SET timeline_count = timeline_count + 1,
  timeline_head = (SELECT hash FROM timeline_entry WHERE incident_id = incident.id ORDER BY sequence DESC LIMIT 1),
  last_entry_at = to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS')
  WHERE key = '{key}';
SELECT pg_notify('sitrep_changes', current_schema());
COMMIT;
"""


try:
    start = subprocess.run(["bash", os.path.join(here, "postgres-cluster.sh"), "start", cluster], check=True,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    url = start.stdout.decode().strip().splitlines()[-1]
    parsed = urllib.parse.urlsplit(url)
    pg_env = {"PGHOST": parsed.hostname, "PGPORT": str(parsed.port), "PGUSER": parsed.username,
              "PGPASSWORD": urllib.parse.unquote(parsed.password), "PGDATABASE": parsed.path.lstrip("/")}
    env.update(pg_env)

    def db(schema):
        return f"{url}?schema={schema}"

    def sql(schema, text, *flags):
        return run([psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", *flags, "-c", text],
                   extra_env={"PGOPTIONS": f"-c search_path={schema}"}).stdout.decode()

    def count(schema, key):
        return int(sql(schema, f"SELECT count(*) FROM timeline_entry JOIN incident ON incident.id = incident_id "
                               f"WHERE key = '{key}'", "-At").strip())

    def declare(schema, title):
        return run([binary, "declare", title, "--severity", "P3", "--db", db(schema)]).stdout.decode().strip()

    def pgbench_run(schema, script, clients, threads, transactions, connect_each=False):
        path = os.path.join(work, f"{schema}.sql")
        with open(path, "w") as file:
            file.write(script)
        args = [pgbench, "-n", "-c", str(clients), "-j", str(threads), "-t", str(transactions), "-f", path]
        if connect_each:
            args.insert(2, "-C")
        begin = time.perf_counter()
        run(args, extra_env={"PGOPTIONS": f"-c search_path={schema}"})
        return time.perf_counter() - begin

    setting = sql("public", "SHOW synchronous_commit", "-At").strip()
    rows.append(("server synchronous_commit / fsync", setting + " / " + sql("public", "SHOW fsync", "-At").strip(),
                 "", "", "", "reported"))
    rows.append(("load average at start (1 min)", f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs", "", "", "",
                 "reported"))

    # 1. Durable note append, one process per note on both sides, interleaved so both see the same disk.
    key = declare("note_bench", "Process benchmark")
    peer_key = declare("note_peer", "Peer benchmark")
    repeat = 30 if quick else 100
    note_times, psql_times = [], []
    for number in range(5):  # warm-up: page cache, server backends' catalogs
        run([binary, "note", key, f"warm-up {number}", "--db", db("note_bench")])
        sql("note_peer", peer_transaction(peer_key, f"warm-up {number}"))
    for number in range(repeat):
        begin = time.perf_counter()
        run([binary, "note", key, f"note {number}", "--db", db("note_bench")])
        middle = time.perf_counter()
        sql("note_peer", peer_transaction(peer_key, f"note {number}"))
        psql_times.append(time.perf_counter() - middle)
        note_times.append(middle - begin)
    report("`sitrep note` process, sequential", 1 / statistics.median(note_times), "psql -c per note",
           1 / statistics.median(psql_times), "notes/s", 1.5, higher_is_better=True)

    # 1b. The same appends in one process: sitrep-bench append-notes (one connection, a transaction
    # each, printing each number once committed) beside pgbench on one connection.
    in_process = 200 if quick else 1000
    key_b = declare("inproc_bench", "In-process benchmark")
    peer_b = declare("inproc_peer", "In-process peer")
    run([bench, "append-notes", key_b, "--count", "20", "--prefix", "warm-up", "--db", db("inproc_bench")])
    pgbench_run("inproc_peer", peer_transaction(peer_b, "warm-up"), 1, 1, 20)
    # Five alternating rounds, so both sides share whatever else the machine is doing.
    store_seconds = peer_seconds = 0.0
    for round_number in range(5):
        begin = time.perf_counter()
        run([bench, "append-notes", key_b, "--count", str(in_process // 5), "--prefix", f"r{round_number}",
             "--db", db("inproc_bench")])
        store_seconds += time.perf_counter() - begin
        peer_seconds += pgbench_run("inproc_peer", peer_transaction(peer_b, "note"), 1, 1, in_process // 5)
    report(f"append-notes in process ({in_process})", in_process / store_seconds, "pgbench -c 1",
           in_process / peer_seconds, "notes/s", 1.5, higher_is_better=True)

    # 2. Eight writers into one incident at once. (a) In process: 8 sitrep-bench append-notes x 500
    # beside pgbench -c 8 -j 2 -t 500. (b) One process per note: 8 loops of 100 `sitrep note` (8 x 500
    # would take minutes) beside pgbench -C (a new connection per transaction). Then every note is
    # there, in `sitrep show --json` and by count, and `sitrep verify` passes.
    writers = 8
    per_writer = 100 if quick else 500
    key_c = declare("conc_bench", "Concurrent writers")
    peer_c = declare("conc_peer", "Concurrent peer")
    # The peer's 500 per client run as two halves, one before sitrep's writers and one after.
    peer_seconds = pgbench_run("conc_peer", peer_transaction(peer_c, "note"), writers, 2, per_writer // 2)
    begin = time.perf_counter()
    procs = [subprocess.Popen([bench, "append-notes", key_c, "--count", str(per_writer), "--prefix", f"w{w}",
                               "--db", db("conc_bench")], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE) for w in range(writers)]
    failures = [p.stderr.read().decode() for p in procs if p.wait() != 0]
    store_seconds = time.perf_counter() - begin
    if failures:
        raise RuntimeError("append-notes failed: " + failures[0])
    peer_seconds += pgbench_run("conc_peer", peer_transaction(peer_c, "note"), writers, 2,
                                per_writer - per_writer // 2)
    total = writers * per_writer
    report(f"{writers} append-notes x {per_writer}, one incident", total / store_seconds,
           f"pgbench -c {writers} -j 2 -t {per_writer}", total / peer_seconds, "notes/s", 1.5, higher_is_better=True)

    per_process = 25 if quick else 100
    key_d = declare("conc_proc", "Concurrent note processes")
    peer_d = declare("conc_proc_peer", "Concurrent process peer")

    def note_loop(writer, failures):
        for number in range(per_process):
            result = subprocess.run([binary, "note", key_d, f"w{writer} {number}", "--db", db("conc_proc")],
                                    env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if result.returncode != 0:
                failures.append(result.stderr.decode())

    failures = []
    peer_seconds = pgbench_run("conc_proc_peer", peer_transaction(peer_d, "note"), writers, 2, per_process // 2,
                               connect_each=True)
    threads = [threading.Thread(target=note_loop, args=(w, failures)) for w in range(writers)]
    begin = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    store_seconds = time.perf_counter() - begin
    if failures:
        raise RuntimeError(f"{len(failures)} `sitrep note` runs failed: {failures[0]}")
    peer_seconds += pgbench_run("conc_proc_peer", peer_transaction(peer_d, "note"), writers, 2,
                                per_process - per_process // 2, connect_each=True)
    total_d = writers * per_process
    report(f"{writers} `sitrep note` loops x {per_process}", total_d / store_seconds,
           f"pgbench -C -c {writers} -t {per_process}", total_d / peer_seconds, "notes/s", 1.5,
           higher_is_better=True)

    # Nothing lost: the declaration entry plus every note, each chain intact.
    for schema, k, expected in (("conc_bench", key_c, total), ("conc_proc", key_d, total_d)):
        present = count(schema, k) - 1
        shown = len(json.loads(run([binary, "show", k, "--json", "--db", db(schema)]).stdout)["timeline"]) - 1
        verified = subprocess.run([binary, "verify", "--db", db(schema)], env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT)
        check(f"{schema}: all notes there, verify", present == expected == shown and verified.returncode == 0,
              f"{present} (psql) / {shown} (show) of {expected}; verify rc {verified.returncode}")

    # 3. Commit in one process -> heard by LISTEN on another connection. The clock starts when the
    # writing process is spawned, so the figure includes its start-up, connection and commit.
    listener = Listener(url, "sitrep_changes")
    try:
        key_e = declare("latency", "Latency benchmark")
        peer_e = declare("latency_peer", "Latency peer")
        samples = 30 if quick else 100
        sitrep_lat, psql_lat = [], []
        for number in range(samples):
            listener.drain()
            begin = time.perf_counter()
            process = subprocess.Popen([binary, "note", key_e, f"latency {number}", "--db", db("latency")],
                                       env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            heard = listener.wait("latency")
            sitrep_lat.append(heard - begin)
            if process.wait() != 0:
                raise RuntimeError("`sitrep note` failed during the latency run")
            listener.drain()
            begin = time.perf_counter()
            process = subprocess.Popen([psql, "-X", "-q", "-c", peer_transaction(peer_e, f"latency {number}")],
                                       env=dict(env, PGOPTIONS="-c search_path=latency_peer"),
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            heard = listener.wait("latency_peer")
            psql_lat.append(heard - begin)
            if process.wait() != 0:
                raise RuntimeError("psql failed during the latency run")
        report(f"note -> LISTEN heard, median ({samples})", statistics.median(sitrep_lat) * 1000, "psql",
               statistics.median(psql_lat) * 1000, "ms", None)
        p99 = percentile(sitrep_lat, 0.99) * 1000
        rows.append((f"note -> LISTEN heard, p99 ({samples})", f"{p99:.2f} ms",
                     f"psql {percentile(psql_lat, 0.99) * 1000:.2f} ms",
                     f"{p99 / (percentile(psql_lat, 0.99) * 1000):.2f}", "p99 <= 200 ms",
                     "ok" if p99 <= 200 else "OVER"))
    finally:
        listener.close()

    # 4. `sitrep list --json` on a big schema beside psql building the same JSON. sitrep-bench seed
    # writes SQLite files only, so the rows are generated with SQL (list reads no chains).
    incidents, entries = (2000, 200000) if quick else (10000, 1000000)
    run([binary, "db", "init", "--db", db("big")])
    begin = time.perf_counter()
    sql("big", f"""
BEGIN;
INSERT INTO incident (key, title, severity, status, created_by, detected_at, declared_at, last_entry_at,
  timeline_count, timeline_head, is_drill)
SELECT 'INC-' || to_char(date '2024-01-01' + (n / 50), 'YYYYMMDD') || '-' || lpad((n % 50 + 1)::text, 3, '0'),
  'Generated incident ' || n || ': elevated error rate on checkout',
  'P' || (n % 4), (ARRAY['detected','acknowledged','investigating','mitigated','resolved','closed'])[n % 6 + 1],
  'seed', ts, ts, ts, 0, '', n % 17 = 0
FROM (SELECT n, to_char(timestamp '2024-01-01' + n * interval '13 minutes', 'YYYY-MM-DD HH24:MI:SS.MS') AS ts
      FROM generate_series(0, {incidents - 1}) AS n) AS g;
INSERT INTO incident_service (incident_id, service)
SELECT id, s FROM incident, unnest(ARRAY['checkout', 'payments', 'search']) AS s WHERE id % 3 <> 0 OR s = 'search';
INSERT INTO role_assignment (incident_id, role, person, assigned_at)
SELECT id, 'commander', 'person' || (id % 40), declared_at FROM incident;
INSERT INTO timeline_entry (incident_id, sequence, kind, author, event_at, recorded_at, text, details, previous_hash, hash)
SELECT CASE WHEN n <= {entries // 2} THEN 1 ELSE 1 + n % {incidents} END, n, 'note', 'seed',
  '2024-06-01 00:00:00.000', '2024-06-01 00:00:00.000', 'Generated note ' || n, '{{}}', md5(n::text), md5((n + 1)::text)
FROM generate_series(1, {entries}) AS n;
UPDATE incident SET timeline_count = c.entries, timeline_head = md5((c.last + 1)::text)
FROM (SELECT incident_id, count(*) AS entries, max(sequence) AS last FROM timeline_entry GROUP BY incident_id) AS c
WHERE c.incident_id = incident.id;
COMMIT;
ANALYZE;
""")
    seed_seconds = time.perf_counter() - begin
    rows.append((f"seed {incidents} incidents / {entries} entries (SQL)", f"{seed_seconds:.1f} s", "", "", "",
                 "reported"))
    query = """
SELECT coalesce(json_agg(json_build_object('key', key, 'title', title, 'severity', severity, 'status', status,
  'drill', is_drill,
  'services', ARRAY(SELECT service FROM incident_service WHERE incident_id = i.id ORDER BY service),
  'commander', (SELECT person FROM role_assignment WHERE incident_id = i.id AND role = 'commander'
                AND ended_at IS NULL ORDER BY id DESC LIMIT 1),
  'declaredAt', declared_at, 'lastEntryAt', last_entry_at, 'entries', timeline_count)
  ORDER BY severity, declared_at, id), '[]')
FROM incident AS i WHERE status IN ('detected', 'acknowledged', 'investigating', 'mitigated');
"""
    listed = run([binary, "list", "--json", "--db", db("big")]).stdout.decode()
    peer_listed = sql("big", query, "-At")
    same = len(json.loads(listed)) == len(json.loads(peer_listed))
    check("list: sitrep and psql list the same incidents", same,
          f"{len(json.loads(listed))} vs {len(json.loads(peer_listed))} active incidents")
    list_times, psql_list = [], []
    for _ in range(9 if quick else 21):
        begin = time.perf_counter()
        run([binary, "list", "--json", "--db", db("big")])
        middle = time.perf_counter()
        sql("big", query, "-At")
        psql_list.append(time.perf_counter() - middle)
        list_times.append(middle - begin)
    report(f"`sitrep list --json` ({incidents}/{entries})", statistics.median(list_times) * 1000,
           "psql json_agg query", statistics.median(psql_list) * 1000, "ms", 1.5)
finally:
    subprocess.run(["bash", os.path.join(here, "postgres-cluster.sh"), "stop", cluster],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(cluster, ignore_errors=True)

header = ("benchmark", "sitrep", "peer", "ratio", "target", "")
widths = [max(len(str(row[i])) for row in rows + [header]) for i in range(6)]
for row in [header] + rows:
    print("  ".join(str(cell).ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
print("ratio: sitrep's time over the peer's for the same work (lower is better)")
