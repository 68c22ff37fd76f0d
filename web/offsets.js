// The page's one converter between offset units. The core returns UTF-16 offsets to the page
// (the package's annotate() and tokenize()); the page keeps them, and only exports and imports in
// another unit (brat and Web Annotation count code points, `belgi annotate` JSON code points or
// bytes) convert, all through this function. Pure: Node tests import it too.

/** An offset converter for one text: UTF-16 code units <-> code points <-> UTF-8 bytes. */
export function offsetMap(text) {
  let astral = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) { astral = true; break; }
  }
  let cpOf = null; // UTF-16 index -> code point index (length text.length + 1)
  let u16Of = null; // code point index -> UTF-16 index
  const build = () => {
    if (cpOf) return;
    cpOf = new Uint32Array(text.length + 1);
    const u = [];
    let cp = 0;
    for (let i = 0; i < text.length; i++) {
      cpOf[i] = cp;
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { u.push(i); cpOf[i + 1] = cp + 1; cp++; i++; continue; }
      }
      u.push(i);
      cp++;
    }
    cpOf[text.length] = cp;
    u.push(text.length);
    u16Of = Uint32Array.from(u);
  };
  return {
    toCodePoint(i) { if (!astral) return i; build(); return cpOf[clamp(i, 0, text.length)]; },
    fromCodePoint(c) { if (!astral) return c; build(); return u16Of[clamp(c, 0, u16Of.length - 1)]; },
    /** UTF-8 byte offset -> UTF-16 offset. */
    fromByte(b) {
      let bytes = 0;
      for (let i = 0; i < text.length; i++) {
        if (bytes >= b) return i;
        const c = text.codePointAt(i);
        bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (c >= 0x10000) i++;
      }
      return text.length;
    },
  };
}

/** Length of `text` in an offset unit ('utf16', 'codepoint' or 'byte'). */
export function unitLength(text, unit) {
  if (unit === 'utf16') return text.length;
  if (unit === 'byte') return new TextEncoder().encode(text).length;
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function clamp(x, lo, hi) { return Math.min(hi, Math.max(lo, x)); }
