#!/usr/bin/env bash
# Prints the WebAssembly budgets (sizes, page load to first result, 5,000-word article time).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_native
build_wasm site
[ -d "$BELGI_ROOT/tests/web/node_modules/playwright-core" ] || (cd "$BELGI_ROOT/tests/web" && npm install --no-audit --no-fund --silent) || true
node "$BELGI_ROOT/bench/wasm/budget.mjs" "$BELGI_WASM_BUILD/site"
echo "machine: $(nproc) cores; $(date -u +%Y-%m-%d)"
