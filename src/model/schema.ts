/**
 * The REPORT-JSON contract (version 1) as a zod schema, built from the layouts: every table's
 * object shape comes from `layout.ts`, so the schema cannot drift from the official tables.
 *
 * Uses `zod/mini` (about 4 KB) so the `./rules` entry stays small.
 */
import * as z from 'zod/mini';

import { otherHandlingShapeOf, type OtherHandlingShape, type Format, type TableId, type ValueKind } from './layout.js';
import { parseJsonText, locatePath, numberLiteralAt, type TextPosition } from './json.js';
import { AGENCY_TIERS, DECIMAL_STRING, ISO_DATE, describe, jsonSyntaxMessage, localeOf, tableTree, topLevelError, unreadableError, type Locale, type ReportError, type Tree } from './contract.js';

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

/**
 * The building blocks, made on first use: nothing of zod runs at import time, so bundles that never
 * call parseReport (the script-tag bundle) leave zod out entirely.
 */
let parts: { CELL: Record<ValueKind, z.ZodMiniType>; ANY_CELL: z.ZodMiniType; extraRow: z.ZodMiniType } | undefined;
function blocks() {
  if (parts) return parts;
  // No code generation: zod's JIT probes `new Function`, which a strict Content-Security-Policy
  // reports as a violation even when the probe is caught. The schema runs the same without it.
  z.config({ jitless: true });
  const count = z.int().check(z.nonnegative());
  const money = z.union([z.number().check(z.nonnegative()), z.string().check(z.regex(DECIMAL_STRING))]);
  const amount = z.union([money, z.strictObject({ value: money, unit: z.optional(z.string()) })]);
  return (parts = {
    CELL: { count: z.nullish(count), signed: z.nullish(z.int()), money: z.nullish(money), amount: z.nullish(amount) },
    /** Cells accepted as anything: the structure alone. */
    ANY_CELL: z.unknown(),
    extraRow: z.strictObject({ label: z.string(), values: z.array(z.union([z.number(), z.string(), z.null()])) }),
  });
}

const same = (a: Tree | ValueKind, b: Tree | ValueKind) => JSON.stringify(a) === JSON.stringify(b);

/** A strict object schema for a tree; where two trees differ (（六）其他处理), a union of both shapes. */
function treeSchema(a: Tree, b: Tree = a, top = false, cells = true): z.ZodMiniType {
  const { CELL, ANY_CELL, extraRow } = blocks();
  const shape: Record<string, z.ZodMiniType> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key] ?? b[key]!;
    const y = b[key] ?? a[key]!;
    if (typeof x === 'string') shape[key] = cells ? CELL[x] : ANY_CELL;
    else if (same(x, y) || typeof y === 'string') shape[key] = z.optional(treeSchema(x, x, false, cells));
    else shape[key] = z.optional(z.union([treeSchema(x, x, false, cells), treeSchema(y as Tree, y as Tree, false, cells)]));
  }
  if (top) shape['extras'] = z.optional(z.array(extraRow));
  return z.strictObject(shape);
}

/**
 * The zod schema of a report in one format (（六）其他处理 in either shape, or in the one given).
 * `cells: false` leaves cell values unchecked. The JSON Schema is the union of both formats, discriminated by
 * `format` (src/model/json-schema.ts).
 */
export function reportSchema(format: Format, shape?: OtherHandlingShape, cells = true) {
  const own = format === '2019' ? 'row' : 'group';
  const other = own === 'row' ? 'group' : 'row';
  const applications = shape
    ? treeSchema(tableTree(format, 'applications', shape), undefined, true, cells)
    : treeSchema(tableTree(format, 'applications', own), tableTree(format, 'applications', other), true, cells);
  return z.looseObject({
    schemaVersion: z.literal(1),
    format: z.literal(format),
    year: z.int().check(z.gte(1990), z.lte(2999)),
    agency: z.optional(z.looseObject({ name: z.string(), tier: z.optional(z.enum(AGENCY_TIERS)) })),
    title: z.optional(z.string()),
    publishedOn: z.optional(z.string().check(z.regex(ISO_DATE))),
    sections: z.optional(
      z.strictObject({ overview: z.nullish(z.string()), problems: z.nullish(z.string()), other: z.nullish(z.string()) }),
    ),
    proactive: z.optional(treeSchema(tableTree(format, 'proactive', own), undefined, true, cells)),
    applications: z.optional(applications),
    appeals: z.optional(treeSchema(tableTree(format, 'appeals', own), undefined, true, cells)),
  });
}


/** One schema per format and （六） shape: checking against the shape found gives precise errors. */
const exactSchemas = new Map<string, z.ZodMiniType>();
function exactSchema(format: Format, shape: OtherHandlingShape, cells: boolean): z.ZodMiniType {
  const key = format + shape + cells;
  let s = exactSchemas.get(key);
  if (!s) exactSchemas.set(key, (s = reportSchema(format, shape, cells)));
  return s;
}

export type ParseResult = { ok: true; report: Report; errors: [] } | { ok: false; report?: undefined; errors: ReportError[] };

export interface ParseOptions {
  locale?: Locale;
}

/**
 * Check input against the REPORT-JSON contract. `input` is JSON text or an already parsed value.
 * Never throws: returns the typed report, or every problem found, each located by its JSON path
 * (and line/column when the input was text), with a message in the requested locale.
 */
export function parseReport(input: unknown, options: ParseOptions = {}): ParseResult {
  try {
    return parse(input, localeOf(options));
  } catch (e) {
    return { ok: false, errors: [unreadableError(e, [['', input]], localeOf(options))] };
  }
}

function parse(input: unknown, locale: Locale): ParseResult {
  let value = input;
  const text = typeof input === 'string' ? input : undefined;
  if (text !== undefined) {
    const parsed = parseJsonText(text);
    if (!parsed.ok) {
      const { line, column } = parsed.position;
      const message = jsonSyntaxMessage(parsed.reason, line, column, locale);
      return { ok: false, errors: [{ path: '', code: 'json-syntax', message, line, column }] };
    }
    value = parsed.value;
  }
  // Numbers in messages as written in the text (1e400, not Infinity; 9007199254740993, not …992).
  const asWritten = text === undefined ? undefined : (path: string, v: unknown) => {
    if (typeof v !== 'number') return undefined;
    const pos = locatePath(text, path ? path.split('.') : []);
    return pos && numberLiteralAt(text, pos.offset);
  };
  const errors = schemaIssues(value, locale, true, asWritten);
  if (errors.length) {
    if (text !== undefined) for (const e of errors) Object.assign(e, located(text, e.path));
    return { ok: false, errors };
  }
  return { ok: true, report: value as Report, errors: [] };
}

function located(text: string, path: string): Partial<TextPosition> {
  const pos = locatePath(text, path ? path.split('.') : []);
  return pos ? { line: pos.line, column: pos.column } : {};
}

/**
 * Every schema problem of a value (empty when it fits the contract). With `cells: false` the
 * values of table cells are not checked, only the structure around them (validate() does that,
 * since its NUM rule reports cell values).
 */
export function schemaErrors(value: unknown, locale: Locale = 'zh-CN', options: { cells?: boolean } = {}): ReportError[] {
  try {
    return schemaIssues(value, locale === 'en' ? 'en' : 'zh-CN', options?.cells !== false);
  } catch (e) {
    return [unreadableError(e, [['', value]], locale === 'en' ? 'en' : 'zh-CN')];
  }
}

function schemaIssues(value: unknown, locale: Locale, cells: boolean, asWritten?: (path: string, value: unknown) => string | undefined): ReportError[] {
  const top = topLevelError(value, locale, asWritten);
  if (top) return [top];
  const format = (value as Record<string, unknown>)['format'] as Format;
  const result = z.safeParse(exactSchema(format, otherHandlingShapeOf((value as Record<string, unknown>)['applications'], format), cells), value);
  if (result.success) return [];
  const out: ReportError[] = [];
  for (const issue of flatten(result.error.issues)) {
    const path = issue.path.join('.');
    const v = valueAt(value, issue.path);
    out.push({ path, code: issue.code, message: describe({ ...issue, value: v, shown: asWritten?.(path, v) }, locale) });
  }
  return out;
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
const depth = (issues: readonly Issue[]) => Math.max(0, ...issues.map((i) => i.path.length + (i.code === 'invalid_type' ? 0 : 0.5)));

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let o: unknown = root;
  for (const k of path) o = o !== null && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined;
  return o;
}

