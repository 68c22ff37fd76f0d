# Shared by the scripts: installing Debian packages that are missing, building natively.
# Source it; do not run it.

BELGI_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BELGI_CACHE=${BELGI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/belgi}
BELGI_BUILD=${BELGI_BUILD:-$BELGI_ROOT/build}

# Packages the native build and the tests need (Debian 12 names).
BELGI_NATIVE_PACKAGES="build-essential cmake python3 libicu-dev nlohmann-json3-dev doctest-dev libcli11-dev parallel"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs the given Debian packages if any is missing (needs root, or sudo).
ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Configures (once) and builds the native tree in $BELGI_BUILD.
build_native() {
  ensure_packages $BELGI_NATIVE_PACKAGES
  if [ ! -f "$BELGI_BUILD/CMakeCache.txt" ]; then
    log "configuring $BELGI_BUILD"
    cmake -S "$BELGI_ROOT" -B "$BELGI_BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
  fi
  log "building"
  cmake --build "$BELGI_BUILD" -j "$(nproc)" -- --no-print-directory
}

# Packages for the WebAssembly build and its tests (Node runs the wasm test suites).
BELGI_WASM_PACKAGES="emscripten binaryen dpkg-dev chromium"
BELGI_WASM_BUILD=${BELGI_WASM_BUILD:-$BELGI_ROOT/build-wasm}

# Builds ICU for wasm (cached), then the core, the module and the npm package in
# $BELGI_WASM_BUILD (the package is assembled in $BELGI_WASM_BUILD/wasm/pkg). An argument names
# one target to build (e.g. `site`); none builds everything, the wasm test suites included.
build_wasm() {
  ensure_packages $BELGI_WASM_PACKAGES
  # Node and npm: Debian's packages unless the machine already has a Node.js with its own npm.
  command -v node >/dev/null || ensure_packages nodejs
  command -v npm >/dev/null || ensure_packages npm
  local icu
  icu=$("$BELGI_ROOT/scripts/build-icu-wasm.sh")
  export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}  # emcc's acorn, see docs/architecture.md
  if [ ! -f "$BELGI_WASM_BUILD/CMakeCache.txt" ]; then
    log "configuring $BELGI_WASM_BUILD"
    emcmake cmake -S "$BELGI_ROOT" -B "$BELGI_WASM_BUILD" -DCMAKE_BUILD_TYPE=Release \
      -DBELGI_ICU_WASM_DIR="$icu" -DBELGI_NATIVE_CLI="$BELGI_BUILD/cli/belgi" \
      -DBELGI_BUILD_BENCH=OFF >/dev/null
  fi
  log "building wasm"
  cmake --build "$BELGI_WASM_BUILD" -j "$(nproc)" ${1:+--target "$1"} -- --no-print-directory
}
