#!/usr/bin/env bash
# Drives `sfgrant interview` in a real terminal (tmux: send-keys, capture-pane) from the first
# question to the saved profile, then runs `sfgrant check` on the saved file.
#   tests/interview_tmux.sh SFGRANT PROGRAMS_DIR
# Exit 0 when it passes, 1 when it fails, 77 (ctest SKIP_RETURN_CODE) when tmux is not installed.
set -uo pipefail

SFGRANT=${1:?usage: interview_tmux.sh SFGRANT PROGRAMS_DIR}
PROGRAMS=${2:?usage: interview_tmux.sh SFGRANT PROGRAMS_DIR}
command -v tmux >/dev/null 2>&1 || { echo "SKIP: tmux is not installed (apt-get install tmux)"; exit 77; }

work=$(mktemp -d)
socket="$work/tmux.sock"
server_pid=""
cleanup() {
  tmux -S "$socket" kill-server >/dev/null 2>&1
  [ -n "$server_pid" ] && kill "$server_pid" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*"
  echo "---- screen ----"
  tmux -S "$socket" capture-pane -p -S -200 2>/dev/null
  exit 1
}

# 1. Without a terminal it refuses, with exit 2 and a message saying why.
out=$(echo "name" | "$SFGRANT" interview --programs "$PROGRAMS" 2>&1)
status=$?
[ "$status" -eq 2 ] || fail "interview without a terminal: exit $status, expected 2"
grep -q "needs a terminal" <<<"$out" || fail "interview without a terminal: no clear message: $out"

# 2. In a terminal. The server runs in the foreground (-D) so that it also works where daemon()
# cannot (no character device /dev/null in some containers); -u: UTF-8 whatever the locale.
tmux -u -D -S "$socket" >/dev/null 2>&1 &
server_pid=$!
for _ in $(seq 50); do [ -S "$socket" ] && break; sleep 0.1; done
# The interview itself runs under LC_ALL=C: it must not depend on the locale.
tmux -u -S "$socket" new-session -d -x 160 -y 50 -c "$work" \
  "LC_ALL=C NO_COLOR=1 '$SFGRANT' interview --programs '$PROGRAMS' --as-of 2026-02-15; echo \"EXIT=\$?\"; sleep 600" ||
  fail "cannot start tmux"

screen() { tmux -S "$socket" capture-pane -p -S -1000; }
type_line() {  # literal text (Hangul included), then Enter
  [ -n "$1" ] && tmux -S "$socket" send-keys -l "$1"
  tmux -S "$socket" send-keys Enter
}
# Waits until the last line on the screen is a prompt ("… >"; capture-pane drops trailing spaces).
wait_prompt() {
  for _ in $(seq 200); do
    screen | grep -v '^$' | tail -1 | grep -Eq '>$' && return 0
    sleep 0.05
  done
  fail "timed out waiting for a prompt"
}
# Waits until the last non-empty line on the screen matches a regular expression.
wait_last_line() {
  for _ in $(seq 200); do
    screen | grep -v '^$' | tail -1 | grep -Eq "$1" && return 0
    sleep 0.05
  done
  return 1
}
# Waits until the screen matches a regular expression.
wait_for() {
  for _ in $(seq 200); do
    screen | grep -Eq "$1" && return 0
    sleep 0.05
  done
  fail "timed out waiting for /$1/"
}

# Answers by profile path; a question not listed here is skipped with Enter (unknown).
declare -A answers=(
  [name]="한빛정밀(주)"
  [size]="소기업"              # the Korean label
  [ksic]="C29294"              # a section letter is accepted
  [region]="6"                 # by its number in the list: 대전
  [city]="유성구"
  [role]="1"                   # adopter
  [status.business]="active"
  [status.tax_arrears]="아니오"
  [status.sanctioned]="no"
  [status.notice_exclusion]="아니오"   # not restricted by the individual notice
  [smart_factory.level]="기초"
  [smart_factory.target_level]="중간2"
  [smart_factory.built_by]="정부지원"
  [smart_factory.level_certified]="예"
  [smart_factory.exceeded_target]="아니오"
  [smart_factory.same_level_used]="없음"
  [smart_factory.project_in_progress]="아니오"
  [selections]="root_company, daejeon_consulting"
  [plan.total_cost]="4억원"    # a Korean amount
)

asked=()
bad_answer_done=0
revisit_done=0
for n in $(seq 1 60); do
  # the next question, or the offer to save
  for _ in $(seq 200); do
    s=$(screen)
    grep -Eq "^\[$n\] " <<<"$s" && break
    if grep -q "다시 물어볼까요" <<<"$s" && [ "$revisit_done" -eq 0 ]; then
      # the end offers the skipped questions that still decide programs; ㄴ (no) declines
      grep -Eq "^건너뛴 질문 [0-9]+개가 아직 [0-9]+개 사업을 정합니다" <<<"$s" || fail "the offer to revisit does not count"
      type_line "ㄴ"
      revisit_done=1
    fi
    grep -q "저장할 파일 이름" <<<"$s" && break 2
    grep -q "^EXIT=" <<<"$s" && fail "the interview ended before the offer to save"
    sleep 0.05
  done
  line=$(screen | grep -E "^\[$n\] " | tail -1)
  [ -n "$line" ] || fail "question $n did not come"
  path=$(sed -E 's/^\[[0-9]+\] .*  \[([a-z_.]+)\].*$/\1/' <<<"$line")
  for p in "${asked[@]}"; do [ "$p" = "$path" ] && fail "$path asked twice"; done
  asked+=("$path")
  wait_prompt
  if [ "$path" = "size" ] && [ "$bad_answer_done" -eq 0 ]; then
    # a wrong answer is refused with the reason, and the question is asked again
    type_line "huge"
    wait_for '"huge"은\(는\) 받을 수 없습니다: 목록의 번호나 이름으로 답해 주세요'
    bad_answer_done=1
    # the refused text is offered again for correcting: Ctrl-U clears it
    wait_last_line '> huge$' || fail "the refused answer is not offered again for editing"
    tmux -S "$socket" send-keys C-u
  fi
  type_line "${answers[$path]:-}"
done
[ "$bad_answer_done" -eq 1 ] || fail "the size question never came"
[ "$revisit_done" -eq 1 ] || fail "no offer to ask the skipped questions again"
[ "${asked[0]}" = "name" ] || fail "the first question is ${asked[0]}, expected name"

s=$(screen)
# the result is shown before the offer to save: the check table with the eligible 정부형 스마트공장
grep -q "정부형 스마트공장" <<<"$s" || fail "no result table before saving"
grep -q "지원 가능" <<<"$s" || fail "no eligible program in the result"
# questions that decide nothing were skipped: never the yearly costs, never consortium sizes for an adopter
for p in "${asked[@]}"; do
  case "$p" in plan.yearly_costs|business_number) fail "asked $p, which decides no program" ;; esac
done

type_line "saved.yaml"
wait_for "^EXIT="
screen | grep -q "^EXIT=0" || fail "interview exit status is not 0"
[ -f "$work/saved.yaml" ] || fail "no saved.yaml"

# 3. The saved profile is a valid SPEC §3 profile with the answers in it, and `check` runs on it.
grep -q 'name: "한빛정밀(주)"' "$work/saved.yaml" || fail "saved name: $(cat "$work/saved.yaml")"
grep -q '^size: small$' "$work/saved.yaml" || fail "saved size"
grep -q '^ksic: "29294"$' "$work/saved.yaml" || fail "saved ksic"
grep -q '^  target_level: intermediate2$' "$work/saved.yaml" || fail "saved target level"
grep -q '^  total_cost: 400000000' "$work/saved.yaml" || fail "saved total cost"
check=$("$SFGRANT" check "$work/saved.yaml" --programs "$PROGRAMS" --as-of 2026-02-15 --format json 2>&1)
status=$?
[ "$status" -eq 0 ] || fail "sfgrant check on the saved profile: exit $status: $check"
grep -q '"id": "government"' <<<"$check" || fail "check output has no government program"
python3 - "$check" <<'PY' || fail "government:advanced is not eligible with 2억원 at 4억원 in the saved profile"
import json, sys
j = json.loads(sys.argv[1])
g = next(p for p in j["programs"] if p["id"] == "government")
t = next(t for t in g["tracks"] if t["id"] == "advanced")
assert g["status"] == "eligible" and t["split"]["government"] == 200000000, (g["status"], t["split"])
PY
echo "PASS: interview asked ${#asked[@]} questions (${asked[*]}) and saved a profile that check reads"
exit 0
