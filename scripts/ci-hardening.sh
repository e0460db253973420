#!/usr/bin/env bash
# CI hardening pass, run after the normal tests (./dev.sh test):
#   1. the whole test suite (ctest) in an AddressSanitizer + UndefinedBehaviorSanitizer build (gcc);
#   2. every libFuzzer target (clang) for a short time, seeded from the shipped data.
# Any sanitizer report, test failure, fuzzer crash, leak or timeout fails the script.
#
#   scripts/ci-hardening.sh
#
# Environment: SFGRANT_FUZZ_SECONDS (20 per target), SFGRANT_ASAN_BUILD (build-asan),
# SFGRANT_CTEST_ARGS (extra ctest arguments, e.g. "-E batch-cli" to skip a slow test),
# SFGRANT_WARNINGS_AS_ERRORS (ON).
#
# Takes about 10 minutes on 2 cores from a clean checkout. Installs what is missing (Debian 12):
# the build packages of dev.sh, clang-14 and libclang-rt-14-dev (libFuzzer).
set -euo pipefail
cd "$(dirname "$0")/.."

ASAN_BUILD=${SFGRANT_ASAN_BUILD:-build-asan}
FUZZ_SECONDS=${SFGRANT_FUZZ_SECONDS:-20}
JOBS=$(nproc)

PACKAGES=(build-essential cmake ninja-build pkg-config libyaml-cpp-dev libcli11-dev libfmt-dev catch2
          nlohmann-json3-dev libutf8proc-dev libxlsxwriter-dev python3-jsonschema python3-yaml tmux help2man libedit-dev libkainjow-mustache-dev libxxhash-dev
          clang-14 libclang-rt-14-dev)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "ci-hardening: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

start=$(date +%s)
echo "::group::sanitizer build (gcc, ASan + UBSan) in $ASAN_BUILD" >&2
CXX=${SFGRANT_ASAN_CXX:-g++} cmake -S . -B "$ASAN_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSFGRANT_SANITIZE=ON -DSFGRANT_WARNINGS_AS_ERRORS=${SFGRANT_WARNINGS_AS_ERRORS:-ON} >/dev/null
cmake --build "$ASAN_BUILD" -j "$JOBS"
echo "::endgroup::" >&2

echo "::group::ctest under ASan + UBSan" >&2
# halt on the first UBSan report too; leaks fail the run
# (the damaged-list check of batch-cli at 20,000 rows rather than 200,000: same damage, a tenth of the time)
SFGRANT_DAMAGED_ROWS=${SFGRANT_DAMAGED_ROWS:-20000} \
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir "$ASAN_BUILD" --output-on-failure -j "$JOBS" ${SFGRANT_CTEST_ARGS:-}
echo "::endgroup::" >&2
echo "ci-hardening: sanitizer suite passed after $(( $(date +%s) - start ))s" >&2

echo "::group::fuzzing, ${FUZZ_SECONDS}s per target" >&2
SFGRANT_FUZZ_JOBS=$JOBS scripts/fuzz.sh "$FUZZ_SECONDS"
echo "::endgroup::" >&2
echo "ci-hardening: done in $(( $(date +%s) - start ))s" >&2
