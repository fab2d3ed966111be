#!/usr/bin/env bash
# Runs the Kassa app (debug build). With no KASSA_* credentials it starts its built-in Aiia
# sandbox (the "Sandbox" badge). Extra arguments are passed to the app.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup-debian.sh
export PATH="$PATH:$HOME/.cargo/bin"

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  cat >&2 <<'MSG'
run.sh: no DISPLAY or WAYLAND_DISPLAY: Kassa is a desktop app and needs a graphical session.
  Run this from a desktop session, or without a screen under a virtual X server:
    xvfb-run -a -s "-screen 0 1280x800x24" bash scripts/run.sh
MSG
  exit 1
fi

exec cargo run -p kassa-app -- "$@"
