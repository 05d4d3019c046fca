#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests and for trying the
# kiosk with a shared store, from Debian's packages
# (`apt-get install -y postgresql`): its own data folder and port, run as
# the `postgres` user when started by root. Prints the URL to export:
#
#   eval "$(scripts/pg-dev.sh)"     # sets KIOSK_TEST_PG_URL
#   scripts/pg-dev.sh stop          # stops it (the folder is kept)
#
# `cargo test` runs it by itself when KIOSK_TEST_PG_URL is not set.
#
# The port (54329) and folder (/tmp/kiosk-pg-54329) can be changed with
# KIOSK_PG_PORT and KIOSK_PG_DIR. Nothing here is for a clinic's real
# server: see docs/postgres.md for that.
set -euo pipefail

port=${KIOSK_PG_PORT:-54329}
dir=${KIOSK_PG_DIR:-/tmp/kiosk-pg-$port}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL is not installed: run 'apt-get install -y postgresql' (as root) first" >&2
  exit 1
fi

# As root, the server runs as the postgres user (it refuses to run as root).
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# One start at a time (test programs may call this together).
mkdir -p "$(dirname "$dir")"
exec 9>"$dir.lock"
flock 9

if [ "${1:-start}" = stop ]; then
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >&2 || true
  exit 0
fi

if [ ! -f "$dir/data/PG_VERSION" ]; then
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  chmod 700 "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust \
    --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  # Loopback only; durable commits as in production.
  cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
synchronous_commit = on
fsync = on
max_connections = 200
CONF
fi

if ! as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  # 9>&-: the server must not inherit the lock, or it would hold it for as
  # long as it runs and a later `stop` would wait for ever.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >&2 9>&-
fi

# The tests' role and database: the role owns the database and may make the
# schemas each test works in. Its password is a throwaway one.
psql_su() { as_owner psql -X -q -h "$dir" -p "$port" -U postgres "$@"; }
psql_su -d postgres -v ON_ERROR_STOP=1 <<'SQL' >&2
SELECT 'CREATE ROLE kiosk_test LOGIN CREATEROLE PASSWORD ''kiosk-test'''
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kiosk_test') \gexec
SELECT 'CREATE DATABASE kiosk_test OWNER kiosk_test'
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'kiosk_test') \gexec
SQL
# The fault tests end other connections of this role (pg_terminate_backend).
psql_su -d postgres -c "GRANT pg_signal_backend TO kiosk_test" >&2

echo "export KIOSK_TEST_PG_URL='postgresql://kiosk_test:kiosk-test@127.0.0.1:$port/kiosk_test'"
echo "export KIOSK_TEST_PG_DIR='$dir'"
