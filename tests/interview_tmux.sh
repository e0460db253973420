#!/usr/bin/env bash
# Drives `sfgrant interview` in a real terminal (tmux: send-keys, capture-pane) as a consultant on
# the phone uses it: a full interview with corrections (a Hangul backspace, going back to change two
# answers, `?`, Korean yes/no, the region by its city) to the saved profile, which `check` must
# judge as the interview showed; then Ctrl-C → save a draft, Ctrl-D → quit, an ambiguous place
# name, and `-o` onto an existing file.
#   tests/interview_tmux.sh SFGRANT PROGRAMS_DIR
# Exit 0 when it passes, 1 when it fails (tmux missing is a failure: dev.sh installs it).
set -uo pipefail

SFGRANT=${1:?usage: interview_tmux.sh SFGRANT PROGRAMS_DIR}
PROGRAMS=${2:?usage: interview_tmux.sh SFGRANT PROGRAMS_DIR}
command -v tmux >/dev/null 2>&1 || { echo "FAIL: tmux is not installed (apt-get install tmux; dev.sh does)"; exit 1; }

work=$(mktemp -d)
socket="$work/tmux.sock"
server_pid=""
target=""
cleanup() {
  tmux -S "$socket" kill-server >/dev/null 2>&1
  [ -n "$server_pid" ] && kill "$server_pid" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*"
  echo "---- screen ($target) ----"
  tmux -S "$socket" capture-pane -p -S -200 -t "$target" 2>/dev/null
  exit 1
}

# 1. Without a terminal it refuses, with exit 2 and a message saying why.
out=$(echo "name" | "$SFGRANT" interview --programs "$PROGRAMS" 2>&1)
status=$?
[ "$status" -eq 2 ] || fail "interview without a terminal: exit $status, expected 2"
grep -q "interview는 터미널에서만 묻습니다" <<<"$out" || fail "interview without a terminal: no clear message: $out"
out=$(echo "name" | "$SFGRANT" interview --lang en --programs "$PROGRAMS" 2>&1)
grep -q "needs a terminal" <<<"$out" || fail "interview --lang en without a terminal: no English message: $out"

# The server runs in the foreground (-D) so that it also works where daemon() cannot (no character
# device /dev/null in some containers); -u: UTF-8 whatever the locale.
tmux -u -D -S "$socket" >/dev/null 2>&1 &
server_pid=$!
for _ in $(seq 50); do [ -S "$socket" ] && break; sleep 0.1; done

# Starts an interview in its own session; the interview runs under LC_ALL=C: it must not depend
# on the locale (it sets a UTF-8 LC_CTYPE for line editing itself).
start() {  # NAME ARGS...
  target=$1
  shift
  tmux -u -S "$socket" new-session -d -s "$target" -x 160 -y 50 -c "$work" \
    "LC_ALL=C NO_COLOR=1 '$SFGRANT' interview --programs '$PROGRAMS' --as-of 2026-02-15 $*; echo \"EXIT=\$?\"; sleep 600" ||
    fail "cannot start tmux"
}
# -J joins wrapped lines (and keeps trailing spaces, removed here)
screen() { tmux -S "$socket" capture-pane -p -J -S -1000 -t "$target" | sed -e "s/[[:space:]]*$//"; }
last_line() { screen | grep -v '^$' | tail -1; }
keys() { tmux -S "$socket" send-keys -t "$target" "$@"; }
type_line() {  # literal text (Hangul included), then Enter
  [ -n "$1" ] && keys -l "$1"
  keys Enter
}
# Waits until the last non-empty line on the screen matches a regular expression.
wait_last_line() {
  for _ in $(seq 200); do
    last_line | grep -Eq "$1" && return 0
    sleep 0.05
  done
  return 1
}
# Waits until the last line on the screen is an empty prompt ("… >"; capture-pane drops trailing spaces).
wait_prompt() { wait_last_line '>$' || fail "timed out waiting for a prompt"; }
# Waits until the screen matches a regular expression.
wait_for() {
  for _ in $(seq 200); do
    screen | grep -Eq "$1" && return 0
    sleep 0.05
  done
  fail "timed out waiting for /$1/"
}
# The profile path of question N once it is on the screen (the last time it was asked).
question_path() {
  screen | grep -E "^\[$1\] " | tail -1 | sed -E 's/^\[[0-9]+\] .*  \[([a-z_.]+)\].*$/\1/'
}

# ---------------------------------------------------------------------------------------------
# 2. A whole interview with corrections.
start full
declare -A answers=(
  [name]="한빛정밀"            # completed after going back: 한빛정밀(주)
  [size]="중기업"              # changed after going back: 소기업
  [ksic]="C29294"              # a section letter is accepted
  [region]="유성"              # a 구 name: 대전, city 유성구
  [role]="1"                   # adopter, by its number
  [status.business]="영업"      # the Korean label
  [status.tax_arrears]="ㄴ"     # Korean no
  [status.sanctioned]="no"
  [status.notice_exclusion]="아니요"
  [smart_factory.level]="기초"
  [smart_factory.target_level]="intermediate2"
  [smart_factory.built_by]="정부지원"
  [smart_factory.level_certified]="ㅇ"   # Korean yes
  [smart_factory.exceeded_target]="×"
  [smart_factory.same_level_used]="없음"
  [smart_factory.project_in_progress]="X"
  [selections]="뿌리기업, daejeon_consulting"   # by the words of its meaning
  [plan.total_cost]="4억원"    # a Korean amount
)

asked=()
n=1
went_back=0       # 0: not yet; 1: went back from question 2 to the name; 2: from the question after size to size
size_number=0
help_done=0
bad_answer_done=0
revisit_done=0
hangul_done=0
while [ "$n" -le 60 ]; do
  # the next question, or the offer to ask the skipped ones again, or the offer to save
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
  path=$(question_path "$n")
  [ -n "$path" ] || fail "question $n did not come"
  wait_prompt

  # going back with ↑ on an empty line: the name, offered again with its answer to complete
  if [ "$n" -eq 2 ] && [ "$went_back" -eq 0 ]; then
    keys Up
    wait_last_line '^> 한빛정밀$' || fail "↑ did not go back to the name with its answer ready to edit"
    screen | grep -Eq "^\[1\] 회사명은\?" || fail "going back did not ask question 1 again"
    type_line "(주)"  # the cursor is at the end of the offered answer
    went_back=1
    n=2
    continue
  fi
  # going back with `<` from the question after size, to change size
  if [ "$went_back" -eq 1 ] && [ "$size_number" -gt 0 ] && [ "$n" -eq $((size_number + 1)) ]; then
    type_line "<"
    wait_last_line '> 중기업$' || fail "< did not go back to size with 중기업 ready to edit"
    [ "$(screen | grep -E '^\[[0-9]+\] ' | tail -1 | sed -E 's/^\[([0-9]+)\].*/\1/')" = "$size_number" ] ||
      fail "< did not ask question $size_number (size) again"
    keys C-u
    type_line "소기업"
    went_back=2
    n=$((size_number + 1))
    continue
  fi

  if [ "$went_back" -lt 2 ] || [ "$path" != "size" ]; then
    for p in "${asked[@]}"; do [ "$p" = "$path" ] && fail "$path asked twice"; done
    asked+=("$path")
  fi

  case "$path" in
    size)
      size_number=$n
      if [ "$bad_answer_done" -eq 0 ]; then
        # a wrong answer is refused with the reason in Korean, and offered again for correcting
        type_line "huge"
        wait_for '"huge"은\(는\) 받을 수 없습니다: 목록의 번호나 이름으로 답해 주세요'
        wait_last_line '> huge$' || fail "the refused answer is not offered again for editing"
        keys C-u
        bad_answer_done=1
      fi
      if [ "$hangul_done" -eq 0 ]; then
        # Hangul backspace: two syllables erased whole, the pane shows what the line holds
        keys -l "중기업"
        wait_last_line '> 중기업$' || fail "typed 중기업 is not on the screen"
        keys BSpace BSpace
        wait_last_line '> 중$' || fail "after two backspaces the line does not read '중': $(last_line)"
        keys -l "기업"
        keys Enter
        hangul_done=1
        n=$((n + 1))
        continue
      fi
      ;;
    region)
      if [ "$help_done" -eq 0 ]; then
        type_line "?"
        wait_for "이 답으로 정해지는 사업 [0-9]+개: "
        wait_for "답하는 법: 번호, 시·도\(대전, 대전광역시\) 또는 시·군·구\(창원, 유성구\)"
        wait_prompt
        help_done=1
      fi
      ;;
    city) fail "the city was asked after the region was answered by it" ;;
  esac
  type_line "${answers[$path]:-}"
  case "$path" in
    region) wait_for "→ 대전 유성구" ;;
    ksic) wait_for "→ KSIC 29294: 제조업 · 뿌리업종" ;;
  esac
  n=$((n + 1))
done
[ "$went_back" -eq 2 ] || fail "did not go back twice (went_back=$went_back, size was question $size_number)"
[ "$bad_answer_done" -eq 1 ] || fail "the size question never came"
[ "$help_done" -eq 1 ] || fail "the region was never asked"
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
# the result table as the interview showed it: from the company line to the line before the offer
shown=$(sed -n '/^한빛정밀(주) · 2026년 사업/,/저장할 파일 이름/p' <<<"$s" | sed '$d' | sed -e 's/[[:space:]]*$//' -e '/^$/d')
[ "$(wc -l <<<"$shown")" -ge 5 ] || fail "cannot find the result table on the screen: $shown"

type_line "saved.yaml"
wait_for "^EXIT="
screen | grep -q "^EXIT=0" || fail "interview exit status is not 0"
[ -f "$work/saved.yaml" ] || fail "no saved.yaml"

# 3. The saved profile holds the answers as corrected, and `check` shows what the interview showed.
saved=$(cat "$work/saved.yaml")
grep -q 'name: "한빛정밀(주)"' <<<"$saved" || fail "saved name (completed after going back): $saved"
grep -q '^size: small$' <<<"$saved" || fail "saved size (changed after going back): $saved"
grep -q '^ksic: "29294"$' <<<"$saved" || fail "saved ksic"
grep -Eq '^region: "?대전"?$' <<<"$saved" || fail "saved region (answered 유성): $saved"
grep -Eq '^city: "?유성구"?$' <<<"$saved" || fail "saved city (answered 유성): $saved"
grep -q '^  tax_arrears: false$' <<<"$saved" || fail "saved tax_arrears (answered ㄴ)"
grep -q '^  level_certified: true$' <<<"$saved" || fail "saved level_certified (answered ㅇ)"
grep -q '^  target_level: intermediate2$' <<<"$saved" || fail "saved target level"
grep -q 'root_company' <<<"$saved" || fail "saved selections (answered 뿌리기업): $saved"
grep -q '^  total_cost: 400000000' <<<"$saved" || fail "saved total cost"
checked=$(cd "$work" && COLUMNS=160 NO_COLOR=1 "$SFGRANT" check saved.yaml --programs "$PROGRAMS" --as-of 2026-02-15 2>&1)
status=$?
[ "$status" -eq 0 ] || fail "sfgrant check on the saved profile: exit $status: $checked"
checked=$(sed -e 's/[[:space:]]*$//' -e '/^$/d' <<<"$checked")
[ "$shown" = "$checked" ] ||
  fail "check on the saved profile differs from what the interview showed: $(diff <(echo "$shown") <(echo "$checked"))"
json=$("$SFGRANT" check "$work/saved.yaml" --programs "$PROGRAMS" --as-of 2026-02-15 --format json 2>&1)
python3 - "$json" <<'PY' || fail "government:advanced is not eligible with 2억원 at 4억원 in the saved profile"
import json, sys
j = json.loads(sys.argv[1])
g = next(p for p in j["programs"] if p["id"] == "government")
t = next(t for t in g["tracks"] if t["id"] == "advanced")
assert g["status"] == "eligible" and t["split"]["government"] == 200000000, (g["status"], t["split"])
PY
echo "PASS: a full interview asked ${#asked[@]} questions (${asked[*]}), went back twice, and saved a profile that check reads the same"

# ---------------------------------------------------------------------------------------------
# 4. Ctrl-C in the middle, then save: a draft with what was answered, that `check` reads (exit 3).
#    On the way, a place name two regions have (고성) is asked about.
start ctrl_c -o draft.yaml
wait_for '^\[1\] '
wait_prompt
type_line "동해정밀"
n=2
while [ "$n" -le 30 ]; do
  wait_for "^\[$n\] "
  wait_prompt
  [ "$(question_path "$n")" = "region" ] && break
  type_line ""  # Enter: unknown
  n=$((n + 1))
done
[ "$(question_path "$n")" = "region" ] || fail "the region was not asked within 30 questions"
type_line "고성"
wait_for "'고성'인 곳이 여럿입니다:  1\) 강원 고성군  2\) 경남 고성군"
wait_last_line '^번호 >$' || fail "no prompt to choose the place"
type_line "2"
wait_for "→ 경남 고성군"
wait_for "^\[$((n + 1))\] "
wait_prompt
keys C-c
wait_for "그만둘까요\? 1\) 지금까지의 답 저장 후 끝내기  2\) 저장하지 않고 끝내기  3\) 계속 답하기 >"
type_line "1"
wait_for "^EXIT="
screen | grep -q "^EXIT=3" || fail "Ctrl-C then save: exit status is not 3"
grep -q "지금까지의 답을 저장했습니다 (답하지 않은 항목은 빠짐): draft.yaml" <<<"$(screen)" || fail "no saved message"
[ -f "$work/draft.yaml" ] || fail "Ctrl-C then save: no draft.yaml"
draft=$(cat "$work/draft.yaml")
grep -q 'name: "동해정밀"' <<<"$draft" || fail "the draft has no name: $draft"
grep -Eq '^region: "?경남"?$' <<<"$draft" || fail "the draft has no region 경남: $draft"
grep -Eq '^city: "?고성군"?$' <<<"$draft" || fail "the draft has no city 고성군: $draft"
grep -q '^size:' <<<"$draft" && fail "the draft holds an unanswered fact: $draft"
"$SFGRANT" check "$work/draft.yaml" --programs "$PROGRAMS" --as-of 2026-02-15 >/dev/null 2>&1
status=$?
[ "$status" -eq 0 ] || fail "check on the draft: exit $status, expected 0 (programs still possible)"
echo "PASS: Ctrl-C then save wrote a draft check reads; 고성 asked which"

# ---------------------------------------------------------------------------------------------
# 5. Ctrl-D, then quit: nothing written, exit 130. An existing -o file is not replaced without asking.
echo "name: 기존 프로필" >"$work/existing.yaml"
start ctrl_d -o existing.yaml
wait_for "existing.yaml 파일이 있습니다. 덮어쓸까요\? \(예/아니오\) >"
type_line "아니오"
wait_for '^\[1\] '
wait_prompt
type_line "서해기계"
wait_for '^\[2\] '
wait_prompt
keys C-d
wait_for "그만둘까요\?"
wait_prompt
keys Up  # no answer to this question: asked again, never taken as quitting
for _ in $(seq 100); do [ "$(screen | grep -c '^그만둘까요?')" -ge 2 ] && break; sleep 0.05; done
[ "$(screen | grep -c '^그만둘까요?')" -ge 2 ] || fail "↑ at the stop question did not ask it again"
screen | grep -q "^EXIT=" && fail "↑ at the stop question ended the interview"
wait_prompt
type_line "2"
wait_for "^EXIT="
screen | grep -q "^EXIT=130" || fail "Ctrl-D then quit: exit status is not 130"
grep -q "저장하지 않고 끝냈습니다." <<<"$(screen)" || fail "Ctrl-D then quit: no message"
[ "$(cat "$work/existing.yaml")" = "name: 기존 프로필" ] || fail "the existing -o file was changed"
[ "$(find "$work" -name '*.yaml' | wc -l)" -eq 3 ] || fail "a file was written: $(ls -A "$work")"
echo "PASS: Ctrl-D then quit wrote nothing; -o onto an existing file asked first"

# ---------------------------------------------------------------------------------------------
# 6. An -o that can never be written (a folder) is refused before any question, exit 2; one that
#    fails when saving (its folder removed meanwhile) shows the reason and asks for another name.
mkdir "$work/folder" "$work/gone"
out=$(script -qec "LC_ALL=C '$SFGRANT' interview --programs '$PROGRAMS' -o '$work/folder'" /dev/null </dev/null 2>&1)
status=$?
[ "$status" -eq 2 ] || fail "-o onto a folder: exit $status, expected 2 before any question: $out"
grep -q "not a regular file" <<<"$out" || fail "-o onto a folder: no reason given: $out"
grep -q '^\[1\] ' <<<"$out" && fail "-o onto a folder: questions were asked first: $out"
start bad_output -o gone/profile.yaml
wait_for '^\[1\] '
wait_prompt
type_line "남해산업"
wait_for '^\[2\] '
wait_prompt
rmdir "$work/gone"
keys C-c
wait_for "그만둘까요\?"
wait_prompt
type_line "1"
wait_for "✘ gone/profile.yaml: 쓸 수 없습니다"
wait_for "저장할 파일 이름"
wait_prompt
type_line "elsewhere.yaml"
wait_for "^EXIT="
screen | grep -q "^EXIT=3" || fail "a failed -o, then another name: exit status is not 3"
grep -q 'name: "남해산업"' "$work/elsewhere.yaml" || fail "the answers were not saved under the other name"
[ -z "$(find "$work" -name '.*.sfgrant-*')" ] || fail "a temporary was left behind: $(find "$work" -name '.*.sfgrant-*')"
echo "PASS: -o onto a folder is refused before any question; a failed save asks for another name and keeps the answers"
exit 0
