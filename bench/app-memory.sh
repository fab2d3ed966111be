#!/usr/bin/env bash
# App memory (PSS and RSS of the app and every WebKit process) after start and after SALES
# (100) sales driven through the window; RUNS (3) fresh app starts.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_x11.sh"
in_x11 python3 bench/app_memory.py "$KASSA_APP_BIN" "${SALES:-100}" "${RUNS:-3}"
