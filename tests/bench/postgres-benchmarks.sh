# Sourced by run-benchmarks.sh --postgres (inside its results block): household lookup and
# filing submission on the same generated data in SQLite and in PostgreSQL.
# Uses from run-benchmarks.sh: $root $build $bench $data $db $name $persons $active $ended
# $lookup_passes $submit_runs.
#
# The cluster (postgres-cluster.sh) runs only for this run. The office database is generated once
# through COPY with the seed of $db, so the same data (pg_office_database), and kept; the submit
# benchmark works on `CREATE DATABASE … TEMPLATE` of it (a file-level copy of the same data),
# dropped afterwards, as the SQLite side works on a copy of the file.
source "$root/tests/bench/postgres-cluster.sh"
pg_name="${name//-/_}"

echo "==> PostgreSQL server"
psql_bench -d postgres -At -c "SELECT 'version: ' || version()" \
  -c "SELECT name || '=' || current_setting(name) FROM pg_settings WHERE name IN
      ('shared_buffers', 'fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes', 'wal_level',
       'effective_cache_size', 'work_mem', 'max_wal_size') ORDER BY name"
echo "connection: TCP to 127.0.0.1:$pg_port (same machine), trust authentication"

admin="$build/app/admin/gongji-admin"
source "$root/tests/bench/postgres-steps.sh"
pg_office_database "$pg_name" "$persons" "$active" "$ended"
echo "database: $server/$pg_name ($(psql_bench -d postgres -At -c "SELECT pg_size_pretty(pg_database_size('$pg_name'))"))"

echo "==> household lookup, SQLite"
"$bench/bench_lookup" "$db" --passes "$lookup_passes"
echo "==> household lookup, PostgreSQL"
"$bench/bench_lookup" "$server/$pg_name" --lookups "$cluster/$pg_name.lookups.txt" --passes "$lookup_passes"

echo "==> one-target filing, SQLite (on a copy of the file)"
cp "$db" "$data/tmp/submit.sqlite"
"$bench/bench_submit" "$data/tmp/submit.sqlite" --runs "$submit_runs"
rm -f "$data/tmp/submit.sqlite"*
echo "==> one-target filing, PostgreSQL (on CREATE DATABASE … TEMPLATE $pg_name)"
pg_new_database bench_submit "$pg_name"
"$bench/bench_submit" "$server/bench_submit" --runs "$submit_runs"
psql_bench -d postgres -c "DROP DATABASE bench_submit"

echo "==> registry import, PostgreSQL ($csv), load average $(cut -d' ' -f1-3 /proc/loadavg)"
pg_import_figures "$csv"
