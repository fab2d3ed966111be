# Sourced by the bench scripts that run the app: the release binary (built unless
# KASSA_APP_BIN is set), and a private session bus and X server (as scripts/test.sh does).
cd "$(dirname "${BASH_SOURCE[0]}")/.."
TARGET=${CARGO_TARGET_DIR:-$PWD/target}
export KASSA_BENCH_OUT=${KASSA_BENCH_OUT:-$TARGET/bench-results}
if [[ -z ${KASSA_APP_BIN:-} ]]; then
  cargo build --release --locked -p kassa-app
  KASSA_APP_BIN=$TARGET/release/kassa-app
fi
RUNTIME=$(mktemp -d "${TMPDIR:-/tmp}/kassa-bench.XXXXXX")
trap 'rm -rf "$RUNTIME"' EXIT
mkdir -p "$RUNTIME/run" && chmod 700 "$RUNTIME" "$RUNTIME/run"
export XDG_RUNTIME_DIR="$RUNTIME/run" NO_AT_BRIDGE=1
unset DBUS_SESSION_BUS_ADDRESS WAYLAND_DISPLAY
in_x11() { dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$@"; }
