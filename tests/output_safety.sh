#!/usr/bin/env bash
# Output safety through the real binary (README "Reliability"): every write checked (exit 2 and a
# message naming the output, never a success that lost rows), -o replaces a file atomically and
# refuses devices, FIFOs, folders and the input, keeps mode, owner and symlinks, and leaves no
# temporary behind on a signal; --year is decimal; a FIFO in the program data does not hang.
# usage: output_safety.sh SFGRANT SOURCE_DIR
# Never skips itself. Runs as any user; as root it also checks that a file's owner is kept and that
# a 1 MiB tmpfs (when mounting is permitted) fills up with exit 2 and the old output untouched.
set -uo pipefail
SFGRANT=$(realpath "$1") SRC=$(cd "$2" && pwd)
PROGRAMS=$SRC/programs
PROFILE=$SRC/tests/golden/basic-to-basic.yaml
work=$(mktemp -d)
mnt=""
cleanup() {
  if [ -n "$mnt" ]; then umount "$mnt" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
pass() { echo "ok: $*"; }

# run NAME EXPECTED_EXIT EXPECTED_STDERR_TEXT -- COMMAND...: runs with stdout to /dev/full
full() {
  local name=$1 want=$2 message=$3
  shift 3
  "$@" >/dev/full 2>"$work/err"
  local code=$?
  if [ "$code" -ne "$want" ]; then
    fail "$name to /dev/full: exit $code, expected $want; stderr: $(head -c 300 "$work/err")"
  elif ! grep -qF -- "$message" "$work/err"; then
    fail "$name to /dev/full: stderr lacks \"$message\": $(head -c 300 "$work/err")"
  elif grep -q "^sfgrant batch:" "$work/err"; then
    fail "$name to /dev/full: a summary claims rows: $(grep "^sfgrant batch:" "$work/err")"
  else
    pass "$name to /dev/full: exit $code, \"$message\""
  fi
}

common=(--programs "$PROGRAMS" --as-of 2026-02-15)
python3 "$SRC/scripts/gen-companies.py" 20000 "$work/big" >/dev/null || fail "company generator"
python3 "$SRC/scripts/gen-companies.py" 20 "$work/small" >/dev/null || fail "company generator"
stdout_full="<stdout>: write failed: No space left on device"

# 1. every command's standard output to a full device: exit 2 and a message naming the output
full check 2 "$stdout_full" "$SFGRANT" check "$PROFILE" "${common[@]}"
full "check --format json" 2 "$stdout_full" "$SFGRANT" check "$PROFILE" "${common[@]}" --format json
full split 2 "$stdout_full" "$SFGRANT" split win-win --cost 4억원 "${common[@]}"
full programs 2 "$stdout_full" "$SFGRANT" programs list "${common[@]}"
full "programs show" 2 "$stdout_full" "$SFGRANT" programs show win-win "${common[@]}"
full schema 2 "$stdout_full" "$SFGRANT" schema profile
full validate 2 "$stdout_full" "$SFGRANT" validate --format json "$PROGRAMS"
full test 2 "$stdout_full" "$SFGRANT" test "$SRC/tests/cases" --programs "$PROGRAMS"
full "score --template" 2 "$stdout_full" "$SFGRANT" score daejeon-as --template --programs "$PROGRAMS"
full "--help" 2 "$stdout_full" "$SFGRANT" --help
full "batch csv (20,000 rows)" 2 "$stdout_full" "$SFGRANT" batch "$work/big.csv" "${common[@]}" -j 2
full "batch jsonl (20,000 rows)" 2 "$stdout_full" "$SFGRANT" batch "$work/big.jsonl" "${common[@]}" --format jsonl -j 1
full "batch -o - (20 rows)" 2 "$stdout_full" "$SFGRANT" batch "$work/small.csv" "${common[@]}" -o -

# 2. a reader that closes early (| head -1) ends the run by SIGPIPE, quietly
set +e
"$SFGRANT" batch "$work/big.csv" "${common[@]}" -j 2 2>"$work/err" | head -1 >/dev/null
codes=("${PIPESTATUS[@]}")
if [ "${codes[0]}" -ne 141 ]; then
  fail "batch | head -1: exit ${codes[0]}, expected 141 (SIGPIPE)"
elif grep -q "error" "$work/err"; then
  fail "batch | head -1: stderr says $(head -c 300 "$work/err")"
else
  pass "batch | head -1: killed by SIGPIPE (141), nothing on stderr"
fi
# with SIGPIPE ignored (as some supervisors start programs) the broken pipe is an error, exit 2
(trap '' PIPE; "$SFGRANT" batch "$work/big.csv" "${common[@]}" -j 2 2>"$work/err" | head -1 >/dev/null; exit "${PIPESTATUS[0]}")
code=$?
if [ "$code" -eq 2 ] && grep -qF "<stdout>: write failed: Broken pipe" "$work/err"; then
  pass "batch | head -1 with SIGPIPE ignored: exit 2, broken pipe named"
else
  fail "batch | head -1 with SIGPIPE ignored: exit $code, stderr: $(head -c 300 "$work/err")"
fi

# 3. -o onto a device, a FIFO, a folder, /dev/stdout: refused, the device still a device. As root
# the devices are private nodes of /dev/full and /dev/null (mknod): a regression must not replace
# the machine's own /dev/null; as another user /dev itself is not writable, so the real ones are safe.
if [ "$(id -u)" -eq 0 ]; then
  mknod -m 666 "$work/full" c 1 7 && mknod -m 666 "$work/null" c 1 3
  devices=("$work/full" "$work/null")
else
  devices=(/dev/full /dev/null)
fi
for target in "${devices[@]}"; do
  "$SFGRANT" batch "$work/small.csv" "${common[@]}" -o "$target" >/dev/null 2>"$work/err"
  code=$?
  if [ "$code" -eq 2 ] && grep -qF "$target: not a regular file (a character device)" "$work/err" && [ -c "$target" ]; then
    pass "-o $target refused, still a character device"
  else
    fail "-o $target: exit $code, $( [ -c "$target" ] && echo "still a device" || echo "NO LONGER A DEVICE"), stderr: $(head -c 300 "$work/err")"
  fi
done
mkfifo "$work/fifo.csv"
timeout 10 "$SFGRANT" batch "$work/small.csv" "${common[@]}" -o "$work/fifo.csv" >/dev/null 2>"$work/err"
code=$?
if [ "$code" -eq 2 ] && grep -qF "not a regular file (a FIFO)" "$work/err" && [ -p "$work/fifo.csv" ]; then
  pass "-o FIFO refused"
else
  fail "-o FIFO: exit $code, stderr: $(head -c 300 "$work/err")"
fi
rm -f "$work/fifo.csv"
mkdir "$work/folder"
"$SFGRANT" batch "$work/small.csv" "${common[@]}" -o "$work/folder" >/dev/null 2>"$work/err"
code=$?
if [ "$code" -eq 2 ] && grep -qF "not a regular file (a folder)" "$work/err"; then pass "-o FOLDER refused"; else fail "-o FOLDER: exit $code: $(head -c 300 "$work/err")"; fi
# /dev/stdout is a link to /proc/self/fd/1; a private link of the same kind keeps /dev safe
ln -s /proc/self/fd/1 "$work/stdout-link"
"$SFGRANT" batch "$work/small.csv" "${common[@]}" -o "$work/stdout-link" >"$work/stdout" 2>"$work/err"
code=$?
if [ "$code" -eq 2 ] && grep -qF "use -o - for standard output" "$work/err" && [ -L "$work/stdout-link" ]; then
  pass "-o a link to /proc/self/fd/1 (as /dev/stdout) refused (use -o -)"
else
  fail "-o a link to /proc/self/fd/1: exit $code: $(head -c 300 "$work/err")"
fi

# 4. -o the input itself, through a hard link or a symlink: refused, the input unchanged
cp "$work/small.csv" "$work/in.csv"
ln "$work/in.csv" "$work/in-hard.csv"
ln -s "$work/in.csv" "$work/in-soft.csv"
before=$(sha256sum <"$work/in.csv")
for target in "$work/in.csv" "$work/in-hard.csv" "$work/in-soft.csv"; do
  "$SFGRANT" batch "$work/in.csv" "${common[@]}" -o "$target" >/dev/null 2>"$work/err"
  code=$?
  if [ "$code" -eq 2 ] && grep -qF "is the input file" "$work/err" && [ "$(sha256sum <"$work/in.csv")" = "$before" ]; then
    pass "-o the input ($(basename "$target")) refused, input unchanged"
  else
    fail "-o the input ($(basename "$target")): exit $code, stderr: $(head -c 300 "$work/err")"
  fi
done

# 5. -o onto a symlink replaces the file it points to and keeps the link
mkdir "$work/real"
echo old >"$work/real/out.csv"
ln -s real/out.csv "$work/link.csv"
"$SFGRANT" batch "$work/small.csv" "${common[@]}" -o "$work/link.csv" 2>/dev/null
code=$?
# (a .csv file starts with a UTF-8 BOM for Excel, #16)
if [ "$code" -le 1 ] && [ -L "$work/link.csv" ] && head -1 "$work/real/out.csv" | LC_ALL=C grep -q $'^\xEF\xBB\xBFline,'; then
  pass "-o SYMLINK: the file it points to replaced, the link kept"
else
  fail "-o SYMLINK: exit $code, link $( [ -L "$work/link.csv" ] && echo kept || echo replaced), target: $(head -c 100 "$work/real/out.csv")"
fi

# 6. a 0600 target stays 0600 (and, as root, keeps its owner); a new file is 0666 less the umask
echo old >"$work/secret.csv"
chmod 600 "$work/secret.csv"
if [ "$(id -u)" -eq 0 ]; then chown 1234:1234 "$work/secret.csv"; fi
"$SFGRANT" batch "$work/small.csv" "${common[@]}" -o "$work/secret.csv" 2>/dev/null
mode=$(stat -c %a "$work/secret.csv") owner=$(stat -c %u:%g "$work/secret.csv")
want_owner=$([ "$(id -u)" -eq 0 ] && echo 1234:1234 || echo "$(id -u):$(id -g)")
if [ "$mode" = 600 ] && [ "$owner" = "$want_owner" ] && ! grep -q "^old" "$work/secret.csv"; then
  pass "-o a 0600 file: replaced, still 0600, owner $owner kept"
else
  fail "-o a 0600 file: mode $mode, owner $owner (expected 600, $want_owner)"
fi
(umask 022 && "$SFGRANT" batch "$work/small.csv" "${common[@]}" -o "$work/new.csv" 2>/dev/null)
mode=$(stat -c %a "$work/new.csv")
if [ "$mode" = 644 ]; then pass "-o a new file: 0644 under umask 022"; else fail "-o a new file: mode $mode, expected 644"; fi

# 7. the temporary's name is not predictable: a link planted at the old name (.NAME.tmp-PID, the
# PID known here because the shell execs sfgrant) and at the new pattern is never written through;
# nothing outside the target changes
mkdir "$work/shared"
echo victim >"$work/victim"
ln -s "$work/victim" "$work/shared/.out.csv.sfgrant-XXXXXX"
bash -c 'ln -s "$1" "$2/.out.csv.tmp-$$" && shift 2 && exec "$@"' _ "$work/victim" "$work/shared" \
  "$SFGRANT" batch "$work/small.csv" "${common[@]}" -o "$work/shared/out.csv" 2>/dev/null
code=$?
left=$(find "$work/shared" -name '.out.csv.sfgrant-*' ! -name '.out.csv.sfgrant-XXXXXX' | wc -l)
if [ "$code" -le 1 ] && [ "$(cat "$work/victim")" = victim ] && [ "$left" -eq 0 ] && [ -f "$work/shared/out.csv" ]; then
  pass "planted links beside the target: never followed, no temporary left"
else
  fail "planted links: exit $code, victim now \"$(head -c 50 "$work/victim")\", $left temporaries left"
fi

# 8. -o - writes standard output (no file named -)
(cd "$work" && "$SFGRANT" batch small.csv "${common[@]}" -o - >"$work/dash.csv" 2>/dev/null)
if [ ! -e "$work/-" ] && head -1 "$work/dash.csv" | grep -q "^line,"; then pass "-o - writes standard output"; else fail "-o -: no output on stdout or a file named -"; fi

# 9. SIGTERM during a long batch -o: no temporary, the old output untouched, died of SIGTERM
echo "previous results" >"$work/results.jsonl"
"$SFGRANT" batch "$work/big.jsonl" "${common[@]}" --format jsonl -j 1 -o "$work/results.jsonl" 2>/dev/null &
pid=$!
for _ in $(seq 1 100); do
  if ls -A "$work" | grep -q '^\.results\.jsonl\.sfgrant-'; then break; fi
  sleep 0.05
done
sleep 0.3
kill -TERM "$pid"
wait "$pid"
code=$?
left=$(ls -A "$work" | grep -c '^\.results\.jsonl\.sfgrant-')
if [ "$code" -eq 143 ] && [ "$left" -eq 0 ] && [ "$(cat "$work/results.jsonl")" = "previous results" ]; then
  pass "SIGTERM during batch -o: exit 143, no temporary, old output untouched"
else
  fail "SIGTERM during batch -o: exit $code, $left temporaries left, output: $(head -c 60 "$work/results.jsonl")"
fi

# 10. the file size limit (SIGXFSZ) during batch -o: no temporary, the old output untouched
(ulimit -f 100 && exec "$SFGRANT" batch "$work/big.jsonl" "${common[@]}" --format jsonl -j 1 -o "$work/results.jsonl" 2>/dev/null)
code=$?
left=$(ls -A "$work" | grep -c '^\.results\.jsonl\.sfgrant-')
if [ "$code" -eq $((128 + 25)) ] && [ "$left" -eq 0 ] && [ "$(cat "$work/results.jsonl")" = "previous results" ]; then
  pass "ulimit -f (SIGXFSZ) during batch -o: died of SIGXFSZ, no temporary, old output untouched"
else
  fail "ulimit -f during batch -o: exit $code, $left temporaries left, output: $(head -c 60 "$work/results.jsonl")"
fi
# with SIGXFSZ ignored the write fails with EFBIG: exit 2 and the output named
(trap '' XFSZ; ulimit -f 100 && exec "$SFGRANT" batch "$work/big.jsonl" "${common[@]}" --format jsonl -j 1 -o "$work/results.jsonl" 2>"$work/err")
code=$?
left=$(ls -A "$work" | grep -c '^\.results\.jsonl\.sfgrant-')
if [ "$code" -eq 2 ] && grep -qF "$work/results.jsonl: write failed: File too large" "$work/err" && [ "$left" -eq 0 ] &&
  [ "$(cat "$work/results.jsonl")" = "previous results" ] && ! grep -q "^sfgrant batch:" "$work/err"; then
  pass "ulimit -f with SIGXFSZ ignored: exit 2, output named, no summary, old output untouched"
else
  fail "ulimit -f with SIGXFSZ ignored: exit $code, $left left, stderr: $(head -c 300 "$work/err")"
fi

# 11. a full file system (a 1 MiB tmpfs) through -o and through stdout: exit 2, old output untouched
mkdir "$work/tmpfs"
if mount -t tmpfs -o size=1m tmpfs "$work/tmpfs" 2>/dev/null; then
  mnt="$work/tmpfs"
  echo "previous results" >"$mnt/results.csv"
  "$SFGRANT" batch "$work/big.csv" "${common[@]}" -j 2 -o "$mnt/results.csv" 2>"$work/err"
  code=$?
  left=$(ls -A "$mnt" | grep -c '\.sfgrant-')
  if [ "$code" -eq 2 ] && grep -qF "$mnt/results.csv: write failed: No space left on device" "$work/err" &&
    [ "$(cat "$mnt/results.csv")" = "previous results" ] && [ "$left" -eq 0 ] && ! grep -q "^sfgrant batch:" "$work/err"; then
    pass "1 MiB tmpfs, batch -o: exit 2, output named, old output untouched, no temporary"
  else
    fail "1 MiB tmpfs, batch -o: exit $code, $left left, stderr: $(head -c 300 "$work/err")"
  fi
  "$SFGRANT" batch "$work/big.csv" "${common[@]}" -j 2 >"$mnt/stdout.csv" 2>"$work/err"
  code=$?
  if [ "$code" -eq 2 ] && grep -qF "$stdout_full" "$work/err" && ! grep -q "^sfgrant batch:" "$work/err"; then
    pass "1 MiB tmpfs, batch > file: exit 2, no summary"
  else
    fail "1 MiB tmpfs, batch > file: exit $code, stderr: $(head -c 300 "$work/err")"
  fi
  rm -f "$mnt/stdout.csv"
  echo "previous workbook" >"$mnt/results.xlsx"
  "$SFGRANT" batch "$work/big.csv" "${common[@]}" -j 2 --all --format xlsx -o "$mnt/results.xlsx" 2>"$work/err"
  code=$?
  left=$(ls -A "$mnt" | grep -c '\.sfgrant-')
  if [ "$code" -eq 2 ] && [ "$(cat "$mnt/results.xlsx")" = "previous workbook" ] && [ "$left" -eq 0 ] &&
    ! grep -q "^sfgrant batch:" "$work/err"; then
    pass "1 MiB tmpfs, batch --format xlsx -o: exit 2, old workbook untouched, no temporary"
  else
    fail "1 MiB tmpfs, batch --format xlsx -o: exit $code, $left left, stderr: $(head -c 300 "$work/err")"
  fi
  umount "$mnt" && mnt=""
else
  echo "note: mounting a tmpfs is not permitted here; ENOSPC is covered by /dev/full above"
fi

# 12. --year is decimal: 03752 is not read as octal 2026
"$SFGRANT" check "$PROFILE" "${common[@]}" --year 03752 >/dev/null 2>"$work/err"
code=$?
if [ "$code" -eq 2 ] && grep -qF "a year is 4 decimal digits" "$work/err"; then pass "--year 03752 refused"; else fail "--year 03752: exit $code: $(head -c 300 "$work/err")"; fi
"$SFGRANT" batch "$work/small.csv" "${common[@]}" --year 03752 >/dev/null 2>"$work/err"
code=$?
if [ "$code" -eq 2 ] && grep -qF "a year is 4 decimal digits" "$work/err"; then pass "batch --year 03752 refused"; else fail "batch --year 03752: exit $code: $(head -c 300 "$work/err")"; fi

# 13. a FIFO as common.yaml or industries.yaml is refused without hanging
for name in common.yaml industries.yaml; do
  rm -rf "$work/progs"
  cp -r "$PROGRAMS" "$work/progs"
  rm -f "$work/progs/2026/$name" && mkfifo "$work/progs/2026/$name"
  timeout 10 "$SFGRANT" check "$PROFILE" --programs "$work/progs" --as-of 2026-02-15 --year 2026 >/dev/null 2>"$work/err"
  code=$?
  if [ "$code" -eq 2 ] && grep -qF "$name: error: not a regular file (a FIFO)" "$work/err"; then
    pass "a FIFO as $name refused without hanging"
  else
    fail "a FIFO as $name: exit $code$([ "$code" -eq 124 ] && echo " (HUNG)"), stderr: $(head -c 300 "$work/err")"
  fi
done

# 14. schema --write replaces the files atomically: a 0600 schema file stays 0600
mkdir "$work/schema"
"$SFGRANT" schema --write "$work/schema" >/dev/null && chmod 600 "$work/schema/profile.schema.json" &&
  "$SFGRANT" schema --write "$work/schema" >/dev/null
if [ "$(stat -c %a "$work/schema/profile.schema.json")" = 600 ] && [ -z "$(ls -A "$work/schema" | grep sfgrant-)" ]; then
  pass "schema --write keeps a file's mode, leaves no temporary"
else
  fail "schema --write: mode $(stat -c %a "$work/schema/profile.schema.json")"
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all output safety checks passed"
