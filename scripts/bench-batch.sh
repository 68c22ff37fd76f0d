#!/usr/bin/env bash
# Batch throughput benchmark (issue 8): builds a corpus of generated articles (KazNERD sentences
# joined into articles when ../shared/data/kaznerd exists, else the golden news texts repeated),
# then times `belgi annotate --format jsonl` with 1 and 2 jobs and reports MB/s, documents/s and
# peak memory at two input sizes. Prints a Markdown table; record it in docs/benchmarks.md.
# usage: scripts/bench-batch.sh [MB]   (default 100)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_native
MB=${1:-100}
WORK=${BELGI_BENCH_DIR:-$BELGI_CACHE/bench}
mkdir -p "$WORK"
BELGI="$BELGI_BUILD/cli/belgi"

make_corpus() {  # make_corpus MB OUT
  python3 - "$1" "$2" "$BELGI_ROOT" <<'PY'
import json, os, random, sys, glob
mb, out, root = int(sys.argv[1]), sys.argv[2], sys.argv[3]
kaz = os.path.join(root, "..", "shared", "data", "kaznerd", "valid.iob2")
sents = []
if os.path.exists(kaz):
    cur = []
    for line in open(kaz, encoding="utf-8"):
        if line.strip(): cur.append(line.split()[0])
        elif cur: sents.append(" ".join(cur)); cur = []
    src = "KazNERD valid.iob2 sentences"
else:
    for f in glob.glob(os.path.join(root, "tests", "golden", "*.gold.json")):
        sents += [s for s in json.load(open(f, encoding="utf-8"))["text"].split("\n") if s.strip()]
    src = "golden news paragraphs"
rng = random.Random(42)
size, n = 0, 0
with open(out, "w", encoding="utf-8") as f:
    while size < mb * 1_000_000:
        text = "\n\n".join(" ".join(rng.choice(sents) for _ in range(rng.randint(2, 6))) for _ in range(rng.randint(3, 10)))
        line = json.dumps({"id": f"doc{n}", "text": text}, ensure_ascii=False)
        f.write(line + "\n"); size += len(text.encode("utf-8")); n += 1
print(f"{n} articles, {size/1e6:.1f} MB of text from {src}", file=sys.stderr)
PY
}

measure() {  # measure FILE JOBS -> "seconds peak_kb"
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$BELGI" annotate "$1" --format jsonl --jobs "$2" -q \
    -o /dev/null || true
  cat "$WORK/time.txt"
}

ensure_packages time
echo "| input | text MB | docs | jobs | seconds | MB/s | docs/s | peak RSS MB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for size in $((MB / 10)) "$MB"; do
  corpus="$WORK/corpus-$size.jsonl"
  [ -f "$corpus" ] || make_corpus "$size" "$corpus"
  text_mb=$(python3 -c "import json,sys; print(round(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1], encoding='utf-8'))/1e6,1))" "$corpus")
  docs=$(wc -l < "$corpus")
  for jobs in 1 2; do
    read -r secs kb < <(measure "$corpus" "$jobs")
    python3 -c "
s,kb,mb,d,j=float('$secs'),int('$kb'),float('$text_mb'),int('$docs'),'$jobs'
print(f'| {\"$(basename "$corpus")\"} | {mb} | {d} | {j} | {s:.1f} | {mb/s:.2f} | {d/s:.0f} | {kb/1024:.0f} |')"
  done
done
echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%Y-%m-%d); belgi $("$BELGI" --version | head -1 | cut -d' ' -f2)"
