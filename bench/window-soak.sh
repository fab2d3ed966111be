#!/usr/bin/env bash
# Window soak: SALES (1,000) bank sales driven through Kassa's window, memory of every process
# sampled every EVERY (100) sales, beside the bare Tauri floor measured in the same run
# (RUNS (1) alternations). Results: <target>/bench-results/window-soak.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_x11.sh"
export BENCH_NAME=window-soak
in_x11 python3 bench/app_memory.py "$KASSA_APP_BIN" "$KASSA_FLOOR_BIN" "${RUNS:-1}" "${SALES:-1000}" "${EVERY:-100}"
