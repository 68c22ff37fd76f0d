// Label Studio: a task list and the labeling config it is made for.
import { TYPES } from '../formats.js';
import { normalizeDocument } from './document.js';

/**
 * A Label Studio task list (import it with a `<Labels name="label" toName="text">` config over
 * `<Text name="text" value="$text"/>`). Offsets are UTF-16 code units, as Label Studio's text
 * editor counts them (JavaScript string indices). `annotations` hold every span as it stands now;
 * `predictions` hold the machine's spans that no person changed. A quote's speaker and cue are
 * extra regions labelled SPEAKER / CUE, tied to the quote by relations; a date value is in the
 * region's `meta.text`.
 */
export function toLabelStudio(doc) {
  const d = normalizeDocument(doc);
  const region = (id, s, type, extra = {}) => ({
    id, from_name: 'label', to_name: 'text', type: 'labels',
    value: { start: s.start, end: s.end, text: d.text.slice(s.start, s.end), labels: [type] }, ...extra,
  });
  const result = [];
  for (const s of d.spans) {
    const extra = { origin: s.origin === 'human' ? 'manual' : 'prediction' };
    if (s.value !== undefined) extra.meta = { text: [`value=${s.value}`] };
    if (s.score !== undefined && s.origin !== 'human') extra.score = s.score;
    result.push(region(s.id, s, s.type, extra));
    for (const part of ['speaker', 'cue']) {
      if (!s[part]) continue;
      const rid = `${s.id}-${part}`;
      result.push(region(rid, s[part], part.toUpperCase(), { origin: extra.origin }));
      result.push({ type: 'relation', from_id: s.id, to_id: rid, direction: 'right', labels: [part] });
    }
  }
  const machine = d.spans.filter((s) => s.origin !== 'human').map((s) => {
    const r = region(s.id, s, s.type, { score: s.score });
    if (s.value !== undefined) r.meta = { text: [`value=${s.value}`] };
    return r;
  });
  const task = {
    data: { text: d.text, ...(d.id ? { id: d.id } : {}), offsets: 'utf16' },
    annotations: [{ result }],
    predictions: [{ model_version: 'belgi', result: machine }],
  };
  return JSON.stringify([task], null, 1) + '\n';
}

const xmlAttr = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The Label Studio labeling config that toLabelStudio's tasks are made for. */
export function labelStudioConfig() {
  const labels = [...TYPES, 'SPEAKER', 'CUE'].map((t) => `    <Label value="${xmlAttr(t)}"/>`);
  return ['<View>', '  <Relations>', '    <Relation value="speaker"/>', '    <Relation value="cue"/>', '  </Relations>',
    '  <Labels name="label" toName="text">', ...labels, '  </Labels>', '  <Text name="text" value="$text"/>', '</View>', ''].join('\n');
}

