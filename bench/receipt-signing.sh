#!/usr/bin/env bash
# What signing adds to a sale (issue 12: under 2 ms): the same cash sales on two on-disk
# journals with the journal's real durability, one sealed by the real ReceiptSealer (RSA-1024,
# SHA1withRSA), one by the test sealer (no RSA), taking turns; and ReceiptSealer::seal alone.
# SALES=500 WARMUP=5 RUNS=3 SEALS=2000
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo bench --locked -p kassa-bench --bench receipt_signing
