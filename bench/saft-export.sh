#!/usr/bin/env bash
# A month's SAF-T Cash Register export (issue 12: 30,000 receipts in under 10 s). The month is
# written once through the journal's own API with the real receipt key (bank, cash and card
# sales, returns, copies, training, a Z each evening) under <target>/bench-data/, then exported
# to a file RUNS times; the first file is validated with xmllint against the official schema.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo bench --locked -p kassa-bench --bench saft_export
