// Unit tests of web/render.js (no DOM): what the annotator's text looks like, as data.
// Run: node --test tests/web/render.test.mjs
import test from 'node:test';
import assert from 'node:assert/strict';
import { describeLines, lineAt, lineStarts } from '../../web/render.js';

const ALL = new Set(['PERSON', 'GPE', 'QUOTE', 'DATE']);

/** A line as nested arrays: text runs as strings, marks as [kind:type(:first/last), ...children]. */
function shape(text, node) {
  if (node.kind === 'text') return text.slice(node.start, node.end);
  const flags = node.kind === 'mark' ? `${node.first ? '<' : ''}${node.last ? '>' : ''}` : '';
  const head = node.kind === 'mark' ? `${node.span.type}${flags}` : node.kind;
  return [head, ...node.children.map((c) => shape(text, c))];
}
const lines = (text, spans, visible = ALL, from = 0, to = text.length) => {
  const d = describeLines(text, spans, visible, lineStarts(text), from, to);
  return { ...d, lines: d.lines.map((l) => l.children.map((c) => shape(text, c))) };
};
const at = (text, s, type, extra = {}) => ({ id: type + s, type, start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s, ...extra });

test('line starts and the line of an offset', () => {
  assert.deepEqual(lineStarts('ab\ncd\n'), [0, 3]); // a final line break starts no line
  assert.deepEqual(lineStarts('ab\n\ncd'), [0, 3, 4]);
  assert.equal(lineAt([0, 3, 4], 3), 1);
  assert.equal(lineAt([0, 3, 4], 2), 0);
  assert.equal(lineAt([0, 3, 4], 9), 2);
});

test('an entity inside a quote nests; the speaker and cue are marked inside the quote', () => {
  const t = '«Асхат келді», — деді Марат.';
  const q = at(t, '«Асхат келді»', 'QUOTE', { speaker: { start: t.indexOf('Марат'), end: t.indexOf('Марат') + 5 }, cue: { start: t.indexOf('деді'), end: t.indexOf('деді') + 4 } });
  // The speaker and cue lie outside the quote's range: they are marks of their own kind.
  const d = lines(t, [q, at(t, 'Асхат', 'PERSON')]);
  assert.deepEqual(d.lines, [[
    ['QUOTE<>', '«', ['PERSON<>', 'Асхат'], ' келді»'], ', — ', ['cue', 'деді'], ' ', ['speaker', 'Марат'], '.',
  ]]);
});

test('a span across a line break is cut in pieces: first and last mark its ends', () => {
  const t = 'Бүгін Астана\nқаласы болды.\nСоңы';
  const s = { id: 'x', type: 'GPE', start: 6, end: t.indexOf(' болды'), text: '' };
  const d = lines(t, [s]);
  assert.deepEqual(d.lines, [['Бүгін ', ['GPE<', 'Астана\n']], [['GPE>', 'қаласы'], ' болды.\n'], ['Соңы']]);
});

test('hidden types are not marked; a partial render gives just the lines it touches', () => {
  const t = 'Асхат\nАстана\nМарат';
  const spans = [at(t, 'Асхат', 'PERSON'), at(t, 'Астана', 'GPE'), at(t, 'Марат', 'PERSON')];
  assert.deepEqual(lines(t, spans, new Set(['GPE'])).lines, [['Асхат\n'], [['GPE<>', 'Астана'], '\n'], ['Марат']]);
  const part = lines(t, spans, ALL, 7, 9);
  assert.equal(part.first, 1);
  assert.equal(part.last, 1);
  assert.deepEqual(part.lines, [[['GPE<>', 'Астана'], '\n']]);
});

test('crossing spans: the inner one is cut where the outer ends', () => {
  const t = 'абв где жзи';
  const a = { id: 'a', type: 'QUOTE', start: 0, end: 7, text: '' };
  const b = { id: 'b', type: 'PERSON', start: 4, end: 11, text: '' };
  assert.deepEqual(lines(t, [a, b]).lines, [[['QUOTE<>', 'абв ', ['PERSON<', 'где']], ['PERSON>', ' жзи']]]);
});
