#!/usr/bin/env bash
# Run the fault suite (tests/app/safety) against the code before issue 11, to show that each
# test fails there: ./scripts/fault_suite_on_base.sh [BASE_COMMIT (default: where main is)] [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-$(git merge-base HEAD main)}; shift || true
work=$(mktemp -d /tmp/careledger-base-XXXX)
trap 'rm -rf "$work"' EXIT
git archive "$base" | tar -x -C "$work"
rm -rf "$work/tests/app/safety"
cp -r tests/app/safety "$work/tests/app/"
cd "$work"
# The venv's editable install would find modules added since BASE in the new tree: drop its
# finder, so that only the old code is imported.
QT_QPA_PLATFORM=offscreen "$OLDPWD/.venv/bin/python" - -q -p no:cacheprovider tests/app/safety \
    -rf "$@" <<'PY' || true
import sys
sys.meta_path = [f for f in sys.meta_path if "editable" not in repr(f)]
import pytest
sys.exit(pytest.main(sys.argv[1:]))
PY
