#!/usr/bin/env bash
# Set up what CareLedger needs on a Debian or Ubuntu machine, once; afterwards it does nothing.
#   bootstrap.sh run    the app alone: Qt's system libraries, a .venv with the app's own packages
#   bootstrap.sh test   also the test tools (pytest, linters, Xvfb, validators) for scripts/test.sh
# Quiet unless something goes wrong: the details go to .setup.log. When system libraries are
# missing and cannot be installed (no root, no sudo), it names them and the administrator's
# command, then stops.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-run}
LOG="$PWD/.setup.log"

# What Qt needs to open a window; the same list is the .deb's Depends.
mapfile -t RUNTIME_PACKAGES < <(grep -v '^#' packaging/system-packages.txt)
# Only for the tests and the packaging checks.
TEST_PACKAGES=(xvfb xauth xdotool poppler-utils desktop-file-utils appstream
               dbus at-spi2-core python3-gi gir1.2-atspi-2.0)  # the AT-SPI check

say() { echo "$*" >&2; }

failed() {  # what went wrong, the end of the log, and where the rest is
    say "$1"
    [ -s "$LOG" ] && { say "The last lines of $LOG:"; tail -n 15 "$LOG" >&2; }
    exit 1
}

missing_packages() {
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
            echo "$pkg"
    done
}

ask_an_administrator() {
    say "CareLedger needs these system packages, which are not installed:"
    say "    $*"
    say "You cannot install them yourself (that needs root or sudo). Please ask an administrator"
    say "to run this command, then run this script again:"
    say "    sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends $*'"
    exit 1
}

can_sudo() {  # sudo without a password, or with one typed at this terminal
    command -v sudo >/dev/null || return 1
    sudo -n true 2>/dev/null && return 0
    [ -t 0 ] && sudo -v 2>/dev/null
}

install_system_packages() {
    command -v dpkg-query >/dev/null && command -v apt-get >/dev/null || {
        say "This is not a Debian or Ubuntu system: make sure Qt 6's libraries are installed"
        say "(on Debian they are: ${RUNTIME_PACKAGES[*]})."
        return 0
    }
    local missing
    mapfile -t missing < <(missing_packages "$@")
    [ ${#missing[@]} -eq 0 ] && return 0
    local as_root=()
    if [ "$(id -u)" != 0 ]; then
        can_sudo || ask_an_administrator "${missing[@]}"
        as_root=(sudo)
    fi
    say "Installing system packages: ${missing[*]}"
    { "${as_root[@]}" apt-get update -q &&
      "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
          apt-get install -y -q --no-install-recommends "${missing[@]}"; } >>"$LOG" 2>&1 ||
        failed "Installing system packages failed."
}

find_python() {
    local candidate
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null &&
           "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"; return 0
        fi
    done
    return 1
}

make_venv() {
    [ -x .venv/bin/python ] && return 0
    local python
    python=$(find_python) || {
        install_system_packages python3 python3-venv
        python=$(find_python) || failed "CareLedger needs Python 3.11 or newer."
    }
    if ! "$python" -m venv .venv >>"$LOG" 2>&1; then
        rm -rf .venv
        install_system_packages python3-venv "$(basename "$python")-venv"
        "$python" -m venv .venv >>"$LOG" 2>&1 || failed "Making the virtual environment failed."
    fi
}

# pip install SPEC when pyproject.toml is newer than STAMP; test tools only when asked for.
pip_install() {
    local spec=$1 stamp=$2
    [ -f "$stamp" ] && [ "$stamp" -nt pyproject.toml ] && return 0
    say "Installing CareLedger's Python packages into .venv (the first time takes a few minutes)…"
    { .venv/bin/python -m pip install -q --upgrade pip &&
      .venv/bin/python -m pip install -q -e "$spec"; } >>"$LOG" 2>&1 ||
        failed "Installing Python packages failed."
    touch "$stamp"
}

case "$MODE" in
    run)
        install_system_packages "${RUNTIME_PACKAGES[@]}"
        make_venv
        # A .venv set up for the tests already has everything the app needs.
        if [ ! -f .venv/.installed-test ] || [ pyproject.toml -nt .venv/.installed-test ]; then
            pip_install . .venv/.installed-runtime
        fi
        ;;
    test)
        install_system_packages "${RUNTIME_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
        make_venv
        pip_install ".[test]" .venv/.installed-test
        ;;
    *) failed "Usage: scripts/bootstrap.sh run|test" ;;
esac
