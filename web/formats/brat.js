// brat standoff: export ({txt, ann} in code points, with annotation.conf) and import.
import { FORMAT, TYPES } from '../formats.js';
import { offsetMap, unitLength } from '../offsets.js';
import { cleanSpan, normalizeDocument, rangeProblem } from './document.js';

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
  // The text field: the fragments' texts joined by spaces, tabs as spaces (as the CLI writes it).
  const tline = (id, type, start, end) => {
    const parts = fragments(text, start, end);
    const offsets = parts.map(([x, y]) => `${map.toCodePoint(x)} ${map.toCodePoint(y)}`).join(';');
    const covered = parts.map(([x, y]) => text.slice(x, y)).join(' ').replace(/\t/g, ' ');
    lines.push(`${id}\t${type} ${offsets}\t${covered}`);
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

/** The [start, end) pieces of a span between line breaks (\n, \r), or the whole span. */
function fragments(text, start, end) {
  const parts = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n' || text[i] === '\r') {
      if (i > s) parts.push([s, i]);
      s = i + 1;
    }
  }
  if (!parts.length) parts.push([start, end]);
  return parts;
}

// A quote's parts as T types: ours (which the CLI writes too), and the names earlier versions of
// `belgi annotate --format brat` wrote (with the relation `Refers` for `RefersTo`), so that the page
// opens those files whole.
const QUOTE_PARTS = { SPEAKER: 'SPEAKER', CUE: 'CUE', Speaker: 'SPEAKER', Cue: 'CUE' };
const REFERS = new Set(['RefersTo', 'Refers']);

/** A T line's type and [start, end) in UTF-16, or {reason} why it cannot be read. */
function readTextBound(raw, map, length) {
  const m = /^(\S+) (.+)$/.exec(raw.split('\t')[1] || '');
  if (!m) return { reason: `not a brat text-bound line: ${raw}` };
  const frags = m[2].split(';').map((f) => f.trim().split(/\s+/).map(Number));
  const ends = frags.flat();
  const bad = frags.some((f) => f.length !== 2) ? `offsets ${JSON.stringify(m[2])} are not start-end pairs`
    : frags.map(([a, b]) => rangeProblem({ start: a, end: b }, length)).find(Boolean);
  if (bad) return { reason: `${m[1]} ${bad}` };
  const type = QUOTE_PARTS[m[1]] || (TYPES.includes(m[1]) ? m[1] : null);
  if (!type) return { reason: `unknown type ${JSON.stringify(m[1])}` };
  return { type, start: map.fromCodePoint(Math.min(...ends)), end: map.fromCodePoint(Math.max(...ends)) };
}

/** The lines of an .ann by kind: text-bound (a Map by id), relations, attributes, notes. */
function readAnn(text, ann, dropped) {
  const map = offsetMap(text);
  const length = unitLength(text, 'codepoint');
  const out = { tb: new Map(), rels: [], attrs: [], notes: [] };
  ann.split(/\r?\n/).forEach((raw, k) => {
    if (!raw.trim()) return;
    const tab = raw.split('\t');
    const key = tab[0];
    if (key[0] === 'T') {
      const t = readTextBound(raw, map, length);
      if (t.reason) dropped.push({ where: `line ${k + 1}`, reason: t.reason });
      else out.tb.set(key, { id: key, ...t });
    } else if (key[0] === 'R') {
      const m = /^(\S+) Arg1:(\S+) Arg2:(\S+)/.exec(tab[1] || '');
      if (m) out.rels.push({ type: m[1], a: m[2], b: m[3] });
    } else if (key[0] === 'A' || key[0] === 'M') {
      const [name, target, value] = (tab[1] || '').split(' ');
      out.attrs.push({ name, target, value });
    } else if (key[0] === '#') {
      const m = /^\S+ (\S+)/.exec(tab[1] || '');
      if (m) out.notes.push({ target: m[1], note: tab.slice(2).join('\t') });
    }
  });
  return out;
}

/** Ties speakers and cues to their quotes (Speaker, Cue, RefersTo relations). */
function linkQuoteParts(spans, tb, rels) {
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
    } else if (REFERS.has(r.type) && speakerOf.has(r.a) && spans.has(r.b)) {
      speakerOf.get(r.a).speaker.entity = r.b;
    }
  }
}

/** Applies the Kind and Human attributes and the value= notes to their spans. */
function applyAttributes(spans, attrs, notes) {
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
}

/** Reads brat standoff (the .txt and the .ann) into a document with UTF-16 offsets. */
export function fromBrat(txt, ann, id, { dropped = [] } = {}) {
  const text = txt;
  const { tb, rels, attrs, notes } = readAnn(text, ann, dropped);
  const spans = new Map();
  for (const [k, v] of tb) {
    if (v.type === 'SPEAKER' || v.type === 'CUE') continue;
    spans.set(k, { ...v, score: 1, source: 'import:brat', origin: 'model' });
  }
  linkQuoteParts(spans, tb, rels);
  applyAttributes(spans, attrs, notes);
  const doc = { format: FORMAT, text, offsets: 'utf16', date: null, spans: [...spans.values()].map((s) => cleanSpan(text, s)) };
  if (id !== undefined) doc.id = id;
  return normalizeDocument(doc);
}

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

