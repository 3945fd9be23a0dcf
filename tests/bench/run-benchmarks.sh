#!/usr/bin/env bash
# Every benchmark, one command (BENCHMARKS.md):
#   bash tests/bench/run-benchmarks.sh [--quick] [--postgres]
# Builds the benchmark programs (Release, in build-bench), generates the office-sized database
# and registry CSV once (reused afterwards; never in the repository), runs each benchmark and
# prints the machine, the figures and a summary. --quick: 100,000 persons and fewer runs, to
# check that everything works (figures not comparable to the goals). --postgres: only lookup and
# submit, each on SQLite and on a throwaway PostgreSQL cluster holding the same data
# (tests/bench/postgres-benchmarks.sh).
# Environment: GONGJI_BENCH_DATA (default /work/bench-data), GONGJI_BENCH_BUILD (default
# <repo>/build-bench), GONGJI_BENCH_JOBS (default 2), GONGJI_BENCH_IMPORT_ROWS (default: all
# rows of the registry CSV; fewer rows are its first ones) and GONGJI_BENCH_IMPORT_RUNS.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${GONGJI_BENCH_BUILD:-$root/build-bench}"
data="${GONGJI_BENCH_DATA:-/work/bench-data}"
jobs="${GONGJI_BENCH_JOBS:-2}"
quick=0
postgres=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    --postgres) postgres=1 ;;
    *) echo "run-benchmarks: unknown option $arg (--quick, --postgres)" >&2; exit 64 ;;
  esac
done

persons=1000000; active=1000000; ended=100000; name=office-1m
lookup_passes=3; submit_runs=200; import_runs=3; startup_runs=20; pdf_runs=50
if (( quick )); then
  persons=100000; active=100000; ended=10000; name=office-100k
  lookup_passes=1; submit_runs=30; import_runs=1; startup_runs=5; pdf_runs=10
fi

echo "==> building benchmark programs in $build"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
targets=(gongji-bench-generate bench_lookup bench_submit bench_import bench_startup gongji-desk
         gongji-bench-minimal-window gongji-bench-gui-household)
[[ -f "$root/model/printing/SummaryPdf.h" ]] && targets+=(bench_pdf)
(( postgres )) && targets=(gongji-bench-generate bench_lookup bench_submit gongji-admin)
cmake --build "$build" -j"$jobs" --target "${targets[@]}" >/dev/null
bench="$build/tests/bench"

mkdir -p "$data/tmp"
db="$data/$name.sqlite"
csv="$data/registry-$((persons / 1000))k.csv"
if [[ ! -f "$db" ]]; then
  echo "==> generating $db ($persons persons, $active active and $ended ended bindings)"
  "$bench/gongji-bench-generate" --db "$db" --persons "$persons" --active "$active" --ended "$ended"
fi
if [[ ! -f "$csv" ]]; then
  echo "==> generating $csv"
  "$bench/gongji-bench-generate" --registry-csv "$csv" --persons "$persons"
fi

results="$data/results-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "==> machine"
  echo "date (UTC): $(date -u '+%Y-%m-%d %H:%M')"
  echo "os: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "disk: $(df -h "$data" | awk 'NR==2 {print $2 " " $1 ", " $4 " free"}')"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "compiler: $(c++ --version | head -1); Qt $(qtpaths6 --qt-version 2>/dev/null || echo '?'); sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
  echo "database: $db ($(du -h "$db" | cut -f1)), registry CSV $csv ($(du -h "$csv" | cut -f1))"
  if (( postgres )); then
    source "$root/tests/bench/postgres-benchmarks.sh"
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    exit 0 # ends this block only (it runs in a subshell, piped to tee); the summary follows
  fi

  echo "==> household lookup"
  "$bench/bench_lookup" "$db" --passes "$lookup_passes"

  echo "==> one-target filing"
  cp "$db" "$data/tmp/submit.sqlite"
  "$bench/bench_submit" "$data/tmp/submit.sqlite" --runs "$submit_runs"
  rm -f "$data/tmp/submit.sqlite"*

  import_csv="$csv"
  import_rows="${GONGJI_BENCH_IMPORT_ROWS:-$persons}"
  if (( import_rows < persons )); then
    import_csv="$data/tmp/registry-first-$import_rows.csv"
    head -n $((import_rows + 1)) "$csv" >"$import_csv"
  fi
  echo "==> registry import ($import_rows rows)"
  "$bench/bench_import" "$import_csv" "$data/tmp" --runs "${GONGJI_BENCH_IMPORT_RUNS:-$import_runs}"

  echo "==> start-up and memory of the GUI"
  number="$(head -1 "$db.lookups.txt")"
  startup=("$bench/bench_startup" "$build/app/desk/gongji-desk" "$bench/gongji-bench-minimal-window" "$db"
           --runs "$startup_runs" --household-viewer "$bench/gongji-bench-gui-household" "$number")
  if command -v xvfb-run >/dev/null; then
    xvfb-run -a -s "-screen 0 1280x1024x24" "${startup[@]}"
  else
    echo "(no xvfb-run: offscreen platform)"
    QT_QPA_PLATFORM=offscreen "${startup[@]}"
  fi

  if [[ -x "$bench/bench_pdf" ]]; then
    echo "==> confirmation summary PDF"
    QT_QPA_PLATFORM=offscreen "$bench/bench_pdf" "$data/tmp" --runs "$pdf_runs"
  fi
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$results"

echo "==> summary (also in $results)"
grep '^RESULT' "$results" | sed 's/^RESULT //' | awk '{
  for (i = 1; i <= NF; ++i) { split($i, kv, "="); v[kv[1]] = substr($i, length(kv[1]) + 2) }
  printf "%-24s median %10s %-3s p95 %10s | baseline median %10s | ratio %6s | %s: %s\n",
         v["name"], v["median"], v["unit"], v["p95"], v["baseline_median"], v["ratio"], v["goal"], (v["met"] == "yes" ? "met" : "MISSED")
}'
