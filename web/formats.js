// Export and import of annotated documents. Pure functions: no DOM, no network, so Node can test
// them (tests/web/formats.test.mjs). One module a format family in formats/; this one holds the
// type lists and the export dispatch, and re-exports the rest for the page and embedders.
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

import { inCodePoints, normalizeDocument } from './formats/document.js';
import { toJSON, toJSONL } from './formats/json.js';
import { toBrat, bratConf } from './formats/brat.js';
import { toConll } from './formats/conll.js';
import { toLabelStudio, labelStudioConfig } from './formats/labelstudio.js';
import { toWebAnnotation } from './formats/webannotation.js';
import { clamp } from './offsets.js';

export const FORMAT = 'belgi/1';

export const TYPES = [
  'PERSON', 'ORGANISATION', 'GPE', 'LOCATION', 'FACILITY', 'EVENT', 'POSITION', 'LAW', 'NORP',
  'PRODUCT', 'PROJECT', 'ART', 'DATE', 'TIME', 'QUOTE',
  'CARDINAL', 'ORDINAL', 'MONEY', 'PERCENTAGE', 'QUANTITY',
  'ADAGE', 'CONTACT', 'DISEASE', 'LANGUAGE', 'MISCELLANEOUS', 'NON_HUMAN',
];
export const NUMERIC_TYPES = ['CARDINAL', 'ORDINAL', 'MONEY', 'PERCENTAGE', 'QUANTITY'];
/** The classes the guidelines have the page highlight by default, and quotes: always in the legend. */
export const HIGHLIGHTED = TYPES.slice(0, 15);
/** Types highlighted by default (the guidelines' list, plus quotes). */
export const DEFAULT_VISIBLE = TYPES.filter((t) => !NUMERIC_TYPES.includes(t));

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

export { offsetMap } from './offsets.js';
export {
  originOf, compareSpans, cleanSpan, normalizeDocument, rangeProblem, spanProblem, describeDropped,
  inCodePoints, fromObject, reviewedOnly,
} from './formats/document.js';
export { toJSON, toJSONL, fromJSON, splitJSON, fromJSONL } from './formats/json.js';
export { toBrat, fromBrat, bratConf } from './formats/brat.js';
export { toConll } from './formats/conll.js';
export { toLabelStudio, labelStudioConfig } from './formats/labelstudio.js';
export { toWebAnnotation } from './formats/webannotation.js';

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


/**
 * Exports one document (or, for jsonl, the whole queue) in the given format. Returns
 * [{name, content, mime}]: brat gives three files.
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
