#!/usr/bin/env python3
"""Measures learning from corrections (issue #21, docs/adaptation.md). Reads ../shared (the
written-news articles and KazNERD): not part of ./scripts/test.sh.

news-train's articles are split in two halves by the MD5 of their file name (even / odd first
byte). For each direction, `belgi adapt --model MODEL` learns from one half and the other half is
scored with ../shared/tools/score_docs.py, with and without the adaptation. The KazNERD
development split (`belgi train --no-full --dev-out FILE` writes it, with the model trained
without it) is tagged with and without each adaptation (`belgi eval`).

  scripts/measure-adaptation.py --model /tmp/kz.bin --dev /tmp/kzdev.txt [--step N --epochs N]
  scripts/measure-adaptation.py --tune ...   # halves of half A only (A1 -> A2): for choosing
                                             # settings without looking at half B
  scripts/measure-adaptation.py --single 40 --dev DEV ...  # one article at a time: how far one
                                             # document moves the KazNERD dev F1 (every 5th article)

The model should be one trained without news-train (`belgi train --data ... --no-full --out
MODEL --dev-out DEV`, no --news), as the issue asks; --model '' uses the built-in one.
"""
import argparse, hashlib, os, re, subprocess, sys, tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(REPO, '..', 'shared')


def half(name, bit=0):
    return (hashlib.md5(name.encode()).digest()[bit] & 1)


def score(belgi, files, extra, tmp):
    """Entity F1 (9 name classes, score_docs.py) of belgi with `extra` flags on `files`."""
    gold = tempfile.mkdtemp(dir=tmp)
    for f in files:
        os.symlink(f, os.path.join(gold, os.path.basename(f)))
    wrapper = os.path.join(tmp, 'belgi-%d.sh' % len(os.listdir(tmp)))
    with open(wrapper, 'w') as w:
        w.write('#!/bin/sh\nexec %s "$@" %s\n' % (belgi, ' '.join(extra)))
    os.chmod(wrapper, 0o755)
    out = subprocess.run([sys.executable, os.path.join(SHARED, 'tools', 'score_docs.py'), gold, wrapper],
                         capture_output=True, text=True, check=True).stdout
    m = re.search(r'^entities\s+P ([\d.]+) R ([\d.]+) F1 ([\d.]+)', out, re.M)
    return tuple(float(x) for x in m.groups())


def kaznerd(belgi, dev, extra, tmp):
    gold = os.path.join(tmp, 'kzdev.iob2')
    if not os.path.exists(gold):
        with open(dev) as f, open(gold, 'w') as g:
            for line in f:
                p = line.split()
                g.write('%s %s\n' % (p[0], p[1]) if len(p) >= 2 else '\n')
    out = subprocess.run([belgi, 'eval', gold] + extra, capture_output=True, text=True, check=True).stdout
    return float(re.search(r'micro .*F1 ([\d.]+)', out).group(1))


def single(a, files):
    model = ['--model', a.model] if a.model else []
    picked = files[::max(1, len(files) // a.single)][:a.single]
    with tempfile.TemporaryDirectory() as tmp:
        base = kaznerd(a.belgi, a.dev, model, tmp)
        changes = []
        for f in picked:
            ad = os.path.join(tmp, 'one.bin')
            subprocess.run([a.belgi, 'adapt'] + model + ['-o', ad, f], check=True, capture_output=True)
            changes.append((kaznerd(a.belgi, a.dev, model + ['--adaptation', ad], tmp) - base, os.path.basename(f)))
        changes.sort()
        print('one article at a time (%d articles): KazNERD dev micro F1 %.4f; change mean %+.4f, worst %+.4f (%s), best %+.4f'
              % (len(picked), base, sum(c for c, _ in changes) / len(changes), changes[0][0], changes[0][1], changes[-1][0]))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--belgi', default=os.path.join(REPO, 'build', 'cli', 'belgi'))
    ap.add_argument('--model', default='', help="model file ('' = built-in)")
    ap.add_argument('--dev', default='', help='KazNERD dev split: `token gold predicted` lines')
    ap.add_argument('--news', default=os.path.join(SHARED, 'data', 'news-train'))
    ap.add_argument('--step', type=int, default=0)
    ap.add_argument('--epochs', type=int, default=0)
    ap.add_argument('--word-factor', type=int, default=0)
    ap.add_argument('--tune', action='store_true')
    ap.add_argument('--adapt-args', default='', help='more `belgi adapt` flags (space-separated)')
    ap.add_argument('--single', type=int, default=0, help='learn N articles one at a time (needs --dev)')
    a = ap.parse_args()
    files = sorted(os.path.join(a.news, f) for f in os.listdir(a.news) if f.endswith('.json'))
    if a.single:
        return single(a, files)
    if a.tune:  # only half A, itself halved by the second byte
        files = [f for f in files if half(os.path.basename(f)) == 0]
        parts = {name: [f for f in files if half(os.path.basename(f), 1) == k] for k, name in enumerate('12')}
        runs = [('A1', 'A2')]
        parts = {'A1': parts['1'], 'A2': parts['2']}
    else:
        parts = {name: [f for f in files if half(os.path.basename(f)) == k] for k, name in enumerate('AB')}
        runs = [('A', 'B'), ('B', 'A')]
    model = ['--model', a.model] if a.model else []
    settings = ['--step', str(a.step), '--epochs', str(a.epochs), '--word-factor', str(a.word_factor)] + a.adapt_args.split()
    with tempfile.TemporaryDirectory() as tmp:
        base_dev = kaznerd(a.belgi, a.dev, model, tmp) if a.dev else None
        for learn, test in runs:
            ad = os.path.join(tmp, learn + '.bin')
            subprocess.run([a.belgi, 'adapt'] + model + settings + ['-o', ad] + parts[learn],
                           check=True, capture_output=True)
            before = score(a.belgi, parts[test], model, tmp)
            after = score(a.belgi, parts[test], model + ['--adaptation', ad], tmp)
            line = ('learn %s (%d articles) -> test %s (%d): F1 %.4f -> %.4f (%+.4f); P %.3f -> %.3f, R %.3f -> %.3f; %d bytes'
                    % (learn, len(parts[learn]), test, len(parts[test]), before[2], after[2],
                       after[2] - before[2], before[0], after[0], before[1], after[1], os.path.getsize(ad)))
            if base_dev is not None:
                dev = kaznerd(a.belgi, a.dev, model + ['--adaptation', ad], tmp)
                line += '; KazNERD dev micro F1 %.4f -> %.4f (%+.4f)' % (base_dev, dev, dev - base_dev)
            print(line, flush=True)


if __name__ == '__main__':
    main()
