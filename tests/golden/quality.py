#!/usr/bin/env python3
"""Quality floors: the golden documents' gold annotations (tests/golden/*.gold.json, the 11 real
news excerpts of the project's examples) scored against what the CLI makes of their texts, one
figure per layer, each failing below its floor in floors.json.

The scoring is that of the held-out scorer (score_docs.py in the project's shared tools), so the
figures here equal the ones it prints for the examples:
- entities: exact (type, start, end) matches over the 9 name classes, micro P/R/F1;
- dates: the same for DATE and TIME, and value accuracy over the matched spans with a gold value;
- quotes: a prediction matches a gold quote at Jaccard overlap >= 0.5 (greedy, each once): overlap
  F1; exact F1 on boundaries trimmed of spaces and punctuation; speaker accuracy over matches.

A floor sits a few points under the figure measured when it was set, so that a change that loses
entities (a broken model, a rule that eats spans) fails here instead of regenerating the golden
outputs and passing. Raise the floors as quality rises; never lower one to make a change pass.

usage: quality.py BELGI [--print]    --print shows the figures and floors without failing."""
import collections, json, os, sys

from golden import HERE, annotate

ENTITY = {"PERSON", "ORGANISATION", "GPE", "LOCATION", "FACILITY", "EVENT", "POSITION", "LAW", "NORP"}
TEMPORAL = {"DATE", "TIME"}
TRIM = set(" \t\n\u00a0«»„“”\"'.,;:!?-–—()")


def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def trimmed(text, s, e):
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM:
        e -= 1
    return s, e


def jaccard(a, b):
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return inter / union if union else 0.0


def overlaps(a, b):
    return a is not None and b is not None and min(a[1], b[1]) > max(a[0], b[0])


def part(obj):
    return (obj["start"], obj["end"]) if isinstance(obj, dict) and "start" in obj else None


def score_spans(c, key, gold, pred, kinds):
    g = {(s["type"], s["start"], s["end"]): s for s in gold if s["type"] in kinds}
    p = {(s["type"], s["start"], s["end"]): s for s in pred if s["type"] in kinds}
    c[key + "_tp"] += len(g.keys() & p.keys())
    c[key + "_fp"] += len(p.keys() - g.keys())
    c[key + "_fn"] += len(g.keys() - p.keys())
    for k in g.keys() & p.keys():
        if "value" in g[k]:
            c[key + "_val_n"] += 1
            c[key + "_val_ok"] += p[k].get("value") == g[k]["value"]


def score_quotes(c, text, gold, pred):
    pq = [s for s in pred if s["type"] == "QUOTE"]
    used = set()
    for q in gold:
        span, best, bj = (q["start"], q["end"]), None, 0.5
        for i, s in enumerate(pq):
            j = jaccard(span, (s["start"], s["end"]))
            if i not in used and j >= bj:
                best, bj = i, j
        if best is None:
            c["q_fn"] += 1
            continue
        used.add(best)
        s = pq[best]
        c["q_tp"] += 1
        c["q_exact"] += trimmed(text, *span) == trimmed(text, s["start"], s["end"])
        gs, ps = part(q.get("speaker")), part(s.get("speaker"))
        c["q_speaker"] += (gs is None and ps is None) or overlaps(gs, ps)
    c["q_fp"] += len(pq) - len(used)


def measure(belgi):
    c = collections.Counter()
    for name in sorted(n for n in os.listdir(HERE) if n.endswith(".gold.json")):
        gold = json.load(open(os.path.join(HERE, name), encoding="utf-8"))
        pred = annotate(belgi, gold)["spans"]
        if gold.get("scope") != "quotes":
            score_spans(c, "ent", gold["entities"], pred, ENTITY)
            score_spans(c, "tmp", gold["entities"], pred, TEMPORAL)
        score_quotes(c, gold["text"], gold["quotes"], pred)
    exact_fp = c["q_tp"] + c["q_fp"] - c["q_exact"]
    exact_fn = c["q_tp"] + c["q_fn"] - c["q_exact"]
    return {
        "entity_f1": f1(c["ent_tp"], c["ent_fp"], c["ent_fn"]),
        "date_f1": f1(c["tmp_tp"], c["tmp_fp"], c["tmp_fn"]),
        "date_value_accuracy": c["tmp_val_ok"] / c["tmp_val_n"] if c["tmp_val_n"] else 0.0,
        "quote_f1": f1(c["q_tp"], c["q_fp"], c["q_fn"]),
        "quote_exact_f1": f1(c["q_exact"], exact_fp, exact_fn),
        "speaker_accuracy": c["q_speaker"] / c["q_tp"] if c["q_tp"] else 0.0,
    }


def main(belgi, show_only):
    floors = json.load(open(os.path.join(HERE, "floors.json"), encoding="utf-8"))["floors"]
    got = measure(belgi)
    failed = 0
    for key, value in got.items():
        floor = floors[key]
        ok = value >= floor
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {key:20s} {value:.3f} (floor {floor:.3f})")
    print(f"{len(got) - failed} passed, {failed} failed")
    return 0 if show_only or not failed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], "--print" in sys.argv))
