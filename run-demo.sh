#!/usr/bin/env bash
# Installs what is missing, builds Gongji Desk and starts gongji-desk on a demo database
# (./build/demo/gongji-demo.sqlite, filled with the demo registry by --demo).
#
#   bash run-demo.sh                      start the desk; under Xvfb when there is no display
#   bash run-demo.sh --screenshot FILE    start it on a virtual display, save a PNG of the
#                                         screen to FILE after GONGJI_SCREENSHOT_DELAY seconds
#                                         (default 5), then quit
#   bash run-demo.sh [...] -- ARGS...     pass ARGS on to gongji-desk (e.g. -- --lang en)
# The build directory is ./build (GONGJI_BUILD_DIR overrides).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
cd "$(dirname "${BASH_SOURCE[0]}")"

build_dir=${GONGJI_BUILD_DIR:-build}
screenshot=""
extra_args=()
while (( $# )); do
  case "$1" in
    --screenshot) [[ $# -ge 2 ]] || { echo "run-demo: --screenshot needs a file name" >&2; exit 2; }
                  screenshot=$(realpath -m -- "$2"); shift 2 ;;
    --)           shift; extra_args=("$@"); break ;;
    -h|--help)    sed -n '2,10p' "$0"; exit 0 ;;
    *)            echo "run-demo: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

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
echo "+ cmake --build $build_dir --parallel $(nproc) --target gongji-desk gongji-admin"
cmake --build "$build_dir" --parallel "$(nproc)" --target gongji-desk gongji-admin

build_abs=$(realpath -- "$build_dir")
desk="$build_abs/app/desk/gongji-desk"
if [[ ! -x "$desk" ]]; then
  echo "run-demo: the build did not produce $desk" >&2
  exit 1
fi
demo_dir="$build_abs/demo"
mkdir -p "$demo_dir"
desk_args=(--db "$demo_dir/gongji-demo.sqlite" --demo "${extra_args[@]}")

echo "==> [3/3] start gongji-desk on the demo database $demo_dir/gongji-demo.sqlite"

# A free X display number for Xvfb, the way xvfb-run -a looks for one.
free_display() {
  local n=99
  while [[ -e /tmp/.X${n}-lock || -e /tmp/.X11-unix/X${n} ]]; do n=$((n + 1)); done
  echo "$n"
}
xvfb_screen="-screen 0 1366x768x24"

if [[ -n "$screenshot" ]]; then
  delay=${GONGJI_SCREENSHOT_DELAY:-5}
  n=$(free_display)
  echo "+ xvfb-run -n $n -s '$xvfb_screen' gongji-desk ${desk_args[*]}  (screenshot after ${delay}s)"
  # Inside xvfb-run, DISPLAY and XAUTHORITY point at the virtual display.
  # shellcheck disable=SC2016  # the inner script expands its own arguments
  xvfb-run -n "$n" -s "$xvfb_screen" bash -c '
    delay=$1 shot=$2; shift 2
    "$@" & app=$!
    sleep "$delay"
    if ! kill -0 "$app" 2>/dev/null; then
      wait "$app" && status=0 || status=$?
      echo "run-demo: gongji-desk exited (status $status) before the screenshot" >&2
      exit 1
    fi
    import -window root "$shot"
    kill "$app"; wait "$app" 2>/dev/null || true
    echo "==> screenshot saved to $shot"
  ' run-demo "$delay" "$screenshot" "$desk" "${desk_args[@]}"
  exit 0
fi

if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  echo "+ $desk ${desk_args[*]}"
  exec "$desk" "${desk_args[@]}"
fi

n=$(free_display)
auth="$demo_dir/Xauthority"
: > "$auth"
cat <<MSG
No DISPLAY or WAYLAND_DISPLAY is set: there is no screen to show the window on.
Starting gongji-desk on a virtual X display (Xvfb :$n) instead, so that it at least runs.
  Screenshot, from another shell:
    DISPLAY=:$n XAUTHORITY=$auth import -window root gongji-desk.png
  Or next time, in one go:
    bash run-demo.sh --screenshot gongji-desk.png
  Stop with Ctrl+C.
MSG
echo "+ xvfb-run -n $n -f $auth -s '$xvfb_screen' $desk ${desk_args[*]}"
exec xvfb-run -n "$n" -f "$auth" -s "$xvfb_screen" "$desk" "${desk_args[@]}"
