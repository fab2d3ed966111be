#!/usr/bin/env bash
# Time an expired code is on screen across 100 rotations (per run) with 2 s API latency.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo bench --locked -p kassa-bench --bench dead_qr
