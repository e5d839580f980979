/** Reports for the browser tests: the seed (real, mixed 2021), and complete reports of both formats built from the layout data. */
import seed from '../fixtures/bayannur-gxj-2021.json';
import { getLayout, layoutCells, type Format } from '../../src/model/layout.js';

export const SEED = seed as unknown as Record<string, any>;

export const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

export function setPath(obj: Record<string, any>, path: string, value: unknown) {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) o = o[k] ??= {};
  o[keys[keys.length - 1]!] = value;
}

/** A complete report of `format` whose every cell is 0 (all constraints hold). */
export function zeroReport(format: Format, year = format === '2019' ? 2019 : 2022): Record<string, any> {
  const r: Record<string, any> = {
    schemaVersion: 1,
    format,
    year,
    agency: { name: '测试市测试局' },
    sections: { overview: '总体情况第一段。\n总体情况第二段。', problems: '问题与改进。', other: '无其他事项。' },
  };
  for (const c of layoutCells(getLayout(format))) setPath(r, c.path, 0);
  return r;
}

/**
 * A valid 2021 report with realistic non-zero numbers: per column, new + carried = total + forward,
 * total = sum of outcomes; row totals = sum of columns; appeals totals add up.
 */
export function busyReport(): Record<string, any> {
  const r = zeroReport('2021', 2022);
  const cols = ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'] as const;
  const outcome = [
    'granted',
    'partiallyGranted',
    'denied.thirdParty',
    'unavailable.notHeld',
    'notProcessed.repeated',
    'otherHandling.other',
  ];
  const a = r['applications'];
  cols.forEach((c, i) => {
    const vals = outcome.map((_, j) => (i * 3 + j * 2) % 7);
    outcome.forEach((p, j) => setPath(a, `${p}.${c}`, vals[j]));
    const total = vals.reduce((s, v) => s + v, 0);
    a.total[c] = total;
    a.carriedForward[c] = i % 2;
    a.carriedOver[c] = i % 3;
    a.newReceived[c] = total + (i % 2) - (i % 3);
  });
  for (const row of ['newReceived', 'carriedOver', ...outcome, 'total', 'carriedForward']) {
    const o = row.split('.').reduce((x: any, k) => x[k], a);
    o.total = cols.reduce((s, c) => s + o[c], 0);
  }
  r['appeals'].reconsideration = { upheld: 2, corrected: 1, other: 0, pending: 1, total: 4 };
  r['proactive'].regulations = { issued: 1, repealed: 0, inForce: 5 };
  r['proactive'].normativeDocuments = { issued: 12, repealed: 3, inForce: 40 };
  r['proactive'].fees = { amount: '24.3051' };
  return r;
}
