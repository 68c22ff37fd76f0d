#!/bin/sh
# Trains the entity model and writes data/model/ner.bin (deterministic: the same data gives the
# same bytes). Builds `belgi` first if needed. Prints the development-split scores.
# usage: scripts/train.sh [extra `belgi train` flags, e.g. --epochs 12]
# The training data (KazNERD, CC BY 4.0) is not in the repository: it is read from
# ../shared/data/kaznerd next to the checkout, or from $BELGI_KAZNERD.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
data=${BELGI_KAZNERD:-$repo/../shared/data/kaznerd}
if [ ! -f "$data/valid.iob2" ] || [ ! -f "$data/test-a.iob2" ]; then
  echo "train.sh: KazNERD not found in $data (need valid.iob2 and test-a.iob2)." >&2
  echo "  Put the KazNERD files there or set BELGI_KAZNERD=/path/to/kaznerd." >&2
  exit 2
fi
build=${BELGI_BUILD_DIR:-$repo/build}
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$build" --target belgi -j"$(nproc 2>/dev/null || echo 2)"
cd "$repo"
"$build/cli/belgi" train --data "$data" --lexicons data/lexicons --out data/model/ner.bin "$@"
echo "wrote data/model/ner.bin ($(wc -c < data/model/ner.bin) bytes, sha256 $(sha256sum data/model/ner.bin | cut -c1-16)...)"
echo "rebuild to embed it: cmake --build $build"
