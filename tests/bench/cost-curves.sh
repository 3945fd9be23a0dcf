#!/usr/bin/env bash
# Cost curves (BENCHMARKS.md, "Cost curves"): household lookup p95, submit p95, registry import
# time and import peak RSS against the registry's size, each beside its baseline of the same run,
# on SQLite and (--postgres) on PostgreSQL; then a gnuplot PNG of them.
#   bash tests/bench/cost-curves.sh [--postgres] [PERSONS...]        (default: 250000 1000000)
# Uses the programs of $GONGJI_BENCH_BUILD (default <repo>/build-bench; built by
# run-benchmarks.sh, or: cmake --build DIR --target gongji-bench-generate bench_lookup
# bench_submit gongji-admin). Data is generated once per size under $GONGJI_BENCH_DATA (default
# /work/bench-data), never in the repository. Writes $GONGJI_BENCH_DATA/curves-<time>/ with every
# program's output, curves.dat and curves.png; GONGJI_CURVES_PNG=PATH copies the PNG there.
# The import is `gongji-admin import-registry` into a new database, its wall time and peak RSS
# by /usr/bin/time -f '%e %M'; its baseline the sqlite3 shell's `.import` of the same file into
# a table with the same UNIQUE (id_type, id_number) and name index, WAL, synchronous=FULL.
# --postgres: at each size also on the benchmark cluster (postgres-cluster.sh, started for the run):
# the office database generated once through COPY with the same data (postgres-steps.sh), the
# lookup beside libpq running the same statement, the submit on a CREATE DATABASE … TEMPLATE copy
# beside libpq's bare INSERTs, the import (setup-office, then import-registry) beside psql \copy.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${GONGJI_BENCH_BUILD:-$root/build-bench}"
data="${GONGJI_BENCH_DATA:-/work/bench-data}"
bench="$build/tests/bench"
admin="$build/app/admin/gongji-admin"
postgres=0
sizes=()
for arg in "$@"; do
  case "$arg" in
    --postgres) postgres=1 ;;
    *[!0-9]* | "") echo "cost-curves: unknown argument $arg ([--postgres] [PERSONS...])" >&2; exit 64 ;;
    *) sizes+=("$arg") ;;
  esac
done
(( ${#sizes[@]} )) || sizes=(250000 1000000)
for program in "$bench/gongji-bench-generate" "$bench/bench_lookup" "$bench/bench_submit" "$admin"; do
  [[ -x "$program" ]] || { echo "cost-curves: $program is missing; build it first" >&2; exit 1; }
done
command -v sqlite3 >/dev/null || { echo "cost-curves: the sqlite3 shell is missing" >&2; exit 1; }
out="$data/curves-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out" "$data/tmp"
dat="$out/curves.dat"
echo "# persons lookup_p95_us lookup_raw_p95_us submit_p95_ms submit_raw_p95_ms import_s sqlite3_import_s import_rss_mb" \
  "sqlite3_rss_mb load1 pg_lookup_p95_us libpq_lookup_p95_us pg_submit_p95_ms libpq_submit_p95_ms pg_import_s" \
  "psql_copy_s pg_import_rss_mb psql_copy_rss_mb pg_reimport_s (? = not measured)" >"$dat"
if (( postgres )); then
  source "$root/tests/bench/postgres-cluster.sh"
  source "$root/tests/bench/postgres-steps.sh"
  psql_bench -d postgres -At -c "SELECT version()" | tee "$out/postgres.txt"
fi

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" | head -n 1; } # a key=value of a RESULT line
timed() { /usr/bin/time -f '%e %M' -o "$out/time.txt" "$@" >>"$out/programs.txt"; cat "$out/time.txt"; } # prints "seconds KB"

for n in "${sizes[@]}"; do
  tag="$((n / 1000))k"
  db="$data/office-$tag.sqlite"
  csv="$data/registry-$tag.csv"
  if [[ ! -f "$db" ]]; then
    echo "==> generating $db"
    "$bench/gongji-bench-generate" --db "$db" --persons "$n" --active "$n" --ended "$((n / 10))"
  fi
  [[ -f "$csv" ]] || { echo "==> generating $csv"; "$bench/gongji-bench-generate" --registry-csv "$csv" --persons "$n"; }
  load="$(cut -d' ' -f1 /proc/loadavg)"
  echo "==> $n persons, $(date -u '+%H:%M') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"

  "$bench/bench_lookup" "$db" --passes 1 | tee "$out/lookup-$tag.txt"
  lookup="$(grep '^RESULT name=household_lookup ' "$out/lookup-$tag.txt")"

  cp "$db" "$data/tmp/curves-submit.sqlite"
  "$bench/bench_submit" "$data/tmp/curves-submit.sqlite" --runs 100 | tee "$out/submit-$tag.txt"
  rm -f "$data/tmp/curves-submit.sqlite"*
  submit="$(grep '^RESULT name=submit_one_target ' "$out/submit-$tag.txt")"

  target="$data/tmp/curves-import.sqlite"
  rm -f "$target"*
  password="$data/tmp/curves-password"
  (umask 077; printf 'bench-supervisor-1\n' >"$password")
  "$admin" --db "$target" --password-file "$password" init --supervisor bench >/dev/null
  read -r import_s import_kb < <(timed "$admin" --db "$target" --clerk bench --password-file "$password" import-registry "$csv")
  rm -f "$target"*
  shell="$data/tmp/curves-shell.sqlite"
  rm -f "$shell"*
  read -r shell_s shell_kb < <(timed sqlite3 "$shell" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
CREATE TABLE person_import (name TEXT NOT NULL, id_type TEXT NOT NULL, id_number TEXT NOT NULL, sex TEXT,
  birth_date TEXT, insurance_type TEXT NOT NULL, employment TEXT, status TEXT NOT NULL, pooling_region TEXT NOT NULL,
  balance TEXT, public_medical INTEGER NOT NULL, UNIQUE (id_type, id_number));
CREATE INDEX person_import_by_name ON person_import (name);
.bail on
.import --csv --skip 1 '$csv' person_import
SQL
)
  rm -f "$shell"*
  echo "registry import of $n rows: gongji-admin ${import_s} s, peak RSS $((import_kb / 1024)) MB; sqlite3 .import ${shell_s} s, peak RSS $((shell_kb / 1024)) MB" | tee "$out/import-$tag.txt"
  pg="? ? ? ? ? ? ? ? ?"
  if (( postgres )); then
    name="office_$tag"
    pg_office_database "$name" "$n" "$n" "$((n / 10))"
    cmp -s "$cluster/$name.lookups.txt" "$db.lookups.txt" \
      || echo "cost-curves: warning: $name and $db were not generated alike (their lookups differ)" >&2
    echo "==> $n persons on PostgreSQL, $(date -u '+%H:%M') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    "$bench/bench_lookup" "$server/$name" --lookups "$cluster/$name.lookups.txt" --passes 1 | tee "$out/lookup-pg-$tag.txt"
    pg_lookup="$(grep '^RESULT name=pg_household_lookup ' "$out/lookup-pg-$tag.txt")"
    pg_new_database curves_submit "$name" >/dev/null
    "$bench/bench_submit" "$server/curves_submit" --runs 100 | tee "$out/submit-pg-$tag.txt"
    psql_bench -d postgres -c "DROP DATABASE curves_submit"
    pg_submit="$(grep '^RESULT name=pg_submit_one_target ' "$out/submit-pg-$tag.txt")"
    pg_import_figures "$csv" 2>>"$out/programs.txt" | tee "$out/import-pg-$tag.txt"
    # "…: SECONDS s, peak RSS KB KB" of the import, of \copy, then of the import again
    read -r pg_s pg_kb psql_s psql_kb again_s again_kb <<<"$(sed -n 's/.*: \([0-9.]*\) s, peak RSS \([0-9]*\) KB/\1 \2/p' \
      "$out/import-pg-$tag.txt" | tr '\n' ' ')"
    pg="$(field p95 <<<"$pg_lookup") $(field baseline_p95 <<<"$pg_lookup") $(field p95 <<<"$pg_submit")"
    pg+=" $(field baseline_p95 <<<"$pg_submit") $pg_s $psql_s $((pg_kb / 1024)) $((psql_kb / 1024)) $again_s"
  fi
  echo "$n $(field p95 <<<"$lookup") $(field baseline_p95 <<<"$lookup") $(field p95 <<<"$submit") $(field baseline_p95 <<<"$submit") $import_s $shell_s $((import_kb / 1024)) $((shell_kb / 1024)) $load $pg" >>"$dat"
done

echo "==> $dat"
cat "$dat"
if command -v gnuplot >/dev/null; then
  # The PostgreSQL lines of each panel (columns 11-18), only when measured: gnuplot refuses a line
  # without a point.
  pg_plot=("" "" "" "")
  if (( postgres )); then
    pg_plot=(', "" using 1:11 with linespoints ls 3 title "PostgreSQL: findByDocument", "" using 1:12 with linespoints ls 4 title "PostgreSQL: libpq, same statement"'
             ', "" using 1:13 with linespoints ls 3 title "PostgreSQL: submit", "" using 1:14 with linespoints ls 4 title "PostgreSQL: libpq INSERT x4 + COMMIT"'
             ', "" using 1:15 with linespoints ls 3 title "PostgreSQL: import-registry", "" using 1:16 with linespoints ls 4 title "PostgreSQL: psql \\copy"'
             ', "" using 1:17 with linespoints ls 3 title "PostgreSQL: import-registry", "" using 1:18 with linespoints ls 4 title "PostgreSQL: psql \\copy"')
  fi
  gnuplot <<GP
set terminal pngcairo size 1200,1000 font ",10"
set output "$out/curves.png"
set multiplot layout 2,2 title "Gongji Desk on SQLite and PostgreSQL: cost against the registry's size (each beside its baseline of the same run)"
set datafile missing "?"
set key below maxrows 2 font ",8"
set offsets 0, 0, graph 0.1, 0
# SQLite solid, PostgreSQL dashed; the program measured dark, its baseline light.
set style line 1 lw 2 pt 7 lc rgb "#1f4e9c"
set style line 2 lw 2 pt 6 lc rgb "#7fa6e0"
set style line 3 lw 2 pt 5 dt 2 lc rgb "#b03a2e"
set style line 4 lw 2 pt 4 dt 2 lc rgb "#e79a8f"
set xlabel "persons in the registry"
set format x "%.1s%c"
set xtics 1000000
set grid
set yrange [0:*]
set title "household lookup, p95"
set ylabel "µs"
plot "$dat" using 1:2 with linespoints ls 1 title "SQLite: HouseholdStore::findByDocument", "" using 1:3 with linespoints ls 2 title "SQLite: raw C API"${pg_plot[0]}
set title "one-target filing submit, p95"
set ylabel "ms"
plot "$dat" using 1:4 with linespoints ls 1 title "SQLite: FilingSubmission::submit", "" using 1:5 with linespoints ls 2 title "SQLite: bare INSERT x4 + COMMIT"${pg_plot[1]}
set title "registry import, wall time"
set ylabel "s"
plot "$dat" using 1:6 with linespoints ls 1 title "SQLite: gongji-admin import-registry", "" using 1:7 with linespoints ls 2 title "SQLite: sqlite3 .import"${pg_plot[2]}
set title "registry import, peak RSS"
set ylabel "MB"
plot "$dat" using 1:8 with linespoints ls 1 title "SQLite: gongji-admin import-registry", "" using 1:9 with linespoints ls 2 title "SQLite: sqlite3 .import"${pg_plot[3]}
unset multiplot
GP
  echo "==> $out/curves.png"
  if [[ -n "${GONGJI_CURVES_PNG:-}" ]]; then cp "$out/curves.png" "$GONGJI_CURVES_PNG"; fi
fi
