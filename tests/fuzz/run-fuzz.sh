#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in BUILD_DIR and runs each for SECONDS on the committed
# seed corpus (tests/fuzz/corpus/NAME). New inputs go to BUILD_DIR/corpus-NAME, never into the
# repository; a crash leaves its input as BUILD_DIR/crash-* and fails the test.
#   run-fuzz.sh BUILD_DIR [SECONDS]      exit 77: skipped (no clang or no libFuzzer)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${1:?usage: run-fuzz.sh BUILD_DIR [SECONDS]}"
seconds="${2:-30}"

cxx="$(command -v clang++ || command -v clang++-14 || true)"
if [[ -z "$cxx" ]]; then
  echo "fuzz: SKIPPED: clang++ is not installed (Debian: clang)"
  exit 77
fi
if ! echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long){return 0;}' \
     | "$cxx" -x c++ -fsanitize=fuzzer,address -o /dev/null - 2>/dev/null; then
  echo "fuzz: SKIPPED: $cxx cannot link -fsanitize=fuzzer (libFuzzer missing)"
  exit 77
fi

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S "$here" -B "$build" "${generator[@]}" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$build.configure.log" 2>&1 \
  || { cat "$build.configure.log"; exit 1; }
cmake --build "$build" -j2 >"$build.build.log" 2>&1 || { tail -40 "$build.build.log"; exit 1; }

status=0
for name in idnumber csvreader; do
  mkdir -p "$build/corpus-$name"
  echo "==> fuzz_$name for ${seconds}s on $(ls "$here/corpus/$name" | wc -l) seeds"
  # -timeout: one input taking over 10 s is a hang, reported as a failure.
  if ! (cd "$build" && ASAN_OPTIONS=detect_leaks=1 "./fuzz_$name" -max_total_time="$seconds" -timeout=10 \
          -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 "corpus-$name" "$here/corpus/$name" \
          >"fuzz_$name.log" 2>&1); then
    echo "fuzz_$name FAILED; its log ends:"
    tail -40 "$build/fuzz_$name.log"
    status=1
  else
    grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$build/fuzz_$name.log" | tail -2
  fi
done
exit $status
