/**
 * `importReport(input)`: a published 政府信息公开工作年度报告 (HTML page, flattened text, PDF text)
 * → REPORT-JSON, rule-based and deterministic (no network, no DOM, no Node APIs: runs in Node and
 * browsers). Returns the report and located diagnostics; never throws on bad input.
 *
 * The report carries one extra top-level key, `source`, that records how it was read:
 * `{ layout, labels, end? }` where `labels` maps a row path (`proactive.normativeDocuments`), a
 * column key (`proactive.inForce`) or a section (`section:appeals`) to the label as published
 * where it differs from the official wording (the LABEL rule reads it), and `end` says where a
 * partial document stops.
 */
import {
  SECTIONS,
  TABLE_IDS,
  getLayout,
  gridCells,
  type Format,
  type OtherHandlingShape,
  type SectionId,
  type TableId,
} from '../model/layout.js';
import type { Report } from '../model/report.js';
import { readHtml, looksLikeHtml } from './html.js';
import { readText, type Seg } from './text.js';
import { GLUED } from './glued-table.js';
import { matchRow, SECTION_PATTERNS, tableSpec, type RowSpec, type TableSpec } from './labels.js';
import { normLabel, isValueText } from './normalize.js';
import { readTable, rowPaths, type CellOut, type Gap, type GluedReader, type TableRead } from './tables.js';
import { say, type Diagnostic, type DiagFn, type DiagnosticMessages } from './messages.js';
import type { Item } from './items.js';
import { localeOption, type Locale } from '../i18n/locale.js';
import { importStrings } from '../i18n/import.js';

export type { Diagnostic, DiagnosticLevel } from './messages.js';
export { readCell, normLabel } from './normalize.js';

export interface ImportOptions {
  /**
   * Language of the diagnostics: `zh-CN` (default) or `en`; another value is read as a `lang` attribute
   * is (`en-US` is `en`, anything not English is zh-CN).
   */
  locale?: Locale;
  /** Treat the input as HTML or text; detected when omitted. */
  type?: 'html' | 'text';
  /** Read at most this many characters (default 10,000,000); larger inputs are cut with a warning. */
  maxLength?: number;
}

/** How the report was read (the `source` key of an imported report). */
export interface ImportSource {
  layout: 'html' | 'lines' | 'blank-lines' | 'pipe-cells' | 'pipe-rows' | 'tab-rows' | 'pdf-text' | 'glued' | 'pdf';
  /** Published labels that differ from the official ones, by row path, `table.column` or `section:id`. */
  labels: Record<string, string>;
  /** Where a partial document ends. */
  end?: { table?: TableId; row?: string; line?: number; page?: number };
  /**
   * Cells left null because the importer could not read them (an import gap, not the publisher's
   * blank): cell path → the import diagnostic's code and the line (in a PDF: the page). BLANK does not
   * report them.
   */
  unread?: Record<string, Gap>;
  /**
   * The equations used to split glued digit runs (rule id and cells): used to read the text, they
   * cannot also check it, so validate() reports them as skipped.
   */
  splitWith?: Array<{ rule: string; cells: string[] }>;
}

export interface ImportResult {
  /** The report; `undefined` only when nothing of a report was found (see diagnostics). */
  report: Report | undefined;
  diagnostics: Diagnostic[];
}

type Block = { section: SectionId | 'front'; heading?: Item; items: Item[] };

/** Readers of the text layouts (flattened text, PDF text, glued digit runs). */
interface TextReaders {
  readText: typeof readText;
  glued: GluedReader;
}

export function importReport(input: string, options: ImportOptions = {}): ImportResult {
  return importWith(input, options, { readText, glued: GLUED });
}

/**
 * `importReport` for HTML only (the light-DOM importer reads an element's HTML): the readers of the
 * text layouts and of glued digit runs are left out of its bundle.
 */
export function importHtml(input: string, options: ImportOptions = {}): ImportResult {
  return importWith(input, { ...readOptions(options), type: 'html' });
}

/** The options as given, or none when they cannot be read (null, a Proxy or getter that throws). */
function readOptions(options: ImportOptions): ImportOptions {
  try {
    return { ...options };
  } catch {
    return {};
  }
}

function importWith(input: string, given: ImportOptions, text?: TextReaders): ImportResult {
  const options = readOptions(given);
  const locale = localeOption(options);
  // The glued-run messages come with their reader (the HTML-only bundle has neither: it never says them).
  const m = { ...importStrings(locale), ...text?.glued.strings(locale) } as DiagnosticMessages;
  const diagnostics: Diagnostic[] = [];
  const diag: DiagFn<{ line: number; offset: number }> = (level, code, p, at, cells) =>
    diagnostics.push({
      level,
      code,
      message: say(m, code, p),
      ...(at ? { line: at.line, offset: at.offset } : {}),
      ...(cells?.length ? { cells } : {}),
    });

  if (typeof input !== 'string' || !input.trim()) {
    diag('error', 'empty-input', {});
    return { report: undefined, diagnostics };
  }
  if (isBinary(input)) {
    diag('error', 'binary-input', {});
    return { report: undefined, diagnostics };
  }
  const limit = options.maxLength ?? 10_000_000;
  if (input.length > limit) {
    diag('warning', 'truncated-input', { size: input.length, limit });
    input = input.slice(0, limit);
  }
  if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);

  // 1. Items and the layout.
  const html = !text || (options.type ? options.type === 'html' : looksLikeHtml(input));
  let items: Item[];
  let segs: Seg[] | undefined;
  let layout: ImportSource['layout'];
  let htmlTitle: string | undefined;
  if (html) {
    const r = readHtml(input);
    items = r.items;
    htmlTitle = r.title;
    layout = 'html';
  } else {
    const r = text!.readText(input);
    items = r.items;
    segs = r.segs;
    const s = r.stats;
    const cellLines = s.cells + s.blank;
    layout = s.glued
      ? 'glued'
      : s.tabRows > 10
        ? 'tab-rows'
        : s.pipeRows > 10
          ? 'pipe-rows'
          : s.pipeCells > 10
            ? 'pipe-cells'
            : s.spaceRows > 10
              ? 'pdf-text'
              : s.blank > cellLines * 0.3
                ? 'blank-lines'
                : 'lines';
    // One cell per line: a line of several numbers ("12 3") is one cell holding more than one number.
    if (/lines/.test(layout) && r.numberLines.size) {
      const lines = r.numberLines;
      const kept = r.items.filter((it, k) => !lines.has(it.seg) || r.items[k - 1]?.seg !== it.seg);
      for (const it of kept)
        if (lines.has(it.seg)) Object.assign(it, { kind: 'cell', text: r.segs[it.seg]!.text.trim() });
      items = kept;
    }
  }
  const glued = layout === 'glued' ? text!.glued : undefined;
  // A text that ends right after a digit may end inside a number ("1362" cut to "1"): its last value is not data.
  if (/\d$/.test(input))
    for (let i = items.length - 1; i >= 0; i--) {
      const it = items[i]!;
      if (it.kind !== 'cell') continue;
      if (/^[\d\s.,+-]*\d$/.test(it.text.trim())) it.cut = true;
      break;
    }

  // 2. Sections.
  const blocks = splitSections(items, layout === 'glued');
  const found = new Map(blocks.map((b) => [b.section, b] as const));
  const source: ImportSource = { layout, labels: {} };
  for (const b of blocks) {
    if (b.section === 'front' || !b.heading) continue;
    const sec = SECTIONS.find((s) => s.id === b.section)!;
    const t = normLabel(b.heading.text);
    const official = normLabel(sec.heading.zh);
    if (!t.startsWith(official)) {
      // splitSections matched this heading (or its run-in prefix) with the same pattern.
      const label = SECTION_PATTERNS[sec.id].exec(t)![0];
      source.labels[`section:${sec.id}`] = label;
      diag('warning', 'heading-variant', { number: sec.number, found: label, heading: sec.heading.zh }, b.heading);
    }
  }

  // Tables without headings: a document that is only a table (or HTML with the headings elsewhere).
  const anyTable = TABLE_IDS.some((t) => found.has(t));
  if (!anyTable && !found.has('overview')) {
    // Try to find table rows anywhere.
    const probe = readTable(items, tableSpec('2021', 'group', 'applications'), { m, diagnostics: [], glued });
    if (probe.anchored < 3) {
      diag('error', 'no-report', {});
      return { report: undefined, diagnostics };
    }
    found.set('applications', { section: 'applications', items });
  }

  // 3. Format and shape.
  const frontItems = found.get('front')?.items ?? [];
  const firstHeading = blocks[1]?.heading as (Item & { seg?: number }) | undefined;
  const metaText = segs
    ? segs
        .slice(0, firstHeading?.seg ?? Math.min(segs.length, 20))
        .map((s) => s.text.trim())
        .join('\n')
    : frontItems.map((i) => i.text).join('\n');
  const allText = segs ? segs.map((s) => s.text).join('\n') : items.map((i) => i.text).join('\n');
  const year = findYear(metaText, htmlTitle, allText);
  const proItems = found.get('proactive')?.items ?? [];
  const format = detectFormat(proItems, year);
  const appItems = found.get('applications')?.items;
  const shape = appItems ? detectShape(appItems, format) : format === '2019' ? 'row' : 'group';

  // 4. Tables.
  const reads = new Map<TableId, TableRead>();
  for (const id of TABLE_IDS) {
    const b = found.get(id);
    if (!b) continue;
    const spec = tableSpec(format, shape, id);
    // Blank lines: separators with empty cells as extra blank lines (blank-lines), empty cells
    // (one cell per line), or nothing (rows delimited by | or spaces, HTML).
    const blockItems =
      layout === 'blank-lines' || hasBlankRuns(b.items)
        ? blankCells(b.items)
        : layout === 'lines'
          ? b.items.map((i) => (i.kind === 'blank' ? { ...i, kind: 'cell' as const, text: '' } : i))
          : b.items.filter((i) => i.kind !== 'blank');
    reads.set(id, readTable(blockItems, spec, { m, diagnostics, glued, unaligned: layout === 'pdf-text' }));
  }

  // 5. The report.
  const report: Record<string, unknown> = { schemaVersion: 1, format };
  if (year) report['year'] = year;
  else diag('error', 'year-missing', {});
  const meta = findMeta(metaText, htmlTitle, allText, year);
  if (meta.agency) report['agency'] = { name: meta.agency };
  else diag('warning', 'agency-missing', {});
  if (meta.title) report['title'] = meta.title;
  else diag('info', 'title-missing', {});
  if (meta.date) report['publishedOn'] = meta.date;
  const sections: Record<string, string> = {};
  for (const id of ['overview', 'problems', 'other'] as const) {
    const b = found.get(id);
    if (b) sections[id] = prose(b, segs, layout === 'pdf-text', id === 'other' ? meta.agency : undefined);
  }
  if (Object.keys(sections).length) report['sections'] = sections;

  const cellKeys = tableCellKeys(format, shape);
  for (const id of TABLE_IDS) {
    const r = reads.get(id);
    if (!r) continue;
    const obj: Record<string, unknown> = {};
    for (const [path, keys] of cellKeys[id]) setPath(obj, keys, r.values.has(path) ? r.values.get(path)! : null);
    if (r.extras.length) obj['extras'] = r.extras;
    Object.assign(source.labels, r.labels);
    if (r.splitWith.length) (source.splitWith ??= []).push(...r.splitWith);
    report[id] = obj;
  }

  // 6. What is missing, and where a partial document ends.
  reportMissing(found, reads, format, shape, diag, source);
  report['source'] = source;
  // The layout is in source.layout; the format is worth a note only when the tables mix formats.
  const mixed = format === '2021' && shape === 'row';
  const mixed19 = format === '2019' && shape === 'group';
  if (mixed || mixed19) {
    diag('info', 'format', { format, shape });
  }
  return { report: report as unknown as Report, diagnostics };
}

function isBinary(s: string): boolean {
  const n = Math.min(s.length, 4096);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c < 9 || (c > 13 && c < 32)) && c !== 27) bad++;
    else if (c === 0xfffd) bad++;
  }
  return bad > n * 0.05 || s.slice(0, n).includes('\u0000');
}

/** Split items at the six section headings (in order; a heading counts once). */
function splitSections(items: Item[], glued: boolean): Block[] {
  const blocks: Block[] = [{ section: 'front', items: [] }];
  let next = 0;
  for (const item of items) {
    if (item.kind === 'cell' && item.text.length <= 2000) {
      const t = normLabel(item.text);
      for (let s = next; s < SECTIONS.length; s++) {
        const sec = SECTIONS[s]!;
        const m = SECTION_PATTERNS[sec.id].exec(t);
        if (!m) continue;
        // The whole item is the heading unless text follows it (after a separator, or a sentence).
        const after = item.text.slice(rawPrefixLength(item.text, m[0].length));
        // (glued text: any text after the heading is its section's, the official headings are cut out already)
        const runIn = glued
          ? !!after.trim()
          : /^[\s:：]+\S/.test(after)
            ? after.trim().length > 1
            : after.replace(/^[，,。.]/, '').length >= 12;
        if (!runIn && (t.length <= 45 || glued)) {
          blocks.push({ section: sec.id, heading: item, items: [] });
          next = s + 1;
          break;
        }
        // A heading run in with its paragraph ("<p><b>一、总体情况</b>2021年，…</p>"): split it.
        const cut = rawPrefixLength(item.text, m[0].length);
        const rest = item.text.slice(cut).replace(/^[\s:：。.]+/, '');
        if (cut > 0 && rest) {
          const heading = { ...item, text: item.text.slice(0, cut).trim() };
          blocks.push({ section: sec.id, heading, items: [{ ...item, text: rest }] });
          next = s + 1;
        }
        break;
      }
      if (
        blocks[blocks.length - 1]!.heading?.offset === item.offset &&
        blocks[blocks.length - 1]!.heading?.line === item.line
      )
        continue;
    }
    blocks[blocks.length - 1]!.items.push(item);
  }
  return blocks;
}

/** The length of the shortest prefix of `raw` whose normalized form has `n` characters. */
function rawPrefixLength(raw: string, n: number): number {
  for (let k = n; k <= raw.length && k <= n * 3 + 10; k++) if (normLabel(raw.slice(0, k)).length >= n) return k;
  return 0;
}

function hasBlankRuns(items: Item[]): boolean {
  let cells = 0;
  let followed = 0;
  for (let i = 0; i < items.length - 1; i++) {
    if (items[i]!.kind !== 'cell') continue;
    cells++;
    if (items[i + 1]!.kind === 'blank') followed++;
  }
  return cells > 6 && followed >= cells * 0.8;
}

/** Blank-line layouts: one blank line separates cells; each further blank line is an empty cell. */
function blankCells(items: Item[]): Item[] {
  const out: Item[] = [];
  let run = 0;
  let first: Item | undefined;
  const flush = () => {
    for (let k = 1; k < run; k++) out.push({ kind: 'cell', text: '', line: first!.line + k, offset: first!.offset });
    run = 0;
  };
  for (const it of items) {
    if (it.kind === 'blank') {
      if (!run) first = it;
      run++;
      continue;
    }
    if (run) {
      // Empty cells only between cells (not before the first).
      if (out.length) flush();
      else run = 0;
    }
    out.push(it);
  }
  return out;
}

const SIGNALS_2019 = [
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '上一年项目数量',
  '本年增/减',
  '其他对外管理服务事项',
  '政府集中采购',
  '采购项目数量',
  '采购总金额',
  '第二十条第(九)项',
];
const SIGNALS_2021 = ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额', '本年处理决定数量'];

function detectFormat(items: Item[], year: number | undefined): Format {
  const text = items.map((i) => normLabel(i.text)).join('|');
  const a = SIGNALS_2019.filter((s) => text.includes(s)).length;
  const b = SIGNALS_2021.filter((s) => text.includes(s)).length;
  if (a > b) return '2019';
  if (b > a) return '2021';
  if (year) return year >= 2021 ? '2021' : '2019';
  return '2021';
}

const subRowsCache = new Map<Format, RowSpec[]>();
/** The 2021 sub-rows of （六） that have distinctive labels (not 3.其他), cached so matches are too. */
function otherHandlingSubRows(format: Format): RowSpec[] {
  let rows = subRowsCache.get(format);
  if (!rows) {
    rows = tableSpec(format, 'group', 'applications').rows.filter(
      (r) => r.path.startsWith('applications.otherHandling.') && !r.path.endsWith('.other'),
    );
    subRowsCache.set(format, rows);
  }
  return rows;
}

/** （六）其他处理: one row with its own numbers, or a group of three sub-rows. */
function detectShape(items: Item[], format: Format): OtherHandlingShape {
  const subRows = otherHandlingSubRows(format);
  let rowVotes = 0;
  let groupVotes = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.kind !== 'cell') continue;
    const t = normLabel(it.text);
    if (/^(\(六\))?其他处理$/.test(t) || /\(六\)其他处理$/.test(t)) {
      // Numbers right after the label (same row or next cells) → a row of its own.
      let j = i + 1;
      while (j < items.length && (items[j]!.kind === 'blank' || items[j]!.kind === 'bar')) j++;
      const nx = items[j];
      // (a number, or a blank marker such as the 未填 of renderStaticHtml)
      if (nx && nx.kind === 'cell' && normLabel(nx.text) !== '' && isValueText(nx.text)) rowVotes += 2;
      else if (nx && nx.kind === 'cell' && /^\s*$/.test(nx.text)) rowVotes += 1;
    } else if (t.length >= 6) {
      const m = matchRow(it.text, subRows);
      if (m && m.score >= 0.5) groupVotes += 2;
    }
  }
  if (rowVotes > groupVotes) return 'row';
  if (groupVotes > rowVotes) return 'group';
  return format === '2019' ? 'row' : 'group';
}

function findYear(front: string, htmlTitle: string | undefined, all: string): number | undefined {
  const pick = (re: RegExp, s: string | undefined) => {
    const m = s ? re.exec(s.normalize('NFKC')) : null;
    return m ? Number(m[1]) : undefined;
  };
  const titleRe = /((?:19|20)\d\d)\s*年度?\s*(?:政府信息公开|政务公开|信息公开)(?:工作)?年度?报告?/;
  return (
    pick(titleRe, front) ??
    pick(titleRe, htmlTitle) ??
    pick(titleRe, all.slice(0, 3000)) ??
    pick(/统计期限.{0,8}?((?:19|20)\d\d)\s*年/, all) ??
    pick(/((?:19|20)\d\d)\s*年度?(?:政府信息公开|政务公开)/, all) ??
    pick(/((?:19|20)\d\d)\s*年/, all.slice(0, 5000))
  );
}

interface Meta {
  agency?: string;
  title?: string;
  date?: string;
}

function findMeta(front: string, htmlTitle: string | undefined, all: string, year: number | undefined): Meta {
  const meta: Meta = {};
  const lines = front
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const titleRe =
    /([^\s，。,：:;；《》()（）]{0,40}?)\s*((?:19|20)\d\d)\s*年度?\s*(政府信息公开(?:工作)?年度?报告|政务公开(?:工作)?年度?报告|政府信息公开工作年报)/;
  // A title names the report, not a notice about reports quoted in the prose (《…关于做好2019年政府信息
  // 公开工作年度报告编制…的通知》): nothing of a sentence before it, nothing but punctuation after it.
  const title = (line: string) => {
    const t = titleRe.exec(line.normalize('NFKC'));
    return t &&
      !NOT_AGENCY.test(t[1]!) &&
      line[t.index - 1] !== '《' &&
      !/^[\p{Script=Han}《》]/u.test(line.slice(t.index + t[0].length))
      ? t
      : null;
  };
  let m: RegExpExecArray | null = null;
  for (let i = 0; i < Math.min(lines.length, 12) && !m; i++) {
    m = title(lines[i]!);
    if (m && !m[1] && i > 0 && lines[i - 1]!.length <= 30 && !/[:：\d]/.test(lines[i - 1]!)) {
      // Title on two lines: agency, then "2023 年政府信息公开工作年度报告".
      m = title(lines[i - 1]! + lines[i]!.normalize('NFKC')) ?? m;
    }
  }
  if (!m && htmlTitle) m = title(htmlTitle);
  if (m) {
    const agency = m[1]!.replace(/^(关于|发布)/, '');
    meta.title = `${agency}${m[2]}年${m[3]}`.replace(/\s+/g, '');
    if (agency) meta.agency = expandAgency(agency, all);
  }
  // Else the signature at the end (机关名称 and date); a CMS metadata cell only when it names no sub-office.
  meta.agency ??= signature(all);
  if (!meta.agency) {
    const src = /(?:信息来源|来源|发布机构|发布单位)\s*[:：]\s*([^\s:：|]{3,30}?)(?:\s|发布|$)/.exec(front);
    if (src && !/(办公室|办|科|股|室|中心|组)$/.test(src[1]!)) meta.agency = src[1];
  }
  // Date: the date signed at the end of the report, else the page's 发布日期.
  const tail = all.slice(-400).normalize('NFKC');
  const sig = /((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[\s\u00a0]*$/.exec(tail.replace(/[-—\s\d]*$/, ''));
  const pub = /发布(?:日期|时间)\s*[:：]?\s*((?:19|20)\d\d)[-年/.](\d{1,2})[-月/.](\d{1,2})/.exec(
    all.slice(0, 5000).normalize('NFKC'),
  );
  const iso = /(?:^|[\s·|，,])((?:19|20)\d\d)-(\d{2})-(\d{2})(?=$|[\s·|，,])/m.exec(front.normalize('NFKC'));
  const d = sig ?? pub ?? iso;
  if (d) {
    const date = `${d[1]}-${d[2]!.padStart(2, '0')}-${d[3]!.padStart(2, '0')}`;
    if (!Number.isNaN(Date.parse(date)) && (!year || Number(d[1]) >= year)) meta.date = date;
  }
  return meta;
}

/** Words of a sentence, not of an agency's name, before a report title quoted in the prose. */
const NOT_AGENCY = /关于|做好|印发|转发|根据|现将|编制|按照|要求|以下|通知|我/;
const ORG =
  /^[\p{Script=Han}()（）·]{2,40}?(政府|办公室|办公厅|委员会|管委会|局|厅|委|办|院|署|部|中心|办事处|街道|镇|乡|所|站|队|会|处|室|馆)$/u;

/** The agency that signs the report at its end (its name, then the date, or both on one line). */
function signature(all: string): string | undefined {
  const lines = all
    .slice(-3000)
    .normalize('NFKC')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const chrome = lines.findIndex((l) => SITE_CHROME.test(l));
  if (chrome >= 0) lines.length = chrome;
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 6); i--) {
    const m = /^(.*?)\s*(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.exec(lines[i]!);
    if (!m) continue;
    const name = (m[1] ? m[1].split(/[\s。；;！!，,]/).pop()! : (lines[i - 1] ?? '')).replace(/\s/g, '');
    return ORG.test(name) ? name : undefined;
  }
  return undefined;
}

/** "洪泽区人民政府" with "由淮安市洪泽区人民政府办公室" in the text → "淮安市洪泽区人民政府". */
function expandAgency(agency: string, all: string): string {
  const head = all.slice(0, 4000).normalize('NFKC');
  const before = /(?:由|与|^|[，。:：\s])([\u4e00-\u9fa5]{2,5}(?:省|市|自治区|自治州|州|盟))$/;
  for (let i = head.indexOf(agency); i !== -1; i = head.indexOf(agency, i + 1)) {
    const m = before.exec(head.slice(Math.max(0, i - 12), i));
    if (m && !agency.startsWith(m[1]!)) return m[1]! + agency;
  }
  return agency;
}

const SITE_CHROME =
  /^[【[]?\s*(打印本?页|关闭(本页|窗口)|分享到|上一篇|下一篇|相关(链接|文章|附件|阅读)|扫一扫|主办单位|承办单位|版权所有|网站标识码|返回顶部|字号[:：]|【字体|收藏|纠错)|ICP备\d|公网安备/;

function prose(block: Block, segs: Seg[] | undefined, pdf: boolean, agency: string | undefined): string {
  const items = block.items.filter((i) => i.kind === 'cell');
  let lines: string[];
  if (segs) {
    const idx = new Set<number>();
    for (const i of items) idx.add((i as Item & { seg: number }).seg);
    const sorted = [...idx].sort((a, b) => a - b);
    lines = [];
    let prevLine = -1;
    const head = block.heading as (Item & { seg?: number }) | undefined;
    for (const k of sorted) {
      const s = segs[k]!;
      // A heading run in with its text ("五、存在的主要问题及改进措施2019年…"): the text after it.
      const t = head?.seg === k ? items[0]!.text : s.text;
      if (s.glued && s.line === prevLine && lines.length) lines[lines.length - 1] += t;
      else lines.push(t.trim());
      prevLine = s.line;
    }
  } else lines = items.map((i) => i.text.trim());
  lines = lines.filter(Boolean);
  // Site chrome after the report (print/close links, pager, footer) is not part of the prose.
  const chrome = lines.findIndex((l) => SITE_CHROME.test(l));
  if (chrome > 0) lines = lines.slice(0, chrome);
  // Drop the signature (agency and date) at the end of the last section.
  while (lines.length) {
    const l = lines[lines.length - 1]!.replace(/\s/g, '');
    if (/^(?:19|20)\d\d年\d{1,2}月\d{1,2}日$/.test(l) || (agency && (l === agency || agency.endsWith(l)))) lines.pop();
    else break;
  }
  if (!pdf) return lines.join('\n');
  // Join wrapped lines; a new paragraph starts after a sentence end when the line opens with a
  // list marker. Only the last character of the text so far is looked at (no regex on the whole).
  const parts: string[] = [];
  let lastChar = '';
  for (const l of lines) {
    if (!parts.length) parts.push(l);
    else if (
      '。！？：:；'.includes(lastChar) &&
      /^(（|\(|[一二三四五六七八九十]是|\d+[.、]|[一二三四五六七八九十]、|针对|下一步)/.test(l)
    )
      parts.push('\n', l);
    else parts.push(l);
    lastChar = l[l.length - 1] ?? lastChar;
  }
  const out = parts.join('');
  return out;
}

const keysCache = new Map<string, Record<TableId, Array<[string, string[]]>>>();
/** Every cell of each table of a layout: its path and its keys inside the table object (cached). */
function tableCellKeys(format: Format, shape: OtherHandlingShape): Record<TableId, Array<[string, string[]]>> {
  let k = keysCache.get(format + shape);
  if (!k) {
    const layoutDef = getLayout(format, shape);
    const out = {} as Record<TableId, Array<[string, string[]]>>;
    for (const id of TABLE_IDS)
      out[id] = layoutDef.tables[id].grids.flatMap((g) =>
        gridCells(g).map((c) => [c.path, c.path.split('.').slice(1)] as [string, string[]]),
      );
    keysCache.set(format + shape, (k = out));
  }
  return k;
}

function setPath(obj: Record<string, unknown>, keys: string[], value: CellOut) {
  let o = obj;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[keys[keys.length - 1]!] = value;
}

const ROWS_MISSING: Gap = Object.freeze({ code: 'rows-missing' });

function reportMissing(
  found: Map<string, Block>,
  reads: Map<TableId, TableRead>,
  format: Format,
  shape: OtherHandlingShape,
  diag: DiagFn<{ line: number; offset: number }>,
  source: ImportSource,
) {
  // (plain assignments, the gaps found while reading last so that they win: cheaper than lookups)
  const unread: Record<string, Gap> = {};
  let gaps = false;
  const present = SECTIONS.filter((s) => found.has(s.id));
  const lastIdx = present.length ? SECTIONS.indexOf(present[present.length - 1]!) : -1;
  // A document that stops inside a table: the sections after it are missing because the text ends.
  const lastSection = present[present.length - 1];
  let partial = false;
  if (lastSection && lastSection.kind === 'table') {
    const id = lastSection.id as TableId;
    const r = reads.get(id);
    const spec: TableSpec = tableSpec(format, shape, id);
    const missingAfter = r ? spec.rows.filter((row) => row.index > (r.lastRow?.index ?? -1)) : spec.rows;
    const lastRowIncomplete = !!r?.lastRowShort;
    if (missingAfter.length || lastRowIncomplete || lastIdx < SECTIONS.length - 1) {
      partial = true;
      const last = r?.lastItem;
      // The cells after the end (this table's later rows, the tables after it) were not read.
      const after = [
        ...missingAfter,
        ...TABLE_IDS.slice(TABLE_IDS.indexOf(id) + 1).flatMap((t) => tableSpec(format, shape, t).rows),
      ].flatMap(rowPaths);
      const gap: Gap = Object.freeze(last ? { code: 'partial', line: last.line } : { code: 'partial' });
      for (const p of after) unread[p] = gap;
      gaps ||= after.length > 0;
      diag(
        'warning',
        'partial',
        { table: id, row: r?.lastRow?.label, inside: lastRowIncomplete, line: last?.line ?? 0 },
        last,
        after,
      );
      source.end = { table: id, ...(r?.lastRow ? { row: r.lastRow.path } : {}), ...(last ? { line: last.line } : {}) };
    }
  }
  for (const [i, s] of SECTIONS.entries()) {
    if (found.has(s.id)) continue;
    if (partial && i > lastIdx) continue;
    diag('warning', 'section-missing', { number: s.number, heading: s.heading });
  }
  for (const [id, r] of reads) {
    const spec = tableSpec(format, shape, id);
    const missing = spec.rows.filter((row) => !r.assigned.has(row.path));
    const cut = partial && source.end?.table === id ? (r.lastRow?.index ?? -1) : Infinity;
    const reallyMissing = missing.filter((row) => row.index < cut);
    if (reallyMissing.length && reallyMissing.length < spec.rows.length + 1) {
      const cells = reallyMissing.flatMap(rowPaths);
      for (const p of cells) unread[p] = ROWS_MISSING;
      gaps = true;
      diag(
        'warning',
        'rows-missing',
        {
          table: id,
          count: reallyMissing.length,
          rows: reallyMissing.map((r) => r.label),
        },
        undefined,
        cells,
      );
    }
  }
  let any = false;
  for (const r of reads.values())
    for (const [p, g] of r.unread) {
      unread[p] = g;
      any = true;
    }
  if (any || gaps) source.unread = unread;
}

/** The prose pack (rules TEXT and LABEL) for `validate(report, { packs: [PROSE_RULES] })`. */
export { PROSE_RULES } from '../rules/prose.js';
