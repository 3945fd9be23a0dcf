#!/usr/bin/env bash
# Writes the man pages gongji-desk.1 and gongji-admin.1 from the programs' own --help (help2man),
# with the hand-written sections of NAME.h2m and, for gongji-admin, a COMMANDS section made of
# every `gongji-admin help COMMAND`. The committed pages in this folder are its output; the test
# tst_manpages runs it again and fails when they differ (then run it and commit the result):
#   packaging/man/make-man-pages.sh BUILD_DIR [OUT_DIR]      (OUT_DIR defaults to this folder)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="$(realpath "${1:?usage: make-man-pages.sh BUILD_DIR [OUT_DIR]}")"
out="$(realpath "${2:-$here}")"
desk="$build/app/desk/gongji-desk"
admin="$build/app/admin/gongji-admin"
command -v help2man >/dev/null || { echo "make-man-pages: help2man is not installed (Debian: help2man)" >&2; exit 77; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# HOME is "~" below, so that the pages name the default database as people write it; the
# programs may create that folder, relative to here: inside the temporary folder.
cd "$tmp"

# The same text whoever runs it: English, no display, the default database under "~".
export LC_ALL=C.UTF-8 LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen HOME='~'
unset XDG_DATA_HOME XDG_CONFIG_HOME

# roff: a backslash is written \e; a line starting with . or ' is text, not a request.
roff_text() { sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/"; }

{
  cat "$here/gongji-admin.h2m"
  echo "[COMMANDS]"
  echo "Each command's own help, as \`gongji-admin help COMMAND\` prints it."
  "$admin" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' | grep -vx help | while read -r command; do
    echo ".SS $command"
    echo ".nf"
    "$admin" help "$command" | roff_text
    echo ".fi"
  done
} >"$tmp/gongji-admin.h2m"

help2man --locale=C.UTF-8 --no-info --section=1 --manual="Gongji Desk" --source="Gongji Desk" \
  --name="administration of Gongji Desk: registry import, batch filings, accounts, rule sets, backups" \
  --include="$tmp/gongji-admin.h2m" --output="$out/gongji-admin.1" "$admin"
help2man --locale=C.UTF-8 --no-info --section=1 --manual="Gongji Desk" --source="Gongji Desk" \
  --name="counter desk for family mutual-aid filings of medical-insurance personal accounts" \
  --include="$here/gongji-desk.h2m" --output="$out/gongji-desk.1" "$desk"
