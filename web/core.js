// The belgi package (./belgi/ beside this file) as the page uses it: loaded once on the main
// thread, and in a Web Worker for long texts. The core annotates and tokenizes; the page does
// neither itself.

/** Texts longer than this are annotated in a Web Worker. */
export const WORKER_THRESHOLD = 20000;

let belgiMain = null;
let belgiWorker = null;
let loaded = null;  // the package on this thread, once init() has finished

function packageUrl(file) { return new URL(`./belgi/${file}`, import.meta.url); }

/** Loads the package on the main thread (and, with {worker: true}, starts the worker too). */
export async function loadBelgi({ worker = false } = {}) {
  if (!belgiMain) {
    belgiMain = import(packageUrl('index.js').href).then(async (m) => { await m.init(); loaded = m; return m; });
    belgiMain.catch(() => { belgiMain = null; });
  }
  const m = await belgiMain;
  if (worker && !belgiWorker) {
    belgiWorker = import(packageUrl('worker-client.js').href).then(async (wc) => {
      const w = wc.createWorker(packageUrl('worker.js'));
      await w.init();
      return w;
    });
    belgiWorker.catch(() => { belgiWorker = null; });
  }
  if (worker) await belgiWorker;
  return m;
}

/** Annotates a text; long ones in the worker so that the page stays responsive. */
export async function annotateText(text, date) {
  const opts = { offsets: 'utf16' };
  if (date) opts.date = date;
  if (text.length > WORKER_THRESHOLD) {
    await loadBelgi({ worker: true });
    return (await belgiWorker).annotate(text, opts);
  }
  const m = await loadBelgi();
  return m.annotate(text, opts);
}

/**
 * The core's tokens of a text, like coreTokenize(), but a long text's in the worker, so that the
 * page does not stop for them (a 1 MB text takes about 0.4 s to tokenize).
 */
export async function tokenizeText(text) {
  if (text.length > WORKER_THRESHOLD) {
    await loadBelgi({ worker: true });
    return (await belgiWorker).tokenize(text);
  }
  return (await loadBelgi()).tokenize(text);
}

/** True once the package has loaded on this thread (coreTokenize() works). */
export function coreLoaded() { return loaded !== null; }

/**
 * The core's tokens and sentences of a text, UTF-16 ({tokens: [[start, end], …], sentenceEnds}):
 * what selections snap to and the CoNLL export writes. Throws until loadBelgi() has finished.
 */
export function coreTokenize(text) {
  if (!loaded) throw new Error('the belgi package has not loaded yet (await loadBelgi() first)');
  return loaded.tokenize(text);
}

// ---------------------------------------------------------------------------------------------
// Learning from corrections. The page's module and the worker's each have their own adaptation:
// the worker learns (off the main thread), and the page's module is given the same bytes, so
// that short texts (annotated here) and long ones (in the worker) get the same spans.

async function bothModules() {
  const m = await loadBelgi({ worker: true });
  return [m, await belgiWorker];
}

/** Learns from a corrected belgi/1 document; returns {info, bytes} of the new adaptation. */
export async function learnDocument(doc) {
  const [m, w] = await bothModules();
  const info = await w.learn(doc);
  const bytes = await w.adaptation();
  m.setAdaptation(bytes);
  return { info, bytes };
}

/**
 * Gives both modules this adaptation (empty bytes: none) and returns its info. Bytes the core
 * refuses throw a BelgiError ('invalid_adaptation', with the reason) and change nothing.
 */
export async function useAdaptation(bytes) {
  const [m, w] = await bothModules();
  const info = await w.setAdaptation(bytes);  // posted as a copy: `bytes` stays usable here
  m.setAdaptation(bytes);
  return info;
}

/** The current adaptation's bytes and info (the page's module has the same as the worker's). */
export async function currentAdaptation() {
  const m = await loadBelgi();
  return { bytes: m.adaptation(), info: m.adaptationInfo() };
}
