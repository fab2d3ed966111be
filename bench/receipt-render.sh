#!/usr/bin/env bash
# A receipt rendered: to_doc (with a logo) + to_text (48 columns) + ESC/POS encode, per
# receipt, 3 runs of 10,000 receipts (RECEIPTS, RUNS). Target: under 5 ms (issue 11 point 8).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo bench --locked -p kassa-bench --bench receipt_render
