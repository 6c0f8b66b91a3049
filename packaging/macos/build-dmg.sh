#!/usr/bin/env bash
# Build CareLedger.app and a .dmg on macOS (run by .github/workflows/installers.yml on a hosted
# macOS runner; it cannot run on the Linux machines the project uses). Needs the venv made by
#   python3 -m venv build/venv && build/venv/bin/pip install -e ".[package]"
# The app is not signed or notarised: Gatekeeper asks the person to confirm the first start
# (right-click, Open) until a Developer ID certificate is added to the workflow.
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' app/__init__.py)
PY=build/venv/bin/python

# The same icons and spec as Linux and Windows; macOS wants them as an .icns.
rm -rf build/icons && "$PY" packaging/icons.py build/icons
set_=build/icons/careledger.iconset
mkdir -p "$set_"
for size in 16 32 128 256 512; do
    cp "build/icons/${size}x${size}/careledger.png" "$set_/icon_${size}x${size}.png"
    double=$((size * 2))
    [ -f "build/icons/${double}x${double}/careledger.png" ] &&
        cp "build/icons/${double}x${double}/careledger.png" "$set_/icon_${size}x${size}@2x.png"
done
iconutil -c icns "$set_" -o build/icons/careledger.icns

build/venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
    packaging/careledger.spec
dist/CareLedger.app/Contents/MacOS/careledger --version

rm -f "dist/CareLedger-$VERSION.dmg"
staging=build/dmg && rm -rf "$staging" && mkdir -p "$staging"
cp -R dist/CareLedger.app "$staging/"
ln -s /Applications "$staging/Applications"  # drag the app onto it to install
hdiutil create -volname "CareLedger $VERSION" -srcfolder "$staging" -ov -format UDZO \
    "dist/CareLedger-$VERSION.dmg"
