#!/usr/bin/env bash
# Every figure of BENCHMARKS.md, one after the other (they must not share the machine).
# Results: printed, and as JSON in $KASSA_BENCH_OUT (default <target>/bench-results/).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
START=$SECONDS
for b in binary-size charge-to-qr paid-poll paid-webhook dead-qr journal-1m receipt-render z-report receipt-signing saft-export verify-1m hub-replication hub-report cold-start app-memory window-soak; do
  printf '\n==> bench/%s.sh\n' "$b"
  t=$SECONDS
  bash "$b.sh"
  printf '==> bench/%s.sh took %ss (%ss so far)\n' "$b" "$((SECONDS - t))" "$((SECONDS - START))"
done
