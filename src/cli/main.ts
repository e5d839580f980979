/**
 * `disclosure-report` command line: import published reports into REPORT-JSON, validate many
 * reports (JSON, HTML, text) in one run, render a report as static HTML for a CMS.
 *
 * Exit codes: 0 no error findings; 1 at least one error finding; 2 an input could not be read, the
 * output could not be written, or bad usage.
 */
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { importReport, PROSE_RULES, type Diagnostic } from '../import/entry.js';
import { validate } from '../rules/index.js';
import { parseJsonText } from '../model/json.js';
import { jsonSyntaxMessage, thrownText } from '../model/contract.js';
import { escapeHtml, renderStaticHtml, staticStylesheet } from '../render/static.js';
import { VERSION } from '../version.js';
import type { Finding, Severity, Summary } from '../rules/types.js';
import type { Locale } from '../model/schema.js';
import { decodeText } from '../model/decode.js';

const INPUT_EXT = new Set(['.json', '.txt', '.html', '.htm', '.md', '.pdf']);
const INPUT_LIST = [...INPUT_EXT].join(' ');

/** A PDF by its header (`%PDF-` within the first KB), whatever the file is named. */
const isPdf = (buf: Uint8Array) => Buffer.from(buf.subarray(0, 1024)).includes('%PDF-');

/** Where a diagnostic is: `:line`, or ` (p. 3)` in a PDF. */
const at = (d: Diagnostic) => (d.line ? `:${d.line}` : d.page ? ` (p. ${d.page})` : '');

/**
 * Files a folder of reports often holds that are not inputs: what each is and how to check it. A file
 * named on the command line with one of these extensions is refused with this reason (exit 2). When an
 * input type is added to INPUT_EXT (as `.pdf` was), delete its row here: INPUT_EXT is looked at first.
 */
const NOT_INPUT: Record<string, 'word' | 'sheet' | 'image' | 'archive'> = {
  ...Object.fromEntries(['.doc', '.docx', '.wps', '.rtf', '.odt'].map((x) => [x, 'word' as const])),
  ...Object.fromEntries(['.xls', '.xlsx', '.et', '.ods', '.csv'].map((x) => [x, 'sheet' as const])),
  ...Object.fromEntries(
    ['.png', '.jpg', '.jpeg', '.gif', '.bmp', '.webp', '.tif', '.tiff', '.svg'].map((x) => [x, 'image' as const]),
  ),
  ...Object.fromEntries(['.zip', '.rar', '.7z', '.gz', '.tar', '.tgz'].map((x) => [x, 'archive' as const])),
};
const NOT_INPUT_REASON: Record<string, [string, string]> = {
  word: [
    'Word / WPS 文档不能直接检查：请另存为“网页”（.html）或“纯文本”（.txt）后检查',
    'Word / WPS documents cannot be checked directly: save as a web page (.html) or plain text (.txt), then check that',
  ],
  sheet: [
    '表格文件（.csv / Excel）不是报告输入：请检查报告全文（.html / .txt）或报告 JSON',
    'spreadsheets (.csv / Excel) are not report inputs: check the full report (.html / .txt) or its REPORT-JSON',
  ],
  image: [
    '图片中没有可读取的文字：需要报告的文字版（网页 .html 或 .txt）',
    'an image has no text to read: the report’s text is needed (its web page as .html, or .txt)',
  ],
  archive: ['压缩包：请先解压，再检查解压出的文件夹', 'an archive: extract it first, then check the extracted folder'],
};

interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

const T = (locale: Locale) => (zh: string, en: string) => (locale === 'en' ? en : zh);

const USAGE_EN = `Usage:
  disclosure-report validate <files or folders...> [options]
      Check reports (${INPUT_LIST}); folders are read one level deep. Files and folders
      not checked are listed with the reason; the run ends with the files that have errors.
      --format text|json|csv  output (default text; --json = --format json; csv: one line per
                              finding, UTF-8 with a byte-order mark for Excel, --no-bom without it)
      --errors-only           show errors only (warnings and info are counted, not shown)
      --previous <file>       last year's report: enables the cross-year rules
      --recursive             read subfolders too
      --verbose               show every finding and import note (long runs are shortened)
      Exit 0: no errors; 1: error findings; 2: an input could not be read, the output could not
      be written, or bad usage.
  disclosure-report import <file>
      Import a published report (HTML, text, PDF): REPORT-JSON on stdout, diagnostics on stderr.
  disclosure-report render <file> [-o out.html] [--fragment]
      A standalone HTML page (or a fragment to paste into a CMS) with the static tables and the
      embedded JSON.
  disclosure-report --help | --version
  Every command: --lang zh-CN|en (messages; default zh-CN). -- ends the options (validate -- -x.json).
`;

const USAGE_ZH = `用法：
  disclosure-report validate <文件或文件夹...> [选项]
      检查报告（${INPUT_LIST}）。文件夹只读一层。未检查的文件和文件夹逐一列出并说明原因；
      最后列出有错误的文件。
      --format text|json|csv  输出格式（默认 text；--json 即 --format json；csv：每条结果一行，
                              UTF-8 带 BOM 以便 Excel 打开，--no-bom 不带）
      --errors-only           只显示错误（警告和提示只计数，不显示）
      --previous <文件>       上一年度报告：启用跨年度规则
      --recursive             也检查子文件夹
      --verbose               显示全部结果和导入提示（默认将同一规则的长串结果缩短）
      退出码 0：没有错误；1：有错误；2：有输入无法读取、结果无法写出，或用法错误。
  disclosure-report import <文件>
      导入已发布的报告（HTML、文本、PDF）：REPORT-JSON 输出到 stdout，导入提示输出到 stderr。
  disclosure-report render <文件> [-o out.html] [--fragment]
      生成独立的 HTML 页面（或用 --fragment 生成可粘贴到 CMS 的片段），含静态表格和内嵌 JSON。
  disclosure-report --help | --version
  所有命令：--lang zh-CN|en（提示语言，默认 zh-CN）。-- 之后的参数都是文件（validate -- -x.json）。
`;

const usage = (locale: Locale) => (locale === 'en' ? USAGE_EN : USAGE_ZH);

/** Bad usage: the message in both languages (the locale may be what is wrong). */
class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

type OutputFormat = 'text' | 'json' | 'csv';

interface Args {
  command: string;
  files: string[];
  format: OutputFormat;
  lang: Locale;
  previous?: string;
  out?: string;
  fragment: boolean;
  recursive: boolean;
  verbose: boolean;
  errorsOnly: boolean;
  bom: boolean;
}

function parseLang(v: string): Locale {
  if (v === 'en' || v === 'zh-CN') return v;
  throw new UsageError(`--lang 只接受 zh-CN 或 en（收到“${v}”）`, `--lang accepts zh-CN or en only (got "${v}")`);
}

function parseFormat(v: string): OutputFormat {
  if (v === 'text' || v === 'json' || v === 'csv') return v;
  throw new UsageError(
    `--format 只接受 text、json 或 csv（收到“${v}”）`,
    `--format accepts text, json or csv only (got "${v}")`,
  );
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    command: '',
    files: [],
    format: 'text',
    lang: 'zh-CN',
    fragment: false,
    recursive: false,
    verbose: false,
    errorsOnly: false,
    bom: true,
  };
  let help = false;
  let version = false;
  let operands = false;
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${shown(x)} 需要一个值`, `${shown(x)} needs a value`);
      return v;
    };
    const eq = x.startsWith('--') ? x.indexOf('=') : -1;
    const name = eq > 0 ? x.slice(0, eq) : x;
    const inline = eq > 0 ? x.slice(eq + 1) : undefined;
    const arg = () => inline ?? value();
    if (operands || x === '-' || !x.startsWith('-')) {
      if (!a.command) a.command = x;
      else a.files.push(x);
    } else if (x === '--') operands = true;
    else if (name === '--json' && inline === undefined) a.format = 'json';
    else if (name === '--format') a.format = parseFormat(arg());
    else if (name === '--lang' || name === '--locale') a.lang = parseLang(arg());
    else if (name === '--previous' || x === '-p') a.previous = arg();
    else if (x === '-o' || name === '--out' || name === '--output') a.out = arg();
    else if (x === '--fragment') a.fragment = true;
    else if (x === '-r' || x === '--recursive') a.recursive = true;
    else if (x === '-v' || x === '--verbose') a.verbose = true;
    else if (x === '--errors-only') a.errorsOnly = true;
    else if (x === '--no-bom') a.bom = false;
    else if (x === '-h' || x === '--help') help = true;
    else if (x === '--version' || x === '-V') version = true;
    else throw new UsageError(`未知的选项 ${shown(x)}`, `unknown option ${shown(x)}`);
  }
  if (help) a.command = 'help';
  else if (version) a.command = 'version';
  return a;
}

/** The locale the user asked for, read leniently (for messages about bad usage). */
function askedLocale(argv: string[]): Locale {
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const x = argv[i]!;
    const v = x === '--lang' || x === '--locale' ? argv[i + 1] : /^--(?:lang|locale)=/.test(x) ? x.split('=')[1] : null;
    if (v != null) return /^zh/i.test(v) ? 'zh-CN' : 'en';
  }
  return 'zh-CN';
}

// Characters that must not reach a terminal from a file name or report text: C0/C1 controls (escape
// sequences, newlines that could forge a line), bidi overrides and isolates, line/paragraph separators.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Text as it may be printed on a terminal: unsafe characters written as escapes (`\n`, `\x1b`, `\u202e`). */
export function shown(s: string): string {
  return s.replace(
    UNSAFE,
    (c) =>
      NAMED[c] ??
      (c.charCodeAt(0) < 0x100
        ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`
        : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

/** Decode a file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (shared with the element's `src`). */
export const decode = decodeText;

/**
 * A stream the command writes to. A write that fails is recorded, never thrown: EPIPE (the reader went
 * away, as with `| head`) silences the rest of the output and the run goes on to its exit code; any
 * other error (ENOSPC…) is `failed`, which ends the run with exit 2.
 */
class Output {
  gone = false;
  failed: NodeJS.ErrnoException | undefined;
  private static watched = new WeakMap<object, Output>();

  private constructor(readonly stream: Io['stdout']) {}

  static of(stream: Io['stdout']): Output {
    let o = Output.watched.get(stream);
    if (!o) {
      const out = (o = new Output(stream));
      Output.watched.set(stream, o);
      if (typeof stream.on === 'function') stream.on('error', (e: NodeJS.ErrnoException) => out.fail(e));
    }
    return o;
  }

  private fail(e: NodeJS.ErrnoException) {
    if (e?.code === 'EPIPE') this.gone = true;
    else this.failed ??= e;
  }

  get open(): boolean {
    return !this.gone && !this.failed;
  }

  write(s: string): void {
    if (!this.open) return;
    try {
      this.stream.write(s);
    } catch (e) {
      this.fail(e as NodeJS.ErrnoException);
    }
  }

  /** Wait until what was written is handed to the system (or failed), so that a late error is seen. */
  async settle(): Promise<void> {
    const s = this.stream as NodeJS.WritableStream & { writableLength?: number };
    if (typeof s.once !== 'function') return;
    if (this.open && (s.writableLength ?? 0) > 0)
      await new Promise<void>((resolve) => {
        const done = () => {
          s.off('drain', done).off('error', done).off('close', done);
          resolve();
        };
        s.once('drain', done).once('error', done).once('close', done);
      });
    await new Promise((resolve) => setImmediate(resolve));
  }
}

interface Loaded {
  /** Report object (imported) or JSON text. */
  report?: unknown;
  diagnostics: Diagnostic[];
  /** Not readable: message. */
  error?: string;
  /** Not a report (a README in a folder): message. */
  notReport?: string;
}

async function load(file: string, locale: Locale, fromFolder: boolean): Promise<Loaded> {
  const t = T(locale);
  const ext = extname(file).toLowerCase();
  const kind = INPUT_EXT.has(ext) ? undefined : NOT_INPUT[ext];
  if (kind) return { diagnostics: [], error: t(...NOT_INPUT_REASON[kind]!) };
  let buf: Uint8Array;
  try {
    buf = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    return {
      diagnostics: [],
      error: t(`无法读取文件（${code || String(e)}）`, `cannot read the file (${code || String(e)})`),
    };
  }
  const pdf = isPdf(buf);
  const text = pdf ? '' : decode(buf);
  if (!pdf && ext === '.json') {
    const parsed = parseJsonText(text);
    if (!parsed.ok) {
      const { line, column } = parsed.position;
      return { diagnostics: [], error: jsonSyntaxMessage(parsed.reason, line, column, locale) };
    }
    if (
      fromFolder &&
      (typeof parsed.value !== 'object' ||
        parsed.value === null ||
        !('format' in parsed.value || 'schemaVersion' in parsed.value))
    ) {
      return {
        diagnostics: [],
        notReport: t('不是报告 JSON（没有 format / schemaVersion）', 'not a report JSON (no format / schemaVersion)'),
      };
    }
    return { report: text, diagnostics: [] };
  }
  const r = pdf ? await importReport(buf, { locale }) : importReport(text, { locale });
  if (!r.report) {
    const msg =
      r.diagnostics
        .filter((d) => d.level === 'error')
        .map((d) => d.message)
        .join('；') || t('没有找到报告', 'no report found');
    if (fromFolder && r.diagnostics.some((d) => d.code === 'no-report'))
      return { diagnostics: r.diagnostics, notReport: msg };
    return { diagnostics: r.diagnostics, error: msg };
  }
  return { report: r.report, diagnostics: r.diagnostics };
}

/** Why a file or folder met in a folder is not checked. */
type NotCheckedKind = 'subfolder' | 'link' | 'hidden' | 'file-type' | 'not-a-report';

type Entry = { file: string; fromFolder: boolean } | { file: string; notChecked: NotCheckedKind; reason: string };

function notCheckedReason(kind: NotCheckedKind, path: string, locale: Locale): string {
  const t = T(locale);
  switch (kind) {
    case 'subfolder':
      return t('子文件夹，未进入：加 --recursive 一并检查', 'a subfolder, not searched: add --recursive to check it');
    case 'link':
      return t(
        '指向文件夹的链接，不跟随（避免循环）：需要检查时请直接指定该文件夹',
        'a link to a folder, not followed (it could loop): name the folder on the command line to check it',
      );
    case 'hidden':
      return t(
        '隐藏的文件或文件夹（名称以 . 开头）或 node_modules：需要检查时请直接指定它',
        'hidden (the name starts with .) or node_modules: name it on the command line to check it',
      );
    default: {
      const ext = extname(path).toLowerCase();
      const kind = NOT_INPUT[ext];
      if (kind) return t(...NOT_INPUT_REASON[kind]!);
      return t(
        `不是可检查的文件类型（可检查 ${INPUT_LIST}）`,
        `not a file type that can be checked (${INPUT_LIST} can)`,
      );
    }
  }
}

/** The files to check, in order, and every file or folder met in a folder that is not checked. */
async function collect(paths: string[], recursive: boolean, locale: Locale): Promise<Entry[]> {
  const out: Entry[] = [];
  const skip = (file: string, notChecked: NotCheckedKind) =>
    out.push({ file, notChecked, reason: notCheckedReason(notChecked, file, locale) });
  const walk = async (dir: string) => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      out.push({ file: dir, fromFolder: false });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
    for (const e of entries) {
      const p = join(dir, e.name);
      const isDir = e.isDirectory();
      // A link is checked as what it points to; a link to a folder is not followed (it could loop).
      const linkedDir =
        e.isSymbolicLink() &&
        (await stat(p).then(
          (s) => s.isDirectory(),
          () => false,
        ));
      if (e.name.startsWith('.') || e.name === 'node_modules') skip(isDir || linkedDir ? p + '/' : p, 'hidden');
      else if (linkedDir) skip(p + '/', 'link');
      else if (isDir) {
        if (recursive) await walk(p);
        else skip(p + '/', 'subfolder');
      } else if (INPUT_EXT.has(extname(e.name).toLowerCase())) out.push({ file: p, fromFolder: true });
      else skip(p, 'file-type');
    }
  };
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch {
      out.push({ file: p, fromFolder: false });
      continue;
    }
    if (s.isDirectory()) await walk(p);
    else out.push({ file: p, fromFolder: false });
  }
  return out;
}

/** A cell the importer could not read from the published text (`report.source.unread`). */
interface Unread {
  cell: string;
  code: string;
  line?: number;
}

/** `report.source.unread` as a list, keeping only well-formed entries (report data is untrusted). */
function unreadOf(report: unknown): Unread[] {
  const source = (report as { source?: { unread?: unknown } } | null)?.source;
  const map = source && typeof source === 'object' ? source.unread : undefined;
  if (!map || typeof map !== 'object' || Array.isArray(map)) return [];
  const out: Unread[] = [];
  for (const [cell, v] of Object.entries(map as Record<string, unknown>)) {
    const o = v && typeof v === 'object' ? (v as { code?: unknown; line?: unknown }) : {};
    if (typeof o.code !== 'string' || !o.code) continue;
    const code = o.code;
    const line = typeof o.line === 'number' && Number.isInteger(o.line) && o.line > 0 ? o.line : undefined;
    out.push(line === undefined ? { cell, code } : { cell, code, line });
  }
  return out;
}

interface FileResult {
  file: string;
  format: string | null;
  year: number | null;
  agency: string | null;
  findings: Finding[];
  diagnostics: Diagnostic[];
  summary?: Summary;
  /** Cells the importer could not read from the published text: path → { code, line }. */
  unread?: Record<string, { code: string; line?: number }>;
  error?: string;
  skipped?: string;
  notChecked?: NotCheckedKind;
}

function colors(enabled: boolean) {
  const c = (code: string) => (s: string) => (enabled ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { red: c('31'), yellow: c('33'), cyan: c('36'), dim: c('2'), bold: c('1'), green: c('32') };
}
type Colors = ReturnType<typeof colors>;

function cellsText(cells: string[], max = 2): string {
  if (!cells.length) return '';
  if (cells.length <= max) return cells.join(', ');
  return `${cells.slice(0, max).join(', ')} …(+${cells.length - max})`;
}

/** Why a cell could not be read, in words, by import diagnostic code (the code itself when unknown). */
const UNREAD_WHY: Record<string, [string, string]> = {
  'glued-ambiguous': ['连写的数字串有多种拆分', 'a run of digits written together splits in several ways'],
  'glued-unsplittable': ['连写的数字串无法拆分', 'a run of digits written together cannot be split'],
  'missing-cells': ['该行的数字不全', 'the row has fewer numbers than cells'],
  'rows-missing': ['该行没有找到', 'the row was not found'],
  'extra-row': ['行标签未能识别', 'the row label was not recognised'],
  partial: ['文本在此之前已结束', 'the text ends before it'],
  'not-a-number': ['不是数字', 'not a number'],
  'unsafe-number': ['数字过大，无法精确读取', 'the number is too large to read exactly'],
};

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** What a run shows, per `--errors-only`. */
const shownSeverity = (a: Args) => (s: Severity | Diagnostic['level']) => !a.errorsOnly || s === 'error';

/** Failing findings as shown: errors first, filtered by `--errors-only`. */
function shownFindings(r: FileResult, a: Args): Finding[] {
  const keep = shownSeverity(a);
  return r.findings
    .filter((f) => f.status === 'fail' && keep(f.severity))
    .sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity]);
}

function printFile(r: FileResult, w: (s: string) => void, k: Colors, a: Args) {
  const t = T(a.lang);
  const { verbose } = a;
  const name = k.bold(shown(r.file));
  if (r.error) {
    w(`${name}  ${k.red(t('无法读取', 'unreadable'))}: ${shown(r.error)}`);
    return;
  }
  const s = r.summary!;
  if (a.errorsOnly && !s.errors) return;
  const head = [
    r.format !== null ? t(`表格格式 ${r.format}`, `format ${r.format}`) : null,
    r.year !== null ? t(`报告年度 ${r.year}`, `year ${r.year}`) : null,
    r.agency !== null ? shown(r.agency) : null,
  ].filter((x) => x !== null);
  w(`${name}  ${k.dim(head.join(' · '))}`);
  const keep = shownSeverity(a);
  const importNotes = r.diagnostics.filter((d) => d.level !== 'info' && keep(d.level));
  const shownNotes = verbose ? importNotes : importNotes.slice(0, 5);
  for (const d of shownNotes) {
    w(
      `  ${d.level === 'error' ? k.red('✖') : k.yellow('!')} ${k.cyan(t('导入', 'import'))}${d.line ? ` ${t('第', 'line ')}${d.line}${t(' 行', '')}` : d.page ? ` ${t('第', 'page ')}${d.page}${t(' 页', '')}` : ''}: ${shown(d.message)}`,
    );
  }
  if (importNotes.length > shownNotes.length)
    w(
      k.dim(
        `  … ${t(`另有 ${importNotes.length - shownNotes.length} 条导入提示（--verbose 显示全部）`, `${importNotes.length - shownNotes.length} more import notes (--verbose shows all)`)}`,
      ),
    );
  const unread = a.errorsOnly ? [] : unreadOf({ source: { unread: r.unread } });
  if (unread.length) {
    // Not the publisher's blank: the cells hold something the importer could not read. Grouped by line and why.
    w(
      `  ${k.cyan('?')} ${t(
        `${unread.length} 个单元格未能从发布文本中读出（不是发布者留空，未作核对）：`,
        `${unread.length} cell${unread.length > 1 ? 's' : ''} could not be read from the published text (not left blank by the publisher; not checked):`,
      )}`,
    );
    const groups = new Map<string, { line?: number; code: string; cells: string[] }>();
    for (const u of unread) {
      const key = `${u.line ?? ''}\u0000${u.code}`;
      const g = groups.get(key) ?? { code: u.code, cells: [], ...(u.line ? { line: u.line } : {}) };
      g.cells.push(u.cell);
      groups.set(key, g);
    }
    const sorted = [...groups.values()].sort((x, y) => (x.line ?? Infinity) - (y.line ?? Infinity));
    const max = verbose ? Infinity : 10;
    for (const g of sorted.slice(0, max)) {
      const why = UNREAD_WHY[g.code];
      const where = g.line ? t(`第 ${g.line} 行`, `line ${g.line}`) : '';
      const reason = why ? t(...why) : shown(g.code);
      w(
        `      ${[where, reason].filter(Boolean).join(t('，', ', '))}: ${k.dim(shown(cellsText(g.cells, verbose ? Infinity : 4)))}`,
      );
    }
    if (sorted.length > max)
      w(
        k.dim(
          `      … ${t(`另有 ${sorted.length - max} 组（--verbose 显示全部）`, `${sorted.length - max} more groups (--verbose shows all)`)}`,
        ),
      );
  }
  const fails = shownFindings(r, a);
  const perRule = new Map<string, number>();
  const more = (rule: string) => {
    const n = (perRule.get(rule) ?? 0) - 6;
    if (!verbose && n > 0)
      w(
        k.dim(
          `  … ${t(`另有 ${n} 条 ${shown(rule)}（--verbose 显示全部）`, `${n} more ${shown(rule)} (--verbose shows all)`)}`,
        ),
      );
  };
  let prev: string | undefined;
  for (const f of fails) {
    if (prev !== undefined && prev !== f.rule) more(prev);
    prev = f.rule;
    const n = (perRule.get(f.rule) ?? 0) + 1;
    perRule.set(f.rule, n);
    if (!verbose && n > 6) continue;
    const icon = f.severity === 'error' ? k.red('✖') : f.severity === 'warning' ? k.yellow('!') : k.cyan('i');
    const ev =
      f.expected !== undefined || f.actual !== undefined
        ? `  ${t('应为', 'expected')} ${shown(f.expected ?? '?')}${t('，实为', ', got')} ${shown(f.actual ?? '?')}`
        : '';
    w(`  ${icon} ${k.bold(shown(f.rule).padEnd(11))} ${k.dim(shown(cellsText(f.cells)))}${ev}`);
    w(`      ${shown(f.message)}`);
  }
  if (prev !== undefined) more(prev);
  const parts = [
    s.errors
      ? k.red(t(`${s.errors} 个错误`, `${s.errors} error${s.errors > 1 ? 's' : ''}`))
      : t('0 个错误', '0 errors'),
    s.warnings
      ? k.yellow(t(`${s.warnings} 个警告`, `${s.warnings} warning${s.warnings > 1 ? 's' : ''}`))
      : t('0 个警告', '0 warnings'),
    t(`${s.infos} 个提示`, `${s.infos} info`),
    t(`${s.skipped} 项无法核对`, `${s.skipped} skipped`),
  ];
  w(
    `  ${parts.join(t('，', ', '))}${a.errorsOnly && s.warnings + s.infos ? k.dim(t('（警告和提示未显示）', ' (warnings and info not shown)')) : ''}`,
  );
}

// CSV (RFC 4180): a header row, CRLF line ends, fields quoted when they hold a comma, quote or line end.
const CSV_HEADER = ['file', 'rule', 'severity', 'cells', 'expected', 'actual', 'message', 'line'];
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

function csvField(v: string | number | undefined): string {
  if (v === undefined) return '';
  let s = String(v);
  // A field a spreadsheet would run as a formula (report text and file names are untrusted) starts with '.
  if (/^[=+\-@\t\r]/.test(s) && !NUMBER.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (fields: Array<string | number | undefined>) =>
  Array.from({ length: CSV_HEADER.length }, (_, i) => csvField(fields[i])).join(',') + '\r\n';

/** One CSV line per failing finding, import note, group of unread cells, unreadable or unchecked file. */
function csvRows(r: FileResult, a: Args): string {
  const t = T(a.lang);
  if (r.error) return csvRow([r.file, 'unreadable', 'error', '', '', '', r.error]);
  if (r.skipped !== undefined) return csvRow([r.file, 'not-checked', 'info', '', '', '', r.skipped]);
  const keep = shownSeverity(a);
  let out = '';
  for (const d of r.diagnostics)
    if (d.level !== 'info' && keep(d.level))
      out += csvRow([r.file, `import:${d.code}`, d.level, (d.cells ?? []).join(' '), '', '', d.message, d.line]);
  if (!a.errorsOnly && r.unread) {
    const groups = new Map<string, Unread[]>();
    for (const u of unreadOf({ source: { unread: r.unread } })) {
      const key = `${u.line ?? ''}\u0000${u.code}`;
      const g = groups.get(key);
      if (g) g.push(u);
      else groups.set(key, [u]);
    }
    for (const g of groups.values())
      out += csvRow([
        r.file,
        'unread',
        'info',
        g.map((u) => u.cell).join(' '),
        '',
        '',
        t('未能从发布文本中读出', 'could not be read from the published text') +
          ` (${UNREAD_WHY[g[0]!.code] ? t(...UNREAD_WHY[g[0]!.code]!) : g[0]!.code})`,
        g[0]!.line,
      ]);
  }
  for (const f of shownFindings(r, a))
    out += csvRow([r.file, f.rule, f.severity, f.cells.join(' '), f.expected, f.actual, f.message]);
  return out;
}

/** A file's entry in `--format json`: findings and import notes filtered by `--errors-only`. */
function jsonEntry(r: FileResult, a: Args): FileResult {
  if (!a.errorsOnly) return r;
  return {
    ...r,
    findings: r.findings.filter((f) => f.status === 'fail' && f.severity === 'error'),
    diagnostics: r.diagnostics.filter((d) => d.level === 'error'),
  };
}

type Totals = {
  files: number;
  errors: number;
  warnings: number;
  withErrors: number;
  withWarnings: number;
  unreadable: number;
  notChecked: number;
};

/** Load and validate one file; counts it in `totals`. */
async function checkFile(
  file: string,
  fromFolder: boolean,
  a: Args,
  previous: unknown,
  totals: Totals,
): Promise<FileResult> {
  const loaded = await load(file, a.lang, fromFolder);
  if (loaded.error || loaded.notReport) {
    if (loaded.error) totals.unreadable++;
    else totals.notChecked++;
    return {
      file,
      format: null,
      year: null,
      agency: null,
      findings: [],
      diagnostics: loaded.diagnostics,
      ...(loaded.error
        ? { error: loaded.error }
        : {
            skipped: T(a.lang)(
              `不是报告（${loaded.notReport!}）；若它是报告，用 disclosure-report import 单独导入可看到读出了什么`,
              `not a report (${loaded.notReport!}); if it is one, \`disclosure-report import\` it to see what was read`,
            ),
            notChecked: 'not-a-report' as const,
          }),
    };
  }
  const v = await validate(loaded.report, {
    locale: a.lang,
    packs: [PROSE_RULES],
    ...(previous !== undefined ? { previous } : {}),
  });
  const rep = (v.report ?? {}) as Record<string, unknown>;
  const agency = rep['agency'] as { name?: unknown } | undefined;
  totals.files++;
  totals.errors += v.summary.errors;
  totals.warnings += v.summary.warnings;
  if (v.summary.errors) totals.withErrors++;
  else if (v.summary.warnings) totals.withWarnings++;
  const unread = unreadOf(rep);
  return {
    file,
    format: typeof rep['format'] === 'string' ? rep['format'] : null,
    year: typeof rep['year'] === 'number' ? rep['year'] : null,
    agency: typeof agency?.name === 'string' ? agency.name : null,
    findings: v.findings,
    diagnostics: loaded.diagnostics,
    summary: v.summary,
    ...(unread.length ? { unread: Object.fromEntries(unread.map(({ cell, ...u }) => [cell, u])) } : {}),
  };
}

async function cmdValidate(a: Args, out: Output, err: Output, io: Io): Promise<number> {
  const t = T(a.lang);
  if (!a.files.length)
    throw new UsageError('validate 至少需要一个文件或文件夹', 'validate needs at least one file or folder');
  let previous: unknown;
  if (a.previous) {
    const p = await load(a.previous, a.lang, false);
    if (p.error) {
      err.write(
        `${shown(a.previous)}: ${t('上一年度报告无法读取', 'the previous report cannot be read')}: ${shown(p.error)}\n`,
      );
      return 2;
    }
    previous = p.report;
  }
  const entries = await collect(a.files, a.recursive, a.lang);
  const toCheck = entries.filter((e) => 'fromFolder' in e).length;
  const progress = !!io.stderr.isTTY && toCheck > 20 && a.format === 'text';
  const k = colors(a.format === 'text' && !!io.stdout.isTTY && !process.env['NO_COLOR']);
  const w = (s: string) => out.write(s + '\n');
  const totals: Totals = {
    files: 0,
    errors: 0,
    warnings: 0,
    withErrors: 0,
    withWarnings: 0,
    unreadable: 0,
    notChecked: 0,
  };
  // Kept for the end of a readable run (small: names and counts only).
  const withErrors: Array<{ file: string; errors: number; rule: string }> = [];
  const unreadable: Array<{ file: string; reason: string }> = [];
  const notChecked: Array<{ file: string; reason: string }> = [];
  if (a.format === 'csv') out.write((a.bom ? '\uFEFF' : '') + csvRow(CSV_HEADER));
  if (a.format === 'json') out.write('[');
  let n = 0;
  let done = 0;
  for (const e of entries) {
    if (out.failed) break;
    let r: FileResult;
    if ('notChecked' in e) {
      totals.notChecked++;
      r = {
        file: e.file,
        format: null,
        year: null,
        agency: null,
        findings: [],
        diagnostics: [],
        skipped: e.reason,
        notChecked: e.notChecked,
      };
    } else {
      done++;
      if (progress)
        err.write(
          `\r[${'#'.repeat(Math.round((done / toCheck) * 30)).padEnd(30, '.')}] ${done}/${toCheck} ${shown(basename(e.file)).slice(0, 40).padEnd(40)}`,
        );
      try {
        r = await checkFile(e.file, e.fromFolder, a, previous, totals);
      } catch (x) {
        // Whatever goes wrong with one file is that file's finding: the run goes on with the others.
        r = {
          file: e.file,
          format: null,
          year: null,
          agency: null,
          findings: [],
          diagnostics: [],
          error: t(`检查时出错（${thrownText(x)}）`, `checking it failed (${thrownText(x)})`),
        };
        totals.unreadable++;
      }
      if (progress) err.write('\r\u001b[K');
    }
    if (r.error) unreadable.push({ file: r.file, reason: r.error });
    else if (r.skipped !== undefined) notChecked.push({ file: r.file, reason: r.skipped });
    else if (r.summary?.errors)
      withErrors.push({
        file: r.file,
        errors: r.summary.errors,
        rule: r.findings.find((f) => f.status === 'fail' && f.severity === 'error')?.rule ?? '',
      });
    if (!out.open) continue; // the reader went away: check on quietly, for the exit code
    if (a.format === 'json') out.write((n++ ? ',\n' : '\n') + JSON.stringify(jsonEntry(r, a), null, 1));
    else if (a.format === 'csv') out.write(csvRows(r, a));
    else if (r.skipped === undefined) printFile(r, w, k, a);
  }
  if (a.format === 'json') out.write(n ? '\n]\n' : ']\n');
  if (a.format === 'text' && !out.failed) {
    if (notChecked.length) {
      // Grouped by reason: one reason, then the files and folders it applies to.
      w('');
      w(k.bold(t(`未检查（${notChecked.length} 项）：`, `Not checked (${notChecked.length}):`)));
      const byReason = new Map<string, string[]>();
      for (const x of notChecked) {
        const files = byReason.get(x.reason);
        if (files) files.push(x.file);
        else byReason.set(x.reason, [x.file]);
      }
      for (const [reason, files] of byReason) {
        w(`  ${shown(reason)}`);
        for (const f of files) w(`    ${shown(f)}`);
      }
    }
    if (unreadable.length) {
      w('');
      w(
        k.bold(
          t(`无法读取的文件（${unreadable.length} 个）：`, `Files that could not be read (${unreadable.length}):`),
        ),
      );
      for (const x of unreadable) w(`  ${k.red(shown(x.file))}  ${shown(x.reason)}`);
    }
    if (withErrors.length) {
      w('');
      w(
        k.bold(
          t(
            `有错误的文件（${withErrors.length} 个；错误数、第一个错误的规则、文件）：`,
            `Files with errors (${withErrors.length}; errors, rule of the first error, file):`,
          ),
        ),
      );
      const width = String(Math.max(...withErrors.map((x) => x.errors))).length;
      for (const x of withErrors)
        w(`  ${k.red(String(x.errors).padStart(width))}  ${shown(x.rule).padEnd(11)} ${shown(x.file)}`);
    }
    w(
      '\n' +
        t(
          `共检查 ${totals.files} 份报告：${totals.withErrors} 份有错误，${totals.withWarnings} 份仅有警告；错误 ${totals.errors} 个，警告 ${totals.warnings} 个` +
            (totals.unreadable ? `；${totals.unreadable} 个文件无法读取` : '') +
            (totals.notChecked ? `；${totals.notChecked} 项未检查（见上）` : ''),
          `Checked ${totals.files} report${totals.files === 1 ? '' : 's'}: ${totals.withErrors} with errors, ${totals.withWarnings} with warnings only; ${totals.errors} errors, ${totals.warnings} warnings` +
            (totals.unreadable ? `; ${totals.unreadable} unreadable` : '') +
            (totals.notChecked ? `; ${totals.notChecked} not checked (listed above)` : ''),
        ),
    );
  }
  if (toCheck === 0) {
    err.write(t(`没有找到可检查的文件（${INPUT_LIST}）\n`, `no files to check (${INPUT_LIST})\n`));
    return 2;
  }
  return totals.unreadable ? 2 : totals.errors ? 1 : 0;
}

async function cmdImport(a: Args, io: Io): Promise<number> {
  const t = T(a.lang);
  if (a.files.length !== 1) throw new UsageError('import 只接受一个文件', 'import needs exactly one file');
  const file = a.files[0]!;
  let buf: Uint8Array;
  try {
    buf = await readFile(file);
  } catch (e) {
    io.stderr.write(
      `${shown(file)}: ${t('无法读取文件', 'cannot read the file')} (${(e as NodeJS.ErrnoException).code ?? e})\n`,
    );
    return 2;
  }
  const r = isPdf(buf) ? await importReport(buf, { locale: a.lang }) : importReport(decode(buf), { locale: a.lang });
  for (const d of r.diagnostics) io.stderr.write(`${shown(file)}${at(d)}: ${d.level}: ${shown(d.message)}\n`);
  if (!r.report) return 2;
  io.stdout.write(JSON.stringify(r.report, null, 2) + '\n');
  return 0;
}

async function cmdRender(a: Args, io: Io): Promise<number> {
  const t = T(a.lang);
  if (a.files.length !== 1) throw new UsageError('render 只接受一个文件', 'render needs exactly one file');
  const file = a.files[0]!;
  const loaded = await load(file, a.lang, false);
  if (loaded.error) {
    io.stderr.write(`${shown(file)}: ${loaded.error}\n`);
    return 2;
  }
  for (const d of loaded.diagnostics)
    if (d.level !== 'info') io.stderr.write(`${shown(file)}${at(d)}: ${d.level}: ${d.message}\n`);
  let report = loaded.report;
  if (typeof report === 'string') {
    const p = parseJsonText(report);
    if (!p.ok) {
      io.stderr.write(
        `${shown(file)}:${p.position.line}:${p.position.column}: ${jsonSyntaxMessage(p.reason, p.position.line, p.position.column, a.lang)}\n`,
      );
      return 2;
    }
    report = p.value;
  }
  let fragment: string;
  try {
    // The page shows the findings (summary, badges, marks) without JavaScript; the fragment is the
    // element's fallback, as before (the element shows the findings itself).
    const result = a.fragment ? undefined : await validate(report, { locale: a.lang, packs: [PROSE_RULES] });
    fragment = renderStaticHtml(report, { locale: a.lang, ...(result ? { result } : {}) });
  } catch (e) {
    io.stderr.write(`${shown(file)}: ${(e as Error).message}\n`);
    return 2;
  }
  const rep = report as Record<string, unknown>;
  const title =
    typeof rep['title'] === 'string'
      ? rep['title']
      : t('政府信息公开工作年度报告', 'Annual Report on Government Information Disclosure');
  const html = a.fragment
    ? fragment + '\n'
    : `<!doctype html>\n<html lang="${a.lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>\nbody { max-width: 60rem; margin: 1rem auto; padding: 0 1rem; font-family: system-ui, sans-serif; }\n${staticStylesheet()}\n</style>\n</head>\n<body>\n${fragment}\n</body>\n</html>\n`;
  if (a.out) {
    try {
      await writeFile(a.out, html);
    } catch (e) {
      io.stderr.write(`${shown(a.out)}: ${(e as Error).message}\n`);
      return 2;
    }
  } else io.stdout.write(html);
  return 0;
}

export async function main(
  argv: string[],
  io: Io = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const out = Output.of(io.stdout);
  const err = Output.of(io.stderr);
  // What the commands write goes through these: a failed write is recorded, never thrown.
  const safe: Io = {
    stdout: { write: (s: string) => (out.write(s), true), isTTY: io.stdout.isTTY } as Io['stdout'],
    stderr: { write: (s: string) => (err.write(s), true), isTTY: io.stderr.isTTY } as Io['stderr'],
  };
  let code: number;
  try {
    const a = parseArgs(argv);
    switch (a.command) {
      case 'validate':
        code = await cmdValidate(a, out, err, io);
        break;
      case 'import':
        code = await cmdImport(a, safe);
        break;
      case 'render':
        code = await cmdRender(a, safe);
        break;
      case 'version':
        out.write(VERSION + '\n');
        code = 0;
        break;
      case 'help':
        out.write(usage(a.lang));
        code = 0;
        break;
      case '':
        err.write(usage(a.lang));
        code = 2;
        break;
      default:
        throw new UsageError(`未知的命令 ${shown(a.command)}`, `unknown command ${shown(a.command)}`);
    }
  } catch (e) {
    const locale = askedLocale(argv);
    if (e instanceof UsageError) err.write(`disclosure-report: ${T(locale)(e.zh, e.en)}\n\n${usage(locale)}`);
    else err.write(`disclosure-report: ${shown(thrownText(e))}\n`);
    code = 2;
  }
  await out.settle();
  if (out.failed) {
    // The output is incomplete (a full disk…): that is not "errors found" (1) but a failed run.
    const e = out.failed;
    err.write(
      `disclosure-report: ${T(askedLocale(argv))('无法写出结果', 'cannot write the output')}: ${shown(String(e.message ?? e).split('\n')[0]!)}\n`,
    );
    code = 2;
  }
  await err.settle();
  return code;
}
