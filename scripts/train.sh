#!/bin/sh
# Trains the entity model and writes data/model/ner.bin (deterministic: the same data gives the
# same bytes). Builds `belgi` first if needed. Prints the development-split scores.
# usage: scripts/train.sh [extra `belgi train` flags, e.g. --epochs 12]
# The training data is not in the repository: KazNERD (CC BY 4.0) is read from
# ../shared/data/kaznerd next to the checkout (or $BELGI_KAZNERD), the written-news articles
# from ../shared/data/news-train (or $BELGI_NEWS; their texts must never be copied here).
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
data=${BELGI_KAZNERD:-$repo/../shared/data/kaznerd}
if [ ! -f "$data/valid.iob2" ] || [ ! -f "$data/test-a.iob2" ]; then
  echo "train.sh: KazNERD not found in $data (need valid.iob2 and test-a.iob2)." >&2
  echo "  Put the KazNERD files there or set BELGI_KAZNERD=/path/to/kaznerd." >&2
  exit 2
fi
news=${BELGI_NEWS:-$repo/../shared/data/news-train}
if ! ls "$news"/*.json > /dev/null 2>&1; then
  echo "train.sh: news articles not found in $news (need *.json); set BELGI_NEWS=/path/to/news-train." >&2
  exit 2
fi
build=${BELGI_BUILD_DIR:-$repo/build}
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$build" --target belgi -j"$(nproc 2>/dev/null || echo 2)"
cd "$repo"
# --out FILE among the extra flags writes the model there instead (e.g. a model for measuring that
# must not replace the shipped one; --out '' writes none).
out=data/model/ner.bin
given=
prev=
for arg in "$@"; do
  case $arg in --out=*) out=${arg#--out=}; given=1 ;; esac
  if [ "$prev" = --out ]; then out=$arg; given=1; fi
  prev=$arg
done
if [ -n "$given" ]; then
  "$build/cli/belgi" train --data "$data" --news "$news" --lexicons data/lexicons "$@"
else
  "$build/cli/belgi" train --data "$data" --news "$news" --lexicons data/lexicons --out "$out" "$@"
fi
[ -n "$out" ] || exit 0
echo "wrote $out ($(wc -c < "$out") bytes, sha256 $(sha256sum "$out" | cut -c1-16)...)"
if [ "$out" = data/model/ner.bin ]; then echo "rebuild to embed it: cmake --build $build"; fi
