#!/usr/bin/env bash
# Charge pressed → QR ready, p50/p99 over SALES (1000) sales, RUNS (3) runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo bench --locked -p kassa-bench --bench charge_to_qr
