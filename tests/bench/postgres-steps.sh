# Sourced after postgres-cluster.sh by postgres-benchmarks.sh and cost-curves.sh: what both do on
# the benchmark cluster. Needs $bench (the benchmark programs), $admin (gongji-admin) and $data.

# pg_office_database NAME PERSONS ACTIVE ENDED: the office database NAME generated once (kept,
# with $cluster/NAME.generated) by gongji-bench-generate through COPY, with the same seed and so
# the same data as the SQLite file of that size; its ID numbers to look up in
# $cluster/NAME.lookups.txt. Then VACUUM ANALYZE (by the generator), as an office's settled server.
pg_office_database() {
  local name=$1 persons=$2 active=$3 ended=$4
  [[ -f "$cluster/$name.generated" ]] && return 0
  echo "==> generating $server/$name ($persons persons, $active active and $ended ended bindings, through COPY)" >&2
  pg_new_database "$name" >&2
  local start=$SECONDS
  "$bench/gongji-bench-generate" --db "$server/$name" --persons "$persons" --active "$active" --ended "$ended" \
    --lookups "$cluster/$name.lookups.txt" >&2
  echo "generated in $((SECONDS - start)) s, $(psql_bench -d postgres -At -c "SELECT pg_size_pretty(pg_database_size('$name'))")" \
    | tee "$cluster/$name.generated" >&2
}

# pg_import_figures CSV measures the registry import on the
# benchmark cluster and prints three lines, "gongji-admin import-registry: SECONDS s, peak RSS KB KB",
# "psql \copy: SECONDS s, peak RSS KB KB" and "gongji-admin import-registry again: …"
# (/usr/bin/time: wall time, the client's peak RSS); the programs' own output goes to stderr.
#
# The import goes into a new office database (setup-office, then the supervisor "bench"): a first
# import into the empty registry, COPY straight into it. Its baseline is psql's \copy of the same
# file into a table with the same UNIQUE (id_type, id_number) and name index. Then the same file
# again into the registry it filled: COPY into the staging table, one merge (nothing changes).
pg_import_figures() {
  local csv=$1
  (umask 077; printf 'bench-password-1\n' >"$data/tmp/bench-password")
  pg_new_database bench_import >&2
  pg_new_database bench_copy >&2
  "$admin" --db "$server/bench_import" setup-office --counter-role bench_counter >/dev/null
  "$admin" --db "$server/bench_import" --password-file "$data/tmp/bench-password" init --supervisor bench >/dev/null
  /usr/bin/time -f 'gongji-admin import-registry: %e s, peak RSS %M KB' -o "$data/tmp/import-time.txt" \
    "$admin" --db "$server/bench_import" --clerk bench --password-file "$data/tmp/bench-password" \
    import-registry "$csv" >&2
  cat "$data/tmp/import-time.txt"
  psql_bench -d bench_copy -c "CREATE TABLE person_import (name TEXT NOT NULL, id_type TEXT NOT NULL,
    id_number TEXT NOT NULL, sex TEXT, birth_date TEXT, insurance_type TEXT NOT NULL, employment TEXT,
    status TEXT NOT NULL, pooling_region TEXT NOT NULL, balance TEXT, public_medical INTEGER NOT NULL,
    UNIQUE (id_type, id_number))" \
    -c "CREATE INDEX person_import_by_name ON person_import (name)" >&2
  /usr/bin/time -f 'psql \\copy: %e s, peak RSS %M KB' -o "$data/tmp/import-time.txt" \
    "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U gongji -d bench_copy \
    -c "\\copy person_import FROM '$csv' WITH (FORMAT csv, HEADER true)" >&2
  cat "$data/tmp/import-time.txt"
  /usr/bin/time -f 'gongji-admin import-registry again: %e s, peak RSS %M KB' -o "$data/tmp/import-time.txt" \
    "$admin" --db "$server/bench_import" --clerk bench --password-file "$data/tmp/bench-password" \
    import-registry "$csv" >&2
  cat "$data/tmp/import-time.txt"
  psql_bench -d postgres -c "DROP DATABASE bench_import" -c "DROP DATABASE bench_copy" >&2
}
