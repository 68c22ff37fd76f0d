// Learning from corrections: each document marked done is learned in the worker, with its spans
// as the person left them (every span, shown or hidden, reviewed or not: the core takes them as
// the whole truth, so a span left out would be learned as no name, while one left as the model
// gave it can only confirm what the model says). The adaptation autosaves in IndexedDB and is loaded at start,
// before any document is annotated; documents annotated afterwards are annotated with it. A
// document is learned once: the fingerprint of what was learned is kept, and the same text with
// the same spans is not learned again. The text stays on the page: nothing is sent anywhere.
import { currentAdaptation, learnDocument, useAdaptation } from './core.js';
import * as store from './store.js';
import { $, confirmDialog, describeError, download, message } from './app-ui.js';

const learned = new Set();  // fingerprints of the documents learned from
let info = { documents: 0, weights: 0 };
let note = '';  // why the saved adaptation is not used, if it is not
let chain = Promise.resolve();  // learning, import and reset, one after the other

/** Resolves once the learning, import or reset under way (if any) has finished. */
export function learningIdle() { return chain; }

function serially(fn) {
  const p = chain.then(fn);
  chain = p.catch(() => {});
  return p;
}

// Two 53-bit string hashes (cyrb53, seeds 1 and 2): enough to tell documents apart, and it needs
// no secure context (crypto.subtle does) nor a library.
function hash53(str, seed) {
  let h1 = 0xdeadbeef ^ seed, h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * What the core learns from a document: its text and its entity spans (QUOTE spans are not
 * learned from, so a changed quote alone does not make the document new), UTF-16 offsets.
 */
export function learnable(doc) {
  const spans = doc.spans.filter((s) => s.type !== 'QUOTE').map(({ type, start, end }) => ({ type, start, end }))
    // As the page orders them: of two spans that overlap (an import may bring some), the core
    // keeps the earlier, the outer one.
    .sort((a, b) => a.start - b.start || b.end - a.end || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  return { format: 'belgi/1', text: doc.text, offsets: 'utf16', spans };
}

/** The fingerprint of a learnable() document. */
export function fingerprint(doc) {
  const s = JSON.stringify([doc.text, doc.spans.map((x) => [x.type, x.start, x.end])]);
  return `${hash53(s, 1).toString(36)}-${hash53(s, 2).toString(36)}-${s.length.toString(36)}`;
}

function render() {
  const n = info.documents;
  $('learning-status').textContent = n
    ? `Learned from ${n} document${n === 1 ? '' : 's'} (${info.weights.toLocaleString('en')} weights).`
    : 'Nothing learned yet: each document marked done is learned from.';
  if (note) $('learning-status').textContent += ` ${note}`;
  document.body.dataset.learned = String(n);
  $('learning-export').disabled = !n && !info.weights;
  $('learning-reset').disabled = !n && !info.weights;
}

// Queued behind the autosave's writes (store.js keeps them in order; flush() waits for them): the
// next document need not wait for the disk.
function save(bytes) {
  store.saveAdaptation({ bytes, learned });
}

/**
 * Learns from the document `d` (queue entry, for its name) whose spans are `doc`, unless the same
 * text with the same spans was learned already. Resolves once the next annotation uses it.
 */
export function learnDone(d, doc) {
  const what = learnable(doc);
  const fp = fingerprint(what);
  if (learned.has(fp)) return Promise.resolve(false);
  return serially(async () => {
    if (learned.has(fp)) return false;
    try {
      const out = await learnDocument(what);
      info = out.info;
      note = '';
      learned.add(fp);
      render();
      save(out.bytes);
      return true;
    } catch (err) {
      // Also in the Learning box: opening the next document replaces the message.
      note = `Could not learn from «${d.name}»: ${describeError(err, doc.text)}.`;
      message(note, true);
      render();
      return false;
    }
  });
}

async function doExport() {
  const { bytes, info: now } = await currentAdaptation();
  const day = new Date().toISOString().slice(0, 10);
  download(`belgi-adaptation-${day}.bin`, bytes, 'application/octet-stream');
  message(`Exported what was learned from ${now.documents} document${now.documents === 1 ? '' : 's'} (model ${now.model}): belgi annotate --adaptation FILE uses it too.`);
}

async function doImport(file) {
  if (!file) return;
  if (info.documents && !(await confirmDialog(`Replace what was learned from ${info.documents} document${info.documents === 1 ? '' : 's'} with «${file.name}»? Export first to keep it.`, { ok: 'Replace' }))) return;
  const bytes = new Uint8Array(await file.arrayBuffer());
  await serially(async () => {
    try {
      info = await useAdaptation(bytes);
    } catch (err) {
      message(`Not imported: «${file.name}»: ${describeError(err)}. What was learned before is kept.`, true);
      return;
    }
    note = '';
    learned.clear();  // the file's documents are not known by fingerprint: each may be learned again
    render();
    save(bytes);
    message(`Imported «${file.name}»: learned from ${info.documents} document${info.documents === 1 ? '' : 's'}. Documents annotated from now on use it.`);
  });
}

async function doReset() {
  const ok = await confirmDialog(`Forget what was learned from ${info.documents} document${info.documents === 1 ? '' : 's'}? Documents annotated from now on get the shipped model's spans; those annotated already keep theirs. Export first to keep it.`, { ok: 'Forget it' });
  if (!ok) return;
  await serially(async () => {
    info = await useAdaptation(new Uint8Array(0));
    note = '';
    learned.clear();
    render();
    save(null);
    message('Reset: nothing learned any more.');
  });
}

function wire() {
  $('learning-export').addEventListener('click', () => doExport().catch((err) => message(`Could not export: ${describeError(err)}`, true)));
  $('learning-reset').addEventListener('click', () => doReset().catch((err) => message(`Could not reset: ${describeError(err)}`, true)));
  $('learning-file').addEventListener('change', (e) => {
    const file = e.target.files[0];
    e.target.value = '';
    doImport(file).catch((err) => message(`Could not import: ${describeError(err)}`, true));
  });
}

/**
 * Loads the saved adaptation into the page's module and the worker's (call before annotating).
 * One the core refuses (learned on another model, say) is not used and the page says why; what
 * is learned next replaces it.
 */
export async function startLearning() {
  wire();
  let saved = null;
  try { saved = await store.loadAdaptation(); } catch (err) { message(`Saved learning unavailable: ${err.message}`, true); }
  if (saved && saved.bytes.length) {
    try {
      info = await useAdaptation(saved.bytes);
      for (const fp of saved.learned) learned.add(fp);
    } catch (err) {
      note = `The saved learning is not used (${describeError(err)}); what is learned from now on replaces it.`;
    }
  } else {
    try { info = (await currentAdaptation()).info; } catch { /* the core did not load: app.js says so */ }
  }
  render();
}
