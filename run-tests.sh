#!/usr/bin/env bash
# Installs what is missing, builds Gongji Desk and runs the whole test suite.
#   bash run-tests.sh [CTEST-ARGS...]      e.g. bash run-tests.sh -R tst_idnumber
# Exits with ctest's status. The build directory is ./build (GONGJI_BUILD_DIR overrides).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
cd "$(dirname "${BASH_SOURCE[0]}")"

build_dir=${GONGJI_BUILD_DIR:-build}

echo "==> [1/3] packages"
bash .ci/install-packages.sh

echo "==> [2/3] configure and build in ${build_dir}/"
configure=(cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo)
if [[ -f "$build_dir/CMakeCache.txt" ]]; then
  # Keep the generator the directory was made with (e.g. by a plain `cmake -S . -B build`).
  echo "    (reusing ${build_dir}/: $(sed -n 's/^CMAKE_GENERATOR:INTERNAL=//p' "$build_dir/CMakeCache.txt"))"
else
  configure+=(-G Ninja)
fi
echo "+ ${configure[*]}"
"${configure[@]}"
echo "+ cmake --build $build_dir --parallel $(nproc)"
cmake --build "$build_dir" --parallel "$(nproc)"

echo "==> [3/3] tests"
echo "+ ctest --test-dir $build_dir --output-on-failure $*"
status=0
ctest --test-dir "$build_dir" --output-on-failure "$@" || status=$?
echo "==> ctest exited with status ${status}"
exit "$status"
