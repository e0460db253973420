#!/usr/bin/env bash
# `check --format markdown` as GitHub shows it: the output rendered by cmark-gfm (GitHub's own Markdown
# library, Debian's cmark-gfm) with the table extension. For a profile whose name and plan.costs key are
# hostile (`<script>`, `"><img onerror=…>`, `|`, backticks, emphasis, a link, a line end, U+202E) and for
# the bundled examples in both languages: the HTML holds no element the text could have made (script, img,
# a, em, del, or code other than the page's ids and paths; no markup in the name), one table whose every row has the header's cells, and the
# company name as text.
# usage: markdown_render.sh SFGRANT SOURCE_DIR
# Never skips itself: without cmark-gfm it fails (dev.sh installs it).
set -uo pipefail
SFGRANT=$(realpath "$1") SRC=$(cd "$2" && pwd)
ARGS=(--programs "$SRC/programs" --as-of 2026-02-15 --format markdown)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in cmark-gfm python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "FAIL: $tool is not installed (./dev.sh build installs cmark-gfm)"
    exit 1
  fi
done

cat >"$work/hostile.yaml" <<'YAML'
name: "<script>alert(1)</script> | `x` \"><img src=x onerror=alert(1)> **b** _i_ [l](http://e.com) www.evil.com \u202Edlrow\n## h"
size: small
ksic: "25924"
region: 대전
plan:
  total_cost: 1억원
YAML

failures=0
for case in "hostile.yaml ko" "hostile.yaml en" "$SRC/examples/small-mould-maker.yaml ko" \
  "$SRC/examples/midsize-auto-parts.yaml en" "$SRC/examples/legend50-selectee.yaml ko"; do
  set -- $case
  profile=$1 lang=$2
  [ "$profile" = hostile.yaml ] && profile=$work/hostile.yaml
  "$SFGRANT" check "$profile" "${ARGS[@]}" --lang "$lang" >"$work/out.md"
  status=$?
  if [ "$status" -gt 1 ]; then
    echo "FAIL: check $profile --lang $lang exited $status"
    failures=$((failures + 1))
    continue
  fi
  cmark-gfm --extension table --extension strikethrough --extension autolink --extension tagfilter \
    "$work/out.md" >"$work/out.html"
  python3 - "$work/out.md" "$work/out.html" "$(basename "$profile") $lang" <<'PY' || failures=$((failures + 1))
import html.parser, re, sys
md, page, label = open(sys.argv[1], encoding="utf-8").read(), open(sys.argv[2], encoding="utf-8").read(), sys.argv[3]

class Parse(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.rows, self.row, self.h1, self.in_h1, self.text, self.in_h1_tags = [], [], None, "", False, [], []
        self.in_code, self.codes = False, []
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "tr": self.row = 0
        if tag in ("td", "th") and self.row is not None: self.row += 1
        if tag == "code": self.in_code = True; self.codes.append("")
        if tag == "h1": self.in_h1 = True
        elif self.in_h1: self.in_h1_tags.append(tag)
    def handle_endtag(self, tag):
        if tag == "tr": self.rows.append(self.row); self.row = None
        if tag == "h1": self.in_h1 = False
        if tag == "code": self.in_code = False
    def handle_data(self, data):
        if self.in_h1: self.h1 += data
        if self.in_code: self.codes[-1] += data
        self.text.append(data)

p = Parse()
p.feed(page)
bad = []
for tag in ("script", "img", "a", "em", "del", "h3"):
    if tag in p.tags: bad.append(f"a <{tag}> element")
# code spans are the page's own: program ids and fact paths
for code in p.codes:
    if not re.fullmatch(r"[A-Za-z0-9_.:-]+", code): bad.append(f"a code span from the data: {code!r}")
if p.in_h1_tags: bad.append(f"markup in the name: {p.in_h1_tags}")
if p.tags.count("table") != (0 if "| " not in md else 1): bad.append(f"{p.tags.count('table')} tables")
if p.rows and len(set(p.rows)) != 1: bad.append(f"table rows of different cell counts {sorted(set(p.rows))}")
if p.tags.count("h1") != 1: bad.append(f"{p.tags.count('h1')} h1 headings")
if "hostile" in label:
    want = "<script>alert(1)</script> | `x` \"><img src=x onerror=alert(1)> **b** _i_ [l](http://e.com) www.evil.com U+202Edlrow ## h"
    if not p.h1.startswith(want): bad.append(f"the name reads {p.h1!r}")
    if "onerror" in page.split("<h1>")[1].split("</h1>")[0].replace("onerror=alert(1)&gt;", ""):
        bad.append("onerror outside the escaped text")
for b in bad: print(f"FAIL: {label}: {b}")
if not bad: print(f"ok: {label}: {len(p.rows)} table rows of {p.rows[0] if p.rows else 0} cells, no markup from the data")
sys.exit(1 if bad else 0)
PY
done
[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
