// Editing the spans: each operation is one undoable step and emits `change`. Methods of
// <belgi-annotator> (annotator.js mixes them in); `this` is the element.
import { TYPES } from './formats.js';
import { annotateText } from './core.js';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
let uid = 0;
/** A new span id, unique on the page (stable across edits, unlike the T-numbers of exports). */
export const newId = () => `h${Date.now().toString(36)}${(uid++).toString(36)}`;

/** The element's date if it is one the core takes, else '' (the dateline decides). */
export function coreDate(host) { return DATE_RE.test(host.date) ? host.date : ''; }

export const editing = {
  /** Runs the package again for the current date and refreshes DATE/TIME values nobody edited. */
  async reannotateDates() {
    const gen = this._gen;
    const text = this._text;
    let fresh;
    try { fresh = await annotateText(text, coreDate(this)); } catch (err) { if (gen === this._gen) this._error(err); return false; }
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
  },

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
  },

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
  },

  /** A person accepts a suggested span as it is (origin becomes 'human'; an undoable edit). */
  accept(id) {
    return this._edit(() => {
      const s = this._find(id);
      if (!s || s.origin === 'human') return false;
      this._mut(id).origin = 'human';
      return true;
    });
  },

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
  },

  resize(id, start, end) {
    const s = this._find(id);
    if (!s || !(start < end) || start < 0 || end > this._text.length) return;
    this._edit(() => {
      const c = this._mut(id);
      c.start = start; c.end = end; c.text = this._text.slice(start, end); c.origin = 'human';
    });
    this._focusAfter(id);
    if (s.type === 'DATE' || s.type === 'TIME') this.valueReady = this._revalue(id);
  },

  /**
   * After a DATE/TIME span is resized: its value is what the core reads from its new words (with
   * the document date), folded into the resize's undo step. Resolves true if the value changed.
   */
  async _revalue(id) {
    const gen = this._gen;
    const s = this._find(id);
    let fresh;
    try { fresh = await annotateText(s.text, coreDate(this)); } catch { return false; }
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
  },

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
  },

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
  },

  /** A person confirms every span of the type: they become origin 'human' (source is kept). */
  acceptType(type) {
    this._edit(() => {
      let n = 0;
      this._spans = this._spans.map((s) => (s.type === type && s.origin !== 'human' ? (n++, { ...s, origin: 'human' }) : s));
      return n > 0;
    });
  },

  rejectType(type) {
    this._edit(() => {
      const before = this._spans.length;
      const gone = new Set(this._spans.filter((s) => s.type === type).map((s) => s.id));
      this._spans = this._spans.filter((s) => s.type !== type);
      for (const s of this._spans.slice()) if (s.speaker && gone.has(s.speaker.entity)) delete this._mut(s.id).speaker.entity;
      return this._spans.length !== before;
    });
  },

  toggleType(type, on = !this._visible.has(type)) {
    if (on) this._visible.add(type); else this._visible.delete(type);
    this._renderAll();
  },

  _setPartFromSelection(quoteId, part, alt) {
    const r = this.selectionRange();
    let range = r && (alt || this._altSelect ? r : this._snap(r));
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
  },
};
