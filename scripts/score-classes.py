#!/usr/bin/env python3
"""Per-class entity scores of ../shared/tools/score_docs.py (which prints only the total).

usage: scripts/score-classes.py GOLD_DIR BELGI [FILE_PATTERN]
Runs score_docs.py --verbose, counts its FP/FN lines per class and the gold spans per class the
way score_docs.py keys them (type, start, end; the 9 name classes), and prints a table. With a
pattern (a regular expression on the gold file names), only matching files are scored: they are
linked into a temporary directory first."""
import collections, json, os, re, subprocess, sys, tempfile

ENTITY = ["PERSON", "GPE", "ORGANISATION", "POSITION", "EVENT", "FACILITY", "NORP", "LOCATION", "LAW"]


def main(gold_dir, belgi, pattern=None):
    here = os.path.dirname(os.path.abspath(__file__))
    scorer = os.path.join(here, "..", "..", "shared", "tools", "score_docs.py")
    if not os.path.exists(scorer):
        scorer = os.path.join(os.path.dirname(os.path.abspath(gold_dir)), "..", "tools", "score_docs.py")
    with tempfile.TemporaryDirectory() as tmp:
        names = sorted(n for n in os.listdir(gold_dir) if n.endswith(".json") and (not pattern or re.search(pattern, n)))
        for n in names:
            os.symlink(os.path.abspath(os.path.join(gold_dir, n)), os.path.join(tmp, n))
        out = subprocess.run([sys.executable, scorer, tmp, belgi, "--verbose"], capture_output=True, text=True, check=True).stdout
        gold = collections.Counter()
        for n in names:
            doc = json.load(open(os.path.join(gold_dir, n), encoding="utf-8"))
            gold.update(t for t, s, e in {(x["type"], x["start"], x["end"]) for x in doc["entities"]} if t in ENTITY)
    fp, fn = collections.Counter(), collections.Counter()
    for line in out.splitlines():
        m = re.match(r"\s+\S+ (FP|FN) (\S+) ", line)
        if m and m.group(2) in ENTITY:
            (fp if m.group(1) == "FP" else fn)[m.group(2)] += 1
    def row(name, tp, p, n):
        pr = tp / (tp + p) if tp + p else 0.0
        rc = tp / (tp + n) if tp + n else 0.0
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        print(f"| {name} | {pr:.3f} | {rc:.3f} | {f:.3f} | {tp + n} | {tp} / {p} / {n} |")
    print(f"{len(names)} documents")
    print("| class | P | R | F1 | gold | tp / fp / fn |\n|---|---|---|---|---|---|")
    for c in ENTITY:
        row(c, gold[c] - fn[c], fp[c], fn[c])
    tp = sum(gold.values()) - sum(fn.values())
    row("**all 9**", tp, sum(fp.values()), sum(fn.values()))
    print(out.strip().splitlines()[-1])


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(*sys.argv[1:4])
