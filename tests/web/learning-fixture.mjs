// Learning from corrections (issue 21), for the package's tests (tests/wasm/adaptation.test.mjs)
// and the page's (learning.test.mjs): a name the shipped model gets wrong, a document where a
// person corrects it, and a new sentence with the same name. Text written for these tests (not
// from news-train); chosen with the CLI: `belgi annotate` gets the name wrong in both texts,
// and after `belgi adapt` on the corrected document, `belgi annotate --adaptation` gets it right
// in the new sentence.
export const LEARNING = {
  name: 'Қаратау Инвест',
  type: 'ORGANISATION',
  key: 'o',  // the page's key for the type (data/types.tsv)
  taught: 'Қаратау Инвест жаңа кен орнын игереді. Қаратау Инвест өкілі мұны растады.',
  fresh: 'Былтыр Қаратау Инвест салық төлеген жоқ.',
  other: 'өкілі',  // a word of `taught` to label as a further change (POSITION, key t)
};

/** [start, end) of each occurrence of the name in text (UTF-16). */
export function occurrences(text, name = LEARNING.name) {
  const out = [];
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) out.push([i, i + name.length]);
  return out;
}

/** True when doc (UTF-16 offsets) marks the name's first occurrence exactly, with the right type. */
export function marksName(doc) {
  const [[start, end]] = occurrences(doc.text);
  return doc.spans.some((s) => s.start === start && s.end === end && s.type === LEARNING.type);
}

/**
 * The document a person would leave after correcting `doc` (annotate()'s output on
 * LEARNING.taught, UTF-16): each occurrence of the name has the right type, and the spans it
 * overlapped are gone; every other span stays as the model gave it.
 */
export function correctedDocument(doc) {
  const names = occurrences(doc.text);
  const spans = doc.spans.filter((s) => s.type === 'QUOTE' || names.every(([a, b]) => s.end <= a || s.start >= b))
    .map(({ type, start, end }) => ({ type, start, end }));
  for (const [start, end] of names) spans.push({ type: LEARNING.type, start, end });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return { format: 'belgi/1', text: doc.text, offsets: 'utf16', spans };
}
