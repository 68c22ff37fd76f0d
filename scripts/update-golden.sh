#!/usr/bin/env bash
# Regenerates tests/golden/expected/*.json from the current build. Review `git diff` after.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_native
python3 "$BELGI_ROOT/tests/golden/golden.py" "$BELGI_BUILD/cli/belgi" --update
git -C "$BELGI_ROOT" diff --stat -- tests/golden/expected || true
