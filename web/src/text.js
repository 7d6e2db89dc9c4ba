// Offsets and highlighting. The API gives UTF-8 byte offsets into a report's
// clean text; JavaScript strings are indexed in UTF-16 code units. Highlights
// are built as DOM nodes (text nodes and <mark> elements), never as HTML
// strings, so a report's text is always shown as text.

const encoder = new TextEncoder();

// utf8Index maps UTF-8 byte offsets of s to UTF-16 indices of s. The byte
// length of each code point follows the WHATWG encoder that TextEncoder
// implements (a lone surrogate is encoded as U+FFFD, three bytes), and the
// total is checked against TextEncoder's own output.
export class Utf8Index {
  constructor(s) {
    this.text = s;
    const total = encoder.encode(s).length;
    // starts[b] = UTF-16 index of the code point that contains byte b.
    const starts = new Uint32Array(total + 1);
    // boundary[b] = 1 when byte b starts a code point (or is the end).
    const boundary = new Uint8Array(total + 1);
    let b = 0;
    for (let i = 0; i < s.length; ) {
      const c = s.charCodeAt(i);
      let units = 1;
      let bytes = 3;
      if (c < 0x80) bytes = 1;
      else if (c < 0x800) bytes = 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          bytes = 4;
          units = 2;
        }
      }
      boundary[b] = 1;
      for (let k = 0; k < bytes && b + k <= total; k++) starts[b + k] = i;
      b += bytes;
      i += units;
    }
    if (b !== total) throw new Error(`UTF-8 length mismatch: counted ${b} bytes, TextEncoder gives ${total}`);
    starts[total] = s.length;
    boundary[total] = 1;
    this.starts = starts;
    this.boundary = boundary;
    this.byteLength = total;
  }

  // index converts a byte offset to a UTF-16 index. An offset inside a code
  // point moves to that code point's start, or to its end when roundUp is set.
  // Offsets outside [0, byteLength] are clamped; a non-number gives NaN.
  index(byteOffset, roundUp = false) {
    if (typeof byteOffset !== 'number' || !Number.isFinite(byteOffset)) return NaN;
    let b = Math.trunc(byteOffset);
    if (b <= 0) return 0;
    if (b >= this.byteLength) return this.text.length;
    if (roundUp) {
      while (!this.boundary[b]) b++;
    }
    return this.starts[b];
  }

  // span converts a byte span {start, end} to a UTF-16 span, or null when the
  // span is malformed or empty.
  span(start, end) {
    const s = this.index(start, false);
    const e = this.index(end, true);
    if (Number.isNaN(s) || Number.isNaN(e) || e <= s) return null;
    return { start: s, end: e };
  }
}

// byteSpanToIndices is the one-shot form of Utf8Index.span.
export function byteSpanToIndices(text, start, end) {
  return new Utf8Index(text).span(start, end);
}

// highlight fills container with text, wrapping the given UTF-16 spans in
// <mark> elements. Spans may overlap: the text is cut at every span edge and
// each piece carries the classes of all spans covering it. A span is
// {start, end, classes: [...], title?, data?: {key: value}}; title and data of
// the shortest covering span win. Returns the created marks in text order.
export function highlight(container, text, spans) {
  container.replaceChildren();
  const valid = [];
  for (const sp of spans || []) {
    if (!sp) continue;
    const s = Math.max(0, Math.min(text.length, sp.start | 0));
    const e = Math.max(0, Math.min(text.length, sp.end | 0));
    if (e > s) valid.push({ ...sp, start: s, end: e });
  }
  const cuts = new Set([0, text.length]);
  for (const sp of valid) {
    cuts.add(sp.start);
    cuts.add(sp.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  valid.sort((a, b) => a.start - b.start);
  const marks = [];
  const frag = document.createDocumentFragment();
  let next = 0;
  let active = [];
  for (let p = 0; p + 1 < points.length; p++) {
    const a = points[p];
    const z = points[p + 1];
    active = active.filter((sp) => sp.end > a);
    while (next < valid.length && valid[next].start <= a) {
      if (valid[next].end > a) active.push(valid[next]);
      next++;
    }
    const piece = text.slice(a, z);
    if (active.length === 0) {
      frag.appendChild(document.createTextNode(piece));
      continue;
    }
    const mark = document.createElement('mark');
    const classes = new Set();
    let inner = active[0];
    for (const sp of active) {
      for (const c of sp.classes || []) classes.add(c);
      if (sp.end - sp.start < inner.end - inner.start) inner = sp;
    }
    mark.className = [...classes].join(' ');
    const titles = active.map((sp) => sp.title).filter(Boolean);
    if (titles.length) mark.title = [...new Set(titles)].join(' · ');
    for (const sp of active) {
      for (const [k, v] of Object.entries(sp.data || {})) {
        if (!(k in mark.dataset)) mark.dataset[k] = String(v);
      }
    }
    for (const [k, v] of Object.entries(inner.data || {})) mark.dataset[k] = String(v);
    mark.textContent = piece;
    frag.appendChild(mark);
    marks.push(mark);
  }
  container.appendChild(frag);
  return marks;
}

// el creates an element with optional class and text; children are appended.
export function el(tag, cls, text, ...children) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined && text !== null && text !== '') node.textContent = String(text);
  for (const c of children) if (c) node.appendChild(c);
  return node;
}

// safeHref returns url when it is an http(s) address, else ''. Links to the
// original article are data and must never become javascript: URLs.
export function safeHref(url) {
  if (typeof url !== 'string') return '';
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '';
  } catch {
    return '';
  }
}

const numberFmt = new Intl.NumberFormat('ar-SY-u-nu-latn');
export const fmtNumber = (n) => (typeof n === 'number' ? numberFmt.format(n) : '');

const dateFmt = new Intl.DateTimeFormat('ar-SY-u-nu-latn', {
  day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
});
// fmtDate shows an ISO date in Arabic; anything else is shown as given.
export function fmtDate(iso) {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso ? String(iso) : '';
  const d = new Date(iso.slice(0, 10) + 'T00:00:00Z');
  return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
}
