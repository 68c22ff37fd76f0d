#!/usr/bin/env python3
"""Builds the batch benchmark's corpus of DISTINCT text (issue 24): no sentence and no paragraph
appears twice, so the per-thread word caches meet the words as a newsroom archive would.

Sources (read from ../shared, never copied into the repository): every KazNERD sentence of
valid.iob2 and test-a.iob2 once (exact duplicates dropped), shuffled with a fixed seed and grouped
into articles of 3-10 paragraphs of 2-6 sentences; then the news-train articles as written, less
any paragraph already used. Without ../shared/data/kaznerd the golden news paragraphs are
REPEATED up to 1 MB: that corpus is marked "repeated" and its figures are not comparable.

usage: bench-corpus.py ROOT OUT.jsonl OUT.txt   (prints a JSON summary on stdout)
The .txt is every article joined by a blank line: the "one large document" input.
       bench-corpus.py --head KB IN.jsonl OUT.jsonl OUT.txt [N]
writes the first N records (by default, as many as hold KB kilobytes of text) and the same texts
as one document, and prints N: the inputs of the callgrind runs.
"""
import glob, json, os, random, sys

import iob2  # scripts/iob2.py



def head(kb, src, out_jsonl, out_txt, n=None):
    lines, size = [], 0
    for line in open(src, encoding="utf-8"):
        if n is not None and len(lines) >= n or n is None and size >= kb * 1000:
            break
        lines.append(line)
        size += len(json.loads(line)["text"].encode())
    open(out_jsonl, "w", encoding="utf-8").write("".join(lines))
    open(out_txt, "w", encoding="utf-8").write("\n\n".join(json.loads(l)["text"] for l in lines) + "\n")
    print(len(lines))


if sys.argv[1] == "--head":
    head(int(sys.argv[2]), *sys.argv[3:6], *(int(x) for x in sys.argv[6:7]))
    sys.exit(0)
root, out_jsonl, out_txt = sys.argv[1:4]
shared = os.path.join(root, "..", "shared", "data")
kaz = os.path.join(shared, "kaznerd")




def distinct_articles(rng):
    seen, sents = set(), []
    for name in ("valid.iob2", "test-a.iob2"):
        for s in iob2.sentences(os.path.join(kaz, name)):
            if s not in seen:
                seen.add(s)
                sents.append(s)
    rng.shuffle(sents)
    articles, i = [], 0
    while i < len(sents):
        paras = []
        for _ in range(rng.randint(3, 10)):
            k = rng.randint(2, 6)
            if i < len(sents):
                paras.append(" ".join(sents[i:i + k]))
            i += k
        articles.append(("kaznerd", paras))
    for f in sorted(glob.glob(os.path.join(shared, "news-train", "*.json"))):
        paras = [p for p in json.load(open(f, encoding="utf-8"))["text"].split("\n") if p.strip()]
        paras = [p for p in paras if p not in seen and not seen.add(p)]
        if paras:
            articles.append(("news-train", paras))
    return articles, f"{len(sents)} distinct KazNERD sentences + news-train articles"


def repeated_articles(rng):
    paras = []
    for f in sorted(glob.glob(os.path.join(root, "tests", "golden", "*.gold.json"))):
        paras += [p for p in json.load(open(f, encoding="utf-8"))["text"].split("\n") if p.strip()]
    articles, size = [], 0
    while size < 1_000_000:
        a = [rng.choice(paras) for _ in range(rng.randint(3, 10))]
        articles.append(("golden", a))
        size += sum(len(p.encode()) for p in a)
    return articles, "golden news paragraphs REPEATED (no KazNERD): not comparable"


rng = random.Random(42)
distinct = os.path.isdir(kaz)
articles, source = (distinct_articles if distinct else repeated_articles)(rng)
texts = ["\n\n".join(p) for _, p in articles]
if distinct:  # the promise of this corpus, checked rather than assumed
    all_paras = [p for _, ps in articles for p in ps]
    assert len(all_paras) == len(set(all_paras)), "a paragraph repeats"
with open(out_jsonl, "w", encoding="utf-8") as f:
    for n, t in enumerate(texts):
        f.write(json.dumps({"id": f"doc{n}", "text": t}, ensure_ascii=False) + "\n")
with open(out_txt, "w", encoding="utf-8") as f:
    f.write("\n\n".join(texts) + "\n")
print(json.dumps({"distinct": distinct, "source": source, "docs": len(texts),
                  "bytes": sum(len(t.encode()) for t in texts),
                  "doc_bytes": os.path.getsize(out_txt)}))
