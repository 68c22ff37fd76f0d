// What the page-load benchmarks share (budget.mjs, compare.mjs, tiers.mjs): the page that
// measures, a static server for one or more site folders, headless Chromium, one cold load.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sample = readFileSync(path.join(root, 'data', 'sample', 'seed.txt'), 'utf8');

// playwright-core from tests/web, or null if it is not installed.
export function playwright() {
  try {
    return createRequire(path.join(root, 'tests', 'web', 'package.json'))('playwright-core').chromium;
  } catch {
    return null;
  }
}

// The preload lines wasm/js/README.md gives embedders.
const PRELOAD = `<link rel="modulepreload" href="./belgi/index.js">
<link rel="preload" href="./belgi/belgi-core.wasm" as="fetch" type="application/wasm" crossorigin>`;

// One sentence with an entity, a date, a time and a quote, for the warmup page.
const WARMUP = 'Астанада 2023 жылғы 5 желтоқсанда сағат 10:00-де Президент Қасым-Жомарт Тоқаев: «Біз дайынбыз», — деді. Ол БҰҰ-ның мүшесі.';

// Marks (ms after navigation start), in the title when done: script start, package imported,
// init() done, sample fetched, first result. The budget page is plain; "preload" adds the
// preload lines; "warmup" annotates one sentence right after init() (inside the init() step):
// what the first annotate() would cost if the page's idle time had compiled its code before.
const page = (kind) => `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">${kind === 'preload' ? PRELOAD : ''}<script type="module">
  const t = [performance.now()];
  const { init, annotate } = await import('./belgi/index.js');
  t.push(performance.now());
  await init();${kind === 'warmup' ? `\n  annotate(${JSON.stringify(WARMUP)});` : ''}
  t.push(performance.now());
  const text = await (await fetch('./sample.txt')).text();
  t.push(performance.now());
  const doc = annotate(text);
  t.push(performance.now());
  document.title = 'done ' + t.join(' ') + ' ' + doc.spans.length;
</script>`;

const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.txt': 'text/plain' };

// Serves sites[i] under /i/: the pages at /i/budget.html, /i/preload.html and /i/warmup.html,
// the sample at /i/sample.txt, and the site's files. Returns { port, close }.
export async function serve(sites) {
  const server = createServer((req, res) => {
    const url = decodeURIComponent(req.url.split('?')[0]);
    const m = url.match(/^\/(\d+)(\/.*)$/);
    const site = m && sites[Number(m[1])];
    if (!site) { res.writeHead(404); return res.end(); }
    const rest = m[2];
    const kind = rest.match(/^\/(budget|preload|warmup)\.html$/);
    if (kind) {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(page(kind[1]));
    }
    if (rest === '/sample.txt') { res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }); return res.end(sample); }
    const file = path.join(site, path.normalize(rest).replace(/^\/+/, ''));
    try {
      const body = readFileSync(file);
      // Cacheable, as a deployment would serve the package (budget.mjs's warm loads reuse it).
      res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'cache-control': 'max-age=3600' });
      res.end(body);
    } catch { res.writeHead(404); res.end(); }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { port: server.address().port, close: () => server.close() };
}

export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launch(chromium, { jsFlags } = {}) {
  const args = jsFlags ? [...chromiumArgs, `--js-flags=${jsFlags}`] : chromiumArgs;
  return chromium.launch({ executablePath: '/usr/bin/chromium', args });
}

// Loads url in a new browser context (empty caches) and returns the page's five marks.
export async function coldLoad(browser, url, onWarning) {
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  if (onWarning) p.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') onWarning(m.text()); });
  await p.goto(url);
  await p.waitForFunction(() => document.title.startsWith('done'), null, { timeout: 30000 });
  const marks = (await p.title()).split(' ').slice(1, 6).map(Number);
  await ctx.close();
  return marks;
}

// Removes `name value` from args and returns value, or def if name is absent.
export function takeOption(args, name, def) {
  const i = args.indexOf(name);
  if (i < 0) return def;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
