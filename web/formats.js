// Export and import of annotated documents. Pure functions: no DOM, no network, so Node can test
// them (tests/web/formats.test.mjs).
//
// The in-memory document is the belgi/1 object (docs/format.md) with UTF-16 offsets, i.e.
// text.slice(span.start, span.end) === span.text, plus two extensions that other consumers can
// ignore:
//   span.origin  'model' | 'rule' | 'human'  who made the span or last changed it
//   doc.status   'new' | 'in progress' | 'done'  (JSONL queue exports only)
//
// Offset conventions of the formats (see docs/web.md):
//   json, jsonl     UTF-16 code units ("offsets": "utf16"); import also takes codepoint and byte
//   brat            code points (Python string indices), as brat itself counts
//   conll           no offsets: one token per line, IOB2 tags
//   labelstudio     UTF-16 code units (JavaScript string indices, as Label Studio's editor counts)
//   webannotation   code points (W3C Web Annotation: "characters" are Unicode code points)

import { TYPE_TABLE } from './types.js';

export const FORMAT = 'belgi/1';

/** The span types in the legend's order (data/types.tsv, via the generated types.js). */
export const TYPES = TYPE_TABLE.map((t) => t.name);
/** The numeric classes: hidden by default, in the legend only when the document has them. */
export const NUMERIC_TYPES = TYPE_TABLE.filter((t) => !t.visible).map((t) => t.name);
/** The classes the guidelines have the page highlight by default, and quotes: always in the legend. */
export const HIGHLIGHTED = TYPE_TABLE.filter((t) => t.highlighted).map((t) => t.name);
/** Types highlighted by default (the guidelines' list, plus quotes). */
export const DEFAULT_VISIBLE = TYPE_TABLE.filter((t) => t.visible).map((t) => t.name);

export const EXPORT_FORMATS = {
  json: { label: 'Belgi JSON (this document)', ext: '.json', mime: 'application/json' },
  'json-cp': { label: 'Belgi JSON, code points (Python)', ext: '.json', mime: 'application/json' },
  jsonl: { label: 'Belgi JSONL (whole queue)', ext: '.jsonl', mime: 'application/jsonl' },
  'jsonl-cp': { label: 'Belgi JSONL, code points (Python)', ext: '.jsonl', mime: 'application/jsonl' },
  brat: { label: 'brat standoff (.txt + .ann)', ext: '.ann', mime: 'text/plain' },
  conll: { label: 'CoNLL IOB2', ext: '.conll', mime: 'text/plain' },
  labelstudio: { label: 'Label Studio JSON', ext: '.labelstudio.json', mime: 'application/json' },
  webannotation: { label: 'W3C Web Annotation JSON-LD', ext: '.jsonld', mime: 'application/ld+json' },
};

// ---------------------------------------------------------------------------------------------
// Offsets

/** An offset converter for one text: UTF-16 code units <-> code points <-> UTF-8 bytes. */
export function offsetMap(text) {
  let astral = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) { astral = true; break; }
  }
  let cpOf = null; // UTF-16 index -> code point index (length text.length + 1)
  let u16Of = null; // code point index -> UTF-16 index
  const build = () => {
    if (cpOf) return;
    cpOf = new Uint32Array(text.length + 1);
    const u = [];
    let cp = 0;
    for (let i = 0; i < text.length; i++) {
      cpOf[i] = cp;
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { u.push(i); cpOf[i + 1] = cp + 1; cp++; i++; continue; }
      }
      u.push(i);
      cp++;
    }
    cpOf[text.length] = cp;
    u.push(text.length);
    u16Of = Uint32Array.from(u);
  };
  return {
    toCodePoint(i) { if (!astral) return i; build(); return cpOf[clamp(i, 0, text.length)]; },
    fromCodePoint(c) { if (!astral) return c; build(); return u16Of[clamp(c, 0, u16Of.length - 1)]; },
    /** UTF-8 byte offset -> UTF-16 offset. */
    fromByte(b) {
      let bytes = 0;
      for (let i = 0; i < text.length; i++) {
        if (bytes >= b) return i;
        const c = text.codePointAt(i);
        bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (c >= 0x10000) i++;
      }
      return text.length;
    },
  };
}

function clamp(x, lo, hi) { return Math.min(hi, Math.max(lo, x)); }

// ---------------------------------------------------------------------------------------------
// Tokens

/** A word: letters, marks, digits and hyphens (a hyphenated word is one token). */
export const WORD = /[\p{L}\p{M}\p{N}\-]+/u;
const TOKEN = /[\p{L}\p{M}\p{N}\-]+|[^\s\p{L}\p{M}\p{N}\-]/gu;
const WORD_CHAR = /[\p{L}\p{M}\p{N}\-]/u;

/** Tokens of the text: words, and every other non-space character on its own. UTF-16 offsets. */
export function tokenize(text) {
  const out = [];
  TOKEN.lastIndex = 0;
  let m;
  while ((m = TOKEN.exec(text))) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

function charAt(text, i) { return String.fromCodePoint(text.codePointAt(i)); }
function isWordAt(text, i) { return i >= 0 && i < text.length && WORD_CHAR.test(charAt(text, i)); }
function isWordBefore(text, i) {
  if (i <= 0) return false;
  let j = i - 1;
  const c = text.charCodeAt(j);
  if (c >= 0xdc00 && c <= 0xdfff && j > 0) j--;
  return isWordAt(text, j);
}

/**
 * Snaps a selection to whole tokens: a boundary inside a word moves out to the word's edge, and
 * spaces at either end are dropped. Returns null if nothing but space is selected.
 */
export function snapToTokens(text, start, end) {
  if (start > end) [start, end] = [end, start];
  start = clamp(start, 0, text.length);
  end = clamp(end, 0, text.length);
  const caret = start === end;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start === end && !caret) return null;
  if (start === end) {
    // A caret in or at the edge of a word selects that word.
    while (start > 0 && isWordBefore(text, start)) start -= lenBefore(text, start);
    while (end < text.length && isWordAt(text, end)) end += lenAt(text, end);
  } else {
    // A boundary inside a word moves out to the word's edge.
    while (start > 0 && isWordBefore(text, start) && isWordAt(text, start)) start -= lenBefore(text, start);
    while (end < text.length && isWordBefore(text, end) && isWordAt(text, end)) end += lenAt(text, end);
  }
  // Keep surrogate pairs whole.
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
  return start < end ? { start, end } : null;
}

function isLowSurrogate(c) { return c >= 0xdc00 && c <= 0xdfff; }
function lenAt(text, i) { return text.codePointAt(i) > 0xffff ? 2 : 1; }
function lenBefore(text, i) { return i >= 2 && isLowSurrogate(text.charCodeAt(i - 1)) && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff ? 2 : 1; }

// ---------------------------------------------------------------------------------------------
// Documents

/** Which of 'model' | 'rule' | 'human' made a span, from its origin or source. */
export function originOf(span) {
  if (span.origin === 'human' || span.origin === 'model' || span.origin === 'rule') return span.origin;
  const s = String(span.source || '');
  if (s === 'model') return 'model';
  if (s.startsWith('rule')) return 'rule';
  return 'human';
}

export function compareSpans(a, b) {
  return a.start - b.start || b.end - a.end || (a.type === 'QUOTE' ? -1 : 0) - (b.type === 'QUOTE' ? -1 : 0);
}

function range(text, r) {
  if (!r || typeof r.start !== 'number' || typeof r.end !== 'number') return undefined;
  const out = { start: r.start, end: r.end, text: text.slice(r.start, r.end) };
  if (r.entity) out.entity = r.entity;
  return out;
}

/**
 * A clean span in UTF-16 offsets: the known fields only, text re-read from the document.
 */
export function cleanSpan(text, s) {
  const out = { id: String(s.id), type: String(s.type), start: s.start, end: s.end, text: text.slice(s.start, s.end) };
  if (s.value !== undefined && s.value !== null && s.value !== '') out.value = String(s.value);
  out.score = typeof s.score === 'number' ? s.score : 1;
  out.source = s.source ? String(s.source) : 'human';
  out.origin = originOf(s);
  if (s.kind) out.kind = s.kind;
  const cue = range(text, s.cue);
  if (cue) { delete cue.entity; out.cue = cue; }
  const speaker = range(text, s.speaker);
  if (speaker) out.speaker = speaker;
  return out;
}

/**
 * The document for export: spans sorted, numbered T1, T2, … in order (speaker.entity follows),
 * offsets UTF-16.
 */
export function normalizeDocument(doc) {
  const text = String(doc.text ?? '');
  const spans = (doc.spans || []).map((s) => cleanSpan(text, s)).sort(compareSpans);
  const ids = new Map();
  spans.forEach((s, i) => { ids.set(s.id, `T${i + 1}`); });
  for (const s of spans) {
    s.id = ids.get(s.id);
    if (s.speaker && s.speaker.entity) {
      if (ids.has(s.speaker.entity)) s.speaker.entity = ids.get(s.speaker.entity);
      else delete s.speaker.entity;
    }
  }
  const out = { format: FORMAT };
  if (doc.id !== undefined && doc.id !== null && doc.id !== '') out.id = String(doc.id);
  out.text = text;
  out.offsets = 'utf16';
  out.date = doc.date ?? null;
  out.spans = spans;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Belgi JSON / JSONL

/** One document as pretty-printed JSON (belgi/1, UTF-16 offsets, spans carry `origin`). */
export function toJSON(doc) {
  return JSON.stringify(normalizeDocument(doc), null, 1) + '\n';
}

/** The queue as JSONL: one document a line, each with its `status`. */
export function toJSONL(docs, { codepoints = false } = {}) {
  return docs.map((d) => {
    const n = codepoints ? inCodePoints(normalizeDocument(d)) : normalizeDocument(d);
    if (d.status) n.status = d.status;
    return JSON.stringify(n);
  }).join('\n') + (docs.length ? '\n' : '');
}

// ---------------------------------------------------------------------------------------------
// Import checks: a span that cannot be right for its text is dropped and reported, never clamped
// or kept (brat, JSON and JSONL imports all pass through here).

/** Length of `text` in an offset unit. */
function unitLength(text, unit) {
  if (unit === 'utf16') return text.length;
  if (unit === 'byte') return new TextEncoder().encode(text).length;
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Why a span cannot be imported onto a text of `length` units (offsets still in the file's unit),
 * or null when it can: offsets must be integers with 0 <= start < end <= length, the type known.
 */
export function spanProblem(s, length) {
  if (!TYPES.includes(s.type)) return `unknown type ${JSON.stringify(s.type)}`;
  if (!Number.isInteger(s.start) || !Number.isInteger(s.end)) return `offsets ${s.start}-${s.end} are not whole numbers`;
  if (s.start < 0) return `start ${s.start} is before the text`;
  if (s.end > length) return `end ${s.end} is past the end of the text (${length})`;
  if (s.end <= s.start) return `end ${s.end} is not after start ${s.start}`;
  return null;
}

/** The spans that can be imported; each other one is reported as {where, reason}. */
function keepValid(spans, length, where, dropped) {
  return spans.filter((s, i) => {
    const reason = spanProblem(s, length);
    if (reason) dropped.push({ where: where(s, i), reason: `${s.type} ${reason}` });
    for (const part of ['cue', 'speaker']) {
      if (reason || !s[part]) continue;
      const r = s[part];
      const bad = spanProblem({ ...r, type: s.type }, length);
      if (bad) { delete s[part]; dropped.push({ where: where(s, i), reason: `${part} of ${s.type} ${bad}` }); }
    }
    return !reason;
  });
}

/** One line for a person: what was dropped and where (`name: line 4: ...; line 9: ...`). */
export function describeDropped(name, dropped) {
  return `${name}: ${dropped.map((d) => `${d.where}: ${d.reason}`).join('; ')}`;
}

/**
 * A normalized document with code-point offsets (`"offsets": "codepoint"`, what `belgi annotate`
 * prints and Python's str indices count): an emoji counts one, not two as in UTF-16.
 */
export function inCodePoints(n) {
  const map = offsetMap(n.text);
  const cp = (r) => (r && typeof r.start === 'number' ? { ...r, start: map.toCodePoint(r.start), end: map.toCodePoint(r.end) } : r);
  const spans = n.spans.map((s) => {
    const c = cp(s);
    if (s.speaker) c.speaker = cp(s.speaker);
    if (s.cue) c.cue = cp(s.cue);
    return c;
  });
  return { ...n, offsets: 'codepoint', date: cp(n.date) ?? null, spans };
}

/**
 * Reads one belgi/1 document object (from our JSON/JSONL or from `belgi annotate`): offsets in
 * codepoint, utf16 or byte units become UTF-16. Throws on something that is not a document.
 */
export function fromObject(obj, { dropped = [], where = '' } = {}) {
  if (!obj || typeof obj !== 'object' || typeof obj.text !== 'string') {
    throw new Error(obj && obj.error ? `the document is an error record: ${obj.error.code}` : 'not a belgi/1 document (no "text")');
  }
  if (obj.format && !String(obj.format).startsWith('belgi/')) throw new Error(`unknown format ${obj.format}`);
  const text = obj.text;
  const unit = obj.offsets || 'codepoint';
  if (!['codepoint', 'utf16', 'byte'].includes(unit)) throw new Error(`unknown offsets ${unit}`);
  const map = offsetMap(text);
  const conv = unit === 'utf16' ? (x) => x : unit === 'codepoint' ? (x) => map.fromCodePoint(x) : (x) => map.fromByte(x);
  const cr = (r) => (r && typeof r.start === 'number' ? { ...r, start: conv(r.start), end: conv(r.end) } : undefined);
  const at = (s, i) => `${where}span ${i + 1}${s.id ? ` (${s.id})` : ''}`;
  const spans = keepValid(Array.isArray(obj.spans) ? obj.spans.map((s) => ({ ...s })) : [],
    unitLength(text, unit), at, dropped).map((s) => {
    const t = { ...s, start: conv(s.start), end: conv(s.end) };
    if (s.cue) t.cue = cr(s.cue);
    if (s.speaker) t.speaker = cr(s.speaker);
    return cleanSpan(text, t);
  });
  let date = obj.date ?? null;
  if (date && typeof date.start === 'number') date = { ...date, start: conv(date.start), end: conv(date.end) };
  const doc = { format: FORMAT, text, offsets: 'utf16', date, spans };
  if (obj.id !== undefined) doc.id = String(obj.id);
  if (obj.status) doc.status = obj.status;
  return doc;
}

/**
 * Parses our JSON: one document, an array of documents, or documents one after the other (what
 * `belgi annotate --format json` prints for several files). Error records are skipped when there
 * are several documents. Returns an array.
 */
export function fromJSON(str, { dropped = [] } = {}) {
  const values = splitJSON(str).map((x) => JSON.parse(x));
  const docs = values.length === 1 && Array.isArray(values[0]) ? values[0] : values;
  const out = [];
  docs.forEach((d, k) => {
    const where = docs.length > 1 ? `document ${k + 1}: ` : '';
    if (docs.length > 1 && d && d.error) dropped.push({ where: `document ${k + 1}`, reason: `an error record (${d.error.code})` });
    else out.push(fromObject(d, { dropped, where }));
  });
  return out;
}

/** Splits text holding JSON values one after the other into their sources. */
export function splitJSON(str) {
  const out = [];
  let depth = 0;
  let inString = false;
  let start = -1;
  for (let i = 0; i < str.length; i++) {
    const c = str[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') { inString = true; if (start < 0) start = i; continue; }
    if (c === '{' || c === '[') { if (depth === 0) start = i; depth++; } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) { out.push(str.slice(start, i + 1)); start = -1; }
    } else if (depth === 0 && !/\s/.test(c)) {
      throw new SyntaxError(`unexpected ${JSON.stringify(c)} at ${i} outside a JSON object`);
    }
  }
  if (depth !== 0 || inString) throw new SyntaxError('unexpected end of JSON');
  return out;
}

/**
 * Parses JSONL: one document a line. Blank lines are skipped; an error record or a line that is
 * not a document is reported in `dropped` with its line number, and the other lines still read.
 */
export function fromJSONL(str, { dropped = [] } = {}) {
  const out = [];
  str.split(/\r?\n/).forEach((line, k) => {
    if (!line.trim()) return;
    try {
      const v = JSON.parse(line);
      if (v && v.error) throw new Error(`an error record (${v.error.code})`);
      out.push(fromObject(v, { dropped, where: `line ${k + 1}: ` }));
    } catch (err) {
      dropped.push({ where: `line ${k + 1}`, reason: err.message });
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// brat standoff

/**
 * brat standoff: returns {txt, ann}. Offsets are code points. A span that crosses a line break is
 * written with fragments (`start end;start end`), as brat wants. Quotes are T lines of type QUOTE;
 * the speaker and cue are T lines of type SPEAKER and CUE tied to the quote by relations
 * `Speaker Arg1:<quote> Arg2:<speaker>` and `Cue Arg1:<quote> Arg2:<cue>`; a speaker that refers to
 * a PERSON span adds `RefersTo Arg1:<speaker> Arg2:<person>`. A quote's kind is attribute `Kind`,
 * a span made or changed by a person has attribute `Human`, and a date value is an AnnotatorNotes
 * line `value=…`.
 */
export function toBrat(doc) {
  const d = normalizeDocument(doc);
  const text = d.text;
  const map = offsetMap(text);
  const lines = [];
  let t = d.spans.length;
  let r = 0;
  let a = 0;
  let n = 0;
  const tline = (id, type, start, end) => {
    lines.push(`${id}\t${type} ${fragments(text, start, end, map)}\t${text.slice(start, end).replace(/\r?\n/g, ' ')}`);
  };
  for (const s of d.spans) tline(s.id, s.type, s.start, s.end);
  for (const s of d.spans) {
    if (s.speaker) {
      const id = `T${++t}`;
      tline(id, 'SPEAKER', s.speaker.start, s.speaker.end);
      lines.push(`R${++r}\tSpeaker Arg1:${s.id} Arg2:${id}`);
      if (s.speaker.entity) lines.push(`R${++r}\tRefersTo Arg1:${id} Arg2:${s.speaker.entity}`);
    }
    if (s.cue) {
      const id = `T${++t}`;
      tline(id, 'CUE', s.cue.start, s.cue.end);
      lines.push(`R${++r}\tCue Arg1:${s.id} Arg2:${id}`);
    }
  }
  for (const s of d.spans) {
    if (s.kind) lines.push(`A${++a}\tKind ${s.id} ${s.kind}`);
    if (s.origin === 'human') lines.push(`A${++a}\tHuman ${s.id}`);
  }
  for (const s of d.spans) {
    if (s.value !== undefined) lines.push(`#${++n}\tAnnotatorNotes ${s.id}\tvalue=${s.value}`);
  }
  return { txt: text, ann: lines.join('\n') + (lines.length ? '\n' : '') };
}

function fragments(text, start, end, map) {
  const parts = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n' || text[i] === '\r') {
      if (i > s) parts.push([s, i]);
      s = i + 1;
    }
  }
  if (!parts.length) parts.push([start, end]);
  return parts.map(([x, y]) => `${map.toCodePoint(x)} ${map.toCodePoint(y)}`).join(';');
}

/** Reads brat standoff (the .txt and the .ann) into a document with UTF-16 offsets. */
export function fromBrat(txt, ann, id, { dropped = [] } = {}) {
  const text = txt;
  const map = offsetMap(text);
  const length = unitLength(text, 'codepoint');
  const tb = new Map();
  const rels = [];
  const attrs = [];
  const notes = [];
  ann.split(/\r?\n/).forEach((raw, k) => {
    if (!raw.trim()) return;
    const tab = raw.split('\t');
    const key = tab[0];
    const where = `line ${k + 1}`;
    if (key[0] === 'T') {
      const m = /^(\S+) (.+)$/.exec(tab[1] || '');
      if (!m) { dropped.push({ where, reason: `not a brat text-bound line: ${raw}` }); return; }
      const frags = m[2].split(';').map((f) => f.trim().split(/\s+/).map(Number));
      const ends = frags.flat();
      const bad = frags.some((f) => f.length !== 2) ? `offsets ${JSON.stringify(m[2])} are not start-end pairs`
        : frags.map(([a, b]) => spanProblem({ type: 'QUOTE', start: a, end: b }, length)).find(Boolean);
      if (bad) { dropped.push({ where, reason: `${m[1]} ${bad}` }); return; }
      const start = map.fromCodePoint(Math.min(...ends));
      const end = map.fromCodePoint(Math.max(...ends));
      const known = m[1] === 'SPEAKER' || m[1] === 'CUE' || TYPES.includes(m[1]);
      if (!known) { dropped.push({ where, reason: `unknown type ${JSON.stringify(m[1])}` }); return; }
      tb.set(key, { id: key, type: m[1], start, end });
    } else if (key[0] === 'R') {
      const m = /^(\S+) Arg1:(\S+) Arg2:(\S+)/.exec(tab[1] || '');
      if (m) rels.push({ type: m[1], a: m[2], b: m[3] });
    } else if (key[0] === 'A' || key[0] === 'M') {
      const [name, target, value] = (tab[1] || '').split(' ');
      attrs.push({ name, target, value });
    } else if (key[0] === '#') {
      const m = /^\S+ (\S+)/.exec(tab[1] || '');
      if (m) notes.push({ target: m[1], note: tab.slice(2).join('\t') });
    }
  });
  const spans = new Map();
  for (const [k, v] of tb) {
    if (v.type === 'SPEAKER' || v.type === 'CUE') continue;
    spans.set(k, { ...v, score: 1, source: 'import:brat', origin: 'model' });
  }
  const speakerOf = new Map();
  for (const r of rels) {
    if (r.type === 'Speaker' && spans.has(r.a) && tb.has(r.b)) {
      const sp = tb.get(r.b);
      spans.get(r.a).speaker = { start: sp.start, end: sp.end };
      speakerOf.set(r.b, spans.get(r.a));
    }
  }
  for (const r of rels) {
    if (r.type === 'Cue' && spans.has(r.a) && tb.has(r.b)) {
      const c = tb.get(r.b);
      spans.get(r.a).cue = { start: c.start, end: c.end };
    } else if (r.type === 'RefersTo' && speakerOf.has(r.a) && spans.has(r.b)) {
      speakerOf.get(r.a).speaker.entity = r.b;
    }
  }
  for (const at of attrs) {
    const s = spans.get(at.target);
    if (!s) continue;
    if (at.name === 'Kind' && at.value) s.kind = at.value;
    if (at.name === 'Human') { s.origin = 'human'; s.source = 'human'; }
  }
  for (const no of notes) {
    const s = spans.get(no.target);
    const m = /^value=(.*)$/.exec(no.note);
    if (s && m) s.value = m[1];
  }
  const doc = { format: FORMAT, text, offsets: 'utf16', date: null, spans: [...spans.values()].map((s) => cleanSpan(text, s)) };
  if (id !== undefined) doc.id = id;
  return normalizeDocument(doc);
}

// ---------------------------------------------------------------------------------------------
// CoNLL IOB2

const SENTENCE_END = /^[.!?…]$/;

/**
 * CoNLL IOB2: `token TAG` a line (tokens by the word regex, every other non-space character its
 * own token), a blank line between sentences (after . ! ? … and at line breaks). Entities only:
 * quotes are not IOB tags. A token is tagged when it lies inside the span.
 */
export function toConll(doc) {
  const d = normalizeDocument(doc);
  const text = d.text;
  const toks = tokenize(text);
  const ents = d.spans.filter((s) => s.type !== 'QUOTE');
  const tags = new Array(toks.length).fill('O');
  let k = 0;
  for (const s of ents) {
    while (k < toks.length && toks[k].end <= s.start) k++;
    let first = true;
    for (let j = k; j < toks.length && toks[j].start < s.end; j++) {
      if (tags[j] !== 'O') { first = false; continue; }
      tags[j] = `${first ? 'B' : 'I'}-${s.type}`;
      first = false;
    }
  }
  const out = [];
  for (let i = 0; i < toks.length; i++) {
    if (i > 0 && out.length && out[out.length - 1] !== '') {
      const gap = text.slice(toks[i - 1].end, toks[i].start);
      const breakHere = (SENTENCE_END.test(toks[i - 1].text) || /\n/.test(gap)) && !tags[i].startsWith('I-');
      if (breakHere) out.push('');
    }
    out.push(`${toks[i].text} ${tags[i]}`);
  }
  return out.join('\n') + (out.length ? '\n' : '');
}

// ---------------------------------------------------------------------------------------------
// Label Studio

/**
 * A Label Studio task list (import it with a `<Labels name="label" toName="text">` config over
 * `<Text name="text" value="$text"/>`). Offsets are UTF-16 code units, as Label Studio's text
 * editor counts them (JavaScript string indices). `annotations` hold every span as it stands now;
 * `predictions` hold the machine's spans that no person changed. A quote's speaker and cue are
 * extra regions labelled SPEAKER / CUE, tied to the quote by relations; a date value is in the
 * region's `meta.text`.
 */
export function toLabelStudio(doc) {
  const d = normalizeDocument(doc);
  const region = (id, s, type, extra = {}) => ({
    id, from_name: 'label', to_name: 'text', type: 'labels',
    value: { start: s.start, end: s.end, text: d.text.slice(s.start, s.end), labels: [type] }, ...extra,
  });
  const result = [];
  for (const s of d.spans) {
    const extra = { origin: s.origin === 'human' ? 'manual' : 'prediction' };
    if (s.value !== undefined) extra.meta = { text: [`value=${s.value}`] };
    if (s.score !== undefined && s.origin !== 'human') extra.score = s.score;
    result.push(region(s.id, s, s.type, extra));
    for (const part of ['speaker', 'cue']) {
      if (!s[part]) continue;
      const rid = `${s.id}-${part}`;
      result.push(region(rid, s[part], part.toUpperCase(), { origin: extra.origin }));
      result.push({ type: 'relation', from_id: s.id, to_id: rid, direction: 'right', labels: [part] });
    }
  }
  const machine = d.spans.filter((s) => s.origin !== 'human').map((s) => {
    const r = region(s.id, s, s.type, { score: s.score });
    if (s.value !== undefined) r.meta = { text: [`value=${s.value}`] };
    return r;
  });
  const task = {
    data: { text: d.text, ...(d.id ? { id: d.id } : {}), offsets: 'utf16' },
    annotations: [{ result }],
    predictions: [{ model_version: 'belgi', result: machine }],
  };
  return JSON.stringify([task], null, 1) + '\n';
}

// ---------------------------------------------------------------------------------------------
// W3C Web Annotation

/**
 * W3C Web Annotation JSON-LD: an AnnotationCollection with one Annotation a span. The target's
 * TextPositionSelector counts code points (the model's "characters"); TextQuoteSelector gives the
 * exact text with up to 32 characters of prefix and suffix. The body tags the span with its type
 * (and, for dates, its value; for quotes, the speaker and cue as further targets' quotes).
 */
export function toWebAnnotation(doc, source) {
  const d = normalizeDocument(doc);
  const map = offsetMap(d.text);
  const src = source || d.id || 'urn:belgi:document';
  const selector = (r) => {
    const pre = [...d.text.slice(0, r.start)].slice(-32).join('');
    const suf = [...d.text.slice(r.end)].slice(0, 32).join('');
    return [
      { type: 'TextPositionSelector', start: map.toCodePoint(r.start), end: map.toCodePoint(r.end) },
      { type: 'TextQuoteSelector', exact: d.text.slice(r.start, r.end), prefix: pre, suffix: suf },
    ];
  };
  const items = d.spans.map((s) => {
    const body = [{ type: 'TextualBody', purpose: 'tagging', value: s.type }];
    if (s.value !== undefined) body.push({ type: 'TextualBody', purpose: 'describing', value: s.value });
    if (s.speaker) body.push({ type: 'SpecificResource', purpose: 'identifying', source: src, selector: selector(s.speaker), role: 'speaker' });
    if (s.cue) body.push({ type: 'SpecificResource', purpose: 'describing', source: src, selector: selector(s.cue), role: 'cue' });
    const a = {
      id: `#${s.id}`, type: 'Annotation', motivation: 'tagging', body,
      target: { source: src, selector: selector(s) },
    };
    a.creator = s.origin === 'human' ? { type: 'Person' } : { type: 'Software', name: `belgi (${s.source})` };
    return a;
  });
  return JSON.stringify({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    total: items.length,
    first: { type: 'AnnotationPage', items },
  }, null, 1) + '\n';
}

// ---------------------------------------------------------------------------------------------

/**
 * brat's annotation.conf for what toBrat writes: every type, SPEAKER and CUE, the Speaker / Cue /
 * RefersTo relations, overlaps allowed (a quote holds entities), the Kind and Human attributes.
 * brat needs it beside the .ann files to show and edit them.
 */
export function bratConf() {
  return [
    '# brat annotation.conf for Belgi exports (docs/web.md)', '[entities]', ...TYPES, 'SPEAKER', 'CUE', '',
    '[relations]', 'Speaker Arg1:QUOTE, Arg2:SPEAKER', 'Cue Arg1:QUOTE, Arg2:CUE', 'RefersTo Arg1:SPEAKER, Arg2:<ENTITY>',
    '<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>', '',
    '[events]', '',
    '[attributes]', 'Kind Arg:QUOTE, Value:guillemets|dash|unmarked|colon', 'Human Arg:<ENTITY>', '',
  ].join('\n');
}

const xmlAttr = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The Label Studio labeling config that toLabelStudio's tasks are made for. */
export function labelStudioConfig() {
  const labels = [...TYPES, 'SPEAKER', 'CUE'].map((t) => `    <Label value="${xmlAttr(t)}"/>`);
  return ['<View>', '  <Relations>', '    <Relation value="speaker"/>', '    <Relation value="cue"/>', '  </Relations>',
    '  <Labels name="label" toName="text">', ...labels, '  </Labels>', '  <Text name="text" value="$text"/>', '</View>', ''].join('\n');
}

/**
 * The document as a reviewed export has it: only the spans a person accepted (origin 'human')
 * and of the types shown (`visible`: a Set or array of types; all types if omitted). A quote's
 * speaker that referred to a span left out keeps its range (normalizeDocument drops the link).
 */
export function reviewedOnly(doc, visible) {
  const shown = visible ? new Set(visible) : null;
  return { ...doc, spans: (doc.spans || []).filter((s) => originOf(s) === 'human' && (!shown || shown.has(s.type))) };
}

/**
 * Exports one document (or, for jsonl, the whole queue) in the given format. Returns
 * {files: [{name, content, mime}]}: brat gives two files.
 */
export function exportDocument(format, doc, { name = 'document', queue } = {}) {
  const base = String(name).replace(/\.(txt|json|jsonl|ann)$/i, '') || 'document';
  switch (format) {
    case 'json': return [{ name: `${base}.json`, content: toJSON(doc), mime: 'application/json' }];
    case 'json-cp': return [{ name: `${base}.json`, content: JSON.stringify(inCodePoints(normalizeDocument(doc)), null, 1) + '\n', mime: 'application/json' }];
    case 'jsonl': return [{ name: 'queue.jsonl', content: toJSONL(queue || [doc]), mime: 'application/jsonl' }];
    case 'jsonl-cp': return [{ name: 'queue.jsonl', content: toJSONL(queue || [doc], { codepoints: true }), mime: 'application/jsonl' }];
    case 'brat': {
      const b = toBrat(doc);
      return [{ name: `${base}.txt`, content: b.txt, mime: 'text/plain' }, { name: `${base}.ann`, content: b.ann, mime: 'text/plain' },
        { name: 'annotation.conf', content: bratConf(), mime: 'text/plain' }];
    }
    case 'conll': return [{ name: `${base}.conll`, content: toConll(doc), mime: 'text/plain' }];
    case 'labelstudio': return [{ name: `${base}.labelstudio.json`, content: toLabelStudio(doc), mime: 'application/json' },
      { name: 'labelstudio-config.xml', content: labelStudioConfig(), mime: 'application/xml' }];
    case 'webannotation': return [{ name: `${base}.jsonld`, content: toWebAnnotation(doc), mime: 'application/ld+json' }];
    default: throw new Error(`unknown export format ${format}`);
  }
}
