#!/usr/bin/env bash
# Installs every tool GroupLab's build and tests need, only where missing or at the wrong version, so it is
# cheap to run before every build. Everything comes from the package registries (crates.io, npm, Debian)
# through their ordinary clients; nothing else is downloaded (no tool fetches its own browser or binaries).
#
#   scripts/install-tools.sh [--no-wasm] [--no-browser]
#
# Installs: rustup target wasm32-unknown-unknown and rust-src, clippy + rustfmt, trunk (cargo install), wasm-bindgen-cli
# at the exact version pinned in Cargo.toml (cargo install), the npm devDependencies from
# package-lock.json (binaryen's wasm-opt, playwright-core, axe-core) and Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14          # 0.22.x needs rustc >= 1.96 (../shared/TOOLCHAIN.md)
APP_MANIFEST=Cargo.toml
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' "$APP_MANIFEST" | head -n1)
: "${WASM_BINDGEN_VERSION:?$APP_MANIFEST must pin wasm-bindgen with = \"=x.y.z\"}"

log() { printf '[install-tools] %s\n' "$*"; }
die() { printf '[install-tools] error: %s\n' "$*" >&2; exit 1; }
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
# Version strings are captured before comparing: `cmd | grep -q` can kill cmd with SIGPIPE, which
# `pipefail` would report as a mismatch.
tool_version() { "$@" 2>/dev/null | head -n1 || true; }

want_browser=1; want_wasm=1
for arg in "$@"; do
  case "$arg" in
    --no-browser) want_browser=0 ;;
    --no-wasm) want_wasm=0 ;;
    *) die "unknown option $arg" ;;
  esac
done

command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first"
command -v npm >/dev/null || die "npm not found: install Node.js 20+ first"

installed_components=$(rustup component list --installed 2>/dev/null || true)
for component in clippy rustfmt; do
  if ! grep -q "^$component" <<<"$installed_components"; then
    log "adding rustup component $component"
    rustup component add "$component"
  fi
done

if [ "$want_wasm" = 1 ]; then
  if ! grep -qx wasm32-unknown-unknown <<<"$(rustup target list --installed)"; then
    log "adding rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  # The release wasm rebuilds std from its source (Makefile: RELEASE_BUILD).
  if ! grep -q "^rust-src" <<<"$installed_components"; then
    log "adding rustup component rust-src"
    rustup component add rust-src
  fi
  # Trunk runs cargo --offline, so every crate of the build must be in cargo's cache first: the workspace's,
  # and std's own (moto-rt, hashbrown, …: -Zbuild-std resolves them from the sysroot's library/Cargo.lock).
  # On a fresh machine neither is there until fetched; both are quick no-ops once cached.
  log "fetching the crates of the workspace and of std (for -Zbuild-std)"
  cargo fetch --quiet
  RUSTC_BOOTSTRAP=1 cargo fetch --quiet \
    --manifest-path "$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
  if [ "$(tool_version trunk --version)" != "trunk $TRUNK_VERSION" ]; then
    log "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
    cargo install --locked trunk --version "$TRUNK_VERSION" --force
  fi
  if [ "$(tool_version wasm-bindgen --version)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes on 2 cores)"
    # Not --locked: a locked transitive crate is missing from the registry mirror (../shared/TOOLCHAIN.md).
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
fi

# npm packages: reinstalled whenever package-lock.json changed since the last `npm ci`.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.grouplab-lock-sha256
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ] || [ ! -x node_modules/.bin/wasm-opt ]; then
  log "installing npm packages from package-lock.json (binaryen for wasm-opt, playwright-core, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" >"$stamp"
fi

if [ "$want_browser" = 1 ] && [ ! -x /usr/bin/chromium ]; then
  log "installing Debian chromium"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
log "tools ready: $(tool_version trunk --version), $(tool_version wasm-bindgen --version), $(tool_version wasm-opt --version)"
