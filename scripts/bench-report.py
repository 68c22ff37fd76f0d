#!/usr/bin/env python3
"""Prints the tables of scripts/bench-batch.sh's default mode from the files it left in WORK:
corpus.json, tokens.txt, distinct-times.txt, and callgrind's cg-1.* / cg-N.* (the first record,
then the first N records). usage: bench-report.py WORK JSONL DOC"""
import json, os, re, statistics, sys

work, jsonl, doc = sys.argv[1:4]
corpus = json.load(open(os.path.join(work, "corpus.json")))
tokens = sum(int(x) for x in open(os.path.join(work, "tokens.txt")).read().split())

if not corpus["distinct"]:
    print("**REPEATED TEXT: ../shared/data/kaznerd is absent, so the corpus repeats the golden "
          "paragraphs. The word caches answer most words: NOT comparable with distinct-text figures.**\n")
print(f"corpus: {corpus['source']}; {corpus['docs']} JSONL records, {corpus['bytes']:,} bytes of "
      f"text; one document of {corpus['doc_bytes']:,} bytes; {tokens:,} tokens (CoNLL lines)\n")

runs = {}
for line in open(os.path.join(work, "distinct-times.txt")):
    r, case, load, e, u, s, kb, faults = line.split()
    runs.setdefault(case, []).append((int(r), float(e), float(u) + float(s), int(kb), float(load),
                                      float(s), int(faults)))
print("| input | jobs | runs | load avg (1 min) | median s | MB/s | tokens/s | median CPU s (of it system) | MB per CPU s | page faults | peak RSS MB |")
print("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
med = {}
for case in ("doc:1", "jsonl:1", "jsonl:2"):
    rs = runs.get(case, [])
    if not rs:
        continue
    kind, jobs = case.split(":")
    size = corpus["doc_bytes"] if kind == "doc" else corpus["bytes"]
    e = statistics.median(x[1] for x in rs)
    c = statistics.median(x[2] for x in rs)
    med[case] = e
    loads = [x[4] for x in rs]
    name = "one document" if kind == "doc" else "JSONL records"
    print(f"| {name} | {jobs} | {len(rs)} | {min(loads):.2f}–{max(loads):.2f} | {e:.3f} | "
          f"{size / 1e6 / e:.2f} | {tokens / e:,.0f} | {c:.2f} ({statistics.median(x[5] for x in rs):.2f}) | "
          f"{size / 1e6 / c:.2f} | {statistics.median(x[6] for x in rs):,.0f} | {max(x[3] for x in rs) / 1024:.0f} |")
if "jsonl:1" in runs and "jsonl:2" in runs:
    one = {x[0]: x[1] for x in runs["jsonl:1"]}
    ratios = sorted(one[r] / e for r, e, *_ in runs["jsonl:2"] if r in one)
    print(f"\n--jobs 2 against --jobs 1 (JSONL): {med['jsonl:1'] / med['jsonl:2']:.2f}× (medians); "
          f"per round {', '.join(f'{x:.2f}' for x in ratios)} (median {statistics.median(ratios):.2f}×)")
    if "pair:1" in runs:
        # Two 1-job processes at once, each over the whole corpus: twice the work of one in the
        # time the pair took is what this host's two cores give this program with nothing shared
        # (its clock drops when both are busy), the ceiling of --jobs 2's ratio.
        pair = {x[0]: x[1] for x in runs["pair:1"]}
        two = {x[0]: x[1] for x in runs["jsonl:2"]}
        ceil = sorted(2 * one[r] / e for r, e in pair.items() if r in one)
        share = sorted(pair[r] / 2 / two[r] for r in pair if r in two)
        print(f"two 1-job processes at once, each over the whole JSONL (the host's two-core ceiling): "
              f"{2 * med['jsonl:1'] / statistics.median(pair.values()):.2f}× (medians); per round "
              f"{', '.join(f'{x:.2f}' for x in ceil)} (median {statistics.median(ceil):.2f}×); half the pair's "
              f"time against --jobs 2's (1 = as fast as two separate processes): per round "
              f"{', '.join(f'{x:.2f}' for x in share)} (median {statistics.median(share):.2f})")

# callgrind
counts = {}
cg = os.path.join(work, "cg-counts.txt")
for line in open(cg) if os.path.exists(cg) else []:
    m, total = line.split()
    counts[int(m)] = int(total.replace(",", ""))
if len(counts) < 2:
    sys.exit(0)
n = max(counts)
texts = [json.loads(l)["text"].encode() for l in open(jsonl, encoding="utf-8")]
size = sum(map(len, texts[1:n]))
net = counts[n] - counts[1]
print(f"\ncallgrind, JSONL records 2 to {n} ({size:,} bytes of text), 1 job: "
      f"{net / 1e6:,.0f} M instructions, **{net / size:.0f} per byte** (a run over records 1..{n} "
      f"less one over record 1)\n")

doc_counts = {}
for line in open(os.path.join(work, "cg-doc-counts.txt")):
    m, total = line.split()
    doc_counts[int(m)] = int(total.replace(",", ""))
if len(doc_counts) == 2:
    dnet, dsize = doc_counts[n] - doc_counts[1], size + 2 * (n - 1)
    print(f"the same records as one document (joined by blank lines): {dnet / 1e6:,.0f} M "
          f"instructions, **{dnet / dsize:.0f} per byte** (less the first record as a document)\n")

STAGES = [  # (stage, regex on the function name, from its start), inclusive costs
    # With one job the calling thread reads, annotates and writes each batch in turn (speed12p),
    # so read_inputs() holds the whole run: not a stage of its own any more.
    ("JSONL record parsing", r"^belgi::cli::finish_record\("),
    ("writing in order (ResultWriter::write)", r"^belgi::cli::ResultWriter::write\("),
    ("tokenizer", r"^belgi::text::tokenize\("),
    ("sentence split", r"^belgi::text::split_sentences\("),
    ("entities, all", r"^belgi::entities::EntityRecognizer::run\("),
    ("  emissions (features + weights, word cache)", r"^belgi::entities::(\(anonymous namespace\)::)?emissions_into\("),
    ("    word analysis on a cache miss", r"^belgi::entities::analyze_token\("),
    ("    context features", r"^belgi::entities::FeatureExtractor::extract_context\("),
    # add_groups: the context features' weights and, since speed5, the new words' sums too.
    ("    feature weights looked up", r"^belgi::entities::(add_groups|\(anonymous namespace\)::add_extracted)\("),
    ("  Viterbi + margins", r"^belgi::entities::viterbi\("),
    ("dates (DateRecognizer)", r"^belgi::dates::DateRecognizer::run\("),
    ("  dates word analysis", r"^belgi::dates::analyze\("),
    ("datelines", r"^belgi::dates::DatelineRecognizer::run\("),
    ("quotes", r"^belgi::quotes::\(anonymous namespace\)::QuoteRecognizer::run\("),
    ("JSON writing", r"^belgi::to_json"),
    # The CLI is linked statically where it can be (cli/CMakeLists.txt): then libc.a's malloc
    # has no source file in callgrind's listing ("???:malloc", read as "malloc").
    ("malloc + free (everywhere)", r"^(\./malloc/\./malloc/malloc\.c:)?(malloc|free) "),
]


def inclusive(path):
    costs = {}
    for line in open(path, encoding="utf-8", errors="replace"):
        m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(?:\?\?\?:)?(.*)", line)
        if not m:
            continue
        name, ir = m.group(2), int(m.group(1).replace(",", ""))
        for stage, rx in STAGES:
            if re.search(rx, name):
                costs[stage] = costs.get(stage, 0) + ir
    return costs


a, b = inclusive(os.path.join(work, "cg-1.txt")), inclusive(os.path.join(work, f"cg-{n}.txt"))
print("| stage (inclusive; nested rows are part of the row above) | instructions | per byte | share |")
print("|---|---:|---:|---:|")
for stage, _ in STAGES:
    d = b.get(stage, 0) - a.get(stage, 0)
    label = stage.lstrip(" ")
    label = "&nbsp;" * (len(stage) - len(label)) + label  # Markdown keeps the nesting visible
    print(f"| {label} | {d / 1e6:,.2f} M | {d / size:.0f} | {100 * d / net:.1f}% |")


def calls(path, rx):
    """Sum of the calls made to the functions matching rx (callgrind_annotate --tree=caller)."""
    total, callers = 0, []
    for line in open(path, encoding="utf-8", errors="replace"):
        if line.lstrip(" 0123456789,().%").startswith("<"):
            m = re.search(r"\(([\d,]+)x\)", line)
            callers.append(int(m.group(1).replace(",", "")) if m else 0)
        elif re.match(r"\s*[\d,]+ \(.*\)\s+\*", line):
            if re.search(rx, line):
                total += sum(callers)
            callers = []
        else:
            callers = []
    return total


tok_n = sum(int(x) for x in open(os.path.join(work, "tokens-head.txt")).read().split())
tok_1 = sum(int(x) for x in open(os.path.join(work, "tokens-first.txt")).read().split())
toks = tok_n - tok_1
print(f"\nword caches, records 2 to {n} ({toks:,} tokens), read from the calls that fill them:\n")
print("| cache | misses (calls) | tokens | hit rate |")
print("|---|---:|---:|---:|")
for name, rx in (("entity tagger (WordCache::get → analyze_token)", r"\* .*belgi::entities::analyze_token\("),
                 ("date words (dates::analyze → analyze_word)", r"\* .*dates::\(anonymous namespace\)::analyze_word\(")):
    miss = calls(os.path.join(work, f"cg-{n}-calls.txt"), rx) - calls(os.path.join(work, "cg-1-calls.txt"), rx)
    print(f"| {name} | {miss:,} | {toks:,} | {100 * (1 - miss / toks):.1f}% |")
