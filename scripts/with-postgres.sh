#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server: SITREP_TEST_BACKEND=postgres and
# SITREP_TEST_POSTGRES=<its URL> in the environment, and the server stopped afterwards.
# Without PostgreSQL's server: CI fails; a developer's run skips with the reason printed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then
    echo "with-postgres: PostgreSQL's server is missing (Debian package postgresql); the PostgreSQL tests cannot run" >&2
    exit 1
  fi
  echo "with-postgres: SKIPPED the PostgreSQL runs: PostgreSQL's server is not installed (apt-get install postgresql)"
  exit 0
fi
dir=$(mktemp -d /tmp/sitrep-pg.XXXXXX)
trap 'bash "$here/postgres-cluster.sh" stop "$dir"' EXIT
url=$(bash "$here/postgres-cluster.sh" start "$dir")
echo "with-postgres: throwaway server at ${url/:sitrep-test@/@} in $dir"
SITREP_TEST_BACKEND=postgres SITREP_TEST_POSTGRES="$url" "$@"
