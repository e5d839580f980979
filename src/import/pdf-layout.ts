/**
 * PDF pages (glyphs with their boxes, drawn line segments) → the document as the HTML reader
 * reads it: ruled tables rebuilt from their drawn borders as `<table>` rows of cells (a merged
 * cell once, in its first row, as HTML's rowspan/colspan would give it), text outside the tables
 * as paragraphs in reading order. Pure functions, no pdf.js: the tests feed pages built by hand.
 *
 * - Borders: horizontal and vertical segments (stroked lines, rectangle edges, thin filled
 *   rectangles) are snapped, joined, and grouped into tables by where they touch. The outer edge a
 *   publisher leaves out (no line under the last row before a page break, no left or right
 *   border) is taken from where the other lines end.
 * - Cells: two neighbouring grid cells are one merged cell when no drawn line separates them.
 * - Page breaks: a row cut by a page break (its label, or its numbers, going on at the top of the
 *   next page, after a repeated header or page number) is joined into one row when nothing else can
 *   be meant (`continuedRow`); numbers are never joined.
 * - Text: a glyph belongs to the cell its centre falls in (text slightly outside a table's box goes
 *   to the nearest cell); the lines of a cell are joined (wrapped labels, one character per line,
 *   vertical writing), a space only between Latin letters or digits or where the PDF leaves a gap.
 * - Outside the tables: page numbers and running headers/footers are dropped; lines are joined
 *   into paragraphs by indentation, short last lines and spacing; a line of label and numbers
 *   set apart by wide gaps (a table drawn without borders) becomes a row of cells.
 */
import { allLabels } from './labels.js';
import { isValueText, normLabel } from './normalize.js';

/** One glyph in page space (viewport: origin top-left, y down, points). */
export interface Glyph {
  /** Its text (usually one character). */
  c: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Font size in page space. */
  size: number;
  /** Set in a vertical font (top to bottom). */
  v?: boolean;
}

/** A drawn straight line, axis-aligned: horizontal (y0 = y1) or vertical (x0 = x1), x0 ≤ x1, y0 ≤ y1. */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPage {
  width: number;
  height: number;
  glyphs: Glyph[];
  segments: Segment[];
  /** Images drawn on the page (a scan shows as images and no text). */
  images: number;
}

export interface PdfLayout {
  html: string;
  /** Page (1-based) of each line of `html` (index 0 = line 1). */
  linePages: number[];
  /** Ruled tables found, and how many of their cells hold text. */
  tables: number;
  cells: number;
  /** Pages that hold images but no text (scanned pages). */
  imageOnlyPages: number[];
}

const TOL = 2; // points: lines closer than this are one line

// ---------------------------------------------------------------------------------------------
// Lines → tables

interface Line {
  /** Position across the line (y of a horizontal line, x of a vertical one). */
  at: number;
  from: number;
  to: number;
}

/** Snap segments of one direction into lines: same position within TOL, pieces joined across small gaps. */
function joinLines(raw: Array<{ at: number; from: number; to: number }>): Line[] {
  raw.sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Line[] = [];
  let i = 0;
  while (i < raw.length) {
    // A cluster of positions within TOL of its first.
    let j = i;
    let sum = 0;
    while (j < raw.length && raw[j]!.at - raw[i]!.at <= TOL) sum += raw[j++]!.at;
    const at = sum / (j - i);
    const pieces = raw.slice(i, j).sort((a, b) => a.from - b.from);
    let cur: Line | undefined;
    for (const p of pieces) {
      if (cur && p.from <= cur.to + TOL) cur.to = Math.max(cur.to, p.to);
      else out.push((cur = { at, from: p.from, to: p.to }));
    }
    i = j;
  }
  return out;
}

interface Table {
  xs: number[];
  ys: number[];
  /** Merged-cell id of each grid cell, row-major. */
  cellOf: Int32Array;
  /** Merged cells: grid rectangle and the glyphs that fall in them. */
  cells: Array<{ id: number; r0: number; c0: number; r1: number; c1: number; glyphs: Glyph[] }>;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

class UnionFind {
  readonly p: Int32Array;
  constructor(n: number) {
    this.p = new Int32Array(n);
    for (let i = 0; i < n; i++) this.p[i] = i;
  }
  find(a: number): number {
    let r = a;
    while (this.p[r] !== r) r = this.p[r]!;
    while (this.p[a] !== r) {
      const n = this.p[a]!;
      this.p[a] = r;
      a = n;
    }
    return r;
  }
  union(a: number, b: number) {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.p[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Positions within TOL of each other as one (their mean), sorted. */
function clusterPositions(values: number[]): number[] {
  values.sort((a, b) => a - b);
  const out: number[] = [];
  let i = 0;
  while (i < values.length) {
    let j = i;
    let sum = 0;
    while (j < values.length && values[j]! - values[i]! <= TOL * 1.5) sum += values[j++]!;
    out.push(sum / (j - i));
    i = j;
  }
  return out;
}

/** Length of [from, to] covered by the lines at position `at` (within TOL). */
function covered(lines: Line[], at: number, from: number, to: number): number {
  let len = 0;
  for (const l of lines) {
    if (Math.abs(l.at - at) > TOL * 1.5) continue;
    const a = Math.max(from, l.from);
    const b = Math.min(to, l.to);
    if (b > a) len += b - a;
  }
  return len;
}

/** Tables from the drawn lines of a page: groups of touching horizontal and vertical lines. */
export function findTables(segments: Segment[]): Table[] {
  const hRaw: Array<{ at: number; from: number; to: number }> = [];
  const vRaw: Array<{ at: number; from: number; to: number }> = [];
  for (const s of segments) {
    const w = s.x1 - s.x0;
    const h = s.y1 - s.y0;
    if (h <= TOL / 2 && w >= 3) hRaw.push({ at: (s.y0 + s.y1) / 2, from: s.x0, to: s.x1 });
    else if (w <= TOL / 2 && h >= 3) vRaw.push({ at: (s.x0 + s.x1) / 2, from: s.y0, to: s.y1 });
  }
  if (hRaw.length + vRaw.length > 20000) return []; // not a table: a drawing
  const H = joinLines(hRaw);
  const V = joinLines(vRaw);
  // Thousands of lines each way are a drawing (a chart, a map), not a table: not grouped (that is quadratic).
  if (!H.length || !V.length || H.length * V.length > 4_000_000) return [];
  // Groups: lines that touch (within TOL).
  const uf = new UnionFind(H.length + V.length);
  for (let i = 0; i < H.length; i++) {
    const h = H[i]!;
    for (let j = 0; j < V.length; j++) {
      const v = V[j]!;
      if (v.at >= h.from - TOL && v.at <= h.to + TOL && h.at >= v.from - TOL && h.at <= v.to + TOL)
        uf.union(i, H.length + j);
    }
  }
  const groups = new Map<number, { h: Line[]; v: Line[] }>();
  for (let i = 0; i < H.length + V.length; i++) {
    const g = groups.get(uf.find(i)) ?? { h: [], v: [] };
    if (i < H.length) g.h.push(H[i]!);
    else g.v.push(V[i - H.length]!);
    groups.set(uf.find(i), g);
  }
  const tables: Table[] = [];
  for (const { h, v } of groups.values()) {
    if (!h.length || !v.length) continue;
    const xs = clusterPositions(v.map((l) => l.at));
    const ys = clusterPositions(h.map((l) => l.at));
    // Outer edges left out by the publisher: where the other lines end.
    const minX = Math.min(...h.map((l) => l.from));
    const maxX = Math.max(...h.map((l) => l.to));
    const minY = Math.min(...v.map((l) => l.from));
    const maxY = Math.max(...v.map((l) => l.to));
    if (minX < xs[0]! - TOL * 2) xs.unshift(minX);
    if (maxX > xs[xs.length - 1]! + TOL * 2) xs.push(maxX);
    if (minY < ys[0]! - TOL * 2) ys.unshift(minY);
    if (maxY > ys[ys.length - 1]! + TOL * 2) ys.push(maxY);
    const rows = ys.length - 1;
    const cols = xs.length - 1;
    if (rows < 1 || cols < 1 || rows * cols < 2 || rows * cols > 40000) continue;
    const cuf = new UnionFind(rows * cols);
    for (let r = 0; r < rows; r++) {
      const top = ys[r]!;
      const bottom = ys[r + 1]!;
      for (let c = 0; c < cols; c++) {
        const left = xs[c]!;
        const right = xs[c + 1]!;
        // No line between this cell and its right neighbour: one cell.
        if (c + 1 < cols && covered(v, xs[c + 1]!, top, bottom) < (bottom - top) * 0.5)
          cuf.union(r * cols + c, r * cols + c + 1);
        if (r + 1 < rows && covered(h, ys[r + 1]!, left, right) < (right - left) * 0.5)
          cuf.union(r * cols + c, (r + 1) * cols + c);
      }
    }
    const cellOf = new Int32Array(rows * cols);
    const ids = new Map<number, number>();
    const cells: Table['cells'] = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const root = cuf.find(r * cols + c);
        let id = ids.get(root);
        if (id === undefined) {
          ids.set(root, (id = cells.length));
          cells.push({ id, r0: r, c0: c, r1: r, c1: c, glyphs: [] });
        }
        const cell = cells[id]!;
        cell.r1 = Math.max(cell.r1, r);
        cell.c0 = Math.min(cell.c0, c);
        cell.c1 = Math.max(cell.c1, c);
        cellOf[r * cols + c] = id;
      }
    }
    if (cells.length < 2) continue; // a frame around text, not a table
    tables.push({ xs, ys, cellOf, cells, x0: xs[0]!, y0: ys[0]!, x1: xs[cols]!, y1: ys[rows]! });
  }
  tables.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  return tables;
}

/** Index of the band of `pos` among the boundaries `edges` (clamped to the first and last band). */
function band(edges: number[], pos: number): number {
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// Glyphs → text

const cx = (g: Glyph) => (g.x0 + g.x1) / 2;
const cy = (g: Glyph) => (g.y0 + g.y1) / 2;
const isWordChar = (ch: string | undefined) => !!ch && /[A-Za-z0-9%.,)\]]/.test(ch);
const isWordStart = (ch: string | undefined) => !!ch && /[A-Za-z0-9([]/.test(ch);

interface TextLine {
  glyphs: Glyph[];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  size: number;
}

/**
 * Glyphs into lines: horizontal text by rows (sorted by x), vertical text by columns (top to
 * bottom, right to left). A glyph joins a line when its centre lies within the line's band.
 */
function toLines(glyphs: Glyph[]): TextLine[] {
  const lines: TextLine[] = [];
  const hz = glyphs.filter((g) => !g.v).sort((a, b) => cy(a) - cy(b) || cx(a) - cx(b));
  let cur: TextLine | undefined;
  let mid = 0;
  for (const g of hz) {
    const y = cy(g);
    if (cur && Math.abs(y - mid) <= Math.min(cur.size, g.size) * 0.45) {
      cur.glyphs.push(g);
      cur.y0 = Math.min(cur.y0, g.y0);
      cur.y1 = Math.max(cur.y1, g.y1);
      cur.size = Math.max(cur.size, g.size);
    } else {
      lines.push((cur = { glyphs: [g], x0: 0, x1: 0, y0: g.y0, y1: g.y1, size: g.size }));
      mid = y;
    }
  }
  for (const l of lines) l.glyphs.sort((a, b) => a.x0 - b.x0);
  // Vertical writing: columns right to left, each read top to bottom.
  const vt = glyphs.filter((g) => g.v).sort((a, b) => cx(b) - cx(a) || cy(a) - cy(b));
  cur = undefined;
  for (const g of vt) {
    const x = cx(g);
    if (cur && Math.abs(x - mid) <= Math.min(cur.size, g.size) * 0.45) cur.glyphs.push(g);
    else {
      lines.push((cur = { glyphs: [g], x0: 0, x1: 0, y0: 0, y1: 0, size: g.size }));
      mid = x;
    }
  }
  for (const l of lines) {
    if (l.glyphs[0]!.v) l.glyphs.sort((a, b) => a.y0 - b.y0);
    l.x0 = Math.min(...l.glyphs.map((g) => g.x0));
    l.x1 = Math.max(...l.glyphs.map((g) => g.x1));
    l.y0 = Math.min(...l.glyphs.map((g) => g.y0));
    l.y1 = Math.max(...l.glyphs.map((g) => g.y1));
  }
  return lines;
}

/** The text of a line; a space where the PDF leaves a gap of a third of an em or more. */
function lineText(l: TextLine, gapEm = 0.3): string {
  let s = '';
  let prev: Glyph | undefined;
  for (const g of l.glyphs) {
    if (prev && !g.v) {
      const gap = g.x0 - prev.x1;
      if (gap > Math.min(g.size, prev.size) * gapEm && !s.endsWith(' ') && g.c.trim()) s += ' ';
    }
    s += g.c;
    prev = g;
  }
  return s.replace(/\s+/g, ' ').trim();
}

/** Lines of one cell or paragraph joined: a space only between two Latin words or numbers. */
function joinText(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (!p) continue;
    if (out && isWordChar(out[out.length - 1]) && isWordStart(p[0])) out += ' ';
    out += p;
  }
  return out;
}

/** Lines of a table cell, top to bottom (vertical columns in their order). */
function cellText(glyphs: Glyph[]): string {
  if (!glyphs.length) return '';
  const lines = toLines(glyphs);
  // Horizontal lines top to bottom, then vertical columns (already right to left).
  const hz = lines.filter((l) => !l.glyphs[0]!.v).sort((a, b) => a.y0 - b.y0);
  const vt = lines.filter((l) => l.glyphs[0]!.v);
  return joinText([...hz, ...vt].map((l) => lineText(l)));
}

// ---------------------------------------------------------------------------------------------
// Pages → HTML

const PAGE_NUMBER =
  /^(?:[-—－–]\s*\d{1,4}\s*[-—－–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

/** A heading or a numbered item: 一、 （二） (3) 4. 5、 */
const HEADING = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．](?!\d))/;

const esc = (s: string) => s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

/** A cell of a table row as emitted: its text and its left and right edges. */
interface RowCell {
  text: string;
  x0: number;
  x1: number;
}

type Block =
  | { kind: 'table'; y: number; y1: number; rows: RowCell[][] }
  | { kind: 'line'; y: number; line: TextLine; text: string; cells?: string[] };

/** Split a line at wide gaps (two ems or more): the cells of a table row drawn without borders. */
function gapCells(l: TextLine): string[] {
  const parts: Glyph[][] = [[]];
  let prev: Glyph | undefined;
  for (const g of l.glyphs) {
    if (prev && g.x0 - prev.x1 > Math.min(g.size, prev.size) * 2 && g.c.trim()) parts.push([]);
    if (g.c.trim() || parts[parts.length - 1]!.length) parts[parts.length - 1]!.push(g);
    prev = g;
  }
  return parts.map((p) => lineText({ ...l, glyphs: p })).filter(Boolean);
}

const VALUE = /^[-+]?(?:\d[\d,，]*(?:\.\d+)?|\.\d+)\s*(?:万元|元|件|条|个|%)?$|^[-—/／]$/;

/**
 * Grid columns that hold labels: in the rows that hold numbers, some cell over the column has
 * text that is not a number and none has a number. (A column left blank in every row is not one.)
 */
function labelColumns(t: Table, texts: string[]): boolean[] {
  const cols = t.xs.length - 1;
  const valueRow = new Array<boolean>(t.ys.length - 1).fill(false);
  const kind = texts.map((s) => (!s ? 0 : isValueText(s) ? 2 : 1));
  t.cells.forEach((c, i) => {
    if (kind[i] === 2) for (let r = c.r0; r <= c.r1; r++) valueRow[r] = true;
  });
  const label = new Array<boolean>(cols).fill(false);
  const value = new Array<boolean>(cols).fill(false);
  t.cells.forEach((c, i) => {
    let inValueRows = false;
    for (let r = c.r0; r <= c.r1; r++) inValueRows ||= valueRow[r]!;
    if (!inValueRows || !kind[i]) return;
    for (let k = c.c0; k <= c.c1; k++) (kind[i] === 2 ? value : label)[k] = true;
  });
  return label.map((l, k) => l && !value[k]);
}

/** Everything of one page in reading order: tables and the lines outside them. */
function pageBlocks(page: PdfPage, drop: (l: TextLine, text: string) => boolean): { blocks: Block[]; cells: number } {
  const tables = findTables(page.segments);
  const loose: Glyph[] = [];
  for (const g of page.glyphs) {
    if (!g.c.trim() && !g.c.includes(' ')) continue;
    const x = cx(g);
    const y = cy(g);
    const m = Math.min(3, g.size * 0.5);
    const t = tables.find((t) => x >= t.x0 - m && x <= t.x1 + m && y >= t.y0 - m && y <= t.y1 + m);
    if (!t) {
      loose.push(g);
      continue;
    }
    const cols = t.xs.length - 1;
    t.cells[t.cellOf[band(t.ys, y) * cols + band(t.xs, x)]!]!.glyphs.push(g);
  }
  const blocks: Block[] = [];
  let cells = 0;
  for (const t of tables) {
    const byRow = new Map<number, Table['cells']>();
    for (const c of t.cells) {
      const list = byRow.get(c.r0) ?? [];
      list.push(c);
      byRow.set(c.r0, list);
    }
    const texts = t.cells.map((c) => cellText(c.glyphs));
    const labelCols = labelColumns(t, texts);
    const rows: RowCell[][] = [];
    for (let r = 0; r < t.ys.length - 1; r++) {
      const list = byRow.get(r);
      if (!list) continue;
      list.sort((a, b) => a.c0 - b.c0);
      // An empty cell in the label columns (the rest of a label's area, a group label continued from
      // the previous page) is no data cell: left out, as a CMS table would have no cell there.
      const row = list
        .filter((c) => {
          if (texts[c.id]) return true;
          for (let k = c.c0; k <= c.c1; k++) if (!labelCols[k]) return true;
          return false;
        })
        .map((c) => ({ text: texts[c.id]!, x0: t.xs[c.c0]!, x1: t.xs[c.c1 + 1]! }));
      cells += row.filter((c) => c.text).length;
      if (row.length) rows.push(row);
    }
    // A table whose cells hold no text at all is a drawing (a frame, a signature box).
    if (rows.some((r) => r.some((c) => c.text))) blocks.push({ kind: 'table', y: t.y0, y1: t.y1, rows });
  }
  for (const l of toLines(loose)) {
    const text = lineText(l);
    if (!text || drop(l, text)) continue;
    const parts = gapCells(l);
    const block: Block = { kind: 'line', y: l.y0, line: l, text };
    if (parts.length >= 2 && parts.some((p) => VALUE.test(p))) block.cells = parts;
    blocks.push(block);
  }
  blocks.sort((a, b) => a.y - b.y);
  return { blocks, cells };
}

const isValue = (s: string) => isValueText(s) || VALUE.test(s);

/**
 * The last row of a table on one page and the first row on the next as one row cut by the page
 * break, or undefined when that is not certain. Certain means: the two rows have the same cells
 * (left and right edges; the first may have more, e.g. a group label that began with it; the second
 * may have the rest of a group label that began higher up, left of them), and the second row only
 * goes on with the first:
 * - its text continues the first row's text cells (a wrapped label cut between two of its lines,
 *   joined as the lines of one cell are), and does not begin a row of its own (一、 （二） 3. …);
 * - its numbers stand where the first row has none (numbers set lower in a cut row).
 * A second row with a number where the first has one, with a number under text or text under a
 * number, with text where the first row has none, or with nothing that continues a label of the
 * first (a row of numbers under a header row) is a row of its own. Numbers are never joined, so no
 * number is made up.
 */
export function continuedRow(a: RowCell[], b: RowCell[]): RowCell[] | undefined {
  const near = (p: number, q: number) => Math.abs(p - q) <= TOL * 2;
  const out = a.map((c) => ({ ...c }));
  let continuesText = false;
  let firstText: string | undefined;
  // The row's label is its first cell.
  if (!a[0]?.text || isValue(a[0].text)) return undefined;
  const lead: RowCell[] = [];
  for (const c of b) {
    if (!c.text) continue;
    const k = a.findIndex((x) => near(x.x0, c.x0) && near(x.x1, c.x1));
    if (k < 0) {
      // The rest of a group label whose cell began above the first row (left of its cells): kept
      // before them, where the next page's first row would have had it.
      if (isValue(c.text) || c.x1 > a[0]!.x0 + TOL * 2) return undefined;
      lead.push(c);
      continue;
    }
    const above = a[k]!.text;
    if (isValue(c.text)) {
      if (above) return undefined;
      out[k]!.text = c.text;
      continue;
    }
    if (!above || isValue(above)) return undefined;
    firstText ??= c.text;
    continuesText = true;
    out[k]!.text = joinText([above, c.text]);
  }
  if (!b.some((c) => c.text)) return undefined;
  if (continuesText && (HEADING.test(firstText!) || /^[（(]/.test(firstText!) || officialLabel(firstText!)))
    return undefined; // a label of its own (an item number, a whole official label such as 规范性文件): a new row
  if (!continuesText && !b.some((c) => c.text && isValue(c.text))) return undefined; // group label text only
  return [...lead, ...out];
}

let labels: Set<string> | undefined;
const officialLabel = (text: string) => (labels ??= new Set(allLabels())).has(normLabel(text));

/**
 * Running headers and footers: the same text (numbers aside) in the same band, top or bottom, of at
 * least three pages and half of them. (A title at the top of page 1 and the same agency name in the
 * signature at the foot of the last page are not one.)
 */
function runningText(pages: PdfPage[]): Set<string> {
  const seen = new Map<string, number>();
  for (const p of pages) {
    const texts = new Set<string>();
    for (const l of toLines(p.glyphs.filter((g) => cy(g) < p.height * 0.1 || cy(g) > p.height * 0.9)))
      texts.add(`${cy(l.glyphs[0]!) < p.height / 2 ? 'top' : 'foot'}:${lineText(l).replace(/\d+/g, '#')}`);
    for (const t of texts) seen.set(t, (seen.get(t) ?? 0) + 1);
  }
  const out = new Set<string>();
  for (const [t, n] of seen) if (n >= Math.max(3, pages.length * 0.5)) out.add(t);
  return out;
}

/** The pages as HTML for the importer, with the page of each HTML line. */
export function layoutPages(pages: PdfPage[]): PdfLayout {
  const running = runningText(pages);
  const out: string[] = [];
  const linePages: number[] = [];
  const emit = (s: string, page: number) => {
    out.push(s);
    linePages.push(page);
  };
  let tables = 0;
  let cellCount = 0;
  const imageOnlyPages: number[] = [];
  // The paragraph being built, across pages.
  let para: string[] = [];
  let paraPage = 0;
  const endPara = () => {
    if (para.length) emit(`<p>${esc(joinText(para))}</p>`, paraPage);
    para = [];
  };
  let prev: { line: TextLine; right: number; page: number } | undefined;
  // Every page's tables and lines first: the body's left and right edges come from the lines of
  // prose of the whole document (a page of single-line paragraphs, all indented, or of a lone
  // signature, has the margins of the others; a table wider than the text does not move them).
  const read = pages.map((page, pi) => {
    if (!page.glyphs.some((g) => g.c.trim())) {
      if (page.images) imageOnlyPages.push(pi + 1);
      return [];
    }
    const margin = (l: TextLine) => l.y1 < page.height * 0.12 || l.y0 > page.height * 0.88;
    const drop = (l: TextLine, text: string) =>
      margin(l) &&
      (PAGE_NUMBER.test(text.replace(/\s+/g, ' ')) ||
        running.has(`${l.y0 < page.height / 2 ? 'top' : 'foot'}:${text.replace(/\d+/g, '#')}`));
    const { blocks, cells } = pageBlocks(page, drop);
    cellCount += cells;
    return blocks;
  });
  // A table row cut by a page break: its rest, at the top of the next page, joined to it.
  // Between the two, only what repeats in the same margin of both pages (a header or footer on
  // too few pages to be taken for a running one) may stand.
  const band = (blk: Block, pi: number) =>
    blk.kind === 'line' && (blk.line.y1 < pages[pi]!.height * 0.12 || blk.line.y0 > pages[pi]!.height * 0.88)
      ? `${blk.line.y0 < pages[pi]!.height / 2 ? 'top' : 'foot'}:${blk.text.replace(/\d+/g, '#')}`
      : undefined;
  const furniture = (blk: Block, pi: number, other: number) => {
    const key = band(blk, pi);
    return !!key && read[other]!.some((o) => band(o, other) === key);
  };
  for (let pi = 0; pi + 1 < read.length; pi++) {
    const here = read[pi]!;
    const next = read[pi + 1]!;
    let ai = here.length - 1;
    while (ai >= 0 && furniture(here[ai]!, pi, pi + 1)) ai--;
    let bi = 0;
    while (bi < next.length && furniture(next[bi]!, pi + 1, pi)) bi++;
    const a = here[ai];
    const b = next[bi];
    if (a?.kind !== 'table' || b?.kind !== 'table') continue;
    if (a.y1 < pages[pi]!.height * 0.6 || b.y > pages[pi + 1]!.height * 0.4) continue;
    const merged = continuedRow(a.rows[a.rows.length - 1]!, b.rows[0]!);
    if (!merged) continue;
    a.rows[a.rows.length - 1] = merged;
    b.rows.shift();
    if (!b.rows.some((r) => r.some((c) => c.text))) next.splice(bi, 1);
  }
  const prose = read.flat().filter((b): b is Extract<Block, { kind: 'line' }> => b.kind === 'line' && !b.cells);
  const left = edge(
    prose.map((b) => b.line.x0),
    1,
  );
  const right = edge(
    prose.map((b) => b.line.x1),
    -1,
  );
  read.forEach((blocks, pi) => {
    const pageNo = pi + 1;
    for (const b of blocks) {
      if (b.kind === 'table') {
        endPara();
        tables++;
        emit('<table>', pageNo);
        for (const row of b.rows) emit(`<tr>${row.map((c) => `<td>${esc(c.text)}</td>`).join('')}</tr>`, pageNo);
        emit('</table>', pageNo);
        prev = undefined;
        continue;
      }
      const l = b.line;
      if (b.cells) {
        endPara();
        emit(`<table><tr>${b.cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr></table>`, pageNo);
        prev = undefined;
        continue;
      }
      const em = l.size;
      const indented = left !== undefined && l.x0 > left + em * 1.2;
      const prevShort = !prev || (prev.page === pageNo && right !== undefined && prev.right < right - em * 1.5);
      const samePageGap = prev && prev.page === pageNo ? l.y0 - prev.line.y1 : 0;
      const bigGap = samePageGap > Math.max(em, prev?.line.size ?? 0) * 1.2;
      const sizeChange = prev && Math.abs(prev.line.size - em) > Math.min(em, prev.line.size) * 0.15;
      const numbered = !!prev && /[。！？：；:;]$/.test(para[para.length - 1] ?? '') && HEADING.test(b.text);
      if (!para.length || indented || prevShort || bigGap || sizeChange || numbered) {
        endPara();
        paraPage = pageNo;
      }
      para.push(b.text);
      prev = { line: l, right: l.x1, page: pageNo };
    }
  });
  endPara();
  return { html: out.join('\n'), linePages, tables, cells: cellCount, imageOnlyPages };
}

/**
 * The body's edge: the leftmost (dir 1) or rightmost (dir -1) position, within two points, that at
 * least two lines share (a title or a signature alone does not move it); else the extreme one.
 */
function edge(values: number[], dir: 1 | -1): number | undefined {
  if (!values.length) return undefined;
  const sorted = values.map((v) => v * dir).sort((a, b) => a - b);
  for (let i = 0; i + 1 < sorted.length; i++) if (sorted[i + 1]! - sorted[i]! <= 2) return sorted[i]! * dir;
  return sorted[0]! * dir;
}
