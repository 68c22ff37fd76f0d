// Learning from corrections (issue 21): how long learning one 1,000-word document takes in
// headless Chromium (target: 50 ms), on the page's main thread (learn()) and the way the
// annotator page does it when a document is marked done (learn() in the worker, its bytes read
// back with adaptation() and given to the page's module with setAdaptation()). Figures, not
// pass/fail: record them in docs/benchmarks.md.
//   usage: node bench/wasm/learn.mjs SITE_DIR [--runs N]      (scripts/bench-learn.sh)
//
// The document is the sample article (data/sample/seed.txt, never news-train) repeated to 1,000
// words, as annotate() marks it, corrected heavily so that the model has much to learn: of its
// entity spans (dates, times and quotes aside), every fourth is retyped (PERSON <-> ORGANISATION,
// others to LOCATION) and every fourth, one further, removed. Before each timed call the
// adaptation is reset: each is the first learning of that document, as on the page.
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { coldLoad, launch, sample, serve, takeOption } from './pages.mjs';

const args = process.argv.slice(2);
const runs = Number(takeOption(args, '--runs', '15'));
const site = path.resolve(args[0] || 'build-wasm/site');

const countWords = (s) => s.split(/\s+/).filter(Boolean).length;
const perCopy = countWords(sample);
let text = Array.from({ length: Math.floor(1000 / perCopy) }, () => sample).join('\n\n');
// Then whole words of one more copy, up to 1,000.
text += `\n\n${sample.split(/\s+/).filter(Boolean).slice(0, 1000 - countWords(text)).join(' ')}`;
const words = countWords(text);

// The page: its title is 'done' then, in ms: main thread first call, median, min; worker path
// first, median, min; then the adaptation's weights and bytes and the spans changed.
const PAGE = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module">
const belgi = await import('./belgi/index.js');
const { createWorker } = await import('./belgi/worker-client.js');
const text = await (await fetch('./learn.txt')).text();
const RUNS = ${runs};
await belgi.init();
const doc = belgi.annotate(text, { offsets: 'utf16' });
let n = 0, changed = 0;
const spans = [];
for (const s of doc.spans) {
  if (['QUOTE', 'DATE', 'TIME'].includes(s.type)) { spans.push(s); continue; }
  const k = n++ % 4;
  if (k === 0) { spans.push({ ...s, type: s.type === 'PERSON' ? 'ORGANISATION' : s.type === 'ORGANISATION' ? 'PERSON' : 'LOCATION' }); changed++; }
  else if (k === 1) changed++;
  else spans.push(s);
}
const corrected = { ...doc, spans };
const stats = (xs) => { const first = xs[0]; const rest = xs.slice(1).sort((a, b) => a - b); return [first, rest[rest.length >> 1], rest[0]]; };
const main = [];
for (let i = 0; i <= RUNS; i++) {
  belgi.resetAdaptation();
  const t = performance.now();
  belgi.learn(corrected);
  main.push(performance.now() - t);
}
const info = belgi.adaptationInfo();
const size = belgi.adaptation().length;
const w = createWorker(new URL('./belgi/worker.js', location.href));
await w.init();
await w.annotate(text);
const worker = [];
for (let i = 0; i <= RUNS; i++) {
  await w.resetAdaptation();
  belgi.resetAdaptation();
  const t = performance.now();
  await w.learn(corrected);
  belgi.setAdaptation(await w.adaptation());
  worker.push(performance.now() - t);
}
document.title = ['done', ...stats(main), ...stats(worker), info.weights, size, changed].join(' ');
</script>`;

const dir = mkdtempSync(path.join(tmpdir(), 'belgi-learn-'));
symlinkSync(path.join(site, 'belgi'), path.join(dir, 'belgi'));
writeFileSync(path.join(dir, 'learn.html'), PAGE);
writeFileSync(path.join(dir, 'learn.txt'), text);
const browser = await launch();
const server = await serve([dir]);
const loads = [];
try {
  for (let i = 0; i < 3; i++) loads.push(await coldLoad(browser, `http://127.0.0.1:${server.port}/0/learn.html`));
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
const f = (x) => x.toFixed(1);
const [, , , , , , weights, bytes, changed] = loads[0];
console.log(`Chromium, learning one ${words}-word document (${changed} entity spans corrected), ${runs} calls after the first, 3 cold loads:`);
console.log(`  learn() on the page's thread: first ${loads.map((l) => f(l[0])).join(', ')} ms; median ${loads.map((l) => f(l[1])).join(', ')} ms; min ${loads.map((l) => f(l[2])).join(', ')} ms (target: 50 ms)`);
console.log(`  the page's way (learn() in the worker, adaptation() back, setAdaptation() on the page): first ${loads.map((l) => f(l[3])).join(', ')} ms; median ${loads.map((l) => f(l[4])).join(', ')} ms; min ${loads.map((l) => f(l[5])).join(', ')} ms`);
console.log(`  the adaptation after it: ${weights} weights, ${bytes} bytes`);
