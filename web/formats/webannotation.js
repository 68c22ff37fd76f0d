// W3C Web Annotation JSON-LD.
import { offsetMap } from '../offsets.js';
import { normalizeDocument } from './document.js';

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

