#!/usr/bin/env bash
# Installs what is missing, builds, and annotates the sample article (data/sample/seed.txt),
# printing the result. Extra arguments go to `belgi annotate` (e.g. --format jsonl).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_native
log "annotating data/sample/seed.txt"
"$BELGI_BUILD/cli/belgi" annotate "$@" "$BELGI_ROOT/data/sample/seed.txt"
