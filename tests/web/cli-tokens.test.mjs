// The page's exports tokenize exactly as the CLI does (issue #22): the CoNLL and brat exports of
// web/formats.js, fed the package's annotate() and tokenize() as the page is, against
// `belgi annotate --format conll` / `--format brat` on the same texts (equal bytes): the 11 golden examples and
// one with emoji (UTF-16 and code points part there).
// Needs the package (lib.mjs packageDir()) and the native CLI: $BELGI_CLI, else build/cli/belgi.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportDocument, fromBrat, normalizeDocument } from '../../web/formats.js';
import { loadCore, ROOT } from './lib.mjs';

const CLI = process.env.BELGI_CLI || path.join(ROOT, 'build/cli/belgi');
const GOLDEN = path.join(ROOT, 'tests/golden');

/** [{name, text, date}]: the golden examples, and a text with astral characters. */
function texts() {
  const out = fs.readdirSync(GOLDEN).filter((f) => f.endsWith('.gold.json')).sort().map((f) => {
    const g = JSON.parse(fs.readFileSync(path.join(GOLDEN, f), 'utf8'));
    return { name: f.replace('.gold.json', ''), text: g.text, date: g.dct || '' };
  });
  out.push({ name: 'emoji', date: '2023-12-05', text: '😀 Бүгін Астанада 👍🏽 Асхат Жұмағали: «Сыбайлас 🇰🇿 жемқорлықпен\nкүрес маңызды», — деді ол. Қазақстан 2008 жылы.' });
  return out;
}

/** The CLI's per-document output (`ext` '.conll' or '.ann') of one text in `format`. */
function cliOutput(format, ext, { name, text, date }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'belgi-cli-tokens-'));
  try {
    const file = path.join(dir, `${name}.txt`);
    fs.writeFileSync(file, text);
    const args = ['annotate', '--format', format, '-o', path.join(dir, 'out'), '-q', '-j', '1', file];
    if (date) args.push('--date', date);
    execFileSync(CLI, args);
    return fs.readFileSync(path.join(dir, 'out', `${name}${ext}`), 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const core = await loadCore();
assert.ok(fs.existsSync(CLI), `the native CLI is needed: ${CLI} (set BELGI_CLI)`);

/** The page's export of the text as the page annotates it (all spans, UTF-16 in memory). */
function pageExport(format, { name, text, date }) {
  const doc = core.annotate(text, date ? { date } : {});
  return exportDocument(format, doc, { name: `${name}.txt`, tokenize: (t) => core.tokenize(t) });
}

/** A CoNLL file as its tokens, with '' for each sentence break. */
const tokenColumn = (conll) => conll.split('\n').map((l) => l.split(' ')[0]);

for (const t of texts()) {
  test(`CoNLL of ${t.name}: the page's tokens and sentences are the CLI's`, () => {
    const cli = cliOutput('conll', '.conll', t);
    const [page] = pageExport('conll', t);
    assert.ok(cli.split('\n').length > 20, 'the CLI wrote tokens');
    assert.deepEqual(tokenColumn(page.content), tokenColumn(cli));
    assert.equal(page.content, cli); // the tags too: the same spans over the same tokens
  });

  test(`brat of ${t.name}: the page's .ann is the CLI's, byte for byte`, () => {
    const cli = cliOutput('brat', '.ann', t);
    const page = pageExport('brat', t).find((f) => f.name.endsWith('.ann'));
    assert.ok(cli.split('\n').filter((l) => /^T\d+\t/.test(l)).length > 3, 'the CLI wrote spans');
    assert.equal(page.content, cli);
  });

  test(`brat of ${t.name}: the page opens the CLI's .ann whole (speakers, cues and their links too)`, () => {
    const ann = cliOutput('brat', '.ann', t);
    const dropped = [];
    const opened = fromBrat(t.text, ann, `${t.name}.txt`, { dropped });
    assert.deepEqual(dropped, []);
    const range = (r) => r && [r.start, r.end];
    const key = (d) => d.spans.map((x) => [x.type, x.start, x.end, x.value, range(x.cue), range(x.speaker), x.speaker && x.speaker.entity]);
    assert.deepEqual(key(opened), key(normalizeDocument(core.annotate(t.text, t.date ? { date: t.date } : {}))));
  });
}
