#!/usr/bin/env bash
# Many tills shipping to one hub (issue 14): TILLS journals of SALES sealed sales each (written
# first on tmpfs, not timed) shipped at once by TILLS concurrent sync_once to a private
# PostgreSQL cluster; then one till's catch-up after an hour without the hub (with its shipper,
# and with sync_once). Needs PostgreSQL's server programs (initdb, pg_ctl; KASSA_PG_BIN).
# TILLS=10 SALES=10000 RUNS=3 OFFLINE_SALES=1200 OFFLINE_GAP_MS=3000 OFFLINE_HOLD_S=20
# KASSA_BUILD_DIR=/dev/shm
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo bench --locked -p kassa-bench --bench hub_replication
