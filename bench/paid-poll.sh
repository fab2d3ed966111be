#!/usr/bin/env bash
# Bank approval → "paid" at the UI layer, polling only; counts status calls per attempt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
MODE=poll cargo bench --locked -p kassa-bench --bench paid_latency
