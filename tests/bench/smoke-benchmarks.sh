#!/usr/bin/env bash
# The benchmark programs still run (ctest: bench_smoke): each on a tiny generated database with
# one or two runs, and each must print its RESULT lines. No figure is judged here: timing belongs
# to run-benchmarks.sh on office-sized data, not to the test suite.
#   smoke-benchmarks.sh BENCH_DIR DESK   (with GONGJI_TEST_POSTGRES set: on that server too)
set -euo pipefail
bench="$1"; desk="$2"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work/xdg"
mkdir -m 700 "$work/xdg"

expect_result() { # NAME COMMAND...: runs it, shows its output, fails without a RESULT line
  local name="$1"; shift
  echo "==> $name"
  "$@" 2>&1 | tee "$work/out" | grep -v '^QStandardPaths'
  grep -q '^RESULT ' "$work/out" || { echo "bench_smoke: $name printed no RESULT line" >&2; exit 1; }
}

"$bench/gongji-bench-generate" --db "$work/small.sqlite" --persons 3000 --active 3000 --ended 300
"$bench/gongji-bench-generate" --registry-csv "$work/registry.csv" --persons 1000
cp "$work/small.sqlite" "$work/submit.sqlite"
expect_result lookup "$bench/bench_lookup" "$work/small.sqlite" --passes 1
expect_result submit "$bench/bench_submit" "$work/submit.sqlite" --runs 5
expect_result import "$bench/bench_import" "$work/registry.csv" "$work" --runs 1
mkdir "$work/pdf"
expect_result pdf "$bench/bench_pdf" "$work/pdf" --runs 2
expect_result startup "$bench/bench_startup" "$desk" "$bench/gongji-bench-minimal-window" "$work/small.sqlite" --runs 1 \
  --household-viewer "$bench/gongji-bench-gui-household" "$(head -1 "$work/small.sqlite.lookups.txt")"
# Under tests/postgres/with-postgres.sh (bench_smoke_postgres): the same data generated on the
# server through COPY, and the lookup and submit there.
if [[ -n "${GONGJI_TEST_POSTGRES:-}" ]]; then
  server="${GONGJI_TEST_POSTGRES%/*}"
  psql -X -q -v ON_ERROR_STOP=1 "$GONGJI_TEST_POSTGRES" -c "CREATE DATABASE bench_smoke"
  "$bench/gongji-bench-generate" --db "$server/bench_smoke" --persons 3000 --active 3000 --ended 300 \
    --lookups "$work/pg.lookups.txt"
  cmp "$work/pg.lookups.txt" "$work/small.sqlite.lookups.txt" \
    || { echo "bench_smoke: the server's data is not the file's" >&2; exit 1; }
  expect_result "lookup, PostgreSQL" "$bench/bench_lookup" "$server/bench_smoke" --lookups "$work/pg.lookups.txt" --passes 1
  psql -X -q -v ON_ERROR_STOP=1 "$GONGJI_TEST_POSTGRES" -c "CREATE DATABASE bench_submit TEMPLATE bench_smoke"
  expect_result "submit, PostgreSQL" "$bench/bench_submit" "$server/bench_submit" --runs 5
fi
echo "bench_smoke: every benchmark program ran"
