// WebAssembly budgets (issue 6): prints sizes (raw and gzip -9) of what a page downloads, the
// time from page load to the first result in headless Chromium, and annotate() time on a
// 5,000-word article in Node after init. Figures, not pass/fail: record them in
// docs/benchmarks.md. usage: node bench/wasm/budget.mjs SITE_DIR   (scripts/bench-wasm.sh)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const site = path.resolve(process.argv[2]);
const pkg = path.join(site, 'belgi');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// Sizes of the package files a page loads.
let raw = 0, gz = 0;
console.log('| file | bytes | gzip -9 |\n|---|---:|---:|');
for (const f of ['belgi-core.wasm', 'index.js']) {
  const b = readFileSync(path.join(pkg, f));
  const g = gzipSync(b, { level: 9 }).length;
  raw += b.length; gz += g;
  console.log(`| ${f} | ${b.length} | ${g} |`);
}
console.log(`| total | ${raw} | ${gz} |  (budget: 3 MB gzip)\n`);

// A 5,000-word article from the sample text, in Node.
const belgi = await import(pathToFileURL(path.join(pkg, 'index.js')).href);
let t = performance.now();
await belgi.init();
const initMs = performance.now() - t;
const sample = readFileSync(path.join(root, 'data', 'sample', 'seed.txt'), 'utf8');
const words = sample.split(/\s+/).filter(Boolean);
const article = Array.from({ length: Math.ceil(5000 / words.length) }, () => sample).join('\n\n');
const nwords = article.split(/\s+/).filter(Boolean).length;
belgi.annotate(article);  // warm up
const times = [];
for (let i = 0; i < 10; i++) {
  t = performance.now();
  belgi.annotate(article);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`Node ${process.version}: init ${initMs.toFixed(0)} ms; ${nwords}-word article: median ${times[5].toFixed(1)} ms, min ${times[0].toFixed(1)} ms (budget: 50 ms)`);

// Page load to first result in headless Chromium (playwright-core from tests/web).
let chromium;
try {
  chromium = createRequire(path.join(root, 'tests', 'web', 'package.json'))('playwright-core').chromium;
} catch {
  console.log('Chromium: skipped (run `npm install` in tests/web for playwright-core)');
  process.exit(0);
}
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.txt': 'text/plain' };
// Marks (ms after navigation start): script start, package imported, init() done, sample
// fetched, first result (the first annotate() also decodes the entity model). The budget is
// measured on the plain page; the same page with the preload lines of wasm/js/README.md is
// measured alongside, for comparison.
const PRELOAD = `<link rel="modulepreload" href="./belgi/index.js">
<link rel="preload" href="./belgi/belgi-core.wasm" as="fetch" type="application/wasm" crossorigin>`;
const page = (preload) => `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">${preload ? PRELOAD : ''}<script type="module">
  const t = [performance.now()];
  const { init, annotate } = await import('./belgi/index.js');
  t.push(performance.now());
  await init();
  t.push(performance.now());
  const text = await (await fetch('./sample.txt')).text();
  t.push(performance.now());
  const doc = annotate(text);
  t.push(performance.now());
  document.title = 'done ' + t.join(' ') + ' ' + doc.spans.length;
</script>`;
const server = createServer((req, res) => {
  const url = decodeURIComponent(req.url.split('?')[0]);
  if (url === '/budget.html') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end(page(false)); }
  if (url === '/preload.html') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end(page(true)); }
  if (url === '/sample.txt') { res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }); return res.end(sample); }
  const file = path.join(site, path.normalize(url).replace(/^\/+/, ''));
  try {
    const body = readFileSync(file);
    // Cacheable, as a deployment would serve the package: the warm runs below reuse it.
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'cache-control': 'max-age=3600' });
    res.end(body);
  } catch { res.writeHead(404); res.end(); }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
// Cold: a new browser context (empty caches) per load, the two pages alternating.
const results = { budget: [], preload: [] };
const warnings = new Set();
for (let i = 0; i < 9; i++) {
  for (const name of ['budget', 'preload']) {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    p.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') warnings.add(`${name}: ${m.text()}`); });
    await p.goto(`http://127.0.0.1:${port}/${name}.html`);
    await p.waitForFunction(() => document.title.startsWith('done'), null, { timeout: 30000 });
    results[name].push((await p.title()).split(' ').slice(1, 6).map(Number));
    await ctx.close();
  }
}
// Warm: the same profile loads the page again (the annotators' case after the first visit:
// HTTP cache, and V8's cache of the compiled module once it has tiered up).
const warm = [];
{
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  for (let i = 0; i < 6; i++) {
    await p.goto(`http://127.0.0.1:${port}/budget.html?${i}`);
    await p.waitForFunction(() => document.title.startsWith('done'), null, { timeout: 30000 });
    if (i > 0) warm.push(Number((await p.title()).split(' ')[5]));
    await p.waitForTimeout(1500);  // time for the optimizing compiler and the code cache
  }
  await ctx.close();
}
await browser.close();
server.close();
const median = (rows, f) => rows.map(f).sort((a, b) => a - b)[rows.length >> 1];
for (const [name, label] of [['budget', 'plain page'], ['preload', 'the page with the preload lines of wasm/js/README.md']]) {
  const rows = results[name];
  const totals = rows.map((t) => t[4]).sort((a, b) => a - b);
  console.log(`Chromium, ${label}: navigation start to first result on the sample article (cold cache, localhost), ${rows.length} loads: median ${totals[rows.length >> 1].toFixed(0)} ms, min ${totals[0].toFixed(0)} ms, max ${totals[rows.length - 1].toFixed(0)} ms${name === 'budget' ? ' (budget: 300 ms)' : ''}`);
  console.log(`  medians: script starts ${median(rows, (t) => t[0]).toFixed(0)} ms; import ${median(rows, (t) => t[1] - t[0]).toFixed(0)}, init() ${median(rows, (t) => t[2] - t[1]).toFixed(0)}, fetch of the text ${median(rows, (t) => t[3] - t[2]).toFixed(0)}, first annotate() ${median(rows, (t) => t[4] - t[3]).toFixed(0)} ms`);
}
for (const w of warnings) console.log(`  console: ${w}`);
warm.sort((a, b) => a - b);
console.log(`Chromium, warm (the same profile reloading): median ${warm[2].toFixed(0)} ms, min ${warm[0].toFixed(0)} ms`);
