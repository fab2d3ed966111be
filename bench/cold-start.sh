#!/usr/bin/env bash
# Cold start to keypad ready (window shown, journal open) under Xvfb, RUNS (10) new processes.
#   bash bench/cold-start.sh                       # fresh journal
#   COLD_DB=path/to/journal.db bash bench/cold-start.sh   # an existing (e.g. 1M-sale) journal
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_x11.sh"
in_x11 python3 bench/cold_start.py "$KASSA_APP_BIN" "${RUNS:-10}"
