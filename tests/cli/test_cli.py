#!/usr/bin/env python3
"""The belgi CLI as a user runs it: offsets in every unit, bad input, exit codes, tag and eval.

usage: test_cli.py BELGI"""
import json, os, re, subprocess, sys, tempfile, unittest

BELGI = None
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
# An emoji (2 UTF-16 units) and a combining mark before a name; NBSP inside the name.
TEXT = "😀👍🏽 Бүгін Астанада форум өтті. Сыбайлас жемқорлыққа қарсы қызметтің төрағасы " \
       "Асхат Жұмағали е\u0301сеп берді, - деп хабарлайды qazaquni.kz. 05.12.2023\n"


def run(*args, stdin=None):
    return subprocess.run([BELGI, *args], input=stdin, capture_output=True)


class Files:
    def __init__(self):
        self.dir = tempfile.TemporaryDirectory()

    def write(self, name, data):
        path = os.path.join(self.dir.name, name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path


class Annotate(unittest.TestCase):
    def setUp(self):
        self.files = Files()
        self.addCleanup(self.files.dir.cleanup)
        self.path = self.files.write("news.txt", TEXT)

    def annotate(self, *args):
        out = run("annotate", *args, self.path)
        self.assertEqual(out.returncode, 0, out.stderr)
        return json.loads(out.stdout)

    def test_codepoint_offsets_slice_the_text(self):
        doc = self.annotate()
        self.assertEqual(doc["format"], "belgi/1")
        self.assertEqual(doc["offsets"], "codepoint")
        self.assertEqual(doc["text"], TEXT)
        self.assertTrue(doc["spans"])
        for s in doc["spans"]:
            self.assertEqual(TEXT[s["start"]:s["end"]], s["text"])
            for key in ("id", "type", "score", "source"):
                self.assertIn(key, s)
        names = [s for s in doc["spans"] if s["text"] == "Асхат Жұмағали"]
        self.assertEqual(len(names), 1, "the person after the emoji is found")
        self.assertEqual(names[0]["type"], "PERSON")

    def test_utf16_offsets_slice_the_utf16_text(self):
        doc = self.annotate("--offsets", "utf16")
        self.assertEqual(doc["offsets"], "utf16")
        units = TEXT.encode("utf-16-le")
        for s in doc["spans"]:
            got = units[2 * s["start"]:2 * s["end"]].decode("utf-16-le")
            self.assertEqual(got, s["text"])
        cp = {s["id"]: s for s in self.annotate()["spans"]}
        person = [s for s in doc["spans"] if s["text"] == "Асхат Жұмағали"][0]
        # 😀 and 👍 and 🏽 are each 2 UTF-16 units but 1 code point: the name moves by 3.
        self.assertEqual(person["start"], cp[person["id"]]["start"] + 3)

    def test_byte_offsets_slice_the_bytes(self):
        doc = self.annotate("--offsets", "byte")
        raw = TEXT.encode("utf-8")
        for s in doc["spans"]:
            self.assertEqual(raw[s["start"]:s["end"]].decode("utf-8"), s["text"])

    def test_dateline_and_date_option(self):
        doc = self.annotate()
        self.assertEqual(doc["date"]["value"], "2023-12-05")
        self.assertEqual(doc["date"]["source"], "dateline")
        doc = self.annotate("--date", "2024-01-31")
        self.assertEqual(doc["date"], {"value": "2024-01-31", "source": "option"})

    def test_types_filter(self):
        doc = self.annotate("--types", "PERSON,DATE")
        self.assertTrue(doc["spans"])
        self.assertTrue(all(s["type"] in ("PERSON", "DATE") for s in doc["spans"]))

    def test_stdin(self):
        out = run("annotate", "-", stdin=TEXT.encode("utf-8"))
        self.assertEqual(out.returncode, 0)
        doc = json.loads(out.stdout)
        self.assertEqual(doc["text"], TEXT)
        self.assertNotIn("id", doc)

    def test_same_output_every_run(self):
        a = run("annotate", "--format", "jsonl", self.path).stdout
        b = run("annotate", "--format", "jsonl", self.path).stdout
        self.assertEqual(a, b)

    def test_text_is_never_changed(self):
        tricky = "\ufeffБОМ\r\nжол\u00ad\u200bбөлу\u00a0\t👨‍👩‍👧\u0000соңы  \n"
        path = self.files.write("tricky.txt", tricky)
        out = run("annotate", "--offsets", "utf16", path)
        self.assertEqual(out.returncode, 0, out.stderr)
        doc = json.loads(out.stdout)
        self.assertEqual(doc["text"], tricky)


class BadInput(unittest.TestCase):
    def setUp(self):
        self.files = Files()
        self.addCleanup(self.files.dir.cleanup)

    def test_invalid_utf8_among_good_files(self):
        good1 = self.files.write("a.txt", "Астанада форум өтті.")
        bad = self.files.write("bad.txt", b"\xd0\x90\xd1\x81\xff tail")
        good2 = self.files.write("c.txt", "Асхат Жұмағали сөйледі.")
        out = run("annotate", "--format", "jsonl", good1, bad, good2)
        self.assertEqual(out.returncode, 1)
        err = out.stderr.decode()
        self.assertIn("bad.txt", err)
        self.assertIn("byte 4", err)
        lines = [json.loads(l) for l in out.stdout.decode().splitlines()]
        self.assertEqual(len(lines), 3, "one record per input, in order")
        self.assertEqual(lines[0]["text"], "Астанада форум өтті.")
        self.assertEqual(lines[1]["error"]["code"], "invalid_utf8")
        self.assertEqual(lines[1]["error"]["offset"], 4)
        self.assertEqual(lines[1]["id"], bad)
        self.assertEqual(lines[2]["text"], "Асхат Жұмағали сөйледі.")

    def test_invalid_utf8_json_format_keeps_the_others(self):
        bad = self.files.write("bad.txt", b"ok \xc3")
        good = self.files.write("good.txt", "Бүгін")
        out = run("annotate", bad, good)
        self.assertEqual(out.returncode, 1)
        self.assertIn("byte 3", out.stderr.decode())
        self.assertEqual(json.loads(out.stdout)["text"], "Бүгін")

    def test_missing_file(self):
        out = run("annotate", os.path.join(self.files.dir.name, "nope.txt"))
        self.assertEqual(out.returncode, 1)
        self.assertIn("nope.txt", out.stderr.decode())

    def test_too_large(self):
        path = self.files.write("big.txt", "сөз " * 100)
        out = run("annotate", "--max-bytes", "50", path)
        self.assertEqual(out.returncode, 1)
        self.assertIn("too_large", out.stderr.decode())

    def test_usage_errors(self):
        for args in (["annotate", "--offsets", "bytes"], ["annotate", "--date", "2023-02-30"],
                     ["annotate", "--types", "PEOPLE"], ["annotate", "--nope"], ["frobnicate"], []):
            out = run(*args, stdin=b"")
            self.assertEqual(out.returncode, 2, args)
            self.assertTrue(out.stderr, args)

    def test_help_and_version(self):
        out = run("--help")
        self.assertEqual(out.returncode, 0)
        self.assertIn(b"annotate", out.stdout)
        self.assertEqual(run("annotate", "--help").returncode, 0)
        out = run("--version")
        self.assertEqual(out.returncode, 0)
        self.assertIn(b"belgi/1", out.stdout)


class TagEval(unittest.TestCase):
    SAMPLE = os.path.join(DATA, "kaznerd-sample.iob2")

    def gold(self):
        sents, cur = [], []
        with open(self.SAMPLE, encoding="utf-8") as f:
            lines = f.readlines()
        for line in lines:
            if line.strip():
                cur.append(line.split())
            elif cur:
                sents.append(cur)
                cur = []
        return sents + ([cur] if cur else [])

    def test_tag_keeps_tokens_and_sentences(self):
        out = run("tag", self.SAMPLE)
        self.assertEqual(out.returncode, 0, out.stderr)
        blocks = out.stdout.decode().strip("\n").split("\n\n")
        gold = self.gold()
        self.assertEqual(len(blocks), len(gold))
        for block, sent in zip(blocks, gold):
            rows = [l.split(" ") for l in block.split("\n")]
            self.assertEqual([r[0] for r in rows], [t[0] for t in sent])
            for r in rows:
                self.assertEqual(len(r), 2)
                self.assertTrue(r[1] == "O" or r[1][:2] in ("B-", "I-"), r)

    def test_tag_stdin_single_column(self):
        out = run("tag", stdin="Асхат\nЖұмағали\nАстанада\nболды\n.\n".encode())
        self.assertEqual(out.returncode, 0)
        rows = [l.split(" ") for l in out.stdout.decode().split("\n") if l]
        self.assertEqual([r[0] for r in rows], ["Асхат", "Жұмағали", "Астанада", "болды", "."])

    def test_tag_invalid_utf8_names_the_position(self):
        out = run("tag", stdin=b"\xd0\x90\n\xff\n")
        self.assertEqual(out.returncode, 1)
        self.assertIn("2", out.stderr.decode())  # line 2
        self.assertIn("byte 3", out.stderr.decode())

    def test_eval_prints_scores(self):
        with tempfile.TemporaryDirectory() as d:
            pred = os.path.join(d, "pred.iob2")
            out = run("eval", self.SAMPLE, "--pred", pred)
            self.assertEqual(out.returncode, 0, out.stderr)
            last = out.stdout.decode().strip().split("\n")[-1].split()
            self.assertEqual(last[0], "micro")
            f1 = float(last[-1])
            self.assertTrue(0.0 <= f1 <= 1.0)
            with open(pred, encoding="utf-8") as f:
                tagged = f.read()
            self.assertEqual(tagged, run("tag", self.SAMPLE).stdout.decode())

    def test_eval_of_gold_against_itself_is_perfect(self):
        # The scorer, not the model: eval on a file whose gold tags are what belgi predicts.
        with tempfile.TemporaryDirectory() as d:
            pred = os.path.join(d, "pred.iob2")
            with open(pred, "wb") as f:
                f.write(run("tag", self.SAMPLE).stdout)
            last = run("eval", pred).stdout.decode().strip().split("\n")[-1]
            self.assertTrue(last.endswith("F1 1.0000") or "R 0.0000" in last, last)

    def test_latin_script_spans_carry_the_original_text(self):
        # 2018 alphabet with a decomposed acute (u + U+0301) and an emoji before the name: the
        # PERSON span is the Latin text, at code point offsets into the original.
        text = "😀 Memleket basshysy Qasym-Jomart Toqaev Bu\u0301gin Astanada só\u0301z sóıledi."
        out = run("annotate", "--offsets", "codepoint", stdin=text.encode("utf-8"))
        self.assertEqual(out.returncode, 0, out.stderr)
        doc = json.loads(out.stdout)
        self.assertEqual(doc["text"], text)
        persons = [s for s in doc["spans"] if s["type"] == "PERSON"]
        self.assertEqual([(s["text"], s["start"], s["end"]) for s in persons],
                         [("Qasym-Jomart Toqaev", 20, 39)])
        for s in doc["spans"]:
            self.assertEqual(text[s["start"]:s["end"]], s["text"])
        self.assertIn("Astanada", [s["text"] for s in doc["spans"] if s["type"] == "GPE"])

    def test_latin_prints_the_cyrillic_form(self):
        out = run("latin", stdin="Búgin óńir ákimdiginde Shyǵys Qazaqstan".encode("utf-8"))
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout.decode("utf-8"), "Бүгін өңір әкімдігінде Шығыс Қазақстан")
        self.assertEqual(run("latin", "--words", "1999").returncode, 2)

    def test_eval_needs_a_file(self):
        self.assertEqual(run("eval").returncode, 2)


class TrainOnNews(unittest.TestCase):
    """`belgi train --news`: articles in the examples' JSON, labelled through the core's tokens.
    Tiny data (KazNERD's 40-sentence sample, two made-up articles, one epoch): checks the
    reading, the labels' alignment counts, the cross-validation and the errors, not the model."""
    # Made-up text: initials against a surname, a place with a case ending, an outlet's domain.
    ARTICLES = {
        "a.json": ("Б.Сапаров Астанада сөйледі. Tengrinews.kz хабарлайды.",
                   [("PERSON", 0, 9), ("GPE", 10, 18), ("ORGANISATION", 28, 41)]),
        "b.json": ("Н. Әбдіров Алматыға келді.", [("PERSON", 0, 10), ("GPE", 11, 19)]),
    }

    def setUp(self):
        self.files = Files()
        self.addCleanup(self.files.dir.cleanup)
        with open(os.path.join(DATA, "kaznerd-sample.iob2"), "rb") as f:
            sample = f.read()
        os.makedirs(os.path.join(self.files.dir.name, "kaznerd"))
        os.makedirs(os.path.join(self.files.dir.name, "news"))
        for name in ("valid.iob2", "test-a.iob2"):
            self.files.write(os.path.join("kaznerd", name), sample)
        for name, (text, spans) in self.ARTICLES.items():
            for t, s, e in spans:
                self.assertTrue(text[s:e].strip() == text[s:e] and text[s:e], (name, t))
            doc = {"text": text, "entities": [{"type": t, "start": s, "end": e} for t, s, e in spans]}
            self.files.write(os.path.join("news", name), json.dumps(doc, ensure_ascii=False))

    def train(self, *extra):
        d = self.files.dir.name
        lex = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "lexicons")
        return run("train", "--data", os.path.join(d, "kaznerd"), "--news", os.path.join(d, "news"),
                   "--lexicons", lex, "--out", os.path.join(d, "m.bin"), "--epochs", "1", "--runs", "1",
                   "--clusters", "0", "--no-full", *extra)

    def test_trains_and_cross_validates_by_article(self):
        out = self.train("--news-folds", "2")
        self.assertEqual(out.returncode, 0, out.stderr)
        log = out.stdout.decode()
        self.assertIn("news articles: 2 (3 sentences, 5 entities; 0 with an end inside a token", log)
        self.assertIn("news cross-validation (2 of 2 folds by article", log)
        self.assertTrue(os.path.getsize(os.path.join(self.files.dir.name, "m.bin")) > 0)

    def test_runs_chosen_folds_and_lists_their_errors(self):
        errors = os.path.join(self.files.dir.name, "errors.txt")
        out = self.train("--news-folds", "2", "--news-folds-from", "2", "--news-folds-run", "1", "--cv-only",
                         "--dev-out", errors)
        self.assertEqual(out.returncode, 0, out.stderr)
        log = out.stdout.decode()
        self.assertIn("news fold 2/2 (1 articles)", log)
        self.assertNotIn("news fold 1/2", log)
        self.assertIn("news cross-validation (1 of 2 folds by article", log)
        # Fold 2 is b.json alone (FNV-1a of the name mod 2): every listed error names it, says FN
        # or FP, a class and the text.
        with open(errors, encoding="utf-8") as f:
            lines = f.read().splitlines()
        for line in lines:
            self.assertRegex(line, r"^b\.json (FN|FP) [A-Z_]+ \S")
        # As many missed spans as the fold's recall leaves of its 2 gold spans.
        recall = float(re.search(r"news fold 2/2 \(1 articles\): P \S+ R (\S+)", log).group(1))
        self.assertEqual(sum(" FN " in line for line in lines), round(2 * (1 - recall)))
        # The missed spans are gold spans of that article, with their text.
        for line in lines:
            name, kind, cls, text = line.split(" ", 3)
            if kind == "FN":
                src, spans = self.ARTICLES[name]
                self.assertIn((cls, text), [(t, src[s:e]) for t, s, e in spans])

    def test_bad_offsets_name_the_file_and_entity(self):
        self.files.write(os.path.join("news", "c.json"),
                         json.dumps({"text": "Абай", "entities": [{"type": "PERSON", "start": 0, "end": 4},
                                                                    {"type": "PERSON", "start": 2, "end": 9}]}))
        out = self.train()
        self.assertEqual(out.returncode, 1)
        err = out.stderr.decode()
        self.assertIn("c.json", err)
        self.assertIn("entity 1", err)

    def test_unknown_class_is_an_error(self):
        self.files.write(os.path.join("news", "c.json"),
                         json.dumps({"text": "Абай", "entities": [{"type": "POET", "start": 0, "end": 4}]}))
        out = self.train()
        self.assertEqual(out.returncode, 1)
        self.assertIn("unknown type 'POET'", out.stderr.decode())


class Adapt(unittest.TestCase):
    """belgi adapt learns from corrected belgi/1 documents; annotate/tag/eval take --adaptation."""
    DOC = "Жиынға Ұлытау Медиа компаниясының өкілдері қатысты. Ұлытау Медиа туралы көп айтылды."
    NEW = "Кеше Ұлытау Медиа жаңа жоба бастады.\n"

    def setUp(self):
        self.files = Files()
        self.addCleanup(self.files.dir.cleanup)
        self.new = self.files.write("new.txt", self.NEW)

    def corrected(self):
        """The annotator's document with the outlet corrected to ORGANISATION (as the page exports it)."""
        doc = json.loads(run("annotate", self.files.write("doc.txt", self.DOC)).stdout)
        doc["spans"] = [s for s in doc["spans"] if s["text"] != "Ұлытау Медиа"]
        for k, at in enumerate([self.DOC.find("Ұлытау Медиа"), self.DOC.rfind("Ұлытау Медиа")]):
            doc["spans"].append({"id": "N%d" % k, "type": "ORGANISATION", "start": at, "end": at + 12})
        return doc

    def types_of(self, *args):
        out = run("annotate", *args, self.new)
        self.assertEqual(out.returncode, 0, out.stderr)
        return [(s["type"], s["text"]) for s in json.loads(out.stdout)["spans"] if s["text"] == "Ұлытау Медиа"]

    def test_learned_name_is_marked_in_a_new_text(self):
        doc = self.files.write("doc.json", json.dumps(self.corrected(), ensure_ascii=False))
        ad = os.path.join(self.files.dir.name, "a.bin")
        out = run("adapt", doc, "-o", ad)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("learned from 1 document", out.stderr.decode())
        self.assertEqual(self.types_of(), [("GPE", "Ұлытау Медиа")])
        self.assertEqual(self.types_of("--adaptation", ad), [("ORGANISATION", "Ұлытау Медиа")])
        again = os.path.join(self.files.dir.name, "b.bin")
        run("adapt", doc, "-o", again)
        with open(ad, "rb") as f, open(again, "rb") as g:
            self.assertEqual(f.read(), g.read())  # deterministic
        # tag takes it too
        tagged = run("tag", "--adaptation", ad, stdin="Кеше\nҰлытау\nМедиа\nкелді\n".encode()).stdout.decode()
        self.assertIn("Ұлытау B-ORGANISATION", tagged)

    def test_one_bad_record_is_reported_and_the_others_learned(self):
        good = json.dumps(self.corrected(), ensure_ascii=False)
        bad = json.dumps({"format": "belgi/1", "text": "Абай", "spans": [{"type": "PERSON", "start": 0, "end": 9}]})
        docs = self.files.write("docs.jsonl", bad + "\n" + good + "\n")
        ad = os.path.join(self.files.dir.name, "a.bin")
        out = run("adapt", docs, "-o", ad)
        self.assertEqual(out.returncode, 1)
        err = out.stderr.decode()
        self.assertIn("docs.jsonl:1", err)
        self.assertIn("span 0", err)
        self.assertIn("learned from 1 document(s), 1 rejected", err)
        self.assertEqual(self.types_of("--adaptation", ad), [("ORGANISATION", "Ұлытау Медиа")])

    def test_a_file_that_is_not_an_adaptation_is_a_usage_error(self):
        junk = self.files.write("junk.bin", "not an adaptation")
        out = run("annotate", "--adaptation", junk, self.new)
        self.assertEqual(out.returncode, 2)
        self.assertIn("junk.bin", out.stderr.decode())
        self.assertIn("bad magic", out.stderr.decode())
        self.assertEqual(out.stdout, b"")


if __name__ == "__main__":
    BELGI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)
