#!/usr/bin/env bash
# Installs what is missing, builds natively and to WebAssembly, and runs every test suite:
# native CTest (doctest suites, CLI, golden documents), then the same doctest suites compiled to
# wasm under Node, and the JavaScript package (API, errors, tarball, native/wasm identity).
# Usage: ./scripts/test.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_native
build_wasm
log "running native tests"
(cd "$BELGI_BUILD" && ctest --output-on-failure -j "$(nproc)")
log "running WebAssembly tests"
(cd "$BELGI_WASM_BUILD" && ctest --output-on-failure -j "$(nproc)")
