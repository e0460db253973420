#!/usr/bin/env bash
# Batch and check benchmark (not a test). Generates N companies with scripts/gen-companies.py
# (deterministic; kept in BENCH_DIR for the next run) and runs the whole process once per case,
# printing seconds, companies/s, peak memory (GNU time's maximum resident set size) and the
# output's bytes per company. Outputs go to files on disk (BENCH_DIR) and are removed after each case.
# usage: bench/run.sh [N]      (default: 100000)
#   env: SFGRANT=build/sfgrant JOBS=0 (the cases without their own -j; 0: all cores)
#        GEN=scripts/gen-companies.py BENCH_DIR=bench/data PROFILE=examples/small-mould-maker.yaml
# Needs GNU time as /usr/bin/time (Debian package `time`; ./dev.sh build installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
SFGRANT=${SFGRANT:-build/sfgrant}
GEN=${GEN:-scripts/gen-companies.py}
JOBS=${JOBS:-0}
DATA=${BENCH_DIR:-bench/data}
PROFILE=${PROFILE:-examples/small-mould-maker.yaml}
n=${1:-100000}
[[ $n =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/run.sh [N]  (N companies, default 100000)" >&2; exit 2; }
[ -x "$SFGRANT" ] || { echo "bench/run.sh: build first: ./dev.sh build" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench/run.sh: needs GNU time as /usr/bin/time (./dev.sh build installs the Debian package time)" >&2; exit 2; }
mkdir -p "$DATA"
[ -f "$DATA/c$n.csv" ] && [ -f "$DATA/c$n.jsonl" ] || python3 "$GEN" "$n" "$DATA/c$n" >/dev/null
echo "sfgrant bench: $n companies, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-26s %9s %12s %9s %14s\n' case seconds companies/s peak_MB bytes/company

# case NAME INPUT OUTPUT ARGS...: one whole-process batch run; exit 1 (rows rejected) is a result
case_() {
  local name=$1 in=$2 out=$3 rc=0
  shift 3
  /usr/bin/time -f '%e %M' -o "$DATA/time.txt" "$SFGRANT" batch "$in" --programs programs --as-of 2026-02-15 \
    -o "$out" "$@" 2>"$DATA/stderr.txt" || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "bench/run.sh: $name failed (exit $rc):" >&2
    tail -5 "$DATA/stderr.txt" >&2
    exit 1
  fi
  local secs kb bytes
  read -r secs kb < <(tail -1 "$DATA/time.txt")
  bytes=$(stat -c %s "$out")
  rm -f "$out"
  awk -v n="$n" -v c="$name" -v s="$secs" -v kb="$kb" -v b="$bytes" \
    'BEGIN { printf "%-26s %9.2f %12.0f %9.1f %14.0f\n", c, s, (s > 0 ? n / s : 0), kb / 1024, b / n }'
}

csv=$DATA/c$n.csv
jsonl=$DATA/c$n.jsonl
case_ "CSV → CSV -j 1" "$csv" "$DATA/out.csv" -j 1
case_ "CSV → CSV -j 2" "$csv" "$DATA/out.csv" -j 2
case_ "CSV → CSV --per company" "$csv" "$DATA/out.csv" -j "$JOBS" --per company --keep name,business_number,region
case_ "JSONL → JSONL full" "$jsonl" "$DATA/out.jsonl" -j "$JOBS" --format jsonl
case_ "JSONL → JSONL summary" "$jsonl" "$DATA/out.jsonl" -j "$JOBS" --format jsonl --detail summary
case_ "CSV → xlsx" "$csv" "$DATA/out.xlsx" -j "$JOBS" --format xlsx

# check: the median wall time of 21 whole-process runs (bash's clock: no process started to time
# it), and the peak memory of one more under GNU time
ms=()
for _ in $(seq 21); do
  t0=$EPOCHREALTIME
  rc=0
  "$SFGRANT" check "$PROFILE" --programs programs --as-of 2026-02-15 --format json >/dev/null 2>&1 || rc=$?
  t1=$EPOCHREALTIME
  [ "$rc" -le 1 ] || { echo "bench/run.sh: check $PROFILE failed (exit $rc)" >&2; exit 1; }
  ms+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) * 1000 }')")
done
median=$(printf '%s\n' "${ms[@]}" | sort -g | sed -n 11p)
/usr/bin/time -f '%M' -o "$DATA/time.txt" "$SFGRANT" check "$PROFILE" --programs programs --as-of 2026-02-15 \
  --format json >/dev/null 2>&1 || true
kb=$(tail -1 "$DATA/time.txt")
awk -v m="$median" -v kb="$kb" -v p="$PROFILE" \
  'BEGIN { printf "check %s: median %.1f ms of 21 runs, peak %.1f MB\n", p, m, kb / 1024 }'
