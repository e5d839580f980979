/**
 * `disclosure-report` command line: import published reports into REPORT-JSON, validate many
 * reports (JSON, HTML, text) in one run, render a report as static HTML for a CMS.
 *
 * Exit codes: 0 no error findings; 1 at least one error finding; 2 an input could not be read, the
 * output could not be written, or bad usage.
 */
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { importReport, PROSE_RULES, type Diagnostic } from '../import/entry.js';
import { validate } from '../rules/index.js';
import { parseJsonText } from '../model/json.js';
import { jsonSyntaxMessage, thrownText } from '../model/contract.js';
import { escapeHtml, renderStaticHtml, staticStylesheet } from '../render/static.js';
import { VERSION } from '../version.js';
import type { Finding, Severity, Summary } from '../rules/types.js';
import { decodeText } from '../model/decode.js';
import { REPORT_TITLE } from '../model/layout.js';
import { textKey, type Locale } from '../i18n/locale.js';
import { cliLocale, cliStrings, type CliStrings, type NotInputKind, type RunTotals } from '../i18n/cli.js';

const INPUT_EXT = new Set(['.json', '.txt', '.html', '.htm', '.md', '.pdf']);
const INPUT_LIST = [...INPUT_EXT].join(' ');
/** `--jobs` above this is bad usage (each worker holds its own copy of the importer and pdf.js). */
const MAX_JOBS = 64;

/** A PDF by its header (`%PDF-` within the first KB), whatever the file is named. */
const isPdf = (buf: Uint8Array) => Buffer.from(buf.subarray(0, 1024)).includes('%PDF-');

/** Where a diagnostic is: `:line`, or ` (p. 3)` in a PDF. */
const at = (d: Diagnostic) => (d.line ? `:${d.line}` : d.page ? ` (p. ${d.page})` : '');

/**
 * Files a folder of reports often holds that are not inputs: what each is and how to check it. A file
 * named on the command line with one of these extensions is refused with this reason (exit 2). When an
 * input type is added to INPUT_EXT (as `.pdf` was), delete its row here: INPUT_EXT is looked at first.
 */
const NOT_INPUT: Record<string, NotInputKind> = {
  ...Object.fromEntries(['.doc', '.docx', '.wps', '.rtf', '.odt'].map((x) => [x, 'word' as const])),
  ...Object.fromEntries(['.xls', '.xlsx', '.et', '.ods', '.csv'].map((x) => [x, 'sheet' as const])),
  ...Object.fromEntries(
    ['.png', '.jpg', '.jpeg', '.gif', '.bmp', '.webp', '.tif', '.tiff', '.svg'].map((x) => [x, 'image' as const]),
  ),
  ...Object.fromEntries(['.zip', '.rar', '.7z', '.gz', '.tar', '.tgz'].map((x) => [x, 'archive' as const])),
};
interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

const usage = (locale: Locale) => cliStrings(locale).usage(INPUT_LIST);

/** Bad usage: its message in any locale (the locale may be what is wrong; it is said in the one asked for). */
class UsageError extends Error {
  constructor(readonly says: (s: CliStrings) => string) {
    super(says(cliStrings('en')));
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
  /** `--jobs`: worker threads checking files; undefined: the default (see `jobsFor`). */
  jobs?: number;
}

function parseLang(v: string): Locale {
  const locale = cliLocale(v);
  if (locale) return locale;
  throw new UsageError((s) => s.badLang(shown(v)));
}

function parseFormat(v: string): OutputFormat {
  if (v === 'text' || v === 'json' || v === 'csv') return v;
  throw new UsageError((s) => s.badFormat(shown(v)));
}

function parseJobs(v: string): number {
  if (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_JOBS) return Number(v);
  throw new UsageError((s) => s.badJobs(shown(v), MAX_JOBS));
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
      if (v === undefined) throw new UsageError((s) => s.needsValue(shown(x)));
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
    else if (x === '-j' || name === '--jobs') a.jobs = parseJobs(arg());
    else if (/^-j\d/.test(x)) a.jobs = parseJobs(x.slice(2));
    else if (x === '--fragment') a.fragment = true;
    else if (x === '-r' || x === '--recursive') a.recursive = true;
    else if (x === '-v' || x === '--verbose') a.verbose = true;
    else if (x === '--errors-only') a.errorsOnly = true;
    else if (x === '--no-bom') a.bom = false;
    else if (x === '-h' || x === '--help') help = true;
    else if (x === '--version' || x === '-V') version = true;
    else throw new UsageError((s) => s.unknownOption(shown(x)));
  }
  if (help) a.command = 'help';
  else if (version) a.command = 'version';
  return a;
}

/**
 * The locale the user asked for, for messages about bad usage: `--lang`'s when it is one, else English
 * when a `--lang` was given but is not Chinese (who writes `--lang fr` reads English sooner than Chinese).
 */
function askedLocale(argv: string[]): Locale {
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const x = argv[i]!;
    const v = x === '--lang' || x === '--locale' ? argv[i + 1] : /^--(?:lang|locale)=/.test(x) ? x.split('=')[1] : null;
    if (v != null) return cliLocale(v) ?? (/^zh/i.test(v) ? 'zh-CN' : 'en');
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
  const t = cliStrings(locale);
  const ext = extname(file).toLowerCase();
  const kind = INPUT_EXT.has(ext) ? undefined : NOT_INPUT[ext];
  if (kind) return { diagnostics: [], error: t.notInput[kind] };
  let buf: Uint8Array;
  try {
    buf = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    return { diagnostics: [], error: t.cannotRead(code || String(e)) };
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
      return { diagnostics: [], notReport: t.notReportJson };
    }
    return { report: text, diagnostics: [] };
  }
  const r = pdf ? await importReport(buf, { locale }) : importReport(text, { locale });
  if (!r.report) {
    const msg =
      r.diagnostics
        .filter((d) => d.level === 'error')
        .map((d) => d.message)
        .join(t.errorSep) || t.noReportFound;
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
  const t = cliStrings(locale);
  if (kind === 'subfolder' || kind === 'link' || kind === 'hidden') return t[kind];
  const type = NOT_INPUT[extname(path).toLowerCase()];
  return type ? t.notInput[type] : t.fileType(INPUT_LIST);
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

/** A cell the importer could not read from the published text (`report.source.unread`): where (a PDF's page) and why. */
interface Unread {
  cell: string;
  code: string;
  line?: number;
  page?: number;
}

/** Unread cells grouped by where and why, in the order first met. */
function unreadGroups(unread: Unread[]): Array<Omit<Unread, 'cell'> & { cells: string[] }> {
  const groups = new Map<string, Omit<Unread, 'cell'> & { cells: string[] }>();
  for (const { cell, ...u } of unread) {
    const key = `${u.line ?? ''}\u0000${u.page ?? ''}\u0000${u.code}`;
    const g = groups.get(key);
    if (g) g.cells.push(cell);
    else groups.set(key, { ...u, cells: [cell] });
  }
  return [...groups.values()];
}

const positive = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined);

/** `report.source.unread` as a list, keeping only well-formed entries (report data is untrusted). */
function unreadOf(report: unknown): Unread[] {
  const source = (report as { source?: { unread?: unknown } } | null)?.source;
  const map = source && typeof source === 'object' ? source.unread : undefined;
  if (!map || typeof map !== 'object' || Array.isArray(map)) return [];
  const out: Unread[] = [];
  for (const [cell, v] of Object.entries(map as Record<string, unknown>)) {
    const o = v && typeof v === 'object' ? (v as { code?: unknown; line?: unknown; page?: unknown }) : {};
    if (typeof o.code !== 'string' || !o.code) continue;
    const line = positive(o.line);
    const page = positive(o.page);
    out.push({ cell, code: o.code, ...(line ? { line } : {}), ...(page ? { page } : {}) });
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
  unread?: Record<string, { code: string; line?: number; page?: number }>;
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
  const t = cliStrings(a.lang);
  const { verbose } = a;
  const name = k.bold(shown(r.file));
  if (r.error) {
    w(`${name}  ${k.red(t.unreadable)}${t.colon}${shown(r.error)}`);
    return;
  }
  const s = r.summary!;
  if (a.errorsOnly && !s.errors) return;
  const head = [
    r.format !== null ? t.format(r.format) : null,
    r.year !== null ? t.year(r.year) : null,
    r.agency !== null ? shown(r.agency) : null,
  ].filter((x) => x !== null);
  w(`${name}  ${k.dim(head.join(' · '))}`);
  const keep = shownSeverity(a);
  const importNotes = r.diagnostics.filter((d) => d.level !== 'info' && keep(d.level));
  const shownNotes = verbose ? importNotes : importNotes.slice(0, 5);
  for (const d of shownNotes) {
    w(
      `  ${d.level === 'error' ? k.red('✖') : k.yellow('!')} ${k.cyan(t.importTag)}${d.line ? t.atLine(d.line) : d.page ? t.atPage(d.page) : ''}${t.colon}${shown(d.message)}`,
    );
  }
  if (importNotes.length > shownNotes.length) w(k.dim(`  … ${t.moreNotes(importNotes.length - shownNotes.length)}`));
  const unread = a.errorsOnly ? [] : unreadOf({ source: { unread: r.unread } });
  if (unread.length) {
    // Not the publisher's blank: the cells hold something the importer could not read. Grouped by where and why.
    w(`  ${k.cyan('?')} ${t.unreadHead(unread.length)}`);
    const pos = (g: { line?: number; page?: number }) => g.line ?? g.page ?? Infinity;
    const sorted = unreadGroups(unread).sort((x, y) => pos(x) - pos(y));
    const max = verbose ? Infinity : 10;
    for (const g of sorted.slice(0, max)) {
      const where = g.line ? t.line(g.line) : g.page ? t.page(g.page) : '';
      const reason = t.unreadWhy[g.code] ?? shown(g.code);
      w(
        `      ${[where, reason].filter(Boolean).join(t.sep)}${t.colon}${k.dim(shown(cellsText(g.cells, verbose ? Infinity : 4)))}`,
      );
    }
    if (sorted.length > max) w(k.dim(`      … ${t.moreGroups(sorted.length - max)}`));
  }
  const fails = shownFindings(r, a);
  const perRule = new Map<string, number>();
  const more = (rule: string) => {
    const n = (perRule.get(rule) ?? 0) - 6;
    if (!verbose && n > 0) w(k.dim(`  … ${t.moreOfRule(n, shown(rule))}`));
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
        ? `  ${t.expectedActual(shown(f.expected ?? '?'), shown(f.actual ?? '?'))}`
        : '';
    w(`  ${icon} ${k.bold(shown(f.rule).padEnd(11))} ${k.dim(shown(cellsText(f.cells)))}${ev}`);
    w(`      ${shown(f.message)}`);
  }
  if (prev !== undefined) more(prev);
  const parts = [
    s.errors ? k.red(t.errors(s.errors)) : t.errors(0),
    s.warnings ? k.yellow(t.warnings(s.warnings)) : t.warnings(0),
    t.infos(s.infos),
    t.skipped(s.skipped),
  ];
  w(`  ${parts.join(t.sep)}${a.errorsOnly && s.warnings + s.infos ? k.dim(t.othersHidden) : ''}`);
}

// CSV (RFC 4180): a header row, CRLF line ends, fields quoted when they hold a comma, quote or line end.
const CSV_HEADER = ['file', 'rule', 'severity', 'cells', 'expected', 'actual', 'message', 'line', 'page'];
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
  const t = cliStrings(a.lang);
  if (r.error) return csvRow([r.file, 'unreadable', 'error', '', '', '', r.error]);
  if (r.skipped !== undefined) return csvRow([r.file, 'not-checked', 'info', '', '', '', r.skipped]);
  const keep = shownSeverity(a);
  let out = '';
  for (const d of r.diagnostics)
    if (d.level !== 'info' && keep(d.level))
      out += csvRow([
        r.file,
        `import:${d.code}`,
        d.level,
        (d.cells ?? []).join(' '),
        '',
        '',
        d.message,
        d.line,
        d.page,
      ]);
  if (!a.errorsOnly && r.unread)
    for (const g of unreadGroups(unreadOf({ source: { unread: r.unread } })))
      out += csvRow([
        r.file,
        'unread',
        'info',
        g.cells.join(' '),
        '',
        '',
        t.unreadCsv(t.unreadWhy[g.code] ?? g.code),
        g.line,
        g.page,
      ]);
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

type Totals = RunTotals;

/** Counts a file's result in the run's totals (in the main thread, in input order, whoever checked it). */
function count(totals: Totals, r: FileResult): void {
  if (r.error) totals.unreadable++;
  else if (r.skipped !== undefined) totals.notChecked++;
  else if (r.summary) {
    totals.files++;
    totals.errors += r.summary.errors;
    totals.warnings += r.summary.warnings;
    if (r.summary.errors) totals.withErrors++;
    else if (r.summary.warnings) totals.withWarnings++;
  }
}

/** Load and validate one file. */
async function checkFile(file: string, fromFolder: boolean, lang: Locale, previous: unknown): Promise<FileResult> {
  const loaded = await load(file, lang, fromFolder);
  if (loaded.error || loaded.notReport) {
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
            skipped: cliStrings(lang).notAReport(loaded.notReport!),
            notChecked: 'not-a-report' as const,
          }),
    };
  }
  const v = await validate(loaded.report, {
    locale: lang,
    packs: [PROSE_RULES],
    ...(previous !== undefined ? { previous } : {}),
  });
  const rep = (v.report ?? {}) as Record<string, unknown>;
  const agency = rep['agency'] as { name?: unknown } | undefined;
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

/** A file whose check threw (or whose worker stopped): that file's error, the run goes on. */
const failedResult = (file: string, lang: Locale, why: string): FileResult => ({
  file,
  format: null,
  year: null,
  agency: null,
  findings: [],
  diagnostics: [],
  error: cliStrings(lang).checkFailed(why),
});

/**
 * How many worker threads check the files: `--jobs`, else the cores available up to 4; never more than
 * the files to check. 1: in this thread, one file after another.
 */
export function jobsFor(asked: number | undefined, files: number): number {
  const n = asked ?? Math.min(4, typeof availableParallelism === 'function' ? availableParallelism() : 1);
  return Math.max(1, Math.min(n, files));
}

/** What the main thread asks a worker (one file) and what the worker answers. */
type WorkerTask = { file: string; fromFolder: boolean };
type WorkerAnswer = { result: FileResult } | { thrown: string };
/** The worker's `workerData`: set once per worker (`--previous` is read once, in the main thread). */
interface WorkerInit {
  disclosureReportWorker: 1;
  lang: Locale;
  previous: unknown;
}

/**
 * In a worker thread started by `checkerPool` (this same module is the worker's script): check each file
 * the main thread sends, answer with its result or with what it threw.
 */
function serveChecks(init: WorkerInit): void {
  const port = parentPort!;
  port.on('message', async (task: WorkerTask) => {
    let answer: WorkerAnswer;
    try {
      answer = { result: await checkFile(task.file, task.fromFolder, init.lang, init.previous) };
    } catch (x) {
      answer = { thrown: thrownText(x) };
    }
    port.postMessage(answer);
  });
}

if (!isMainThread && (workerData as Partial<WorkerInit> | null)?.disclosureReportWorker === 1)
  serveChecks(workerData as WorkerInit);

/**
 * Node options for the workers: this process's, less those about a script given as a string (`node
 * --input-type=module -e "…main(…)"`), which a worker refuses (its script is this module's file).
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const x = execArgv[i]!;
    if (/^(?:--input-type|--eval|--print)=/.test(x)) continue;
    if (['--input-type', '-e', '--eval', '-p', '--print', '-pe'].includes(x)) i++;
    else out.push(x);
  }
  return out;
}

/** Checks files: `check` starts one file and resolves with its result (never rejects); `close` ends the workers. */
interface Checker {
  check(file: string, fromFolder: boolean): Promise<FileResult>;
  close(): Promise<void>;
}

/** One file after another, in this thread. */
function inProcessChecker(lang: Locale, previous: unknown): Checker {
  return {
    check: (file, fromFolder) =>
      checkFile(file, fromFolder, lang, previous).catch((x) => failedResult(file, lang, thrownText(x))),
    close: async () => {},
  };
}

/**
 * A pool of `size` worker threads running this module. Files are handed out in the order `check` is
 * called, each to the next idle worker. A worker that crashes (an uncaught error, out of memory, an
 * exit) fails the file it was checking and is replaced; the run goes on.
 */
function checkerPool(size: number, lang: Locale, previous: unknown): Checker {
  const t = cliStrings(lang);
  type Task = WorkerTask & { done: (r: FileResult) => void };
  type Slot = { worker: Worker; task?: Task; crash?: string };
  const queue: Task[] = [];
  const idle: Slot[] = [];
  const slots = new Set<Slot>();
  let closed = false;
  const init: WorkerInit = { disclosureReportWorker: 1, lang, previous };

  const give = (slot: Slot, task: Task) => {
    slot.task = task;
    slot.worker.postMessage({ file: task.file, fromFolder: task.fromFolder } satisfies WorkerTask);
  };
  const next = (slot: Slot) => {
    const task = queue.shift();
    if (task) give(slot, task);
    else idle.push(slot);
  };
  const spawn = () => {
    const worker = new Worker(new URL(import.meta.url), {
      workerData: init,
      execArgv: workerExecArgv(process.execArgv),
    });
    const slot: Slot = { worker };
    slots.add(slot);
    worker.on('message', (answer: WorkerAnswer) => {
      const task = slot.task!;
      slot.task = undefined;
      task.done('result' in answer ? answer.result : failedResult(task.file, lang, answer.thrown));
      next(slot);
    });
    worker.on('error', (e) => (slot.crash ??= thrownText(e)));
    worker.on('exit', (code) => {
      slots.delete(slot);
      const i = idle.indexOf(slot);
      if (i >= 0) idle.splice(i, 1);
      if (closed) return;
      const task = slot.task;
      if (task) task.done(failedResult(task.file, lang, slot.crash ?? t.workerStopped(code)));
      // The files still waiting need a worker.
      if (queue.length) next(spawn());
    });
    return slot;
  };

  return {
    check: (file, fromFolder) =>
      new Promise<FileResult>((done) => {
        const task: Task = { file, fromFolder, done };
        const slot = idle.pop() ?? (slots.size < size ? spawn() : undefined);
        if (slot) give(slot, task);
        else queue.push(task);
      }),
    close: async () => {
      closed = true;
      await Promise.all([...slots].map((s) => s.worker.terminate()));
    },
  };
}

async function cmdValidate(a: Args, out: Output, err: Output, io: Io): Promise<number> {
  const t = cliStrings(a.lang);
  if (!a.files.length) throw new UsageError((s) => s.validateNeedsFiles);
  let previous: unknown;
  if (a.previous) {
    const p = await load(a.previous, a.lang, false);
    if (p.error) {
      err.write(`${shown(a.previous)}: ${t.previousUnreadable}: ${shown(p.error)}\n`);
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
  const jobs = jobsFor(a.jobs, toCheck);
  const checker = jobs > 1 ? checkerPool(jobs, a.lang, previous) : inProcessChecker(a.lang, previous);
  // Results are printed in input order. Files are started ahead of the one printed next, at most
  // `window` of them (checked or being checked, held back): memory does not grow with the number of files.
  const window = jobs > 1 ? jobs * 8 : 1;
  const ahead: Array<Promise<FileResult>> = [];
  let started = 0;
  const start = (e: Entry): Promise<FileResult> =>
    'notChecked' in e
      ? Promise.resolve({
          file: e.file,
          format: null,
          year: null,
          agency: null,
          findings: [],
          diagnostics: [],
          skipped: e.reason,
          notChecked: e.notChecked,
        })
      : checker.check(e.file, e.fromFolder);
  let n = 0;
  let done = 0;
  try {
    for (const e of entries) {
      if (out.failed) break;
      while (started < entries.length && ahead.length < window) ahead.push(start(entries[started++]!));
      const checking = 'fromFolder' in e;
      if (checking) {
        done++;
        if (progress)
          err.write(
            `\r[${'#'.repeat(Math.round((done / toCheck) * 30)).padEnd(30, '.')}] ${done}/${toCheck} ${shown(basename(e.file)).slice(0, 40).padEnd(40)}`,
          );
      }
      const r = await ahead.shift()!;
      if (checking && progress) err.write('\r\u001b[K');
      count(totals, r);
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
  } finally {
    await checker.close();
  }
  if (a.format === 'json') out.write(n ? '\n]\n' : ']\n');
  if (a.format === 'text' && !out.failed) {
    if (notChecked.length) {
      // Grouped by reason: one reason, then the files and folders it applies to.
      w('');
      w(k.bold(t.notCheckedHead(notChecked.length)));
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
      w(k.bold(t.unreadableHead(unreadable.length)));
      for (const x of unreadable) w(`  ${k.red(shown(x.file))}  ${shown(x.reason)}`);
    }
    if (withErrors.length) {
      w('');
      w(k.bold(t.withErrorsHead(withErrors.length)));
      const width = String(Math.max(...withErrors.map((x) => x.errors))).length;
      for (const x of withErrors)
        w(`  ${k.red(String(x.errors).padStart(width))}  ${shown(x.rule).padEnd(11)} ${shown(x.file)}`);
    }
    w('\n' + t.summary(totals));
  }
  if (toCheck === 0) {
    err.write(t.noFiles(INPUT_LIST) + '\n');
    return 2;
  }
  return totals.unreadable ? 2 : totals.errors ? 1 : 0;
}

async function cmdImport(a: Args, io: Io): Promise<number> {
  if (a.files.length !== 1) throw new UsageError((s) => s.importOneFile);
  const file = a.files[0]!;
  let buf: Uint8Array;
  try {
    buf = await readFile(file);
  } catch (e) {
    io.stderr.write(
      `${shown(file)}: ${cliStrings(a.lang).cannotRead(String((e as NodeJS.ErrnoException).code ?? e))}\n`,
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
  if (a.files.length !== 1) throw new UsageError((s) => s.renderOneFile);
  const file = a.files[0]!;
  const loaded = await load(file, a.lang, false);
  if (loaded.error) {
    io.stderr.write(`${shown(file)}: ${shown(loaded.error)}\n`);
    return 2;
  }
  for (const d of loaded.diagnostics)
    if (d.level !== 'info') io.stderr.write(`${shown(file)}${at(d)}: ${d.level}: ${shown(d.message)}\n`);
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
    io.stderr.write(`${shown(file)}: ${shown((e as Error).message)}\n`);
    return 2;
  }
  const rep = report as Record<string, unknown>;
  const title = typeof rep['title'] === 'string' ? rep['title'] : REPORT_TITLE[textKey(a.lang)];
  const html = a.fragment
    ? fragment + '\n'
    : `<!doctype html>\n<html lang="${a.lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>\nbody { max-width: 60rem; margin: 1rem auto; padding: 0 1rem; font-family: system-ui, sans-serif; }\n${staticStylesheet()}\n</style>\n</head>\n<body>\n${fragment}\n</body>\n</html>\n`;
  if (a.out) {
    try {
      await writeFile(a.out, html);
    } catch (e) {
      io.stderr.write(`${shown(a.out)}: ${shown((e as Error).message)}\n`);
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
        throw new UsageError((s) => s.unknownCommand(shown(a.command)));
    }
  } catch (e) {
    const locale = askedLocale(argv);
    if (e instanceof UsageError) err.write(`disclosure-report: ${e.says(cliStrings(locale))}\n\n${usage(locale)}`);
    else err.write(`disclosure-report: ${shown(thrownText(e))}\n`);
    code = 2;
  }
  await out.settle();
  if (out.failed) {
    // The output is incomplete (a full disk…): that is not "errors found" (1) but a failed run.
    const e = out.failed;
    err.write(
      `disclosure-report: ${cliStrings(askedLocale(argv)).cannotWrite}: ${shown(String(e.message ?? e).split('\n')[0]!)}\n`,
    );
    code = 2;
  }
  await err.settle();
  return code;
}
