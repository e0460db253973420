#!/usr/bin/env bash
# `sfgrant report` as people see it: the report of examples/small-mould-maker.yaml opened by a real
# browser (Debian's chromium, headless) and printed to A4 PDF. Checks the page count (pdfinfo), that the
# printed text (pdftotext) holds the company name and the largest government support as `check`'s table
# shows it and no raw markup, that the DOM the browser built holds every program block open to the
# company and no script element, and that nothing in the file would be fetched from the network.
# usage: report_browser.sh SFGRANT SOURCE_DIR
# Never skips itself: without chromium, pdfinfo or pdftotext it fails (dev.sh installs them).
set -uo pipefail
SFGRANT=$(realpath "$1") SRC=$(cd "$2" && pwd)
PROFILE=$SRC/examples/small-mould-maker.yaml
ARGS=(--programs "$SRC/programs" --as-of 2026-02-15)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
pass() { echo "ok: $*"; }

for tool in chromium pdfinfo pdftotext python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "FAIL: $tool is not installed (./dev.sh build installs chromium and poppler-utils)"
    exit 1
  fi
done

export SOURCE_DATE_EPOCH=1767225600
"$SFGRANT" report "$PROFILE" "${ARGS[@]}" -o "$work/report.html" || fail "report exited $?"
"$SFGRANT" check "$PROFILE" "${ARGS[@]}" --format json >"$work/check.json"
NO_COLOR=1 "$SFGRANT" check "$PROFILE" "${ARGS[@]}" >"$work/check.txt"

# Chromium in a throwaway profile; every host resolves to nothing, so a fetch could not succeed either
browser() {
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run --no-pdf-header-footer \
    --user-data-dir="$work/chromium" --host-resolver-rules="MAP * ~NOTFOUND" "$@" 2>>"$work/chromium.log"
}
browser --print-to-pdf="$work/report.pdf" "file://$work/report.html" >/dev/null ||
  fail "chromium --print-to-pdf exited $? ($(tail -3 "$work/chromium.log"))"
browser --dump-dom "file://$work/report.html" >"$work/dom.html" || fail "chromium --dump-dom exited $?"

# page count: a typical company on two to four A4 pages
pages=$(pdfinfo "$work/report.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
size=$(pdfinfo "$work/report.pdf" 2>/dev/null | awk '/^Page size:/ {print $3 "x" $5}')
echo "pdfinfo: Pages: ${pages:-?}, page size ${size:-?} pt"
if [ -n "$pages" ] && [ "$pages" -ge 2 ] && [ "$pages" -le 4 ]; then pass "$pages A4 pages"; else fail "pages: ${pages:-none}"; fi
case "$size" in 59[45]*x841* | 59[45]*x842*) pass "A4 paper" ;; *) fail "page size $size, not A4" ;; esac

# the printed text: company name, the largest support as check's table writes it, no raw markup
pdftotext -layout "$work/report.pdf" "$work/report.txt" || fail "pdftotext exited $?"
python3 - "$work" <<'EOF' || failures=$((failures + 1))
import json, re, sys
work = sys.argv[1]
check = json.load(open(f"{work}/check.json"))
text = open(f"{work}/report.txt", encoding="utf-8").read()
table = open(f"{work}/check.txt", encoding="utf-8").read()
dom = open(f"{work}/dom.html", encoding="utf-8").read()
flat = re.sub(r"\s+", "", text)  # pdftotext breaks lines where the page does
bad = 0

def fail(what):
    global bad
    print("FAIL:", what)
    bad += 1

def grouped(n):
    return f"{n:,}"

def korean(won):  # format_money (ko): 2억원, 1억 2,000만원, 238만원
    eok, man, rest = won // 100_000_000, won // 10_000 % 10_000, won % 10_000
    parts = [f"{grouped(eok)}억"] * (eok > 0) + [f"{grouped(man)}만"] * (man > 0) + [grouped(rest)] * (rest > 0)
    return " ".join(parts) + "원" if parts else "0원"

name = check["company"]["name"]
if re.sub(r"\s+", "", name) in flat:
    print("ok: the PDF names the company:", name)
else:
    fail(f"company name {name!r} not in the PDF text")

# the largest government share among the programs open to the company (each program's best track)
rank = {"eligible": 2, "possible": 1, "ineligible": 0}
largest = 0
for p in check["programs"]:
    if p["status"] == "ineligible":
        continue
    tracks = [t for t in p["tracks"] if t.get("split")]
    best = max(p["tracks"], key=lambda t: (rank[t["status"]], 1 if t.get("split") else 0,
                                           (t.get("split") or {}).get("government") or t.get("cap") or 0))
    if best.get("split"):
        largest = max(largest, best["split"]["government"])
amount = korean(largest)
if amount not in table:
    fail(f"the largest support {amount} is not in check's table")
elif amount.replace(" ", "") in flat:
    print("ok: the PDF shows the largest support as check's table does:", amount)
else:
    fail(f"the largest support {amount} is not in the PDF text")

for marker in ["<", ">", "{{", "}}", "{%", "&lt;", "&amp;", "&quot;"]:
    if marker in text:
        fail(f"raw markup or a template marker {marker!r} in the PDF text")

# the DOM the browser built: every program open to the company as a block, no script
open_ids = [p["id"] for p in check["programs"] if p["status"] != "ineligible"]
blocks = re.findall(r'<article class="program" id="program-([^"]+)"', dom)
if sorted(blocks) == sorted(open_ids) and blocks:
    print(f"ok: the DOM has the {len(blocks)} program blocks open to the company")
else:
    fail(f"program blocks {sorted(blocks)} != open programs {sorted(open_ids)}")
if re.search(r"<script\b", dom, re.I) or re.search(r"\son[a-z]+=", dom, re.I):
    fail("a script element or an event handler in the DOM")
else:
    print("ok: no script element and no event handler in the DOM")
sys.exit(1 if bad else 0)
EOF

# Every example profile's report, printed: A4, at most 4 pages and most on 3 or fewer; the text holds the
# company's name and every program open to it with its government amount as `check --format json` has it;
# and Hangul is drawn with a real font. Chromium embeds Noto Sans CJK (CFF outlines) as Type 3 fonts, one
# glyph procedure per glyph and no font name to check; a missing font would draw the fallback's .notdef box
# for every syllable. So the PDF must hold at least as many distinct glyph procedures as the distinct Hangul
# syllables its text has.
for profile in "$SRC"/examples/*.yaml; do
  ex=$(basename "$profile" .yaml)
  "$SFGRANT" report "$profile" "${ARGS[@]}" -o "$work/ex-$ex.html"
  code=$?
  [ "$code" -le 1 ] || fail "report of $ex exited $code"  # 1: nothing open to the company, a result
  "$SFGRANT" check "$profile" "${ARGS[@]}" --format json >"$work/ex-$ex.json"
  browser --print-to-pdf="$work/ex-$ex.pdf" "file://$work/ex-$ex.html" >/dev/null || fail "chromium, $ex: exit $?"
  pdftotext -layout "$work/ex-$ex.pdf" "$work/ex-$ex.txt" || fail "pdftotext of $ex exited $?"
  pdfinfo "$work/ex-$ex.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}' >"$work/ex-$ex.pages"
done
python3 - "$work" "$SRC/examples" <<'EOF' || failures=$((failures + 1))
import glob, json, os, re, statistics, sys, zlib
work, examples = sys.argv[1:3]
bad = 0

def fail(what):
    global bad
    print("FAIL:", what)
    bad += 1

def korean(won):  # format_money (ko): 2억원, 1억 2,000만원, 238만원
    eok, man, rest = won // 100_000_000, won // 10_000 % 10_000, won % 10_000
    parts = [f"{eok:,}억"] * (eok > 0) + [f"{man:,}만"] * (man > 0) + [f"{rest:,}"] * (rest > 0)
    return " ".join(parts) + "원" if parts else "0원"

def glyph_procedures(path):
    pdf = open(path, "rb").read()
    glyphs = set()
    for m in re.finditer(rb"stream\r?\n", pdf):
        body = pdf[m.end():pdf.find(b"endstream", m.end())]
        try:
            body = zlib.decompress(body)
        except zlib.error:
            pass
        if re.match(rb"\s*(?:-?[\d.]+\s+){2}d0|\s*(?:-?[\d.]+\s+){6}d1", body):  # a Type 3 glyph's program
            glyphs.add(body)
    return len(glyphs)

rank = {"eligible": 2, "possible": 1, "ineligible": 0}
pages = {}
for profile in sorted(glob.glob(f"{examples}/*.yaml")):
    ex = os.path.basename(profile)[:-5]
    check = json.load(open(f"{work}/ex-{ex}.json", encoding="utf-8"))
    text = open(f"{work}/ex-{ex}.txt", encoding="utf-8").read()
    flat = re.sub(r"\s+", "", text)
    pages[ex] = int(open(f"{work}/ex-{ex}.pages").read().strip() or 0)
    if re.sub(r"\s+", "", check["company"]["name"]) not in flat:
        fail(f"{ex}: the company name is not in the PDF text")
    shown = 0
    for p in check["programs"]:
        if p["status"] == "ineligible":
            continue
        if re.sub(r"\s+", "", p["name"]) not in flat:
            fail(f"{ex}: program {p['name']} is not in the PDF text")
        best = max(p["tracks"], key=lambda t: (rank[t["status"]], 1 if t.get("split") else 0,
                                               (t.get("split") or {}).get("government") or t.get("cap") or 0))
        if best.get("split"):
            amount = korean(best["split"]["government"]).replace(" ", "")
            if amount not in flat:
                fail(f"{ex}: {p['id']}'s government amount {amount} is not in the PDF text")
            shown += 1
    hangul = {c for c in text if "\uac00" <= c <= "\ud7a3"}
    glyphs = glyph_procedures(f"{work}/ex-{ex}.pdf")
    if len(hangul) < 50 or glyphs < len(hangul):
        fail(f"{ex}: {len(hangul)} distinct Hangul syllables in the text but {glyphs} glyph procedures: tofu?")
    print(f"ok: {ex}: {pages[ex]} pages, {shown} amounts found, {len(hangul)} Hangul syllables drawn by "
          f"{glyphs} glyph procedures")
if max(pages.values()) > 4 or statistics.median(pages.values()) > 3:
    fail(f"page counts {pages}: at most 4, and a typical company on 3 or fewer")
else:
    print(f"ok: page counts {sorted(pages.values())} (at most 4, median {statistics.median(pages.values())})")
sys.exit(1 if bad else 0)
EOF

# a hostile company name is text in the DOM the browser built: no element came out of it
{
  echo "name: '<script>alert(1)</script>\"><img src=x onerror=alert(1)>&'"
  grep -v '^name:' "$PROFILE"
} >"$work/hostile.yaml"
"$SFGRANT" report "$work/hostile.yaml" "${ARGS[@]}" -o "$work/hostile.html" || fail "report of a hostile name exited $?"
browser --dump-dom "file://$work/hostile.html" >"$work/hostile-dom.html" || fail "chromium --dump-dom exited $?"
if grep -Eiq '<script|<img|onerror="' "$work/hostile-dom.html"; then
  fail "a hostile name became markup in the DOM: $(grep -Eio '.{0,30}(<script|<img).{0,30}' "$work/hostile-dom.html" | head -2)"
elif ! grep -q '&lt;script&gt;alert(1)&lt;/script&gt;"&gt;&lt;img src=x onerror=alert(1)&gt;&amp;' "$work/hostile-dom.html"; then
  fail "the hostile name is not in the DOM as text"
else
  pass "a name with <script>, <img onerror> and \"& is text in the DOM, no element"
fi

# nothing that would fetch: no src, no link, no url(), no @import, no http(s) reference in the file
if grep -Eiq '(\ssrc=|<link|url\(|@import|https?://)' "$work/report.html"; then
  fail "the HTML refers to something outside itself: $(grep -Eio '(\ssrc=|<link|url\(|@import|https?://)[^ ]{0,40}' "$work/report.html" | head -3)"
else
  pass "nothing in the HTML refers outside the file"
fi

# --template: an agency's letterhead (examples/letterhead-report.html.mustache) around the report of a
# company with a hostile name (markup, an event handler, a right-to-left override): the DOM the browser
# built has the letterhead, the name as the h1's text and no element or handler that came from it; the
# PDF holds the letterhead and the name as text. And batch --report with a template of the agency's whose
# list file name is markup.
{
  printf 'name: "<script>alert(1)</script>\\"><img src=x onerror=alert(1)>\\u202Eevil&"\n'
  grep -v '^name:' "$PROFILE"
} >"$work/letterhead.yaml"
"$SFGRANT" report "$work/letterhead.yaml" "${ARGS[@]}" --template "$SRC/examples/letterhead-report.html.mustache" \
  -o "$work/letterhead.html" || fail "report --template exited $?"
browser --dump-dom "file://$work/letterhead.html" >"$work/letterhead-dom.html" || fail "chromium --dump-dom exited $?"
browser --print-to-pdf="$work/letterhead.pdf" "file://$work/letterhead.html" >/dev/null || fail "chromium --print-to-pdf exited $?"
pdftotext -layout "$work/letterhead.pdf" "$work/letterhead.txt" || fail "pdftotext of the letterhead report exited $?"
custom_list="$work/<img src=x onerror=alert(1)>.csv"
cp "$SRC/examples/companies.csv" "$custom_list"
printf '<!DOCTYPE html>\n<html lang="{{lang}}"><head><meta charset="utf-8"><title>{{title}}</title><style>\n{{> batch-report.css}}</style></head>\n<body><div class="agency">한빛 스마트제조 컨설팅</div><h1 id="list">{{list}}</h1>\n{{{programs_html}}}\n<footer>{{made_by}}</footer></body></html>\n' >"$work/agency.mustache"
"$SFGRANT" batch "$custom_list" --programs "$SRC/programs" --as-of 2026-02-15 -o "$work/custom.csv" \
  --report "$work/custom-agency.html" --template "$work/agency.mustache" 2>"$work/custom.err" ||
  [ $? -eq 1 ] || fail "batch --report --template exited: $(tail -2 "$work/custom.err")"
browser --dump-dom "file://$work/custom-agency.html" >"$work/custom-agency-dom.html" || fail "chromium --dump-dom exited $?"
python3 - "$work" "$custom_list" <<'PY' || failures=$((failures + 1))
import re, sys
from html.parser import HTMLParser
work, custom_list = sys.argv[1:3]
hostile = '<script>alert(1)</script>"><img src=x onerror=alert(1)>\u202eevil&'
bad = 0
def fail(what):
    global bad
    print("FAIL:", what)
    bad += 1

class Dom(HTMLParser):
    """The elements and handlers of a serialised DOM, and the text of the element with a given id/class."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.handlers, self.stack, self.text = [], [], [], {}
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.handlers += [k for k, _ in attrs if k.startswith("on")]
        key = dict(attrs).get("id") or dict(attrs).get("class") or tag
        self.stack.append(key)
    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()
    def handle_data(self, data):
        for key in set(self.stack):
            self.text[key] = self.text.get(key, "") + data

def parse(path):
    dom = Dom()
    dom.feed(open(path, encoding="utf-8").read())
    return dom

dom = parse(f"{work}/letterhead-dom.html")
if "script" in dom.tags or "img" in dom.tags or dom.handlers:
    fail(f"letterhead report: elements or handlers from the name: {[t for t in dom.tags if t in ('script', 'img')]} {dom.handlers}")
else:
    print("ok: letterhead report: no script or img element and no event handler in the DOM")
h1 = dom.text.get("h1", "")
if hostile in h1 and "귀중" in h1:
    print("ok: letterhead report: the h1 of the DOM reads the hostile name as text, with the letterhead's 귀중")
else:
    fail(f"letterhead report: the h1 text is {h1!r}")
if "한빛 스마트제조 컨설팅" in dom.text.get("agency", ""):
    print("ok: letterhead report: the agency's letterhead is in the DOM")
else:
    fail("letterhead report: no letterhead in the DOM")
text = open(f"{work}/letterhead.txt", encoding="utf-8").read()
flat = re.sub(r"\s+", "", text)
if "한빛스마트제조컨설팅" in flat and "<script>alert(1)</script>" in flat:
    print("ok: letterhead report: the PDF shows the letterhead and the name's <script> as text")
else:
    fail("letterhead report: the PDF lacks the letterhead or the name as text")
dom = parse(f"{work}/custom-agency-dom.html")
name = custom_list.rsplit("/", 1)[1]
if "img" in dom.tags or "script" in dom.tags or dom.handlers:
    fail("batch --report --template: an element or handler from the list name")
elif name in dom.text.get("list", ""):
    print("ok: batch --report --template: the list name <img onerror> is the h1's text, no element")
else:
    fail(f"batch --report --template: the list h1 reads {dom.text.get('list', '')!r}")
if "agency" in dom.text and "article" not in dom.tags and "table" in dom.tags:
    print("ok: batch --report --template: the agency's layout with the programs table")
else:
    fail("batch --report --template: not the agency's layout")
sys.exit(1 if bad else 0)
PY

echo "--- pdftotext (first lines) ---"
head -12 "$work/report.txt"

# The agency summary (batch --report) of examples/companies.csv and of 3,000 generated companies with
# hostile names and a broken row: printed to A4 PDF, its text holds the run's counts and every program's
# name with its eligible and possible companies as the jsonl output has them, the DOM no script, img or
# event handler, and the file nothing that would be fetched.
python3 "$SRC/scripts/gen-companies.py" 3000 "$work/gen" >/dev/null || fail "gen-companies.py exited $?"
python3 - "$work/gen.csv" <<'PY'
import sys
path = sys.argv[1]
lines = open(path, encoding="utf-8").read().split("\n")
hostile = ['"<script>alert(1)</script>"', '"""><img src=x onerror=alert(1)>"', '"\u202eevil"']
for i in range(1, len(lines) - 1, 500):  # every 500th company renamed; its row otherwise as generated
    lines[i] = hostile[(i // 500) % len(hostile)] + "," + lines[i].split(",", 1)[1]
lines.insert(2, "<b>broken</b>,huge")  # a row that cannot be read: too few fields
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY
for list in "$SRC/examples/companies.csv" "$work/gen.csv"; do
  base=$(basename "$list" .csv)
  "$SFGRANT" batch "$list" --programs "$SRC/programs" --as-of 2026-02-15 --format jsonl -o "$work/$base.jsonl" \
    --report "$work/$base-agency.html" 2>"$work/$base.err"
  code=$?
  [ "$code" -le 1 ] || fail "batch $base --report exited $code: $(tail -2 "$work/$base.err")"
  browser --print-to-pdf="$work/$base-agency.pdf" "file://$work/$base-agency.html" >/dev/null ||
    fail "chromium --print-to-pdf of the agency summary of $base exited $?"
  browser --dump-dom "file://$work/$base-agency.html" >"$work/$base-agency-dom.html" ||
    fail "chromium --dump-dom of the agency summary of $base exited $?"
  pdftotext -layout "$work/$base-agency.pdf" "$work/$base-agency.txt" || fail "pdftotext of $base exited $?"
  pages=$(pdfinfo "$work/$base-agency.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  size=$(pdfinfo "$work/$base-agency.pdf" 2>/dev/null | awk '/^Page size:/ {print $3 "x" $5}')
  case "$size" in
  59[45]*x841* | 59[45]*x842*) pass "agency summary of $base: ${pages:-?} A4 pages" ;;
  *) fail "agency summary of $base: page size $size, not A4" ;;
  esac
  python3 - "$work" "$base" <<'PY' || failures=$((failures + 1))
import json, re, sys
work, base = sys.argv[1:3]
text = open(f"{work}/{base}-agency.txt", encoding="utf-8").read()
flat = re.sub(r"\s+", "", text)  # pdftotext breaks lines where the page does
dom = open(f"{work}/{base}-agency-dom.html", encoding="utf-8").read()
err = open(f"{work}/{base}.err", encoding="utf-8").read()
bad = 0
def fail(what):
    global bad
    print(f"FAIL: agency summary of {base}: {what}")
    bad += 1
m = re.search(r"(\d+)행 읽음, (\d+)행 평가, (\d+)행 거부", err)
if not m:
    fail(f"no summary on stderr: {err[-200:]!r}")
    sys.exit(1)
read, evaluated, rejected = m.groups()
want = f"읽은기업{read}·평가{evaluated}·거부{rejected}"
if want in flat:
    print(f"ok: {base}: the PDF has the run's counts: {read} read, {evaluated} evaluated, {rejected} rejected")
else:
    fail(f"{want} not in the PDF text")
# each program's eligible and possible companies, from the jsonl output, beside its name in the PDF's table
counts, names = {}, {}
for line in open(f"{work}/{base}.jsonl", encoding="utf-8"):
    company = json.loads(line)
    for p in company.get("programs", []):
        c = counts.setdefault(p["id"], [0, 0])
        names[p["id"]] = p["name"]
        c[0] += p["status"] == "eligible"
        c[1] += p["status"] == "possible"
if not names:
    fail("no evaluated company in the jsonl output")
missing = [n for n in names.values() if re.sub(r"\s+", "", n) not in flat]
if missing:
    fail(f"program names not in the PDF: {missing}")
else:
    print(f"ok: {base}: all {len(names)} program names are in the PDF")
wrong = [pid for pid, (e, q) in counts.items()
         if re.sub(r"\s+", "", names[pid]) + f"{e}{q}" not in flat]
if wrong:
    fail(f"programs whose table row does not read name, eligible, possible as the jsonl has them: {wrong}")
else:
    print(f"ok: {base}: every program's row reads its eligible and possible counts as the jsonl output has them")
if re.search(r"<script\b|<img\b", dom, re.I) or re.search(r"\son[a-z]+=", dom, re.I):
    fail("a script or img element or an event handler in the DOM")
for marker in ["<script", "<img", "&lt;", "&amp;", "onerror", "evil"]:
    if marker in text:
        fail(f"{marker!r} in the PDF text (no row's text belongs in the summary)")
sys.exit(1 if bad else 0)
PY
  if grep -Eiq '(\ssrc=|<link|url\(|@import|https?://)' "$work/$base-agency.html"; then
    fail "the agency summary of $base refers to something outside itself"
  else
    pass "nothing in the agency summary of $base refers outside the file ($(wc -c <"$work/$base-agency.html") bytes)"
  fi
done
# The agency summary of 100,000 generated companies (the issue's size; the counts per program are checked
# against the outputs on the 3,000 above, where the jsonl stays small): A4 in as many pages as the 3,000's,
# the run's counts in its text, under 2 MB, no script in the DOM, nothing fetched.
python3 "$SRC/scripts/gen-companies.py" 100000 "$work/big" >/dev/null || fail "gen-companies.py 100000 exited $?"
"$SFGRANT" batch "$work/big.csv" --programs "$SRC/programs" --as-of 2026-02-15 --per company -o "$work/big.out.csv" \
  --report "$work/big-agency.html" 2>"$work/big.err"
code=$?
[ "$code" -le 1 ] || fail "batch of 100,000 --report exited $code: $(tail -2 "$work/big.err")"
browser --print-to-pdf="$work/big-agency.pdf" "file://$work/big-agency.html" >/dev/null ||
  fail "chromium --print-to-pdf of the agency summary of 100,000 exited $?"
browser --dump-dom "file://$work/big-agency.html" >"$work/big-agency-dom.html" ||
  fail "chromium --dump-dom of the agency summary of 100,000 exited $?"
pdftotext -layout "$work/big-agency.pdf" "$work/big-agency.txt" || fail "pdftotext of 100,000 exited $?"
big_pages=$(pdfinfo "$work/big-agency.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
gen_pages=$(pdfinfo "$work/gen-agency.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
big_size=$(pdfinfo "$work/big-agency.pdf" 2>/dev/null | awk '/^Page size:/ {print $3 "x" $5}')
case "$big_size" in
59[45]*x841* | 59[45]*x842*) ;;
*) fail "agency summary of 100,000: page size $big_size, not A4" ;;
esac
if [ -n "$big_pages" ] && [ "$big_pages" = "$gen_pages" ]; then
  pass "agency summary of 100,000 companies: $big_pages A4 pages, as for 3,000"
else
  fail "agency summary of 100,000 companies: ${big_pages:-?} pages, 3,000 gave ${gen_pages:-?}"
fi
bytes=$(wc -c <"$work/big-agency.html")
if [ "$bytes" -lt 2000000 ]; then pass "agency summary of 100,000: $bytes bytes of HTML"; else fail "agency summary of 100,000: $bytes bytes"; fi
python3 - "$work" <<'PY' || failures=$((failures + 1))
import re, sys
work = sys.argv[1]
flat = re.sub(r"\s+", "", open(f"{work}/big-agency.txt", encoding="utf-8").read())
err = open(f"{work}/big.err", encoding="utf-8").read()
dom = open(f"{work}/big-agency-dom.html", encoding="utf-8").read()
m = re.search(r"(\d+)행 읽음, (\d+)행 평가, (\d+)행 거부", err)
assert m and m.group(1) == "100000", err[-300:]
want = f"읽은기업{m.group(1)}·평가{m.group(2)}·거부{m.group(3)}"
assert want in flat, f"{want} not in the PDF text of the 100,000 summary"
assert not re.search(r"<script\b|<img\b", dom, re.I), "script or img in the DOM"
print(f"ok: 100,000: the PDF has the run's counts ({m.group(1)} read, {m.group(2)} evaluated, {m.group(3)} rejected)")
PY
grep -Eiq '(\ssrc=|<link|url\(|@import|https?://)' "$work/big-agency.html" &&
  fail "the agency summary of 100,000 refers to something outside itself"

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all report browser checks passed"
