// WebAssembly budgets (issue 6): prints sizes (raw and gzip -9) of what a page downloads, the
// time from page load to the first result in headless Chromium, and annotate() time on a
// 5,000-word article after init, in Node and in Chromium. Figures, not pass/fail: record them in
// docs/benchmarks.md. usage: node bench/wasm/budget.mjs SITE_DIR   (scripts/bench-wasm.sh)
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { article, articleWords, coldLoad, consoleOf, launch, median, serve, warmLoads } from './pages.mjs';

const site = path.resolve(process.argv[2]);
const pkg = path.join(site, 'belgi');

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

// The 5,000-word article (pages.mjs), in Node.
const belgi = await import(pathToFileURL(path.join(pkg, 'index.js')).href);
let t = performance.now();
await belgi.init();
const initMs = performance.now() - t;
belgi.annotate(article);  // warm up
const times = [];
for (let i = 0; i < 10; i++) {
  t = performance.now();
  belgi.annotate(article);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`Node ${process.version}: init ${initMs.toFixed(0)} ms; ${articleWords}-word article: median ${times[5].toFixed(1)} ms, min ${times[0].toFixed(1)} ms (budget: 50 ms)`);

// Page load to first result, and the 5,000-word article, in headless Chromium
// (bench/wasm/pages.mjs: the pages, the server, the driver).
let browser;
try {
  browser = await launch();
} catch (err) {
  console.log(`Chromium: skipped (${err.message})`);
  process.exit(0);
}
const server = await serve([site]);
const base = `http://127.0.0.1:${server.port}/0`;
// Cold: a new browser context (empty caches) per load, the pages taking turns. The budget is
// measured on the plain page. Alongside: the same page with the preload lines of
// wasm/js/README.md, and the floor page (the same steps with a stand-in that only downloads
// belgi-core.wasm): what the browser and the network cost on this machine in these minutes.
const LOADS = 20;
const pages = ['budget', 'preload', 'floor'];
const results = Object.fromEntries(pages.map((p) => [p, []]));
let warm;
const articles = [];
const warnings = [];
try {
  for (let i = 0; i < LOADS; i++) {
    for (const name of i % 2 ? pages : [...pages].reverse()) results[name].push(await coldLoad(browser, `${base}/${name}.html`));
  }
  // The 5,000-word article in the page, three cold loads.
  for (let i = 0; i < 3; i++) articles.push(await coldLoad(browser, `${base}/article.html`));
  // Warm: the same tab loads the page again (the annotators' case after the first visit: HTTP
  // cache, and V8's cache of the compiled module once it has tiered up).
  warm = (await warmLoads(browser, `${base}/budget.html`, 6)).slice(1).map((t) => t[4]);
  // What the console said on one more load of each page, untimed.
  for (const name of ['budget', 'preload']) {
    for (const m of await consoleOf(browser, `${base}/${name}.html`)) warnings.push(`${name}: ${m}`);
  }
} catch (err) {
  console.error(`budget.mjs: ${err.message}`);
  process.exitCode = 1;
}
await browser.close();
server.close();
if (process.exitCode) process.exit();
const labels = { budget: 'plain page', preload: 'the page with the preload lines of wasm/js/README.md', floor: 'floor page (a stand-in that only downloads belgi-core.wasm)' };
for (const name of pages) {
  const rows = results[name];
  const totals = rows.map((t) => t[4]).sort((a, b) => a - b);
  console.log(`Chromium, ${labels[name]}: navigation start to ${name === 'floor' ? 'its end' : 'first result on the sample article'} (cold cache, localhost), ${rows.length} loads: median ${median(totals).toFixed(0)} ms, min ${totals[0].toFixed(0)} ms, max ${totals[rows.length - 1].toFixed(0)} ms${name === 'budget' ? ' (budget: 300 ms)' : ''}`);
  console.log(`  medians: script starts ${median(rows.map((t) => t[0])).toFixed(0)} ms; import ${median(rows.map((t) => t[1] - t[0])).toFixed(0)}, init() ${median(rows.map((t) => t[2] - t[1])).toFixed(0)}, fetch of the text ${median(rows.map((t) => t[3] - t[2])).toFixed(0)}, ${name === 'floor' ? 'annotate() stand-in' : 'first annotate()'} ${median(rows.map((t) => t[4] - t[3])).toFixed(0)} ms`);
}
for (const w of warnings) console.log(`  console: ${w}`);
if (!warnings.length) console.log('  console: no warnings or errors on either page');
console.log(`Chromium, ${articleWords}-word article, 3 cold loads: the first annotate() straight after init() (decoding the model and compiling included) ${articles.map((a) => a[0].toFixed(0)).join(', ')} ms; then median of 10 ${articles.map((a) => a[1].toFixed(1)).join(', ')} ms, min ${articles.map((a) => a[2].toFixed(1)).join(', ')} ms (budget: 50 ms)`);
console.log(`Chromium, warm (the same tab reloading): median ${median(warm).toFixed(0)} ms, min ${Math.min(...warm).toFixed(0)} ms`);
