#!/usr/bin/env python3
"""A/B clock of two builds of `belgi` on the distinct-text corpus (issue 24).

usage: scripts/bench-ab.py BASE_BIN CUR_BIN [ROUNDS] [RAW_OUT]
The corpus is the one scripts/bench-batch.sh builds ($BELGI_CACHE/bench/distinct.{jsonl,txt},
default ~/.cache/belgi/bench; run bench-batch.sh once first). In each of ROUNDS rounds (default 9)
the two builds take turns over five cases: the corpus as one document, as JSONL with --jobs 1 and
2, and as JSONL with the rules and then also the model disabled (what the tokenizer, the tagger
and JSON cost alone). Elapsed time by perf_counter (this host's noise is far above its
resolution; /usr/bin/time's 10 ms are not), CPU and page faults from wait4(). Prints medians as a
Markdown table, and --jobs 2 against --jobs 1 per round. The host's clock is noisy: the builds
alternate so that both meet the same minutes, and the load is printed beside."""
import collections, os, statistics as st, subprocess, sys, time

def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    bins = {"base": sys.argv[1], "cur": sys.argv[2]}
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 9
    cache = os.environ.get("BELGI_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "belgi")
    bench = os.environ.get("BELGI_BENCH_DIR") or os.path.join(cache, "bench")
    files = {"doc": os.path.join(bench, "distinct.txt"), "jsonl": os.path.join(bench, "distinct.jsonl")}
    for f in files.values():
        if not os.path.exists(f):
            sys.exit(f"bench-ab.py: {f} is missing: run scripts/bench-batch.sh once to build the corpus")
    size = {"doc": os.path.getsize(files["doc"]), "jsonl": text_bytes(files["jsonl"])}
    cases = ["doc:1:", "jsonl:1:", "jsonl:2:", "jsonl:1:dateline,dates,quotes",
             "jsonl:1:model,dateline,dates,quotes"]
    rows = []
    for r in range(rounds):
        for b in ("base", "cur"):
            for c in cases:
                kind, jobs, off = c.split(":")
                args = [bins[b], "annotate", files[kind], "--format", "jsonl", "--jobs", jobs, "-q",
                        "-o", os.devnull] + (["--disable", off] if off else [])
                load = float(open("/proc/loadavg").read().split()[0])
                t0 = time.perf_counter()
                p = subprocess.Popen(args)
                _, status, ru = os.wait4(p.pid, 0)
                t1 = time.perf_counter()
                if status != 0:
                    sys.exit(f"bench-ab.py: {' '.join(args)} failed ({status})")
                rows.append((r, b, f"{kind}:{jobs}:{off or 'all'}", load, t1 - t0,
                             ru.ru_utime + ru.ru_stime, ru.ru_stime, ru.ru_minflt, ru.ru_maxrss))
    if len(sys.argv) > 4:
        with open(sys.argv[4], "w") as out:
            out.writelines(" ".join(map(str, x)) + "\n" for x in rows)
    report(rows, size)

def text_bytes(jsonl):
    import json
    return sum(len(json.loads(line)["text"].encode()) for line in open(jsonl, encoding="utf-8") if line.strip())

def report(rows, size):
    d = collections.defaultdict(list)
    for x in rows:
        d[(x[2], x[1])].append(x)
    print("| case | build | median s | fastest s | MB/s (median) | CPU s (system) | page faults | peak RSS MB | load |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---|")
    for (c, b), v in sorted(d.items()):
        med = st.median(x[4] for x in v)
        print(f"| {c} | {b} | {med:.3f} | {min(x[4] for x in v):.3f} | {size[c.split(':')[0]] / 1e6 / med:.2f} "
              f"| {st.median(x[5] for x in v):.3f} ({st.median(x[6] for x in v):.3f}) "
              f"| {st.median(x[7] for x in v):,.0f} | {st.median(x[8] for x in v) / 1024:.0f} "
              f"| {min(x[3] for x in v):.2f}-{max(x[3] for x in v):.2f} |")
    for b in ("base", "cur"):
        j1 = {x[0]: x[4] for x in d[("jsonl:1:all", b)]}
        j2 = {x[0]: x[4] for x in d[("jsonl:2:all", b)]}
        rs = sorted(j1[r] / j2[r] for r in j1 if r in j2)
        print(f"{b}: --jobs 2 against --jobs 1 per round " + " ".join(f"{x:.2f}" for x in rs)
              + f"; ratio of medians {st.median(j1.values()) / st.median(j2.values()):.2f}"
              + f", median of ratios {st.median(rs):.2f}")

if __name__ == "__main__":
    main()
