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
        kept = "<!doctype html>\n<html><body>kept</body></html>\n"
        with open(self.path("out", "a.html"), "w") as f:
            f.write(kept)
        out = run("annotate", self.path("in"), "--format", "html", "-o", self.path("out"), "--skip-existing")
        self.assertEqual(out.returncode, 0, out.stderr)
        with open(self.path("out", "a.html")) as f:
            self.assertEqual(f.read(), kept)
        self.assertTrue(os.path.exists(self.path("out", "b.html")))

    def test_skip_existing_redoes_what_a_killed_run_left(self):
        # What a run killed mid-write (before results were written atomically) left behind: an
        # empty page, a CoNLL file cut inside a sentence, a brat .ann without its .txt, and a
        # brat pair whose .txt is another text. None of them may be trusted by a resumed run.
        self.write("in/a.txt", NEWS[0])
        self.write("in/b.txt", NEWS[1])
        for fmt, leftovers in (("html", {"a.html": ""}),
                               ("conll", {"a.conll": "Бүгін B-DATE\nАстана"}),
                               ("brat", {"a.ann": "T1\tGPE 6 14\tАстанада\n",
                                         "b.ann": "", "b.txt": "another text"})):
            out_dir = self.path("out-" + fmt)
            for name, data in leftovers.items():
                self.write(os.path.join("out-" + fmt, name), data)
            ref = run("annotate", self.path("in"), "--format", fmt, "-o", self.path("ref-" + fmt))
            self.assertEqual(ref.returncode, 0, ref.stderr)
            res = run("annotate", self.path("in"), "--format", fmt, "-o", out_dir, "--skip-existing")
            self.assertEqual(res.returncode, 0, res.stderr)
            self.assertEqual(sorted(os.listdir(out_dir)), sorted(os.listdir(self.path("ref-" + fmt))))
            for name in os.listdir(out_dir):
                with open(os.path.join(out_dir, name), "rb") as f, \
                        open(self.path("ref-" + fmt, name), "rb") as g:
                    self.assertEqual(f.read(), g.read(), f"{fmt}: {name}")

    def test_batch_killed_mid_write_resumes_to_the_full_result(self):
        # The file-size limit kills the process (SIGXFSZ) in the middle of writing the big
        # document's page: deterministic, unlike a timed kill.
        import resource, signal
        big = (NEWS[0] + " " + NEWS[1] + "\n") * 1500  # ~200 KB of page
        recs = [{"id": "a", "text": NEWS[0]}, {"id": "big", "text": big}, {"id": "c", "text": NEWS[2]}]
        src = self.write("in.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs))
        limit = 64 * 1024

        def small_files():
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        out_dir = self.path("out")
        killed = subprocess.run([BELGI, "annotate", src, "--format", "html", "--jobs", "1", "-o", out_dir],
                                capture_output=True, preexec_fn=small_files)
        self.assertEqual(killed.returncode, -signal.SIGXFSZ, killed.stderr)
        self.assertTrue(os.path.exists(os.path.join(out_dir, "a.html")))
        self.assertFalse(os.path.exists(os.path.join(out_dir, "big.html")))  # never a partial page
        with open(os.path.join(out_dir, "a.html"), "w", encoding="utf-8") as f:
            f.write("<html>marker: must be skipped</html>\n")  # a complete result is kept
        res = run("annotate", src, "--format", "html", "--jobs", "1", "-o", out_dir, "--skip-existing")
        self.assertEqual(res.returncode, 0, res.stderr)
        ref = run("annotate", src, "--format", "html", "-o", self.path("ref"))
        self.assertEqual(ref.returncode, 0, ref.stderr)
        with open(os.path.join(out_dir, "a.html"), encoding="utf-8") as f:
            self.assertIn("marker", f.read())
        for name in ("big.html", "c.html"):
            with open(os.path.join(out_dir, name), "rb") as f, open(self.path("ref", name), "rb") as g:
                self.assertEqual(f.read(), g.read(), name)
        self.assertEqual(sorted(n for n in os.listdir(out_dir) if not n.startswith(".")),
                         ["a.html", "big.html", "c.html"])

    def test_ids_that_differ_never_share_an_output_file(self):
        ids = ["a/b", "a_b", "a%2Fb", ".x", "Астана: 1", ""]
        recs = [{"id": i, "text": f"{n} {NEWS[0]}"} for n, i in enumerate(ids)]
        src = self.write("in.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs))
        res = run("annotate", src, "--format", "conll", "-o", self.path("out"))
        self.assertEqual(res.returncode, 0, res.stderr)
        names = ["a%2Fb", "a_b", "a%252Fb", "%2Ex", "Астана%3A%201", "doc-5"]
        self.assertEqual(sorted(os.listdir(self.path("out"))), sorted(n + ".conll" for n in names))
        for n, name in enumerate(names):
            with open(self.path("out", name + ".conll"), encoding="utf-8") as f:
                self.assertTrue(f.read().startswith(f"{n} "), name)

    def test_a_long_id_gets_a_name_the_file_system_takes(self):
        recs = [{"id": "қ" * 300 + str(k), "text": NEWS[0]} for k in range(2)]
        src = self.write("in.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs))
        res = run("annotate", src, "--format", "conll", "-o", self.path("out"))
        self.assertEqual(res.returncode, 0, res.stderr)
        files = os.listdir(self.path("out"))
        self.assertEqual(len(files), 2)
        self.assertTrue(all(len(f.encode()) <= 255 for f in files))

    def test_two_inputs_with_one_output_name_are_an_error_not_an_overwrite(self):
        first = self.write("d1/x.txt", NEWS[0])
        second = self.write("d2/x.txt", NEWS[2])
        for extra in ([], ["--skip-existing"]):  # a resumed run must not take one for the other
            res = run("annotate", first, second, "--format", "conll", "-o", self.path("out"), *extra)
            self.assertEqual(res.returncode, 1, res.stderr)
            err = res.stderr.decode()
            self.assertIn(second, err)
            self.assertIn(first, err)
            self.assertEqual(os.listdir(self.path("out")), ["x.conll"])
            with open(self.path("out", "x.conll"), encoding="utf-8") as f:
                self.assertTrue(f.read().startswith("Бүгін "))

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

    def test_start_up_and_batches_give_the_same_with_any_jobs(self):
        # With --jobs > 1 the rule tables are built on a second thread beside the model's load,
        # and documents go through the pool in batches (a large one alone): neither may show.
        recs = [json.dumps({"id": f"s{i}", "text": NEWS[i % len(NEWS)] * (1 + i % 4)}, ensure_ascii=False)
                for i in range(400)]
        recs[150] = json.dumps({"id": "big", "text": " ".join(NEWS) * 600}, ensure_ascii=False)
        recs[151] = '{"id": "bad", "text": '
        src = self.write("s.jsonl", "\n".join(recs) + "\n")
        outs = {}
        for jobs in ("1", "2", "3"):
            res = run("annotate", src, "--format", "jsonl", "--jobs", jobs)
            self.assertEqual(res.returncode, 1, res.stderr)
            outs[jobs] = res.stdout
        self.assertEqual(outs["1"], outs["2"])
        self.assertEqual(outs["1"], outs["3"])
        got = lines(outs["1"])
        self.assertEqual([d["id"] for d in got], [f"s{i}" for i in range(150)] + ["big", src + ":152"] +
                         [f"s{i}" for i in range(152, 400)])
        self.assertGreater(len(got[150]["text"]), 100000)
        junk = self.write("junk.bin", b"junk")
        errs = {j: run("annotate", "--model", junk, "--jobs", j, stdin=NEWS[0].encode()) for j in ("1", "2")}
        self.assertEqual(errs["1"].returncode, 2)
        self.assertEqual((errs["2"].returncode, errs["2"].stderr), (2, errs["1"].stderr))
        self.assertIn(b"junk.bin", errs["1"].stderr)

    def test_one_job_on_the_calling_thread_matches_the_pool(self):
        # --jobs 1 reads, annotates and writes on the calling thread, --jobs 2 and 3 through the
        # pool: the same output, errors (stderr), exit code and skipped results, on inputs of
        # every kind with bad ones among them, more than one batch (16 KB) of them.
        self.write("in/a.txt", NEWS[0])
        self.write("in/sub/b.txt", NEWS[1] * 50)
        self.write("in/c.txt", b"\xff\xfe bad bytes")
        self.write("in/big.txt", "x" * 5000)  # over --max-bytes
        recs = []
        for i in range(300):
            kind = i % 11
            if kind == 3:
                recs.append(b'{"id": "r%d", "text": ' % i)
            elif kind == 5:
                recs.append(b'{"id": "r%d", "text": "\xc3("}' % i)
            elif kind == 7:
                recs.append(json.dumps({"id": f"r{i}", "text": "й" * 4000}).encode())  # too large
            elif kind == 9:
                recs.append(json.dumps({"id": f"r{i}"}).encode())
            else:
                recs.append(json.dumps({"id": f"r{i}", "text": NEWS[i % len(NEWS)] * (1 + i % 9)},
                                       ensure_ascii=False).encode())
        src = self.write("recs.jsonl", b"\n".join(recs) + b"\n")
        inputs = [self.path("in"), src, self.path("missing.jsonl"), self.path("in", "a.txt")]
        runs = {j: run("annotate", *inputs, "--format", "jsonl", "--max-bytes", "4000", "--jobs", j)
                for j in ("1", "2", "3")}
        self.assertEqual(runs["1"].returncode, 1)
        for j in ("2", "3"):
            self.assertEqual((runs[j].returncode, runs[j].stdout, runs[j].stderr),
                             (runs["1"].returncode, runs["1"].stdout, runs["1"].stderr), f"--jobs {j}")
        got = lines(runs["1"].stdout)
        self.assertEqual(len(got), 4 + 300 + 1 + 1)
        self.assertEqual(sum("error" in d for d in got), 2 + 4 * 27 + 1)
        # Directory output with --skip-existing: the same files, the kept one untouched.
        trees = {}
        for j in ("1", "2"):
            out_dir = self.path("out" + j)
            self.write(os.path.join("out" + j, "r0.conll"), "kept\n\n")
            res = run("annotate", src, "--format", "conll", "-o", out_dir, "--skip-existing", "--jobs", j)
            self.assertEqual(res.returncode, 1, res.stderr)
            trees[j] = {}
            for name in sorted(os.listdir(out_dir)):
                with open(os.path.join(out_dir, name), "rb") as f:
                    trees[j][name] = f.read()
            self.assertEqual(trees[j]["r0.conll"], b"kept\n\n")
        self.assertEqual(trees["1"], trees["2"])
        self.assertEqual(len(trees["1"]), 300 - 3 * 27)  # no size limit here: the long ones too

    def test_output_file_and_stdout_get_every_batch_and_write_errors_stop(self):
        # A batch's documents go out in one writev (OutputFile): the same bytes to a file as to
        # a pipe, with one job and two, over many batches (16 KB of input each) and batches of
        # many small documents (up to 256, two buffers each) among them; an error record in
        # order. An output that cannot be written or created: exit code 3, reported once.
        recs = [json.dumps({"id": f"s{i}", "text": NEWS[i % 3]}, ensure_ascii=False) for i in range(700)]
        recs += [json.dumps({"id": f"l{i}", "text": NEWS[i % len(NEWS)] * (1 + i % 40)}, ensure_ascii=False)
                 for i in range(200)]
        recs.insert(350, "{bad")
        src = self.write("many.jsonl", "\n".join(recs) + "\n")
        outs = {}
        for fmt in ("jsonl", "json"):
            for j in ("1", "2"):
                piped = run("annotate", src, "--format", fmt, "--jobs", j, "-q")
                to_file = run("annotate", src, "--format", fmt, "--jobs", j, "-q", "-o", self.path("o"))
                self.assertEqual((piped.returncode, to_file.returncode), (1, 1))
                with open(self.path("o"), "rb") as f:
                    self.assertEqual(f.read(), piped.stdout, f"--format {fmt} --jobs {j}")
                outs[fmt, j] = piped.stdout
            self.assertEqual(outs[fmt, "1"], outs[fmt, "2"])
        got = lines(outs["jsonl", "1"])
        self.assertEqual(len(got), 901)
        self.assertEqual([d["id"] for d in got[349:352]], ["s349", src + ":351", "s350"])
        self.assertEqual(outs["jsonl", "1"].count(b"\n"), 901)
        if os.path.exists("/dev/full"):
            for j in ("1", "2"):
                res = run("annotate", src, "--format", "jsonl", "--jobs", j, "-q", "-o", "/dev/full")
                self.assertEqual(res.returncode, 3)
                self.assertEqual(res.stderr.decode().count("/dev/full: cannot write"), 1, res.stderr)
                with open("/dev/full", "wb") as full:
                    res = subprocess.run([BELGI, "annotate", src, "--format", "jsonl", "--jobs", j, "-q"],
                                         stdout=full, stderr=subprocess.PIPE)
                self.assertEqual(res.returncode, 3)
                self.assertIn(b"<stdout>: cannot write", res.stderr)
        res = run("annotate", src, "--format", "jsonl", "-q", "-o", self.path("no", "such", "dir.jsonl"))
        self.assertEqual(res.returncode, 3)
        self.assertIn(b"cannot write", res.stderr)

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
