#!/usr/bin/env python3
"""Writes gold documents transliterated into a Latin alphabet of Kazakh, with every offset moved,
to measure the annotator on Latin text against the Cyrillic originals (docs/latin.md).

usage: scripts/latin-examples.py ALPHABET OUT_DIR [GOLD_DIR]
       scripts/latin-examples.py ALPHABET --roundtrip BELGI [GOLD_DIR]
       scripts/latin-examples.py ALPHABET --jsonl IN OUT
  ALPHABET: 2018 (acutes), 2021 (diaeresis), 2017 (apostrophes); GOLD_DIR defaults to
  ../shared/examples. OUT_DIR must not be in the repository (news text is never committed).
Then: ../shared/tools/score_docs.py OUT_DIR build/cli/belgi
--roundtrip reads each text back with `BELGI latin` and counts the running words that come back
as they were in Cyrillic (word accuracy on news text, words in Latin originals included).
--jsonl transliterates the "text" of every record of a JSONL file (scripts/bench-batch.sh --latin).

Cyrillic letters become the alphabet's letters (../shared/spec/latin-alphabets.md); upper case
follows the letter (Sh in a capitalised word, SH in an all-caps one); anything else is copied."""
import json
import os
import sys

CYR = "абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә"
TABLES = {
    "2018": ["a", "b", "v", "g", "ǵ", "d", "e", "ıo", "j", "z", "ı", "ı", "k", "q", "l", "m", "n",
             "ń", "o", "ó", "p", "r", "s", "t", "ý", "u", "ú", "f", "h", "h", "ts", "ch", "sh",
             "sh", "", "y", "i", "", "e", "ıý", "ıa", "á"],
    "2021": ["a", "b", "v", "g", "ğ", "d", "e", "io", "j", "z", "i", "i", "k", "q", "l", "m", "n",
             "ñ", "o", "ö", "p", "r", "s", "t", "u", "ū", "ü", "f", "h", "h", "ts", "ç", "ş",
             "şş", "", "y", "ı", "", "e", "iu", "ia", "ä"],
    "2017": ["a", "b", "v", "g", "g'", "d", "e", "io", "j", "z", "i'", "i'", "k", "q", "l", "m",
             "n", "n'", "o", "o'", "p", "r", "s", "t", "y'", "u", "u'", "f", "h", "h", "ts", "c'",
             "s'", "s's'", "", "y", "i", "", "e", "iy'", "ia", "a'"],
}
# Capitals that are not the upper case of the small letter.
UPPER = {"2018": {"ı": "I", "i": "I"}, "2021": {"i": "İ", "ı": "I"}, "2017": {}}


def upper(s, alphabet):
    return "".join(UPPER[alphabet].get(c, c.upper()) for c in s)


def convert(text, alphabet):
    """Returns (latin text, list mapping each code point offset of text to one of the result)."""
    table = dict(zip(CYR, TABLES[alphabet]))
    out, pos = [], [0] * (len(text) + 1)
    n = 0
    for i, c in enumerate(text):
        pos[i] = n
        low = c.lower()
        if low not in table:
            out.append(c)
            n += 1
            continue
        s = table[low]
        if c != low and s:
            # All-caps word: the whole digraph in capitals; otherwise only its first letter.
            j = i
            while j > 0 and text[j - 1].isalpha():
                j -= 1
            k = i
            while k < len(text) and text[k].isalpha():
                k += 1
            word = text[j:k]
            caps = len(word) > 1 and word.upper() == word
            s = upper(s, alphabet) if caps else upper(s[0], alphabet) + s[1:]
        out.append(s)
        n += len(s)
    pos[len(text)] = n
    return "".join(out), pos


def move(obj, pos, latin):
    if isinstance(obj, dict):
        if "start" in obj and "end" in obj:
            obj["start"], obj["end"] = pos[obj["start"]], pos[obj["end"]]
            if "text" in obj:
                obj["text"] = latin[obj["start"]:obj["end"]]
        for k, v in obj.items():
            if k != "text":
                move(v, pos, latin)
    elif isinstance(obj, list):
        for v in obj:
            move(v, pos, latin)


def roundtrip(alphabet, belgi, gold_dir):
    import re
    import subprocess
    n = ok = 0
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".gold.json"):
            continue
        text = json.load(open(os.path.join(gold_dir, name), encoding="utf-8"))["text"]
        latin, _ = convert(text, alphabet)
        back = subprocess.run([belgi, "latin"], input=latin.encode("utf-8"), capture_output=True,
                              check=True).stdout.decode("utf-8")
        words, got = re.findall(r"\w+", text), re.findall(r"\w+", back)
        if len(words) != len(got):  # a word split differently: count the text's words as wrong
            n += len(words)
            continue
        n += len(words)
        ok += sum(a == b for a, b in zip(words, got))
    print(f"{alphabet}: {ok} of {n} running words come back as in Cyrillic ({ok / n:.4f})")


def jsonl(alphabet, src, dst):
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
        for line in f:
            doc = json.loads(line)
            doc["text"] = convert(doc["text"], alphabet)[0]
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")


def main(argv):
    if len(argv) < 2 or argv[0] not in TABLES:
        sys.exit(__doc__)
    if argv[1] == "--roundtrip":
        return roundtrip(argv[0], argv[2], argv[3] if len(argv) > 3 else "../shared/examples")
    if argv[1] == "--jsonl" and len(argv) == 4:
        return jsonl(argv[0], argv[2], argv[3])
    alphabet, out_dir = argv[0], argv[1]
    gold_dir = argv[2] if len(argv) > 2 else "../shared/examples"
    os.makedirs(out_dir, exist_ok=True)
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".gold.json"):
            continue
        doc = json.load(open(os.path.join(gold_dir, name), encoding="utf-8"))
        latin, pos = convert(doc["text"], alphabet)
        doc["text"] = latin
        for key in ("entities", "quotes"):
            move(doc.get(key, []), pos, latin)
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])
