#!/usr/bin/env bash
# Fault soak: N sales (default 1000) through the sandbox with 30 % of all API calls failing
# with every kind of injected fault, on C counters in parallel (default 40), then the counts:
# end states, extra payments flagged, lost, stuck, wrong state, faults injected per kind.
# The same test runs in CI with 48 sales (crates/till/tests/soak.rs).
#   bash bench/soak.sh [SALES] [COUNTERS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export KASSA_SOAK_SALES="${1:-1000}" KASSA_SOAK_COUNTERS="${2:-40}"
exec cargo test -p kassa-till --test soak --locked -- --nocapture
