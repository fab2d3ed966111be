#!/usr/bin/env bash
# App memory (PSS and RSS of the app and every WebKit process) through the window, Kassa beside
# the bare Tauri floor (bench/floor): RUNS (5) alternations in one run under Xvfb; Kassa after
# start and after SALES (100) bank sales driven through the window.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_x11.sh"
in_x11 python3 bench/app_memory.py "$KASSA_APP_BIN" "$KASSA_FLOOR_BIN" "${RUNS:-5}" "${SALES:-100}" "${EVERY:-100}"
