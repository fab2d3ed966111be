#!/usr/bin/env bash
# The shop's day at the hub (issue 14): Hub::shop_report X and Z over TILLS × SALES sales all
# on one day (the report tables filled in bulk in a private PostgreSQL cluster), p50/p99/max;
# target X < 200 ms. Z_INDEX=1 then times the Z again with covering indexes (an experiment).
# Needs PostgreSQL's server programs (initdb, pg_ctl; KASSA_PG_BIN).
# TILLS=10 SALES=100000 ITER=200 Z_ITER=30 Z_INDEX=1
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo bench --locked -p kassa-bench --bench hub_report
