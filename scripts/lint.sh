#!/usr/bin/env bash
# The code's habits, checked: clang-format (.clang-format) over every C++ file, and clang-tidy
# (.clang-tidy, every check an error) over src/ with the build's compile_commands.json.
#
#   scripts/lint.sh            after ./dev.sh build (which exports build/compile_commands.json)
#
# Environment: SFGRANT_BUILD_DIR (build). Installs clang-format and clang-tidy (Debian 12: 14) when
# they are missing. Takes about two minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${SFGRANT_BUILD_DIR:-build}

missing=()
for p in clang-format clang-tidy; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "lint: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
[ -f "$BUILD_DIR/compile_commands.json" ] || { echo "lint: build first (./dev.sh build)" >&2; exit 2; }

files=$(git ls-files 'src/*.cpp' 'src/*.h' 'include/*.h' 'tests/*.cpp' 'tests/*.h' 'fuzz/*.cpp' 'fuzz/*.h')
echo "lint: clang-format on $(echo "$files" | wc -l) files" >&2
# shellcheck disable=SC2086
clang-format --dry-run --Werror $files

echo "lint: clang-tidy on src/" >&2
run-clang-tidy -p "$BUILD_DIR" -quiet -j "$(nproc)" "$(pwd)/src/" > "$BUILD_DIR/clang-tidy.log" 2>&1 || status=$?
if grep -qE "(error|warning):" "$BUILD_DIR/clang-tidy.log" || [ "${status:-0}" -ne 0 ]; then
  grep -E "(error|warning):" "$BUILD_DIR/clang-tidy.log" | sed 's/\x1b\[[0-9;]*m//g' | sort -u >&2 || tail -20 "$BUILD_DIR/clang-tidy.log" >&2
  echo "lint: clang-tidy found problems" >&2
  exit 1
fi
echo "lint: clean" >&2
