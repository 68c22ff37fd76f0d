#!/usr/bin/env bash
# Installs what is missing, builds, annotates the sample article (data/sample/seed.txt) and prints
# the result; then builds the page and serves the annotator at http://127.0.0.1:8080 until
# interrupted (Ctrl-C). Extra arguments go to `belgi annotate` (e.g. --format jsonl).
# BELGI_NO_SERVE=1 stops after printing the annotated sample.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_native
log "annotating data/sample/seed.txt"
"$BELGI_BUILD/cli/belgi" annotate "$@" "$BELGI_ROOT/data/sample/seed.txt"
[ "${BELGI_NO_SERVE:-0}" = 1 ] && exit 0
if [ -f "$BELGI_ROOT/web/index.html" ]; then
  build_wasm site
  log "serving the annotator at http://127.0.0.1:8080 (Ctrl-C to stop)"
  exec python3 -m http.server --bind 127.0.0.1 --directory "$BELGI_WASM_BUILD/site" 8080
fi
