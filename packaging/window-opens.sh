#!/usr/bin/env bash
# Start a CareLedger executable on the current X display and wait for its window to show.
#   window-opens.sh EXECUTABLE DATA_DIR     exit 0 when a window named CareLedger is visible
exe=$1 data=$2
"$exe" --data-dir "$data" & pid=$!
for _ in $(seq 1 200); do
    if xdotool search --onlyvisible --name CareLedger >/dev/null 2>&1; then
        [ -n "${SCREENSHOT:-}" ] && command -v import >/dev/null && import -window root "$SCREENSHOT"
        kill "$pid"; wait "$pid" 2>/dev/null; exit 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "It stopped before showing a window." >&2; exit 1; }
    sleep 0.1
done
kill "$pid"; exit 1
