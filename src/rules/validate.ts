import { isObject } from '../model/layout.js';
import { locatePath, numberLiteralAt, parseJsonText } from '../model/json.js';
import {
  cut,
  jsonSyntaxMessage,
  localeOf,
  structureErrors,
  unreadableError,
  unreadablePath,
  type Locale,
  type ReportError,
} from '../model/contract.js';
import type { Report } from '../model/report.js';
import { runRules } from './engine.js';
import type { RuleFile } from './catalog.js';
import type { Outcome } from './facts/types.js';
import type { Finding, Summary, ValidateOptions, ValidationResult } from './types.js';

/** Fill a message template: `{name}` takes a var (label in the locale), `{expected}`, `{actual}`. */
export function formatMessage(template: string, outcome: Outcome, locale: Locale): string {
  const lang = locale === 'en' ? 'en' : 'zh';
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name === 'expected') return outcome.expected ?? '';
    if (name === 'actual') return outcome.actual ?? '';
    const v = outcome.vars?.[name];
    if (v === undefined) return whole;
    return typeof v === 'string' ? v : v[lang];
  });
}

function message(rule: RuleFile, outcome: Outcome, locale: Locale): string {
  const variant = outcome.variant ?? (outcome.status === 'skipped' ? 'skipped' : 'default');
  const templates = rule.messages[variant] ?? rule.messages['default'] ?? Object.values(rule.messages)[0];
  const template = templates?.[locale] ?? templates?.['zh-CN'] ?? '';
  return formatMessage(template, outcome, locale);
}

/**
 * A cell's `{value}` as written in the JSON text when JSON.parse changed it (1e400 read as Infinity,
 * 9007199254740993 as …992, 1e-7 shown as 1e-7): only for the few findings that show such a number.
 */
function asWritten(o: Outcome, text: string): Outcome {
  const shown = o.vars?.['value'];
  if (typeof shown !== 'string' || o.cells.length !== 1 || !/^-?(?:Infinity|\d{16}|[\d.]*e)/.test(shown)) return o;
  const pos = locatePath(text, o.cells[0]!.split('.'));
  const literal = pos && numberLiteralAt(text, pos.offset);
  return literal ? { ...o, vars: { ...o.vars, value: cut(literal) } } : o;
}

const emptySummary = (): Summary => ({ errors: 0, warnings: 0, infos: 0, skipped: 0, checked: 0 });

function count(summary: Summary, f: Finding) {
  if (f.status === 'skipped') summary.skipped++;
  else if (f.severity === 'error') summary.errors++;
  else if (f.severity === 'warning') summary.warnings++;
  else summary.infos++;
}

/** A contract problem as a SCHEMA finding, located at its path. */
const schemaFinding = (e: ReportError, severity: Finding['severity'] = 'error'): Finding => ({
  rule: 'SCHEMA',
  severity,
  status: 'fail',
  cells: e.path ? [e.path] : [],
  message: e.message,
});

/** Structure problems (the values of cells are NUM's). */
function schemaFindings(report: unknown, locale: Locale): Finding[] {
  return structureErrors(report, locale).map((e) => schemaFinding(e));
}

/**
 * Check a report against the rules of rules/ (docs/format.md §6). `report` is a REPORT-JSON object or
 * JSON text; it may be incomplete or wrong in any way: problems come back as findings, never as an
 * exception. Cross-year rules run when `previous` is given; the rules of `packs` (such as the prose
 * pack of the importer, PROSE_RULES) run after the table rules.
 */
export async function validate(report: unknown, options: ValidateOptions = {}): Promise<ValidationResult> {
  options ??= {};
  const locale = localeOf(options);
  try {
    return await check(report, options, locale);
  } catch (e) {
    // Input that throws when read (a getter, a Proxy) is a finding, never an exception. Anything else
    // (a broken rule pack, a bug) is not the report's fault and is thrown as it is.
    let previous: unknown;
    try {
      previous = options.previous;
    } catch {
      // options themselves unreadable: the report is looked at alone
    }
    if (unreadablePath(report) !== undefined) {
      const f = schemaFinding(unreadableError(e, [['', report]], locale));
      const summary = emptySummary();
      count(summary, f);
      return { findings: [f], summary };
    }
    if (previous !== undefined && unreadablePath(previous) !== undefined) {
      // Last year's report cannot be read: this year's is checked without it, with a warning.
      const result = await check(report, { ...options, previous: undefined }, locale);
      const f = schemaFinding(unreadableError(e, [['previous:', previous]], locale), 'warning');
      result.findings.push(f);
      count(result.summary, f);
      return result;
    }
    throw e;
  }
}

async function check(report: unknown, options: ValidateOptions, locale: Locale): Promise<ValidationResult> {
  const summary = emptySummary();
  const fail = (findings: Finding[]): ValidationResult => {
    for (const f of findings) count(summary, f);
    return { findings, summary };
  };
  let value = report;
  const text = typeof report === 'string' ? report : undefined;
  if (typeof report === 'string') {
    const parsed = parseJsonText(report);
    if (!parsed.ok) {
      const { line, column } = parsed.position;
      return fail([
        {
          rule: 'SCHEMA',
          severity: 'error',
          status: 'fail',
          cells: [],
          message: jsonSyntaxMessage(parsed.reason, line, column, locale),
        },
      ]);
    }
    value = parsed.value;
  }
  let previous = options.previous;
  /** Why last year's report cannot be used, when it is given but unusable. */
  let previousProblem: string | undefined;
  if (typeof previous === 'string') {
    const p = parseJsonText(previous);
    if (p.ok) previous = p.value;
    else {
      previousProblem = jsonSyntaxMessage(p.reason, p.position.line, p.position.column, locale);
      previous = undefined;
    }
  }
  if (!isObject(value) || !['2019', '2021'].includes(value['format'] as string))
    return fail(schemaFindings(value, locale));
  const prevOk = isObject(previous) && ['2019', '2021'].includes(previous['format'] as string) ? previous : null;
  const findings = schemaFindings(value, locale);
  for (const f of findings) count(summary, f);
  if (previousProblem !== undefined || (previous != null && !prevOk)) {
    const f: Finding = {
      rule: 'SCHEMA',
      severity: 'warning',
      status: 'fail',
      cells: [],
      message:
        previousProblem !== undefined
          ? locale === 'en'
            ? `the previous report cannot be read: ${previousProblem}; cross-year rules skipped`
            : `上一年度报告无法读取：${previousProblem}，跨年度规则未执行`
          : locale === 'en'
            ? 'the previous report is not a REPORT-JSON report: cross-year rules skipped'
            : '上一年度报告不是有效的报告 JSON，跨年度规则未执行',
    };
    findings.push(f);
    count(summary, f);
  }
  const runs = await runRules(value, prevOk, options.packs ?? []);
  for (const run of runs) {
    if (!run.applicable) continue;
    const params = run.rule.event.params;
    summary.checked += run.result.held;
    for (let o of run.result.outcomes) {
      if (text !== undefined) o = asWritten(o, text);
      const f: Finding = {
        rule: run.rule.event.type,
        severity: params.severity,
        status: o.status,
        cells: o.cells,
        message: message(run.rule, o, locale),
      };
      if (o.expected !== undefined) f.expected = o.expected;
      if (o.actual !== undefined) f.actual = o.actual;
      if (o.status === 'fail') summary.checked++;
      count(summary, f);
      findings.push(f);
    }
  }
  return { findings, summary, report: value as Report };
}
