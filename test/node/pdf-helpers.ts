/**
 * Hand-written PDFs and hand-built pages for the PDF reader's tests: a PDF file assembled from its
 * objects (offsets computed, so pdf.js reads it without repairing it), and glyphs and ruled lines
 * placed on a page for the layout tests (no pdf.js involved).
 */
import type { Glyph, PdfPage, Segment } from '../../src/import/pdf-layout.js';

/** A PDF file from its objects (1-based; object 1 the catalog) and an optional extra trailer entry. */
export function pdfFile(objects: Array<string | { dict: string; stream: string }>, trailerExtra = ''): Uint8Array {
  const parts: string[] = ['%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n'];
  const offsets: number[] = [];
  let length = Buffer.byteLength(parts[0]!, 'latin1');
  objects.forEach((o, i) => {
    const body =
      typeof o === 'string'
        ? o
        : `<< ${o.dict} /Length ${Buffer.byteLength(o.stream, 'latin1')} >>\nstream\n${o.stream}\nendstream`;
    const text = `${i + 1} 0 obj\n${body}\nendobj\n`;
    offsets.push(length);
    parts.push(text);
    length += Buffer.byteLength(text, 'latin1');
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(xref);
  return new Uint8Array(Buffer.from(parts.join(''), 'latin1'));
}

/** A one-page PDF whose page draws `content` (an optional image XObject /Im1, 2×2 grey pixels). */
export function onePagePdf(content: string, opts: { image?: boolean; trailerExtra?: string } = {}): Uint8Array {
  const resources = opts.image ? '/Resources << /XObject << /Im1 5 0 R >> >>' : '/Resources << >>';
  const objects: Array<string | { dict: string; stream: string }> = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R ${resources} >>`,
    { dict: '', stream: content },
  ];
  if (opts.image)
    objects.push({
      dict: '/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8',
      stream: '\u0080\u00ff\u00ff\u0080',
    });
  return pdfFile(objects, opts.trailerExtra);
}

// ---------------------------------------------------------------------------------------------
// Pages by hand (page space: origin top-left, y down, points)

/** Glyphs of `text` set from (x, baseline y): CJK one em wide, Latin and digits half an em. */
export function text(s: string, x: number, y: number, size = 10): Glyph[] {
  const out: Glyph[] = [];
  for (const c of s) {
    const w = c.charCodeAt(0) < 0x100 ? size * 0.5 : size;
    out.push({ c, x0: x, y0: y - size * 0.85, x1: x + w, y1: y + size * 0.15, size });
    x += w;
  }
  return out;
}

/** Glyphs of `s` spread from x to `right` (a justified line of body text). */
export function justified(s: string, x: number, right: number, y: number, size = 16): Glyph[] {
  const chars = [...s];
  const step = (right - x - size) / Math.max(chars.length - 1, 1);
  return chars.map((c, i) => ({
    c,
    x0: x + i * step,
    y0: y - size * 0.85,
    x1: x + i * step + size,
    y1: y + size * 0.15,
    size,
  }));
}

/** One character per line, top to bottom, from (x, first baseline y). */
export function column(s: string, x: number, y: number, size = 10, vertical = false): Glyph[] {
  return [...s].map((c, i) => ({
    c,
    x0: x,
    y0: y + i * size * 1.2 - size * 0.85,
    x1: x + size,
    y1: y + i * size * 1.2 + size * 0.15,
    size,
    ...(vertical ? { v: true } : {}),
  }));
}

export const hline = (x0: number, x1: number, y: number): Segment => ({ x0, y0: y, x1, y1: y });
export const vline = (x: number, y0: number, y1: number): Segment => ({ x0: x, y0, x1: x, y1 });

/** Every line of a grid, except the pieces `omit` names (`h:row,col` below cell row/col, `v:row,col` right of it). */
export function grid(xs: number[], ys: number[], omit: string[] = []): Segment[] {
  const out: Segment[] = [];
  const skip = new Set(omit);
  for (let r = 0; r < ys.length; r++)
    for (let c = 0; c + 1 < xs.length; c++)
      if (!skip.has(`h:${r - 1},${c}`)) out.push(hline(xs[c]!, xs[c + 1]!, ys[r]!));
  for (let c = 0; c < xs.length; c++)
    for (let r = 0; r + 1 < ys.length; r++)
      if (!skip.has(`v:${r},${c - 1}`)) out.push(vline(xs[c]!, ys[r]!, ys[r + 1]!));
  return out;
}

export function page(glyphs: Glyph[], segments: Segment[] = [], images = 0): PdfPage {
  return { width: 595, height: 842, glyphs, segments, images };
}

/** The rows of the tables in layout HTML: [[cell, …], …] per table. */
export function tablesOf(html: string): string[][][] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
    [...t[1]!.matchAll(/<tr>(.*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1]!)),
  );
}

export const paragraphsOf = (html: string): string[] => [...html.matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1]!);
