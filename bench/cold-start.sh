#!/usr/bin/env bash
# Cold start (to "ready" and to the first frame drawn) and memory after start, Kassa beside the
# bare Tauri floor (bench/floor), RUNS (7) alternations in one run under Xvfb.
#   bash bench/cold-start.sh                              # fresh journal
#   COLD_DB=path/to/journal.db bash bench/cold-start.sh   # an existing (e.g. 1M-sale) journal
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_x11.sh"
in_x11 python3 bench/cold_start.py "$KASSA_APP_BIN" "$KASSA_FLOOR_BIN" "${RUNS:-7}"
