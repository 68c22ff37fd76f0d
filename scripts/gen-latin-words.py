#!/usr/bin/env python3
"""Generates data/rules/latin/words.tsv: the Kazakh words whose Latin spelling the default rules
of core/src/text/latin.cpp would turn into the wrong Cyrillic (и/й, х/һ, я/ю, ь, щ, ...).

usage: scripts/gen-latin-words.py [LEXICONS_DIR] > data/rules/latin/words.tsv
       scripts/gen-latin-words.py --measure [LEXICONS_DIR] > TABLE.tsv  (without the held-back words)
       scripts/gen-latin-words.py --heldout [LEXICONS_DIR] > HELDOUT.tsv   (latin2018 latin2021 cyrillic)
(scripts/latin-accuracy.sh runs the last two and the converter.)

Source: langdata_kaz.wordlist (tesseract-ocr/langdata, Apache-2.0; ../shared/data/lexicons), most
frequent form first. A word's *key* is its Cyrillic form with the letters that Latin spellings
cannot tell apart folded together: и, й -> I; х, һ -> H; я -> Iа, ю -> Iу, ё -> Iо; щ -> ш;
э -> е; ъ, ь dropped. A capital I that starts a 2018 word may be і, и or й: key J (default і). A Latin word is read into the same key (latin.cpp), and the table gives the
most frequent word with that key whenever default() below would not. default() must stay the
same function as latin.cpp's default_cyrillic().

Held back: words with crc32(word) % 10 == 0. The shipped table is built from all words; for a
measurement, `--measure` builds it without them and `--heldout` writes them in the 2018 and 2021
alphabets, so that the C++ converter's word accuracy is measured on words its table never saw
(docs/latin.md). Converters write ц as s (Egemen) or ts, and с+х comes out as sh: a word with ц
or сх also gets those keys, when no word has them."""
import sys
import zlib

KAZ = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі")
VOWELS = set("аәеёиоөуұүыіэюя")
FOLD = {"и": "I", "й": "I", "х": "H", "һ": "H", "я": "Iа", "ю": "Iу", "ё": "Iо", "щ": "ш",
        "э": "е", "ъ": "", "ь": ""}


def key(word):
    return "".join(FOLD.get(c, c) for c in word)


def default(k):
    out = []
    i = 0
    while i < len(k):
        s = k[i]
        nxt = k[i + 1] if i + 1 < len(k) else ""
        if s == "H":
            out.append("х")
        elif s == "J":
            out.append("і")
        elif s == "I":
            if nxt == "а":
                out.append("я")
                i += 1
            elif nxt == "у":
                out.append("ю")
                i += 1
            elif out and out[-1] in VOWELS:
                out.append("й")
            else:
                out.append("и")
        else:
            out.append(s)
        i += 1
    return "".join(out)


# Cyrillic -> Latin, for the held-out list (the same tables as scripts/latin-examples.py).
L2018 = dict(zip("абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә",
                 ["a", "b", "v", "g", "ǵ", "d", "e", "ıo", "j", "z", "ı", "ı", "k", "q", "l", "m",
                  "n", "ń", "o", "ó", "p", "r", "s", "t", "ý", "u", "ú", "f", "h", "h", "ts", "ch",
                  "sh", "sh", "", "y", "i", "", "e", "ıý", "ıa", "á"]))
L2021 = dict(zip("абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә",
                 ["a", "b", "v", "g", "ğ", "d", "e", "io", "j", "z", "i", "i", "k", "q", "l", "m",
                  "n", "ñ", "o", "ö", "p", "r", "s", "t", "u", "ū", "ü", "f", "h", "h", "ts", "ç",
                  "ş", "şş", "", "y", "ı", "", "e", "iu", "ia", "ä"]))


def to_latin(word, table):
    return "".join(table[c] for c in word)


RANKS = 80000     # forms of the word list that the table may hold
RANKS_TS = 30000  # ... and that also get a key with с for ц


def words(lexdir):
    seen = set()
    with open(f"{lexdir}/langdata_kaz.wordlist", encoding="utf-8") as f:
        for line in f:
            w = line.strip().lower()
            if len(w) < 2 or w in seen or not all(c in KAZ for c in w):
                continue
            seen.add(w)
            yield w


def heldout(w):
    return zlib.crc32(w.encode("utf-8")) % 10 == 0


def main(argv):
    want_heldout = "--heldout" in argv
    measure = "--measure" in argv
    args = [a for a in argv if not a.startswith("--")]
    lexdir = args[0] if args else "../shared/data/lexicons"
    out = sys.stdout
    if want_heldout:
        for w in words(lexdir):
            if heldout(w):
                out.write(f"{to_latin(w, L2018)}\t{to_latin(w, L2021)}\t{w}\n")
        return
    best = {}
    # The most frequent forms only: the table ships in the wasm module too.
    kept = [w for i, w in enumerate(words(lexdir)) if i < RANKS and not (measure and heldout(w))]
    for w in kept:
        best.setdefault(key(w), w)  # most frequent first
        if w[0] in "іий":  # 2018 writes a capital I for all three: key J + the rest
            best.setdefault("J" + key(w[1:]), w)
    # Spellings converters use besides the alphabet's own: ц as s or ts, сх read back as sh.
    for w in kept[:RANKS_TS]:
        k = key(w)
        if "ц" in w:
            best.setdefault(k.replace("ц", "с"), w)
            best.setdefault(k.replace("ц", "тс"), w)
        if "сH" in k:
            best.setdefault(k.replace("сH", "ш"), w)
    rows = sorted((k, w) for k, w in best.items() if default(k) != w)
    out.write("# Latin-script Kazakh: words the default rules of core/src/text/latin.cpp get wrong.\n"
              "# key (Cyrillic, и/й=I х/һ=H я=Iа ю=Iу ё=Iо щ=ш э=е, no ъ ь) TAB word.\n"
              "# Generated by scripts/gen-latin-words.py from langdata_kaz.wordlist\n"
              "# (tesseract-ocr/langdata, Apache-2.0; see NOTICE)" + (", without the held-back words" if measure else "") + ".\n")
    for k, w in rows:
        out.write(f"{k}\t{w}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
