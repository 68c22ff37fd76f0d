#!/bin/sh
# Word accuracy of the Latin -> Cyrillic converter (docs/latin.md) on the held-back tenth of
# langdata_kaz.wordlist (crc32(word) % 10 == 0), with a word table built without those words.
# usage: scripts/latin-accuracy.sh BELGI [LEXICONS_DIR]
set -eu
belgi=$1
lex=${2:-../shared/data/lexicons}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
here=$(dirname "$0")
python3 "$here/gen-latin-words.py" --measure "$lex" > "$tmp/table.tsv"
python3 "$here/gen-latin-words.py" --heldout "$lex" > "$tmp/heldout.tsv"
cut -f1 "$tmp/heldout.tsv" | "$belgi" latin --words 2018 --table "$tmp/table.tsv" > "$tmp/out2018"
cut -f2 "$tmp/heldout.tsv" | "$belgi" latin --words 2021 --table "$tmp/table.tsv" > "$tmp/out2021"
cut -f3 "$tmp/heldout.tsv" > "$tmp/gold"
for a in 2018 2021; do
  paste "$tmp/gold" "$tmp/out$a" | awk -F'\t' -v a=$a '
    { n++; if ($1 == $2) ok++ }
    END { printf "%s alphabet: %d of %d held-back word forms right (%.4f)\n", a, ok, n, ok / n }'
done
