#!/usr/bin/env bash
# The xlsx of 100,000 generated companies, read back as an analyst's tools read it (#16): Debian's
# python3-openpyxl opens it; the sheets people open are there (기업별 first, 사업별 split where Excel's
# 1,048,576-row limit falls, 오류, 요약); each sheet has a frozen, filterable header (read from the sheet XML,
# which openpyxl's streaming reader does not expose); amounts are numbers; and every count agrees with the
# csv outputs of the same list: one 기업별 row per evaluated company, one 사업별 row per csv row, 요약's
# totals counted each company once.
# usage: xlsx_100k.sh SFGRANT PROGRAMS_DIR GEN_COMPANIES [N]   (N: companies, default 100000)
# Never skips: a missing generator or openpyxl is a failure.
set -euo pipefail
SFGRANT=$1 PROGRAMS=$2 GEN=$3 N=${4:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f "$GEN" ] || { echo "FAIL: company generator $GEN not found"; exit 1; }
python3 "$GEN" "$N" "$work/x" >/dev/null
# the generator leaves the notice's own exclusions unknown: answer them for nine companies in ten
python3 "$(dirname "$0")/answer_notice_exclusion.py" "$work/x.csv"
run() {  # exit 0 or 1 (a result); anything else fails the test
  local c=0
  "$SFGRANT" batch "$work/x.csv" --programs "$PROGRAMS" --as-of 2026-02-15 "$@" 2>/dev/null || c=$?
  [ $c -le 1 ] || { echo "FAIL: batch $*: exit $c"; exit 1; }
}
run --format xlsx -o "$work/x.xlsx"
run --per company -o "$work/x.per.csv" --no-bom
run -o "$work/x.prog.csv" --no-bom
system_python=/usr/bin/python3
[ -x "$system_python" ] || system_python=python3
"$system_python" - "$work/x.xlsx" "$work/x.per.csv" "$work/x.prog.csv" "$N" <<'PY'
import collections, csv, re, sys, zipfile
import openpyxl

xlsx, per_csv, prog_csv, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
# the sheet XML: a frozen header and an autofilter from A1 on every sheet
with zipfile.ZipFile(xlsx) as z:
    sheets = sorted(f for f in z.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", f))
    for f in sheets:
        head = z.read(f)[:4096].decode("utf-8", "replace")
        assert re.search(r'<pane [^>]*ySplit="1"[^>]*state="frozen"', head), (f, "no frozen header")
        tail = z.read(f)[-4096:].decode("utf-8", "replace")
        assert re.search(r'<autoFilter ref="A1:', tail), (f, "no autofilter")
wb = openpyxl.load_workbook(xlsx, read_only=True)
names = wb.sheetnames
assert names[0] == "기업별", names
assert len(sheets) == len(names), (sheets, names)
for want in ("기업별", "사업별", "오류", "요약"):
    assert want in names, (want, names)

per = list(csv.DictReader(open(per_csv, encoding="utf-8")))
assert len(per) == n, (len(per), n)
evaluated = [r for r in per if r["status"] != "error"]
eligible = [r for r in evaluated if r["status"] == "eligible"]
assert len(eligible) > n // 3, len(eligible)  # the counts say something only with many eligible companies

rows = wb["기업별"].iter_rows(values_only=True)
head = list(next(rows))
gov = head.index("정부지원")
count = numbers = 0
for r in rows:
    count += 1
    if r[gov] is not None:
        assert isinstance(r[gov], (int, float)), r
        numbers += 1
assert count == len(evaluated), (count, len(evaluated))
assert numbers > 0

# 사업별, across the sheets Excel's row limit splits it into: one row per row of the csv
program_rows = collections.Counter()
with open(prog_csv, encoding="utf-8") as f:
    reader = csv.DictReader(f)
    total_csv = 0
    for x in reader:
        total_csv += 1
        if x["status"] == "eligible":
            program_rows[x["program"]] += 1
total_xlsx = 0
for name in names:
    if name == "사업별" or name.startswith("사업별 ("):
        total_xlsx += sum(1 for _ in wb[name].iter_rows(min_row=2, values_only=True))
assert total_xlsx == total_csv, (total_xlsx, total_csv)

summary = {(r[0], r[1]): r for r in wb["요약"].iter_rows(min_row=2, values_only=True) if r[0]}
total = summary[("전체", "전체")]
assert total[2] == len(evaluated) and total[3] == len(eligible), (total, len(evaluated), len(eligible))
best = collections.Counter(r["program"] for r in eligible)
for (group, item), r in summary.items():
    if group in ("최적 사업", "사업별"):
        pid = item.rsplit("(", 1)[1].rstrip(")")
        want = best[pid] if group == "최적 사업" else program_rows[pid]
        assert r[2 if group == "최적 사업" else 3] == want, (group, item, r, want)
sum_best = sum(int(r["government"] or 0) for r in eligible if r["basis"] != "cap")
assert total[5] == sum_best, (total, sum_best)
print(f"xlsx of {n:,} companies read back: sheets {names}; {count:,} companies, {total_xlsx:,} program rows; "
      f"요약 matches the csv")
PY
