#!/usr/bin/env bash
# `kassa verify` (kassa_boot::keys::verify) over 1,000,000 signed receipts, and over 10,000
# and 100,000. The journals are built once under <target>/bench-data/ through the journal API
# with real signatures (signed ahead on a second thread; written on /dev/shm, then copied).
# Through the API the build takes 1.3-4 ms a sale here (1,000,000: 20 minutes to an hour, once).
# RECEIPTS=1000000 RUNS=3 KASSA_BENCH_DB=path KASSA_BUILD_DIR=/dev/shm
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo bench --locked -p kassa-bench --bench verify_1m
