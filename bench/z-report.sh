#!/usr/bin/env bash
# X and Z over a journal of 1,000,000 sales, all in one open period (issue 11 point 8: a Z
# in under 50 ms). The journal is built once under <target>/bench-data/ by a bench-only bulk
# writer through the schema's own triggers. SALES=1000000 RUNS=3 ITER=200 KASSA_BENCH_DB=path
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo bench --locked -p kassa-bench --bench z_report
