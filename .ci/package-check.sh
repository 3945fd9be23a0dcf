#!/usr/bin/env bash
# CI, after the test suite: the Debian package as an office installs it. Builds it with cpack in
# BUILD_DIR, checks it with lintian (no errors), installs it with apt-get, runs the installed
# programs (versions, load-demo and check-filings on a temporary database, the desk under Xvfb
# until its main window shows), purges it and checks that nothing of it is left in /usr.
#   bash .ci/package-check.sh [BUILD_DIR]      as root (or with sudo); exit 0 = all of it worked
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source_dir=$PWD
build=$(realpath "${1:-${GONGJI_BUILD_DIR:-build}}")
as_root=()
(( EUID == 0 )) || as_root=(sudo --preserve-env=DEBIAN_FRONTEND)
work=$(mktemp -d)
xvfb_pid=
desk_pid=
cleanup() {
  [[ -n $desk_pid ]] && kill "$desk_pid" 2>/dev/null || true
  [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
step() { echo "==> package: $*"; }

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
deb="$build/gongji-desk_${version}_$(dpkg --print-architecture).deb"
step "cpack -G DEB in $build"
rm -f "$build"/gongji-desk_*.deb
(cd "$build" && cpack -G DEB >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
[[ -f $deb ]] || { echo "package: $deb was not made; cpack wrote:"; ls "$build"/*.deb; exit 1; }
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'

step "lintian (errors fail; the warnings left are explained in docs/packaging.md)"
lintian --fail-on error --no-tag-display-limit "$deb"

step "apt-get install $deb"
before_usr=$(find /usr -iname '*gongji*' 2>/dev/null | sort)
"${as_root[@]}" apt-get install -y -o DPkg::Lock::Timeout=300 "$deb" </dev/null >"$work/install.log" 2>&1 \
  || { cat "$work/install.log"; exit 1; }
installed=$(dpkg -L gongji-desk)

step "installed programs"
[[ $(/usr/bin/gongji-admin --version) == "gongji-admin $version" ]] || { echo "wrong gongji-admin --version: $(/usr/bin/gongji-admin --version)"; exit 1; }
[[ $(/usr/bin/gongji-desk --version) == "gongji-desk $version" ]] || { echo "wrong gongji-desk --version: $(/usr/bin/gongji-desk --version)"; exit 1; }
export HOME="$work/home" LC_ALL=C.UTF-8
mkdir -p "$HOME"
db="$work/ci.sqlite"
/usr/bin/gongji-admin --db "$db" load-demo
/usr/bin/gongji-admin --db "$db" check-filings "$source_dir/resources/demo/sample-filings.csv" >"$work/utf8.out"
# The same file as Excel on Chinese Windows saves it.
iconv -f utf-8 -t gb18030 "$source_dir/resources/demo/sample-filings.csv" >"$work/sample-gb18030.csv"
/usr/bin/gongji-admin --db "$db" check-filings "$work/sample-gb18030.csv" >"$work/gb18030.out" 2>"$work/gb18030.err"
grep -q "as GB18030" "$work/gb18030.err" && cmp "$work/utf8.out" "$work/gb18030.out"
echo "check-filings: $(wc -l <"$work/utf8.out") rows, the same verdicts from the GB18030 copy"

step "gongji-desk under Xvfb until its main window shows"
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
printf 'demo-clerk-1\n' >"$work/password"
for _ in $(seq 50); do DISPLAY=$display xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.2; done
DISPLAY=$display /usr/bin/gongji-desk --db "$db" --clerk demo --password-file "$work/password" >"$work/desk.log" 2>&1 &
desk_pid=$!
if ! DISPLAY=$display timeout 60 xdotool search --sync --onlyvisible --name '^(Gongji Desk|共济受理台)' >"$work/window" 2>/dev/null; then
  echo "package: the installed gongji-desk showed no main window within 60 s; it wrote:"; cat "$work/desk.log"; exit 1
fi
echo "main window $(head -1 "$work/window"): $(DISPLAY=$display xdotool getwindowname "$(head -1 "$work/window")")"
kill "$desk_pid"; wait "$desk_pid" 2>/dev/null || true; desk_pid=
kill "$xvfb_pid"; wait "$xvfb_pid" 2>/dev/null || true; xvfb_pid=

step "apt-get purge gongji-desk"
"${as_root[@]}" apt-get purge -y -o DPkg::Lock::Timeout=300 gongji-desk </dev/null >"$work/purge.log" 2>&1 \
  || { cat "$work/purge.log"; exit 1; }
left=()
while read -r path; do
  [[ $path == /usr/* && -e $path && ! -d $path ]] && left+=("$path")
done <<<"$installed"
after_usr=$(find /usr -iname '*gongji*' 2>/dev/null | sort)
if (( ${#left[@]} )) || [[ $after_usr != "$before_usr" ]]; then
  echo "package: left in /usr after the purge: ${left[*]} $(comm -13 <(echo "$before_usr") <(echo "$after_usr"))"
  exit 1
fi
step "done: built, lint-free of errors, installed, ran, purged without a trace"
