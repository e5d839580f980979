/**
 * PDF input: `importReport(bytes)` (or `importPdf(bytes)`) reads a published PDF with pdf.js, loaded
 * only here, when a PDF is given (a dynamic import: the viewer and importer scripts never carry it).
 *
 * Each page's operator list gives both the text, glyph by glyph with its box (positioned here as
 * pdf.js's canvas renderer would draw it, so that vertical writing and text set one character per
 * line keep every character), and the drawn lines (stroked paths, rectangle edges, thin filled
 * rectangles). `pdf-layout.ts` rebuilds the ruled tables from the lines and the paragraphs from the
 * text, as HTML that the HTML reader and the table placement of `importReport` read like a CMS
 * page. Diagnostics name the page instead of a line.
 *
 * A PDF without a text layer (a scan), with text whose fonts cannot be decoded, with a password,
 * or that is not a PDF gets an error diagnostic and no report, never a guess.
 */
import { importReport, type Diagnostic, type ImportOptions, type ImportResult, type ImportSource } from './index.js';
import { layoutPages, type Glyph, type PdfPage, type Segment } from './pdf-layout.js';
import { localeOption } from '../i18n/locale.js';
import { pdfStrings, type PdfParams } from '../i18n/import-pdf.js';
import { cMapUrl, loadLib, loadWorker, workerUrl } from './pdfjs-files.js';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** At most this many pages are read (a report has a handful; a larger file is cut with a warning). */
const MAX_PAGES = 200;
/** A PDF that takes longer than this to read is given up with an error. */
const TIMEOUT_MS = 60_000;

let lib: Promise<Pdfjs> | undefined;

/**
 * pdf.js's legacy build (it runs on Node 20 and in browsers), from `./pdfjs-files.ts` (the package in
 * Node, the copies in `dist/pdfjs/` in the npm and script-tag builds). Its worker side:
 * - in a browser, given the URL of the worker module (the builds): a `Worker` of its own, so that
 *   reading a PDF does not block the page (pdf.js falls back to running it in the page's thread when
 *   the worker cannot start, e.g. where a policy forbids workers);
 * - otherwise (Node; the unbundled source in a browser, e.g. through a bundler) the worker module runs in
 *   this thread: pdf.js uses `globalThis.pdfjsWorker` when it is set, with no file to locate.
 * In a browser, a worker the page has set up itself (`GlobalWorkerOptions.workerSrc` or `workerPort` of
 * the same pdf.js, or `globalThis.pdfjsWorker`) is left as it is.
 *
 * In Node, pdf.js's bundled polyfills replace a few built-ins that Node 20 already has
 * (Array.prototype.push, JSON.parse and JSON.stringify, Function.prototype.toString) with slower
 * copies; they are put back, so that reading one PDF does not slow down everything else in the process.
 */
function pdfjs(): Promise<Pdfjs> {
  return (lib ??= (async () => {
    const keep = (
      [
        [Array.prototype, 'push'],
        [JSON, 'parse'],
        [JSON, 'stringify'],
        [Function.prototype, 'toString'],
      ] as const
    ).map(([o, k]) => [o, k, Object.getOwnPropertyDescriptor(o, k)] as const);
    try {
      const m = (await loadLib()) as Pdfjs;
      const options = m.GlobalWorkerOptions;
      const g = globalThis as { pdfjsWorker?: unknown };
      const browser = typeof Worker === 'function';
      if (g.pdfjsWorker || (browser && (options.workerSrc || options.workerPort))) return m;
      if (browser && workerUrl) options.workerSrc = workerUrl;
      else g.pdfjsWorker = await loadWorker();
      return m;
    } finally {
      for (const [o, k, d] of keep) if (d) Object.defineProperty(o, k, d);
    }
  })().catch((e: unknown) => {
    lib = undefined;
    throw e;
  }));
}

type M = [number, number, number, number, number, number];
/** `m` then `n` (a point goes through m first). */
const mul = (m: ArrayLike<number>, n: ArrayLike<number>): M => [
  m[0]! * n[0]! + m[1]! * n[2]!,
  m[0]! * n[1]! + m[1]! * n[3]!,
  m[2]! * n[0]! + m[3]! * n[2]!,
  m[2]! * n[1]! + m[3]! * n[3]!,
  m[4]! * n[0]! + m[5]! * n[2]! + n[4]!,
  m[4]! * n[1]! + m[5]! * n[3]! + n[5]!,
];

interface FontInfo {
  vertical?: boolean;
  fontMatrix?: number[];
  defaultVMetrics?: number[];
  ascent?: number;
  descent?: number;
}

interface GlyphArg {
  unicode?: string;
  width?: number;
  vmetric?: number[];
  isSpace?: boolean;
}

interface State {
  ctm: M;
  font: FontInfo;
  fontSize: number;
  fontDirection: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  tm: M;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
  strokeWhite: boolean;
  fillWhite: boolean;
}

const VERTICAL_FORMS = /[\ufe10-\ufe19\ufe30-\ufe4f]/;
const WHITE = /^#(?:f[a-f0-9]){3}$/i;
const isWhite = (c: unknown) => typeof c === 'string' && WHITE.test(c);

/** The glyphs, lines and images of one page, from its operator list. */
function readOperators(
  O: Pdfjs['OPS'],
  fnArray: number[],
  argsArray: unknown[][],
  viewport: number[],
  fontOf: (name: string) => FontInfo,
): Omit<PdfPage, 'width' | 'height'> {
  const glyphs: Glyph[] = [];
  const segments: Segment[] = [];
  let images = 0;
  let s: State = {
    ctm: viewport.slice(0, 6) as M,
    font: {},
    fontSize: 0,
    fontDirection: 1,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
    tm: [1, 0, 0, 1, 0, 0],
    x: 0,
    y: 0,
    lineX: 0,
    lineY: 0,
    strokeWhite: false,
    fillWhite: false,
  };
  const stack: State[] = [];
  const moveText = (x: number, y: number) => {
    s.x = s.lineX += x;
    s.y = s.lineY += y;
  };
  const pushSeg = (ax: number, ay: number, bx: number, by: number) => {
    const c = s.ctm;
    const x0 = c[0] * ax + c[2] * ay + c[4];
    const y0 = c[1] * ax + c[3] * ay + c[5];
    const x1 = c[0] * bx + c[2] * by + c[4];
    const y1 = c[1] * bx + c[3] * by + c[5];
    if (Math.abs(y0 - y1) <= 1 || Math.abs(x0 - x1) <= 1)
      segments.push({ x0: Math.min(x0, x1), y0: Math.min(y0, y1), x1: Math.max(x0, x1), y1: Math.max(y0, y1) });
  };
  const path = (paint: number, data: ArrayLike<number>) => {
    const stroke =
      paint === O.stroke ||
      paint === O.closeStroke ||
      paint === O.fillStroke ||
      paint === O.eoFillStroke ||
      paint === O.closeFillStroke ||
      paint === O.closeEOFillStroke;
    const fill = !stroke && (paint === O.fill || paint === O.eoFill);
    if ((stroke && s.strokeWhite) || (fill && s.fillWhite) || (!stroke && !fill)) return;
    // Subpaths as point lists (curves keep only their end point: borders are straight).
    const subs: number[][] = [];
    let cur: number[] = [];
    for (let i = 0; i < data.length;) {
      const op = data[i++];
      if (op === 0) {
        if (cur.length) subs.push(cur);
        cur = [data[i]!, data[i + 1]!];
        i += 2;
      } else if (op === 1) {
        cur.push(data[i]!, data[i + 1]!);
        i += 2;
      } else if (op === 2) {
        cur.push(NaN, NaN, data[i + 4]!, data[i + 5]!);
        i += 6;
      } else if (op === 3) {
        cur.push(NaN, NaN, data[i + 2]!, data[i + 3]!);
        i += 4;
      } else if (op === 4) {
        if (cur.length >= 2) cur.push(cur[0]!, cur[1]!);
      } else break;
    }
    if (cur.length) subs.push(cur);
    for (const p of subs) {
      if (stroke) {
        for (let k = 2; k + 1 < p.length; k += 2) {
          if (Number.isNaN(p[k]!) || Number.isNaN(p[k - 2]!)) continue;
          pushSeg(p[k - 2]!, p[k - 1]!, p[k]!, p[k + 1]!);
        }
        continue;
      }
      // A filled rectangle: a border when thin, its edges when larger (a shaded cell).
      const xs: number[] = [];
      const ys: number[] = [];
      for (let k = 0; k + 1 < p.length; k += 2) {
        if (Number.isNaN(p[k]!)) continue;
        const c = s.ctm;
        xs.push(c[0] * p[k]! + c[2] * p[k + 1]! + c[4]);
        ys.push(c[1] * p[k]! + c[3] * p[k + 1]! + c[5]);
      }
      if (xs.length < 4 || xs.length > 6) continue;
      const x0 = Math.min(...xs);
      const x1 = Math.max(...xs);
      const y0 = Math.min(...ys);
      const y1 = Math.max(...ys);
      // Only axis-aligned rectangles: every corner on the box.
      if (
        !xs.every(
          (x, k) =>
            (Math.abs(x - x0) < 0.5 || Math.abs(x - x1) < 0.5) &&
            (Math.abs(ys[k]! - y0) < 0.5 || Math.abs(ys[k]! - y1) < 0.5),
        )
      )
        continue;
      const push = (a: number, b: number, c: number, d: number) => segments.push({ x0: a, y0: b, x1: c, y1: d });
      if (y1 - y0 <= 2.5 && x1 - x0 > y1 - y0) push(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
      else if (x1 - x0 <= 2.5 && y1 - y0 > x1 - x0) push((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
      else {
        push(x0, y0, x1, y0);
        push(x0, y1, x1, y1);
        push(x0, y0, x0, y1);
        push(x1, y0, x1, y1);
      }
    }
  };
  const show = (items: Array<GlyphArg | number | null>) => {
    const font = s.font;
    const fs = s.fontSize;
    if (!fs) return;
    const fm = font.fontMatrix ?? [0.001, 0, 0, 0.001, 0, 0];
    const vertical = !!font.vertical;
    const hScale = s.hScale * s.fontDirection;
    const adv = fs * (fm[0] ?? 0.001);
    const asc = Math.min(Math.max(font.ascent ?? 0.85, 0.5), 1.2);
    const desc = Math.max(Math.min(font.descent ?? -0.15, 0), -0.5);
    const full = mul(s.tm, s.ctm);
    const box = (ax: number, ay: number, bx: number, by: number) => {
      const px = [ax, bx, ax, bx];
      const py = [ay, ay, by, by];
      let x0 = Infinity;
      let y0 = Infinity;
      let x1 = -Infinity;
      let y1 = -Infinity;
      for (let k = 0; k < 4; k++) {
        const x = full[0] * px[k]! + full[2] * py[k]! + full[4];
        const y = full[1] * px[k]! + full[3] * py[k]! + full[5];
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
      return { x0, y0, x1, y1 };
    };
    const size = fs * Math.hypot(full[2], full[3]);
    let x = 0;
    for (const g of items) {
      if (typeof g === 'number') {
        x += ((vertical ? 1 : -1) * g * fs) / 1000;
        continue;
      }
      if (!g) continue;
      const spacing = (g.isSpace ? s.wordSpacing : 0) + s.charSpacing;
      let width = g.width ?? 0;
      let text = g.isSpace ? ' ' : (g.unicode ?? '');
      // Vertical presentation forms (︑ ︒ ︵ …) are the ordinary punctuation turned for vertical writing.
      if (VERTICAL_FORMS.test(text)) text = text.normalize('NFKC');
      if (vertical) {
        const vm = g.vmetric ?? font.defaultVMetrics;
        const vx = -(g.vmetric ? vm![1]! : width * 0.5) * adv;
        const vy = (vm ? vm[2]! : 880) * adv;
        width = vm ? -vm[0]! : width;
        const px = s.x + vx * hScale;
        const py = s.y + s.rise - (x + vy);
        if (text) glyphs.push({ c: text, ...box(px, py + desc * fs, px + fs * hScale, py + asc * fs), size, v: true });
        x += width * adv - spacing * s.fontDirection;
      } else {
        const px = s.x + x * hScale;
        const py = s.y + s.rise;
        if (text) glyphs.push({ c: text, ...box(px, py + desc * fs, px + width * adv * hScale, py + asc * fs), size });
        x += width * adv + spacing * s.fontDirection;
      }
    }
    if (vertical) s.y -= x;
    else s.x += x * hScale;
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const a = argsArray[i] ?? [];
    switch (fn) {
      case O.save:
        stack.push({ ...s });
        break;
      case O.restore:
        s = stack.pop() ?? s;
        break;
      case O.transform:
        s.ctm = mul(a as number[], s.ctm);
        break;
      case O.paintFormXObjectBegin:
        stack.push({ ...s });
        if (Array.isArray(a[0]) || ArrayBuffer.isView(a[0])) s.ctm = mul(a[0] as number[], s.ctm);
        break;
      case O.paintFormXObjectEnd:
        s = stack.pop() ?? s;
        break;
      case O.setStrokeRGBColor:
        s.strokeWhite = isWhite(a[0]);
        break;
      case O.setFillRGBColor:
        s.fillWhite = isWhite(a[0]);
        break;
      case O.setStrokeColorN:
      case O.setStrokeGray:
      case O.setStrokeCMYKColor:
        s.strokeWhite = false;
        break;
      case O.setFillColorN:
      case O.setFillGray:
      case O.setFillCMYKColor:
        s.fillWhite = false;
        break;
      case O.constructPath: {
        const d = (a[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | null | undefined;
        if (d) path(a[0] as number, d);
        break;
      }
      case O.beginText:
        s.tm = [1, 0, 0, 1, 0, 0];
        s.x = s.y = s.lineX = s.lineY = 0;
        break;
      case O.setTextMatrix:
        s.tm = Array.from(a[0] as ArrayLike<number>) as M;
        s.x = s.y = s.lineX = s.lineY = 0;
        break;
      case O.moveText:
        moveText(a[0] as number, a[1] as number);
        break;
      case O.setLeadingMoveText:
        s.leading = a[1] as number;
        moveText(a[0] as number, a[1] as number);
        break;
      case O.nextLine:
        moveText(0, s.leading);
        break;
      case O.setLeading:
        s.leading = -(a[0] as number);
        break;
      case O.setCharSpacing:
        s.charSpacing = a[0] as number;
        break;
      case O.setWordSpacing:
        s.wordSpacing = a[0] as number;
        break;
      case O.setHScale:
        s.hScale = (a[0] as number) / 100;
        break;
      case O.setTextRise:
        s.rise = a[0] as number;
        break;
      case O.setFont: {
        let size = a[1] as number;
        s.fontDirection = size < 0 ? -1 : 1;
        if (size < 0) size = -size;
        s.fontSize = size;
        s.font = fontOf(a[0] as string);
        break;
      }
      case O.showText:
        show(a[0] as Array<GlyphArg | number | null>);
        break;
      case O.paintImageXObject:
      case O.paintInlineImageXObject:
      case O.paintInlineImageXObjectGroup:
      case O.paintImageXObjectRepeat:
      case O.paintImageMaskXObject:
      case O.paintImageMaskXObjectGroup:
      case O.paintImageMaskXObjectRepeat:
        images++;
        break;
    }
  }
  return { glyphs, segments, images };
}

/**
 * The PDF with the font programs of its fonts that map every character to Unicode (a /ToUnicode
 * table) left unreferenced: `/FontFile2` becomes `/FontFilx2`, same length, so every offset stays
 * valid. pdf.js then takes the text from /ToUnicode and the widths from /W or /Widths, as it does
 * with an embedded font, without parsing and repairing the embedded TrueType programs, which cost
 * three quarters of the reading time (published reports embed several CJK fonts, each with tens of
 * thousands of glyph slots). A font without /ToUnicode keeps its program: its characters can only be
 * read through it. Objects inside compressed object streams are left as they are (read the slow way).
 */
export function withoutFontPrograms(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes);
  if (bytes.length > 100_000_000) return out;
  // One character per byte (only ASCII is matched; offsets are byte offsets).
  const s =
    typeof Buffer !== 'undefined'
      ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
      : new TextDecoder('latin1').decode(bytes);
  /** The object around `at` ("12 0 obj" before it, no "stream" keyword between): its id and dictionary. */
  const objectAt = (at: number): { id: string; dict: string; start: number } | undefined => {
    const o = s.lastIndexOf('obj', at);
    if (o < 0) return undefined;
    const m = /(\d+)\s+(\d+)\s+$/.exec(s.slice(Math.max(0, o - 24), o));
    const between = s.slice(o, at);
    if (!m || between.includes('stream') || between.includes('endobj')) return undefined;
    const end = s.indexOf('endobj', at);
    const stream = s.indexOf('stream', at);
    const stop = Math.min(end < 0 ? s.length : end, stream < 0 ? s.length : stream);
    return { id: `${m[1]} ${m[2]}`, dict: s.slice(o + 3, stop), start: o + 3 };
  };
  const refOf = (dict: string, key: string) => {
    const m = new RegExp(`/${key}\\s*(\\d+)\\s+(\\d+)\\s+R`).exec(dict);
    return m ? `${m[1]} ${m[2]}` : undefined;
  };
  const occurrences = (token: string) => {
    const at: number[] = [];
    for (let i = s.indexOf(token); i >= 0 && at.length < 10000; i = s.indexOf(token, i + token.length)) at.push(i);
    return at;
  };
  // CID fonts whose Type0 parent has /ToUnicode.
  const mappedChildren = new Set<string>();
  for (const at of occurrences('/DescendantFonts')) {
    const o = objectAt(at);
    const child = o && /\/DescendantFonts\s*\[\s*(\d+)\s+(\d+)\s+R/.exec(o.dict);
    if (o && child && /\/ToUnicode\b/.test(o.dict)) mappedChildren.add(`${child[1]} ${child[2]}`);
  }
  // Font descriptor → every font that uses it maps its characters to Unicode.
  const mapped = new Map<string, boolean>();
  for (const at of occurrences('/FontDescriptor')) {
    const o = objectAt(at);
    const d = o && refOf(o.dict, 'FontDescriptor');
    if (!o || !d || !/\/Type\s*\/Font\b/.test(o.dict)) continue;
    const unicode = /\/ToUnicode\b/.test(o.dict) || mappedChildren.has(o.id);
    mapped.set(d, (mapped.get(d) ?? true) && unicode);
  }
  for (const at of occurrences('/FontFile')) {
    const o = objectAt(at);
    if (o && mapped.get(o.id) === true) out[at + 8] = 0x78; // /FontFile → /FontFilx
  }
  return out;
}

export class PdfError extends Error {
  constructor(
    readonly code: 'pdf-invalid' | 'pdf-password' | 'pdf-timeout',
    readonly detail = '',
  ) {
    super(code);
  }
}

/** Every page of the PDF (at most `MAX_PAGES`), read from its operator lists (`fontPrograms`: parse every embedded font). */
export async function readPages(
  bytes: Uint8Array,
  { fontPrograms = false, timeoutMs = TIMEOUT_MS } = {},
): Promise<{ pages: PdfPage[]; total: number }> {
  const lib = await pdfjs();
  // CMaps: fetched in a browser; read from the file system in Node, which takes a path.
  let cMaps = cMapUrl();
  if (cMaps?.startsWith('file:')) cMaps = decodeURIComponent(new URL(cMaps).pathname).replace(/^\/([A-Za-z]:\/)/, '$1');
  // pdf.js takes the buffer over (it is transferred to its worker side): it gets a copy.
  const task = lib.getDocument({
    ...(cMaps ? { cMapUrl: cMaps, cMapPacked: true } : {}),
    data: fontPrograms ? new Uint8Array(bytes) : withoutFontPrograms(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfError('pdf-timeout')), timeoutMs);
  });
  try {
    const work = (async () => {
      const doc = await task.promise;
      const pages: PdfPage[] = [];
      const n = Math.min(doc.numPages, MAX_PAGES);
      for (let p = 1; p <= n; p++) {
        const page = await doc.getPage(p);
        const vp = page.getViewport({ scale: 1 });
        const ops = await page.getOperatorList();
        const fontOf = (name: string): FontInfo => {
          try {
            return (page.commonObjs.has(name) ? page.commonObjs.get(name) : {}) as FontInfo;
          } catch {
            return {};
          }
        };
        const read = readOperators(lib.OPS, ops.fnArray, ops.argsArray as unknown[][], vp.transform, fontOf);
        pages.push({ width: vp.width, height: vp.height, ...read });
        page.cleanup();
      }
      return { pages, total: doc.numPages };
    })();
    // When the timeout wins, the reading still under way ends in a rejection once pdf.js is destroyed.
    work.catch(() => {});
    return await Promise.race([work, timeout]);
  } catch (e) {
    if (e instanceof PdfError) throw e;
    const name = (e as { name?: string } | null)?.name ?? '';
    const msg = (e as { message?: string } | null)?.message ?? String(e);
    if (name === 'PasswordException') throw new PdfError('pdf-password');
    throw new PdfError('pdf-invalid', msg);
  } finally {
    clearTimeout(timer);
    void task.destroy().catch(() => {});
  }
}

const isPrivateUse = (c: string) => {
  const code = c.codePointAt(0) ?? 0;
  return (code >= 0xe000 && code <= 0xf8ff) || code === 0xfffd || code < 0x20;
};

/**
 * Read a published report from the bytes of a PDF: the same result as `importReport` on its text,
 * with diagnostics located by `page` (1-based) instead of a line. Never throws on bad input.
 */
export async function importPdf(input: Uint8Array | ArrayBuffer, options: ImportOptions = {}): Promise<ImportResult> {
  const m = pdfStrings(localeOption(options));
  const diagnostics: Diagnostic[] = [];
  const diag = <C extends keyof PdfParams>(level: Diagnostic['level'], code: C, p: PdfParams[C]) =>
    diagnostics.push({ level, code, message: m[code](p) });
  const bytes = ArrayBuffer.isView(input)
    ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
    : new Uint8Array(input);
  if (!bytes.length) return importReport('', options);
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) {
    diag('error', 'pdf-not-pdf', {});
    return { report: undefined, diagnostics };
  }
  let pages: PdfPage[];
  try {
    const r = await readPages(bytes);
    pages = r.pages;
    if (r.total > pages.length) diag('warning', 'pdf-pages-cut', { total: r.total, limit: pages.length });
  } catch (e) {
    const err = e instanceof PdfError ? e : new PdfError('pdf-invalid', String(e));
    diag('error', err.code, { detail: err.detail.slice(0, 120), seconds: TIMEOUT_MS / 1000 });
    return { report: undefined, diagnostics };
  }
  // Text to read at all: no text layer (a scan), or fonts whose characters have no Unicode.
  let chars = 0;
  let undecodable = 0;
  for (const p of pages)
    for (const g of p.glyphs) {
      if (!g.c.trim()) continue;
      chars++;
      if (isPrivateUse(g.c)) undecodable++;
    }
  if (!chars) {
    diag('error', 'pdf-no-text', { pages: pages.length, images: pages.some((p) => p.images) });
    return { report: undefined, diagnostics };
  }
  if (undecodable > chars * 0.2) {
    diag('error', 'pdf-no-unicode', { share: Math.round((undecodable / chars) * 100) });
    return { report: undefined, diagnostics };
  }
  const layout = layoutPages(pages);
  if (layout.imageOnlyPages.length) diag('warning', 'pdf-pages-without-text', { pages: layout.imageOnlyPages });
  if (!layout.tables) diag('info', 'pdf-no-tables', {});
  const r = importReport(layout.html, { ...options, type: 'html', maxLength: Infinity });
  for (const d of r.diagnostics) {
    const page = d.line ? layout.linePages[d.line - 1] : undefined;
    const { line: _line, offset: _offset, ...rest } = d;
    diagnostics.push(page ? { ...rest, page } : rest);
  }
  if (r.report) {
    // Lines of the text laid out from the pages mean nothing to a reader of the PDF: pages instead.
    const pageOf = (at: { line?: number; page?: number }) => {
      const page = at.line ? layout.linePages[at.line - 1] : undefined;
      delete at.line;
      if (page) at.page = page;
    };
    const source = (r.report as unknown as { source: ImportSource }).source;
    source.layout = 'pdf';
    if (source.end) pageOf(source.end);
    for (const [cell, gap] of Object.entries(source.unread ?? {})) pageOf((source.unread![cell] = { ...gap }));
  }
  return { report: r.report, diagnostics };
}
