#!/usr/bin/env bash
# Regenerates core/src/text/char_tables.inc from the native ICU (see scripts/gen/char_tables.cpp).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_packages build-essential libicu-dev
tmp=$(mktemp -d)
g++ -O1 -o "$tmp/gen" "$BELGI_ROOT/scripts/gen/char_tables.cpp" -licuuc
"$tmp/gen" > "$BELGI_ROOT/core/src/text/char_tables.inc"
rm -rf "$tmp"
log "wrote core/src/text/char_tables.inc"
