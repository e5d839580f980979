/**
 * A report typeset as a real PDF, for the PDF reader's round-trip tests: the official tables as
 * ruled grids (merged group and header cells, labels wrapped in their cells, group labels one
 * character per line, tables running over page breaks) and the prose in indented paragraphs, in
 * styles that publishers use: rules stroked or drawn as thin filled rectangles, outer borders
 * left out, no rule at a page break, running headers and page numbers. Text in a Type0 font
 * (Identity-H, not embedded) with a /ToUnicode table, as Word and WPS write Chinese PDFs.
 */
import { SECTIONS, getLayout, leafColumns, leafRows, type ColumnNode, type Grid } from '../../src/model/layout.js';
import { get, type Json } from './import-helpers.js';
import { pdfFile } from './pdf-helpers.js';

export interface PdfStyle {
  /** Rules as stroked lines, or as thin filled rectangles. */
  rules: 'stroke' | 'fill';
  /** No rule on the outer left and right of the tables. */
  openSides?: boolean;
  /** No rule under the last row of a page and over the first row of the next when a table breaks. */
  openBreaks?: boolean;
  /** A running header and "第 N 页" footer on every page (else "- N -"). */
  header?: string;
  /** What a blank cell shows. */
  blank?: string;
  /**
   * Rows may break across pages (Word's "allow row to break across pages"): a row with a wrapped label
   * that does not fit keeps the label lines that fit on the page and goes on at the top of the next,
   * its numbers in the first part (`'top'`, top-aligned cells) or in the second (`'bottom'`).
   */
  splitRows?: 'top' | 'bottom';
  /** Where the body of a page ends (points from the top; default 780). */
  bottom?: number;
  /** The font's encoding (default Identity-H; e.g. UniGB-UCS2-H, a predefined CMap). */
  encoding?: string;
}

/** What the writer did, for the tests: rows cut by a page break, rows that begin a page. */
export interface PdfInfo {
  /** Row keys (`row.key`, e.g. `denied.stateSecret`) of the rows cut by a page break. */
  split: string[];
  /** Row keys of the rows that begin a page (not cut). */
  pageStarts: string[];
}

interface Cell {
  text: string;
  r: number;
  c: number;
  rs: number;
  cs: number;
  /** One character per line (group labels). */
  stack?: boolean;
  label?: boolean;
}

const show = (v: unknown, blank: string): string => {
  if (v === null || v === undefined) return blank;
  if (typeof v === 'object') return `${(v as Json).value}${(v as Json).unit ?? ''}`;
  return String(v);
};

/** The cells of one grid, as its published table draws them. */
function gridCells(
  grid: Grid,
  table: Json,
  blank: string,
): { cells: Cell[]; rows: number; cols: number; labelCols: number; keys: Array<string | undefined> } {
  const leaves = leafColumns(grid.columns);
  const rows = leafRows(grid.rows);
  const labelCols = grid.rows ? Math.max(...rows.map((r) => r.labels.length)) : 0;
  const depth = (nodes: readonly ColumnNode[]): number =>
    Math.max(...nodes.map((n) => 1 + (n.children ? depth(n.children) : 0)));
  const headerRows = depth(grid.columns);
  const cols = labelCols + leaves.length;
  const cells: Cell[] = [];
  let r = 0;
  if (grid.caption) cells.push({ text: grid.caption.zh, r: r++, c: 0, rs: 1, cs: cols });
  if (labelCols) cells.push({ text: grid.corner?.zh ?? '', r, c: 0, rs: headerRows, cs: labelCols });
  const count = (n: ColumnNode): number => (n.children ? n.children.reduce((s, k) => s + count(k), 0) : 1);
  const walk = (nodes: readonly ColumnNode[], level: number, c: number) => {
    for (const n of nodes) {
      const span = count(n);
      cells.push({ text: n.label.zh, r: r + level, c, rs: n.children ? 1 : headerRows - level, cs: span });
      if (n.children) walk(n.children, level + 1, c);
      c += span;
    }
  };
  walk(grid.columns, 0, labelCols);
  r += headerRows;
  const first = r;
  rows.forEach((row, i) => {
    const labels = row.labels.map((l) => l.zh);
    for (let j = 0; j < labels.length - 1; j++) {
      const prev = rows[i - 1]?.labels[j]?.zh;
      if (prev === labels[j]) continue;
      let rs = 1;
      while (rows[i + rs]?.labels[j]?.zh === labels[j]) rs++;
      cells.push({ text: labels[j]!, r: first + i, c: j, rs, cs: 1, stack: rs > 2, label: true });
    }
    if (labelCols) {
      const own = labels.length - 1;
      cells.push({ text: labels[own] ?? '', r: first + i, c: own, rs: 1, cs: labelCols - own, label: true });
    }
    leaves.forEach((col, k) => {
      const keys = [...(row.key ? row.key.split('.') : []), ...col.key.split('.')];
      cells.push({ text: show(get(table, keys), blank), r: first + i, c: labelCols + k, rs: 1, cs: 1 });
    });
  });
  const keys: Array<string | undefined> = [...new Array<undefined>(first), ...rows.map((row) => row.key ?? '')];
  return { cells, rows: first + rows.length, cols, labelCols, keys };
}

const hex = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('');
const width = (s: string, size: number) => [...s].reduce((w, c) => w + (c.charCodeAt(0) < 128 ? size / 2 : size), 0);

/** Break `s` into lines of at most `w` points. */
function wrap(s: string, w: number, size: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const c of s) {
    if (cur && width(cur + c, size) > w) {
      lines.push(cur);
      cur = '';
    }
    cur += c;
  }
  if (cur || !lines.length) lines.push(cur);
  return lines;
}

class Pages {
  readonly pages: string[][] = [[]];
  y = 70;
  readonly top = 70;
  constructor(readonly bottom = 780) {}
  get out() {
    return this.pages[this.pages.length - 1]!;
  }
  newPage() {
    this.pages.push([]);
    this.y = this.top;
  }
  text(s: string, x: number, y: number, size: number, page = this.out) {
    if (s) page.push(`BT /F1 ${size} Tf 1 0 0 1 ${x.toFixed(2)} ${(842 - y).toFixed(2)} Tm <${hex(s)}> Tj ET`);
  }
}

/** The report as PDF bytes. */
export function reportPdf(report: Json, style: PdfStyle, info: PdfInfo = { split: [], pageStarts: [] }): Uint8Array {
  const blank = style.blank ?? '';
  const L = getLayout(
    report.format,
    report.applications.otherHandling && 'natural' in report.applications.otherHandling ? 'row' : 'group',
  );
  const P = new Pages(style.bottom);
  const body = 455;
  const left = 70;
  const para = (s: string, size: number, indent: number, center = false) => {
    const lines = wrap(s, body - indent * size, size);
    lines.forEach((l, i) => {
      if (P.y + size * 1.8 > P.bottom) P.newPage();
      const x = center ? left + (body - width(l, size)) / 2 : left + (i === 0 ? indent * size : 0);
      P.text(l, x, P.y + size, size);
      P.y += size * 1.8;
    });
  };
  para(report.agency.name, 20, 0, true);
  para(`${report.year}年政府信息公开工作年度报告`, 20, 0, true);
  P.y += 10;
  const line = (page: string[], x0: number, y0: number, x1: number, y1: number) => {
    const [a, b, c, d] = [x0, 842 - y0, x1, 842 - y1];
    if (style.rules === 'stroke')
      page.push(`0.5 w ${a.toFixed(2)} ${b.toFixed(2)} m ${c.toFixed(2)} ${d.toFixed(2)} l S`);
    else if (y0 === y1) page.push(`${a.toFixed(2)} ${(b - 0.3).toFixed(2)} ${(c - a).toFixed(2)} 0.6 re f`);
    else page.push(`${(a - 0.3).toFixed(2)} ${d.toFixed(2)} 0.6 ${(b - d).toFixed(2)} re f`);
  };
  for (const s of SECTIONS) {
    para(s.heading.zh, 14, 2);
    if (s.kind === 'prose') {
      for (const p of String(report.sections[s.id] ?? '').split('\n')) para(p, 14, 2);
      continue;
    }
    for (const grid of L.tables[s.id as 'proactive'].grids) {
      const size = 8;
      const { cells, cols, labelCols, keys } = gridCells(grid, report[s.id], blank);
      let rows = keys.length;
      const labelW = labelCols === 0 ? [] : labelCols === 1 ? [150] : labelCols === 2 ? [24, 140] : [22, 50, 100];
      const valueW = (body - labelW.reduce((a, b) => a + b, 0)) / (cols - labelCols);
      const xs = [left];
      for (let c = 0; c < cols; c++) xs.push(xs[c]! + (c < labelCols ? labelW[c]! : valueW));
      const cellW = (c: Cell) => xs[c.c + c.cs]! - xs[c.c]! - 4;
      // Row heights from the cells of one row.
      const heights = Array.from({ length: rows }, (_, r) =>
        Math.max(
          18,
          ...cells
            .filter((c) => c.r === r && c.rs === 1)
            .map((c) => wrap(c.text, cellW(c), size).length * size * 1.3 + 6),
        ),
      );
      // Rows onto pages.
      const at: Array<{ page: number; y: number }> = [];
      P.y += 6;
      const lineH = size * 1.3;
      for (let r = 0; r < rows; r++) {
        if (P.y + heights[r]! > P.bottom) {
          // A row cut by the break: its own label's lines that fit stay here, the rest goes on.
          const label = cells.find((c) => c.r === r && c.rs === 1 && c.label && !c.stack && c.text);
          const lines = label ? wrap(label.text, cellW(label), size) : [];
          const fit = Math.floor((P.bottom - P.y - 6) / lineH);
          if (style.splitRows && keys[r] !== undefined && label && fit >= 1 && fit < lines.length) {
            for (const c of cells)
              if (c.r > r) c.r++;
              else if (c.r <= r && c.r + c.rs - 1 >= r && c.rs > 1) c.rs++;
            const numbersBelow = style.splitRows === 'bottom';
            for (const c of cells.filter((x) => x.r === r && x.rs === 1)) {
              const rest = c === label ? lines.slice(fit).join('') : numbersBelow ? c.text : '';
              if (c === label) c.text = lines.slice(0, fit).join('');
              else if (numbersBelow) c.text = '';
              cells.push({ ...c, r: r + 1, text: rest });
            }
            heights.splice(r, 1, P.bottom - P.y, (lines.length - fit) * lineH + 6);
            keys.splice(r + 1, 0, undefined);
            rows++;
            info.split.push(keys[r]!);
            at.push({ page: P.pages.length - 1, y: P.y });
            P.newPage();
            at.push({ page: P.pages.length - 1, y: P.y });
            P.y += heights[r + 1]!;
            r++;
            continue;
          }
          P.newPage();
          if (keys[r]) info.pageStarts.push(keys[r]!);
        }
        at.push({ page: P.pages.length - 1, y: P.y });
        P.y += heights[r]!;
      }
      P.y += 10;
      const pageOf = (r: number) => at[r]!.page;
      for (const c of cells) {
        for (let r = c.r; r < c.r + c.rs; r++) {
          const pg = P.pages[pageOf(r)]!;
          const y0 = at[r]!.y;
          const y1 = y0 + heights[r]!;
          const firstOnPage = r === c.r || pageOf(r - 1) !== pageOf(r);
          const lastOnPage = r === c.r + c.rs - 1 || pageOf(r + 1) !== pageOf(r);
          const brokenTop = r !== c.r && firstOnPage;
          const brokenBottom = r !== c.r + c.rs - 1 && lastOnPage;
          const tableBreakTop = r > 0 && pageOf(r - 1) !== pageOf(r);
          const tableBreakBottom = r + 1 < rows && pageOf(r + 1) !== pageOf(r);
          if (firstOnPage && !(style.openBreaks && (brokenTop || (tableBreakTop && r === c.r))))
            line(pg, xs[c.c]!, y0, xs[c.c + c.cs]!, y0);
          if (lastOnPage && !(style.openBreaks && (brokenBottom || tableBreakBottom)))
            line(pg, xs[c.c]!, y1, xs[c.c + c.cs]!, y1);
          if (!(style.openSides && c.c === 0)) line(pg, xs[c.c]!, y0, xs[c.c]!, y1);
          if (!(style.openSides && c.c + c.cs === cols)) line(pg, xs[c.c + c.cs]!, y0, xs[c.c + c.cs]!, y1);
        }
        // The text: stacked one character per line from the top (continuing on the next page), or wrapped.
        if (c.stack) {
          let r = c.r;
          let y = at[r]!.y + 4;
          for (const ch of c.text) {
            while (y + size > at[r]!.y + heights[r]! && r + 1 < c.r + c.rs) {
              r++;
              if (pageOf(r) !== pageOf(r - 1)) y = at[r]!.y + 4;
            }
            P.text(ch, xs[c.c]! + (xs[c.c + 1]! - xs[c.c]! - size) / 2, y + size, size, P.pages[pageOf(r)]);
            y += size * 1.25;
          }
          continue;
        }
        const lines = wrap(c.text, cellW(c), size);
        const x0 = xs[c.c]!;
        lines.forEach((l, i) => {
          const x = c.label ? x0 + 2 : x0 + (xs[c.c + c.cs]! - x0 - width(l, size)) / 2;
          P.text(l, x, at[c.r]!.y + 4 + size + i * size * 1.3, size, P.pages[pageOf(c.r)]);
        });
      }
    }
  }
  para(report.agency.name, 14, 20);
  para(`${report.year + 1}年1月20日`, 14, 20);
  // Headers and footers.
  P.pages.forEach((pg, i) => {
    if (style.header) {
      P.text(style.header, 200, 40, 9, pg);
      P.text(`第 ${i + 1} 页`, 280, 815, 9, pg);
    } else P.text(`- ${i + 1} -`, 285, 815, 10, pg);
  });
  return writePdf(
    P.pages.map((p) => p.join('\n')),
    style.encoding ? { encoding: style.encoding } : {},
  );
}

/**
 * Pages of content streams → a PDF with one Type0 font (not embedded; its codes are the characters'
 * UTF-16 units, mapped back by /ToUnicode), encoded Identity-H (CID = code) or `encoding`, a
 * predefined CMap such as UniGB-UCS2-H (pdf.js then needs that CMap's file).
 */
export function writePdf(contents: string[], { encoding = 'Identity-H' } = {}): Uint8Array {
  // Half-width ASCII: CIDs 32-126 with Identity-H (CID = code), 1-95 in Adobe-GB1 (UniGB-UCS2-H).
  const n = contents.length;
  // Objects: 1 catalog, 2 pages, 3 font, 4 CID font, 5 descriptor, 6 ToUnicode, then page + content pairs.
  const kids = contents.map((_, i) => `${7 + i * 2} 0 R`).join(' ');
  const ranges = Array.from({ length: 256 }, (_, i) => {
    const h = i.toString(16).padStart(2, '0');
    return `<${h}00> <${h}ff> <${h}00>`;
  });
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <ffff> endcodespacerange',
    ...[0, 100, 200].map((k) => {
      const part = ranges.slice(k, k + 100);
      return `${part.length} beginbfrange\n${part.join('\n')}\nendbfrange`;
    }),
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const objects: Array<string | { dict: string; stream: string }> = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`,
    `<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /${encoding} /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>`,
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (${encoding === 'Identity-H' ? 'Identity' : 'GB1'}) /Supplement ${encoding === 'Identity-H' ? 0 : 2} >> /FontDescriptor 5 0 R /DW 1000 /W [${encoding === 'Identity-H' ? 32 : 1} ${encoding === 'Identity-H' ? 126 : 95} 500] /CIDToGIDMap /Identity >>`,
    '<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>',
    { dict: '', stream: cmap },
  ];
  contents.forEach((c, i) => {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${8 + i * 2} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
    );
    objects.push({ dict: '', stream: c });
  });
  return pdfFile(objects);
}

/**
 * test/fixtures/import/unigb-ucs2-h.pdf (7 KB, for the browser test; a Node test holds the file to
 * this): a title, a heading and a paragraph in a font encoded UniGB-UCS2-H, which pdf.js reads only
 * with that CMap's file.
 */
export function cmapSamplePdf(): Uint8Array {
  const line = (s: string, y: number, size = 14) => `BT /F1 ${size} Tf 1 0 0 1 72 ${y} Tm <${hex(s)}> Tj ET`;
  return writePdf(
    [
      [
        line('某某市某某局', 760, 20),
        line('2024年政府信息公开工作年度报告', 730, 20),
        line('一、总体情况', 690),
        line('2024年，本机关认真落实政府信息公开条例。', 665),
      ].join('\n'),
    ],
    { encoding: 'UniGB-UCS2-H' },
  );
}
