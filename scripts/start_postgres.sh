#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for newsgraph's tests and print its URL.
#
# Idempotent: installs the Debian package when missing, creates a cluster in
# $NEWSGRAPH_PG_DIR (default /tmp/newsgraph-pg) owned by the postgres user, starts it on
# 127.0.0.1:$NEWSGRAPH_PG_PORT (default 54329) unless it already runs, creates the database
# `newsgraph_test`, and prints the URL on stdout (everything else goes to stderr):
#
#   export NEWSGRAPH_TEST_PG=$(bash scripts/start_postgres.sh)
#
# Loopback only, trust authentication: a test server, never a production one.
set -euo pipefail

PGDIR="${NEWSGRAPH_PG_DIR:-/tmp/newsgraph-pg}"
PORT="${NEWSGRAPH_PG_PORT:-54329}"
DB="${NEWSGRAPH_PG_DB:-newsgraph_test}"

log() { echo "start_postgres: $*" >&2; }

find_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

BIN="$(find_bin)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  log "installing postgresql (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN="$(find_bin)"
fi
[ -x "$BIN/initdb" ] || { log "no initdb found after install"; exit 1; }

as_pg() {
  if [ "$(id -u)" = "0" ]; then
    su postgres -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}

if [ ! -f "$PGDIR/PG_VERSION" ]; then
  log "creating a cluster in $PGDIR"
  mkdir -p "$PGDIR"
  [ "$(id -u)" = "0" ] && chown postgres: "$PGDIR"
  as_pg "'$BIN/initdb' -D '$PGDIR' -U postgres -A trust -E UTF8 --locale=C.UTF-8" >&2
fi

if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  log "starting the server on 127.0.0.1:$PORT"
  as_pg "'$BIN/pg_ctl' -D '$PGDIR' -l '$PGDIR/server.log' -w -t 60 \
         -o \"-c listen_addresses=127.0.0.1 -p $PORT -k '$PGDIR' -c fsync=off\" start" >&2
fi

for _ in $(seq 1 60); do
  "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" && break
  sleep 0.5
done
"$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" || { log "the server did not come up"; exit 1; }

if ! "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc \
     "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB" >&2
fi

echo "postgresql://postgres@127.0.0.1:$PORT/$DB"
