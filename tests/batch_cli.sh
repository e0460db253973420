#!/usr/bin/env bash
# Batch through the real binary: same results as `check`, and an interrupted run leaves no file.
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
