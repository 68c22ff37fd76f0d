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
import { TYPE_TABLE } from './types.js';
import {
  TYPES, NUMERIC_TYPES, DEFAULT_VISIBLE, HIGHLIGHTED, compareSpans, cleanSpan, fromObject,
  normalizeDocument, snapToTokens, tokenize, exportDocument,
} from './formats.js';

/** Keys that give a selection (or the focused span) a type. */
export const KEYMAP = Object.fromEntries(TYPE_TABLE.filter((t) => t.key).map((t) => [t.key, t.name]));
const KEY_OF = Object.fromEntries(Object.entries(KEYMAP).map(([k, v]) => [v, k]));

const LINES_PER_CHUNK = 40;

/** Fields where keys are typing, not shortcuts. */
const TEXT_ENTRY = 'input:not([type="checkbox"]):not([type="radio"]):not([type="button"]), select, textarea, dialog, [contenteditable]';

/** The editing keys that work wherever the focus is (not the ones a focused control uses). */
function isShortcut(e) {
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl) return !e.altKey && /^[zZyY]$/.test(e.key);
  if (KEYMAP[e.key] || (e.altKey && /^Key[A-Z]$/.test(e.code) && KEYMAP[e.code.slice(3).toLowerCase()])) return true;
  // Not Space: on a button or a checkbox it presses it (in the text it accepts the focused span).
  return ['Delete', 'v', 's', 'S', 'C', 'A', 'R'].includes(e.key) || (e.shiftKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft'));
}

/** Texts longer than this are annotated in a Web Worker. */
export const WORKER_THRESHOLD = 20000;

let belgiMain = null;
let belgiWorker = null;

function packageUrl(file) { return new URL(`./belgi/${file}`, import.meta.url); }

/** Loads the package on the main thread (and, with {worker: true}, starts the worker too). */
export async function loadBelgi({ worker = false } = {}) {
  if (!belgiMain) {
    belgiMain = import(packageUrl('index.js').href).then(async (m) => { await m.init(); return m; });
    belgiMain.catch(() => { belgiMain = null; });
  }
  const m = await belgiMain;
  if (worker && !belgiWorker) {
    belgiWorker = import(packageUrl('worker-client.js').href).then(async (wc) => {
      const w = wc.createWorker(packageUrl('worker.js'));
      await w.init();
      return w;
    });
    belgiWorker.catch(() => { belgiWorker = null; });
  }
  if (worker) await belgiWorker;
  return m;
}

/** Annotates a text; long ones in the worker so that the page stays responsive. */
export async function annotateText(text, date) {
  const opts = { offsets: 'utf16' };
  if (date) opts.date = date;
  if (text.length > WORKER_THRESHOLD) {
    await loadBelgi({ worker: true });
    return (await belgiWorker).annotate(text, opts);
  }
  const m = await loadBelgi();
  return m.annotate(text, opts);
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
let uid = 0;
const newId = () => `h${Date.now().toString(36)}${(uid++).toString(36)}`;

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

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
    this.legendEl.addEventListener('keydown', (e) => this._onLegendKey(e));
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
    const doc = this.annotations;
    if (format === 'brat') {
      const [txt, ann] = exportDocument('brat', doc);
      return { txt: txt.content, ann: ann.content };
    }
    return exportDocument(format, doc)[0].content;
  }

  get canUndo() { return this._undo.length > 0; }
  get canRedo() { return this._redo.length > 0; }
  undo() { return this._step(this._undo, this._redo, 'before'); }
  redo() { return this._step(this._redo, this._undo, 'after'); }

  /** Runs the package again for the current date and refreshes DATE/TIME values nobody edited. */
  async reannotateDates() {
    const gen = this._gen;
    const text = this._text;
    let fresh;
    try { fresh = await annotateText(text, DATE_RE.test(this.date) ? this.date : ''); } catch (err) { if (gen === this._gen) this._error(err); return false; }
    // Another document was loaded meanwhile (maybe with the same text): not for this one.
    if (gen !== this._gen) return false;
    const byRange = new Map(fresh.spans.filter((s) => s.type === 'DATE' || s.type === 'TIME').map((s) => [`${s.start}:${s.end}`, s]));
    const dateChanged = JSON.stringify(fresh.date) !== JSON.stringify(this._docDate);
    this._docDate = fresh.date;
    // An undoable edit, like any other change of the spans.
    const edited = this._edit(() => {
      let changed = false;
      for (const s of this._spans.slice()) {
        if ((s.type !== 'DATE' && s.type !== 'TIME') || s.origin === 'human') continue;
        const f = byRange.get(`${s.start}:${s.end}`);
        const v = f ? f.value : undefined;
        if (v !== s.value) { const c = this._mut(s.id); if (v === undefined) delete c.value; else c.value = v; changed = true; }
      }
      return changed;
    });
    if (!edited && dateChanged) this._emitChange();
    return true;
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

  // Editing operations (each one undoable, each emits `change`).

  /** Gives the range [start, end) the type: retypes a span with the same range or adds one. */
  label(start, end, type) {
    if (!TYPES.includes(type) || !(start < end)) return null;
    const same = this._spans.find((s) => s.start === start && s.end === end && (s.type === 'QUOTE') === (type === 'QUOTE'));
    if (same) { this.retype(same.id, type); return same.id; }
    const id = newId();
    this._edit(() => {
      const isQ = type === 'QUOTE';
      this._spans = this._spans.filter((s) => (s.type === 'QUOTE') !== isQ || s.end <= start || s.start >= end);
      this._spans.push({ id, type, start, end, text: this._text.slice(start, end), score: 1, source: 'human', origin: 'human', ...(isQ ? { kind: 'unmarked' } : {}) });
    });
    this._visible.add(type);
    this._focusAfter(id);
    return id;
  }

  retype(id, type) {
    this._edit(() => {
      const old = this._find(id);
      if (!old) return false;
      // Its own type again: the person confirms the suggestion.
      if (old.type === type) { if (old.origin === 'human') return false; this._mut(id).origin = 'human'; return true; }
      const s = this._mut(id);
      if (s.type === 'QUOTE') { delete s.cue; delete s.speaker; delete s.kind; }
      if (type === 'QUOTE') s.kind = s.kind || 'unmarked';
      if (type !== 'DATE' && type !== 'TIME') delete s.value;
      s.type = type;
      s.origin = 'human';
      return true;
    });
    this._visible.add(type);
  }

  /** A person accepts a suggested span as it is (origin becomes 'human'; an undoable edit). */
  accept(id) {
    return this._edit(() => {
      const s = this._find(id);
      if (!s || s.origin === 'human') return false;
      this._mut(id).origin = 'human';
      return true;
    });
  }

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

  remove(id) {
    const i = this._spans.findIndex((s) => s.id === id);
    if (i < 0) return;
    const vis = this._orderedVisible();
    const k = vis.findIndex((s) => s.id === id);
    const next = vis[k + 1] || vis[k - 1];
    this._edit(() => {
      this._spans.splice(i, 1);
      for (const s of this._spans.slice()) if (s.speaker && s.speaker.entity === id) delete this._mut(s.id).speaker.entity;
    });
    if (this._focusId === id) this._focusAfter(next ? next.id : null);
  }

  resize(id, start, end) {
    const s = this._find(id);
    if (!s || !(start < end) || start < 0 || end > this._text.length) return;
    this._edit(() => {
      const c = this._mut(id);
      c.start = start; c.end = end; c.text = this._text.slice(start, end); c.origin = 'human';
    });
    this._focusAfter(id);
    if (s.type === 'DATE' || s.type === 'TIME') this.valueReady = this._revalue(id);
  }

  /**
   * After a DATE/TIME span is resized: its value is what the core reads from its new words (with
   * the document date), folded into the resize's undo step. Resolves true if the value changed.
   */
  async _revalue(id) {
    const gen = this._gen;
    const s = this._find(id);
    let fresh;
    try { fresh = await annotateText(s.text, DATE_RE.test(this.date) ? this.date : ''); } catch { return false; }
    const cur = this._find(id);
    if (gen !== this._gen || !cur || cur.start !== s.start || cur.end !== s.end) return false;
    const f = fresh.spans.find((x) => x.type === cur.type && x.start === 0 && x.end === cur.text.length);
    const v = f ? f.value : undefined;
    if (v === cur.value) return false;
    const last = this._undo[this._undo.length - 1];
    this._edit(() => { const c = this._mut(id); if (v === undefined) delete c.value; else c.value = v; });
    const mine = this._undo.pop();
    if (last && last.after === mine.before) last.after = mine.after; else this._undo.push(mine);
    this._focusAfter(id);
    return true;
  }

  setValue(id, value) {
    this._edit(() => {
      if (!this._find(id)) return false;
      const v = String(value ?? '').trim();
      if ((this._find(id).value ?? '') === v) return false;
      const s = this._mut(id);
      if (v) s.value = v; else delete s.value;
      s.origin = 'human';
      return true;
    });
  }

  /** Sets (range) or clears (null) a quote's speaker or cue; `part` is 'speaker' or 'cue'. */
  setQuotePart(quoteId, part, range, entity) {
    this._edit(() => {
      const old = this._find(quoteId);
      if (!old || old.type !== 'QUOTE' || (!range && !old[part])) return false;
      const q = this._mut(quoteId);
      if (!range) delete q[part]; else {
        q[part] = { start: range.start, end: range.end, text: this._text.slice(range.start, range.end) };
        if (entity) q[part].entity = entity;
      }
      q.origin = 'human';
      return true;
    });
  }

  /** A person confirms every span of the type: they become origin 'human' (source is kept). */
  acceptType(type) {
    this._edit(() => {
      let n = 0;
      this._spans = this._spans.map((s) => (s.type === type && s.origin !== 'human' ? (n++, { ...s, origin: 'human' }) : s));
      return n > 0;
    });
  }

  rejectType(type) {
    this._edit(() => {
      const before = this._spans.length;
      const gone = new Set(this._spans.filter((s) => s.type === type).map((s) => s.id));
      this._spans = this._spans.filter((s) => s.type !== type);
      for (const s of this._spans.slice()) if (s.speaker && gone.has(s.speaker.entity)) delete this._mut(s.id).speaker.entity;
      return this._spans.length !== before;
    });
  }

  toggleType(type, on = !this._visible.has(type)) {
    if (on) this._visible.add(type); else this._visible.delete(type);
    this._renderAll();
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
  }

  async _annotateNow() {
    const gen = this._gen;
    const text = this._text;
    this._busy = (this._busy || 0) + 1;
    this.setAttribute('aria-busy', 'true');
    try {
      const doc = await annotateText(text, DATE_RE.test(this.date) ? this.date : '');
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

  _markOf(id) {
    return id ? this.textEl.querySelector(`mark[data-id="${CSS.escape(id)}"]`) : null;
  }

  /**
   * Renders the text in blocks, one a line (each block's text ends with its line break), so that
   * an edit re-renders and re-lays out a few lines, and the browser can skip laying out lines
   * that are off screen (content-visibility). Renders the lines that [from, to) touches, or all.
   */
  _renderText(from, to) {
    const text = this._text;
    if (!this._lines || this._linesOf !== text) {
      // Line starts: 0 and after every \n.
      const starts = [0];
      for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this._lines = starts;
      this._linesOf = text;
      this._lineEls = [];
      from = 0;
      to = text.length;
    }
    const starts = this._lines;
    const lineAt = (o) => { // index of the line holding offset o
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= o) lo = mid; else hi = mid - 1; }
      return lo;
    };
    const full = from <= 0 && to >= text.length;
    const first = full ? 0 : lineAt(Math.max(0, from));
    const last = full ? starts.length - 1 : lineAt(Math.max(0, Math.min(text.length - 1, to - 1)));
    const A = starts[first];
    const B = last + 1 < starts.length ? starts[last + 1] : text.length;

    const items = [];
    let order = 0;
    const add = (kind, s, r) => { if (r.end > A && r.start < B) items.push({ kind, s, start: r.start, end: r.end, o: order++ }); };
    for (const s of this._spans) {
      if (!this._visible.has(s.type)) continue;
      add('mark', s, s);
      if (s.type === 'QUOTE') {
        if (s.speaker) add('speaker', s, s.speaker);
        if (s.cue) add('cue', s, s.cue);
      }
    }
    const rank = (it) => (it.kind === 'mark' ? (it.s.type === 'QUOTE' ? 0 : 2) : 1);
    const outer = (x, y) => x.start - y.start || y.end - x.end || rank(x) - rank(y) || x.o - y.o;
    items.sort(outer);
    const cuts = new Set();
    for (let l = first; l <= last + 1 && l < starts.length; l++) cuts.add(starts[l]);
    cuts.add(A); cuts.add(B);
    for (const it of items) {
      if (it.start > A && it.start < B) cuts.add(it.start);
      if (it.end > A && it.end < B) cuts.add(it.end);
    }
    const points = [...cuts].sort((x, y) => x - y);
    const nodeStart = this._nodeStart;
    const lines = [];
    let line = null;
    let lineIdx = first - 1;
    let active = [];
    let open = []; // [{it, node, from}]
    let next = 0;
    const close = (k, at) => {
      for (let j = open.length - 1; j >= k; j--) {
        const o = open[j];
        if (o.it.kind === 'mark') {
          if (o.from === o.it.start) o.node.dataset.first = '';
          if (at === o.it.end) o.node.dataset.last = '';
        }
      }
      open.length = k;
    };
    for (let p = 0; p < points.length - 1; p++) {
      const a = points[p];
      const b = points[p + 1];
      if (lineIdx + 1 <= last && a >= starts[lineIdx + 1]) {
        close(0, a);
        lineIdx++;
        line = document.createElement('div');
        line.className = 'ba-line';
        lines.push(line);
      }
      active = active.filter((it) => it.end > a);
      while (next < items.length && items[next].start <= a) {
        if (items[next].end > a) active.push(items[next]);
        next++;
      }
      active.sort(outer);
      let k = 0;
      while (k < open.length && k < active.length && open[k].it === active[k]) k++;
      close(k, a);
      for (let j = k; j < active.length; j++) {
        const node = this._makeNode(active[j]);
        (j === 0 ? line : open[j - 1].node).appendChild(node);
        open.push({ it: active[j], node, from: a });
      }
      const tn = document.createTextNode(text.slice(a, b));
      nodeStart.set(tn, a);
      (open.length ? open[open.length - 1].node : line).appendChild(tn);
    }
    close(0, B);
    if (full) {
      // Lines go in chunks of LINES_PER_CHUNK, so that laying out after an edit touches one
      // chunk and the list of chunks, not thousands of lines.
      const chunks = [];
      for (let i = 0; i < lines.length; i += LINES_PER_CHUNK) {
        const c = document.createElement('div');
        c.className = 'ba-chunk';
        c.append(...lines.slice(i, i + LINES_PER_CHUNK));
        chunks.push(c);
      }
      this.textEl.replaceChildren(...chunks);
      this._lineEls = lines;
    } else {
      for (let i = first; i <= last; i++) this._lineEls[i].replaceWith(lines[i - first]);
      this._lineEls.splice(first, last - first + 1, ...lines);
    }
    this.textEl.classList.toggle('ba-empty', !text);
  }

  _makeNode(it) {
    const s = it.s;
    if (it.kind !== 'mark') {
      const e = el('span', `ba-${it.kind}`);
      e.dataset.for = s.id;
      e.title = `${it.kind === 'speaker' ? 'Speaker' : 'Cue'} of the quote «${short(s.text)}»`;
      return e;
    }
    const m = el('mark');
    m.dataset.type = s.type;
    m.dataset.start = String(s.start);
    m.dataset.end = String(s.end);
    m.dataset.id = s.id;
    m.dataset.origin = s.origin;
    m.tabIndex = -1;
    let title = s.type;
    if (s.value !== undefined) title += ` = ${s.value}`;
    if (s.type === 'DATE' || s.type === 'TIME') m.dataset.value = s.value ?? '';
    if (s.type === 'QUOTE') {
      if (s.speaker) title += ` — speaker: ${s.speaker.text}`;
      if (s.cue) title += ` — cue: ${s.cue.text}`;
      if (!s.speaker) title += ' — no speaker';
    }
    title += ` (${s.origin === 'human' ? 'checked by a person' : s.source})`;
    m.title = title;
    // The type in words, not only in colour: the accessible name (a group, so that the name is
    // allowed and nested spans stay readable), and a visible label on hover/focus (style.css).
    m.setAttribute('role', 'group');
    m.setAttribute('aria-label', `${s.type}${s.value ? ` ${s.value}` : ''}, ${s.origin === 'human' ? 'accepted' : 'suggested'}: ${short(s.text, 80)}`);
    return m;
  }

  _renderLegend() {
    const counts = new Map();
    const suggested = new Map();
    for (const s of this._spans) {
      counts.set(s.type, (counts.get(s.type) || 0) + 1);
      if (s.origin !== 'human') suggested.set(s.type, (suggested.get(s.type) || 0) + 1);
    }
    const frag = document.createDocumentFragment();
    for (const type of TYPES) {
      const n = counts.get(type) || 0;
      if (!n && NUMERIC_TYPES.includes(type)) continue;
      if (!n && !HIGHLIGHTED.includes(type)) continue;
      const item = el('span', 'ba-legend-item');
      item.dataset.type = type;
      if (!n) item.classList.add('ba-zero');
      const label = el('label', 'ba-toggle');
      const cb = el('input');
      cb.type = 'checkbox';
      cb.dataset.key = `${type}:show`;
      const sug = suggested.get(type) || 0;
      cb.setAttribute('aria-label', `Show ${type} (${n}: ${n - sug} accepted, ${sug} suggested)`);
      cb.checked = this._visible.has(type);
      cb.addEventListener('change', () => this.toggleType(type, cb.checked));
      const sw = el('span', 'ba-swatch');
      sw.dataset.type = type;
      const count = el('span', 'ba-count', String(n));
      count.dataset.accepted = String(n - sug);
      count.dataset.suggested = String(sug);
      label.append(cb, sw, el('span', 'ba-type-name', type), count);
      if (sug) { const q = el('span', 'ba-suggested', `${sug}?`); q.title = `${sug} suggested, not reviewed yet`; label.append(q); }
      if (KEY_OF[type]) label.append(el('kbd', 'ba-key', KEY_OF[type]));
      label.title = `Show or hide ${type} (${n}: ${n - sug} accepted, ${sug} suggested)`;
      item.append(label);
      if (n) {
        const acc = el('button', 'ba-accept', '✓');
        acc.type = 'button';
        acc.title = `Accept all ${type} spans (Shift+A on a span)`;
        acc.setAttribute('aria-label', `Accept all ${type}`);
        acc.dataset.key = `${type}:accept`;
        acc.addEventListener('click', () => this.acceptType(type));
        const rej = el('button', 'ba-reject', '✗');
        rej.type = 'button';
        rej.title = `Reject (remove) all ${type} spans (Shift+R on a span)`;
        rej.setAttribute('aria-label', `Reject all ${type}`);
        rej.dataset.key = `${type}:reject`;
        rej.addEventListener('click', () => this.rejectType(type));
        item.append(acc, rej);
      }
      frag.append(item);
    }
    // One tab stop (arrow keys inside): the control last focused, else the first. A re-render
    // (counts change with every edit) keeps the focus where it was.
    const hadFocus = this.legendEl.contains(document.activeElement);
    this.legendEl.replaceChildren(frag);
    const items = [...this.legendEl.querySelectorAll('[data-key]')];
    for (const x of items) x.tabIndex = -1;
    const keep = items.find((x) => x.dataset.key === this._legendFocus)
      || items.find((x) => this._legendFocus && x.dataset.key.startsWith(this._legendFocus.split(':')[0])) || items[0];
    if (keep) { keep.tabIndex = 0; if (hadFocus) keep.focus({ preventScroll: true }); }
  }

  _renderPanel() {
    if (!this.panelEl) return;
    const p = this.panelEl;
    const s = this._focusId && this._find(this._focusId);
    const frag = document.createDocumentFragment();
    const range = !s && this.selectionRange();
    if (range) {
      const h = el('h3', 'ba-panel-title', 'Selection');
      frag.append(h, el('blockquote', 'ba-panel-text ba-selection-text', short(this._text.slice(range.start, range.end), 300)));
      frag.append(el('p', 'ba-hint', 'A type key makes it a span (p PERSON, o ORGANISATION, g GPE, d DATE, q QUOTE …); Shift+→ / Shift+← grow or shrink its end, Ctrl+Shift+← / → its start; Ctrl+→ / Ctrl+← the next / previous word.'));
    }
    if (!s) {
      if (!range) frag.append(el('p', 'ba-hint', 'Select words and press a type key (p PERSON, o ORGANISATION, g GPE, d DATE, q QUOTE …), or Tab to a span.'));
      if (this._activeQuote && this._find(this._activeQuote)) frag.append(el('p', 'ba-hint', `Active quote: «${short(this._find(this._activeQuote).text)}» — select its speaker and press Shift+S, its cue and press Shift+C.`));
      p.replaceChildren(frag);
      return;
    }
    const h = el('h3', 'ba-panel-title');
    const sw = el('span', 'ba-swatch');
    sw.dataset.type = s.type;
    h.append(sw, document.createTextNode(` ${s.type}`));
    frag.append(h);
    frag.append(el('blockquote', 'ba-panel-text', short(s.text, 300)));
    const row = (label, control) => { const r = el('label', 'ba-row'); r.append(el('span', 'ba-row-label', label), control); frag.append(r); return r; };
    const sel = el('select', 'ba-type-select');
    for (const t of TYPES) { const o = el('option', '', t); o.value = t; if (t === s.type) o.selected = true; sel.append(o); }
    sel.addEventListener('change', () => { const id = s.id; this.retype(id, sel.value); this._focusAfter(id); });
    sel.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.preventDefault(); this.focusSpan(s.id); } });
    row('Type (Enter)', sel);
    if (s.type === 'DATE' || s.type === 'TIME') {
      const inp = el('input', 'ba-value');
      inp.value = s.value ?? '';
      inp.placeholder = '2023-12-05, P3Y, TNI …';
      inp.spellcheck = false;
      const commit = () => { if (inp.value.trim() !== (s.value ?? '')) { const id = s.id; this.setValue(id, inp.value); this._focusAfter(id); } };
      inp.addEventListener('keydown', (e) => {
        e.stopPropagation();
        if (e.key === 'Enter') { e.preventDefault(); commit(); } else if (e.key === 'Escape') { e.preventDefault(); this.focusSpan(s.id); }
      });
      inp.addEventListener('change', commit);
      row('Value (v)', inp);
    }
    if (s.type === 'QUOTE') {
      for (const part of ['speaker', 'cue']) {
        const box = el('span', 'ba-part');
        box.append(el('span', `ba-part-text ba-${part}-text`, s[part] ? s[part].text : '—'));
        const set = el('button', '', 'From selection');
        set.type = 'button';
        set.title = `Set the ${part} to the selected words (Shift+${part === 'speaker' ? 'S' : 'C'})`;
        set.addEventListener('mousedown', (e) => e.preventDefault());
        set.addEventListener('click', () => this._setPartFromSelection(s.id, part, false));
        const clr = el('button', '', 'Clear');
        clr.type = 'button';
        clr.disabled = !s[part];
        clr.addEventListener('click', () => { this.setQuotePart(s.id, part, null); this._focusAfter(s.id); });
        box.append(set, clr);
        row(part === 'speaker' ? 'Speaker (Shift+S)' : 'Cue (Shift+C)', box);
      }
      if (s.kind) frag.append(el('p', 'ba-meta', `kind: ${s.kind}`));
    }
    frag.append(el('p', 'ba-meta', `${s.origin === 'human' ? 'accepted (made or checked by a person)' : `suggested by the ${s.origin}: Space or ${KEY_OF[s.type] ? `its key ${KEY_OF[s.type]}` : 'Enter'} accepts it`} · source ${s.source} · score ${s.score}`));
    const del = el('button', 'ba-delete', 'Delete (Del)');
    del.type = 'button';
    del.addEventListener('click', () => this.remove(s.id));
    frag.append(del);
    p.replaceChildren(frag);
  }

  // -------------------------------------------------------------------------------------------
  // DOM offsets and selection

  _offsetOf(node, off) {
    if (node.nodeType === Node.TEXT_NODE) {
      const s = this._nodeStart.get(node);
      return s === undefined ? null : s + off;
    }
    if (!this.textEl.contains(node)) return null;
    // An element boundary: the start of the next text node, or the end of the last before it.
    const walker = document.createTreeWalker(this.textEl, NodeFilter.SHOW_TEXT);
    const child = node.childNodes[off];
    if (child) {
      walker.currentNode = child;
      const t = child.nodeType === Node.TEXT_NODE ? child : walker.nextNode();
      if (t && this._nodeStart.has(t)) return this._nodeStart.get(t);
    }
    // After everything inside `node`: end of its last text node.
    let last = null;
    const w2 = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    while (w2.nextNode()) last = w2.currentNode;
    if (last && this._nodeStart.has(last)) return this._nodeStart.get(last) + last.data.length;
    return node === this.textEl ? this._text.length : null;
  }

  /** The non-empty DOM selection inside the text as {start, end}, or null. */
  selectionRange() {
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const r = sel.getRangeAt(0);
    if (!this.textEl.contains(r.startContainer) || !this.textEl.contains(r.endContainer)) return null;
    const a = this._offsetOf(r.startContainer, r.startOffset);
    const b = this._offsetOf(r.endContainer, r.endOffset);
    if (a === null || b === null || a === b) return null;
    return { start: Math.min(a, b), end: Math.max(a, b) };
  }

  /** The DOM position (text node, offset) of a text offset. */
  _point(offset) {
    const starts = this._lines || [0];
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= offset) lo = mid; else hi = mid - 1; }
    // Step back over empty lines at the very end; then walk the line's text nodes.
    for (let l = lo; l >= 0; l--) {
      const line = this._lineEls && this._lineEls[l];
      if (!line) continue;
      const w = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let lastNode = null;
      while (w.nextNode()) {
        const n = w.currentNode;
        const s = this._nodeStart.get(n);
        if (s === undefined) continue;
        if (offset < s + n.data.length) return [n, Math.max(0, offset - s)];
        lastNode = n;
      }
      if (lastNode) return [lastNode, lastNode.data.length];
    }
    return [this.textEl, 0];
  }

  /** Selects [start, end) of the text in the page (keyboard range selection). */
  selectRange(start, end, { scroll = true } = {}) {
    const [n1, o1] = this._point(start);
    const [n2, o2] = this._point(end);
    if (document.activeElement !== this.textEl) this.textEl.focus({ preventScroll: true });
    const sel = document.getSelection();
    sel.setBaseAndExtent(n1, o1, n2, o2);
    this._focusId = null; // the panel follows the selection, not the span focused before
    if (scroll && sel.rangeCount) {
      // Scroll the text (only) so that the selection's end is in view.
      const r = sel.getRangeAt(0).getBoundingClientRect();
      const box = this.textEl.getBoundingClientRect();
      if (r.bottom > box.bottom) this.textEl.scrollTop += r.bottom - box.bottom + 40;
      else if (r.top < box.top) this.textEl.scrollTop -= box.top - r.top + 40;
    }
    this._emitSelect({ start, end, text: this._text.slice(start, end) });
    this._renderPanel();
  }

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
      if (at !== null) r = e.detail === 2 ? phraseAt(this._text, r ? r.start : at) : wordAt(this._text, at);
      if (r) { this._focusId = null; this.selectRange(r.start, r.end, { scroll: false }); return; }
    }
    if (!r) return;
    this._altSelect = e.altKey;
    const snapped = e.altKey ? r : snapToTokens(this._text, r.start, r.end);
    if (!snapped) return;
    this._focusId = null;
    if (snapped.start !== r.start || snapped.end !== r.end) this.selectRange(snapped.start, snapped.end, { scroll: false });
    else this._emitSelect({ ...snapped, text: this._text.slice(snapped.start, snapped.end) });
    this._renderPanel();
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

  _setPartFromSelection(quoteId, part, alt) {
    const r = this.selectionRange();
    let range = r && (alt || this._altSelect ? r : snapToTokens(this._text, r.start, r.end));
    let entity;
    if (!range) {
      const f = this._focusId && this._find(this._focusId);
      if (f && f.id !== quoteId && f.type !== 'QUOTE') { range = { start: f.start, end: f.end }; } else { return false; }
    }
    const old = this._find(quoteId)?.[part];
    if (old && old.entity && old.start === range.start && old.end === range.end) entity = old.entity;
    document.getSelection().removeAllRanges();
    this.setQuotePart(quoteId, part, range, entity);
    this._focusAfter(quoteId);
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // Keyboard

  _onKeyDown(e) {
    if (e.defaultPrevented) return;
    if (this.textEl.contains(e.target)) this._onTextKey(e, e.target);
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
    this._onTextKey(e, target);
    return true;
  }

  _onLegendKey(e) {
    const keys = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -Infinity, End: Infinity };
    if (!(e.key in keys) || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
    const items = [...this.legendEl.querySelectorAll('[data-key]')];
    const i = items.indexOf(e.target);
    if (i < 0 || !items.length) return;
    e.preventDefault();
    const d = keys[e.key];
    const j = d === -Infinity ? 0 : d === Infinity ? items.length - 1 : (i + d + items.length) % items.length;
    items[i].tabIndex = -1;
    items[j].tabIndex = 0;
    items[j].focus();
  }

  _onTextKey(e, tgt) {
    const key = e.key;
    const ctrl = e.ctrlKey || e.metaKey;
    if (ctrl && !e.altKey && (key === 'z' || key === 'Z')) { e.preventDefault(); if (e.shiftKey) this.redo(); else this.undo(); return; }
    if (ctrl && !e.altKey && (key === 'y' || key === 'Y')) { e.preventDefault(); this.redo(); return; }
    const sel = this.selectionRange();
    const focused = this._focusId && tgt.closest('mark') ? this._find(this._focusId) : null;
    const vis = this._orderedVisible();

    // Navigation between spans.
    const move = (delta) => {
      if (!vis.length) return;
      let i = focused ? vis.findIndex((s) => s.id === focused.id) : -1;
      if (i < 0 && sel) i = delta > 0 ? vis.findIndex((s) => s.start >= sel.start) - 1 : vis.findIndex((s) => s.start >= sel.start);
      if (i < -1) i = delta > 0 ? vis.length - 1 : 0;
      const j = i < 0 ? (delta > 0 ? 0 : vis.length - 1) : i + delta;
      if (j < 0 || j >= vis.length) return false;
      document.getSelection().removeAllRanges();
      this.focusSpan(vis[j].id);
      return true;
    };
    if (!ctrl && !e.altKey && !e.shiftKey && (key === 'ArrowRight' || key === 'ArrowDown' || key === 'ArrowLeft' || key === 'ArrowUp')) {
      e.preventDefault(); move(key === 'ArrowRight' || key === 'ArrowDown' ? 1 : -1); return;
    }
    if (key === 'Tab' && !ctrl && !e.altKey) {
      // From the text itself, Shift+Tab leaves it backwards; otherwise Tab walks the spans and
      // leaves after the last (or before the first).
      if (e.shiftKey && !focused && !sel) return;
      if (move(e.shiftKey ? -1 : 1)) e.preventDefault();
      return;
    }
    if (key === 'Home' && !ctrl) { e.preventDefault(); if (vis.length) this.focusSpan(vis[0].id); return; }
    if (key === 'End' && !ctrl) { e.preventDefault(); if (vis.length) this.focusSpan(vis[vis.length - 1].id); return; }
    if (key === 'Escape') { e.preventDefault(); document.getSelection().removeAllRanges(); this._focusId = null; this.textEl.focus(); this._renderPanel(); return; }

    // Keyboard range selection: s selects the next token; Shift+arrows grow or shrink by a token.
    const toks = () => this._tokens || (this._tokens = { text: this._text, list: tokenize(this._text) });
    const tokenList = () => { const t = toks(); if (t.text !== this._text) this._tokens = null; return toks().list; };
    if (key === 's' && !ctrl && !e.altKey) {
      e.preventDefault();
      const list = tokenList();
      const from = sel ? sel.end : focused ? focused.end : 0;
      const t = list.find((x) => x.start >= from) || list[0];
      if (t) { this._altSelect = false; this.selectRange(t.start, t.end); this._renderPanel(); }
      return;
    }
    // Ctrl+→ / Ctrl+←: select the next / previous word (punctuation skipped), both ways.
    if (ctrl && !e.shiftKey && !e.altKey && (key === 'ArrowRight' || key === 'ArrowLeft')) {
      e.preventDefault();
      const words = tokenList().filter((x) => /[\p{L}\p{N}]/u.test(this._text.slice(x.start, x.end)));
      const cur = sel || (focused ? { start: focused.start, end: focused.end } : null);
      const t = key === 'ArrowRight' ? words.find((x) => x.start >= (cur ? cur.end : 0))
        : [...words].reverse().find((x) => x.end <= (cur ? cur.start : this._text.length));
      if (t) { this._altSelect = false; this.selectRange(t.start, t.end); this._renderPanel(); }
      return;
    }
    if (e.shiftKey && (key === 'ArrowRight' || key === 'ArrowLeft')) {
      e.preventDefault();
      const base = sel || (focused ? { start: focused.start, end: focused.end } : null);
      if (!base) return;
      const list = tokenList();
      let { start, end } = base;
      const grow = key === 'ArrowRight';
      if (ctrl) { // the start
        if (grow) { const t = list.find((x) => x.start >= start && x.end < end); if (t) { const n = list.find((x) => x.start >= t.end); if (n && n.start < end) start = n.start; } }
        else { const t = [...list].reverse().find((x) => x.end <= start); if (t) start = t.start; }
      } else if (grow) { const t = list.find((x) => x.start >= end); if (t) end = t.end; }
      else { const t = [...list].reverse().find((x) => x.end < end && x.end > start); if (t) end = t.end; }
      if (sel) this.selectRange(start, end);
      else if (focused) this.resize(focused.id, start, end);
      return;
    }

    if (ctrl) return;
    if ((key === 'Delete' || key === 'Backspace') && focused && !sel) { e.preventDefault(); this.remove(focused.id); return; }
    if (key === 'Enter' && focused && !sel) { e.preventDefault(); const s = this.panelEl.querySelector('.ba-type-select'); if (s) s.focus(); return; }
    if (key === ' ' && focused && !sel) { e.preventDefault(); const id = focused.id; this.accept(id); this._focusAfter(id); return; }
    if (key === 'v' && focused && !sel) { e.preventDefault(); const v = this.panelEl.querySelector('.ba-value'); if (v) { v.focus(); v.select(); } return; }
    if (key === 'A' && focused) { e.preventDefault(); const id = focused.id; this.acceptType(focused.type); this._focusAfter(id); return; }
    if (key === 'R' && focused) { e.preventDefault(); this.rejectType(focused.type); this._focusAfter(null); return; }
    if (key === 'S' || key === 'C') {
      e.preventDefault();
      const part = key === 'S' ? 'speaker' : 'cue';
      if (focused && focused.type === 'QUOTE' && !sel) { this.setQuotePart(focused.id, part, null); this._focusAfter(focused.id); return; }
      if (this._activeQuote && this._find(this._activeQuote)) this._setPartFromSelection(this._activeQuote, part, e.altKey);
      return;
    }
    // With Alt held (no snapping), some layouts change e.key: fall back to the physical key.
    const type = KEYMAP[key] || (e.altKey && /^Key[A-Z]$/.test(e.code) ? KEYMAP[e.code.slice(3).toLowerCase()] : undefined);
    if (type) {
      e.preventDefault();
      if (sel) {
        const r = e.altKey || this._altSelect ? sel : snapToTokens(this._text, sel.start, sel.end);
        if (!r) return;
        document.getSelection().removeAllRanges();
        this._altSelect = false;
        this.label(r.start, r.end, type);
      } else if (focused) {
        const id = focused.id;
        this.retype(id, type);
        this._focusAfter(id);
      }
    }
  }
}

const WORD = /[\p{L}\p{M}\p{N}-]/u;

/** The word [start, end) at or just before offset `at`, or null. */
function wordAt(text, at) {
  let a = at;
  let b = at;
  if (!WORD.test(text[a] || '') && WORD.test(text[a - 1] || '')) { a--; b--; }
  if (!WORD.test(text[a] || '')) return null;
  while (a > 0 && WORD.test(text[a - 1])) a--;
  while (b < text.length && WORD.test(text[b])) b++;
  return { start: a, end: b };
}

/** The words around offset `at` joined by spaces only (no punctuation, no line break). */
function phraseAt(text, at) {
  const w = wordAt(text, at);
  if (!w) return null;
  let { start, end } = w;
  for (;;) {
    const m = /^[ \t]+$/.test(text.slice(start - 1, start)) && wordAt(text, start - 2);
    if (!m || !/^[ \t]+$/.test(text.slice(m.end, start))) break;
    start = m.start;
  }
  for (;;) {
    const m = /^[ \t]$/.test(text[end] || '') && wordAt(text, end + 1);
    if (!m || m.start !== end + 1) break;
    end = m.end;
  }
  return { start, end };
}

function short(t, n = 60) { t = String(t).replace(/\s+/g, ' '); return t.length > n ? `${t.slice(0, n - 1)}…` : t; }

if (!customElements.get('belgi-annotator')) customElements.define('belgi-annotator', BelgiAnnotator);
