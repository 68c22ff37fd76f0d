// Tokens as the core cuts them: the page never splits text itself. `tokens` is what the
// package's tokenize(text) returns ({tokens: [[start, end], …], sentenceEnds}, UTF-16 offsets),
// so a selection snaps to, and an export writes, exactly the tokens `belgi annotate` uses.
// Pure functions over those arrays (binary searches, no DOM): Node tests import them.

/** Index of the first token that ends after `offset` (tokens.length if none). */
export function firstEndingAfter(tokens, offset) {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens[mid][1] <= offset) lo = mid + 1; else hi = mid; }
  return lo;
}

/** Index of the first token that starts at or after `offset` (tokens.length if none). */
export function firstStartingFrom(tokens, offset) {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens[mid][0] < offset) lo = mid + 1; else hi = mid; }
  return lo;
}

const WORDISH = /[\p{L}\p{N}]/u;

/** A token with a letter or a digit in it (not punctuation or a symbol alone). */
export function isWord(text, t) { return !!t && WORDISH.test(text.slice(t[0], t[1])); }

/** The word token at `at`, or the one ending just before it, as {start, end}; or null. */
export function wordAt(tokens, text, at) {
  const i = firstEndingAfter(tokens, at);
  if (i < tokens.length && tokens[i][0] <= at && isWord(text, tokens[i])) return { start: tokens[i][0], end: tokens[i][1] };
  const before = tokens[i - 1];
  if (before && before[1] === at && isWord(text, before)) return { start: before[0], end: before[1] };
  return null;
}

/**
 * Snaps a selection to whole tokens: a boundary inside a token moves out to the token's edge,
 * and spaces at either end are dropped; a caret selects the word at it. Returns {start, end}, or
 * null if nothing but space (or, for a caret, no word) is selected.
 */
export function snapToTokens(tokens, text, start, end) {
  if (start > end) [start, end] = [end, start];
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(0, Math.min(end, text.length));
  if (start === end) return wordAt(tokens, text, start);
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start === end) return null;
  const first = tokens[firstEndingAfter(tokens, start)];
  if (first && first[0] < start) start = first[0];
  const last = tokens[firstStartingFrom(tokens, end) - 1];
  if (last && last[1] > end) end = last[1];
  return { start, end };
}

/** The word after [.., from) (Ctrl+→): the first word token starting at or after `from`. */
export function nextWord(tokens, text, from) {
  for (let i = firstStartingFrom(tokens, from); i < tokens.length; i++) if (isWord(text, tokens[i])) return tokens[i];
  return null;
}

/** The word before [to, ..) (Ctrl+←): the last word token ending at or before `to`. */
export function previousWord(tokens, text, to) {
  for (let i = firstEndingAfter(tokens, to) - 1; i >= 0; i--) if (tokens[i][1] <= to && isWord(text, tokens[i])) return tokens[i];
  return null;
}

/** The words around offset `at` one space or tab apart (no punctuation, no line break), or null. */
export function phraseAt(tokens, text, at) {
  const w = wordAt(tokens, text, at);
  if (!w) return null;
  const k = firstEndingAfter(tokens, w.start);
  const joined = (a, b) => a && b && /^[ \t]$/.test(text.slice(a[1], b[0])) && isWord(text, a) && isWord(text, b);
  let i = k;
  while (joined(tokens[i - 1], tokens[i])) i--;
  let j = k;
  while (joined(tokens[j], tokens[j + 1])) j++;
  return { start: tokens[i][0], end: tokens[j][1] };
}
