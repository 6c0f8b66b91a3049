#!/usr/bin/env bash
# Set up (first time only) and open CareLedger. Extra arguments go to `careledger`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh run
exec .venv/bin/careledger "$@"
