#!/usr/bin/env bash
# Build CareLedger for Linux: a self-contained one-folder bundle (PyInstaller) and a .deb.
#   packaging/build.sh            -> dist/careledger/ and dist/careledger_VERSION_ARCH.deb
# It makes its own clean environment in build/venv (the app's packages and PyInstaller, no test
# tools), renders the icons, bundles, packs the .deb, then checks the bundle: `--version` with
# an empty environment (no Python, no venv on PATH), a demo profile, and, where Xvfb and xdotool are installed,
# that its window opens. Details go to build/build.log; it prints the time and the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' app/__init__.py)
ARCH=$(dpkg --print-architecture)
LOG=build/build.log
BUNDLE=dist/careledger
DEB=dist/careledger_${VERSION}_${ARCH}.deb
mkdir -p build dist
: >"$LOG"

step() { echo "$(($(date +%s) - started))s  $*"; }
quietly() {  # run a command, its output to the log; on failure show the end of the log
    "$@" >>"$LOG" 2>&1 || { echo "Failed: $*" >&2; tail -n 25 "$LOG" >&2; exit 1; }
}

find_python() {
    local candidate
    for candidate in python3.13 python3.12 python3.11 python3; do
        command -v "$candidate" >/dev/null &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null &&
            { echo "$candidate"; return 0; }
    done
    echo "Building needs Python 3.11 or newer." >&2; return 1
}

build_venv() {
    step "environment: build/venv (CareLedger's packages and PyInstaller only)"
    [ -x build/venv/bin/python ] || quietly "$(find_python)" -m venv build/venv
    if [ ! -f build/venv/.installed ] || [ pyproject.toml -nt build/venv/.installed ]; then
        quietly build/venv/bin/python -m pip install -q --upgrade pip
        quietly build/venv/bin/python -m pip install -q -e ".[package]"
        touch build/venv/.installed
    fi
}

bundle() {
    step "icons"
    rm -rf build/icons
    quietly build/venv/bin/python packaging/icons.py build/icons
    step "bundle: PyInstaller one folder"
    rm -rf "$BUNDLE"
    quietly build/venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
        --workpath build/pyinstaller packaging/careledger.spec
}

deb() {
    step "package: $DEB"
    local root=build/deb
    rm -rf "$root"
    mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
        "$root/usr/share/metainfo" "$root/usr/share/icons/hicolor/scalable/apps" \
        "$root/usr/share/doc/careledger"
    cp -a "$BUNDLE" "$root/opt/careledger"
    ln -s /opt/careledger/careledger "$root/usr/bin/careledger"
    install -m 644 packaging/careledger.desktop "$root/usr/share/applications/"
    install -m 644 packaging/org.careledger.CareLedger.metainfo.xml "$root/usr/share/metainfo/"
    install -m 644 resources/icons/careledger.svg "$root/usr/share/icons/hicolor/scalable/apps/"
    local size
    for size in build/icons/*x*; do
        install -D -m 644 "$size/careledger.png" \
            "$root/usr/share/icons/hicolor/$(basename "$size")/apps/careledger.png"
    done
    { echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
      echo "Upstream-Name: CareLedger"
      echo
      echo "Files: *"
      echo "Copyright: CareLedger contributors"
      echo "License: GPL-3.0-or-later"
      echo " On Debian systems the full text is in /usr/share/common-licenses/GPL-3."
      echo " The bundle in /opt/careledger also holds Python, Qt (LGPL-3.0) and other libraries"
      echo " under their own licences."; } >"$root/usr/share/doc/careledger/copyright"
    local depends
    depends=$(grep -v '^#' packaging/system-packages.txt | paste -sd, - | sed 's/,/, /g')
    cat >"$root/DEBIAN/control" <<EOF
Package: careledger
Version: $VERSION
Section: misc
Priority: optional
Architecture: $ARCH
Depends: $depends
Installed-Size: $(du -sk "$root" | cut -f1)
Maintainer: CareLedger contributors <careledger@localhost>
Description: keep the records of a social-care personal budget
 CareLedger helps people who hold a direct payment or personal health budget
 keep their records: money in and out, care received, providers, and the
 monitoring return for the council. Records are encrypted on the computer.
EOF
    find "$root" -type d -exec chmod 755 {} +
    local threads=()  # dpkg 1.21+ compresses on every core; older ones do not know the option
    dpkg-deb --help | grep -q -- --threads-max && threads=(--threads-max="$(nproc)")
    quietly dpkg-deb --root-owner-group -Zxz "${threads[@]}" --build "$root" "$DEB"
}

check() {
    step "check: --version with an empty environment"
    local home
    home=$(mktemp -d)
    env -i HOME="$home" PATH=/usr/bin:/bin "$BUNDLE/careledger" --version ||
        { echo "The bundle does not start without the venv." >&2; exit 1; }
    step "check: the bundle makes an encrypted demo profile (SQLCipher, argon2, migrations)"
    env -i HOME="$home" PATH=/usr/bin:/bin CARELEDGER_PASSPHRASE=demo \
        "$BUNDLE/careledger" --data-dir "$home/data" demo >>"$LOG" 2>&1 ||
        { echo "The bundle could not make a profile; see $LOG." >&2; exit 1; }
    if command -v xvfb-run >/dev/null && command -v xdotool >/dev/null; then
        step "check: the window opens under Xvfb"
        env -i HOME="$home" PATH=/usr/bin:/bin xvfb-run -a -s '-screen 0 1280x800x24' \
            bash packaging/window-opens.sh "$BUNDLE/careledger" "$home/data" ||
            { echo "The bundle's window did not open within 20 s." >&2; exit 1; }
    else
        echo "Not checked: the window (install xvfb and xdotool: scripts/bootstrap.sh test)."
    fi
    rm -rf "$home"
}

build_venv
bundle
deb
check
step "done: bundle $(du -sm "$BUNDLE" | cut -f1) MB, $DEB $(du -sm "$DEB" | cut -f1) MB"
