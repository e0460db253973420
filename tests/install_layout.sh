#!/usr/bin/env bash
# The page templates found as an installed sfgrant finds them: `cmake --install` into a scratch prefix,
# the installed binary run from another folder with no $SFGRANT_TEMPLATES or $SFGRANT_PROGRAMS, its
# report of examples/small-mould-maker.yaml equal to the golden page; then a mark put in the installed
# template shows in the page (so the installed copy was read, not the source tree's), and
# $SFGRANT_TEMPLATES points it at another folder.
# usage: install_layout.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
BUILD=$(realpath "$1") SRC=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
pass() { echo "ok: $*"; }
unset SFGRANT_TEMPLATES SFGRANT_PROGRAMS
export SOURCE_DATE_EPOCH=1767225600

cmake --install "$BUILD" --prefix "$work/prefix" >"$work/install.log" 2>&1 || fail "cmake --install: $(tail -3 "$work/install.log")"
installed=$work/prefix/share/sfgrant/templates
for f in report.html report.css batch-report.html batch-report.css; do
  [ -f "$installed/$f.mustache" ] || fail "not installed: share/sfgrant/templates/$f.mustache"
done
[ -f "$installed/README.md" ] || fail "not installed: share/sfgrant/templates/README.md"

cp "$SRC/examples/small-mould-maker.yaml" "$work/p.yaml"
cd "$work" || exit 1
"$work/prefix/bin/sfgrant" report p.yaml --as-of 2026-02-15 -o installed.html || fail "installed report exited $?"
if cmp -s installed.html "$SRC/tests/golden/report-ko.html"; then
  pass "the installed sfgrant, run from elsewhere, writes the golden report"
else
  fail "the installed report differs from tests/golden/report-ko.html"
fi

sed -i 's#</body></html>#<!-- the installed copy --></body></html>#' "$installed/report.html.mustache"
"$work/prefix/bin/sfgrant" report p.yaml --as-of 2026-02-15 -o marked.html || fail "installed report exited $?"
if grep -q '<!-- the installed copy -->' marked.html; then
  pass "the page comes from <prefix>/share/sfgrant/templates"
else
  fail "a mark in the installed template is not in the page: another template was read"
fi

mkdir -p "$work/agency"
printf '<p>{{company}} · {{open_count}}</p>\n' >"$work/agency/report.html.mustache"
SFGRANT_TEMPLATES=$work/agency "$work/prefix/bin/sfgrant" report p.yaml --as-of 2026-02-15 >env.html ||
  fail "report with \$SFGRANT_TEMPLATES exited $?"
if [ "$(cat env.html)" = "<p>한밭정밀금형(주) · 11</p>" ]; then
  pass "\$SFGRANT_TEMPLATES names the folder of the templates"
else
  fail "with \$SFGRANT_TEMPLATES the page is: $(head -c 200 env.html)"
fi

# the golden page names the list as typed in the source folder
(cd "$SRC" && "$work/prefix/bin/sfgrant" batch examples/companies.csv --as-of 2026-02-15 -o "$work/o.csv" \
  --report "$work/agency.html" 2>/dev/null)
[ $? -le 1 ] || fail "installed batch --report exited"
if cmp -s "$work/agency.html" "$SRC/tests/golden/batch-report-ko.html"; then
  pass "the installed sfgrant writes the golden agency summary"
else
  fail "the installed agency summary differs from tests/golden/batch-report-ko.html"
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all install layout checks passed"
