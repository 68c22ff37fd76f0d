// belgi: the JavaScript API over the WebAssembly core. ES module; Node >= 18 and browsers.
//   await init();                       // finds belgi-core.wasm beside this file
//   const doc = annotate(text, {date: '2023-12-05'});
// Offsets are UTF-16 code units by default (what String.prototype.slice takes).

import createBelgiCore from './belgi-core.mjs';

const isNode = typeof process === 'object' && process.versions != null && process.versions.node != null;

let core = null;     // the instantiated module, once init() has finished
let loading = null;  // the pending init() promise

/** An error from Belgi: `code` is stable (see index.d.ts), `message` is for people. */
export class BelgiError extends Error {
  constructor(code, message, offset) {
    super(message);
    this.name = 'BelgiError';
    this.code = code;
    if (offset !== undefined) this.offset = offset;
  }
}

async function loadModule(options) {
  const args = {};
  if (options.wasmBinary) {
    args.wasmBinary = options.wasmBinary;
  } else if (options.wasmUrl) {
    const url = String(options.wasmUrl);
    args.locateFile = () => url;
  } else if (isNode) {
    // Node 20 has fetch, but not for file: URLs: read the bytes ourselves.
    const { readFile } = await import('node:fs/promises');
    args.wasmBinary = await readFile(new URL('./belgi-core.wasm', import.meta.url));
  } else {
    args.locateFile = (file) => new URL(file, import.meta.url).href;
  }
  return createBelgiCore(args);
}

// The first call into the module creates the annotator, which decodes the entity model, and
// the first annotate() has the browser compile each function it reaches, on its first call.
// Both happen in a task of their own once init() has resolved, on one sentence: a page usually
// awaits something next (the article text, storage, rendering), and its first annotate() then
// finds the code compiled. On a 2-core machine this also keeps that compiling apart from the
// engine's background optimizing, which the first long text sets off: a cold page's first
// result comes 19-24 ms sooner on this project's 2-core VM (docs/benchmarks.md). Skipped if the
// page has annotated already. Results do not depend on it: the caches it fills are exact.
const WARMUP = 'Астанада 2023 жылғы 5 желтоқсанда сағат 10:00-де Президент Қасым-Жомарт Тоқаев: «Біз дайынбыз», — деді. Ол БҰҰ-ның мүшесі.';
let annotated = false;

function prepareSoon(m) {
  const timer = setTimeout(() => {
    try {
      if (!annotated) m.annotateJson(WARMUP, '', '', 'utf16');  // creates the annotator first
    } catch { /* annotate() reports any error */ }
  }, 0);
  if (timer && typeof timer.unref === 'function') timer.unref();  // Node: never keeps a process alive
}

/** Loads the module once; later calls share the same promise. */
function load(options) {
  if (core) return Promise.resolve();
  if (!loading) {
    loading = loadModule(options).then(
      (m) => { core = m; prepareSoon(m); },
      (err) => {
        loading = null;  // a failed load may be retried (e.g. with another wasmUrl)
        throw new BelgiError('load_failed', `cannot load belgi-core.wasm: ${err && err.message ? err.message : err}`);
      });
  }
  return loading;
}

/**
 * Loads the WebAssembly module. Idempotent: later calls share the same load. With
 * `adaptation` (bytes from adaptation()), the module annotates with it from then on, whenever
 * it is given; an adaptation the module refuses (learned on another model, another version,
 * corrupt) rejects with BelgiError code 'invalid_adaptation' AFTER the module has loaded: the
 * caller may forget the stale bytes and annotate with the shipped model alone.
 * @param {{wasmUrl?: string|URL, wasmBinary?: ArrayBuffer|Uint8Array, adaptation?: Uint8Array|ArrayBuffer|null}} [options]
 */
export function init(options = {}) {
  if (options === null || typeof options !== 'object') {
    return Promise.reject(new BelgiError('invalid_argument', 'init() takes an options object'));
  }
  const loaded = load(options);
  if (options.adaptation === undefined || options.adaptation === null) return loaded;
  return loaded.then(() => { setAdaptation(options.adaptation); });
}

function requireCore() {
  if (!core) throw new BelgiError('not_initialized', 'call and await init() before annotate()');
  return core;
}

// Index of the first unpaired surrogate, or -1. Such a string has no UTF-8 form.
function loneSurrogate(text) {
  const m = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
  return m ? m.index : -1;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// An error record becomes a BelgiError; `codes` renames the core's codes where the package has
// a more precise one.
function parse(json, codes = {}) {
  const doc = JSON.parse(json);
  if (doc.error) throw new BelgiError(codes[doc.error.code] || doc.error.code, doc.error.message);
  return doc;
}

/**
 * Annotates one document. Returns a plain object in the belgi/1 format (docs/format.md).
 * @param {string} text
 * @param {{date?: string, types?: string[], offsets?: 'utf16'|'codepoint'}} [options]
 */
export function annotate(text, options = {}) {
  const m = requireCore();
  if (typeof text !== 'string') throw new BelgiError('invalid_argument', 'text must be a string');
  if (options === null || typeof options !== 'object') throw new BelgiError('invalid_argument', 'options must be an object');
  const { date = '', types = [], offsets = 'utf16' } = options;
  if (typeof date !== 'string' || (date !== '' && !DATE.test(date))) {
    throw new BelgiError('invalid_argument', `date must be 'YYYY-MM-DD', not ${JSON.stringify(date)}`);
  }
  if (!Array.isArray(types) || types.some((t) => typeof t !== 'string' || t === '' || t.includes(','))) {
    throw new BelgiError('invalid_argument', 'types must be an array of type names');
  }
  if (offsets !== 'utf16' && offsets !== 'codepoint') {
    throw new BelgiError('invalid_argument', `offsets must be 'utf16' or 'codepoint', not ${JSON.stringify(offsets)}`);
  }
  const bad = loneSurrogate(text);
  if (bad >= 0) throw new BelgiError('invalid_text', `unpaired surrogate at UTF-16 offset ${bad}`, bad);
  annotated = true;
  try {
    return parse(m.annotateJson(text, date, types.join(','), offsets));
  } catch (err) {
    if (err instanceof BelgiError) throw err;
    throw new BelgiError('internal', `annotate failed: ${err && err.message ? err.message : err}`);
  }
}

/**
 * Tokens and sentences as the annotator sees them (for snapping selections to tokens).
 * @param {string} text
 * @param {{offsets?: 'utf16'|'codepoint'}} [options]
 * @returns {{tokens: Array<[number, number]>, sentenceEnds: number[]}}
 */
export function tokenize(text, options = {}) {
  const m = requireCore();
  if (typeof text !== 'string') throw new BelgiError('invalid_argument', 'text must be a string');
  const { offsets = 'utf16' } = options || {};
  if (offsets !== 'utf16' && offsets !== 'codepoint') {
    throw new BelgiError('invalid_argument', `offsets must be 'utf16' or 'codepoint', not ${JSON.stringify(offsets)}`);
  }
  const bad = loneSurrogate(text);
  if (bad >= 0) throw new BelgiError('invalid_text', `unpaired surrogate at UTF-16 offset ${bad}`, bad);
  return parse(m.tokenizeJson(text, offsets));
}

/** Versions of the core, the output format and the embedded model. */
export function version() {
  return parse(requireCore().versionJson());
}

// ---------------------------------------------------------------------------------------------
// Learning from corrections. The module holds one current adaptation (none at first): changes to
// the entity model learned from corrected documents; annotate() uses it. Dates and quotes are
// rules and do not change.

const UNITS = ['utf16', 'codepoint', 'byte'];

// {documents, weights, model}, with `skipped` for learn() only (the others' would always be 0).
function info(json, { codes, skipped = false } = {}) {
  const r = parse(json, codes);
  const out = { documents: r.documents, weights: r.weights, model: r.model };
  if (skipped) out.skipped = r.skipped;
  return out;
}

// The core reads the spans' type and range only; the rest (ids, scores, the page's `origin`)
// need not cross, and a huge document crosses once.
function learnRecord(doc) {
  if (doc === null || typeof doc !== 'object' || typeof doc.text !== 'string' || !Array.isArray(doc.spans)) {
    throw new BelgiError('invalid_argument', 'learn() takes a belgi/1 document: {text, offsets, spans: [{type, start, end}]}');
  }
  if (doc.format !== undefined && doc.format !== 'belgi/1') {
    throw new BelgiError('invalid_argument', `learn() takes format 'belgi/1', not ${JSON.stringify(doc.format)}`);
  }
  const offsets = doc.offsets ?? 'codepoint';  // the format's default (docs/format.md)
  if (!UNITS.includes(offsets)) throw new BelgiError('invalid_argument', `unknown offsets ${JSON.stringify(offsets)}`);
  const bad = loneSurrogate(doc.text);
  if (bad >= 0) throw new BelgiError('invalid_text', `unpaired surrogate at UTF-16 offset ${bad}`, bad);
  const spans = doc.spans.map((s, i) => {
    if (s === null || typeof s !== 'object') throw new BelgiError('invalid_argument', `span ${i} is not an object`);  // from 0, as the core counts
    return { type: s.type, start: s.start, end: s.end };
  });
  return JSON.stringify({ format: 'belgi/1', text: doc.text, offsets, spans });
}

/**
 * Learns from one corrected document, taking its spans as the whole truth (a name not among
 * them is not a name; QUOTE spans are ignored): annotate() uses what was learned from then on.
 * Spans that overlap an earlier one are counted in `skipped`; a span of an unknown type or
 * outside the text is an error ('invalid_input', naming the span by its index from 0).
 * @param {{format?: 'belgi/1', text: string, offsets?: 'utf16'|'codepoint'|'byte', spans: Array<{type: string, start: number, end: number}>}} doc
 * @returns {{documents: number, weights: number, skipped: number, model: string}}
 */
export function learn(doc) {
  const m = requireCore();
  return info(m.learnJson(learnRecord(doc)), { skipped: true });
}

/** The current adaptation as bytes (a copy; binary, begins "BELGIADA"), for init() or setAdaptation(). */
export function adaptation() {
  return requireCore().adaptationBytes();  // a fresh Uint8Array each time
}

function bytesOf(x) {
  if (x instanceof Uint8Array) return x;
  if (x instanceof ArrayBuffer) return new Uint8Array(x);
  if (ArrayBuffer.isView(x)) return new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
  throw new BelgiError('invalid_adaptation', 'an adaptation is a Uint8Array or an ArrayBuffer (the bytes adaptation() gave)');
}

/**
 * Replaces the current adaptation with these bytes (empty bytes: none). Throws BelgiError
 * 'invalid_adaptation' for bytes of another model or format version, or corrupt ones; the
 * current adaptation stays then.
 * @param {Uint8Array|ArrayBuffer} bytes
 */
export function setAdaptation(bytes) {
  const m = requireCore();
  return info(m.setAdaptation(bytesOf(bytes)), { codes: { invalid_argument: 'invalid_adaptation' } });
}

/** Forgets everything learned: annotate() gives the shipped model's results again. */
export function resetAdaptation() {
  return info(requireCore().setAdaptation(new Uint8Array(0)));
}

/** What the current adaptation holds: {documents, weights, model}. */
export function adaptationInfo() {
  return info(requireCore().adaptationJson());
}
