#!/usr/bin/env bash
# Shared by scripts/dev and scripts/test: install the pinned build tools when missing.
# Every step checks first, so a second run costs a few version probes and nothing more.
# Versions come from ../TOOLCHAIN facts: trunk 0.21.14 (0.22 needs a newer rustc),
# wasm-bindgen-cli equal to Cargo.lock's wasm-bindgen, npm binaryen 132 (never Debian's).

set -euo pipefail

PATCHBAY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132.0.0"
TOOLS_DIR="$PATCHBAY_ROOT/.tools"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# The wasm-bindgen version pinned in Cargo.toml (`=V`); the CLI must match it exactly.
wasm_bindgen_version() {
  sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' \
    "$PATCHBAY_ROOT/Cargo.toml" | head -n 1
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
    log "installing trunk $TRUNK_VERSION (about 9 minutes on 2 cores, once)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_version)"
  if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $want"; then
    log "installing wasm-bindgen-cli $want (about 5 minutes on 2 cores, once)"
    # --locked fails for this crate: its lockfile names a version the registry lacks.
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

ensure_wasm_opt() {
  local bin="$TOOLS_DIR/node_modules/.bin"
  if ! "$bin/wasm-opt" --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
    log "installing wasm-opt (npm binaryen $BINARYEN_VERSION)"
    mkdir -p "$TOOLS_DIR"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" "binaryen@$BINARYEN_VERSION"
  fi
  export PATH="$bin:$PATH"
}

# Debian's Chromium and its driver: browser tests and Playwright use them; nothing downloads one.
ensure_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing chromium and chromium-driver from Debian"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

# npm packages of the end-to-end suite (playwright-core, axe-core), from its lockfile.
ensure_e2e_packages() {
  local dir="$PATCHBAY_ROOT/tests/e2e"
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    log "installing end-to-end test packages"
    (cd "$dir" && npm ci --silent --no-audit --no-fund)
  fi
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_wasm_bindgen
  ensure_trunk
  ensure_wasm_opt
}

# nginx, run by the end-to-end tests with the shipped deploy/nginx.conf.template (never the
# system service).
ensure_nginx() {
  local module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
  if { ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; } || [ ! -f "$module" ]; then
    log "installing nginx and its brotli_static module from Debian"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends nginx libnginx-mod-http-brotli-static >/dev/null
  fi
}

# rustfmt and clippy come with the toolchain on most machines; add them where they do not.
ensure_rust_components() {
  cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
  cargo clippy --version >/dev/null 2>&1 || rustup component add clippy
}

# Fails with a clear message when a port this script needs is taken.
require_free_port() {
  local port="$1" what="$2"
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port (for $what) is already in use; stop whatever listens there and run again." >&2
    exit 1
  fi
}

# Starts the sandbox in the background on a port; the caller's EXIT trap stops it.
start_sandbox() {
  local port="$1"
  shift
  require_free_port "$port" "the vendor sandbox"
  "$PATCHBAY_ROOT/target/debug/vendor-sandbox" --port "$port" "$@" &
  SANDBOX_PID=$!
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    kill -0 "$SANDBOX_PID" 2>/dev/null || { echo "the sandbox did not start" >&2; exit 1; }
    sleep 0.1
  done
  echo "the sandbox did not open port $port" >&2
  exit 1
}
