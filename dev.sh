#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine (run as root, or with sudo available):
#   ./dev.sh example   install what is missing, build, run `sfgrant check` on the bundled example
#   ./dev.sh test      install what is missing, build, run every test (unit, CLI, YAML cases, validate)
#   ./dev.sh build     install what is missing and build only
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(build-essential cmake ninja-build pkg-config libyaml-cpp-dev libcli11-dev libfmt-dev catch2
          nlohmann-json3-dev libutf8proc-dev libxlsxwriter-dev python3-jsonschema python3-yaml tmux help2man
          libedit-dev chromium poppler-utils fonts-noto-cjk python3-openpyxl cmark-gfm time
          libkainjow-mustache-dev libxxhash-dev)
BUILD_DIR=${SFGRANT_BUILD_DIR:-build}

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "dev.sh: installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
  install_missing
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DSFGRANT_WARNINGS_AS_ERRORS=${SFGRANT_WARNINGS_AS_ERRORS:-ON} -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
        ${SFGRANT_CMAKE_ARGS:-} >/dev/null
  cmake --build "$BUILD_DIR" -j "$(nproc)"
}

case "${1:-}" in
  example)
    build
    status=0
    "$BUILD_DIR/sfgrant" check examples/small-mould-maker.yaml --programs programs || status=$?
    # 0: something eligible or possible, 1: nothing (both are results, not failures)
    [ "$status" -le 1 ]
    ;;
  test)
    build
    ctest --test-dir "$BUILD_DIR" --output-on-failure
    ;;
  build)
    build
    ;;
  *)
    echo "usage: ./dev.sh example|test|build" >&2
    exit 2
    ;;
esac
