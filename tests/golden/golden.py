#!/usr/bin/env python3
"""Golden documents: each tests/golden/NAME.gold.json (a real news text with its gold annotations,
copied from the project's shared examples with its source address) is annotated by the CLI, and
the output must equal tests/golden/expected/NAME.json byte for byte.

usage: golden.py BELGI [--update]
--update rewrites the expected files (scripts/update-golden.sh); review the diff before committing.
Also checks, on every output, the offset invariant: text[start:end] == span text (code points)."""
import json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

def annotate(belgi, gold):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(gold["text"])
    cmd = [belgi, "annotate", "--format", "json", "--offsets", "codepoint"]
    if gold.get("dct"):
        cmd += ["--date", gold["dct"]]
    try:
        out = subprocess.run(cmd + [f.name], capture_output=True, check=True).stdout.decode("utf-8")
    finally:
        os.unlink(f.name)
    doc = json.loads(out)
    doc.pop("id", None)  # the temporary file name
    return doc

def check_invariant(name, doc):
    text, bad = doc["text"], []
    for s in doc["spans"]:
        for part in (s, s.get("cue"), s.get("speaker")):
            if part and text[part["start"]:part["end"]] != part["text"]:
                bad.append(f"{name}: {s['id']} slice {part['start']}:{part['end']} != {part['text']!r}")
    return bad

def main(belgi, update):
    names = sorted(n[:-len(".gold.json")] for n in os.listdir(HERE) if n.endswith(".gold.json"))
    failures = []
    for name in names:
        gold = json.load(open(os.path.join(HERE, name + ".gold.json"), encoding="utf-8"))
        doc = annotate(belgi, gold)
        failures += check_invariant(name, doc)
        if doc["text"] != gold["text"]:
            failures.append(f"{name}: output text differs from the input")
        got = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
        path = os.path.join(HERE, "expected", name + ".json")
        if update:
            open(path, "w", encoding="utf-8").write(got)
            continue
        want = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
        if got != want:
            failures.append(f"{name}: output differs from expected/{name}.json "
                            "(run scripts/update-golden.sh and review the diff)")
    for f in failures:
        print("FAIL", f)
    print(f"{len(names) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1], "--update" in sys.argv))
