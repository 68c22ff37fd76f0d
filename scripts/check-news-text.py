#!/usr/bin/env python3
"""Reads ../shared (not in a fresh clone): lists the places where the repository repeats text of
../shared/data/news-train, whose articles belong to their sites and must not be copied here.

A hit is a run of N words (default 6, lower-cased, \\w+ words) that occurs in a news-train article
and in a tracked file, and in neither KazNERD nor the examples (public data the repository may
quote). Short formulas of the news (`... министрлігінің баспасөз қызметі хабарлады`, date
expressions) are hits too: read them and judge; sentences of an article are never acceptable.

usage: scripts/check-news-text.py [N]      (exit 1 if any hit, 2 if ../shared is missing)"""
import json, os, re, subprocess, sys

import iob2  # scripts/iob2.py

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
WORD = re.compile(r"\w+")


def grams(text, n):
    w = [x.lower() for x in WORD.findall(text)]
    return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}


def json_texts(folder):
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                yield json.load(f)["text"]




def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 6
    news_dir = os.path.join(SHARED, "data", "news-train")
    if not os.path.isdir(news_dir):
        print(f"{news_dir} not found: this check needs ../shared", file=sys.stderr)
        return 2
    news = set()
    for t in json_texts(news_dir):
        news |= grams(t, n)
    for f in ("valid.iob2", "test-a.iob2"):
        for s in iob2.sentences(os.path.join(SHARED, "data", "kaznerd", f)):
            news -= grams(s, n)
    for t in json_texts(os.path.join(SHARED, "examples")):
        news -= grams(t, n)
    files = subprocess.run(["git", "-C", ROOT, "ls-files"], capture_output=True, text=True, check=True).stdout.split()
    hits = 0
    for f in files:
        try:
            with open(os.path.join(ROOT, f), encoding="utf-8") as fh:
                text = fh.read()
        except (UnicodeDecodeError, OSError):
            continue
        for g in sorted(grams(text, n) & news):
            print(f"{f}: {' '.join(g)}")
            hits += 1
    print(f"{hits} runs of {n} words shared with news-train", file=sys.stderr)
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
