#!/usr/bin/env bash
# Builds the Linux .deb of the app with Tauri's bundler, here on Debian/Ubuntu (no download
# but the npm registry: AppImage bundling fetches tools from GitHub and is left to the
# release workflow, .github/workflows/release.yml).
#   bash scripts/package-deb.sh        → target/release/bundle/deb/Kassa_<version>_amd64.deb
# Needs the packages of scripts/setup-debian.sh, node and npm. Prints the time it took, the
# package's size and its control file, and checks that it holds the app and its icons.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
START=$SECONDS
TARGET=${CARGO_TARGET_DIR:-$PWD/target}

# The Tauri CLI from the npm registry (prebuilt, seconds), at the version package-lock.json names.
[[ -x node_modules/.bin/tauri ]] || npm ci --no-audit --no-fund
npx tauri --version

# `tauri build` is `cargo build --release --features tauri/custom-protocol` plus the bundler.
npx tauri build --bundles deb -- --locked

VERSION=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' tauri.conf.json | head -1)
DEB=$(ls -t "$TARGET"/release/bundle/deb/Kassa_"${VERSION}"_*.deb | head -1)
dpkg-deb --info "$DEB"
CONTENTS=$(dpkg-deb --contents "$DEB")
for want in usr/bin/kassa-app usr/share/applications/Kassa.desktop \
  usr/share/icons/hicolor/128x128/apps/kassa-app.png; do
  grep -qE " (\./)?$want\$" <<<"$CONTENTS" || { echo "missing from the package: $want" >&2; exit 1; }
done
# The tray icon loads libayatana-appindicator3 at run time: without it the app panics.
dpkg-deb --field "$DEB" Depends | grep -q libayatana-appindicator3-1 ||
  { echo "the package does not depend on libayatana-appindicator3-1" >&2; exit 1; }
bytes=$(stat -c %s "$DEB")
printf '%s: %d bytes (%.2f MiB), built in %ss\n' "$DEB" "$bytes" \
  "$(echo "$bytes / 1048576" | bc -l)" "$((SECONDS - START))"
