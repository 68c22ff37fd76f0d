// The JavaScript package under Node: API, errors, declarations, and identity with the native CLI.
// usage: BELGI_PKG=<build-wasm>/wasm/pkg BELGI_CLI=<build>/cli/belgi node --test tests/wasm/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = process.env.BELGI_PKG;
const cli = process.env.BELGI_CLI;
assert.ok(pkgDir && cli, 'BELGI_PKG and BELGI_CLI must be set');
const belgi = await import(pathToFileURL(path.join(pkgDir, 'index.js')).href);

const goldenDir = path.join(here, '..', 'golden');
const golden = readdirSync(goldenDir).filter((n) => n.endsWith('.gold.json')).sort()
  .map((n) => ({ name: n, ...JSON.parse(readFileSync(path.join(goldenDir, n), 'utf8')) }));

test('calls before init throw not_initialized', () => {
  assert.throws(() => belgi.annotate('Астана'), { name: 'BelgiError', code: 'not_initialized' });
  assert.throws(() => belgi.version(), { code: 'not_initialized' });
});

test('init is idempotent', async () => {
  const a = belgi.init();
  const b = belgi.init();
  await Promise.all([a, b]);
  await belgi.init();
  assert.equal(belgi.version().format, 'belgi/1');
});

test('the sample article: Асхат Жұмағали is a PERSON, spans slice the UTF-16 text', async () => {
  await belgi.init();
  const text = readFileSync(path.join(here, '..', '..', 'data', 'sample', 'seed.txt'), 'utf8');
  const doc = belgi.annotate(text);
  assert.equal(doc.format, 'belgi/1');
  assert.equal(doc.offsets, 'utf16');
  assert.equal(doc.text, text);
  assert.ok(doc.spans.some((s) => s.type === 'PERSON' && s.text === 'Асхат Жұмағали'));
  for (const s of doc.spans) assert.equal(text.slice(s.start, s.end), s.text);
});

test('emoji and combining marks before a name', async () => {
  await belgi.init();
  const text = '😀👍🏽 е\u0301сеп: Асхат Жұмағали сөйледі.';
  const doc = belgi.annotate(text);
  const person = doc.spans.find((s) => s.text === 'Асхат Жұмағали');
  assert.ok(person, JSON.stringify(doc.spans));
  assert.equal(text.slice(person.start, person.end), 'Асхат Жұмағали');
  const cp = belgi.annotate(text, { offsets: 'codepoint' });
  const p2 = cp.spans.find((s) => s.text === 'Асхат Жұмағали');
  assert.equal(Array.from(text).slice(p2.start, p2.end).join(''), 'Асхат Жұмағали');
  assert.equal(person.start - p2.start, 3);  // three astral characters before it
});

test('options: date and types', async () => {
  await belgi.init();
  const doc = belgi.annotate('Бүгін Астанада форум өтті.', { date: '2023-12-05', types: ['GPE'] });
  assert.deepEqual(doc.date, { value: '2023-12-05', source: 'option' });
  assert.ok(doc.spans.length > 0);
  assert.ok(doc.spans.every((s) => s.type === 'GPE'));
});

test('error paths throw BelgiError with stable codes, and the module keeps working', async () => {
  await belgi.init();
  const cases = [
    [() => belgi.annotate(42), 'invalid_argument'],
    [() => belgi.annotate('x', null), 'invalid_argument'],
    [() => belgi.annotate('x', { date: '05.12.2023' }), 'invalid_argument'],
    [() => belgi.annotate('x', { date: '2023-02-30' }), 'invalid_argument'],
    [() => belgi.annotate('x', { types: 'PERSON' }), 'invalid_argument'],
    [() => belgi.annotate('x', { types: ['PEOPLE'] }), 'invalid_argument'],
    [() => belgi.annotate('x', { offsets: 'byte' }), 'invalid_argument'],
    [() => belgi.annotate('ab\uD800cd'), 'invalid_text'],
    [() => belgi.annotate('ab\uDC00'), 'invalid_text'],
  ];
  for (const [fn, code] of cases) assert.throws(fn, (err) => err instanceof belgi.BelgiError && err.code === code);
  assert.throws(() => belgi.annotate('ab\uD800cd'), (err) => err.offset === 2);
  // After every refusal the module still annotates.
  assert.deepEqual(belgi.annotate('Астана 05.12.2023').spans.filter((s) => s.type === 'DATE').map((s) => s.text), ['05.12.2023']);
});

test('an error inside the module reaches JavaScript and the module keeps working', async () => {
  await belgi.init();
  const big = 'Астана '.repeat(1_500_000);  // 19.5 MB of UTF-8: over the 16 MB limit
  assert.throws(() => belgi.annotate(big), (err) => err instanceof belgi.BelgiError && err.code === 'too_large');
  const doc = belgi.annotate('05.12.2023 Астана');
  assert.equal(doc.spans[0].text, '05.12.2023');
});

test('empty and whitespace-only text', async () => {
  await belgi.init();
  assert.deepEqual(belgi.annotate('').spans, []);
  assert.deepEqual(belgi.annotate(' \n\u00a0').spans, []);
});

test('tokenize() gives the core tokens in UTF-16 offsets', async () => {
  await belgi.init();
  const text = '😀 «Нұр-Сұлтан» 05.12.2023. Жаңа сөйлем.';
  const t = belgi.tokenize(text);
  assert.deepEqual(t.tokens.map(([s, e]) => text.slice(s, e)),
    ['😀', '«', 'Нұр-Сұлтан', '»', '05.12.2023', '.', 'Жаңа', 'сөйлем', '.']);
  assert.deepEqual(t.sentenceEnds, [6, 9]);
  assert.throws(() => belgi.tokenize('a\uD800'), { code: 'invalid_text' });
});

test('version() names the core, format and model', async () => {
  await belgi.init();
  const v = belgi.version();
  assert.equal(v.format, 'belgi/1');
  assert.match(v.core, /^\d+\.\d+\.\d+$/);
  assert.ok(v.model.length > 0);
  assert.equal(typeof v.modelFormat, 'number');
});

test('the export list and index.d.ts agree', () => {
  const dts = readFileSync(path.join(pkgDir, 'index.d.ts'), 'utf8');
  const declared = [...dts.matchAll(/^export declare (?:function|class|const) (\w+)/gm)].map((m) => m[1]).sort();
  assert.deepEqual(Object.keys(belgi).sort(), declared);
  const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  for (const f of pkg.files) assert.ok(readdirSync(pkgDir).includes(f), `package file ${f} exists`);
});

test('the shipped module starts with the rule tables built (wasm/snapshot.mjs ran)', async () => {
  const module = await WebAssembly.compile(readFileSync(path.join(pkgDir, 'belgi-core.wasm')));
  const marks = WebAssembly.Module.customSections(module, 'belgi.snapshot');
  assert.equal(marks.length, 1, 'one belgi.snapshot section');
  const info = JSON.parse(Buffer.from(marks[0]).toString('utf8'));
  assert.deepEqual(info.prepared, ['dates', 'quotes']);
  assert.ok(info.segments > 0 && info.bytes > 0);
});

test('native CLI and wasm give identical documents on Latin-script Kazakh (2018, 2021, 2017)', async () => {
  await belgi.init();
  const script = path.join(here, '..', '..', 'scripts', 'latin-examples.py');
  for (const alphabet of ['2018', '2021', '2017']) {
    const dir = mkdtempSync(path.join(os.tmpdir(), `belgi-latin-${alphabet}-`));
    try {
      execFileSync('python3', [script, alphabet, dir, goldenDir]);
      const docs = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
      assert.equal(docs.length, golden.length);
      let names = 0;
      for (const name of docs) {
        const g = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
        const args = ['annotate', '--format', 'jsonl', '--offsets', 'utf16', '-'];
        if (g.dct) args.push('--date', g.dct);
        const native = JSON.parse(execFileSync(cli, args, { input: g.text }).toString('utf8'));
        const wasm = belgi.annotate(g.text, { offsets: 'utf16', ...(g.dct ? { date: g.dct } : {}) });
        names += native.spans.filter((s) => s.type === 'PERSON' || s.type === 'GPE').length;
        assert.deepEqual(wasm, native, `${alphabet} ${name}`);
      }
      assert.ok(names >= 40, `${alphabet}: ${names} PERSON and GPE spans (the text was read as Kazakh)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

for (const offsets of ['utf16', 'codepoint']) {
  test(`native CLI and wasm give identical documents (${offsets})`, async () => {
    await belgi.init();
    assert.ok(golden.length >= 5);
    for (const g of golden) {
      const args = ['annotate', '--format', 'jsonl', '--offsets', offsets, '-'];
      if (g.dct) args.push('--date', g.dct);
      const native = JSON.parse(execFileSync(cli, args, { input: g.text }).toString('utf8'));
      const wasm = belgi.annotate(g.text, { offsets, ...(g.dct ? { date: g.dct } : {}) });
      assert.deepEqual(wasm, native, g.name);
    }
  });
}
