// Export and import of annotated documents. Pure functions: no DOM, no network, so Node can test
// them (tests/web/formats.test.mjs). One module a format family in formats/; this one holds the
// type lists and the export dispatch, and re-exports the rest for the page and embedders.
// The page never tokenizes: the CoNLL export takes the core's tokens (the package's tokenize()).
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
//   conll           no offsets: one token per line (the core's tokens), IOB2 tags
//   labelstudio     UTF-16 code units (JavaScript string indices, as Label Studio's editor counts)
//   webannotation   code points (W3C Web Annotation: "characters" are Unicode code points)

import { TYPE_TABLE } from './types.js';
import { inCodePoints, normalizeDocument } from './formats/document.js';
import { toJSON, toJSONL } from './formats/json.js';
import { toBrat, bratConf } from './formats/brat.js';
import { toConll } from './formats/conll.js';
import { toLabelStudio, labelStudioConfig } from './formats/labelstudio.js';
import { toWebAnnotation } from './formats/webannotation.js';

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

/**
 * Exports one document (or, for jsonl, the whole queue) in the given format. Returns
 * [{name, content, mime}]: brat gives three files. `tokenize` is the core's (the package's
 * tokenize(text), UTF-16 offsets): the CoNLL export needs it.
 */
export function exportDocument(format, doc, { name = 'document', queue, tokenize } = {}) {
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
    case 'conll': return [{ name: `${base}.conll`, content: toConll(doc, tokenize && tokenize(String(doc.text ?? ''))), mime: 'text/plain' }];
    case 'labelstudio': return [{ name: `${base}.labelstudio.json`, content: toLabelStudio(doc), mime: 'application/json' },
      { name: 'labelstudio-config.xml', content: labelStudioConfig(), mime: 'application/xml' }];
    case 'webannotation': return [{ name: `${base}.jsonld`, content: toWebAnnotation(doc), mime: 'application/ld+json' }];
    default: throw new Error(`unknown export format ${format}`);
  }
}
