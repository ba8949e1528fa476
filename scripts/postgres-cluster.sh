#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks, on a free loopback port in a folder
# of its own. `start DIR` prints the URL to reach it; `stop DIR` stops it and removes DIR;
# `halt DIR` and `resume DIR` stop and restart it on the same port, for tests of a server that
# goes away and comes back.
# PostgreSQL refuses to run as root: as root, the cluster runs as the `postgres` user.
set -euo pipefail
command=${1:?usage: postgres-cluster.sh start|stop|halt|resume DIR}
dir=${2:?usage: postgres-cluster.sh start|stop|halt|resume DIR}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "postgres-cluster: PostgreSQL's server is not installed (Debian package postgresql)" >&2
  exit 69
fi
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
serve() {
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on -c max_connections=200" start >/dev/null ||
    { cat "$dir/server.log" >&2; exit 70; }
}
case "$command" in
start)
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  password=sitrep-test
  as_owner bash -c "printf '%s\n' '$password' > '$dir/password'"
  as_owner "$bin/initdb" -D "$dir/data" -U sitrep --pwfile="$dir/password" --auth-local=trust \
    --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 70; }
  as_owner bash -c "echo $port > '$dir/port'"
  serve
  echo "postgres://sitrep:$password@127.0.0.1:$port/postgres" | tee "$dir/url"
  ;;
halt)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  ;;
resume)
  port=$(cat "$dir/port")
  serve
  ;;
stop)
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: postgres-cluster.sh start|stop|halt|resume DIR" >&2
  exit 64
  ;;
esac
