// init()'s warm-up task (wasm/js/index.js) must not change any result: a process in which it ran
// before the first annotate() and one in which annotate() came first give the same documents.
// Its own file, so that no other test has annotated in this process before the task runs.
// usage: BELGI_PKG=<build-wasm>/wasm/pkg node --test tests/wasm/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = process.env.BELGI_PKG;
assert.ok(pkgDir, 'BELGI_PKG must be set');
const indexUrl = pathToFileURL(path.join(pkgDir, 'index.js')).href;
const goldenDir = path.join(here, '..', 'golden');
const texts = [
  readFileSync(path.join(here, '..', '..', 'data', 'sample', 'seed.txt'), 'utf8'),
  // the warm-up's own sentence, whose words it leaves in the caches
  'Астанада 2023 жылғы 5 желтоқсанда сағат 10:00-де Президент Қасым-Жомарт Тоқаев: «Біз дайынбыз», — деді. Ол БҰҰ-ның мүшесі.',
  ...readdirSync(goldenDir).filter((n) => n.endsWith('.gold.json')).sort()
    .map((n) => JSON.parse(readFileSync(path.join(goldenDir, n), 'utf8')).text),
];

test('results are the same whether the warm-up ran first or not', async () => {
  const belgi = await import(indexUrl);
  await belgi.init();
  await new Promise((r) => setTimeout(r, 0));  // the warm-up task was queued before this one
  const warmed = texts.map((t) => belgi.annotate(t));

  // Another process annotates at once, so its warm-up is skipped.
  const script = `const b = await import(${JSON.stringify(indexUrl)}); await b.init();
    const texts = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    process.stdout.write(JSON.stringify(texts.map((t) => b.annotate(t))));`;
  const cold = JSON.parse(execFileSync(process.execPath, ['--input-type=commonjs', '-e',
    `(async () => { ${script} })()`], { input: JSON.stringify(texts), maxBuffer: 64 << 20 }).toString());
  assert.equal(cold.length, texts.length);
  for (let i = 0; i < texts.length; i++) assert.deepEqual(warmed[i], cold[i], `text ${i}`);
  assert.ok(warmed[0].spans.length > 10);
});
