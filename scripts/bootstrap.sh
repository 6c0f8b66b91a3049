#!/usr/bin/env bash
# Set up everything CareLedger needs on a fresh Debian/Ubuntu machine, once:
#   - the system libraries Qt needs (even offscreen), fonts, Xvfb and poppler for tests;
#   - a virtual environment in .venv with the app and its test tools.
# Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
    libgl1 libegl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 fonts-dejavu-core
    xvfb xauth libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-render-util0 libxcb-shape0 libxcb-xkb1 poppler-utils desktop-file-utils appstream
)

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "Please ask an administrator to run: $*" >&2; return 1; fi
}

install_system_packages() {
    command -v apt-get >/dev/null || { echo "Not a Debian/Ubuntu system: install Qt's libraries yourself (see README)." >&2; return 0; }
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing system packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

find_python() {
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null &&
           "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"; return 0
        fi
    done
    return 1
}

install_system_packages "${SYSTEM_PACKAGES[@]}"

PYTHON=$(find_python) || {
    install_system_packages python3 python3-venv
    PYTHON=$(find_python) || { echo "CareLedger needs Python 3.11 or newer." >&2; exit 1; }
}

if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv 2>/dev/null || {
        rm -rf .venv
        install_system_packages python3-venv "$(basename "$PYTHON")-venv" || true
        "$PYTHON" -m venv .venv
    }
fi

# Reinstall only when pyproject.toml changed since the last install.
stamp=.venv/.careledger-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[test]"
    touch "$stamp"
fi
