// The annotator's side panel: the selection and what a type key would do with it, or the focused
// span with its type, value, a quote's speaker and cue, and its review state.
import { TYPES } from './formats.js';
import { KEY_OF } from './keys.js';
import { el, short } from './dom.js';

const SELECTION_HINT = 'A type key makes it a span (p PERSON, o ORGANISATION, g GPE, d DATE, q QUOTE …); Shift+→ / Shift+← grow or shrink its end, Ctrl+Shift+← / → its start; Ctrl+→ / Ctrl+← the next / previous word.';
const START_HINT = 'Select words and press a type key (p PERSON, o ORGANISATION, g GPE, d DATE, q QUOTE …), or Tab to a span.';

/** Redraws the panel of the element `host`. */
export function renderPanel(host) {
  if (!host.panelEl) return;
  const s = host._focusId && host._find(host._focusId);
  const frag = document.createDocumentFragment();
  if (s) spanPanel(host, s, frag); else selectionPanel(host, frag);
  host.panelEl.replaceChildren(frag);
}

function selectionPanel(host, frag) {
  const range = host.selectionRange();
  if (range) {
    frag.append(el('h3', 'ba-panel-title', 'Selection'));
    frag.append(el('blockquote', 'ba-panel-text ba-selection-text', short(host._text.slice(range.start, range.end), 300)));
    frag.append(el('p', 'ba-hint', SELECTION_HINT));
  } else frag.append(el('p', 'ba-hint', START_HINT));
  const q = host._activeQuote && host._find(host._activeQuote);
  if (q) frag.append(el('p', 'ba-hint', `Active quote: «${short(q.text)}» — select its speaker and press Shift+S, its cue and press Shift+C.`));
}

function spanPanel(host, s, frag) {
  const h = el('h3', 'ba-panel-title');
  const sw = el('span', 'ba-swatch');
  sw.dataset.type = s.type;
  h.append(sw, document.createTextNode(` ${s.type}`));
  frag.append(h, el('blockquote', 'ba-panel-text', short(s.text, 300)));
  const row = (label, control) => { const r = el('label', 'ba-row'); r.append(el('span', 'ba-row-label', label), control); frag.append(r); };
  row('Type (Enter)', typeSelect(host, s));
  if (s.type === 'DATE' || s.type === 'TIME') row('Value (v)', valueField(host, s));
  if (s.type === 'QUOTE') {
    for (const part of ['speaker', 'cue']) row(part === 'speaker' ? 'Speaker (Shift+S)' : 'Cue (Shift+C)', quotePart(host, s, part));
    if (s.kind) frag.append(el('p', 'ba-meta', `kind: ${s.kind}`));
  }
  const state = s.origin === 'human' ? 'accepted (made or checked by a person)'
    : `suggested by the ${s.origin}: Space or ${KEY_OF[s.type] ? `its key ${KEY_OF[s.type]}` : 'Enter'} accepts it`;
  frag.append(el('p', 'ba-meta', `${state} · source ${s.source} · score ${s.score}`));
  const del = el('button', 'ba-delete', 'Delete (Del)');
  del.type = 'button';
  del.addEventListener('click', () => host.remove(s.id));
  frag.append(del);
}

function typeSelect(host, s) {
  const sel = el('select', 'ba-type-select');
  for (const t of TYPES) { const o = el('option', '', t); o.value = t; if (t === s.type) o.selected = true; sel.append(o); }
  sel.addEventListener('change', () => { const id = s.id; host.retype(id, sel.value); host._focusAfter(id); });
  sel.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.preventDefault(); host.focusSpan(s.id); } });
  return sel;
}

function valueField(host, s) {
  const inp = el('input', 'ba-value');
  inp.value = s.value ?? '';
  inp.placeholder = '2023-12-05, P3Y, TNI …';
  inp.spellcheck = false;
  const commit = () => { if (inp.value.trim() !== (s.value ?? '')) { const id = s.id; host.setValue(id, inp.value); host._focusAfter(id); } };
  inp.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.key === 'Enter') { e.preventDefault(); commit(); } else if (e.key === 'Escape') { e.preventDefault(); host.focusSpan(s.id); }
  });
  inp.addEventListener('change', commit);
  return inp;
}

function quotePart(host, s, part) {
  const box = el('span', 'ba-part');
  box.append(el('span', `ba-part-text ba-${part}-text`, s[part] ? s[part].text : '—'));
  const set = el('button', '', 'From selection');
  set.type = 'button';
  set.title = `Set the ${part} to the selected words (Shift+${part === 'speaker' ? 'S' : 'C'})`;
  set.addEventListener('mousedown', (e) => e.preventDefault());
  set.addEventListener('click', () => host._setPartFromSelection(s.id, part, false));
  const clr = el('button', '', 'Clear');
  clr.type = 'button';
  clr.disabled = !s[part];
  clr.addEventListener('click', () => { host.setQuotePart(s.id, part, null); host._focusAfter(s.id); });
  box.append(set, clr);
  return box;
}
