/**
 * Text normalization for matching published labels against the official ones, and reading the
 * numbers published in table cells. Pure functions, no DOM, no Node APIs.
 */

import { TRAD } from './trad.generated.js';

/**
 * Traditional → Simplified for the characters of the labels and headings the importer matches
 * (reports are occasionally published in Traditional Chinese): generated from OpenCC's
 * dictionaries by scripts/gen-trad.mjs, limited to those characters (not a full conversion).
 */
const TRAD_MAP = new Map<string, string>();
for (let i = 0; i + 1 < TRAD.length; i += 2) TRAD_MAP.set(TRAD[i]!, TRAD[i + 1]!);

const TRAD_RE = new RegExp(`[${[...TRAD_MAP.keys()].join('')}]`, 'g');

/** Replace the Traditional characters we know by their Simplified forms. */
export function toSimplified(s: string): string {
  TRAD_RE.lastIndex = 0;
  return TRAD_RE.test(s) ? s.replace(TRAD_RE, (c) => TRAD_MAP.get(c) ?? c) : s;
}

const SPACE = /[\s\u00a0\u2000-\u200b\u3000\ufeff]+/g;

/**
 * Canonical form of a label for comparison: NFKC (full-width → half-width), Traditional →
 * Simplified, no whitespace, no quotes, list numbers "1、" → "1.", ideographic full stop variants.
 */
const normCache = new Map<string, string>();

export function normLabel(s: string): string {
  if (s.length > 200) return normLabelUncached(s);
  let t = normCache.get(s);
  if (t === undefined) {
    if (normCache.size > 20000) normCache.clear();
    normCache.set(s, (t = normLabelUncached(s)));
  }
  return t;
}

function normLabelUncached(s: string): string {
  let t = s.normalize('NFKC');
  t = toSimplified(t);
  t = t.replace(SPACE, '');
  t = t.replace(/["'“”‘’「」『』]/g, '');
  t = t.replace(/(^|[^\d])(\d{1,2})[、,，．]/g, '$1$2.');
  t = t.replace(/[：]/g, ':');
  return t;
}

/** Like normLabel, but keeps spaces (single) — for glued text where spaces separate numbers. */
export function normKeepSpaces(s: string): string {
  let t = s.normalize('NFKC');
  t = toSimplified(t);
  t = t.replace(/[\u00a0\u2000-\u200b\u3000\ufeff\t]/g, ' ');
  t = t.replace(/["'“”‘’「」『』]/g, '');
  t = t.replace(/(^|[^\d])(\d{1,2})[、,，．](?=\D)/g, '$1$2.');
  return t;
}

/**
 * Blank markers published instead of a number (docs/format.md §6 BLANK), and the 未填/blank marker that
 * `renderStaticHtml` writes in blank cells.
 */
export const BLANK_MARKERS = new Set([
  '',
  '-',
  '/',
  '—',
  '–',
  '－',
  '—',
  '――',
  '——',
  '--',
  '无',
  '空',
  '／',
  '\\',
  '未填',
  'blank',
]);

const UNIT = /(件|条|个|项|次|元|万元)$/;
const NUMBER = /^([+-]?)(\d+)(\.\d+)?$/;
const THOUSANDS = /^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?$/;

/** A token read from a value cell. */
export interface CellValue {
  /** null when the cell is blank or a blank marker. */
  value: number | string | null;
  /** The text as published (trimmed). */
  raw: string;
  /** Unit written in the cell (元, 万元, 件...), if any. */
  unit?: string;
  /** Why the reading needs a note: blank marker, thousands separators, full-width digits. */
  note?: 'blank' | 'marker' | 'thousands' | 'fullwidth' | 'unsafe' | 'several';
}

/** True when a cell text is a number (possibly with separators, sign, unit) or a blank marker. */
const PLAIN_INT = /^\s*\d{1,15}\s*$/;

export function isValueText(s: string): boolean {
  if (s.length > 40) return false;
  if (PLAIN_INT.test(s)) return true;
  const t = s.normalize('NFKC').replace(SPACE, '');
  if (BLANK_MARKERS.has(t)) return true;
  const u = t.replace(UNIT, '');
  return NUMBER.test(u) || THOUSANDS.test(u);
}

/**
 * Read a cell: integers as numbers, decimals as exact decimal strings (money is never a float).
 * `asDecimalString` makes whole numbers strings too (money columns).
 */
export function readCell(text: string, asDecimalString = false): CellValue {
  if (!asDecimalString && PLAIN_INT.test(text)) {
    const raw = text.trim();
    return { value: Number(raw), raw };
  }
  const raw = text.trim();
  const nfkc = raw.normalize('NFKC');
  const t = nfkc.replace(SPACE, '');
  if (t === '') return { value: null, raw, note: 'blank' };
  // "258 12": two numbers in one cell are never glued into one.
  if (/\d[\s\u00a0\u3000]+[\d+-]/.test(nfkc)) return { value: null, raw, note: 'several' };
  if (BLANK_MARKERS.has(t)) return { value: null, raw, note: 'marker' };
  let note: CellValue['note'];
  if (nfkc !== raw && /[０-９]/.test(raw)) note = 'fullwidth';
  let unit: string | undefined;
  let u = t;
  const um = UNIT.exec(u);
  if (um) {
    unit = um[1];
    u = u.slice(0, -um[1]!.length);
  }
  let m = NUMBER.exec(u);
  if (!m) {
    const th = THOUSANDS.exec(u);
    if (th) {
      note = 'thousands';
      u = th[1]! + th[2]!.replace(/,/g, '') + (th[3] ?? '');
      m = NUMBER.exec(u);
    }
  }
  if (!m) return { value: null, raw, note: 'marker' };
  const [, sign, int, frac] = m;
  const canonicalInt = int!.replace(/^0+(?=\d)/, '');
  if (frac || asDecimalString) {
    const s = (sign === '-' ? '-' : '') + canonicalInt + (frac ? frac.replace(/0+$/, '').replace(/\.$/, '') : '');
    return withUnit({ value: s, raw, ...(note ? { note } : {}) }, unit);
  }
  const n = Number((sign === '-' ? '-' : '') + canonicalInt);
  if (!Number.isSafeInteger(n))
    return withUnit({ value: (sign === '-' ? '-' : '') + canonicalInt, raw, note: 'unsafe' }, unit);
  return withUnit({ value: n, raw, ...(note ? { note } : {}) }, unit);
}

function withUnit(v: CellValue, unit: string | undefined): CellValue {
  return unit ? { ...v, unit } : v;
}

/** Longest common subsequence length (labels are short: O(n·m) is fine). */
export function lcs(a: string, b: string): number {
  if (!a.length || !b.length) return 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  const cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    for (let j = 0; j <= b.length; j++) prev[j] = cur[j]!;
  }
  return prev[b.length]!;
}
