#!/usr/bin/env bash
# Refresh the message catalogs: extract strings, merge into each language, compile to .mo.
#   scripts/translations.sh          extract + update + compile
set -euo pipefail
cd "$(dirname "$0")/.."
BABEL=${BABEL:-.venv/bin/pybabel}
"$BABEL" extract -F babel.cfg -k N_ --sort-output --no-location \
    --project CareLedger --copyright-holder "CareLedger contributors" \
    -o translations/careledger.pot app ui
for lang in en_GB cy; do
    if [ -f "translations/$lang/LC_MESSAGES/careledger.po" ]; then
        "$BABEL" update -i translations/careledger.pot -d translations -D careledger -l "$lang" \
            --no-fuzzy-matching --ignore-obsolete
    else
        "$BABEL" init -i translations/careledger.pot -d translations -D careledger -l "$lang"
    fi
done
"$BABEL" compile -d translations -D careledger --use-fuzzy=false 2>/dev/null \
    || "$BABEL" compile -d translations -D careledger
