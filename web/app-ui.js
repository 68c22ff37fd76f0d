// The page's own small pieces of interface: the status message, the confirmation dialog, the
// list of keys, downloads, and errors and dates in words. No queue state here (app.js has it).
import { KEYMAP } from './annotator.js';

export const $ = (id) => document.getElementById(id);

/** The one status area (role="alert"): every message replaces the last, so none goes stale. */
let messageTimer = 0;
export function message(text, isError = false) {
  const m = $('message');
  if (!/^Removed /.test(text)) $('undo-remove').hidden = true;
  m.textContent = text;
  m.classList.toggle('error', isError);
  // News clears itself after a while; an error stays until something replaces it.
  clearTimeout(messageTimer);
  if (!isError && text) messageTimer = setTimeout(() => { if (m.textContent === text) m.textContent = ''; }, 8000);
}

/** A date as the core takes it: YYYY-MM-DD and a day of the calendar. */
export function isDate(v) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const t = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === v;
}

/** An error of the core in words, with where it is (line and column, 1-based) when it says. */
export function describeError(err, text) {
  const msg = String((err && err.message) || err);
  const at = err && Number.isInteger(err.offset) ? err.offset : null;
  if (at === null || typeof text !== 'string') return msg;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const col = at - before.lastIndexOf('\n');
  return `${msg} (line ${line}, column ${col})`;
}

export function confirmDialog(text, { ok = 'OK', cancel = 'Cancel' } = {}) {
  return new Promise((resolve) => {
    const dlg = $('confirm-dialog');
    $('confirm-text').textContent = text;
    $('confirm-ok').textContent = ok;
    $('confirm-cancel').textContent = cancel;
    dlg.addEventListener('close', () => resolve(dlg.returnValue === 'ok'), { once: true });
    dlg.showModal();
  });
}

export function download(name, content, mime) {
  const url = URL.createObjectURL(new Blob([content], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** The keys, for the help list (#keymap): the type keys, then the others. */
export function fillKeymap() {
  const km = $('keymap');
  const add = (k, v) => { const dt = document.createElement('dt'); const kbd = document.createElement('kbd'); kbd.textContent = k; dt.append(kbd); const dd = document.createElement('dd'); dd.textContent = v; km.append(dt, dd); };
  for (const [k, t] of Object.entries(KEYMAP)) add(k, t);
  [['Tab, ←/→', 'next / previous span'], ['Home / End', 'first / last span'], ['Del', 'remove the span'],
    ['Enter', 'change the type (list)'], ['v', 'edit a date value'], ['s', 'select the next word'],
    ['Shift+←/→', 'shrink / grow the end by a word'], ['Ctrl+Shift+←/→', 'grow / shrink the start'],
    ['Alt (while selecting)', 'no snapping to words'], ['Shift+S / Shift+C', 'set the quote\'s speaker / cue from the selection (on the quote: clear)'],
    ['Shift+A / Shift+R', 'accept / reject all spans of this type'], ['Ctrl+Z', 'undo'], ['Ctrl+Shift+Z, Ctrl+Y', 'redo'],
    ['Esc', 'leave the span'], ['[ / ]', 'previous / next document'], ['Ctrl+Enter', 'done, next document']].forEach(([k, v]) => add(k, v));
}
