# Sourced by postgres-benchmarks.sh and cost-curves.sh: starts the benchmark cluster for this run
# and stops it when the sourcing script exits. Needs $data; sets pgbin, cluster, pg_port, server
# (postgresql://gongji@127.0.0.1:PORT, add /DBNAME) and the functions pg_as_owner, psql_bench and
# pg_new_database NAME [TEMPLATE].
#
# The cluster lives in $data/postgres-<version> (initdb once, the postgres user as owner when run
# as root: PostgreSQL refuses to run as root) and runs with the server's defaults (fsync and
# synchronous_commit on), listening on 127.0.0.1 at a free port, only for this run.
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [[ -z "$pgbin" || ! -x "$pgbin/initdb" ]]; then
  echo "benchmarks on PostgreSQL: PostgreSQL is not installed (bash .ci/install-packages.sh)" >&2
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
  echo "benchmarks on PostgreSQL: the cluster did not start:" >&2; tail -n 20 "$cluster/server.log" >&2; exit 1
fi
psql_bench() { "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U gongji "$@"; }
server="postgresql://gongji@127.0.0.1:$pg_port"
# A new, empty database NAME (dropped first when it exists), or a file-level copy of TEMPLATE.
pg_new_database() {
  psql_bench -d postgres -c "DROP DATABASE IF EXISTS $1" \
    -c "CREATE DATABASE $1 TEMPLATE ${2:-template0} LOCALE 'C.UTF-8' ENCODING 'UTF8'"
}
