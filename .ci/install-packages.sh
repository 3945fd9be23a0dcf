#!/usr/bin/env bash
# Installs the Debian (bookworm) packages that Gongji Desk needs to build, test and run.
# Only packages that are not installed yet are installed; `apt-get update` runs only then.
# Shared by run-demo.sh, run-tests.sh and CI (.ci/run).
#
#   bash .ci/install-packages.sh                 install what is missing
#   bash .ci/install-packages.sh --dry-run       only say what would be done
#   bash .ci/install-packages.sh [--dry-run] EXTRA...   also check the EXTRA package names
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev libqt6sql6-sqlite          # Qt Core/Gui/Widgets/Sql/PrintSupport/Test + SQLite driver
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libgl-dev                               # needed by Qt6Gui's CMake package
  libqrencode-dev libsodium-dev           # QR code on the summary; Argon2id password hashes
  poppler-utils libzxing-dev              # tests: pdftotext, QR decoding
  fonts-wqy-microhei fonts-wqy-zenhei     # Chinese glyphs in the UI and in PDFs
  xvfb xauth imagemagick                  # a real X display without a screen; screenshots
  sqlite3 libsqlite3-dev
  clang libclang-rt-14-dev                # tests/fuzz: libFuzzer targets built with clang
  clang-format-14                         # tests: format_check keeps the tree in the .clang-format style
  postgresql libqt6sql6-psql              # a shared office database; tests/postgres runs a throwaway cluster
  libpq-dev                               # the registry import's COPY to PostgreSQL (required), the benchmarks' libpq baselines
  dpkg-dev lintian help2man appstream xdotool   # the .deb (cpack, shlibdeps), its checks, man pages, AppStream; CI runs the installed desk; screenshots of the citizen's screen
  openssl qtkeychain-qt6-dev              # tests: a TLS test cluster's certificates; the office password in the keyring (optional)
  qt6-charts-dev                          # the statistics screen's charts
)

dry_run=0
extra=()
for arg in "$@"; do
  case "$arg" in
    --dry-run|-n) dry_run=1 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    -*) echo "install-packages: unknown option: $arg" >&2; exit 2 ;;
    *) extra+=("$arg") ;;
  esac
done
PACKAGES+=("${extra[@]}")

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$pkg")
  fi
done

if (( ${#missing[@]} == 0 )); then
  echo "==> packages: all ${#PACKAGES[@]} required packages are installed"
  exit 0
fi

echo "==> packages: missing ${#missing[@]} of ${#PACKAGES[@]}: ${missing[*]}"

apt_opts=(-y -o DPkg::Lock::Timeout=300)
if (( dry_run )); then
  who=""; (( EUID == 0 )) || who=" (needs root or sudo)"
  echo "==> dry run: would run: apt-get update${who}"
  echo "==> dry run: would run: apt-get install ${apt_opts[*]} ${missing[*]}"
  exit 0
fi

as_root=()
if (( EUID != 0 )); then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo --preserve-env=DEBIAN_FRONTEND)
  else
    echo "install-packages: not root and no sudo: install these packages first, as root:" >&2
    echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

echo "==> apt-get update"
"${as_root[@]}" apt-get -o DPkg::Lock::Timeout=300 update
echo "==> apt-get install ${missing[*]}"
"${as_root[@]}" apt-get install "${apt_opts[@]}" "${missing[@]}" </dev/null
echo "==> packages: installed ${missing[*]}"
