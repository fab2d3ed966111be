#!/usr/bin/env bash
# Every figure of BENCHMARKS.md, one after the other (they must not share the machine).
# Results: printed, and as JSON in $KASSA_BENCH_OUT (default <target>/bench-results/).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for b in binary-size charge-to-qr paid-poll paid-webhook dead-qr journal-1m receipt-render z-report receipt-signing saft-export verify-1m hub-replication hub-report cold-start app-memory; do
  printf '\n==> bench/%s.sh\n' "$b"
  bash "$b.sh"
done
