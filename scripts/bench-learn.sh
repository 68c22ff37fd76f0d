#!/usr/bin/env bash
# Prints how long learning one 1,000-word document from its corrections takes in Chromium
# (issue 21; target 50 ms): bench/wasm/learn.mjs says what is measured. Extra arguments go to it
# (--runs N).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_wasm site
node "$BELGI_ROOT/bench/wasm/learn.mjs" "$BELGI_WASM_BUILD/site" "$@"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(chromium --version 2>/dev/null); $(date -u '+%Y-%m-%d %H:%M UTC')"
