/**
 * `parseReport`: input checked against the REPORT-JSON contract (the zod schema of zod-schema.ts),
 * with located errors in zh-CN or en.
 */
import * as z from 'zod/mini';
import { exactSchema } from './zod-schema.js';
import { isObject, otherHandlingShapeOf, TABLE_IDS, type Format, type TableId } from './layout.js';
import { parseJsonText, writtenNumber, indexPositions } from './json.js';
import { parseDecimal } from './decimal.js';
import {
  cut,
  describe,
  extrasErrors,
  jsonSyntaxMessage,
  tooLongMessage,
  topLevelError,
  unreadableError,
  type Locale,
  type ReportError,
} from './contract.js';

// The public part of the contract module (its value-preview and guard helpers stay internal).
export {
  DECIMAL_STRING,
  ISO_DATE,
  AGENCY_TIERS,
  YEAR_RANGE,
  JSON_REASON,
  tableTree,
  jsonSyntaxMessage,
  topLevelError,
  structureErrors,
  describe,
  type Locale,
  type ReportError,
  type Tree,
} from './contract.js';
import type { Report } from './report.js';
import { localeOption } from '../i18n/locale.js';

export type ParseResult =
  { ok: true; report: Report; errors: [] } | { ok: false; report?: undefined; errors: ReportError[] };

export interface ParseOptions {
  locale?: Locale;
}

/**
 * Check input against the REPORT-JSON contract. `input` is JSON text or an already parsed value.
 * Never throws: returns the typed report, or every problem found, each located by its JSON path
 * (and line/column when the input was text), with a message in the requested locale.
 */
export function parseReport(input: unknown, options: ParseOptions = {}): ParseResult {
  const locale = localeOption(options);
  try {
    return parse(input, locale);
  } catch (e) {
    return { ok: false, errors: [unreadableError(e, [['', input]], locale)] };
  }
}

function parse(input: unknown, locale: Locale): ParseResult {
  let value = input;
  const text = typeof input === 'string' ? input : undefined;
  let errors: ReportError[];
  if (text !== undefined) {
    const parsed = parseJsonText(text);
    if (!parsed.ok) {
      const { line, column } = parsed.position;
      const message = jsonSyntaxMessage(parsed.reason, line, column, locale);
      return { ok: false, errors: [{ path: '', code: 'json-syntax', message, line, column }] };
    }
    value = parsed.value;
    errors = schemaIssues(value, locale, true, text.trim());
    // Numbers too long to be checked, in the tables (JSON.parse reads 1e400 as Infinity, 0.000…01 as 0).
    const seen = new Set(errors.map((e) => e.path));
    for (const { path, literal } of parsed.numbers ?? []) {
      const at = path.join('.');
      if (parseDecimal(literal) === null && TABLE_IDS.includes(path[0] as TableId) && !seen.has(at)) {
        errors.push({ path: at, code: 'too_long', message: tooLongMessage(cut(literal), locale) });
      }
    }
    // Every error located in one pass over the text.
    const at = errors.length ? indexPositions(text) : undefined;
    for (const e of errors) {
      const pos = at!(e.path ? e.path.split('.') : []);
      if (pos) Object.assign(e, { line: pos.line, column: pos.column });
    }
  } else errors = schemaIssues(value, locale, true);
  return errors.length ? { ok: false, errors } : { ok: true, report: value as Report, errors: [] };
}

/**
 * Every schema problem of a value (empty when it fits the contract). With `cells: false` the
 * values of table cells are not checked, only the structure around them (validate() does that,
 * since its NUM rule reports cell values).
 */
export function schemaErrors(
  value: unknown,
  locale: Locale = 'zh-CN',
  options: { cells?: boolean } = {},
): ReportError[] {
  try {
    return schemaIssues(value, locale, options?.cells !== false);
  } catch (e) {
    return [unreadableError(e, [['', value]], locale)];
  }
}

/** `rootLiteral`: the JSON text of the value, shown when the value is a number that is not a report. */
function schemaIssues(value: unknown, locale: Locale, cells: boolean, rootLiteral?: string): ReportError[] {
  // Numbers in messages as written in JSON text (1e400, not Infinity; 9007199254740993, not …992).
  const asWritten = (path: string, v: unknown) => {
    if (typeof v !== 'number') return undefined;
    if (!path) return rootLiteral;
    const keys = path.split('.');
    return writtenNumber(valueAt(value, keys.slice(0, -1)), keys[keys.length - 1]!);
  };
  const top = topLevelError(value, locale, asWritten);
  if (top) return [top];
  const report = value as Record<string, unknown>;
  const format = report['format'] as Format;
  const result = z.safeParse(exactSchema(format, otherHandlingShapeOf(report['applications'], format), cells), value);
  // Extra rows: the contract's own check (any number of them; see exactSchema).
  const out: ReportError[] = [];
  for (const table of TABLE_IDS) {
    const t = report[table];
    if (isObject(t)) for (const e of extrasErrors(t['extras'], `${table}.extras`, locale)) out.push(e);
  }
  if (result.success) return out;
  const issues: ReportError[] = [];
  for (const issue of flatten(result.error.issues)) {
    const path = issue.path.join('.');
    const v = valueAt(value, issue.path);
    issues.push({
      path,
      code: issue.code,
      message: describe({ ...issue, value: v, shown: asWritten(path, v) }, locale),
    });
  }
  return issues.concat(out);
}

type Issue = z.core.$ZodIssue;

/** Unions report one issue per branch; keep the branch that got furthest (the most specific). */
function flatten(issues: readonly Issue[]): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && 'errors' in issue && issue.errors.length) {
      const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
      if (depth(best) > 0) {
        out.push(...flatten(best.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as Issue)));
        continue;
      }
    }
    out.push(issue);
  }
  return out;
}
const depth = (issues: readonly Issue[]) =>
  Math.max(0, ...issues.map((i) => i.path.length + (i.code === 'invalid_type' ? 0 : 0.5)));

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let o: unknown = root;
  for (const k of path) o = o !== null && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined;
  return o;
}
