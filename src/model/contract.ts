/**
 * The REPORT-JSON contract without zod: constants, located error messages, and a structure check
 * that `validate()` uses (the zod schema in schema.ts is the normative one, used by parseReport and
 * the JSON Schema; a property test holds this check to it). Keeping zod out of validate() keeps it
 * out of the script-tag bundle.
 */
import {
  FORMATS,
  getLayout,
  gridCells,
  isObject,
  layoutCells,
  layoutOf,
  otherHandlingShapeOf,
  readPath,
  TABLE_IDS,
  type Format,
  type OtherHandlingShape,
  type TableId,
  type ValueKind,
} from './layout.js';
import { writtenNumber, type JsonSyntaxReason } from './json.js';
import { MAX_DIGITS } from './decimal.js';
import { contractStrings, type IssueMessage } from '../i18n/contract.js';

import type { Locale } from '../i18n/locale.js';
export type { Locale };

// The patterns also go into the JSON Schema, read by Python, Java and PHP (PCRE) validators: ASCII
// digits as [0-9] (their \d may match other scripts' digits) and the end as (?![\s\S]) (their $ also
// matches before a final newline). In JavaScript the same as \d and $.
/** Matches an exact non-negative decimal written as a string: "12", "7730.28", "24252.311082". */
export const DECIMAL_STRING = /^[0-9]+(\.[0-9]+)?(?![\s\S])/;
/** YYYY-MM-DD, a real calendar date (29 February only in leap years). */
export const ISO_DATE =
  /^(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)(?![\s\S])/;
export const AGENCY_TIERS = ['national-department', 'province', 'city', 'county', 'township', 'department'] as const;
export const YEAR_RANGE = [1990, 2999] as const;

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

/** The object shape of a table: keys down to the cells, cells as their value kind. */
export type Tree = { [key: string]: Tree | ValueKind };

const trees = new Map<string, Tree>();
export function tableTree(format: Format, table: TableId, otherHandling: OtherHandlingShape): Tree {
  const id = format + table + otherHandling;
  let tree = trees.get(id);
  if (tree) return tree;
  // Nodes without a prototype: an input key such as toString, constructor or __proto__ finds
  // nothing in them (an unknown key), and looking keys up stays a plain property read.
  tree = Object.create(null) as Tree;
  for (const grid of getLayout(format, otherHandling).tables[table].grids) {
    for (const cell of gridCells(grid)) {
      const keys = cell.path.split('.').slice(1);
      let node = tree;
      for (const k of keys.slice(0, -1)) node = (node[k] ??= Object.create(null)) as Tree;
      node[keys[keys.length - 1]!] = cell.kind;
    }
  }
  trees.set(id, tree);
  return tree;
}

/**
 * Why a text is not JSON, as `[zh-CN, en]` pairs.
 * @deprecated Kept for compatibility: the reasons are in the contract catalogs (`src/i18n/contract.*.ts`).
 */
export const JSON_REASON: Record<JsonSyntaxReason, [string, string]> = /* @__PURE__ */ (() => {
  const [zh, en] = [contractStrings('zh-CN').json, contractStrings('en').json];
  const out = {} as Record<JsonSyntaxReason, [string, string]>;
  for (const k in zh) out[k as JsonSyntaxReason] = [zh[k as JsonSyntaxReason], en[k as JsonSyntaxReason]];
  return out;
})();

/** A JSON syntax problem, located, in a locale. */
export function jsonSyntaxMessage(
  reason: JsonSyntaxReason,
  line: number,
  column: number,
  locale: Locale = 'zh-CN',
): string {
  const t = contractStrings(locale);
  return t.jsonAt(t.json[reason], line, column);
}

/** A table number with more than MAX_DIGITS digits, in a locale (`v`: as written, cut). */
export const tooLongMessage = (v: string, locale: Locale): string => contractStrings(locale).tooLong(MAX_DIGITS, v);

/** The first problem a value has at the top: not an object, or not a known format. */
export function topLevelError(
  value: unknown,
  locale: Locale,
  asWritten?: (path: string, value: unknown) => string | undefined,
): ReportError | null {
  if (!isObject(value))
    return {
      path: '',
      code: 'invalid_type',
      message: describe({ code: 'not-object', value, shown: asWritten?.('', value) }, locale),
    };
  if (!FORMATS.includes(value['format'] as Format)) {
    return {
      path: 'format',
      code: 'invalid_union',
      message: describe(
        { code: 'format', value: value['format'], shown: asWritten?.('format', value['format']) },
        locale,
      ),
    };
  }
  return null;
}

/**
 * The structure problems of a report (everything the schema checks except the values of table
 * cells, which validate()'s NUM rule reports): the same paths and codes as the zod schema.
 */
export function structureErrors(value: unknown, locale: Locale = 'zh-CN'): ReportError[] {
  try {
    return structure(value, locale);
  } catch (e) {
    return [unreadableError(e, [['', value]], locale)];
  }
}

function structure(value: unknown, locale: Locale): ReportError[] {
  const top = topLevelError(value, locale);
  if (top) return [top];
  const report = value as Record<string, unknown>;
  const format = report['format'] as Format;
  const out: ReportError[] = [];
  const err = sink(out, locale);
  const str = (path: string, v: unknown, expected = 'string') => {
    if (typeof v !== 'string') err(path, 'invalid_type', v, { expected });
    return typeof v === 'string';
  };

  if (report['schemaVersion'] !== 1) err('schemaVersion', 'invalid_value', report['schemaVersion'], { values: [1] });
  const year = report['year'];
  if (typeof year !== 'number' || !Number.isInteger(year)) err('year', 'invalid_type', year, { expected: 'int' });
  else if (year < YEAR_RANGE[0]) err('year', 'too_small', year, { minimum: YEAR_RANGE[0] });
  else if (year > YEAR_RANGE[1]) err('year', 'too_big', year, { maximum: YEAR_RANGE[1] });
  const agency = report['agency'];
  if (agency !== undefined) {
    if (!isObject(agency)) err('agency', 'invalid_type', agency, { expected: 'object' });
    else {
      str('agency.name', agency['name']);
      const tier = agency['tier'];
      if (tier !== undefined && !(AGENCY_TIERS as readonly unknown[]).includes(tier))
        err('agency.tier', 'invalid_value', tier, { values: AGENCY_TIERS });
    }
  }
  if (report['title'] !== undefined) str('title', report['title']);
  const published = report['publishedOn'];
  if (published !== undefined && str('publishedOn', published) && !ISO_DATE.test(published as string)) {
    err('publishedOn', 'invalid_format', published, { pattern: ISO_DATE });
  }
  const sections = report['sections'];
  if (sections !== undefined) {
    if (!isObject(sections)) err('sections', 'invalid_type', sections, { expected: 'object' });
    else {
      const unknown: string[] = [];
      for (const k in sections) {
        if (k === 'overview' || k === 'problems' || k === 'other') {
          if (sections[k] != null) str(`sections.${k}`, sections[k]);
        } else unknown.push(k);
      }
      if (unknown.length) err('sections', 'unrecognized_keys', sections, { keys: unknown });
    }
  }
  const shape = otherHandlingShapeOf(report['applications'], format);
  for (const table of TABLE_IDS) {
    const v = report[table];
    if (v !== undefined) walk(v, tableTree(format, table, shape), table, true, err);
  }
  return out;
}

/** `key` is an own property of `o` (never one inherited from Object.prototype). */
export const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

type Err = (path: string, code: string, v: unknown, extra?: Record<string, unknown>) => void;

const sink =
  (out: ReportError[], locale: Locale): Err =>
  (path, code, v, extra = {}) =>
    out.push({ path, code, message: describe({ code, value: v, path: path.split('.'), ...extra }, locale) });

/** The problems of a table's extra rows (`path`: `applications.extras`), as the zod schema finds them. */
export function extrasErrors(value: unknown, path: string, locale: Locale): ReportError[] {
  const out: ReportError[] = [];
  extras(value, path, sink(out, locale));
  return out;
}

function walk(value: unknown, tree: Tree, path: string, top: boolean, err: Err) {
  if (!isObject(value)) return err(path, 'invalid_type', value, { expected: 'object' });
  const unknown: string[] = [];
  for (const key in value) {
    const node = tree[key]; // own keys only: tree nodes have no prototype
    const v = value[key];
    if (node === undefined) {
      if (top && key === 'extras') extras(v, `${path}.extras`, err);
      else unknown.push(key);
    } else if (typeof node !== 'string' && v !== undefined) walk(v, node, `${path}.${key}`, false, err);
  }
  if (unknown.length) err(path, 'unrecognized_keys', value, { keys: unknown });
}

function extras(value: unknown, path: string, err: Err) {
  if (value === undefined) return;
  if (!Array.isArray(value)) return err(path, 'invalid_type', value, { expected: 'array' });
  value.forEach((row, i) => {
    const p = `${path}.${i}`;
    if (!isObject(row)) return err(p, 'invalid_type', row, { expected: 'object' });
    if (typeof row['label'] !== 'string') err(`${p}.label`, 'invalid_type', row['label'], { expected: 'string' });
    const values = row['values'];
    if (!Array.isArray(values)) err(`${p}.values`, 'invalid_type', values, { expected: 'array' });
    else
      values.forEach((v, j) => {
        if (v !== null && typeof v !== 'string' && typeof v !== 'number') err(`${p}.values.${j}`, 'invalid_union', v);
      });
    const unknown = Object.keys(row).filter((k) => k !== 'label' && k !== 'values');
    if (unknown.length) err(p, 'unrecognized_keys', row, { keys: unknown });
  });
}

/** Text as written, cut like a preview. */
export const cut = (s: string, max = 40) => (s.length > max ? s.slice(0, max) + '…' : s);

/**
 * A short, safe rendering of any value for a message: JSON-like, at most `max` characters (then
 * "…"), never throwing and never walking more of the value than it shows (deep, cyclic, huge or
 * hostile values, BigInt, NaN and Infinity shown as written in JavaScript).
 */
export function preview(v: unknown, max = 40): string {
  if (typeof v === 'string') return JSON.stringify(v.length > max ? v.slice(0, max) + '…' : v);
  let out = '';
  const put = (x: string) => (out += x).length <= max;
  const scalar = (x: unknown): string => {
    if (typeof x === 'string') return JSON.stringify(x.length > max ? x.slice(0, max + 1) : x);
    if (typeof x === 'bigint') return `${x}n`;
    if (typeof x === 'function') return 'function';
    return String(x);
  };
  // Each level writes at least one character, so the budget also bounds the depth.
  const walk = (x: unknown): boolean => {
    if (x === null || typeof x !== 'object') return put(scalar(x));
    if (Array.isArray(x)) {
      if (!put('[')) return false;
      for (let i = 0; i < x.length; i++) if ((i && !put(',')) || !walk(x[i] === undefined ? null : x[i])) return false;
      return put(']');
    }
    if (!put('{')) return false;
    let first = true;
    for (const k of Object.keys(x)) {
      const item = (x as Record<string, unknown>)[k];
      if (item === undefined) continue;
      if ((!first && !put(',')) || !put(JSON.stringify(k) + ':') || !walk(item)) return false;
      first = false;
    }
    return put('}');
  };
  try {
    walk(v);
  } catch {
    out += '…';
  }
  return cut(out, max);
}

/** `parent[key]` for a message: a number as written in JSON text when JSON.parse read it inexactly. */
export const shown = (parent: Record<string, unknown>, key: string): string => {
  const w = writtenNumber(parent, key);
  return w === undefined ? preview(parent[key]) : cut(w);
};

/** A thrown value as short text, whatever it is. */
export function thrownText(e: unknown): string {
  try {
    return e instanceof Error ? String(e.message).slice(0, 200) : preview(e);
  } catch {
    return '?';
  }
}

/**
 * Where a value cannot be read: the path of the first property whose reading throws (a getter or
 * a Proxy trap), or undefined. Bounded: looks at most at `limit` objects, each once. Properties a
 * Proxy or a prototype hides from the walk are found by reading the report's cells as the rules do.
 */
export function unreadablePath(root: unknown, limit = 100000): string | undefined {
  const seen = new Set<unknown>();
  const stack: Array<[unknown, string]> = [[root, '']];
  let at = '';
  try {
    while (stack.length && seen.size < limit) {
      const [v, path] = stack.pop()!;
      if (v === null || typeof v !== 'object' || seen.has(v)) continue;
      seen.add(v);
      at = path;
      // Non-enumerable properties too: the rules read cells by name, enumerable or not.
      for (const k of Object.getOwnPropertyNames(v)) {
        at = path ? `${path}.${k}` : k;
        stack.push([(v as Record<string, unknown>)[k], at]);
      }
    }
    at = '';
    if (isObject(root) && FORMATS.includes(root['format'] as Format))
      for (const c of layoutCells(layoutOf(root as { format: Format }))) {
        at = c.path;
        readPath(root, c.keys);
      }
  } catch {
    return at;
  }
  return undefined;
}

/**
 * The last-resort error of a public function: an exception while reading the input becomes an
 * `unreadable` error located at the first value that cannot be read (`roots`: the inputs, each
 * with the prefix of its paths).
 */
export function unreadableError(
  e: unknown,
  roots: Array<[prefix: string, value: unknown]>,
  locale: Locale,
): ReportError {
  let path = '';
  for (const [prefix, value] of roots) {
    const p = unreadablePath(value);
    if (p !== undefined) {
      path = prefix + p;
      break;
    }
  }
  return { path, code: 'unreadable', message: contractStrings(locale).unreadable(path, thrownText(e)) };
}

export function describe(
  issue: Record<string, unknown> & { code: string; value?: unknown },
  locale: Locale = 'zh-CN',
): string {
  const { code, value } = issue;
  const expected = issue['expected'];
  const path = issue['path'];
  const values = issue['values'];
  // `shown`: the value as written in the JSON text (a number such as 1e400), when known.
  const v = typeof issue['shown'] === 'string' ? cut(issue['shown']) : preview(value);
  const key =
    code === 'invalid_type'
      ? value === undefined
        ? 'required_type'
        : expected === 'int' || expected === 'number'
          ? // Only table cells may be null (blank); year and schemaVersion may not.
            Array.isArray(path) && (TABLE_IDS as readonly unknown[]).includes(path[0])
            ? 'int_or_null'
            : 'int'
          : code
      : code === 'invalid_format'
        ? String(issue['pattern']) === String(ISO_DATE)
          ? 'date'
          : 'decimal'
        : // A key that is not there at all: required (schemaVersion, format, an amount's value), whatever shape was expected.
          value === undefined && issue['shown'] === undefined && (code === 'invalid_value' || code === 'invalid_union')
          ? 'required'
          : code;
  // What was expected: the unknown keys, the allowed values, a bound or a type.
  const x =
    code === 'invalid_union'
      ? ''
      : Array.isArray(issue['keys'])
        ? issue['keys'].join(', ')
        : values !== undefined
          ? preview(values)
          : String(issue['minimum'] ?? issue['maximum'] ?? expected);
  const messages = contractStrings(locale).issue;
  return (hasOwn(messages, key) ? messages[key as IssueMessage] : messages.invalid)(v, x);
}
