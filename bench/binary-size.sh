#!/usr/bin/env bash
# Release binary size (the app, and the kassa CLI), as built by `cargo build --release`
# (profile: thin LTO, stripped; Cargo.toml). Target: the app below 25 MiB.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
TARGET=${CARGO_TARGET_DIR:-$PWD/target}
# The same packages as bench/_x11.sh builds, so the two share every release build.
cargo build --release --locked -p kassa-app -p kassa-floor -p kassa-cli
for bin in kassa-app kassa kassa-floor; do
  bytes=$(stat -c %s "$TARGET/release/$bin")
  printf '%-10s %10d bytes  %6.2f MiB\n' "$bin" "$bytes" "$(echo "$bytes / 1048576" | bc -l)"
done
app=$(stat -c %s "$TARGET/release/kassa-app")
if ((app < 25 * 1048576)); then echo "target < 25 MiB: met"; else echo "target < 25 MiB: NOT met"; fi
