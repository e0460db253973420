#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang into build-fuzz and runs each for a bounded time.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     default: 60 seconds each, every target
#
# SECONDS is per target. Targets: program profile money table csv snapshot (fuzz_<name>.cpp that exist).
# Environment:
#   SFGRANT_FUZZ_BUILD   build folder (default: build-fuzz)
#   SFGRANT_FUZZ_JOBS    targets run at the same time (default: 2)
#   CXX                  clang++ to use (default: clang++-14, else clang++)
#
# The working corpus of each target is kept in $SFGRANT_FUZZ_BUILD/corpus/<target> between runs and
# seeded from the shipped data (programs/, examples/, tests/cases, tests/bad_inputs) every time.
# A crash, leak, timeout or out-of-memory leaves its input in $SFGRANT_FUZZ_BUILD/artifacts/ and
# makes the script exit 1; turn it into a regression test (tests/bad_inputs or a unit test).
# Prints, per target: executions, edge coverage (cov), features (ft) and corpus size.
set -euo pipefail
trap 'echo "fuzz.sh: failed at line $LINENO" >&2' ERR
cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_EACH=${1:-60}
shift || true
BUILD=${SFGRANT_FUZZ_BUILD:-build-fuzz}
JOBS=${SFGRANT_FUZZ_JOBS:-2}

if [ -z "${CXX:-}" ]; then
  if command -v clang++-14 >/dev/null; then CXX=clang++-14; else CXX=clang++; fi
fi
command -v "$CXX" >/dev/null || { echo "fuzz.sh: $CXX not found (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 2; }

echo "fuzz.sh: building the fuzz targets with $CXX in $BUILD" >&2
CXX=$CXX cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSFGRANT_FUZZ=ON \
  -DSFGRANT_BUILD_TESTS=OFF >/dev/null
cmake --build "$BUILD" --target fuzz

if [ $# -gt 0 ]; then
  TARGETS=("$@")
else
  TARGETS=()
  for f in fuzz/fuzz_*.cpp; do n=$(basename "$f" .cpp); TARGETS+=("${n#fuzz_}"); done
fi

# Per target: max_len (bytes), dictionary.
max_len() {
  case $1 in
    program) echo 32768 ;; snapshot) echo 65536 ;; profile) echo 16384 ;; csv) echo 16384 ;; table) echo 4096 ;; money) echo 256 ;; *) echo 8192 ;;
  esac
}
dict() {
  case $1 in
    program|profile) echo "$ROOT/fuzz/yaml.dict" ;; money) echo "$ROOT/fuzz/money.dict" ;;
    csv) [ -f "$ROOT/fuzz/csv.dict" ] && echo "$ROOT/fuzz/csv.dict" ;; *) ;;
  esac
}

# ---- seeds from the shipped data ---------------------------------------------------------------
SEEDS=$BUILD/seeds
rm -rf "$SEEDS"
mkdir -p "$SEEDS"/{program,profile,money,table,csv,snapshot} "$BUILD/artifacts"
small() { find "$@" -type f -size -64k 2>/dev/null; }
i=0
for f in $(small programs tests/bad_inputs/programs -name '*.yaml'); do cp "$f" "$SEEDS/program/$((i++))-$(basename "$f")"; done
for f in $(small examples tests/bad_inputs/profiles -name '*.yaml'); do cp "$f" "$SEEDS/profile/$((i++))-$(basename "$f")"; done
# the profiles inside the YAML test cases (needs python3-yaml; skipped without it)
python3 - "$SEEDS/profile" tests/cases <<'EOF' 2>/dev/null || echo "fuzz.sh: python3-yaml missing, test-case profiles not seeded" >&2
import os, sys, yaml
out, root = sys.argv[1], sys.argv[2]
n = 0
for d, _, files in os.walk(root):
    for f in files:
        if not f.endswith(".yaml"):
            continue
        doc = yaml.safe_load(open(os.path.join(d, f), encoding="utf-8")) or {}
        for case in doc.get("cases", []):
            if isinstance(case, dict) and isinstance(case.get("profile"), dict):
                with open(os.path.join(out, "case-%04d.yaml" % n), "w", encoding="utf-8") as o:
                    yaml.safe_dump(case["profile"], o, allow_unicode=True, sort_keys=False)
                n += 1
EOF
# amounts and ratios as the data writes them, plus edge cases
{
  # (`head` closes the pipe early: `|| true` keeps pipefail from stopping the script)
  grep -rhoE '[0-9][0-9,.]*[ ]?(조|억|천|백|만)[0-9조억천백만, ]*원?' programs examples tests/cases 2>/dev/null | sort -u | head -400 || true
  grep -rhoE '[0-9][0-9.]*%' programs 2>/dev/null | sort -u || true
  printf '%s\n' 400000000 400,000,000 2억원 0.5억원 1.2억 95백만원 7천만원 '1,900만 원' 238만원 '4억 5천만원' \
    9223372036854775807 9223372036854775808 99999999999999억원 -4억원 0.0001원 '1,90만원' 12.5% 100% 0%
} | while IFS= read -r line; do printf '%s' "$line" > "$SEEDS/money/$((i++))"; done
# table cells: the Korean names and labels of the data, a row per line, cells split by tabs
{ grep -rhE '^\s*(name|ko|en|title|selection):' programs | sed -E 's/^\s*[a-z]+:\s*//' | head -300 || true; } |
  while IFS= read -r line; do printf '\x50%s\t%s\n%s\t%s' "$line" "$line" "$line" "$line" > "$SEEDS/table/$((i++))"; done
# company lists: fuzz_csv's first byte picks the input and output formats and a chunk size
for f in $(small examples tests/bad_inputs/csv -name '*.csv'); do
  { printf '\x08'; cat "$f"; } > "$SEEDS/csv/$((i++))-$(basename "$f")"          # csv in, csv out
  { printf '\x0a'; head -5 "$f" || true; } > "$SEEDS/csv/$((i++))-$(basename "$f")"      # csv in, jsonl out
  { tr ',' '\t' < "$f" | head -20 || true; } | { printf '\x78'; cat; } > "$SEEDS/table/csv-$((i++))"
done
for f in $(small examples tests/bad_inputs/csv -name '*.jsonl'); do
  { printf '\x03'; cat "$f"; } > "$SEEDS/csv/$((i++))-$(basename "$f")"
done
printf '\x03{"name": "한빛정밀(주)", "size": "small", "ksic": "29294", "region": "대전", "plan": {"total_cost": "4억원"}}\n{"name": 1}\n' \
  > "$SEEDS/csv/jsonl-inline"

# snapshot bodies: the target writes those of the shipped years itself (fuzz/fuzz_snapshot.cpp)
if [ -x "$BUILD/fuzz_snapshot" ]; then
  SFGRANT_FUZZ_SNAPSHOT_SEEDS="$SEEDS/snapshot" ASAN_OPTIONS=detect_leaks=0 "$BUILD/fuzz_snapshot" >/dev/null
fi

# ---- run ---------------------------------------------------------------------------------------
run_target() {
  local t=$1 exe="$BUILD/fuzz_$1" corpus="$BUILD/corpus/$1" log="$BUILD/fuzz-$1.log" d
  mkdir -p "$corpus"
  d=$(dict "$t")
  ASAN_OPTIONS=detect_leaks=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "$exe" "$corpus" "$SEEDS/$t" -max_total_time="$SECONDS_EACH" -max_len="$(max_len "$t")" -timeout=10 \
    -rss_limit_mb=2048 -malloc_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$BUILD/artifacts/$t-" \
    ${d:+-dict="$d"} >"$log" 2>&1
}

status=0
pids=()
names=()
for t in "${TARGETS[@]}"; do
  [ -x "$BUILD/fuzz_$t" ] || { echo "fuzz.sh: no target fuzz_$t" >&2; status=1; continue; }
  echo "fuzz.sh: fuzz_$t for ${SECONDS_EACH}s" >&2
  run_target "$t" &
  pids+=($!)
  names+=("$t")
  if [ ${#pids[@]} -ge "$JOBS" ]; then
    wait "${pids[0]}" || { echo "fuzz.sh: fuzz_${names[0]} FAILED, see $BUILD/fuzz-${names[0]}.log" >&2; status=1; }
    pids=("${pids[@]:1}")
    names=("${names[@]:1}")
  fi
done
for k in "${!pids[@]}"; do
  wait "${pids[$k]}" || { echo "fuzz.sh: fuzz_${names[$k]} FAILED, see $BUILD/fuzz-${names[$k]}.log" >&2; status=1; }
done

printf '%-10s %12s %8s %8s %8s  %s\n' target executions cov ft corpus result
for t in "${TARGETS[@]}"; do
  log="$BUILD/fuzz-$t.log"
  [ -f "$log" ] || continue
  execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' <<<"$last" | grep -oE '[0-9]+' || true)
  ft=$(grep -oE 'ft: [0-9]+' <<<"$last" | grep -oE '[0-9]+' || true)
  files=$(find "$BUILD/corpus/$t" -type f | wc -l)
  result=ok
  grep -q 'run interrupted' "$log" && result="interrupted"
  grep -qE '^==[0-9]+==ERROR|^SUMMARY: |deadly signal|ALARM: working on the last Unit|out-of-memory' "$log" && result="FAILED ($log)"
  printf '%-10s %12s %8s %8s %8s  %s\n' "$t" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$files" "$result"
done
ls "$BUILD"/artifacts/ 2>/dev/null | grep -q . && echo "fuzz.sh: artifacts in $BUILD/artifacts/" >&2
exit $status
