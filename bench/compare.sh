#!/usr/bin/env bash
# Byte-for-byte comparison of two sfgrant binaries' batch outputs (not a test): a faster engine must
# write exactly what the old one wrote. Generates N companies with scripts/gen-companies.py (kept in
# BENCH_DIR, as bench/run.sh does), adds a few rows every format must reject, and runs OLD and NEW on
# the same input in every batch output form, 2026 programs, --as-of 2026-02-15:
#   CSV per program at -j 1 and -j 2, CSV --per company --keep name,business_number,region,
#   JSONL --detail full and --detail summary, xlsx (each zip member), the --report HTML,
#   and the stderr of every run (the rejected rows and the summary; its seconds are masked).
# Prints per form "identical" or the first difference: byte offset, line, and both lines (a long line:
# 200 bytes of each around the difference).
# usage: bench/compare.sh OLD_BINARY NEW_BINARY [N]      (default N: 20000)
#   env: GEN=scripts/gen-companies.py BENCH_DIR=bench/data
# Exit 0 when every form is identical, 1 on any difference, 2 when it could not run.
set -euo pipefail
cd "$(dirname "$0")/.."
usage() {
  echo "usage: bench/compare.sh OLD_BINARY NEW_BINARY [N]  (N companies, default 20000)" >&2
  exit 2
}
[ $# -ge 2 ] && [ $# -le 3 ] || usage
old=$(realpath "$1")
new=$(realpath "$2")
n=${3:-20000}
[[ $n =~ ^[1-9][0-9]*$ ]] || usage
for b in "$old" "$new"; do [ -x "$b" ] || { echo "bench/compare.sh: $b is not an executable" >&2; exit 2; }; done
command -v unzip >/dev/null || { echo "bench/compare.sh: needs unzip (Debian package unzip)" >&2; exit 2; }
GEN=${GEN:-scripts/gen-companies.py}
DATA=${BENCH_DIR:-bench/data}
mkdir -p "$DATA"
[ -f "$DATA/c$n.csv" ] && [ -f "$DATA/c$n.jsonl" ] || python3 "$GEN" "$n" "$DATA/c$n" >/dev/null
work=$(mktemp -d "${TMPDIR:-/tmp}/sfgrant-compare.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The input with rows every reader must reject, spread through the list (a wrong value, a bad
# business number, too few fields, an unreadable amount, a cell spanning lines with a bad value;
# for JSON Lines a broken line, an unknown key, a wrong type).
python3 - "$DATA/c$n.csv" "$DATA/c$n.jsonl" "$work/in.csv" "$work/in.jsonl" <<'EOF'
import sys
src_csv, src_jsonl, out_csv, out_jsonl = sys.argv[1:5]
bad_csv = [
    '나쁜규모(주),683-88-00370,huge,28111,경기,포천시,adopter,active,false,false,basic,intermediate2,self,false,false,,,true,false,,,,,,,,',
    '나쁜번호(주),123-45-67890,small,28111,경기,포천시,adopter,active,false,false,basic,intermediate2,self,false,false,,,true,false,,,,,,,,',
    '짧은행(주),683-88-00370,small',
    '나쁜금액(주),683-88-00370,small,28111,경기,포천시,adopter,active,false,false,basic,intermediate2,self,false,false,,,true,false,,,,,,,열억원,',
    '"여러\n줄(주)",683-88-00370,small,28111,"경\n기",포천시,adopter,active,false,false,basic,intermediate2,self,false,false,,,true,false,,,,,,,,',
]
bad_jsonl = [
    '{"name":"깨진줄(주)","size":"small",',
    '{"name":"모르는키(주)","size":"small","sise":"small"}',
    '{"name":"틀린형(주)","size":3,"plan":{"total_cost":"many"}}',
]
def spread(src, dst, bad, header):
    with open(src, encoding="utf-8") as f:
        lines = f.read().splitlines()
    head, rows = (lines[:1], lines[1:]) if header else ([], lines)
    step = max(1, len(rows) // (len(bad) + 1))
    out = list(head)
    for i, row in enumerate(rows):
        if i > 0 and i % step == 0 and i // step <= len(bad):
            out.append(bad[i // step - 1])
        out.append(row)
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
spread(src_csv, out_csv, bad_csv, True)
spread(src_jsonl, out_jsonl, bad_jsonl, False)
EOF

fail=0
# first_difference A B: "identical", or the first differing byte, its line and both lines
first_difference() {
  local a=$1 b=$2 at line
  if cmp -s "$a" "$b"; then
    echo "identical"
    return 0
  fi
  at=$(cmp "$a" "$b" 2>&1 | head -1 || true)
  if [[ $at =~ byte\ ([0-9]+),\ line\ ([0-9]+) ]]; then
    local byte=${BASH_REMATCH[1]} from
    line=${BASH_REMATCH[2]}
    echo "DIFFERENT at byte $byte, line $line"
    if [ "$(sed -n "${line}p" "$a" | wc -c)" -le 240 ]; then  # the whole line
      echo "    old: $(sed -n "${line}p" "$a")"
      echo "    new: $(sed -n "${line}p" "$b")"
    else  # a long line (xlsx XML is one line): 200 bytes from 60 before the difference
      from=$((byte > 60 ? byte - 60 : 1))
      echo "    old: …$(tail -c +"$from" "$a" | head -c 200 | tr '\n' ' ')…"
      echo "    new: …$(tail -c +"$from" "$b" | head -c 200 | tr '\n' ' ')…"
    fi
  else  # one is a prefix of the other
    echo "DIFFERENT: $at (sizes $(stat -c %s "$a") and $(stat -c %s "$b"))"
  fi
  return 1
}

# report FORM RESULT...: one line per form
report() {
  local form=$1
  shift
  printf '%-34s %s\n' "$form" "$*"
}

# run BINARY TAG IN OUT ARGS...: one batch run; exit 1 (rows rejected) is a result, stderr kept with
# the run's seconds masked
run() {
  local bin=$1 tag=$2 in=$3 out=$4 rc=0 a args=()
  shift 4
  for a in "$@"; do args+=("${a//REPORT/$tag}"); done  # --report REPORT.html: each side its own file
  "$bin" batch "$in" --programs programs --as-of 2026-02-15 -o "$out" "${args[@]}" 2>"$work/$tag.stderr" || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "bench/compare.sh: $bin batch $in $* failed (exit $rc):" >&2
    tail -5 "$work/$tag.stderr" >&2
    exit 2
  fi
  sed -E -i 's/\([0-9]+\.[0-9]+ ?(초|s)\)/(… \1)/' "$work/$tag.stderr"
  echo "$rc" >"$work/$tag.rc"
}

# form NAME IN EXT ARGS...: both binaries, then the output, the exit code and stderr compared
form() {
  local name=$1 in=$2 ext=$3 result
  shift 3
  run "$old" old "$in" "$work/old.$ext" "$@"
  run "$new" new "$in" "$work/new.$ext" "$@"
  if [ "$ext" = xlsx ]; then
    compare_xlsx "$name"
  else
    result=$(first_difference "$work/old.$ext" "$work/new.$ext") || fail=1
    report "$name" "$result"
  fi
  result=$(first_difference "$work/old.stderr" "$work/new.stderr") || fail=1
  report "  stderr (rejected rows, summary)" "$result"
  if ! cmp -s "$work/old.rc" "$work/new.rc"; then
    report "  exit code" "DIFFERENT: $(cat "$work/old.rc") and $(cat "$work/new.rc")"
    fail=1
  fi
  if [ -f "$work/old.html" ]; then
    result=$(first_difference "$work/old.html" "$work/new.html") || fail=1
    report "  --report HTML" "$result"
  fi
  rm -rf "$work"/old.* "$work"/new.*
}

# An xlsx is a zip: its members are compared one by one, uncompressed. docProps/core.xml holds the
# time the workbook was written (dcterms:created, dcterms:modified): compared with those masked.
compare_xlsx() {
  local name=$1 member result
  mkdir -p "$work/old.x" "$work/new.x"
  unzip -q -o "$work/old.xlsx" -d "$work/old.x"
  unzip -q -o "$work/new.xlsx" -d "$work/new.x"
  result=$(diff <(cd "$work/old.x" && find . -type f | sort) <(cd "$work/new.x" && find . -type f | sort)) || {
    report "$name" "DIFFERENT members: $(echo "$result" | tr '\n' ' ')"
    fail=1
    return
  }
  local members=0 same=0
  while read -r member; do
    members=$((members + 1))
    if [ "$member" = ./docProps/core.xml ]; then
      for side in old new; do
        sed -E -i 's#(<dcterms:(created|modified)[^>]*>)[^<]*#\1…#g' "$work/$side.x/$member"
      done
    fi
    if result=$(first_difference "$work/old.x/$member" "$work/new.x/$member"); then
      same=$((same + 1))
    else
      report "$name ${member#./}" "$result"
      fail=1
    fi
  done < <(cd "$work/old.x" && find . -type f | sort)
  if [ "$same" -eq "$members" ]; then
    report "$name" "identical ($members members; docProps/core.xml without its created/modified times)"
  fi
}

echo "sfgrant compare: $n companies (and 5 CSV / 3 JSONL rows to reject), old $old, new $new"
form "CSV per program -j 1" "$work/in.csv" csv -j 1
form "CSV per program -j 2 (+ --report)" "$work/in.csv" csv -j 2 --report "$work/REPORT.html"
form "CSV --per company --keep" "$work/in.csv" csv --per company --keep name,business_number,region
form "JSONL --detail full" "$work/in.jsonl" jsonl --format jsonl
form "JSONL --detail summary" "$work/in.jsonl" jsonl --format jsonl --detail summary
form "xlsx" "$work/in.csv" xlsx --format xlsx
[ "$fail" -eq 0 ] && echo "every form identical" || echo "some forms differ"
exit "$fail"
