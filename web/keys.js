// The annotator's keyboard as a table: a key (with its modifiers) names a command, and the
// command is a function of the element and the moment's context {e, sel, focused, vis}. Rows are
// tried in order; a command that does not apply (returns false) lets the next matching row try.
// See docs/web.md for the keys as a person reads them.
import { TYPE_TABLE } from './types.js';
import { firstEndingAfter, firstStartingFrom, nextWord, previousWord } from './tokens.js';

/** Keys that give a selection (or the focused span) a type (data/types.tsv). */
export const KEYMAP = Object.fromEntries(TYPE_TABLE.filter((t) => t.key).map((t) => [t.key, t.name]));
/** The key of each type that has one. */
export const KEY_OF = Object.fromEntries(Object.entries(KEYMAP).map(([k, v]) => [v, k]));

/** Fields where keys are typing, not shortcuts. */
export const TEXT_ENTRY = 'input:not([type="checkbox"]):not([type="radio"]):not([type="button"]), select, textarea, dialog, [contenteditable]';

const ctrlOf = (e) => e.ctrlKey || e.metaKey;
const horizontal = (e) => e.key === 'ArrowRight' || e.key === 'ArrowLeft';

/** The type a key gives: by e.key, or with Alt held (some layouts change e.key) the physical key. */
export function typeOfKey(e) {
  return KEYMAP[e.key] || (e.altKey && /^Key[A-Z]$/.test(e.code) ? KEYMAP[e.code.slice(3).toLowerCase()] : undefined);
}

/** The editing keys that work wherever the focus is (not the ones a focused control uses). */
export function isShortcut(e) {
  if (ctrlOf(e)) return !e.altKey && /^[zZyY]$/.test(e.key);
  if (typeOfKey(e)) return true;
  // Not Space: on a button or a checkbox it presses it (in the text it accepts the focused span).
  return ['Delete', 'v', 's', 'S', 'C', 'A', 'R'].includes(e.key) || (e.shiftKey && horizontal(e));
}

/** [command, does the key event match], in order. */
export const KEY_COMMANDS = [
  ['undo', (e) => ctrlOf(e) && !e.altKey && /^[zZ]$/.test(e.key) && !e.shiftKey],
  ['redo', (e) => ctrlOf(e) && !e.altKey && ((/^[zZ]$/.test(e.key) && e.shiftKey) || /^[yY]$/.test(e.key))],
  ['nextSpan', (e) => !ctrlOf(e) && !e.altKey && !e.shiftKey && (e.key === 'ArrowRight' || e.key === 'ArrowDown')],
  ['previousSpan', (e) => !ctrlOf(e) && !e.altKey && !e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowUp')],
  ['tab', (e) => e.key === 'Tab' && !ctrlOf(e) && !e.altKey],
  ['firstSpan', (e) => e.key === 'Home' && !ctrlOf(e)],
  ['lastSpan', (e) => e.key === 'End' && !ctrlOf(e)],
  ['leave', (e) => e.key === 'Escape'],
  ['selectNextToken', (e) => e.key === 's' && !ctrlOf(e) && !e.altKey],
  ['selectWord', (e) => ctrlOf(e) && !e.shiftKey && !e.altKey && horizontal(e)],
  ['moveStart', (e) => ctrlOf(e) && e.shiftKey && horizontal(e)],
  ['moveEnd', (e) => !ctrlOf(e) && e.shiftKey && horizontal(e)],
  ['remove', (e) => !ctrlOf(e) && (e.key === 'Delete' || e.key === 'Backspace')],
  ['typeList', (e) => !ctrlOf(e) && e.key === 'Enter'],
  ['accept', (e) => !ctrlOf(e) && e.key === ' '],
  ['editValue', (e) => !ctrlOf(e) && e.key === 'v'],
  ['acceptType', (e) => !ctrlOf(e) && e.key === 'A'],
  ['rejectType', (e) => !ctrlOf(e) && e.key === 'R'],
  ['speaker', (e) => !ctrlOf(e) && e.key === 'S'],
  ['cue', (e) => !ctrlOf(e) && e.key === 'C'],
  ['label', (e) => !ctrlOf(e) && !!typeOfKey(e)],
];

/** The commands a key event names, in the order they are tried. */
export function commandsOf(e) {
  return KEY_COMMANDS.filter(([, matches]) => matches(e)).map(([name]) => name);
}

/** Moves the focus to the next (delta 1) or previous (-1) shown span; false if there is none. */
function moveSpan(a, { sel, focused, vis }, delta) {
  if (!vis.length) return false;
  let i = focused ? vis.findIndex((s) => s.id === focused.id) : -1;
  if (i < 0 && sel) i = delta > 0 ? vis.findIndex((s) => s.start >= sel.start) - 1 : vis.findIndex((s) => s.start >= sel.start);
  if (i < -1) i = delta > 0 ? vis.length - 1 : 0;
  const j = i < 0 ? (delta > 0 ? 0 : vis.length - 1) : i + delta;
  if (j < 0 || j >= vis.length) return false;
  document.getSelection().removeAllRanges();
  a.focusSpan(vis[j].id);
  return true;
}

/** The range a range command works on: the selection, else the focused span's. */
const baseOf = ({ sel, focused }) => sel || (focused ? { start: focused.start, end: focused.end } : null);

/** A token selected by the keyboard: no Alt snapping from an earlier mouse selection. */
function selectToken(a, t) {
  if (!t) return;
  a._altSelect = false;
  a.selectRange(t[0], t[1]);
}

/** Ctrl+Shift+→ / ←: the start of the range one token in / out. */
function movedStart(tokens, { start, end }, grow) {
  if (grow) {
    const i = firstStartingFrom(tokens, start);
    const n = tokens[i] && tokens[i][1] < end ? tokens[i + 1] : null;
    return n && n[0] < end ? n[0] : start;
  }
  const t = tokens[firstEndingAfter(tokens, start) - 1];
  return t ? t[0] : start;
}

/** Shift+→ / ←: the end of the range one token out / in. */
function movedEnd(tokens, { start, end }, grow) {
  if (grow) { const t = tokens[firstStartingFrom(tokens, end)]; return t ? t[1] : end; }
  const t = tokens[firstEndingAfter(tokens, end - 1) - 1];
  return t && t[1] > start ? t[1] : end;
}

/** Selects the changed range, or resizes the focused span to it. */
function applyRange(a, { sel, focused }, start, end) {
  if (sel) a.selectRange(start, end);
  else if (focused) a.resize(focused.id, start, end);
}

/** Sets the active quote's speaker or cue from the selection; on the focused quote, clears it. */
function quotePart(a, { e, sel, focused }, part) {
  e.preventDefault();
  if (focused && focused.type === 'QUOTE' && !sel) { a.setQuotePart(focused.id, part, null); a._focusAfter(focused.id); return; }
  if (a._activeQuote && a._find(a._activeQuote)) a._setPartFromSelection(a._activeQuote, part, e.altKey);
}

/** A type key: the selection becomes a span of the type, or the focused span takes it. */
function label(a, { e, sel, focused }) {
  e.preventDefault();
  const type = typeOfKey(e);
  if (sel) {
    const r = e.altKey || a._altSelect ? sel : a._snap(sel);
    if (!r) return;
    document.getSelection().removeAllRanges();
    a._altSelect = false;
    a.label(r.start, r.end, type);
  } else if (focused) {
    const id = focused.id;
    a.retype(id, type);
    a._focusAfter(id);
  }
}

// A command that applies to a focused span with no selection; otherwise the key goes on.
const onFocused = (fn) => (a, c) => { if (!c.focused || c.sel) return false; c.e.preventDefault(); fn(a, c.focused); return true; };

/** What each command does to the element `a`, in the context c = {e, sel, focused, vis}. */
export const COMMANDS = {
  undo: (a, { e }) => { e.preventDefault(); a.undo(); },
  redo: (a, { e }) => { e.preventDefault(); a.redo(); },
  nextSpan: (a, c) => { c.e.preventDefault(); moveSpan(a, c, 1); },
  previousSpan: (a, c) => { c.e.preventDefault(); moveSpan(a, c, -1); },
  // From the text itself, Shift+Tab leaves it backwards; otherwise Tab walks the spans and
  // leaves after the last (or before the first).
  tab: (a, c) => {
    if (c.e.shiftKey && !c.focused && !c.sel) return;
    if (moveSpan(a, c, c.e.shiftKey ? -1 : 1)) c.e.preventDefault();
  },
  firstSpan: (a, { e, vis }) => { e.preventDefault(); if (vis.length) a.focusSpan(vis[0].id); },
  lastSpan: (a, { e, vis }) => { e.preventDefault(); if (vis.length) a.focusSpan(vis[vis.length - 1].id); },
  leave: (a, { e }) => { e.preventDefault(); document.getSelection().removeAllRanges(); a._focusId = null; a.textEl.focus(); a._renderPanel(); },
  // s selects the next token.
  selectNextToken: (a, c) => {
    c.e.preventDefault();
    const tokens = a._tokens() || [];
    const from = c.sel ? c.sel.end : c.focused ? c.focused.end : 0;
    selectToken(a, tokens[firstStartingFrom(tokens, from)] || tokens[0]);
  },
  // Ctrl+→ / Ctrl+←: select the next / previous word (punctuation skipped).
  selectWord: (a, c) => {
    c.e.preventDefault();
    const tokens = a._tokens() || [];
    const cur = baseOf(c);
    selectToken(a, c.e.key === 'ArrowRight' ? nextWord(tokens, a._text, cur ? cur.end : 0)
      : previousWord(tokens, a._text, cur ? cur.start : a._text.length));
  },
  moveStart: (a, c) => {
    c.e.preventDefault();
    const base = baseOf(c);
    if (base) applyRange(a, c, movedStart(a._tokens() || [], base, c.e.key === 'ArrowRight'), base.end);
  },
  moveEnd: (a, c) => {
    c.e.preventDefault();
    const base = baseOf(c);
    if (base) applyRange(a, c, base.start, movedEnd(a._tokens() || [], base, c.e.key === 'ArrowRight'));
  },
  remove: onFocused((a, s) => a.remove(s.id)),
  typeList: onFocused((a) => { const s = a.panelEl.querySelector('.ba-type-select'); if (s) s.focus(); }),
  accept: onFocused((a, s) => { a.accept(s.id); a._focusAfter(s.id); }),
  editValue: onFocused((a) => { const v = a.panelEl.querySelector('.ba-value'); if (v) { v.focus(); v.select(); } }),
  acceptType: (a, { e, focused }) => { if (!focused) return false; e.preventDefault(); a.acceptType(focused.type); a._focusAfter(focused.id); return true; },
  rejectType: (a, { e, focused }) => { if (!focused) return false; e.preventDefault(); a.rejectType(focused.type); a._focusAfter(null); return true; },
  speaker: (a, c) => quotePart(a, c, 'speaker'),
  cue: (a, c) => quotePart(a, c, 'cue'),
  label,
};

/** Runs the command of a key pressed in the text (or passed on to it); `tgt` is its target. */
export function onTextKey(a, e, tgt) {
  const names = commandsOf(e);
  if (!names.length) return;
  const sel = a.selectionRange();
  const focused = a._focusId && tgt.closest('mark') ? a._find(a._focusId) : null;
  const c = { e, sel, focused, vis: a._orderedVisible() };
  for (const name of names) if (COMMANDS[name](a, c) !== false) return;
}
