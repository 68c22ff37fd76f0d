// Small DOM helpers of the annotator's modules. Text goes in as textContent, never as HTML.

/** A new element with a class and, if given, its text. */
export function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A text for a title or a label: white space runs as one space, cut to n characters. */
export function short(t, n = 60) { t = String(t).replace(/\s+/g, ' '); return t.length > n ? `${t.slice(0, n - 1)}…` : t; }
