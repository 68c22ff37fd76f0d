// Unit tests (no browser) of the export side added for issue 23: code-point JSON/JSONL, brat's
// annotation.conf, the Label Studio labeling config, the reviewed-only export.
//   cd tests/web && node --test day-formats.test.mjs
import test from 'node:test';
import assert from 'node:assert/strict';
import * as F from '../../web/formats.js';

const TEXT = 'Бүгін 😀 Астанада Асхат Жұмағали: «Біз дайынбыз», — деді ол. 🇰🇿 Қазақстан';
const at = (s) => { const i = TEXT.indexOf(s); return { start: i, end: i + s.length, text: s }; };
const DOC = {
  format: 'belgi/1', id: 'e.txt', text: TEXT, offsets: 'utf16', date: null,
  spans: [
    { id: 'a', type: 'GPE', ...at('Астанада'), source: 'model' },
    { id: 'b', type: 'PERSON', ...at('Асхат Жұмағали'), source: 'model', origin: 'human' },
    { id: 'c', type: 'QUOTE', ...at('«Біз дайынбыз»'), source: 'rule:quote', kind: 'guillemets', origin: 'human', speaker: { ...at('Асхат Жұмағали'), entity: 'b' }, cue: at('деді') },
    { id: 'd', type: 'CARDINAL', ...at('Қазақстан'), source: 'model', origin: 'human' },
  ],
};

test('JSON and JSONL in code points: offsets count code points, and read back to the same UTF-16 spans', () => {
  const [f] = F.exportDocument('json-cp', DOC, { name: 'e.txt' });
  const cp = JSON.parse(f.content);
  assert.equal(cp.offsets, 'codepoint');
  const chars = [...TEXT];
  for (const s of cp.spans) assert.equal(chars.slice(s.start, s.end).join(''), s.text);
  const q = cp.spans.find((s) => s.type === 'QUOTE');
  assert.equal(chars.slice(q.speaker.start, q.speaker.end).join(''), 'Асхат Жұмағали');
  assert.equal(chars.slice(q.cue.start, q.cue.end).join(''), 'деді');
  assert.ok(cp.spans[0].start < DOC.spans[0].start, 'an emoji before the span counts one');
  const key = (d) => d.spans.map((s) => [s.type, s.start, s.end, s.speaker?.start, s.cue?.end]);
  assert.deepEqual(key(F.fromJSON(f.content)[0]), key(F.normalizeDocument(DOC)));
  const [l] = F.exportDocument('jsonl-cp', DOC, { queue: [{ ...DOC, status: 'done' }] });
  const line = JSON.parse(l.content.trim());
  assert.deepEqual([line.offsets, line.status, line.spans[0].start], ['codepoint', 'done', cp.spans[0].start]);
});

test('brat: annotation.conf beside the files declares every type, relation and attribute the .ann uses', () => {
  const files = F.exportDocument('brat', DOC, { name: 'e.txt' });
  const conf = files.find((x) => x.name === 'annotation.conf').content;
  const ann = files.find((x) => x.name === 'e.ann').content;
  const section = (name) => conf.split(`[${name}]`)[1].split('\n[')[0].split('\n').map((x) => x.trim()).filter((x) => x && !x.startsWith('#'));
  const entities = new Set(section('entities'));
  const relations = new Set(section('relations').map((x) => x.split(/\s/)[0]));
  const attributes = new Set(section('attributes').map((x) => x.split(/\s/)[0]));
  for (const t of F.TYPES) assert.ok(entities.has(t), t);
  for (const lineOf of ann.trim().split('\n')) {
    const [id, body] = lineOf.split('\t');
    const name = body.split(' ')[0];
    if (id[0] === 'T') assert.ok(entities.has(name), lineOf);
    if (id[0] === 'R') assert.ok(relations.has(name), lineOf);
    if (id[0] === 'A') assert.ok(attributes.has(name), lineOf);
  }
});

test('Label Studio: a labeling config beside the tasks, with every label and relation they use', () => {
  const files = F.exportDocument('labelstudio', DOC, { name: 'e.txt' });
  assert.deepEqual(files.map((x) => x.name), ['e.labelstudio.json', 'labelstudio-config.xml']);
  const xml = files[1].content;
  const labels = new Set([...xml.matchAll(/<Label value="([^"]+)"/g)].map((m) => m[1]));
  const rels = new Set([...xml.matchAll(/<Relation value="([^"]+)"/g)].map((m) => m[1]));
  assert.match(xml, /<Labels name="label" toName="text">/);
  assert.match(xml, /<Text name="text" value="\$text"\/>/);
  const task = JSON.parse(files[0].content)[0];
  for (const r of [...task.annotations[0].result, ...task.predictions[0].result]) {
    if (r.type === 'labels') assert.ok(labels.has(r.value.labels[0]), r.value.labels[0]);
    if (r.type === 'relation') assert.ok(rels.has(r.labels[0]), r.labels[0]);
  }
});

test('reviewedOnly: accepted spans of the shown types; a speaker link to a dropped span goes', () => {
  const shown = F.TYPES.filter((t) => t !== 'CARDINAL');
  const r = F.reviewedOnly(DOC, shown);
  assert.deepEqual(r.spans.map((s) => s.id), ['b', 'c']);
  assert.deepEqual(F.reviewedOnly(DOC).spans.map((s) => s.id), ['b', 'c', 'd']);
  const n = F.normalizeDocument(F.reviewedOnly({ ...DOC, spans: DOC.spans.filter((s) => s.id !== 'b') }, shown));
  assert.equal(n.spans[0].speaker.entity, undefined);
  assert.equal(n.spans[0].speaker.text, 'Асхат Жұмағали');
});
