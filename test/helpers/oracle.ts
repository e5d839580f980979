/**
 * An independent oracle of the arithmetic constraints of docs/format.md §6 (T3-BAL, T3-TOTAL, T3-COL,
 * T4-SUM, X-CARRY), in plain TypeScript with BigInt fractions: no rules engine, no layout data,
 * no code shared with src/. The property test holds validate() to it.
 */
import { COLS, PARTS, GROUPS, OUTCOMES, allRows, resultRows, getPath, type Json } from './reports.js';

export interface OracleOutcome {
  rule: string;
  status: 'fail' | 'skipped';
  cells: string[];
  expected?: string;
  actual?: string;
}

/** value = num / 10^scale, from a JSON number; null when the cell is not a usable number. */
function exact(v: unknown): { num: bigint; scale: number } | null {
  if (typeof v !== 'number' || !Number.isFinite(v)) return null;
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(v));
  if (!m) return null;
  const frac = m[3] ?? '';
  let scale = frac.length - Number(m[4] ?? 0);
  let digits = m[2]! + frac;
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  const num = BigInt(digits);
  return { num: m[1] ? -num : num, scale };
}

function total(values: { num: bigint; scale: number; sign: number }[]): { num: bigint; scale: number } {
  const scale = Math.max(0, ...values.map((v) => v.scale));
  let num = 0n;
  for (const v of values) num += BigInt(v.sign) * v.num * 10n ** BigInt(scale - v.scale);
  return { num, scale };
}

function show({ num, scale }: { num: bigint; scale: number }): string {
  if (scale === 0) return num.toString();
  const neg = num < 0n;
  const s = (neg ? -num : num).toString().padStart(scale + 1, '0');
  const int = s.slice(0, s.length - scale);
  const frac = s.slice(s.length - scale).replace(/0+$/, '');
  return (neg ? '-' : '') + int + (frac ? '.' + frac : '');
}

const same = (a: { num: bigint; scale: number }, b: { num: bigint; scale: number }) => {
  const s = Math.max(a.scale, b.scale);
  return a.num * 10n ** BigInt(s - a.scale) === b.num * 10n ** BigInt(s - b.scale);
};

type Term = { report: Json; path: string; sign: number; prefix?: string };

function equation(rule: string, expected: Term[], actual: Term[]): OracleOutcome {
  const cells = [...expected, ...actual].map((t) => (t.prefix ?? '') + t.path);
  const read = (ts: Term[]) => ts.map((t) => ({ v: exact(getPath(t.report, t.path)), sign: t.sign }));
  const e = read(expected);
  const a = read(actual);
  if ([...e, ...a].some((x) => x.v === null)) return { rule, status: 'skipped', cells };
  const E = total(e.map((x) => ({ ...x.v!, sign: x.sign })));
  const A = total(a.map((x) => ({ ...x.v!, sign: x.sign })));
  return same(E, A)
    ? { rule, status: 'fail', cells: [], expected: 'holds' }
    : { rule, status: 'fail', cells, expected: show(E), actual: show(A) };
}

const isObj = (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x);

export function shapeOf(report: Json): 'row' | 'group' {
  const oh = report?.applications?.otherHandling;
  if (isObj(oh)) {
    for (const k of Object.keys(oh)) {
      if ((COLS as readonly string[]).includes(k)) return 'row';
      if (['noCorrection', 'feeUnpaid', 'other'].includes(k)) return 'group';
    }
  }
  return report.format === '2019' ? 'row' : 'group';
}

/** Every failing or skipped check of the arithmetic rules (checks that hold are left out). */
export function oracle(report: Json, previous?: Json): OracleOutcome[] {
  const out: OracleOutcome[] = [];
  const push = (o: OracleOutcome) => {
    if (o.expected !== 'holds') out.push(o);
  };
  const t = (path: string, sign = 1): Term => ({ report, path, sign });
  const shape = shapeOf(report);
  if (isObj(report.applications)) {
    for (const c of COLS) {
      push(
        equation(
          'T3-BAL',
          [t(`applications.newReceived.${c}`), t(`applications.carriedOver.${c}`)],
          [t(`applications.total.${c}`), t(`applications.carriedForward.${c}`)],
        ),
      );
    }
    for (const c of COLS)
      push(
        equation(
          'T3-TOTAL',
          resultRows(shape).map((r) => t(`applications.${r}.${c}`)),
          [t(`applications.total.${c}`)],
        ),
      );
    for (const r of allRows(shape))
      push(
        equation(
          'T3-COL',
          PARTS.map((c) => t(`applications.${r}.${c}`)),
          [t(`applications.${r}.total`)],
        ),
      );
    if (previous && isObj(previous.applications)) {
      for (const c of COLS) {
        push(
          equation(
            'X-CARRY',
            [{ report: previous, path: `applications.carriedForward.${c}`, sign: 1, prefix: 'previous:' }],
            [t(`applications.carriedOver.${c}`)],
          ),
        );
      }
    }
  }
  if (isObj(report.appeals)) {
    for (const g of GROUPS)
      push(
        equation(
          'T4-SUM',
          OUTCOMES.map((k) => t(`appeals.${g}.${k}`)),
          [t(`appeals.${g}.total`)],
        ),
      );
  }
  return out;
}
