// Belgi JSON and JSONL: export (UTF-16 offsets, or code points) and import (any unit).
import { fromObject, inCodePoints, normalizeDocument } from './document.js';

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
