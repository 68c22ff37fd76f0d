// <belgi-annotator>: shows a text with its spans highlighted and lets a person correct them.
//
//   <belgi-annotator date="2023-12-05"></belgi-annotator>
//   el.text = '…';               // annotates it with the belgi package (./belgi/ beside this file)
//   el.annotations = doc;        // or shows a belgi/1 document as it is (UTF-16 or code points)
//   el.addEventListener('change', (e) => save(e.detail));   // after every edit
//   el.export('brat')            // see formats.js
//
// The text never becomes HTML: every node is built with createTextNode / textContent.
// Every highlighted span is a <mark> with data-type, data-start, data-end (UTF-16 offsets).
// Spans are rendered by cutting the text at every span boundary, so nested and crossing spans
// (an entity inside a quote) come out as nested elements; a span cut in pieces gives several
// <mark>s with the same data-id.
//
// The element is this file (state, loading, undo, events) and its rooms: render.js (what the text
// looks like, as data) and text-view.js (as elements, and selections), edits.js (the editing
// operations), keys.js (the keyboard, a command table), legend.js and panel.js; core.js loads the
// package, tokens.js snaps selections to the core's tokens.
import {
  DEFAULT_VISIBLE, compareSpans, cleanSpan, fromObject, normalizeDocument, exportDocument,
} from './formats.js';
import { WORKER_THRESHOLD, annotateText, coreLoaded, coreTokenize, loadBelgi, tokenizeText } from './core.js';
import { coreDate, editing, newId } from './edits.js';
import { onTextKey, isShortcut, TEXT_ENTRY } from './keys.js';
import { renderLegend, onLegendKey } from './legend.js';
import { renderPanel } from './panel.js';
import { textView } from './text-view.js';
import { phraseAt, snapToTokens, wordAt } from './tokens.js';
import { el } from './dom.js';

export { WORKER_THRESHOLD, annotateText, loadBelgi } from './core.js';
export { TEXT_ENTRY } from './keys.js';
export { KEYMAP, KEY_OF } from './keys.js';


function clone(spans) { return spans.map((s) => structuredClone(s)); }

export class BelgiAnnotator extends HTMLElement {
  static get observedAttributes() { return ['date']; }

  constructor() {
    super();
    this._text = '';
    this._spans = [];
    this._docDate = null;
    this._docId = undefined;
    this._visible = new Set(DEFAULT_VISIBLE);
    this._undo = [];
    this._redo = [];
    this._focusId = null;
    this._activeQuote = null;
    this._nodeStart = new WeakMap();
    this._lines = null;
    this._lineEls = [];
    this._altSelect = false;
    this._built = false;
    this.renderTime = 0;
  }

  connectedCallback() {
    if (this._built) return;
    this._built = true;
    this.classList.add('ba');
    this.legendEl = el('div', 'ba-legend');
    this.legendEl.setAttribute('role', 'toolbar');
    this.legendEl.setAttribute('aria-label', 'Span types: arrow keys move between the controls');
    this.legendEl.addEventListener('keydown', (e) => onLegendKey(this, e));
    this.legendEl.addEventListener('focusin', (e) => { this._legendFocus = e.target.dataset && e.target.dataset.key; });
    const body = el('div', 'ba-body');
    this.textEl = el('div', 'ba-text');
    this.textEl.tabIndex = 0;
    this.textEl.id = `${this.id || 'belgi-annotator'}-text`;
    this.textEl.lang = 'kk'; // the articles are Kazakh, whatever language the page around is in
    this.textEl.setAttribute('role', 'document');
    this.textEl.setAttribute('aria-label', 'Annotated text: Tab or arrows move between spans; select text and press a type key');
    this.panelEl = el('div', 'ba-panel');
    this.panelEl.setAttribute('aria-live', 'polite');
    body.append(this.textEl, this.panelEl);
    this.append(this.legendEl, body);
    this.textEl.addEventListener('mousedown', (e) => { this._down = { x: e.clientX, y: e.clientY }; });
    this.textEl.addEventListener('mouseup', (e) => this._onMouseUp(e));
    this.textEl.addEventListener('focusin', (e) => this._onFocusIn(e));
    this.textEl.addEventListener('mouseover', (e) => this._onHover(e, true));
    this.textEl.addEventListener('mouseout', (e) => this._onHover(e, false));
    this.addEventListener('keydown', (e) => this._onKeyDown(e));
    this._renderAll();
  }

  attributeChangedCallback(name, oldValue, value) {
    if (name === 'date' && oldValue !== value && this._text && !this._quietDate) this.dateReady = this.reannotateDates();
  }

  /**
   * Shows a belgi/1 document with the given document date, without annotating again (what a host
   * page uses to switch between documents).
   */
  load(doc, { date = '' } = {}) {
    this._quietDate = true;
    try { this.date = date; } finally { this._quietDate = false; }
    this.annotations = doc;
  }

  // -------------------------------------------------------------------------------------------
  // Public API

  get date() { return this.getAttribute('date') || ''; }
  set date(v) { if (v) this.setAttribute('date', v); else this.removeAttribute('date'); }

  get text() { return this._text; }
  /** Sets the text and annotates it with the belgi package; resolves `ready` when done. */
  set text(t) {
    this._load({ text: String(t ?? ''), spans: [], date: null });
    this.ready = this._annotateNow();
  }

  /** The document in belgi/1 format (UTF-16 offsets; spans carry `origin`). */
  get annotations() {
    const d = normalizeDocument({ id: this._docId, text: this._text, date: this._docDate, spans: this._spans });
    return d;
  }
  set annotations(doc) {
    const d = fromObject(doc);
    this._load(d);
    this.ready = Promise.resolve();
  }

  /** The spans with their internal ids (stable across edits, unlike the T-numbers of exports). */
  get spans() { return clone(this._spans); }

  get visibleTypes() { return [...this._visible]; }
  set visibleTypes(types) { this._visible = new Set(types); this._renderAll(); }

  /** Exports the document: brat gives {txt, ann}; every other format a string. */
  export(format = 'json') {
    const files = exportDocument(format, this.annotations, { tokenize: coreTokenize });
    if (format === 'brat') return { txt: files[0].content, ann: files[1].content };
    return files[0].content;
  }

  get canUndo() { return this._undo.length > 0; }
  get canRedo() { return this._redo.length > 0; }
  undo() { return this._step(this._undo, this._redo, 'before'); }
  redo() { return this._step(this._redo, this._undo, 'after'); }

  /** Review state of the spans of the shown types: {accepted, suggested, byType: {TYPE: [accepted, suggested]}}. */
  get review() {
    const out = { accepted: 0, suggested: 0, byType: {} };
    for (const s of this._spans) {
      if (!this._visible.has(s.type)) continue;
      const k = s.origin === 'human' ? 0 : 1;
      (out.byType[s.type] ||= [0, 0])[k]++;
      if (k) out.suggested++; else out.accepted++;
    }
    return out;
  }

  /**
   * Moves keyboard focus to a span (by its internal id) or to the text, scrolling it into view
   * unless {scroll: false} (after an edit the span is where the person was looking, and
   * scrolling would force a layout of the fresh DOM at once).
   */
  focusSpan(id, { scroll = true } = {}) {
    const m = id && this._markOf(id);
    if (m) {
      const sel = document.getSelection();
      if (sel && sel.rangeCount && this.textEl.contains(sel.anchorNode)) sel.removeAllRanges();
      m.focus({ preventScroll: true });
      if (scroll) m.scrollIntoView({ block: 'nearest' });
    } else this.textEl.focus({ preventScroll: !scroll });
  }

  // -------------------------------------------------------------------------------------------
  // State

  _load(doc) {
    this._gen = (this._gen || 0) + 1; // what async work started before compares against
    this._text = doc.text;
    this._docDate = doc.date ?? null;
    this._docId = doc.id;
    this._spans = (doc.spans || []).map((s) => ({ ...cleanSpan(this._text, s), id: s.id || newId() }));
    const seen = new Set();
    for (const s of this._spans) { if (seen.has(s.id)) s.id = newId(); seen.add(s.id); }
    this._spans.sort(compareSpans);
    this._undo = [];
    this._redo = [];
    this._focusId = null;
    this._activeQuote = null;
    this._renderAll();
    if (this._text.length > WORKER_THRESHOLD && !this._cachedTokens()) this._prefetchTokens();
  }

  /** A long text's tokens, cut in the worker ahead of the first selection key (see _tokens). */
  _prefetchTokens() {
    const text = this._text;
    tokenizeText(text).then((t) => {
      if (this._text === text && !this._cachedTokens()) this._tokenCache = { text, tokens: t.tokens };
    }).catch(() => {});  // _tokens() cuts them on this thread when asked
  }

  async _annotateNow() {
    const gen = this._gen;
    const text = this._text;
    this._busy = (this._busy || 0) + 1;
    this.setAttribute('aria-busy', 'true');
    try {
      const doc = await annotateText(text, coreDate(this));
      if (gen !== this._gen) return;
      const id = this._docId;
      this._load(doc);
      this._docId = id;
      this._emitChange();
    } catch (err) {
      if (gen === this._gen) this._error(err);
    } finally {
      if (--this._busy === 0) this.removeAttribute('aria-busy');
    }
  }

  /** `error` event: the core refused the text (or failed to load); detail {code, message, offset}. */
  _error(err) {
    const detail = { code: (err && err.code) || 'internal', message: String((err && err.message) || err) };
    if (err && Number.isInteger(err.offset)) detail.offset = err.offset;
    this.dispatchEvent(new CustomEvent('error', { detail }));
  }

  _find(id) { return this._spans.find((s) => s.id === id); }

  /**
   * Runs an edit. Span objects are never changed in place once shown: an edit works on a copy of
   * the array and replaces the objects it changes (_mut), so that undo keeps the old array as it
   * was, and the page re-renders only the stretch of text where objects differ.
   */
  _edit(fn) {
    const before = this._spans;
    this._spans = before.slice();
    const r = fn();
    if (r === false) { this._spans = before; return false; }
    this._spans.sort(compareSpans);
    this._undo.push({ before, after: this._spans });
    if (this._undo.length > 1000) this._undo.shift();
    this._redo = [];
    this._update(before, this._spans);
    this._emitChange();
    return true;
  }

  /** Replaces the span `id` in the current (copied) array by a copy, and returns the copy. */
  _mut(id) {
    const i = this._spans.findIndex((s) => s.id === id);
    if (i < 0) return null;
    const s = this._spans[i];
    const c = { ...s };
    if (s.cue) c.cue = { ...s.cue };
    if (s.speaker) c.speaker = { ...s.speaker };
    this._spans[i] = c;
    return c;
  }

  _step(from, to, which) {
    const e = from.pop();
    if (!e) return false;
    to.push(e);
    const prev = this._spans;
    this._spans = e[which];
    const hadFocus = this.contains(document.activeElement);
    this._update(prev, this._spans);
    if (hadFocus) this.focusSpan(this._markOf(this._focusId) ? this._focusId : null, { scroll: false });
    this._emitChange();
    return true;
  }

  _emitChange() {
    this.dispatchEvent(new CustomEvent('change', { detail: this.annotations }));
  }

  _focusAfter(id) {
    this._focusId = id;
    if (id && this._markOf(id)) this.focusSpan(id, { scroll: false }); else this.textEl.focus({ preventScroll: true });
    this._renderPanel();
  }

  _orderedVisible() { return this._spans.filter((s) => this._visible.has(s.type)); }

  // -------------------------------------------------------------------------------------------
  // Rendering

  _renderAll() {
    if (!this._built) return;
    const t0 = performance.now();
    this._renderText(0, this._text.length);
    this._renderLegend();
    this._renderPanel();
    this.renderTime = performance.now() - t0;
  }

  /** After an edit or undo: re-renders only the stretch of text where the spans differ. */
  _update(prev, next) {
    if (!this._built) return;
    const t0 = performance.now();
    const a = new Set(prev);
    const b = new Set(next);
    let lo = Infinity;
    let hi = -Infinity;
    const widen = (s) => {
      for (const r of [s, s.cue, s.speaker]) if (r) { lo = Math.min(lo, r.start); hi = Math.max(hi, r.end); }
    };
    for (const s of next) if (!a.has(s)) widen(s);
    for (const s of prev) if (!b.has(s)) widen(s);
    if (lo < hi) this._renderText(lo, hi);
    this._renderLegend();
    this._renderPanel();
    this.renderTime = performance.now() - t0;
  }

  _renderLegend() { renderLegend(this); }
  _renderPanel() { renderPanel(this); }

  /** Whether the token cache holds the current text's tokens (a reload of the same text keeps them). */
  _cachedTokens() { return !!this._tokenCache && this._tokenCache.text === this._text; }

  /** The core's tokens of the text (UTF-16 [start, end] pairs), or null until the package loads. */
  _tokens() {
    if (this._cachedTokens()) return this._tokenCache.tokens;
    if (!coreLoaded()) { loadBelgi().catch(() => {}); return null; }
    try { this._tokenCache = { text: this._text, tokens: coreTokenize(this._text).tokens }; } catch { return null; }
    return this._tokenCache.tokens;
  }

  /** A selection snapped to the core's tokens (as it is while the package is still loading). */
  _snap(r) {
    const tokens = this._tokens();
    return tokens ? snapToTokens(tokens, this._text, r.start, r.end) : r;
  }

  // -------------------------------------------------------------------------------------------
  // Mouse, focus and keys

  _emitSelect(detail) { this.dispatchEvent(new CustomEvent('select', { detail })); }

  _onMouseUp(e) {
    let r = this.selectionRange();
    // A click on the text (not on a span) selects the word there; a double click the phrase
    // around it, up to punctuation: a name is one double click and a type key.
    // Only a click where the button went down: a drag that ends where it began selects nothing.
    const still = this._down && Math.abs(e.clientX - this._down.x) + Math.abs(e.clientY - this._down.y) <= 4;
    if (still && (!r || e.detail === 2) && !e.altKey && !(e.target.closest && e.target.closest('mark'))) {
      const sel = document.getSelection();
      const at = sel && sel.rangeCount ? this._offsetOf(sel.anchorNode, sel.anchorOffset) : null;
      const tokens = this._tokens() || [];
      if (at !== null) r = e.detail === 2 ? phraseAt(tokens, this._text, r ? r.start : at) : wordAt(tokens, this._text, at);
      if (r) { this._focusId = null; this.selectRange(r.start, r.end, { scroll: false }); return; }
    }
    if (!r) return;
    this._altSelect = e.altKey;
    const snapped = e.altKey ? r : this._snap(r);
    if (!snapped) return;
    this._focusId = null;
    // selectRange redraws the panel; otherwise it is drawn here, once.
    if (snapped.start !== r.start || snapped.end !== r.end) this.selectRange(snapped.start, snapped.end, { scroll: false });
    else { this._emitSelect({ ...snapped, text: this._text.slice(snapped.start, snapped.end) }); this._renderPanel(); }
  }

  _onFocusIn(e) {
    const m = e.target.closest && e.target.closest('mark[data-id]');
    this.querySelectorAll('.ba-linked').forEach((x) => x.classList.remove('ba-linked'));
    if (!m) return;
    const id = m.dataset.id;
    const s = this._find(id);
    if (!s) return;
    this._focusId = id;
    if (s.type === 'QUOTE') { this._activeQuote = id; this._link(id, true); }
    this._renderPanel();
    this._emitSelect({ ...structuredClone(s) });
  }

  _onHover(e, on) {
    const m = e.target.closest && e.target.closest('mark[data-type="QUOTE"]');
    if (!m) return;
    if (!on && m.contains(e.relatedTarget)) return;
    if (!on && this._focusId === m.dataset.id && this.contains(document.activeElement)) return;
    this._link(m.dataset.id, on);
  }

  _link(id, on) {
    for (const x of this.querySelectorAll(`[data-for="${CSS.escape(id)}"], mark[data-id="${CSS.escape(id)}"]`)) x.classList.toggle('ba-linked', on);
  }

  // -------------------------------------------------------------------------------------------
  // Keyboard

  _onKeyDown(e) {
    if (e.defaultPrevented) return;
    if (this.textEl.contains(e.target)) onTextKey(this, e, e.target);
    else this.shortcut(e);
  }

  /**
   * A key pressed outside the text (the legend, the panel, or anywhere on a host page, which
   * passes its keydown events here): the editing shortcuts act on the span last focused or the
   * text's selection, as if the text had the focus — and it gets it. Keys that the focused
   * control itself uses (Tab, Enter, Space, arrows, typing in a field) are left alone.
   * Returns true when the key was a shortcut.
   */
  shortcut(e) {
    const tgt = e.target;
    if (e.defaultPrevented || !this._built) return false;
    if (tgt && tgt.closest && tgt.closest(TEXT_ENTRY)) return false;
    if (!isShortcut(e)) return false;
    const sel = this.selectionRange();
    const m = !sel && this._focusId ? this._markOf(this._focusId) : null;
    const target = m || this.textEl;
    if (document.activeElement !== target) target.focus({ preventScroll: true });
    onTextKey(this, e, target);
    return true;
  }
}

Object.assign(BelgiAnnotator.prototype, editing, textView);

if (!customElements.get('belgi-annotator')) customElements.define('belgi-annotator', BelgiAnnotator);
