// Benchmark of the annotator page on a long article (Playwright + Debian's Chromium):
//   1. open + highlight a 20,000-word document through the page (paste, annotate in the worker,
//      render) with the embedded model;
//   2. the same text with a dense synthetic annotation (a span every ~6 words, quotes with
//      speakers), as the real model would give: time to show it;
//   3. one edit (label a selection from the keyboard; undo) on that document, until the next frame.
// Prints the figures (median of RUNS). Usage: cd tests/web && node bench.mjs   (env as e2e tests)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { siteDir, serve, launch, ROOT } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 5);
const seed = fs.readFileSync(path.join(ROOT, 'data/sample/seed.txt'), 'utf8');
let text = '';
while (text.split(/\s+/).filter(Boolean).length < 20000) text += `${seed}\n\n`;
const words = text.split(/\s+/).filter(Boolean).length;

// A dense annotation: every 6th word an entity, every 40th sentence-ish stretch a quote.
function dense(t) {
  const types = ['PERSON', 'GPE', 'ORGANISATION', 'DATE', 'POSITION', 'LOCATION', 'EVENT'];
  const spans = [];
  const re = /[\p{L}\p{M}\p{N}-]+/gu;
  let m;
  let k = 0;
  while ((m = re.exec(t))) {
    if (k++ % 6 === 0) spans.push({ id: `T${spans.length + 1}`, type: types[k % types.length], start: m.index, end: m.index + m[0].length, text: m[0], score: 0.9, source: 'model' });
  }
  const quotes = [];
  for (let i = 0; i + 2 < spans.length; i += 40) {
    const a = spans[i];
    const b = spans[i + 10];
    const sp = spans[i + 12];
    quotes.push({ id: `Q${i}`, type: 'QUOTE', start: a.start, end: b.end, text: t.slice(a.start, b.end), score: 1, source: 'rule:quote.unmarked', kind: 'unmarked', speaker: { start: sp.start, end: sp.end, text: sp.text } });
  }
  return { format: 'belgi/1', text: t, offsets: 'utf16', date: null, spans: spans.concat(quotes) };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const server = await serve(siteDir());
const browser = await launch();
const page = await browser.context.newPage();
await page.goto(server.url);
await page.waitForSelector('body[data-state="ready"]');

const open = [];
const annotate = [];
const render = [];
for (let i = 0; i < RUNS; i++) {
  const r = await page.evaluate(async (t) => {
    const frame = () => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
    const t0 = performance.now();
    await window.belgiApp.addDocs([{ name: `long-${Math.random()}.txt`, text: t }]);
    await frame();
    const d = window.belgiApp.state.docs[window.belgiApp.state.current];
    return { total: performance.now() - t0, annotate: d.annotateMs, render: document.querySelector('belgi-annotator').renderTime, spans: d.annotations.spans.length };
  }, text);
  open.push(r.total); annotate.push(r.annotate); render.push(r.render);
  if (i === 0) console.error(`embedded model found ${r.spans} spans`);
}

const denseDoc = dense(text);
const show = [];
const edit = [];
const editRender = [];
const undo = [];
for (let i = 0; i < RUNS; i++) {
  const r = await page.evaluate(async (doc) => {
    const frame = () => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
    const el = document.querySelector('belgi-annotator');
    let t0 = performance.now();
    el.load(doc);
    await frame();
    const show = performance.now() - t0;
    await new Promise((res) => setTimeout(res, 500));
    // Select a word in the middle without a span and label it from the keyboard; undo it.
    const edits = [];
    const renders = [];
    const undos = [];
    const re = /[\p{L}\p{M}\p{N}-]+/gu;
    const taken = (a, b) => el.spans.some((s) => s.type !== 'QUOTE' && s.start < b && s.end > a);
    for (let k = 0; k < 5; k++) {
      re.lastIndex = Math.floor(doc.text.length / 2) + k * 200;
      let m;
      do m = re.exec(doc.text); while (m && taken(m.index, m.index + m[0].length));
      el.selectRange(m.index, m.index + m[0].length);
      await new Promise((res) => setTimeout(res, 200));
      t0 = performance.now();
      el.textEl.dispatchEvent(new KeyboardEvent('keydown', { key: 'p', code: 'KeyP', bubbles: true }));
      await frame();
      edits.push(performance.now() - t0);
      renders.push(el.renderTime);
      await new Promise((res) => setTimeout(res, 200));
      t0 = performance.now();
      el.undo();
      await frame();
      undos.push(performance.now() - t0);
      await new Promise((res) => setTimeout(res, 200));
    }
    const med = (xs) => [...xs].sort((x, y) => x - y)[2];
    const edit = med(edits);
    const editRender = med(renders);
    t0 = performance.now() - med(undos);
    return { show, edit, editRender, undo: performance.now() - t0, spans: el.annotations.spans.length, marks: el.querySelectorAll('mark').length };
  }, denseDoc);
  show.push(r.show); edit.push(r.edit); editRender.push(r.editRender); undo.push(r.undo);
  if (i === 0) console.error(`dense document: ${r.spans} spans, ${r.marks} <mark>s`);
}

const f = (x) => `${Math.round(x)} ms`;
console.log(`Belgi annotator benchmark — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (${os.cpus()[0]?.model?.trim()}), Chromium headless, median of ${RUNS}`);
console.log(`document: ${words} words, ${text.length} UTF-16 units`);
console.log(`open + highlight (paste → annotate in worker → render → next frame): ${f(median(open))}`);
console.log(`  of which annotate (worker): ${f(median(annotate))}, render: ${f(median(render))}`);
console.log(`dense annotation (${denseDoc.spans.length} spans): show ${f(median(show))}`);
console.log(`one edit (key press → re-render → next frame): ${f(median(edit))} (render ${f(median(editRender))}); undo: ${f(median(undo))}`);
await browser.close();
await server.close();
