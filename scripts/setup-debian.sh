#!/usr/bin/env bash
# Installs what building, running and testing Kassa needs on Debian/Ubuntu.
# Idempotent: apt packages are installed only when missing (apt-get update only then too),
# tauri-driver only when it is missing or not a 2.x release.
# Runs as root (CI) or through sudo when not root.
set -euo pipefail

PACKAGES=(
  build-essential pkg-config libwebkit2gtk-4.1-dev libayatana-appindicator3-dev
  librsvg2-dev libxdo-dev xvfb xauth x11-utils imagemagick webkit2gtk-driver
  dbus-daemon dbus-x11 gnome-keyring libsecret-tools
  libdbus-1-dev
  # The receipt signature's independent check (kassa-saft's tests verify with openssl).
  openssl
  poppler-utils
  # The SAF-T export's schema check (kassa-saft's tests run xmllint --schema).
  libxml2-utils
  # The hub's tests run against a real PostgreSQL server: kassa_testkit::pg and scripts/test.sh
  # start private clusters with its initdb/pg_ctl (as the postgres user the package creates);
  # the default cluster the package may start is not used.
  postgresql postgresql-client
)

log() { printf 'setup-debian: %s\n' "$*" >&2; }

if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  log "this script needs a Debian/Ubuntu system (dpkg and apt-get not found)"
  exit 1
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  # `dpkg -s` also succeeds for removed-but-configured packages; require "install ok installed".
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    SUDO=()
  elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    log "missing packages (${missing[*]}) and not root and no sudo: install them as root"
    exit 1
  fi
  log "installing: ${missing[*]}"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  log "apt packages: all present"
fi

# cargo (rustup installs it into ~/.cargo/bin, which may not be on PATH yet).
if ! command -v cargo >/dev/null 2>&1 && [[ -x "$HOME/.cargo/bin/cargo" ]]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi
if ! command -v cargo >/dev/null 2>&1; then
  log "cargo not found: install Rust first (https://rustup.rs, e.g. 'curl -sSf https://sh.rustup.rs | sh')"
  log "then open a new shell or run: source \"\$HOME/.cargo/env\""
  exit 1
fi

# tauri-driver 2.1 (the 3.0 alphas cannot create W3C sessions with tauri:options).
# 2.1 has no --version flag, so ask cargo which version it installed; fall back to
# `tauri-driver --version` for drivers installed some other way (3.x has the flag).
driver_version() {
  local listed
  listed=$(cargo install --list 2>/dev/null | sed -n 's/^tauri-driver v\([^:]*\):$/\1/p')
  if [[ -n "$listed" ]]; then
    echo "$listed"
    return
  fi
  local bin
  bin=$(command -v tauri-driver 2>/dev/null || true)
  if [[ -z "$bin" && -x "$HOME/.cargo/bin/tauri-driver" ]]; then
    bin="$HOME/.cargo/bin/tauri-driver"
  fi
  if [[ -n "$bin" ]]; then
    "$bin" --version 2>/dev/null | grep -Eo '[0-9]+\.[0-9]+[^ ]*' | head -n1 || true
  fi
}
version=$(driver_version)
if [[ "$version" == 2.* ]]; then
  log "tauri-driver $version: present"
else
  log "installing tauri-driver 2.1 (found: ${version:-none})"
  cargo install tauri-driver --version '~2.1' --locked
fi
