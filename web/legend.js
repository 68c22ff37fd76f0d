// The annotator's legend: one toggle a type with its counts and key, and accept / reject-all
// buttons; one tab stop, arrow keys inside (a toolbar).
import { TYPES, NUMERIC_TYPES, HIGHLIGHTED } from './formats.js';
import { KEY_OF } from './keys.js';
import { el } from './dom.js';

/** Spans of each type, and of those the suggested ones (not yet accepted by a person). */
function countTypes(spans) {
  const counts = new Map();
  const suggested = new Map();
  for (const s of spans) {
    counts.set(s.type, (counts.get(s.type) || 0) + 1);
    if (s.origin !== 'human') suggested.set(s.type, (suggested.get(s.type) || 0) + 1);
  }
  return { counts, suggested };
}

/** The show/hide toggle of a type, with its swatch, name, counts and key. */
function toggle(host, type, n, sug) {
  const label = el('label', 'ba-toggle');
  const cb = el('input');
  cb.type = 'checkbox';
  cb.dataset.key = `${type}:show`;
  cb.setAttribute('aria-label', `Show ${type} (${n}: ${n - sug} accepted, ${sug} suggested)`);
  cb.checked = host._visible.has(type);
  cb.addEventListener('change', () => host.toggleType(type, cb.checked));
  const sw = el('span', 'ba-swatch');
  sw.dataset.type = type;
  const count = el('span', 'ba-count', String(n));
  count.dataset.accepted = String(n - sug);
  count.dataset.suggested = String(sug);
  label.append(cb, sw, el('span', 'ba-type-name', type), count);
  if (sug) { const q = el('span', 'ba-suggested', `${sug}?`); q.title = `${sug} suggested, not reviewed yet`; label.append(q); }
  if (KEY_OF[type]) label.append(el('kbd', 'ba-key', KEY_OF[type]));
  label.title = `Show or hide ${type} (${n}: ${n - sug} accepted, ${sug} suggested)`;
  return label;
}

/** An accept-all or reject-all button of a type. */
function allButton(host, type, what) {
  const accept = what === 'accept';
  const b = el('button', accept ? 'ba-accept' : 'ba-reject', accept ? '✓' : '✗');
  b.type = 'button';
  b.title = accept ? `Accept all ${type} spans (Shift+A on a span)` : `Reject (remove) all ${type} spans (Shift+R on a span)`;
  b.setAttribute('aria-label', `${accept ? 'Accept' : 'Reject'} all ${type}`);
  b.dataset.key = `${type}:${what}`;
  b.addEventListener('click', () => (accept ? host.acceptType(type) : host.rejectType(type)));
  return b;
}

/** Redraws the legend of the element `host`, keeping the focus on the control it was on. */
export function renderLegend(host) {
  const { counts, suggested } = countTypes(host._spans);
  const frag = document.createDocumentFragment();
  for (const type of TYPES) {
    const n = counts.get(type) || 0;
    if (!n && NUMERIC_TYPES.includes(type)) continue;
    if (!n && !HIGHLIGHTED.includes(type)) continue;
    const item = el('span', 'ba-legend-item');
    item.dataset.type = type;
    if (!n) item.classList.add('ba-zero');
    item.append(toggle(host, type, n, suggested.get(type) || 0));
    if (n) item.append(allButton(host, type, 'accept'), allButton(host, type, 'reject'));
    frag.append(item);
  }
  // One tab stop (arrow keys inside): the control last focused, else the first. A re-render
  // (counts change with every edit) keeps the focus where it was.
  const hadFocus = host.legendEl.contains(document.activeElement);
  host.legendEl.replaceChildren(frag);
  const items = [...host.legendEl.querySelectorAll('[data-key]')];
  for (const x of items) x.tabIndex = -1;
  const last = host._legendFocus;
  const keep = items.find((x) => x.dataset.key === last)
    || items.find((x) => last && x.dataset.key.startsWith(last.split(':')[0])) || items[0];
  if (keep) { keep.tabIndex = 0; if (hadFocus) keep.focus({ preventScroll: true }); }
}

const LEGEND_KEYS = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -Infinity, End: Infinity };

/** Arrow keys, Home and End move between the legend's controls. */
export function onLegendKey(host, e) {
  if (!(e.key in LEGEND_KEYS) || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
  const items = [...host.legendEl.querySelectorAll('[data-key]')];
  const i = items.indexOf(e.target);
  if (i < 0 || !items.length) return;
  e.preventDefault();
  const d = LEGEND_KEYS[e.key];
  const j = d === -Infinity ? 0 : d === Infinity ? items.length - 1 : (i + d + items.length) % items.length;
  items[i].tabIndex = -1;
  items[j].tabIndex = 0;
  items[j].focus();
}
