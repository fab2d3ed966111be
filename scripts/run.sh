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

# The till's receipt signing key lives in the OS keyring (a Secret Service on Linux). A
# desktop session has one; without a session bus (a bare machine, xvfb-run), the app runs on a
# private bus with GNOME Keyring's login keyring, unlocked with KASSA_RUN_KEYRING_PASSWORD
# (default "kassa": a development machine's convenience, not for a shop's real money).
if [[ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]]; then
  echo "run.sh: no session bus: starting the app on a private one with GNOME Keyring" >&2
  export KASSA_RUN_KEYRING_PASSWORD="${KASSA_RUN_KEYRING_PASSWORD:-kassa}"
  exec dbus-run-session -- bash -c '
    printf %s "$KASSA_RUN_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    unset KASSA_RUN_KEYRING_PASSWORD
    exec cargo run -p kassa-app -- "$@"' run.sh "$@"
fi

exec cargo run -p kassa-app -- "$@"
