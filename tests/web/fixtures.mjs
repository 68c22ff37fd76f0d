// A hand-made annotation of the sample article (data/sample/seed.txt) in belgi/1 form, with
// entities, dates with values and two quotes with cue and speaker, so that the views and the
// exports can be checked whatever model the package embeds.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.mjs';

export const SAMPLE_TEXT = fs.readFileSync(path.join(ROOT, 'data/sample/seed.txt'), 'utf8');

function at(text, needle, nth = 1) {
  let i = -1;
  for (let k = 0; k < nth; k++) { i = text.indexOf(needle, i + 1); if (i < 0) throw new Error(`not found: ${needle} #${nth}`); }
  return { start: i, end: i + needle.length, text: needle };
}

export function sampleDocument(text = SAMPLE_TEXT) {
  const spans = [];
  const add = (type, needle, nth = 1, extra = {}) => {
    const r = at(text, needle, nth);
    const s = { id: `S${spans.length + 1}`, type, ...r, score: 0.99, source: extra.source || 'model', ...extra };
    delete s.source; s.source = extra.source || 'model';
    spans.push(s);
    return s;
  };
  add('GPE', 'Астанада', 1);
  add('DATE', '05.12.2023', 1, { value: '2023-12-05', source: 'rule:date.numeric' });
  add('TIME', '17:20', 1, { value: '2023-12-05T17:20', source: 'rule:date.numeric' });
  add('ORGANISATION', 'Антикор баспасөз қызметі', 1);
  add('DATE', 'Бүгін', 1, { value: '2023-12-05', source: 'rule:date.relative' });
  add('GPE', 'Астанада', 2);
  add('ORGANISATION', 'БҰҰ', 1);
  add('POSITION', 'Сыбайлас жемқорлыққа қарсы қызметтің төрағасы', 1);
  const p1 = add('PERSON', 'Асхат Жұмағали', 1);
  add('GPE', 'Қазақстан', 2);
  add('DATE', '2008 жылы', 1, { value: '2008' });
  const q1text = at(text, 'БҰҰ-ның сыбайлас');
  const q1end = at(text, 'ратификациялады');
  const cue1 = at(text, 'деп атап өтті');
  const sp1 = at(text, 'Асхат Жұмағали', 2);
  add('ORGANISATION', 'БҰҰ-ның', 1);
  add('PERSON', 'Асхат Жұмағали', 2);
  spans.push({ id: 'Q1', type: 'QUOTE', start: q1text.start, end: q1end.end, text: text.slice(q1text.start, q1end.end), score: 1, source: 'rule:quote.unmarked', kind: 'unmarked', cue: cue1, speaker: sp1 });
  const q2s = text.indexOf('«Сыбайлас жемқорлықты') + 1;
  const q2e = text.indexOf('маңызды»') + 'маңызды'.length;
  const cue2 = { ...at(text, '- деді Асхат'), text: 'деді' };
  cue2.start += 2; cue2.end = cue2.start + 4;
  const sp2 = at(text, 'Асхат Жұмағали', 3);
  add('PERSON', 'Асхат Жұмағали', 3);
  spans.push({ id: 'Q2', type: 'QUOTE', start: q2s, end: q2e, text: text.slice(q2s, q2e), score: 1, source: 'rule:quote.guillemets', kind: 'guillemets', cue: cue2, speaker: { ...sp2, entity: p1.id } });
  const c20 = at(text, '20 жылдығына');
  spans.push({ id: 'C1', type: 'CARDINAL', start: c20.start, end: c20.start + 2, text: '20', score: 0.9, source: 'model' });
  return { format: 'belgi/1', text, offsets: 'utf16', date: { value: '2023-12-05', source: 'dateline', start: at(text, '05.12.2023 | 17:20').start, end: at(text, '05.12.2023 | 17:20').end, text: '05.12.2023 | 17:20' }, spans };
}
