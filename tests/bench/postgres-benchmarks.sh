# Sourced by run-benchmarks.sh --postgres (inside its results block): household lookup and
# filing submission on the same generated data in SQLite and in PostgreSQL.
# Uses from run-benchmarks.sh: $root $build $bench $data $db $name $lookup_passes $submit_runs.
#
# The cluster lives in $data/postgres-<version> (initdb once, the postgres user as owner when run
# as root: PostgreSQL refuses to run as root) and runs with the server's defaults (fsync and
# synchronous_commit on), listening on 127.0.0.1 at a free port, only for this run. The office
# database is $db copied once with `gongji-admin --db $db copy-to postgresql://…` and kept; the
# submit benchmark works on `CREATE DATABASE … TEMPLATE` of it (a file-level copy of the same
# data), dropped afterwards, as the SQLite side works on a copy of the file.
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [[ -z "$pgbin" || ! -x "$pgbin/initdb" ]]; then
  echo "run-benchmarks --postgres: PostgreSQL is not installed (bash .ci/install-packages.sh)" >&2
  exit 1
fi
pg_as_owner() { if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cluster="$data/postgres-$(basename "$(dirname "$pgbin")")"
if [[ ! -f "$cluster/data/PG_VERSION" ]]; then
  echo "==> creating the benchmark cluster in $cluster"
  mkdir -p "$cluster"
  [[ "$(id -u)" == 0 ]] && chown postgres "$cluster"
  pg_as_owner "$pgbin/initdb" -D "$cluster/data" -A trust -U gongji --locale=C.UTF-8 -E UTF8 >"$cluster/initdb.log"
fi
pg_stop() { pg_as_owner "$pgbin/pg_ctl" -D "$cluster/data" -m fast stop >/dev/null 2>&1 || true; }
pg_stop # a server left running by an interrupted run
trap pg_stop EXIT
pg_port=""
for attempt in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 30000))
  if pg_as_owner "$pgbin/pg_ctl" -D "$cluster/data" -w -t 60 -l "$cluster/server.log" \
       -o "-p $port -k $cluster -c listen_addresses=127.0.0.1" start >/dev/null; then
    pg_port=$port
    break
  fi
done
if [[ -z "$pg_port" ]]; then
  echo "run-benchmarks --postgres: the cluster did not start:" >&2; tail -n 20 "$cluster/server.log" >&2; exit 1
fi
psql_bench() { "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U gongji "$@"; }
pg_name="${name//-/_}"
server="postgresql://gongji@127.0.0.1:$pg_port"

echo "==> PostgreSQL server"
psql_bench -d postgres -At -c "SELECT 'version: ' || version()" \
  -c "SELECT name || '=' || current_setting(name) FROM pg_settings WHERE name IN
      ('shared_buffers', 'fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes', 'wal_level',
       'effective_cache_size', 'work_mem', 'max_wal_size') ORDER BY name"
echo "connection: TCP to 127.0.0.1:$pg_port (same machine), trust authentication"

if [[ ! -f "$cluster/$pg_name.copied" ]]; then
  echo "==> copying $db into $server/$pg_name (gongji-admin copy-to, once)"
  psql_bench -d postgres -c "DROP DATABASE IF EXISTS $pg_name" \
    -c "CREATE DATABASE $pg_name TEMPLATE template0 LOCALE 'C.UTF-8' ENCODING 'UTF8'"
  start=$(date +%s)
  admin="$build/app/admin/gongji-admin"
  admin_help=$("$admin" --help 2>&1 || true) # not piped to grep -q: pipefail would see the SIGPIPE
  if [[ "$admin_help" == *--clerk* ]]; then
    # copy-to needs a supervisor's sign-in on the source: the generated database has no account,
    # so a copy of it gets the supervisor "bench" (the SQLite benchmarks keep the file as it is).
    umask 077
    printf 'bench-password-1\n' >"$data/tmp/bench-password"
    cp "$db" "$data/tmp/copy-source.sqlite"
    "$admin" --db "$data/tmp/copy-source.sqlite" --password-file "$data/tmp/bench-password" init --supervisor bench >/dev/null
    "$admin" --db "$data/tmp/copy-source.sqlite" --clerk bench --password-file "$data/tmp/bench-password" \
      copy-to "$server/$pg_name"
    rm -f "$data/tmp/copy-source.sqlite"*
  else
    "$admin" --db "$db" copy-to "$server/$pg_name"
  fi
  echo "copy took $(( $(date +%s) - start )) s" | tee "$cluster/$pg_name.copied"
  psql_bench -d "$pg_name" -c "VACUUM ANALYZE"
fi
echo "database: $server/$pg_name ($(psql_bench -d postgres -At -c "SELECT pg_size_pretty(pg_database_size('$pg_name'))"))"

echo "==> household lookup, SQLite"
"$bench/bench_lookup" "$db" --passes "$lookup_passes"
echo "==> household lookup, PostgreSQL"
"$bench/bench_lookup" "$server/$pg_name" --lookups "$db.lookups.txt" --passes "$lookup_passes"

echo "==> one-target filing, SQLite (on a copy of the file)"
cp "$db" "$data/tmp/submit.sqlite"
"$bench/bench_submit" "$data/tmp/submit.sqlite" --runs "$submit_runs"
rm -f "$data/tmp/submit.sqlite"*
echo "==> one-target filing, PostgreSQL (on CREATE DATABASE … TEMPLATE $pg_name)"
psql_bench -d postgres -c "DROP DATABASE IF EXISTS bench_submit" -c "CREATE DATABASE bench_submit TEMPLATE $pg_name"
"$bench/bench_submit" "$server/bench_submit" --runs "$submit_runs"
psql_bench -d postgres -c "DROP DATABASE bench_submit"

# The registry import into a new office database: gongji-admin import-registry (COPY into a
# staging table, one merge) against psql's \copy of the same file into a table with the same
# UNIQUE (id_type, id_number) and name index. Wall time and the client's peak RSS (/usr/bin/time).
echo "==> registry import, PostgreSQL ($csv), load average $(cut -d' ' -f1-3 /proc/loadavg)"
admin="$build/app/admin/gongji-admin"
umask 077
printf 'bench-password-1\n' >"$data/tmp/bench-password"
psql_bench -d postgres -c "DROP DATABASE IF EXISTS bench_import" -c "DROP DATABASE IF EXISTS bench_copy" \
  -c "CREATE DATABASE bench_import TEMPLATE template0 LOCALE 'C.UTF-8' ENCODING 'UTF8'" \
  -c "CREATE DATABASE bench_copy TEMPLATE template0 LOCALE 'C.UTF-8' ENCODING 'UTF8'"
# A new office database gets its tables from setup-office (a counter role with it), then the account.
"$admin" --db "$server/bench_import" setup-office --counter-role bench_counter >/dev/null
"$admin" --db "$server/bench_import" --password-file "$data/tmp/bench-password" init --supervisor bench >/dev/null
/usr/bin/time -f 'gongji-admin import-registry: %e s, peak RSS %M KB' \
  "$admin" --db "$server/bench_import" --clerk bench --password-file "$data/tmp/bench-password" import-registry "$csv"
psql_bench -d bench_copy -c "CREATE TABLE person_import (name TEXT NOT NULL, id_type TEXT NOT NULL, id_number TEXT NOT NULL,
  sex TEXT, birth_date TEXT, insurance_type TEXT NOT NULL, employment TEXT, status TEXT NOT NULL, pooling_region TEXT NOT NULL,
  balance TEXT, public_medical INTEGER NOT NULL, UNIQUE (id_type, id_number))" \
  -c "CREATE INDEX person_import_by_name ON person_import (name)"
/usr/bin/time -f 'psql \copy: %e s, peak RSS %M KB' \
  "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U gongji -d bench_copy \
  -c "\\copy person_import FROM '$csv' WITH (FORMAT csv, HEADER true)"
psql_bench -d postgres -c "DROP DATABASE bench_import" -c "DROP DATABASE bench_copy"
