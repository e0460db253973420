#!/usr/bin/env bash
# Batch through the real binary: same results as `check`, an interrupted run leaves no file, and
# every line of a damaged 200,000-row file is accounted for (#15).
# usage: batch_cli.sh SFGRANT PROGRAMS_DIR GEN_COMPANIES   (GEN_COMPANIES: scripts/gen-companies.py)
# Never skips: a missing generator is a failure.
set -euo pipefail
SFGRANT=$1 PROGRAMS=$2 GEN=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ ! -f "$GEN" ]; then
  echo "FAIL: company generator $GEN not found"
  exit 1
fi
python3 "$GEN" 1000 "$work/c" >/dev/null

# 1. batch --format jsonl equals check --format json, company by company (first 1,000 generated)
"$SFGRANT" batch "$work/c.jsonl" --programs "$PROGRAMS" --as-of 2026-02-15 --format jsonl -o "$work/batch.jsonl" 2>/dev/null || [ $? -eq 1 ]
python3 - "$SFGRANT" "$PROGRAMS" "$work" <<'PY'
import json, subprocess, sys, os
sfgrant, programs, work = sys.argv[1:4]
batch = [json.loads(l) for l in open(os.path.join(work, "batch.jsonl"), encoding="utf-8")]
lines = open(os.path.join(work, "c.jsonl"), encoding="utf-8").read().splitlines()
assert len(batch) == len(lines), (len(batch), len(lines))
checked = 0
for row in batch:
    n = row["line"]
    if row.get("status") == "error":
        continue
    profile = os.path.join(work, "p.json")  # JSON is YAML: check reads it as a profile
    open(profile, "w", encoding="utf-8").write(lines[n - 1])
    out = subprocess.run([sfgrant, "check", profile, "--programs", programs, "--as-of", "2026-02-15",
                          "--format", "json"], capture_output=True, text=True)
    assert out.returncode in (0, 1), out.stderr
    single = json.loads(out.stdout)
    del row["line"]
    if row != single:
        print("line", n, "differs"); sys.exit(1)
    checked += 1
    if checked >= 1000:
        break
print(f"batch and check agree on {checked} companies")
assert checked > 900
PY

# 2. an interrupted run leaves neither the output nor its temporary file
python3 "$GEN" 30000 "$work/big" >/dev/null
"$SFGRANT" batch "$work/big.jsonl" --programs "$PROGRAMS" --format jsonl -j 1 -o "$work/out.jsonl" 2>/dev/null &
pid=$!
sleep 0.5
kill -INT "$pid" 2>/dev/null || true
wait "$pid" || true
if ls -A "$work" | grep -q "out.jsonl"; then
  echo "FAIL: interrupted batch left $(ls -A "$work" | grep out.jsonl)"
  exit 1
fi
echo "interrupted batch left no file"

# ---- #15: every input line accounted for -------------------------------------------------------

# 3. a read error is an error with the line reached, never the end of the file
set +e
err=$("$SFGRANT" batch /proc/self/mem --programs "$PROGRAMS" --as-of 2026-02-15 2>&1 >/dev/null); code=$?
set -e
if [ $code -ne 2 ] || ! grep -q "/proc/self/mem:1: read failed: Input/output error" <<<"$err"; then
  echo "FAIL: batch /proc/self/mem: exit $code: $err"
  exit 1
fi
echo "a read error stops the run: $err"

# 4. endless input without a line end is refused quickly, from a file and from standard input
for how in file stdin; do
  set +e
  if [ $how = file ]; then
    err=$(timeout 20 "$SFGRANT" batch /dev/zero --programs "$PROGRAMS" 2>&1 >/dev/null); code=$?
  else
    err=$(timeout 20 "$SFGRANT" batch - --programs "$PROGRAMS" </dev/zero 2>&1 >/dev/null); code=$?
  fi
  set -e
  if [ $code -ne 2 ] || ! grep -q "header: longer than 16 MiB (the limit of a record)" <<<"$err"; then
    echo "FAIL: batch /dev/zero ($how): exit $code (124 = hung): $err"
    exit 1
  fi
done
echo "/dev/zero is refused: $err"

# 5. 200,000 rows with 1% damaged: every line is in exactly one output record or one rejected row,
#    at -j 1 and -j 2, csv and jsonl, and the summary adds up. The sanitizer pass of CI sets
#    SFGRANT_DAMAGED_ROWS lower (ASan makes 4 × 200,000 evaluations and ~16 GB of JSON too slow for
#    its time limit); the damage is the same, at least one row of each kind.
python3 "$GEN" "${SFGRANT_DAMAGED_ROWS:-200000}" "$work/h" >/dev/null
python3 - "$work/h.csv" "$work/damaged.csv" <<'PY'
import sys
src, dst = sys.argv[1:3]
lines = open(src, "rb").read().split(b"\n")
header, rows = lines[0], [r for r in lines[1:] if r]
cols = header.split(b",")
size, cost = cols.index(b"size"), cols.index(b"plan.total_cost")
out, expect_rejected, blank = [header], [], []
for i, row in enumerate(rows):
    line = len(out) + 1
    cells = row.split(b",")
    if b'"' not in row and i % 100 == 37:
        kind = (i // 100) % 5
        if kind == 0: cells[size] = b"huge"
        if kind == 1: cells[cost] = "4억원x".encode()
        if kind == 2: cells = cells[:-1]
        if kind == 3: cells[0] += b"\xff"
        if kind == 4: cells[0] += b"\x00"
        if kind < 4: expect_rejected.append(line)
        row = b",".join(cells)
    elif i == 1000 and b'"' not in row:
        row = b'"' + row  # a quote never closed
        expect_rejected.append(line)
    elif i == 2000:
        row = row.decode("utf-8").encode("cp949")  # one stray CP949 row
        cp949_line = line
    out.append(row)
    if i in (5000, 5001):
        blank.append(len(out) + 1)
        out.append(b"" if i == 5000 else b",,,")
open(dst, "wb").write(b"\n".join(out) + b"\n")
open(dst + ".expect", "w").write(f"{len(out)} {' '.join(map(str, blank))}\n{' '.join(map(str, expect_rejected))}\n{cp949_line}\n")
PY
for jobs in 1 2; do
  for fmt in csv jsonl; do
    set +e
    "$SFGRANT" batch "$work/damaged.csv" --programs "$PROGRAMS" --as-of 2026-02-15 --all --lang en --format $fmt -j $jobs \
      2>"$work/err.$fmt.$jobs" | if [ $fmt = csv ]; then
        LC_ALL=C awk -F, '$1 ~ /^[0-9]+$/ && $1 != last { print $1; last = $1 }'  # a company's rows are together
      else
        grep -o '^{"line":[0-9]*' | cut -d: -f2
      fi >"$work/lines.$fmt.$jobs"
    code=${PIPESTATUS[0]}
    set -e
    [ "$code" -eq 1 ] || { echo "FAIL: damaged file, $fmt -j $jobs: exit $code"; tail -3 "$work/err.$fmt.$jobs"; exit 1; }
    python3 - "$work/damaged.csv.expect" "$work/lines.$fmt.$jobs" "$work/err.$fmt.$jobs" "$fmt -j $jobs" <<'PY'
import re, sys
expect, out_lines, err, what = sys.argv[1:5]
e = open(expect).read().split("\n")
total, *blank = map(int, e[0].split())
expect_rejected = set(map(int, e[1].split()))
cp949_line = int(e[2])
out = [int(l) for l in open(out_lines) if l.strip()]
in_output = set(out)
rejected, reasons = set(), {}
summary = None
for l in open(err, encoding="utf-8", errors="replace"):
    m = re.match(r"^.*?:(\d+)(?:-(\d+))?: error: (.*)", l)
    if m:
        first, last = int(m[1]), int(m[2] or m[1])
        for n in range(first, last + 1):
            assert n not in rejected, f"line {n} rejected twice"
            rejected.add(n)
        reasons[first] = m[3]
    if l.startswith("sfgrant batch:"):
        summary = l
rows = set(range(2, total + 1)) - set(blank)
assert rejected <= in_output, f"{what}: rejected rows without an error record: {sorted(rejected - in_output)[:5]}"
assert in_output == rows, (f"{what}: lines not accounted for: {sorted(rows - in_output)[:10]}, "
                           f"extra: {sorted(in_output - rows)[:10]}")
assert expect_rejected <= rejected, f"{what}: damaged rows not rejected: {sorted(expect_rejected - rejected)[:10]}"
assert "cannot be read" not in reasons.get(cp949_line, ""), f"{what}: the CP949 row: {reasons[cp949_line]}"
m = re.search(r"(\d+) rows read, (\d+) evaluated, (\d+) rejected; (\d+) lines = (\d+) header \+ (\d+) blank \+ (\d+) in rows",
              summary or "")
assert m, f"{what}: no summary with the lines: {summary}"
read, evaluated, rej, lines, header, blanks, in_rows = map(int, m.groups())
assert lines == total and header == 1 and blanks == len(blank) and in_rows == len(rows), (what, summary, total)
assert header + blanks + in_rows == lines and evaluated + rej == read and rej == len(rejected), (what, summary)
print(f"{what}: {lines} lines = 1 header + {blanks} blank + {in_rows} in rows; {rej} rejected, every line accounted for")
PY
  done
  cmp -s "$work/lines.csv.$jobs" "$work/lines.csv.1" || { echo "FAIL: -j $jobs csv differs from -j 1"; exit 1; }
done

# ---- #16: company lists the way Korean offices keep them -----------------------------------------

# 6. a CP949 list with Korean headers and Korean values (Excel's "CSV" as a technopark saves it) gives
#    the same output, byte for byte, as the same list with profile paths and English values; the row
#    that cannot be read is reported the same way in both and the others are still evaluated.
cat >"$work/korean.utf8.csv" <<'CSV'
회사명,사업자 등록번호,기업규모,업종코드,시·도,시군구,체납 여부,참여제한,영업상태,현재수준,목표수준,구축방식,수준확인서,선정·확인서,총사업비,연차별 사업비
한빛정밀(주),305-86-12346,소기업,C29294,대전광역시,유성구,아니오,×,정상,기초,중간2,정부지원,○,"뿌리기업, 레전드50+",4억 5천만원,
유성금형,,중기업,25934,충청남도,천안시,무,비해당,영업,미적용,기초,없음,X,도약,"400,000,000",2억원; 2억원
세종부품,,소기업,29294,세종,,네,N,휴업,중간1,중간2,자체구축,예,,3억원,
한 칸 모자란 행,소기업
포항주물,,소기업,24311,경북,포항시,유,해당,정상,기초,고도화,정부지원,Y,뿌리기업,6억원,
CSV
cat >"$work/english.csv" <<'CSV'
name,business_number,size,ksic,region,city,status.tax_arrears,status.sanctioned,status.business,smart_factory.level,smart_factory.target_level,smart_factory.built_by,smart_factory.level_certified,selections,plan.total_cost,plan.yearly_costs
한빛정밀(주),305-86-12346,small,29294,대전,유성구,false,false,active,basic,intermediate2,government,true,root_company;legend50,450000000,
유성금형,,medium,25934,충남,천안시,false,false,active,none,basic,none,false,jump_up,400000000,200000000;200000000
세종부품,,small,29294,세종,,true,false,suspended,intermediate1,intermediate2,self,true,,300000000,
한 칸 모자란 행,small
포항주물,,small,24311,경북,포항시,true,true,active,basic,advanced,government,true,root_company,600000000,
CSV
iconv -f UTF-8 -t CP949 "$work/korean.utf8.csv" >"$work/korean.csv"
if iconv -f UTF-8 -t UTF-8 "$work/korean.csv" >/dev/null 2>&1; then echo "FAIL: the Korean list is not CP949"; exit 1; fi
for fmt in csv jsonl; do
  for list in korean english; do
    set +e
    "$SFGRANT" batch "$work/$list.csv" --programs "$PROGRAMS" --as-of 2026-02-15 --all --format $fmt -j 1 \
      >"$work/$list.$fmt.out" 2>"$work/$list.$fmt.err"
    code=$?
    set -e
    # the short row is rejected (exit 1), the four others evaluated
    [ "$code" -eq 1 ] || { echo "FAIL: $list list, $fmt: exit $code"; cat "$work/$list.$fmt.err"; exit 1; }
    grep -q "5행 읽음, 4행 평가, 1행 거부" "$work/$list.$fmt.err" ||
      { echo "FAIL: $list list, $fmt: summary"; cat "$work/$list.$fmt.err"; exit 1; }
    grep -q "$list.csv:5: error: 2 fields, but the header has 16 columns" "$work/$list.$fmt.err" ||
      { echo "FAIL: $list list, $fmt: the short row is not reported"; cat "$work/$list.$fmt.err"; exit 1; }
  done
  if ! cmp -s "$work/korean.$fmt.out" "$work/english.$fmt.out"; then
    echo "FAIL: Korean headers and values give another $fmt than the English list"
    diff "$work/korean.$fmt.out" "$work/english.$fmt.out" | head -20
    exit 1
  fi
  [ "$(grep -c . "$work/korean.$fmt.out")" -gt 4 ] || { echo "FAIL: too little $fmt output"; exit 1; }
done
echo "a CP949 list with Korean headers and values reads as the same list in English (csv, jsonl)"

# 7. --keep passes 사업자등록번호 and 담당자 through (csv, jsonl, xlsx) next to a Korean list read as
#    profile fields; an unknown column is still refused, with the hint; --per company gives a row per
#    company; -j 1 and -j 2 write the same bytes in every mode; the csv matches its golden.
GOLDEN=$(dirname "$0")/golden
cat >"$work/keep.csv" <<'CSV'
회사명,사업자등록번호,담당자,기업규모,업종코드,시도,현재수준,목표수준,총사업비,비고
한빛정밀(주),305-86-12346,김담당,소기업,C29294,대전,기초,중간2,4억원,"재방문, 3월"
유성금형,,이과장,중기업,25934,충남,미적용,기초,"400,000,000",
한 칸 모자란 행,123-45-67890
포항주물,,박대리,소기업,24311,경북,기초,고도화,6억원,=SUM(A1)
CSV
set +e
err=$("$SFGRANT" batch "$work/keep.csv" --programs "$PROGRAMS" --as-of 2026-02-15 2>&1 >/dev/null); code=$?
set -e
if [ $code -ne 2 ] || ! grep -q 'unknown column "담당자" (column 3) in the header.*--keep "담당자"' <<<"$err"; then
  echo "FAIL: an unknown column without --keep: exit $code: $err"; exit 1
fi
run_keep() {  # run_keep OUT ARGS...: exit 1 expected (the short row)
  local out=$1; shift
  set +e
  "$SFGRANT" batch "$work/keep.csv" --programs "$PROGRAMS" --as-of 2026-02-15 "$@" -o "$out" 2>"$out.err"
  local c=$?
  set -e
  [ $c -eq 1 ] || { echo "FAIL: batch $*: exit $c"; cat "$out.err"; exit 1; }
}
for mode in "--format csv" "--format csv --per company" "--format csv --all --lang en" "--format jsonl"; do
  for j in 1 2; do
    # shellcheck disable=SC2086
    run_keep "$work/keep.$j.out" $mode --keep 사업자등록번호,담당자,비고 -j $j
  done
  cmp -s "$work/keep.1.out" "$work/keep.2.out" || { echo "FAIL: $mode --keep: -j 2 differs from -j 1"; exit 1; }
  for v in 305-86-12346 김담당 이과장 박대리 123-45-67890; do
    grep -q -- "$v" "$work/keep.1.out" || { echo "FAIL: $mode --keep: $v not passed through"; exit 1; }
  done
  cp "$work/keep.1.out" "$work/keep.$(tr -c 'a-z' _ <<<"$mode").out"
done
python3 - "$work/keep.__format_csv_.out" "$work/keep.__format_csv___per_company_.out" "$work/keep.__format_jsonl_.out" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
head = open(sys.argv[1], encoding="utf-8").readline().strip().split(",")
assert head[:6] == ["line", "name", "사업자등록번호", "담당자", "비고", "program"], head
assert {r["담당자"] for r in rows} == {"김담당", "이과장", "박대리", ""}, rows
assert any(r["비고"] == "'=SUM(A1)" for r in rows), "a formula is neutralised, the cell otherwise kept"
err = [r for r in rows if r["status"] == "error"]
assert len(err) == 1 and err[0]["사업자등록번호"] == "123-45-67890", err
per = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
assert [r["line"] for r in per] == ["2", "3", "4", "5"], [r["line"] for r in per]
assert per[2]["status"] == "error" and per[2]["error"], per[2]
for r in per:
    if r["status"] == "eligible":
        assert r["program"] and int(r["eligible"]) > 0, r
        # the best program has the largest government share of the company's eligible rows
        gov = [int(x["government"] or 0) for x in rows if x["line"] == r["line"] and x["status"] == "eligible"]
        assert int(r["government"] or 0) == max(gov), (r, gov)
lines = [json.loads(l) for l in open(sys.argv[3], encoding="utf-8")]
assert lines[0]["kept"] == {"사업자등록번호": "305-86-12346", "담당자": "김담당", "비고": "재방문, 3월"}, lines[0]
assert lines[2]["status"] == "error" and lines[2]["kept"]["사업자등록번호"] == "123-45-67890", lines[2]
print("--keep passes columns through in csv and jsonl; --per company picks the largest government share")
PY
if ! diff -u "$GOLDEN/batch-keep-ko.csv" "$work/keep.__format_csv_.out"; then
  echo "FAIL: the csv of a small Korean list differs from tests/golden/batch-keep-ko.csv"; exit 1
fi
for j in 1 2; do
  run_keep "$work/keep.$j.xlsx" --format xlsx --keep 사업자등록번호,담당자,비고 -j $j
  mkdir -p "$work/x$j" && (cd "$work/x$j" && python3 -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall()" "$work/keep.$j.xlsx")
done
diff -r "$work/x1/xl/worksheets" "$work/x2/xl/worksheets" >/dev/null || { echo "FAIL: xlsx sheets differ between -j 1 and -j 2"; exit 1; }
grep -q "김담당" "$work/x1/xl/sharedStrings.xml" 2>/dev/null || grep -rq "김담당" "$work/x1/xl/worksheets" ||
  { echo "FAIL: xlsx --keep: 담당자 not passed through"; exit 1; }
echo "--keep in csv, jsonl and xlsx; --per company; -j 1 == -j 2 in every mode; golden csv"

# 8. -j 1 and -j 2 over many chunks (30,000 companies): the same bytes per company and with --keep
for mode in "--per company --keep name,ksic" "--all --keep region"; do
  for j in 1 2; do
    # shellcheck disable=SC2086
    "$SFGRANT" batch "$work/big.csv" --programs "$PROGRAMS" --as-of 2026-02-15 $mode -j $j -o "$work/big.$j.csv" 2>/dev/null ||
      [ $? -eq 1 ]
  done
  cmp -s "$work/big.1.csv" "$work/big.2.csv" || { echo "FAIL: $mode: -j 2 differs from -j 1 over 30,000 companies"; exit 1; }
done
echo "-j 1 == -j 2 over 30,000 companies with --per company and --keep"

# 9. the xlsx of 3,000 generated companies read back with openpyxl: the sheets people open (기업별 first),
#    a frozen, filterable header on each, amounts as numbers shown with a thousands separator, and the
#    요약 counts equal to counts from the csv of the same list
python3 "$GEN" 3000 "$work/x" >/dev/null
# the generator leaves the notice's own exclusions unknown: answer them for nine companies in ten
python3 "$(dirname "$0")/answer_notice_exclusion.py" "$work/x.csv"
"$SFGRANT" batch "$work/x.csv" --programs "$PROGRAMS" --as-of 2026-02-15 --format xlsx -o "$work/x.xlsx" 2>/dev/null ||
  [ $? -eq 1 ]
"$SFGRANT" batch "$work/x.csv" --programs "$PROGRAMS" --as-of 2026-02-15 --per company -o "$work/x.per.csv" 2>/dev/null ||
  [ $? -eq 1 ]
"$SFGRANT" batch "$work/x.csv" --programs "$PROGRAMS" --as-of 2026-02-15 -o "$work/x.prog.csv" --no-bom 2>/dev/null ||
  [ $? -eq 1 ]
# openpyxl is Debian's python3-openpyxl (dev.sh installs it): the system python, whatever else is on PATH
system_python=/usr/bin/python3
[ -x "$system_python" ] || system_python=python3
"$system_python" - "$work/x.xlsx" "$work/x.per.csv" "$work/x.prog.csv" <<'PY'
import collections, csv, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
names = wb.sheetnames
assert names[0] == "기업별", names
for want in ("기업별", "사업별", "오류", "요약"):
    assert want in names, (want, names)
for ws in wb.worksheets:
    assert ws.freeze_panes == "A2", (ws.title, ws.freeze_panes)
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), (ws.title, ws.auto_filter.ref)
    assert ws.column_dimensions["B"].width and ws.column_dimensions["B"].width >= 6, ws.title
per = list(csv.DictReader(open(sys.argv[2], encoding="utf-8-sig")))
evaluated = [r for r in per if r["status"] != "error"]
companies = wb["기업별"]
head = [c.value for c in companies[1]]
gov = head.index("정부지원") + 1
rows = list(companies.iter_rows(min_row=2, values_only=True))
assert len(rows) == len(evaluated), (len(rows), len(evaluated))
amounts = [r[gov - 1] for r in rows if r[gov - 1] is not None]
assert amounts and all(isinstance(a, (int, float)) for a in amounts), amounts[:5]
cell = next(c for c in companies.iter_rows(min_row=2, min_col=gov, max_col=gov) if c[0].value is not None)[0]
assert cell.number_format == "#,##0", cell.number_format
assert len(list(wb["오류"].iter_rows(min_row=2))) == len(per) - len(evaluated)
summary = {(r[0], r[1]): r for r in wb["요약"].iter_rows(min_row=2, values_only=True) if r[0]}
# 요약 counts each company once: overall, by best program, against the csv's per-company rows
eligible = [r for r in evaluated if r["status"] == "eligible"]
assert len(eligible) > 1000, len(eligible)  # the test says something only with many eligible companies
total = summary[("전체", "전체")]
assert total[2] == len(evaluated) and total[3] == len(eligible), (total, len(evaluated), len(eligible))
best = collections.Counter(r["program"] for r in eligible)
for (group, item), r in summary.items():
    if group == "최적 사업":
        pid = item.rsplit("(", 1)[1].rstrip(")")
        assert r[2] == best[pid], (item, r, best[pid])
    if group == "사업별":
        pid = item.rsplit("(", 1)[1].rstrip(")")
        n = sum(1 for x in csv.DictReader(open(sys.argv[3], encoding="utf-8"))
                if x["program"] == pid and x["status"] == "eligible")
        assert r[3] == n, (item, r, n)
sum_best = sum(int(r["government"] or 0) for r in eligible if r["basis"] != "cap")
assert total[5] == sum_best, (total, sum_best)
print(f"xlsx read back: sheets {names}, {len(rows)} companies, 요약 matches the csv")
PY
