#!/usr/bin/env python3
"""Scores QUOTE spans on the labelled KazNERD sentences (tests/data/quotes/kaznerd-quotes.jsonl).

usage: score_kaznerd.py BELGI_BINARY [JSONL] [--verbose]
A predicted quote matches a gold one when their character Jaccard is >= 0.5 (as score_docs.py).
Prints P/R/F1 and the number of sentences without a gold quote where a quote was reported
(names, titles and sayings taken for quotes)."""
import json, os, subprocess, sys, tempfile

def jaccard(a, b):
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return inter / union if union else 0.0

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    belgi = args[0]
    path = args[1] if len(args) > 1 else os.path.join(os.path.dirname(__file__), "..", "data", "quotes", "kaznerd-quotes.jsonl")
    verbose = "--verbose" in sys.argv
    rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    with tempfile.TemporaryDirectory() as d:
        files = []
        for i, r in enumerate(rows):
            p = os.path.join(d, f"{i:05d}.txt")
            open(p, "w", encoding="utf-8").write(r["text"])
            files.append(p)
        run = subprocess.run([belgi, "annotate", "--format", "jsonl"] + files, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit("belgi failed: " + run.stderr[:500])
        out = run.stdout
    docs = [json.loads(l) for l in out.splitlines() if l.strip()]
    tp = fp = fn = name_fp = 0
    for r, doc in zip(rows, docs):
        gold = [(r["text"].index(q), r["text"].index(q) + len(q)) for q in r["quotes"]]
        pred = [(s["start"], s["end"]) for s in doc["spans"] if s["type"] == "QUOTE"]
        used = set()
        for g in gold:
            best = next((i for i, p in enumerate(pred) if i not in used and jaccard(g, p) >= 0.5), None)
            if best is None:
                fn += 1
                if verbose: print("FN", r["id"], r["text"])
            else:
                used.add(best); tp += 1
        extra = len(pred) - len(used)
        fp += extra
        if extra and not gold: name_fp += 1
        if extra and verbose:
            print("FP", r["id"], r["text"], [r["text"][p[0]:p[1]] for i, p in enumerate(pred) if i not in used])
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * rc / (p + rc) if p + rc else 0.0
    print(f"sentences {len(rows)} gold quotes {tp + fn} predicted {tp + fp}")
    print(f"quotes P {p:.3f} R {rc:.3f} F1 {f:.3f} (tp {tp} fp {fp} fn {fn}); "
          f"sentences without a quote reported as quotes: {name_fp}")

main()
