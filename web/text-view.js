// The annotator's text in the page: render.js's description turned into elements, and the way
// back from DOM positions to text offsets (selections) and from offsets to DOM positions.
// Methods of <belgi-annotator> (annotator.js mixes them in); `this` is the element.
import { describeLines, lineAt, lineStarts } from './render.js';
import { el, short } from './dom.js';

const LINES_PER_CHUNK = 40;

export const textView = {
  /**
   * Renders the text in blocks, one a line (each block's text ends with its line break), so that
   * an edit re-renders and re-lays out a few lines, and the browser can skip laying out lines
   * that are off screen (content-visibility). Renders the lines that [from, to) touches, or all.
   */
  _renderText(from, to) {
    const text = this._text;
    if (!this._lines || this._linesOf !== text) {
      this._lines = lineStarts(text);
      this._linesOf = text;
      this._lineEls = [];
      from = 0;
      to = text.length;
    }
    const { first, last, lines } = describeLines(text, this._spans, this._visible, this._lines, from, to);
    const els = lines.map((line) => this._appendRuns(el('div', 'ba-line'), line.children));
    if (from <= 0 && to >= text.length) {
      // Lines go in chunks of LINES_PER_CHUNK, so that laying out after an edit touches one
      // chunk and the list of chunks, not thousands of lines.
      const chunks = [];
      for (let i = 0; i < els.length; i += LINES_PER_CHUNK) {
        const c = el('div', 'ba-chunk');
        c.append(...els.slice(i, i + LINES_PER_CHUNK));
        chunks.push(c);
      }
      this.textEl.replaceChildren(...chunks);
      this._lineEls = els;
    } else {
      for (let i = first; i <= last; i++) this._lineEls[i].replaceWith(els[i - first]);
      this._lineEls.splice(first, last - first + 1, ...els);
    }
    this.textEl.classList.toggle('ba-empty', !text);
  },

  /** Appends the described runs to `parent`; each text node's offset is kept for selections. */
  _appendRuns(parent, children) {
    for (const c of children) {
      if (c.kind === 'text') {
        const tn = document.createTextNode(this._text.slice(c.start, c.end));
        this._nodeStart.set(tn, c.start);
        parent.appendChild(tn);
        continue;
      }
      const node = this._makeNode(c);
      parent.appendChild(node);
      this._appendRuns(node, c.children);
      if (c.first) node.dataset.first = '';
      if (c.last) node.dataset.last = '';
    }
    return parent;
  },

  _makeNode(it) {
    const s = it.span;
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
    if (s.type === 'DATE' || s.type === 'TIME') m.dataset.value = s.value ?? '';
    m.title = markTitle(s);
    // The type in words, not only in colour: the accessible name (a group, so that the name is
    // allowed and nested spans stay readable), and a visible label on hover/focus (style.css).
    m.setAttribute('role', 'group');
    m.setAttribute('aria-label', `${s.type}${s.value ? ` ${s.value}` : ''}, ${s.origin === 'human' ? 'accepted' : 'suggested'}: ${short(s.text, 80)}`);
    return m;
  },

  _markOf(id) {
    return id ? this.textEl.querySelector(`mark[data-id="${CSS.escape(id)}"]`) : null;
  },

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
  },

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
  },

  /** The DOM position (text node, offset) of a text offset. */
  _point(offset) {
    // Step back over empty lines at the very end; then walk the line's text nodes.
    for (let l = lineAt(this._lines || [0], offset); l >= 0; l--) {
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
  },

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
  },
};

/** A mark's tooltip: type, value, a quote's speaker and cue, who made it. */
function markTitle(s) {
  let title = s.type;
  if (s.value !== undefined) title += ` = ${s.value}`;
  if (s.type === 'QUOTE') {
    if (s.speaker) title += ` — speaker: ${s.speaker.text}`;
    if (s.cue) title += ` — cue: ${s.cue.text}`;
    if (!s.speaker) title += ' — no speaker';
  }
  return `${title} (${s.origin === 'human' ? 'checked by a person' : s.source})`;
}
