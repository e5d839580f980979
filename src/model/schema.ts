/**
 * The REPORT-JSON contract (version 1) as a zod schema, built from the layouts: every table's
 * object shape comes from `layout.ts`, so the schema cannot drift from the official tables.
 *
 * Uses `zod/mini` (about 4 KB) so the `./rules` entry stays small.
 */
import * as z from 'zod/mini';

// No code generation: zod's JIT probes `new Function`, which a strict Content-Security-Policy reports
// as a violation even when the probe is caught. The schema runs the same without it.
z.config({ jitless: true });
import { FORMATS, getLayout, gridCells, isObject, otherHandlingShapeOf, type OtherHandlingShape, type Format, type TableId, type ValueKind } from './layout.js';
import { parseJsonText, locatePath, type TextPosition, type JsonSyntaxReason } from './json.js';
import type { Report } from './report.js';

export type Locale = 'zh-CN' | 'en';

/** Matches an exact non-negative decimal written as a string: "12", "7730.28", "24252.311082". */
export const DECIMAL_STRING = /^\d+(\.\d+)?$/;
/** YYYY-MM-DD with a real month and day. */
export const ISO_DATE = /^\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-9]))$/;
export const AGENCY_TIERS = ['national-department', 'province', 'city', 'county', 'township', 'department'] as const;

const count = z.int().check(z.nonnegative());
const signed = z.int();
const money = z.union([z.number().check(z.nonnegative()), z.string().check(z.regex(DECIMAL_STRING))]);
const amount = z.union([money, z.strictObject({ value: money, unit: z.optional(z.string()) })]);
const CELL: Record<ValueKind, z.ZodMiniType> = {
  count: z.nullish(count),
  signed: z.nullish(signed),
  money: z.nullish(money),
  amount: z.nullish(amount),
};
/** Cells accepted as anything: the structure alone (validate() checks cell values with its NUM rule). */
const ANY_CELL = z.unknown();

const extraRow = z.strictObject({
  label: z.string(),
  values: z.array(z.union([z.number(), z.string(), z.null()])),
});

type Tree = { [key: string]: Tree | ValueKind };

function tableTree(format: Format, table: TableId, otherHandling: 'row' | 'group'): Tree {
  const tree: Tree = {};
  for (const grid of getLayout(format, otherHandling).tables[table].grids) {
    for (const cell of gridCells(grid)) {
      const keys = cell.path.split('.').slice(1);
      let node = tree;
      for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Tree;
      node[keys[keys.length - 1]!] = cell.kind;
    }
  }
  return tree;
}

const same = (a: Tree | ValueKind, b: Tree | ValueKind) => JSON.stringify(a) === JSON.stringify(b);

/** A strict object schema for a tree; where two trees differ (（六）其他处理), a union of both shapes. */
function treeSchema(a: Tree, b: Tree = a, top = false, cells = true): z.ZodMiniType {
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

function buildReportSchema(format: Format, shape?: OtherHandlingShape, cells = true) {
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

/**
 * The zod schema of a report in one format (（六）其他处理 in either shape, or in the one given).
 * `reportSchemas()` gives both formats; the JSON Schema is their union, discriminated by `format`.
 */
export function reportSchema(format: Format, shape?: OtherHandlingShape, cells = true) {
  return buildReportSchema(format, shape, cells);
}

/** One schema per format and （六） shape: checking against the shape found gives precise errors. */
const exactSchemas = new Map<string, z.ZodMiniType>();
function exactSchema(format: Format, shape: OtherHandlingShape, cells: boolean): z.ZodMiniType {
  const key = format + shape + cells;
  let s = exactSchemas.get(key);
  if (!s) exactSchemas.set(key, (s = buildReportSchema(format, shape, cells)));
  return s;
}

/** A located problem with report input. */
export interface ReportError {
  /** REPORT-JSON path of the offending value (`applications.granted.natural`); '' for the whole document. */
  path: string;
  /** zod issue code, or `json-syntax` for text that is not JSON. */
  code: string;
  message: string;
  /** Where the value (or the syntax error) sits in the JSON text, when the input was text. */
  line?: number;
  column?: number;
}

export type ParseResult = { ok: true; report: Report; errors: [] } | { ok: false; report?: undefined; errors: ReportError[] };

export interface ParseOptions {
  locale?: Locale;
}

const JSON_REASON: Record<JsonSyntaxReason, [string, string]> = {
  empty: ['JSON 文本为空', 'the JSON text is empty'],
  'unexpected-end': ['JSON 文本意外结束', 'the JSON text ends unexpectedly'],
  'unexpected-token': ['JSON 语法错误', 'JSON syntax error'],
  'trailing-data': ['JSON 值之后有多余内容', 'unexpected text after the JSON value'],
};

/**
 * Check input against the REPORT-JSON contract. `input` is JSON text or an already parsed value.
 * Never throws: returns the typed report, or every problem found, each located by its JSON path
 * (and line/column when the input was text), with a message in the requested locale.
 */
export function parseReport(input: unknown, options: ParseOptions = {}): ParseResult {
  const en = options.locale === 'en';
  let value = input;
  const text = typeof input === 'string' ? input : undefined;
  if (text !== undefined) {
    const parsed = parseJsonText(text);
    if (!parsed.ok) {
      const { line, column } = parsed.position;
      const [zh, eng] = JSON_REASON[parsed.reason];
      const message = en ? `${eng} at line ${line}, column ${column}` : `${zh}（第 ${line} 行第 ${column} 列）`;
      return { ok: false, errors: [{ path: '', code: 'json-syntax', message, line, column }] };
    }
    value = parsed.value;
  }
  const errors = schemaErrors(value, options.locale);
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

const treeCache = new Map<string, Tree>();
const cachedTree = (format: Format, table: TableId, shape: OtherHandlingShape) => {
  const key = format + table + shape;
  let tree = treeCache.get(key);
  if (!tree) treeCache.set(key, (tree = tableTree(format, table, shape)));
  return tree;
};

/** True when every key of `value` is in `tree` and every sub-object is an object (cells not checked). */
function keysFit(value: unknown, tree: Tree, top: boolean): boolean {
  if (!isObject(value)) return false;
  for (const key in value) {
    const node = tree[key];
    if (node === undefined) {
      if (top && key === 'extras' && value[key] === undefined) continue;
      return false; // unknown key, or `extras`: leave it to zod
    }
    if (typeof node !== 'string' && value[key] !== undefined && !keysFit(value[key], node, false)) return false;
  }
  return true;
}

const SECTION_KEYS = new Set(['overview', 'problems', 'other']);
const optionalString = (v: unknown) => v === undefined || typeof v === 'string';

/**
 * A quick look at the structure (no cell values): true only when zod would find nothing either.
 * It accepts less than the schema (anything unusual goes to zod), never more; a property test
 * holds it to that.
 */
export function structureLooksValid(value: Record<string, unknown>, format: Format): boolean {
  const year = value['year'];
  if (value['schemaVersion'] !== 1 || typeof year !== 'number' || !Number.isInteger(year) || year < 1990 || year > 2999) return false;
  if (value['publishedOn'] !== undefined || !optionalString(value['title'])) return false;
  const agency = value['agency'];
  if (agency !== undefined) {
    if (!isObject(agency) || typeof agency['name'] !== 'string') return false;
    if (agency['tier'] !== undefined && !(AGENCY_TIERS as readonly unknown[]).includes(agency['tier'])) return false;
  }
  const sections = value['sections'];
  if (sections !== undefined) {
    if (!isObject(sections)) return false;
    for (const k in sections) if (!SECTION_KEYS.has(k) || (sections[k] !== null && !optionalString(sections[k]))) return false;
  }
  const shape = otherHandlingShapeOf(value['applications'], format);
  for (const table of ['proactive', 'applications', 'appeals'] as const) {
    if (value[table] !== undefined && !keysFit(value[table], cachedTree(format, table, shape), true)) return false;
  }
  return true;
}

/**
 * Every schema problem of a value (empty when it fits the contract). With `cells: false` the
 * values of table cells are not checked, only the structure around them (validate() does that,
 * since its NUM rule reports cell values).
 */
export function schemaErrors(value: unknown, locale: Locale = 'zh-CN', options: { cells?: boolean } = {}): ReportError[] {
  if (!isObject(value)) return [{ path: '', code: 'invalid_type', message: describe({ code: 'not-object', value }, locale) }];
  if (!FORMATS.includes(value['format'] as Format)) {
    return [{ path: 'format', code: 'invalid_union', message: describe({ code: 'format', value: value['format'] }, locale) }];
  }
  const format = value['format'] as Format;
  if (options.cells === false && structureLooksValid(value, format)) return [];
  const result = z.safeParse(exactSchema(format, otherHandlingShapeOf(value['applications'], format), options.cells !== false), value);
  if (result.success) return [];
  const out: ReportError[] = [];
  for (const issue of flatten(result.error.issues)) {
    const path = issue.path.join('.');
    out.push({ path, code: issue.code, message: describe({ ...issue, value: valueAt(value, issue.path) }, locale) });
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

const show = (v: unknown) => {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (v === undefined) return 'undefined';
  try {
    const s = JSON.stringify(v);
    return s.length > 40 ? s.slice(0, 40) + '…' : s;
  } catch {
    return String(v);
  }
};

function describe(issue: Record<string, unknown> & { code: string; value?: unknown }, locale: Locale = 'zh-CN'): string {
  const en = locale === 'en';
  const v = show(issue.value);
  switch (issue.code) {
    case 'not-object':
      return en ? `a report must be a JSON object, got ${v}` : `报告必须是 JSON 对象，实为 ${v}`;
    case 'format':
      return en ? `unknown format ${v}: expected "2019" or "2021"` : `未知的格式 ${v}：应为 "2019" 或 "2021"`;
    case 'invalid_type':
      if (issue.value === undefined) return en ? `required (${issue['expected']})` : `缺少必填项（${issue['expected']}）`;
      if (issue['expected'] === 'int' || issue['expected'] === 'number') {
        return en ? `expected a whole number or null, got ${v}` : `应为整数或 null，实为 ${v}`;
      }
      return en ? `expected ${issue['expected']}, got ${v}` : `类型应为 ${issue['expected']}，实为 ${v}`;
    case 'too_small':
      return en ? `must be ≥ ${issue['minimum']}, got ${v}` : `不能小于 ${issue['minimum']}，实为 ${v}`;
    case 'too_big':
      return en ? `must be ≤ ${issue['maximum']}, got ${v}` : `不能大于 ${issue['maximum']}，实为 ${v}`;
    case 'invalid_format':
      return String(issue['pattern']) === String(ISO_DATE)
        ? en ? `expected a date YYYY-MM-DD, got ${v}` : `应为日期（YYYY-MM-DD），实为 ${v}`
        : en ? `expected a decimal number such as "12.5", got ${v}` : `应为十进制数字（如 "12.5"），实为 ${v}`;
    case 'unrecognized_keys': {
      const keys = (issue['keys'] as string[]).join(', ');
      return en ? `unknown key(s): ${keys}` : `未知的键：${keys}`;
    }
    case 'invalid_value':
      return en ? `expected one of ${show(issue['values'])}, got ${v}` : `应为 ${show(issue['values'])} 之一，实为 ${v}`;
    case 'invalid_union':
      return en ? `does not match any allowed shape: ${v}` : `不符合任何允许的结构：${v}`;
    default:
      return en ? `invalid value ${v}` : `无效的值 ${v}`;
  }
}
