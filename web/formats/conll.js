// CoNLL IOB2.
import { tokenize } from '../formats.js';
import { normalizeDocument } from './document.js';


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

