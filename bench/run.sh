#!/usr/bin/env bash
# Batch benchmark (not a test): generates companies with scripts/gen-companies.py and times
# `sfgrant batch` CSV→CSV, JSONL→JSONL and CSV→xlsx, printing companies/s and peak memory.
# usage: bench/run.sh [N ...]      (default: 100000 1000000)
#   env: SFGRANT=build/sfgrant JOBS=0 GEN=scripts/gen-companies.py BENCH_DIR=bench/data
set -euo pipefail
cd "$(dirname "$0")/.."
SFGRANT=${SFGRANT:-build/sfgrant}
GEN=${GEN:-scripts/gen-companies.py}
JOBS=${JOBS:-0}
DATA=${BENCH_DIR:-bench/data}
mkdir -p "$DATA"
[ -x "$SFGRANT" ] || { echo "build first: ./dev.sh build" >&2; exit 2; }
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(100000 1000000)

printf '%-10s %-14s %10s %14s %12s\n' companies case seconds companies/s peak_MB
for n in "${sizes[@]}"; do
  [ -f "$DATA/c$n.csv" ] || python3 "$GEN" "$n" "$DATA/c$n" >/dev/null
  for case in csv-csv csv-per-company jsonl-jsonl csv-xlsx; do
    in=$DATA/c$n.csv; fmt=csv; out=$DATA/out.csv; extra=()
    [ "$case" = csv-per-company ] && extra=(--per company --keep name,business_number,region)
    [ "$case" = jsonl-jsonl ] && { in=$DATA/c$n.jsonl; fmt=jsonl; out=$DATA/out.jsonl; }
    [ "$case" = csv-xlsx ] && { fmt=xlsx; out=$DATA/out.xlsx; }
    /usr/bin/time -f '%e %M' -o "$DATA/time.txt" \
      "$SFGRANT" batch "$in" --programs programs --as-of 2026-02-15 --format "$fmt" -j "$JOBS" -o "$out" \
      "${extra[@]}" 2>/dev/null || true
    read -r secs kb < "$DATA/time.txt"
    awk -v n="$n" -v c="$case" -v s="$secs" -v kb="$kb" \
      'BEGIN { printf "%-10d %-14s %10.2f %14.0f %12.1f\n", n, c, s, (s > 0 ? n / s : 0), kb / 1024 }'
  done
done
