// The document model shared by every format: a clean span, the normalized document, the import
// checks, code-point offsets. See ../formats.js for the conventions.
import { FORMAT, TYPES } from '../formats.js';
import { offsetMap, unitLength } from '../offsets.js';

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
// Import checks: a span that cannot be right for its text is dropped and reported, never clamped
// or kept (brat, JSON and JSONL imports all pass through here).

/**
 * Why a range cannot be on a text of `length` units (offsets still in the file's unit), or null
 * when it can: offsets must be integers with 0 <= start < end <= length.
 */
export function rangeProblem(r, length) {
  if (!Number.isInteger(r.start) || !Number.isInteger(r.end)) return `offsets ${r.start}-${r.end} are not whole numbers`;
  if (r.start < 0) return `start ${r.start} is before the text`;
  if (r.end > length) return `end ${r.end} is past the end of the text (${length})`;
  if (r.end <= r.start) return `end ${r.end} is not after start ${r.start}`;
  return null;
}

/** Why a span cannot be imported (its type unknown, or its range as rangeProblem), or null. */
export function spanProblem(s, length) {
  if (!TYPES.includes(s.type)) return `unknown type ${JSON.stringify(s.type)}`;
  return rangeProblem(s, length);
}

/** The spans that can be imported; each other one is reported as {where, reason}. */
function keepValid(spans, length, where, dropped) {
  return spans.filter((s, i) => {
    const reason = spanProblem(s, length);
    if (reason) dropped.push({ where: where(s, i), reason: `${s.type} ${reason}` });
    for (const part of ['cue', 'speaker']) {
      if (reason || !s[part]) continue;
      const bad = rangeProblem(s[part], length);
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
 * The document as a reviewed export has it: only the spans a person accepted (origin 'human')
 * and of the types shown (`visible`: a Set or array of types; all types if omitted). A quote's
 * speaker that referred to a span left out keeps its range (normalizeDocument drops the link).
 */
export function reviewedOnly(doc, visible) {
  const shown = visible ? new Set(visible) : null;
  return { ...doc, spans: (doc.spans || []).filter((s) => originOf(s) === 'human' && (!shown || shown.has(s.type))) };
}
