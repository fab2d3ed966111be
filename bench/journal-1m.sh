#!/usr/bin/env bash
# The journal with 1,000,000 sales: today's list, day totals, one sale's detail, size per
# sale. The journal is built once (about 7 minutes) under <target>/bench-data/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo bench --locked -p kassa-bench --bench journal_1m
