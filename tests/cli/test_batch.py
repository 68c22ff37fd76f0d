#!/usr/bin/env python3
"""Batch annotation through the CLI: directories, JSONL, bad records, order, jobs, formats.

usage: test_batch.py BELGI"""
import json, os, random, re, shutil, subprocess, sys, tempfile, unittest

BELGI = None
NEWS = ["Бүгін Астанада халықаралық форум өтті.",
        "Асхат Жұмағали 05.12.2023 баяндама жасады. 😀",
        "«Қазақпарат» агенттігі хабарлайды.",
        "Qazaqstan Respublikasynyń Prezidenti sóz sóiledi.",
        "е\u0301сеп\u00a0берді"]


def run(*args, stdin=None):
    return subprocess.run([BELGI, *args], input=stdin, capture_output=True)


def lines(out):
    return [json.loads(l) for l in out.decode("utf-8").splitlines()]


class Batch(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.dir)

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def write(self, rel, data):
        p = self.path(rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return p

    def test_jsonl_records_with_faults_keep_order_and_ids(self):
        recs = [json.dumps({"id": "a", "text": NEWS[0], "date": "2023-12-05"}, ensure_ascii=False),
                "{not json",
                json.dumps({"id": "c"}),
                json.dumps({"id": 4, "text": NEWS[1]}, ensure_ascii=False),
                "",
                json.dumps({"id": "e", "text": "x" * 300}),
                json.dumps({"id": "f", "text": NEWS[2]}, ensure_ascii=False)]
        data = "\n".join(recs).encode("utf-8") + b"\n" + b'{"id": "g", "text": "\xff"}\n'
        out = run("annotate", "--input", "jsonl", "--format", "jsonl", "--max-bytes", "200", "-", stdin=data)
        self.assertEqual(out.returncode, 1)
        got = lines(out.stdout)
        self.assertEqual([d.get("id") for d in got], ["a", "<stdin>:2", "c", "4", "e", "f", "<stdin>:8"])
        self.assertEqual(got[0]["text"], NEWS[0])
        self.assertEqual(got[0]["date"], {"value": "2023-12-05", "source": "option"})
        self.assertEqual([d["error"]["code"] for d in got if "error" in d],
                         ["invalid_input", "invalid_input", "too_large", "invalid_utf8"])
        self.assertEqual(got[3]["text"], NEWS[1])
        err = out.stderr.decode()
        self.assertIn("<stdin>:2", err)
        self.assertIn("<stdin>:8", err)

    def test_directory_recursive_to_brat(self):
        self.write("in/b.txt", NEWS[0])
        self.write("in/sub/a.txt", NEWS[1])
        self.write("in/skip.md", "not text")
        out = run("annotate", self.path("in"), "--format", "brat", "--output", self.path("out"))
        self.assertEqual(out.returncode, 0, out.stderr)
        for stem, text in (("b", NEWS[0]), ("sub/a", NEWS[1])):
            with open(self.path("out", stem + ".txt"), encoding="utf-8") as f:
                self.assertEqual(f.read(), text)
            with open(self.path("out", stem + ".ann"), encoding="utf-8") as f:
                ann = f.read()
            for line in ann.splitlines():
                if line.startswith("T"):
                    tid, mid, covered = line.split("\t")
                    frags = mid.split(" ", 1)[1]
                    s, e = map(int, frags.split(";")[0].split())
                    self.assertEqual(text[s:e], covered.split("\n")[0][:e - s])
        self.assertFalse(os.path.exists(self.path("out", "skip.ann")))
        with open(self.path("out", "sub/a.ann"), encoding="utf-8") as f:
            self.assertIn("DATE", f.read())

    def test_skip_existing(self):
        self.write("in/a.txt", NEWS[0])
        self.write("in/b.txt", NEWS[1])
        os.makedirs(self.path("out"))
        with open(self.path("out", "a.html"), "w") as f:
            f.write("kept")
        out = run("annotate", self.path("in"), "--format", "html", "-o", self.path("out"), "--skip-existing")
        self.assertEqual(out.returncode, 0, out.stderr)
        with open(self.path("out", "a.html")) as f:
            self.assertEqual(f.read(), "kept")
        self.assertTrue(os.path.exists(self.path("out", "b.html")))

    def test_html_escapes_text(self):
        evil = "<img src=x onerror=alert(1)> & \"quotes\" <script>alert('x')</script> Астана"
        p = self.write("evil.txt", evil)
        out = run("annotate", p, "--format", "html", "-o", self.path("out"))
        self.assertEqual(out.returncode, 0, out.stderr)
        with open(self.path("out", "evil.html"), encoding="utf-8") as f:
            html = f.read()
        self.assertNotIn("<img", html)
        self.assertNotIn("<script", html)
        # The text with our own markup taken out reads exactly as the escaped input.
        body = html.split("<body>", 1)[1].rsplit("</body>", 1)[0]
        body = re.sub(r'<mark data-type="[A-Z_]+" title="[^"<>]*">|</mark>|<span class="quote">|</span>', "", body)
        self.assertEqual(body, "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; "
                               "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Астана")

    def test_conll_output(self):
        p = self.write("a.txt", NEWS[1] + "\n" + NEWS[0])
        out = run("annotate", p, "--format", "conll", "-o", self.path("out"))
        self.assertEqual(out.returncode, 0, out.stderr)
        with open(self.path("out", "a.conll"), encoding="utf-8") as f:
            blocks = f.read().strip("\n").split("\n\n")
        self.assertGreaterEqual(len(blocks), 2)
        rows = [l.split(" ") for l in blocks[0].split("\n")]
        self.assertIn(["05.12.2023", "B-DATE"], rows)
        self.assertTrue(all(len(r) == 2 for b in blocks for r in (l.split(" ") for l in b.split("\n"))))

    def test_directory_format_needs_output(self):
        self.assertEqual(run("annotate", "--format", "brat", stdin=b"x").returncode, 2)

    def test_jobs_give_identical_output_and_exactly_one_error_per_bad_record(self):
        rng = random.Random(7)
        recs, bad = [], set()
        for i in range(100000):
            if rng.random() < 0.01:
                bad.add(i)
                recs.append(rng.choice([b'{"id": "r%d", "text": ' % i, b'{"id": "r%d"}' % i,
                                        b'{"id": "r%d", "text": "\xc3("}' % i]))
            else:
                recs.append(json.dumps({"id": f"r{i}", "text": NEWS[i % len(NEWS)]}, ensure_ascii=False).encode())
        src = self.write("big.jsonl", b"\n".join(recs) + b"\n")
        outs = {}
        for jobs in ("1", "2"):
            dst = self.path(f"out{jobs}.jsonl")
            res = run("annotate", src, "--format", "jsonl", "--jobs", jobs, "-o", dst)
            self.assertEqual(res.returncode, 1)
            with open(dst, "rb") as f:
                outs[jobs] = f.read()
        self.assertEqual(outs["1"], outs["2"])
        got = lines(outs["1"])
        self.assertEqual(len(got), 100000)
        for i, d in enumerate(got):
            if i in bad:
                self.assertIn("error", d)
            else:
                self.assertEqual(d["id"], f"r{i}")
                self.assertEqual(d["text"], NEWS[i % len(NEWS)])
        self.assertEqual(sum("error" in d for d in got), len(bad))

    @unittest.skipUnless(shutil.which("parallel"), "GNU parallel is installed by scripts/test.sh")
    def test_gnu_parallel_pipe_matches_single_process(self):
        recs = [json.dumps({"id": f"d{i}", "text": NEWS[i % len(NEWS)] * (1 + i % 3)}, ensure_ascii=False)
                for i in range(3000)]
        data = ("\n".join(recs) + "\n").encode("utf-8")
        single = run("annotate", "--input", "jsonl", "--format", "jsonl", "-", stdin=data)
        self.assertEqual(single.returncode, 0, single.stderr)
        par = subprocess.run(["parallel", "--pipe", "-k", "--block", "50k", "-j", "2", BELGI, "annotate",
                              "--input", "jsonl", "--format", "jsonl", "--jobs", "1", "-"],
                             input=data, capture_output=True)
        self.assertEqual(par.returncode, 0, par.stderr)
        # Ids match; the error-free records are byte-identical.
        self.assertEqual(par.stdout, single.stdout)


if __name__ == "__main__":
    BELGI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)
