// Unit tests of web/formats.js and web/tokens.js (no browser): every export format, imports of
// our JSON/JSONL and brat, round trips, offsets around emoji, snapping to the core's tokens.
// Run: node --test tests/web/formats.test.mjs (needs the package: see lib.mjs packageDir()).
import test from 'node:test';
import assert from 'node:assert/strict';
import * as F from '../../web/formats.js';
import * as T from '../../web/tokens.js';
import { sampleDocument } from './fixtures.mjs';
import { loadCore } from './lib.mjs';

// The core's tokenizer, as the page has it: the only one (the page never splits text itself).
const core = await loadCore();
const tokenize = (text) => core.tokenize(text);

// A short document with astral characters (emoji: two UTF-16 units, one code point) before,
// inside and between spans, a combining mark, a line break inside a quote, and a speaker that
// refers to a PERSON span.
const EMOJI_TEXT = '😀 Бүгін Астанада 👍🏽 Асхат Жұмағали: «Сыбайлас 🇰🇿 жемқорлықпен\nкүрес маңызды», - деді ол. Қазақстан 2008 жылы й̆.';
function emojiDoc() {
  const t = EMOJI_TEXT;
  const r = (s, n = 1) => { let i = -1; for (let k = 0; k < n; k++) i = t.indexOf(s, i + 1); return { start: i, end: i + s.length }; };
  const q = { start: r('Сыбайлас').start, end: r('маңызды').end };
  return {
    format: 'belgi/1', id: 'emoji.txt', text: t, offsets: 'utf16', date: null,
    spans: [
      { id: 'a', type: 'DATE', ...r('Бүгін'), value: '2023-12-05', score: 1, source: 'rule:date.relative' },
      { id: 'b', type: 'GPE', ...r('Астанада'), score: 0.9, source: 'model' },
      { id: 'c', type: 'PERSON', ...r('Асхат Жұмағали'), score: 0.95, source: 'model', origin: 'human' },
      { id: 'd', type: 'QUOTE', ...q, score: 1, source: 'rule:quote.colon', kind: 'colon', cue: r('деді'), speaker: { ...r('ол'), entity: 'c' } },
      { id: 'e', type: 'GPE', ...r('Қазақстан'), score: 0.9, source: 'model' },
      { id: 'f', type: 'DATE', ...r('2008 жылы'), value: '2008', score: 1, source: 'rule:date.year' },
      { id: 'g', type: 'MISCELLANEOUS', ...r('й̆'), score: 0.5, source: 'model' },
    ].map((s) => ({ ...s, text: t.slice(s.start, s.end) })),
  };
}

// The comparable content of spans: what every round trip must keep.
function essence(doc) {
  const d = F.normalizeDocument(doc);
  return d.spans.map((s) => ({
    id: s.id, type: s.type, start: s.start, end: s.end, text: s.text, value: s.value, kind: s.kind,
    cue: s.cue && [s.cue.start, s.cue.end, s.cue.text], speaker: s.speaker && [s.speaker.start, s.speaker.end, s.speaker.text, s.speaker.entity],
    human: s.origin === 'human',
  }));
}

const cp = (text, i) => [...text.slice(0, i)].length;

test('offsetMap converts UTF-16 <-> code points <-> bytes around emoji', () => {
  const t = 'a😀b🇰🇿c';
  const m = F.offsetMap(t);
  assert.equal(m.toCodePoint(0), 0);
  assert.equal(m.toCodePoint(1), 1);
  assert.equal(m.toCodePoint(3), 2); // after 😀
  assert.equal(m.toCodePoint(t.length), [...t].length);
  for (let c = 0; c <= [...t].length; c++) assert.equal(m.toCodePoint(m.fromCodePoint(c)), c);
  assert.equal(m.fromByte(1), 1);
  assert.equal(m.fromByte(5), 3); // 'a' (1) + 😀 (4)
  const plain = F.offsetMap('абв');
  assert.equal(plain.toCodePoint(2), 2);
});

test('the core tokens: words with hyphens, punctuation and emoji as their own tokens', () => {
  const text = 'БҰҰ-ның «форумы», 2020-сыншы 😀!';
  const toks = tokenize(text).tokens.map(([a, b]) => text.slice(a, b));
  assert.deepEqual(toks, ['БҰҰ-ның', '«', 'форумы', '»', ',', '2020-сыншы', '😀', '!']);
});

test('snapToTokens extends to whole tokens and drops spaces; a caret takes the word', () => {
  const t = 'Бүгін Астанада Асхат Жұмағали сөз.';
  const snap = (a, b) => T.snapToTokens(tokenize(t).tokens, t, a, b);
  assert.deepEqual(snap(8, 17), { start: 6, end: 20 });
  assert.deepEqual(snap(5, 6), null);
  assert.deepEqual(snap(2, 2), { start: 0, end: 5 });
  assert.deepEqual(snap(14, 7), { start: 6, end: 14 });
  assert.deepEqual(snap(33, 33), { start: 30, end: 33 }); // a caret after a word, before '.'
  const e = 'a 😀😀 b';
  const se = (a, b) => T.snapToTokens(tokenize(e).tokens, e, a, b);
  assert.deepEqual(se(3, 5), { start: 2, end: 6 }); // inside surrogate pairs: kept whole
});

test('word and phrase at a click, next and previous word: by the core tokens', () => {
  const t = 'Президент Қасым-Жомарт Тоқаев: «Біз дайынбыз», — деді.';
  const { tokens } = tokenize(t);
  const word = (r) => r && t.slice(r.start, r.end);
  assert.equal(word(T.wordAt(tokens, t, 12)), 'Қасым-Жомарт');
  assert.equal(word(T.wordAt(tokens, t, 29)), 'Тоқаев'); // just after it, on ':'
  assert.equal(T.wordAt(tokens, t, 31), null); // on '«' after a space
  assert.equal(word(T.phraseAt(tokens, t, 12)), 'Президент Қасым-Жомарт Тоқаев');
  assert.equal(word(T.phraseAt(tokens, t, 33)), 'Біз дайынбыз');
  const w = T.nextWord(tokens, t, 29);
  assert.equal(t.slice(w[0], w[1]), 'Біз');
  const p = T.previousWord(tokens, t, t.indexOf('деді'));
  assert.equal(t.slice(p[0], p[1]), 'дайынбыз');
  assert.equal(T.nextWord(tokens, t, t.length), null);
});

test('JSON export: belgi/1, UTF-16 offsets, T-numbered in order, origin kept, speaker.entity renumbered', () => {
  const d = JSON.parse(F.toJSON(emojiDoc()));
  assert.equal(d.format, 'belgi/1');
  assert.equal(d.offsets, 'utf16');
  assert.deepEqual(d.spans.map((s) => s.id), d.spans.map((_, i) => `T${i + 1}`));
  for (const s of d.spans) assert.equal(d.text.slice(s.start, s.end), s.text);
  const person = d.spans.find((s) => s.type === 'PERSON');
  const quote = d.spans.find((s) => s.type === 'QUOTE');
  assert.equal(person.origin, 'human');
  assert.equal(quote.speaker.entity, person.id);
  assert.equal(d.spans.find((s) => s.type === 'GPE').origin, 'model');
  assert.equal(d.spans.find((s) => s.value === '2008').origin, 'rule');
});

test('JSON and JSONL round trips give the same spans', () => {
  for (const doc of [emojiDoc(), sampleDocument()]) {
    const [back] = F.fromJSON(F.toJSON(doc));
    assert.deepEqual(essence(back), essence(doc));
    assert.equal(back.text, doc.text);
  }
  const q = [{ ...emojiDoc(), status: 'done' }, { ...sampleDocument(), id: 'seed.txt', status: 'in progress' }];
  const lines = F.toJSONL(q);
  assert.equal(lines.trim().split('\n').length, 2);
  const back = F.fromJSONL(lines);
  assert.equal(back.length, 2);
  assert.deepEqual(back.map((d) => d.status), ['done', 'in progress']);
  assert.deepEqual(essence(back[0]), essence(q[0]));
  assert.deepEqual(essence(back[1]), essence(q[1]));
});

test('JSON import takes the CLI form (code points, error records skipped) and byte offsets', () => {
  const doc = emojiDoc();
  const t = doc.text;
  const m = F.offsetMap(t);
  const asCp = { ...F.normalizeDocument(doc), offsets: 'codepoint' };
  asCp.spans = asCp.spans.map((s) => ({
    ...s, start: m.toCodePoint(s.start), end: m.toCodePoint(s.end),
    ...(s.cue ? { cue: { ...s.cue, start: m.toCodePoint(s.cue.start), end: m.toCodePoint(s.cue.end) } } : {}),
    ...(s.speaker ? { speaker: { ...s.speaker, start: m.toCodePoint(s.speaker.start), end: m.toCodePoint(s.speaker.end) } } : {}),
  }));
  const jsonl = `${JSON.stringify(asCp)}\n{"format":"belgi/1","id":"bad.txt","error":{"code":"invalid_utf8","message":"x"}}\n`;
  const [back] = F.fromJSONL(jsonl);
  assert.deepEqual(essence(back), essence(doc));
  const enc = new TextEncoder();
  const byte = (i) => enc.encode(t.slice(0, i)).length;
  const asBytes = { format: 'belgi/1', text: t, offsets: 'byte', spans: F.normalizeDocument(doc).spans.map((s) => ({ id: s.id, type: s.type, start: byte(s.start), end: byte(s.end), text: s.text })) };
  const [b2] = F.fromJSON(JSON.stringify(asBytes));
  assert.deepEqual(b2.spans.map((s) => [s.start, s.end, s.text]), F.normalizeDocument(doc).spans.map((s) => [s.start, s.end, s.text]));
  assert.throws(() => F.fromJSON('{"format":"belgi/1","error":{"code":"too_large"}}'));
});

test('JSON import takes documents one after the other (belgi annotate --format json on several files)', () => {
  const a = F.toJSON(emojiDoc());
  const b = F.toJSON(sampleDocument());
  const err = '{"format":"belgi/1","id":"bad.txt","error":{"code":"invalid_utf8","message":"a \\"quoted\\" {brace}"}}';
  const docs = F.fromJSON(`${a}${err}\n${b}`);
  assert.equal(docs.length, 2);
  assert.deepEqual(essence(docs[1]), essence(sampleDocument()));
  assert.equal(F.fromJSON(`[${a}, ${b}]`).length, 2);
  assert.throws(() => F.fromJSON('{"text": "a"} x'));
});

test('brat export: code-point offsets around emoji, fragments at line breaks, relations, attributes, notes', () => {
  const doc = emojiDoc();
  const { txt, ann } = F.toBrat(doc);
  assert.equal(txt, doc.text);
  const lines = ann.trim().split('\n');
  const byText = (s) => lines.find((l) => l.startsWith('T') && l.endsWith(`\t${s}`));
  const t = doc.text;
  const gpe = byText('Астанада');
  const i = t.indexOf('Астанада');
  assert.equal(gpe.split('\t')[1], `GPE ${cp(t, i)} ${cp(t, i + 8)}`);
  assert.notEqual(cp(t, i), i); // the emoji before shifts code points against UTF-16
  // Python's view: text[start:end] in code points is the span text.
  for (const l of lines.filter((x) => x.startsWith('T'))) {
    const [, spec, stext] = l.split('\t');
    const frags = spec.split(' ').slice(1).join(' ').split(';').map((f) => f.split(' ').map(Number));
    const cps = [...t];
    assert.equal(frags.map(([a, b]) => cps.slice(a, b).join('')).join(' '), stext);
  }
  const quote = lines.find((l) => /\tQUOTE /.test(l));
  assert.match(quote, /\tQUOTE \d+ \d+;\d+ \d+\t/); // the quote crosses a line break
  assert.ok(lines.some((l) => /^R\d+\tSpeaker Arg1:T\d+ Arg2:T\d+$/.test(l)));
  assert.ok(lines.some((l) => /^R\d+\tCue Arg1:T\d+ Arg2:T\d+$/.test(l)));
  assert.ok(lines.some((l) => /^R\d+\tRefersTo Arg1:T\d+ Arg2:T\d+$/.test(l)));
  assert.ok(lines.some((l) => /^A\d+\tKind T\d+ colon$/.test(l)));
  assert.ok(lines.some((l) => /^A\d+\tHuman T\d+$/.test(l)));
  assert.ok(lines.some((l) => /^#\d+\tAnnotatorNotes T\d+\tvalue=2008$/.test(l)));
});

test('brat round trip gives the same spans (emoji document and sample)', () => {
  for (const doc of [emojiDoc(), sampleDocument()]) {
    const { txt, ann } = F.toBrat(doc);
    const back = F.fromBrat(txt, ann, 'x.txt');
    assert.deepEqual(essence(back), essence(doc));
  }
});

test('CoNLL IOB2: the core tokens, punctuation apart, B-/I- tags, sentence breaks', () => {
  const out = F.toConll(emojiDoc(), tokenize(EMOJI_TEXT));
  const lines = out.split('\n');
  assert.ok(lines.includes('Асхат B-PERSON'));
  assert.ok(lines.includes('Жұмағали I-PERSON'));
  assert.ok(lines.includes('Астанада B-GPE'));
  assert.ok(lines.includes('😀 O'));
  assert.ok(lines.includes('« O'));
  assert.ok(lines.includes('2008 B-DATE') && lines.includes('жылы I-DATE'));
  assert.ok(!out.includes('QUOTE'));
  assert.ok(lines.includes(''), 'sentences are separated by a blank line');
  const toks = lines.filter((l) => l).map((l) => l.split(' ')[0]);
  assert.deepEqual(toks, tokenize(EMOJI_TEXT).tokens.map(([a, b]) => EMOJI_TEXT.slice(a, b)));
  assert.throws(() => F.toConll(emojiDoc()), /tokens/); // no tokens of its own
});

test('Label Studio: UTF-16 offsets with labels, predictions for machine spans, relations for speaker and cue', () => {
  const doc = emojiDoc();
  const [task] = JSON.parse(F.toLabelStudio(doc));
  assert.equal(task.data.text, doc.text);
  const res = task.annotations[0].result;
  const regions = res.filter((r) => r.type === 'labels');
  for (const r of regions) assert.equal(doc.text.slice(r.value.start, r.value.end), r.value.text);
  const person = regions.find((r) => r.value.labels[0] === 'PERSON');
  assert.equal(person.value.start, doc.text.indexOf('Асхат'));
  assert.equal(person.origin, 'manual');
  assert.ok(res.some((r) => r.type === 'relation' && r.labels[0] === 'speaker'));
  assert.ok(regions.some((r) => r.value.labels[0] === 'CUE' && r.value.text === 'деді'));
  assert.ok(regions.some((r) => r.meta && r.meta.text[0] === 'value=2008'));
  const preds = task.predictions[0].result;
  assert.equal(preds.length, doc.spans.filter((s) => s.origin !== 'human').length);
});

test('W3C Web Annotation: TextPositionSelector in code points, TextQuoteSelector exact/prefix/suffix', () => {
  const doc = emojiDoc();
  const c = JSON.parse(F.toWebAnnotation(doc));
  assert.equal(c['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(c.type, 'AnnotationCollection');
  const items = c.first.items;
  assert.equal(items.length, doc.spans.length);
  const cps = [...doc.text];
  for (const a of items) {
    const [pos, quote] = a.target.selector;
    assert.equal(pos.type, 'TextPositionSelector');
    assert.equal(quote.type, 'TextQuoteSelector');
    assert.equal(cps.slice(pos.start, pos.end).join(''), quote.exact);
    assert.ok(doc.text.includes(quote.prefix + quote.exact + quote.suffix));
  }
  const gpe = items.find((a) => a.body[0].value === 'GPE');
  assert.equal(gpe.target.selector[0].start, cp(doc.text, doc.text.indexOf('Астанада')));
  const q = items.find((a) => a.body[0].value === 'QUOTE');
  assert.ok(q.body.some((b) => b.role === 'speaker' && b.selector[1].exact === 'ол'));
  assert.equal(items.find((a) => a.body[0].value === 'PERSON').creator.type, 'Person');
});

test('exportDocument names the files; brat gives .txt, .ann and annotation.conf', () => {
  const files = F.exportDocument('brat', emojiDoc(), { name: 'news/a.txt' });
  assert.deepEqual(files.map((f) => f.name), ['news/a.txt', 'news/a.ann', 'annotation.conf']);
  for (const fmt of Object.keys(F.EXPORT_FORMATS)) {
    const out = F.exportDocument(fmt, emojiDoc(), { name: 'a.txt', tokenize });
    assert.ok(out.length >= 1 && out.every((f) => typeof f.content === 'string' && f.content.length > 0), fmt);
  }
  assert.throws(() => F.exportDocument('nope', emojiDoc()));
});

test('empty document exports and imports', () => {
  const d = { format: 'belgi/1', text: '', offsets: 'utf16', date: null, spans: [] };
  for (const fmt of Object.keys(F.EXPORT_FORMATS)) F.exportDocument(fmt, d, { tokenize });
  assert.deepEqual(F.fromBrat('', '').spans, []);
  assert.deepEqual(F.fromJSONL(F.toJSONL([d]))[0].spans, []);
});

// Imports never take a span that cannot be right for its text: it is dropped and reported with
// the line (brat, JSONL) or the document and span (JSON) it came from; the rest is kept.
test('brat import drops impossible spans and says where', () => {
  const txt = 'Асхат 😀 Астанада';  // 16 code points, 17 UTF-16 units
  const ann = ['T1\tPERSON 0 5\tАсхат', 'T2\tGPE 8 17\tАстанада', 'T3\tGPE 8 16\tАстанада',
    'T4\tPERSON 5 2\tx', 'T5\tPERSON 3 3\t', 'T6\tNOPE 0 1\tА', 'T7 broken', 'T8\tDATE -1 2\tА'].join('\n');
  const dropped = [];
  const doc = F.fromBrat(txt, ann, 'a.txt', { dropped });
  assert.deepEqual(doc.spans.map((s) => [s.type, s.text]), [['PERSON', 'Асхат'], ['GPE', 'Астанада']]);
  assert.deepEqual(dropped.map((d) => d.where), ['line 2', 'line 4', 'line 5', 'line 6', 'line 7', 'line 8']);
  assert.match(dropped[0].reason, /end 17 is past the end of the text \(16\)/);
  assert.match(dropped[1].reason, /end 2 is not after start 5/);
  assert.match(F.describeDropped('a.ann', dropped), /^a\.ann: line 2: GPE end 17/);
});

test('JSON and JSONL imports drop impossible spans and bad lines, keeping the rest', () => {
  const text = 'Бүгін 😀 Астанада';
  const good = { type: 'GPE', start: 8, end: 16 };  // code points
  const doc = (spans, extra = {}) => JSON.stringify({ format: 'belgi/1', text, offsets: 'codepoint', spans, ...extra });
  const dropped = [];
  const [one] = F.fromJSON(doc([good, { id: 'T9', type: 'GPE', start: 8, end: 17 }, { type: 'DATE', start: 0.5, end: 5 }]), { dropped });
  assert.deepEqual(one.spans.map((s) => s.text), ['Астанада']);
  assert.deepEqual(dropped.map((d) => d.where), ['span 2 (T9)', 'span 3']);
  const utf16 = [];
  F.fromJSON(JSON.stringify({ text, offsets: 'utf16', spans: [{ type: 'GPE', start: 9, end: 18 }] }), { dropped: utf16 });
  assert.deepEqual(utf16.map((d) => d.reason), ['GPE end 18 is past the end of the text (17)']);
  const lines = [doc([good]), '{"text": ', '{"error": {"code": "too_large"}}', '',
    doc([good, { type: 'GPE', start: 4, end: 2 }]), doc([{ ...good, cue: { start: 0, end: 99 } }])].join('\n');
  const jl = [];
  const docs = F.fromJSONL(lines, { dropped: jl });
  assert.equal(docs.length, 3);
  assert.deepEqual(docs.map((d) => d.spans.length), [1, 1, 1]);
  assert.equal(docs[2].spans[0].cue, undefined);
  assert.deepEqual(jl.map((d) => d.where), ['line 2', 'line 3', 'line 5: span 2', 'line 6: span 1']);
  assert.match(jl[3].reason, /^cue of GPE end 99 is past the end/);
});
