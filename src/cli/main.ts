/**
 * `disclosure-report` command line: import published reports into REPORT-JSON, validate many
 * reports (JSON, HTML, text) in one run, render a report as static HTML for a CMS.
 *
 * Exit codes: 0 no error findings; 1 at least one error finding; 2 an input could not be read
 * (or bad usage).
 */
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { importReport, PROSE_RULES, type Diagnostic } from '../import/index.js';
import { validate } from '../rules/index.js';
import { parseJsonText } from '../model/json.js';
import { jsonSyntaxMessage, thrownText } from '../model/contract.js';
import { escapeHtml, renderStaticHtml, staticStylesheet } from '../render/static.js';
import { VERSION } from '../version.js';
import type { Finding, Summary } from '../rules/types.js';
import type { Locale } from '../model/schema.js';

const INPUT_EXT = new Set(['.json', '.txt', '.html', '.htm', '.md']);

interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

const T = (locale: Locale) => (zh: string, en: string) => (locale === 'en' ? en : zh);

const USAGE = `Usage:
  disclosure-report import <file> [--lang en]
      Import a published report (HTML, text, PDF text): REPORT-JSON on stdout, diagnostics on stderr.
  disclosure-report validate <files or folders...> [--previous <file>] [--json] [--lang en]
                             [--recursive] [--verbose]
      Check reports (.json, .txt, .html, .htm, .md). Exit 0: no errors; 1: error findings;
      2: an input could not be read.
  disclosure-report render <file> [-o out.html] [--fragment] [--lang en]
      A standalone HTML page (or a fragment to paste into a CMS) with the static tables and the
      embedded JSON.
  disclosure-report --help | --version
`;

class UsageError extends Error {}

interface Args {
  command: string;
  files: string[];
  json: boolean;
  lang: Locale;
  previous?: string;
  out?: string;
  fragment: boolean;
  recursive: boolean;
  verbose: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    command: '',
    files: [],
    json: false,
    lang: 'zh-CN',
    fragment: false,
    recursive: false,
    verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${x} needs a value`);
      return v;
    };
    if (x === '--json') a.json = true;
    else if (x === '--lang' || x === '--locale') a.lang = value() === 'en' ? 'en' : 'zh-CN';
    else if (x.startsWith('--lang=')) a.lang = x.slice(7) === 'en' ? 'en' : 'zh-CN';
    else if (x === '--previous' || x === '-p') a.previous = value();
    else if (x.startsWith('--previous=')) a.previous = x.slice(11);
    else if (x === '-o' || x === '--out' || x === '--output') a.out = value();
    else if (x === '--fragment') a.fragment = true;
    else if (x === '-r' || x === '--recursive') a.recursive = true;
    else if (x === '-v' || x === '--verbose') a.verbose = true;
    else if (x === '-h' || x === '--help') a.command = 'help';
    else if (x === '--version' || x === '-V') a.command = 'version';
    else if (x.startsWith('-') && x !== '-') throw new UsageError(`unknown option ${x}`);
    else if (!a.command) a.command = x;
    else a.files.push(x);
  }
  return a;
}

/** Decode a file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (common on Chinese government sites). */
export function decode(buf: Uint8Array): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    try {
      return new TextDecoder('gb18030').decode(buf);
    } catch {
      return new TextDecoder('utf-8').decode(buf);
    }
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
  const text = decode(buf);
  if (extname(file).toLowerCase() === '.json') {
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
        notReport: t(
          '不是报告 JSON（没有 format / schemaVersion），已跳过',
          'not a report JSON (no format / schemaVersion); skipped',
        ),
      };
    }
    return { report: text, diagnostics: [] };
  }
  const r = importReport(text, { locale });
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

async function collect(paths: string[], recursive: boolean): Promise<Array<{ file: string; fromFolder: boolean }>> {
  const out: Array<{ file: string; fromFolder: boolean }> = [];
  const walk = async (dir: string, depth: number) => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      out.push({ file: dir, fromFolder: false });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (recursive) await walk(p, depth + 1);
      } else if (INPUT_EXT.has(extname(e.name).toLowerCase())) out.push({ file: p, fromFolder: true });
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
    if (s.isDirectory()) await walk(p, 0);
    else out.push({ file: p, fromFolder: false });
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
  error?: string;
  skipped?: string;
}

function colors(enabled: boolean) {
  const c = (code: string) => (s: string) => (enabled ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { red: c('31'), yellow: c('33'), cyan: c('36'), dim: c('2'), bold: c('1'), green: c('32') };
}

function cellsText(cells: string[]): string {
  if (!cells.length) return '';
  if (cells.length <= 2) return cells.join(', ');
  return `${cells.slice(0, 2).join(', ')} …(+${cells.length - 2})`;
}

function printFile(r: FileResult, io: Io, locale: Locale, verbose: boolean) {
  const t = T(locale);
  const k = colors(!!io.stdout.isTTY && !process.env['NO_COLOR']);
  const w = (s: string) => io.stdout.write(s + '\n');
  if (r.error) {
    w(`${k.bold(r.file)}  ${k.red(t('无法读取', 'unreadable'))}: ${r.error}`);
    return;
  }
  if (r.skipped) {
    w(`${k.bold(r.file)}  ${k.dim(t('跳过', 'skipped'))}: ${r.skipped}`);
    return;
  }
  const head = [r.format, r.year, r.agency].filter((x) => x !== null && x !== undefined).join(' · ');
  w(`${k.bold(r.file)}  ${k.dim(head)}`);
  const importNotes = r.diagnostics.filter((d) => d.level !== 'info');
  const shownNotes = verbose ? importNotes : importNotes.slice(0, 5);
  for (const d of shownNotes) {
    w(
      `  ${d.level === 'error' ? k.red('✖') : k.yellow('!')} ${k.cyan(t('导入', 'import'))}${d.line ? ` ${t('第', 'line ')}${d.line}${t(' 行', '')}` : ''}: ${d.message}`,
    );
  }
  if (importNotes.length > shownNotes.length)
    w(
      k.dim(
        `  … ${t(`另有 ${importNotes.length - shownNotes.length} 条导入提示（--verbose 显示全部）`, `${importNotes.length - shownNotes.length} more import notes (--verbose shows all)`)}`,
      ),
    );
  const fails = r.findings.filter((f) => f.status === 'fail');
  const order = { error: 0, warning: 1, info: 2 } as const;
  fails.sort((a, b) => order[a.severity] - order[b.severity]);
  const perRule = new Map<string, number>();
  const more = (rule: string) => {
    const n = (perRule.get(rule) ?? 0) - 6;
    if (!verbose && n > 0)
      w(k.dim(`  … ${t(`另有 ${n} 条 ${rule}（--verbose 显示全部）`, `${n} more ${rule} (--verbose shows all)`)}`));
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
        ? `  ${t('应为', 'expected')} ${f.expected ?? '?'}${t('，实为', ', got')} ${f.actual ?? '?'}`
        : '';
    w(`  ${icon} ${k.bold(f.rule.padEnd(11))} ${k.dim(cellsText(f.cells))}${ev}`);
    w(`      ${f.message}`);
  }
  if (prev !== undefined) more(prev);
  const s = r.summary!;
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
  w(`  ${parts.join(t('，', ', '))}`);
}

type Totals = {
  files: number;
  errors: number;
  warnings: number;
  withErrors: number;
  withWarnings: number;
  unreadable: number;
  skipped: number;
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
    else totals.skipped++;
    return {
      file,
      format: null,
      year: null,
      agency: null,
      findings: [],
      diagnostics: loaded.diagnostics,
      ...(loaded.error ? { error: loaded.error } : { skipped: loaded.notReport! }),
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
  return {
    file,
    format: typeof rep['format'] === 'string' ? rep['format'] : null,
    year: typeof rep['year'] === 'number' ? rep['year'] : null,
    agency: typeof agency?.name === 'string' ? agency.name : null,
    findings: v.findings,
    diagnostics: loaded.diagnostics,
    summary: v.summary,
  };
}

async function cmdValidate(a: Args, io: Io): Promise<number> {
  const t = T(a.lang);
  if (!a.files.length) throw new UsageError('validate needs at least one file or folder');
  let previous: unknown;
  if (a.previous) {
    const p = await load(a.previous, a.lang, false);
    if (p.error) {
      io.stderr.write(
        `${a.previous}: ${t('上一年度报告无法读取', 'the previous report cannot be read')}: ${p.error}\n`,
      );
      return 2;
    }
    previous = p.report;
  }
  const files = await collect(a.files, a.recursive);
  const progress = !!io.stderr.isTTY && files.length > 20;
  const results: FileResult[] = [];
  const totals: Totals = {
    files: 0,
    errors: 0,
    warnings: 0,
    withErrors: 0,
    withWarnings: 0,
    unreadable: 0,
    skipped: 0,
  };
  for (const [i, { file, fromFolder }] of files.entries()) {
    if (progress) {
      const width = 30;
      const done = Math.round(((i + 1) / files.length) * width);
      io.stderr.write(
        `\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${i + 1}/${files.length} ${basename(file).slice(0, 40).padEnd(40)}`,
      );
    }
    let r: FileResult;
    try {
      r = await checkFile(file, fromFolder, a, previous, totals);
    } catch (e) {
      // Whatever goes wrong with one file is that file's finding: the run goes on with the others.
      r = {
        file,
        format: null,
        year: null,
        agency: null,
        findings: [],
        diagnostics: [],
        error: t(`检查时出错（${thrownText(e)}）`, `checking it failed (${thrownText(e)})`),
      };
      totals.unreadable++;
    }
    if (a.json) results.push(r);
    else {
      if (progress) io.stderr.write('\r\u001b[K');
      printFile(r, io, a.lang, a.verbose);
    }
  }
  if (progress) io.stderr.write('\r\u001b[K');
  if (a.json) io.stdout.write(JSON.stringify(results, null, 1) + '\n');
  else {
    io.stdout.write(
      '\n' +
        t(
          `共检查 ${totals.files} 份报告：${totals.withErrors} 份有错误，${totals.withWarnings} 份仅有警告；错误 ${totals.errors} 个，警告 ${totals.warnings} 个` +
            (totals.unreadable ? `；${totals.unreadable} 个文件无法读取` : '') +
            (totals.skipped ? `；跳过 ${totals.skipped} 个非报告文件` : ''),
          `Checked ${totals.files} report${totals.files === 1 ? '' : 's'}: ${totals.withErrors} with errors, ${totals.withWarnings} with warnings only; ${totals.errors} errors, ${totals.warnings} warnings` +
            (totals.unreadable ? `; ${totals.unreadable} unreadable` : '') +
            (totals.skipped ? `; ${totals.skipped} non-report file(s) skipped` : ''),
        ) +
        '\n',
    );
  }
  if (files.length === 0) {
    io.stderr.write(
      t('没有找到可检查的文件（.json .txt .html .htm .md）\n', 'no files to check (.json .txt .html .htm .md)\n'),
    );
    return 2;
  }
  return totals.unreadable ? 2 : totals.errors ? 1 : 0;
}

async function cmdImport(a: Args, io: Io): Promise<number> {
  const t = T(a.lang);
  if (a.files.length !== 1) throw new UsageError('import needs exactly one file');
  const file = a.files[0]!;
  let buf: Uint8Array;
  try {
    buf = await readFile(file);
  } catch (e) {
    io.stderr.write(
      `${file}: ${t('无法读取文件', 'cannot read the file')} (${(e as NodeJS.ErrnoException).code ?? e})\n`,
    );
    return 2;
  }
  const r = importReport(decode(buf), { locale: a.lang });
  for (const d of r.diagnostics) io.stderr.write(`${file}${d.line ? `:${d.line}` : ''}: ${d.level}: ${d.message}\n`);
  if (!r.report) return 2;
  io.stdout.write(JSON.stringify(r.report, null, 2) + '\n');
  return 0;
}

async function cmdRender(a: Args, io: Io): Promise<number> {
  const t = T(a.lang);
  if (a.files.length !== 1) throw new UsageError('render needs exactly one file');
  const file = a.files[0]!;
  const loaded = await load(file, a.lang, false);
  if (loaded.error) {
    io.stderr.write(`${file}: ${loaded.error}\n`);
    return 2;
  }
  for (const d of loaded.diagnostics)
    if (d.level !== 'info') io.stderr.write(`${file}${d.line ? `:${d.line}` : ''}: ${d.level}: ${d.message}\n`);
  let report = loaded.report;
  if (typeof report === 'string') {
    const p = parseJsonText(report);
    if (!p.ok) {
      io.stderr.write(
        `${file}:${p.position.line}:${p.position.column}: ${jsonSyntaxMessage(p.reason, p.position.line, p.position.column, a.lang)}\n`,
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
    io.stderr.write(`${file}: ${(e as Error).message}\n`);
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
      io.stderr.write(`${a.out}: ${(e as Error).message}\n`);
      return 2;
    }
  } else io.stdout.write(html);
  return 0;
}

export async function main(
  argv: string[],
  io: Io = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let a: Args;
  try {
    a = parseArgs(argv);
    switch (a.command) {
      case 'validate':
        return await cmdValidate(a, io);
      case 'import':
        return await cmdImport(a, io);
      case 'render':
        return await cmdRender(a, io);
      case 'version':
        io.stdout.write(VERSION + '\n');
        return 0;
      case 'help':
        io.stdout.write(USAGE);
        return 0;
      case '':
        io.stderr.write(USAGE);
        return 2;
      default:
        throw new UsageError(`unknown command ${a.command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`disclosure-report: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr.write(`disclosure-report: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
}
