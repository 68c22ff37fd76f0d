#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for SECONDS (default 60),
# seeded from the test data. Corpora grow in ~/.cache/belgi/fuzz; a crash stops the run and
# leaves its input in ~/.cache/belgi/fuzz/findings/ (turn it into a test).
# usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SECONDS_EACH=${1:-60}
ensure_packages $BELGI_NATIVE_PACKAGES clang-14 libclang-rt-14-dev
BUILD=${BELGI_FUZZ_BUILD:-$BELGI_ROOT/build-fuzz}
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  CC=clang-14 CXX=clang++-14 cmake -S "$BELGI_ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DBELGI_FUZZ=ON -DBELGI_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$BUILD" -j "$(nproc)" --target fuzz_annotate fuzz_conll fuzz_jsonl fuzz_adapt -- --no-print-directory >/dev/null
CORPUS="$BELGI_CACHE/fuzz"
FINDINGS="$CORPUS/findings"
mkdir -p "$FINDINGS"
seed() {  # seed NAME FILES...
  local dir="$CORPUS/$1"; shift
  mkdir -p "$dir"
  for f in "$@"; do cp -n "$f" "$dir/" 2>/dev/null || true; done
}
seed annotate "$BELGI_ROOT"/data/sample/*.txt
python3 - "$BELGI_ROOT" "$CORPUS" <<'PY'
import json, glob, os, sys
root, corpus = sys.argv[1:3]
for i, f in enumerate(sorted(glob.glob(os.path.join(root, "tests/golden/*.gold.json")))):
    d = json.load(open(f, encoding="utf-8"))
    open(os.path.join(corpus, "annotate", f"golden{i}.txt"), "w", encoding="utf-8").write(d["text"])
    line = json.dumps({"id": d["id"], "text": d["text"][:2000], "date": d.get("dct") or ""}, ensure_ascii=False)
    os.makedirs(os.path.join(corpus, "jsonl"), exist_ok=True)
    open(os.path.join(corpus, "jsonl", f"rec{i}.json"), "w", encoding="utf-8").write(line)
PY
seed conll "$BELGI_ROOT"/tests/data/kaznerd-sample.iob2
# fuzz_adapt: an odd first byte and a gold document; an even one and an adaptation file.
mkdir -p "$CORPUS/adapt"
for f in "$BELGI_ROOT"/tests/golden/0*.gold.json; do
  { printf '\001'; cat "$f"; } > "$CORPUS/adapt/doc-$(basename "$f")"
done
if [ -x "$BELGI_ROOT/build/cli/belgi" ] &&
   "$BELGI_ROOT/build/cli/belgi" adapt "$BELGI_ROOT"/tests/golden/01.gold.json -o "$CORPUS/adapt.bin" 2>/dev/null; then
  { printf '\000'; cat "$CORPUS/adapt.bin"; } > "$CORPUS/adapt/adaptation-01"
fi
status=0
for name in annotate conll jsonl adapt; do
  log "fuzz_$name for ${SECONDS_EACH}s"
  if ! "$BUILD/fuzz/fuzz_$name" "$CORPUS/$name" -max_total_time="$SECONDS_EACH" -max_len=16384 \
       -timeout=10 -rss_limit_mb=4096 -artifact_prefix="$FINDINGS/$name-" -print_final_stats=1 \
       2> "$CORPUS/$name.log"; then
    echo "fuzz_$name found a problem: see $CORPUS/$name.log and $FINDINGS" >&2
    tail -30 "$CORPUS/$name.log" >&2
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$CORPUS/$name.log" | tr '\n' ' '
    echo
  fi
done
exit $status
