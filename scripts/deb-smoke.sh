#!/usr/bin/env bash
# Release check of the Debian package: builds the .deb, installs it with apt in a fresh Debian 12
# (bookworm, minbase) chroot, where apt must find every dependency on the mirror, and runs it there:
#   - the package holds the binary, every program file, the man page and both completions, and
#     Depends names the shared libraries;
#   - sfgrant --version, sfgrant programs, and sfgrant check on examples/small-mould-maker.yaml with
#     no --programs (it must find /usr/share/sfgrant/programs), also with /proc not mounted;
#   - man sfgrant, and the bash and zsh completions: loaded, and completing subcommands, options,
#     option values, years, program ids and profile files.
# Prints "ok" or "FAIL" a check and exits 1 when any check fails. Not run by CI: it needs root and the
# network, and took 10 minutes on 2 shared cores from scratch (6 to build, 3 for debootstrap; 30 s
# when the build and the chroot are reused).
#
#   scripts/deb-smoke.sh [CHROOT_DIR]        # as root; CHROOT_DIR defaults to /tmp/sfgrant-deb-chroot
#
# A missing or empty CHROOT_DIR is made with debootstrap; an existing one is reused (sfgrant is purged
# and installed again, so only a new folder proves the dependencies from scratch).
# Environment: SFGRANT_DEB_BUILD (build folder, build-deb), SFGRANT_DEB_MIRROR (http://deb.debian.org/debian),
# SFGRANT_DEB_SKIP_BUILD=1 (package what the build folder holds, without configuring or building).
# Installs on the host what is missing: the build packages of dev.sh, dpkg-dev and debootstrap.
set -euo pipefail
cd "$(dirname "$0")/.."

ROOT=$(realpath -m "${1:-/tmp/sfgrant-deb-chroot}")
BUILD=${SFGRANT_DEB_BUILD:-build-deb}
MIRROR=${SFGRANT_DEB_MIRROR:-http://deb.debian.org/debian}
VERSION=$(sed -nE 's/^project\(sfgrant VERSION ([0-9.]+).*/\1/p' CMakeLists.txt)
export DEBIAN_FRONTEND=noninteractive

[ "$(id -u)" -eq 0 ] || { echo "deb-smoke: run as root (debootstrap and chroot need it)" >&2; exit 2; }

PACKAGES=(build-essential cmake ninja-build pkg-config libyaml-cpp-dev libcli11-dev libfmt-dev
          nlohmann-json3-dev libutf8proc-dev libxlsxwriter-dev libedit-dev libkainjow-mustache-dev libxxhash-dev help2man dpkg-dev debootstrap)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deb-smoke: installing ${missing[*]}" >&2
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

failures=0
# check WHAT COMMAND...: runs the command and prints ok or FAIL with its exit status
check() {
  local what=$1
  shift
  if "$@"; then
    echo "ok    $what"
  else
    echo "FAIL  $what (exit $?)"
    failures=$((failures + 1))
  fi
}

# ---- the package ----
if [ "${SFGRANT_DEB_SKIP_BUILD:-}" != 1 ]; then
  # /usr as in the package, so the data folder compiled in is the installed one
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
        -DSFGRANT_BUILD_TESTS=OFF -DSFGRANT_WARNINGS_AS_ERRORS=ON >/dev/null
  cmake --build "$BUILD" -j "$(nproc)"
fi
(cd "$BUILD" && cpack -G DEB >/dev/null)
DEB=$(realpath "$BUILD/sfgrant_${VERSION}_$(dpkg --print-architecture).deb")
echo "deb-smoke: $DEB ($(stat -c %s "$DEB") bytes)"
dpkg-deb -f "$DEB" Depends
contents=$(dpkg-deb -c "$DEB" | awk '{print $6}' | sed 's#^\./#/#')

has_files() {
  local f
  for f in "$@"; do grep -qxF "$f" <<<"$contents" || { echo "  not in the package: $f"; return 1; }; done
}
program_files=()
while IFS= read -r f; do program_files+=("/usr/share/sfgrant/$f"); done < <(find programs -name '*.yaml' | sort)
check "package: /usr/bin/sfgrant, man page, bash and zsh completions" has_files /usr/bin/sfgrant \
  /usr/share/man/man1/sfgrant.1.gz /usr/share/bash-completion/completions/sfgrant \
  /usr/share/zsh/vendor-completions/_sfgrant
check "package: all ${#program_files[@]} program files of programs/ (industries.yaml, rubrics)" \
  has_files "${program_files[@]}"
depends_on() {
  local lib
  for lib in "$@"; do grep -qE "(^|, )$lib( |,|$)" <<<"$(dpkg-deb -f "$DEB" Depends)" || return 1; done
}
check "package: Depends names libyaml-cpp0.7, libfmt9, libutf8proc2, libxlsxwriter4, libstdc++6" \
  depends_on libyaml-cpp0.7 libfmt9 libutf8proc2 libxlsxwriter4 'libstdc\+\+6'

# ---- a fresh Debian 12 ----
if [ ! -e "$ROOT/etc/debian_version" ]; then
  echo "deb-smoke: debootstrap bookworm into $ROOT from $MIRROR" >&2
  debootstrap --variant=minbase bookworm "$ROOT" "$MIRROR" >/dev/null
fi
mounted=()
cleanup() {
  local m
  for m in "${mounted[@]}"; do mountpoint -q "$m" && umount "$m"; done
  return 0
}
trap cleanup EXIT
mountpoint -q "$ROOT/proc" || { mount -t proc proc "$ROOT/proc"; mounted=("$ROOT/proc" "${mounted[@]}"); }
# a devpts of its own for the zsh test's pseudo-terminal (/dev/ptmx opens the pts next to it)
mountpoint -q "$ROOT/dev/pts" ||
  { mount -t devpts -o newinstance,ptmxmode=0666 devpts "$ROOT/dev/pts"; mounted=("$ROOT/dev/pts" "${mounted[@]}"); }
in_root() { chroot "$ROOT" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

cp "$DEB" "$ROOT/sfgrant.deb"
in_root apt-get update -q >/dev/null
in_root dpkg --purge sfgrant >/dev/null 2>&1 || true
check "apt-get install /sfgrant.deb (dependencies from $MIRROR)" \
  in_root apt-get install -y -q --no-install-recommends /sfgrant.deb
# only now the tools the checks need, so they cannot have supplied a dependency of sfgrant
in_root apt-get install -y -q --no-install-recommends man-db bash-completion zsh >/dev/null

SMOKE=$ROOT/root/sfgrant-smoke  # a folder without programs/, so the installed data must be found
rm -rf "$SMOKE"
mkdir -p "$SMOKE"
cp examples/small-mould-maker.yaml "$SMOKE/"
in_smoke() { in_root /bin/sh -c 'cd /root/sfgrant-smoke && exec "$@"' _ "$@"; }

version_is() { [ "$(in_root sfgrant --version)" = "sfgrant $VERSION" ]; }
check "sfgrant --version says sfgrant $VERSION" version_is
programs_lists() { in_root sfgrant programs >/dev/null; }
check "sfgrant programs" programs_lists
status=0
in_smoke sfgrant check small-mould-maker.yaml --lang en >"$SMOKE/check.out" 2>&1 || status=$?
head -n 6 "$SMOKE/check.out"
check "sfgrant check small-mould-maker.yaml, no --programs (exit 0: something eligible)" test "$status" -eq 0
check "the check used the installed 2026 programs" grep -q "2026 programs" "$SMOKE/check.out"

man_path_is() { [ "$(in_root man -w sfgrant)" = /usr/share/man/man1/sfgrant.1.gz ]; }
man_has_sections() {
  local page s
  page=$(in_root env MANWIDTH=80 man sfgrant 2>/dev/null) || return 1
  for s in NAME SYNOPSIS SUBCOMMANDS "EXIT STATUS" ENVIRONMENT FILES; do grep -qx "$s" <<<"$page" || return 1; done
}
check "man -w sfgrant" man_path_is
check "man sfgrant renders every section" man_has_sections

# ---- completions ----
# shellcheck disable=SC2016  # expanded by the shell in the chroot
check "bash completion loads (complete -p sfgrant)" in_root bash -c \
  '. /usr/share/bash-completion/completions/sfgrant && [ "$(complete -p sfgrant)" = "complete -F _sfgrant sfgrant" ]'
# shellcheck disable=SC2016
check "zsh completion loads (compinit registers _sfgrant)" in_root zsh -fc \
  'autoload -U compinit && compinit -u && [[ $_comps[sfgrant] == _sfgrant ]]'

# complete.bash EXPECTED LINE: completes LINE as typed up to its end, succeeds when EXPECTED is offered
cat >"$SMOKE/complete.bash" <<'EOF'
. /usr/share/bash-completion/completions/sfgrant
expected=$1
read -ra COMP_WORDS <<<"$2"
[[ $2 == *' ' ]] && COMP_WORDS+=("")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) COMP_LINE=$2 COMP_POINT=${#2}
_sfgrant
printf '%s\n' "${COMPREPLY[@]}" | grep -qxF -- "$expected" || { echo "  offered: ${COMPREPLY[*]}"; exit 1; }
EOF
# complete.zsh EXPECTED LINE: types LINE and a tab into an interactive zsh (in a pseudo-terminal) and
# records every candidate the completion system adds
cat >"$SMOKE/complete.zsh" <<'EOF'
zmodload zsh/zpty
expected=$1 out=$(mktemp)
zpty z zsh -f -i
zpty -w z "autoload -U compinit; compinit -u -D"
zpty -w z "compadd() { local -a hits; builtin compadd -O hits \"\$@\"; print -l -- \$hits >>$out; builtin compadd \"\$@\" }"
zpty -w -n z "$2"$'\t'
for i in {1..40}; do [[ -s $out ]] && break; sleep 0.25; done
sleep 0.5
zpty -d z
grep -qxF -- "$expected" $out || { print -r -- "  offered: ${(f)$(<$out)}"; exit 1; }
EOF
for case in "check|sfgrant " "interview|sfgrant inter" "--programs|sfgrant check --" \
            "--what-it-takes|sfgrant check --wh" "json|sfgrant check --format " "en|sfgrant check --lang " \
            "2026|sfgrant check --year " "small-mould-maker.yaml|sfgrant check small" \
            "government|sfgrant split " "lighthouse|sfgrant split --year 2021 " \
            "show|sfgrant programs " "profile|sfgrant schema " "--jobs|sfgrant batch --"; do
  expected=${case%%|*} line=${case#*|}
  check "bash: '$line' offers $expected" in_smoke bash complete.bash "$expected" "$line"
  check "zsh:  '$line' offers $expected" in_smoke zsh -f complete.zsh "$expected" "$line"
done

# ---- without /proc the binary falls back to the data folder compiled in ----
umount "$ROOT/proc"
status=0
in_smoke sfgrant check small-mould-maker.yaml >/dev/null 2>&1 || status=$?
check "sfgrant check with /proc not mounted (data folder compiled in)" test "$status" -eq 0
[[ " ${mounted[*]} " == *" $ROOT/proc "* ]] || mount -t proc proc "$ROOT/proc"  # as it was found

if [ "$failures" -gt 0 ]; then
  echo "deb-smoke: $failures check(s) failed" >&2
  exit 1
fi
echo "deb-smoke: every check passed"
