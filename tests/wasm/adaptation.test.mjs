// Learning from corrections in the package (issue 21): learn(), adaptation(), setAdaptation(),
// resetAdaptation(), adaptationInfo(), init({adaptation}); and native ≡ wasm with an adaptation.
// usage: BELGI_PKG=<build-wasm>/wasm/pkg BELGI_CLI=<build>/cli/belgi node --test tests/wasm/
// Each test file runs in a process of its own: what is learned here stays here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { LEARNING, correctedDocument, marksName } from '../web/learning-fixture.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = process.env.BELGI_PKG;
const cli = process.env.BELGI_CLI;
assert.ok(pkgDir && cli, 'BELGI_PKG and BELGI_CLI must be set');
const belgi = await import(pathToFileURL(path.join(pkgDir, 'index.js')).href);

const MAGIC = [...Buffer.from('BELGIADA')];
const corrected = () => correctedDocument(belgi.annotate(LEARNING.taught));

test('the learning calls before init throw not_initialized', () => {
  for (const fn of [() => belgi.learn({ text: '', spans: [] }), () => belgi.adaptation(), () => belgi.setAdaptation(new Uint8Array(0)),
    () => belgi.resetAdaptation(), () => belgi.adaptationInfo()]) {
    assert.throws(fn, { name: 'BelgiError', code: 'not_initialized' });
  }
});

test('at first nothing is learned: an empty adaptation of the shipped model', async () => {
  await belgi.init();
  assert.deepEqual(belgi.adaptationInfo(), { documents: 0, weights: 0, model: belgi.version().model });
  const bytes = belgi.adaptation();
  assert.ok(bytes instanceof Uint8Array);
  assert.deepEqual([...bytes.subarray(0, 8)], MAGIC);
});

test('learn(): one corrected document, and the name is right in a new sentence; reset: gone', async () => {
  await belgi.init();
  const before = belgi.annotate(LEARNING.fresh);
  assert.ok(!marksName(before), `the shipped model gets «${LEARNING.name}» wrong: ${JSON.stringify(before.spans)}`);
  const r = belgi.learn(corrected());
  assert.equal(r.documents, 1);
  assert.equal(r.skipped, 0);
  assert.ok(r.weights > 0);
  assert.equal(r.model, belgi.version().model);
  assert.deepEqual(belgi.adaptationInfo(), { documents: 1, weights: r.weights, model: r.model });
  const after = belgi.annotate(LEARNING.fresh);
  assert.ok(marksName(after), JSON.stringify(after.spans));
  // Dates and quotes are rules: learning does not change them (their scores may move: a rule's
  // score takes in the model's, which learning changes).
  const rules = (doc) => doc.spans.filter((s) => s.type === 'QUOTE' || s.source.startsWith('rule'))
    .map(({ type, start, end, value, source }) => ({ type, start, end, value, source }));
  assert.deepEqual(rules(after), rules(before));
  assert.deepEqual(belgi.resetAdaptation(), { documents: 0, weights: 0, model: r.model });
  assert.deepEqual(belgi.annotate(LEARNING.fresh), before);
});

test('adaptation() bytes: deterministic, and the same through setAdaptation() and init({adaptation})', async () => {
  await belgi.init();
  belgi.resetAdaptation();
  belgi.learn(corrected());
  const bytes = belgi.adaptation();
  const adapted = belgi.annotate(LEARNING.fresh);
  belgi.adaptation().fill(0);
  assert.deepEqual(belgi.adaptation(), bytes, 'adaptation() gives a copy');
  belgi.resetAdaptation();
  belgi.learn(corrected());
  assert.deepEqual(belgi.adaptation(), bytes, 'the same document learned again from nothing gives the same bytes');
  belgi.resetAdaptation();
  assert.equal(belgi.setAdaptation(bytes).documents, 1);
  assert.deepEqual(belgi.annotate(LEARNING.fresh), adapted);
  belgi.resetAdaptation();
  assert.equal(belgi.setAdaptation(bytes.slice().buffer).documents, 1, 'an ArrayBuffer will do');
  belgi.resetAdaptation();
  await belgi.init({ adaptation: bytes });
  assert.deepEqual(belgi.annotate(LEARNING.fresh), adapted);
  await belgi.init();  // without adaptation: the current one stays
  assert.equal(belgi.adaptationInfo().documents, 1);
  assert.equal(belgi.setAdaptation(new Uint8Array(0)).documents, 0, 'empty bytes: none');
});

/**
 * An adaptation of another model: a tiny model trained by the CLI on four made-up sentences
 * (under a second), and the same corrected document learned on it.
 */
function otherModelAdaptation(dir) {
  const data = path.join(dir, 'data');
  mkdirSync(data);
  const conll = 'Астана B-GPE\nқаласы O\n. O\n\nАсхат B-PERSON\nкелді O\n. O\n\n';
  for (const f of ['valid.iob2', 'test-a.iob2']) writeFileSync(path.join(data, f), conll);
  execFileSync(cli, ['train', '--data', data, '--lexicons', path.join(here, '..', '..', 'data', 'lexicons'),
    '--out', path.join(dir, 'tiny.bin'), '--epochs', '1', '--runs', '1', '--clusters', '0', '--no-augment', '--dev-percent', '0'], { stdio: 'ignore' });
  writeFileSync(path.join(dir, 'doc.json'), JSON.stringify(corrected()));
  execFileSync(cli, ['adapt', '--model', path.join(dir, 'tiny.bin'), path.join(dir, 'doc.json'), '-o', path.join(dir, 'a.bin')], { stdio: 'ignore' });
  return new Uint8Array(readFileSync(path.join(dir, 'a.bin')));
}

test('refused adaptations: invalid_adaptation with the reason, and the current one stays', async () => {
  await belgi.init();
  belgi.resetAdaptation();
  belgi.learn(corrected());
  const good = belgi.adaptation();
  const adapted = belgi.annotate(LEARNING.fresh);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'belgi-other-model-'));
  let other;
  try { other = otherModelAdaptation(dir); } finally { rmSync(dir, { recursive: true, force: true }); }
  const flipped = good.slice();
  flipped[good.length >> 1] ^= 1;
  const bad = [
    ['not an adaptation', new TextEncoder().encode('not an adaptation at all'), /not a Belgi adaptation/],
    ['truncated', good.slice(0, good.length - 3), /corrupt|truncated|short/],
    ['a byte changed', flipped, /corrupt/],
    ['another model', other, new RegExp(`learned on model .*, this annotator runs model ${belgi.version().model}`)],
  ];
  for (const [what, bytes, reason] of bad) {
    assert.throws(() => belgi.setAdaptation(bytes), (err) => err instanceof belgi.BelgiError && err.code === 'invalid_adaptation' && reason.test(err.message), what);
    assert.equal(belgi.adaptationInfo().documents, 1, what);
    assert.deepEqual(belgi.adaptation(), good, what);
  }
  assert.throws(() => belgi.setAdaptation('BELGIADA'), { code: 'invalid_adaptation' });
  assert.throws(() => belgi.setAdaptation(null), { code: 'invalid_adaptation' });
  // init() refuses it once the module is loaded; annotate() goes on with what it had.
  await assert.rejects(belgi.init({ adaptation: bad[0][1] }), { name: 'BelgiError', code: 'invalid_adaptation' });
  assert.deepEqual(belgi.annotate(LEARNING.fresh), adapted);
});

test('learn() refuses what is not a belgi/1 document, and learns nothing from it', async () => {
  await belgi.init();
  belgi.resetAdaptation();
  const cases = [
    [null, 'invalid_argument'],
    ['Астана', 'invalid_argument'],
    [{ text: 42, spans: [] }, 'invalid_argument'],
    [{ text: 'Астана', spans: 'GPE' }, 'invalid_argument'],
    [{ format: 'brat', text: 'Астана', spans: [] }, 'invalid_argument'],
    [{ text: 'Астана', offsets: 'lines', spans: [] }, 'invalid_argument'],
    [{ text: 'Астана', offsets: 'utf16', spans: [null] }, 'invalid_argument'],
    [{ text: 'ab\uD800 Астана', offsets: 'utf16', spans: [] }, 'invalid_text'],
    [{ text: 'Астана', offsets: 'utf16', spans: [{ type: 'CITY', start: 0, end: 6 }] }, 'invalid_input'],
    [{ text: 'Астана', offsets: 'utf16', spans: [{ type: 'GPE', start: 0, end: 7 }] }, 'invalid_input'],
    [{ text: 'Астана', offsets: 'utf16', spans: [{ type: 'GPE', start: 3, end: 3 }] }, 'invalid_input'],
    [{ text: 'Астана', offsets: 'utf16', spans: [{ type: 'GPE', start: -1, end: 3 }] }, 'invalid_input'],
    [{ text: 'Астана', offsets: 'utf16', spans: [{ type: 'GPE', start: 0.5, end: 3 }] }, 'invalid_input'],
  ];
  for (const [doc, code] of cases) {
    assert.throws(() => belgi.learn(doc), (err) => err instanceof belgi.BelgiError && err.code === code, JSON.stringify(doc));
  }
  assert.equal(belgi.adaptationInfo().documents, 0);
});

test('learn(): a span overlapping an earlier one is skipped and counted; offsets in code points', async () => {
  await belgi.init();
  belgi.resetAdaptation();
  const text = '😀 Астанада форум өтті.';
  const r = belgi.learn({
    format: 'belgi/1', text, offsets: 'codepoint',
    spans: [{ type: 'GPE', start: 2, end: 10 }, { type: 'LOCATION', start: 5, end: 12 }, { type: 'EVENT', start: 11, end: 16 }],
  });
  assert.equal(r.skipped, 1);
  assert.equal(r.documents, 1);
  // The same spans in UTF-16 units (the emoji counts two): the same bytes.
  const bytes = belgi.adaptation();
  belgi.resetAdaptation();
  belgi.learn({ text, offsets: 'utf16', spans: [{ type: 'GPE', start: 3, end: 11 }, { type: 'LOCATION', start: 6, end: 13 }, { type: 'EVENT', start: 12, end: 17 }] });
  assert.deepEqual(belgi.adaptation(), bytes);
  belgi.resetAdaptation();
});

test('native CLI and wasm: the same adaptation bytes from the same document, the same documents with it', async () => {
  await belgi.init();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'belgi-adapt-'));
  try {
    const doc = corrected();
    writeFileSync(path.join(dir, 'doc.json'), JSON.stringify(doc));
    execFileSync(cli, ['adapt', path.join(dir, 'doc.json'), '-o', path.join(dir, 'a.bin')]);
    belgi.resetAdaptation();
    belgi.learn(doc);
    assert.deepEqual(belgi.adaptation(), new Uint8Array(readFileSync(path.join(dir, 'a.bin'))));
    const goldenDir = path.join(here, '..', 'golden');
    const texts = readdirSync(goldenDir).filter((n) => n.endsWith('.gold.json')).sort()
      .map((n) => JSON.parse(readFileSync(path.join(goldenDir, n), 'utf8'))).map((g) => [g.text, g.dct]);
    texts.push([LEARNING.fresh, undefined]);
    let differ = 0;
    for (const [text, date] of texts) {
      const args = ['annotate', '--adaptation', path.join(dir, 'a.bin'), '--format', 'jsonl', '--offsets', 'utf16', '-'];
      if (date) args.push('--date', date);
      const native = JSON.parse(execFileSync(cli, args, { input: text }).toString('utf8'));
      const wasm = belgi.annotate(text, { offsets: 'utf16', ...(date ? { date } : {}) });
      assert.deepEqual(wasm, native);
      const plain = JSON.parse(execFileSync(cli, args.filter((a, i) => i !== 1 && i !== 2), { input: text }).toString('utf8'));
      if (JSON.stringify(plain) !== JSON.stringify(native)) differ++;
    }
    assert.ok(differ >= 1, 'the adaptation changed at least the new sentence');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    belgi.resetAdaptation();
  }
});
