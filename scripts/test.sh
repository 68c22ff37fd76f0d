#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test suite:
#   1. native: the doctest suites, the CLI and batch tests, the golden documents (CTest);
#   2. WebAssembly: the same doctest suites compiled to wasm under Node, the JavaScript package
#      (API, errors, tarball, native/wasm identity) and the page in Chromium (CTest);
#   3. hardening: each fuzzer briefly, then the whole native suite again under ASan + UBSan.
# Usage: ./scripts/test.sh        BELGI_FUZZ_SECONDS=N sets the fuzzing time per target (15).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_native
build_wasm
if [ -f "$BELGI_ROOT/tests/web/package.json" ]; then
  log "installing the browser test tools (npm, tests/web)"
  (cd "$BELGI_ROOT/tests/web" && npm ci --no-audit --no-fund --silent)
fi
log "native tests"
(cd "$BELGI_BUILD" && ctest --output-on-failure -j "$(nproc)")
log "WebAssembly tests"
(cd "$BELGI_WASM_BUILD" && ctest --output-on-failure -j "$(nproc)")
log "fuzzing each target for ${BELGI_FUZZ_SECONDS:-15}s"
"$BELGI_ROOT/scripts/fuzz.sh" "${BELGI_FUZZ_SECONDS:-15}"
log "native tests under AddressSanitizer and UndefinedBehaviorSanitizer"
cmake --build "$BELGI_ROOT/build-fuzz" -j "$(nproc)" -- --no-print-directory >/dev/null
# A sanitizer report must fail the run even where a test expects `belgi` to exit 1 (bad input) or
# reads only its output: reports exit 86/87, a code no test expects, and are written to files
# (log_path, one per process) that must stay empty, whatever the test did with stderr.
reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT
(cd "$BELGI_ROOT/build-fuzz" &&
  ASAN_OPTIONS="detect_leaks=1:exitcode=86:log_path=$reports/asan" \
  UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:exitcode=87:log_path=$reports/ubsan" \
  ctest --output-on-failure -j "$(nproc)") || status=$?
if compgen -G "$reports/*" >/dev/null; then
  log "sanitizer reports:"
  cat "$reports"/* >&2
  exit 1
fi
exit "${status:-0}"
