#!/usr/bin/env python3
"""The CLI's memory policy (cli/memory_policy.h): the output is the same whether the large-block
range got its 64 GB of address space, a smaller one, or none (malloc alone), one job or two.

usage: test_memory_policy.py BELGI [--sanitized]
--sanitized: a build under the sanitizers (no range to limit; AddressSanitizer itself cannot run
under `ulimit -v`): only the runs without a limit."""
import json, os, resource, subprocess, sys, tempfile, unittest

BELGI = None
SANITIZED = False
GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden")


def texts():
    names = sorted(n for n in os.listdir(GOLDEN) if n.endswith(".gold.json"))
    out = []
    for n in names:
        with open(os.path.join(GOLDEN, n), encoding="utf-8") as f:
            out.append(json.load(f)["text"])
    return out


def run(limit, *args):
    def cap():  # address space: the reservation is refused above this
        if limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    out = subprocess.run([BELGI, "annotate", "-q", *args], capture_output=True, preexec_fn=cap)
    return out.returncode, out.stdout, out.stderr


class MemoryPolicy(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.jsonl = os.path.join(cls.dir.name, "in.jsonl")
        with open(cls.jsonl, "w", encoding="utf-8") as f:
            for t in texts():
                f.write(json.dumps({"text": t}, ensure_ascii=False) + "\n")
        # One document of ~1 MB: its per-token vectors are large blocks (16 KB and more).
        cls.doc = os.path.join(cls.dir.name, "doc.txt")
        with open(cls.doc, "w", encoding="utf-8") as f:
            body = "\n\n".join(texts())
            f.write("\n\n".join([body] * (1 + (1 << 20) // len(body.encode("utf-8")))))

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def same_under_limits(self, limits, *args):
        rc, want, err = run(None, *args)
        self.assertEqual(rc, 0, err)
        self.assertGreater(len(want), 1000)
        for limit in [] if SANITIZED else limits:
            with self.subTest(limit=limit):
                rc, got, err = run(limit, *args)
                self.assertEqual(rc, 0, err)
                self.assertEqual(got, want)

    def test_jsonl_one_and_two_jobs(self):
        # 8 GB: a smaller range after the 64 GB one is refused; 600 MB: no range, malloc alone.
        for jobs in ("1", "2"):
            self.same_under_limits([8 << 30, 600 << 20], self.jsonl, "--format", "jsonl", "--jobs", jobs)

    def test_one_large_document(self):
        self.same_under_limits([8 << 30, 900 << 20], self.doc, "--format", "json")


if __name__ == "__main__":
    BELGI = sys.argv.pop(1)
    SANITIZED = "--sanitized" in sys.argv
    sys.argv = [a for a in sys.argv if a not in ("--sanitized", "")]  # "" from CMake's empty genex
    unittest.main()
