#!/usr/bin/env bash
# Runs one test program against a throwaway PostgreSQL cluster in a temporary directory on a
# free local port, then stops it. Exit 77 (CTest: skipped, never passed) when PostgreSQL is not
# installed or cannot start. PostgreSQL refuses to run as root: as root the cluster runs as the
# postgres user.
set -u
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
  echo "SKIP: PostgreSQL is not installed (Debian package postgresql)"; exit 77
fi
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
dir=$(mktemp -d /tmp/gongji-pg.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$dir"
cleanup() { as_owner "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$dir"; }
trap cleanup EXIT
if ! as_owner "$pgbin/initdb" -D "$dir/data" -A trust -U gongji --locale=C.UTF-8 -E UTF8 >"$dir/initdb.log" 2>&1; then
  echo "SKIP: initdb failed:"; cat "$dir/initdb.log"; exit 77
fi
for attempt in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 30000))
  if as_owner "$pgbin/pg_ctl" -D "$dir/data" -w -t 30 -l "$dir/server.log" \
       -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null 2>&1; then
    export GONGJI_TEST_POSTGRES="postgresql://gongji@127.0.0.1:$port/postgres"
    echo "PostgreSQL test cluster on port $port"
    "$@"
    exit $?
  fi
done
echo "SKIP: the PostgreSQL test cluster did not start:"; tail -n 20 "$dir/server.log"; exit 77
