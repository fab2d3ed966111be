#!/usr/bin/env bash
# Runs every check and test of Kassa, the way CI does (.ci/run calls this):
#   setup (apt packages, tauri-driver) → rustfmt → clippy → build → compile the tests (on the
#   build's dependencies) → unit/integration tests → window end-to-end tests (kassa-e2e) under
#   a private session bus and X server → the app's build (scripts/run.sh's) compiles nothing.
# The tests get one private PostgreSQL cluster for the run (scripts/pg-cluster.sh; its
# superuser URL in KASSA_TEST_PG_URL), stopped and removed at the end like the session.
# Works from a fresh clone; a cold build takes several minutes.
# The window tests must run serially (--test-threads=1): WebKitWebDriver cannot host
# parallel sessions. Their screenshots land in target/e2e-screens/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
START=$SECONDS

CURRENT="start"
step() { CURRENT="$*"; printf '\n==> %s\n' "$*"; }
RUNTIME=""
PGCLUSTER=""
finish() {
  local rc=$?
  if [[ -n "$PGCLUSTER" ]]; then
    bash "$ROOT/scripts/pg-cluster.sh" stop "$PGCLUSTER" || true
    rm -rf "$PGCLUSTER"
  fi
  [[ -n "$RUNTIME" ]] && rm -rf "$RUNTIME"
  if ((rc != 0)); then
    printf '\n==> FAILED (exit %s) at: %s (%ss)\n' "$rc" "$CURRENT" "$((SECONDS - START))" >&2
  fi
}
trap finish EXIT

# Runs a cargo command that must find the crates it shares with the steps before compiled
# already, and fails naming them otherwise. `build`: what `cargo build --workspace` compiled must
# not compile again (the workspace's own test targets, and crates only tests use, such as
# proptest, compile here); `none`: nothing may compile; `app`: nothing but kassa-app itself
# (tauri's generate_context! writes the window's compressed assets into the crate's OUT_DIR while
# compiling it, so cargo compiles a freshly built kassa-app once more, a few seconds, and then
# no more). The builds share one compiled copy of a crate only while they resolve the same
# features for it (see the root Cargo.toml's notes on tokio and on the app's dependencies): a
# feature only a test turns on would compile tokio, or tauri, twice, and make the first
# `bash scripts/run.sh` after the tests recompile them.
reuse() {
  local allow=$1 log compiled
  shift
  log=$(mktemp)
  if ! "$@" 2>&1 | tee "$log"; then
    rm -f "$log"
    return 1
  fi
  compiled=$(sed -E 's/\x1b\[[0-9;]*m//g' "$log" | sed -nE 's/^ *Compiling ([^ ]+ v[^ ]+).*/\1/p' | sort -u)
  rm -f "$log"
  if [[ $allow == app ]]; then
    compiled=$(grep -vF "kassa-app v" <<<"$compiled" || true)
  elif [[ $allow == build ]]; then
    compiled=$(comm -12 <(printf '%s\n' "$compiled") <(
      cargo tree --workspace -e normal,build --locked --prefix none -f '{p}' |
        grep -vF "($ROOT" | awk 'NF {print $1, $2}' | sort -u))
  fi
  if [[ -n $compiled ]]; then
    printf '\n==> `%s` compiled again what the steps before had compiled:\n%s\n' "$*" "$compiled" >&2
    printf '    A feature some builds turn on and others do not splits them: compare\n' >&2
    printf '    `cargo tree -e features -i CRATE` with -p kassa-app and with --workspace.\n' >&2
    return 1
  fi
}

step "setup (scripts/setup-debian.sh)"
bash scripts/setup-debian.sh
# setup-debian.sh may have found cargo or tauri-driver only in ~/.cargo/bin.
export PATH="$PATH:$HOME/.cargo/bin"
# A one-shot run gains nothing from incremental caches (they were a quarter of a cold
# target/); set CARGO_INCREMENTAL=1 to keep them between local runs.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

step "cargo fmt --all --check"
cargo fmt --all --check

step "cargo clippy --workspace --all-targets --locked -- -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo build --workspace --locked"
cargo build --workspace --locked

step "cargo test --workspace --no-run --locked (the tests compile on the build's dependencies)"
reuse build cargo test --workspace --no-run --locked
# The two test runs below then compile nothing at all.
reuse none cargo test --workspace --exclude kassa-e2e --no-run --locked
reuse none cargo test -p kassa-e2e --no-run --locked

step "tests: unit, integration, keyring, then the window tests (dbus-run-session + xvfb-run)"
RUNTIME=$(mktemp -d "${TMPDIR:-/tmp}/kassa-test.XXXXXX")
mkdir -p "$RUNTIME/run" "$RUNTIME/data"
chmod 700 "$RUNTIME" "$RUNTIME/run"
export XDG_RUNTIME_DIR="$RUNTIME/run" XDG_DATA_HOME="$RUNTIME/data" NO_AT_BRIDGE=1
export KASSA_APP_BIN="${KASSA_APP_BIN:-$ROOT/target/debug/kassa-app}"
# A desktop session's bus or display must not leak in: the tests get their own of both.
unset DBUS_SESSION_BUS_ADDRESS WAYLAND_DISPLAY

# One PostgreSQL cluster for the run: tests that only need a database take it through
# kassa_testkit::pg::shared(); fault tests start their own. Under /tmp, not TMPDIR: as root
# the server runs as the postgres user, who must reach the folder.
PGCLUSTER=$(mktemp -d /tmp/kassa-pg.XXXXXX)
KASSA_TEST_PG_URL=$(bash scripts/pg-cluster.sh start "$PGCLUSTER")
export KASSA_TEST_PG_URL
pg_port=${KASSA_TEST_PG_URL##*:}
printf '==> PostgreSQL for the tests: 127.0.0.1:%s (cluster and log in %s)\n' "${pg_port%%/*}" "$PGCLUSTER"

# All tests run on a private session bus with an unlocked GNOME Keyring (the Secret Service
# the keyring test stores the Client Secret in) and a private X server for the window tests.
# The window tests run serially (--test-threads=1): WebKitWebDriver cannot host parallel
# sessions; --nocapture shows their timings and screenshot paths.
dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" \
  bash -euo pipefail -c '
    echo -n ci-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    echo "==> cargo test --workspace --exclude kassa-e2e --locked"
    cargo test --workspace --exclude kassa-e2e --locked
    echo "==> cargo test -p kassa-e2e --locked -- --test-threads=1"
    cargo test -p kassa-e2e --locked -- --test-threads=1 --nocapture
  '

step "cargo build -p kassa-app --locked (scripts/run.sh's build: after the tests it compiles nothing)"
reuse app cargo build -p kassa-app --locked

printf '\n==> target/ holds %s after the run\n' "$(du -sh "$ROOT/target" | cut -f1)"
printf '\n==> all checks passed: fmt, clippy, build, unit tests, window tests (%ss); screenshots in %s\n' \
  "$((SECONDS - START))" "$ROOT/target/e2e-screens"
