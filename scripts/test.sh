#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test suite (CTest: the doctest suites, the CLI
# tests and the golden documents). Usage: ./scripts/test.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_native
log "running tests"
cd "$BELGI_BUILD"
ctest --output-on-failure -j "$(nproc)"
