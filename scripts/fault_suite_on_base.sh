#!/usr/bin/env bash
# Run the fault suite (tests/app/safety) against the code before issue 11, to show that each
# test fails there: ./scripts/fault_suite_on_base.sh [BASE_COMMIT] [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-28bcb9f}; shift || true
work=$(mktemp -d /tmp/careledger-base-XXXX)
trap 'rm -rf "$work"' EXIT
git archive "$base" | tar -x -C "$work"
rm -rf "$work/tests/app/safety"
cp -r tests/app/safety "$work/tests/app/"
cd "$work"
QT_QPA_PLATFORM=offscreen "$OLDPWD/.venv/bin/python" -m pytest -q -p no:cacheprovider \
    tests/app/safety -rf "$@" || true
