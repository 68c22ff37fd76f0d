// CoNLL IOB2 over the core's tokens: the same tokens and sentences as `belgi annotate --format
// conll` (tests/web/cli-tokens.test.mjs compares them on the golden examples).
import { normalizeDocument } from './document.js';

/** IOB2 tags of the tokens: a token inside an entity is tagged; an earlier entity wins. */
function tagTokens(spans, tokens) {
  const tags = new Array(tokens.length).fill('O');
  let k = 0;
  for (const s of spans) {
    if (s.type === 'QUOTE') continue;  // quotes are not IOB tags
    while (k < tokens.length && tokens[k][1] <= s.start) k++;
    let first = true;
    for (let j = k; j < tokens.length && tokens[j][0] < s.end; j++) {
      if (tags[j] !== 'O') { first = false; continue; }
      tags[j] = `${first ? 'B' : 'I'}-${s.type}`;
      first = false;
    }
  }
  return tags;
}

/**
 * CoNLL IOB2: `token TAG` a line and a blank line after each sentence, with the tokens and the
 * sentence ends the core gives (`tokenization`: the package's tokenize(text), UTF-16 offsets).
 * Entities only. A sentence end inside an entity (a person can make one) is not a break: an I-
 * tag may not open a sentence.
 */
export function toConll(doc, tokenization) {
  const d = normalizeDocument(doc);
  if (!tokenization || !Array.isArray(tokenization.tokens)) {
    throw new Error('the CoNLL export needs the core\'s tokens of the text (the package\'s tokenize())');
  }
  const { tokens, sentenceEnds = [] } = tokenization;
  const tags = tagTokens(d.spans, tokens);
  const ends = new Set(sentenceEnds);
  const out = [];
  for (let i = 0; i < tokens.length; i++) {
    out.push(`${d.text.slice(tokens[i][0], tokens[i][1])} ${tags[i]}\n`);
    if (ends.has(i + 1) && !(tags[i + 1] || '').startsWith('I-')) out.push('\n');
  }
  return out.join('');
}
