#!/usr/bin/env bash
# Prints the WebAssembly budgets (sizes, page load to first result, 5,000-word article time).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_native
build_wasm site
node "$BELGI_ROOT/bench/wasm/budget.mjs" "$BELGI_WASM_BUILD/site"
echo "machine: $(nproc) cores; $(date -u +%Y-%m-%d)"
