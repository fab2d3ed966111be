# Sourced by the bench scripts that run the app: the release binaries of Kassa and of the bare
# Tauri floor (bench/floor), built in one cargo command so they share every dependency's build
# (unless KASSA_APP_BIN and KASSA_FLOOR_BIN are set), and a private session bus and X server
# with an unlocked GNOME Keyring (the till's receipt-signing key lives in the keyring), as
# scripts/test.sh does.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
TARGET=${CARGO_TARGET_DIR:-$PWD/target}
export KASSA_BENCH_OUT=${KASSA_BENCH_OUT:-$TARGET/bench-results}
if [[ -z ${KASSA_APP_BIN:-} || -z ${KASSA_FLOOR_BIN:-} ]]; then
  cargo build --release --locked -p kassa-app -p kassa-floor -p kassa-cli
  KASSA_APP_BIN=${KASSA_APP_BIN:-$TARGET/release/kassa-app}
  KASSA_FLOOR_BIN=${KASSA_FLOOR_BIN:-$TARGET/release/kassa-floor}
fi
RUNTIME=$(mktemp -d "${TMPDIR:-/tmp}/kassa-bench.XXXXXX")
trap 'rm -rf "$RUNTIME"' EXIT
mkdir -p "$RUNTIME/run" && chmod 700 "$RUNTIME" "$RUNTIME/run"
export XDG_RUNTIME_DIR="$RUNTIME/run" NO_AT_BRIDGE=1
unset DBUS_SESSION_BUS_ADDRESS WAYLAND_DISPLAY
in_x11() {
  dbus-run-session -- bash -c 'echo -n bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$@"' in_x11 "$@"
}
