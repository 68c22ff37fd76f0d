// What <belgi-annotator> shows, as data: the text cut at every span boundary into lines of runs,
// nested marks for the spans (an entity inside a quote comes out inside the quote's mark; a span
// cut in pieces gives several marks of the same span). Pure, no DOM: tests/web/render.test.mjs
// runs it in Node; annotator.js turns the description into elements.
//
// A line is {children}; a child is {kind: 'text', start, end} or {kind: 'mark' | 'speaker' |
// 'cue', span, children, first, last}: a mark's `first` / `last` say that the piece holds the
// span's start / end (where the drawing rounds its corners). Offsets are UTF-16.

/** Offsets where lines start: 0 and after every \n that is not the text's last character. */
export function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Index of the line holding offset o. */
export function lineAt(starts, o) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= o) lo = mid; else hi = mid - 1; }
  return lo;
}

// Outer before inner: earlier start, then longer, then a quote around an entity, its speaker and
// cue between them.
const rank = (it) => (it.kind === 'mark' ? (it.span.type === 'QUOTE' ? 0 : 2) : 1);
const outer = (x, y) => x.start - y.start || y.end - x.end || rank(x) - rank(y) || x.o - y.o;

/** The shown spans (and quotes' speakers and cues) that touch [A, B), outer first. */
function itemsIn(spans, visible, A, B) {
  const items = [];
  const add = (kind, span, r) => { if (r.end > A && r.start < B) items.push({ kind, span, start: r.start, end: r.end, o: items.length }); };
  for (const s of spans) {
    if (!visible.has(s.type)) continue;
    add('mark', s, s);
    if (s.type === 'QUOTE') {
      if (s.speaker) add('speaker', s, s.speaker);
      if (s.cue) add('cue', s, s.cue);
    }
  }
  return items.sort(outer);
}

/** Where the text of lines first..last is cut: line starts and item boundaries, in order. */
function cutPoints(starts, first, last, A, B, items) {
  const cuts = new Set([A, B]);
  for (let l = first; l <= last + 1 && l < starts.length; l++) cuts.add(starts[l]);
  for (const it of items) {
    if (it.start > A && it.start < B) cuts.add(it.start);
    if (it.end > A && it.end < B) cuts.add(it.end);
  }
  return [...cuts].sort((x, y) => x - y);
}

/**
 * The lines that [from, to) touches (all of them if it covers the text), described as above.
 * Returns {first, last, lines}: lines[i] is line first + i.
 */
export function describeLines(text, spans, visible, starts, from, to) {
  const full = from <= 0 && to >= text.length;
  const first = full ? 0 : lineAt(starts, Math.max(0, from));
  const last = full ? starts.length - 1 : lineAt(starts, Math.max(0, Math.min(text.length - 1, to - 1)));
  const A = starts[first];
  const B = last + 1 < starts.length ? starts[last + 1] : text.length;
  const items = itemsIn(spans, visible, A, B);
  const points = cutPoints(starts, first, last, A, B, items);
  const w = { lines: [], line: null, lineIdx: first - 1, active: [], open: [], next: 0 };
  for (let p = 0; p < points.length - 1; p++) {
    const a = points[p];
    if (w.lineIdx + 1 <= last && a >= starts[w.lineIdx + 1]) {
      close(w.open, 0, a);
      w.lineIdx++;
      w.line = { children: [] };
      w.lines.push(w.line);
    }
    openAt(w, items, a);
    const top = w.open.length ? w.open[w.open.length - 1].node : w.line;
    top.children.push({ kind: 'text', start: a, end: points[p + 1] });
  }
  close(w.open, 0, B);
  return { first, last, lines: w.lines };
}

/** At offset a: closes the marks that ended or no longer nest, opens the ones that start. */
function openAt(w, items, a) {
  w.active = w.active.filter((it) => it.end > a);
  while (w.next < items.length && items[w.next].start <= a) {
    if (items[w.next].end > a) w.active.push(items[w.next]);
    w.next++;
  }
  w.active.sort(outer);
  let k = 0;
  while (k < w.open.length && k < w.active.length && w.open[k].it === w.active[k]) k++;
  close(w.open, k, a);
  for (let j = k; j < w.active.length; j++) {
    const it = w.active[j];
    const node = { kind: it.kind, span: it.span, children: [], first: false, last: false };
    (j === 0 ? w.line : w.open[j - 1].node).children.push(node);
    w.open.push({ it, node, from: a });
  }
}

/** Closes the open marks from depth k at offset `at`, noting whether each holds its span's ends. */
function close(open, k, at) {
  for (let j = open.length - 1; j >= k; j--) {
    const o = open[j];
    if (o.it.kind === 'mark') {
      if (o.from === o.it.start) o.node.first = true;
      if (at === o.it.end) o.node.last = true;
    }
  }
  open.length = k;
}
