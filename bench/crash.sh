#!/usr/bin/env bash
# Crash safety: `kassa charge` killed with SIGKILL at every named point of the sale path
# (20 cases over 8 points, and 4 kills at any moment), restarted with `kassa resume`, checked against the sandbox; the
# matrix runs REPEAT times (default 5) and prints kills per point, lost, duplicated without
# a flag, flagged, stuck, wrong state. CI runs the matrix once (crates/cli/tests/crash.rs).
# Then the late/double approval scenarios, REPEAT times each.
#   bash bench/crash.sh [REPEAT]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export KASSA_CRASH_REPEAT="${1:-5}" KASSA_APPROVALS_REPEAT="${1:-5}"
cargo test -p kassa-cli --test crash --locked -- --nocapture
cargo test -p kassa-till --test approvals --locked -- --nocapture
