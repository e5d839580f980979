import { isObject } from '../model/layout.js';
import { parseJsonText } from '../model/json.js';
import {
  jsonSyntaxMessage,
  structureErrors,
  thrownText,
  unreadableError,
  unreadablePath,
  type Locale,
  type ReportError,
} from '../model/contract.js';
import type { Report } from '../model/report.js';
import { runRules } from './engine.js';
import type { RuleFile } from './catalog.js';
import { inLocale, localeOption, textKey } from '../i18n/locale.js';
import { contractStrings } from '../i18n/contract.js';
import type { Outcome } from './facts/types.js';
import type { RulePack } from './packs.js';
import type { Finding, Summary, ValidateOptions, ValidationResult } from './types.js';

/** Fill a message template: `{name}` takes a var (label in the locale), `{expected}`, `{actual}`. */
export function formatMessage(template: string, outcome: Outcome, locale: Locale): string {
  const lang = textKey(locale);
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
  const template = inLocale(templates, locale) ?? '';
  return formatMessage(template, outcome, locale);
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
  const locale = localeOption(options);
  const t = contractStrings(locale);
  // An option that cannot be read, or a `packs` that is not a list of rule packs, is ignored with a warning.
  const ignored: Finding[] = [];
  const option = (key: 'previous' | 'packs'): unknown => {
    try {
      const v = (options as Record<string, unknown> | null | undefined)?.[key];
      if (key === 'packs' && v != null) {
        const packs = Array.isArray(v) ? [...(v as unknown[])] : [];
        if (!Array.isArray(v) || !packs.every(isPack)) throw v; // shown as it is
        return packs;
      }
      return v;
    } catch (e) {
      ignored.push(schemaFinding({ path: '', code: '', message: t.optionIgnored(key, thrownText(e)) }, 'warning'));
    }
  };
  const previous = option('previous');
  const packs = (option('packs') ?? []) as RulePack[];
  let result: ValidationResult;
  try {
    result = await check(report, previous, packs, locale);
  } catch (e) {
    // Input that throws when read (a getter, a Proxy) is a finding, never an exception. Anything else
    // (a rule pack whose rules or facts are broken, a bug) is not the report's fault and is thrown as it is.
    if (unreadablePath(report) !== undefined) {
      result = { findings: [schemaFinding(unreadableError(e, [['', report]], locale))], summary: emptySummary() };
      count(result.summary, result.findings[0]!);
    } else if (previous !== undefined && unreadablePath(previous) !== undefined) {
      // Last year's report cannot be read: this year's is checked without it, with a warning.
      result = await check(report, undefined, packs, locale);
      ignored.push(schemaFinding(unreadableError(e, [['previous:', previous]], locale), 'warning'));
    } else throw e;
  }
  for (const f of ignored) {
    result.findings.push(f);
    count(result.summary, f);
  }
  return result;
}

/** Enough of a rule pack to be run (its rules and facts are the caller's: if they are broken, that is thrown). */
const isPack = (p: unknown) =>
  isObject(p) && typeof p['name'] === 'string' && Array.isArray(p['rules']) && isObject(p['outcomeFacts']);

async function check(
  report: unknown,
  previous: unknown,
  packs: readonly RulePack[],
  locale: Locale,
): Promise<ValidationResult> {
  const summary = emptySummary();
  const fail = (findings: Finding[]): ValidationResult => {
    for (const f of findings) count(summary, f);
    return { findings, summary };
  };
  let value = report;
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
          ? contractStrings(locale).previousUnreadable(previousProblem)
          : contractStrings(locale).previousNotReport,
    };
    findings.push(f);
    count(summary, f);
  }
  const runs = await runRules(value, prevOk, packs);
  for (const run of runs) {
    if (!run.applicable) continue;
    const params = run.rule.event.params;
    summary.checked += run.result.held;
    for (const o of run.result.outcomes) {
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
