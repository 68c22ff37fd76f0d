#!/usr/bin/env bash
# What a page's first result costs the main thread, in instructions rather than milliseconds:
# unlike a page-load time on a shared VM, the count is the same run after run.
#
# Node runs the package as Chromium does on a cold load: V8 compiles each wasm function on its
# first call, with its baseline compiler only (--wasm-lazy-compilation --liftoff-only), and
# --single-threaded --predictable keep all work on one thread, in the same order every time.
# valgrind's callgrind counts the instructions of each stage of bench/wasm/startup.mjs; the
# difference between consecutive stages is what that stage costs (compiling and running).
# Node 20's V8 is older than Chromium's, so the figures compare builds, not browsers.
#
# usage: bench/wasm/startup.sh [PKG_DIR]   (default: build-wasm/wasm/pkg; needs valgrind)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
pkg=$(cd "${1:-$root/build-wasm/wasm/pkg}" && pwd)
command -v valgrind >/dev/null || { echo "startup.sh: needs valgrind" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

count() {  # instructions of stage $1
  env -i PATH="$PATH" valgrind --tool=callgrind --callgrind-out-file="$out/cg.$1" \
    node --predictable --random-seed=42 --hash-seed=42 --single-threaded \
    --wasm-lazy-compilation --liftoff-only \
    "$root/bench/wasm/startup.mjs" "$pkg" "$root/data/sample/seed.txt" "$1" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

names=("import + init()" "creating the annotator" "first annotate() of the sample" "second annotate()")
prev=
echo "$pkg ($(wc -c < "$pkg/belgi-core.wasm") bytes of wasm)"
for stage in 0 1 2 3; do
  n=$(count $stage)
  if [ -z "$n" ]; then echo "startup.sh: stage $stage failed" >&2; exit 1; fi
  if [ -n "$prev" ]; then
    awk -v d=$((n - prev)) -v s="${names[$stage]}" 'BEGIN { printf "  %-32s %7.1f M instructions\n", s, d / 1e6 }'
  else
    awk -v d="$n" -v s="${names[0]}" 'BEGIN { printf "  %-32s %7.1f M instructions (Node start-up included)\n", s, d / 1e6 }'
  fi
  prev=$n
done
