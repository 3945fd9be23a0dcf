#!/usr/bin/env bash
# Fails when a C++ file of the project is not in the style of .clang-format (a ctest).
#   tests/format-check.sh CLANG_FORMAT SOURCE_DIR
# Fix with `git clang-format` (what you changed) or `clang-format -i FILE`. Pinned to Debian's
# clang-format 14: another version may lay the same code out differently.
set -euo pipefail
clang_format="$1"
cd "$2"
mapfile -t files < <(find app model ui tests -name '*.cpp' -o -name '*.h' | sort)
if ! "$clang_format" --dry-run --Werror "${files[@]}" 2>/tmp/format-check.$$; then
    grep -m 40 "error:" /tmp/format-check.$$ >&2 || true
    echo "format-check: $(grep -c 'error:' /tmp/format-check.$$) place(s) are not in the .clang-format style; run clang-format -i on the files named" >&2
    rm -f /tmp/format-check.$$
    exit 1
fi
rm -f /tmp/format-check.$$
echo "format-check: ${#files[@]} files in the .clang-format style"
