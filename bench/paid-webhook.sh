#!/usr/bin/env bash
# Bank approval → "paid" at the UI layer with verified webhooks (polling stays on).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
MODE=webhook cargo bench --locked -p kassa-bench --bench paid_latency
