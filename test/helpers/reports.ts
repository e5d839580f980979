/**
 * Test reports written from docs/report-json.md directly (not from src/model), so that tests check the
 * model against the contract rather than against itself.
 */
export type Fmt = '2019' | '2021';
export const COLS = [
  'natural',
  'commercial',
  'research',
  'publicInterest',
  'legalService',
  'otherOrg',
  'total',
] as const;
export const PARTS = COLS.slice(0, 6);
const BASE_RESULTS = [
  'granted',
  'partiallyGranted',
  ...[
    'stateSecret',
    'lawProhibited',
    'threeSecurities',
    'thirdParty',
    'internalAffairs',
    'processInformation',
    'enforcementFiles',
    'queryMatters',
  ].map((k) => 'denied.' + k),
  ...['notHeld', 'needsCreation', 'unclearAfterCorrection'].map((k) => 'unavailable.' + k),
  ...['petitionComplaint', 'repeated', 'publications', 'massRepeated', 'confirmation'].map((k) => 'notProcessed.' + k),
];
/** Result rows of table 三 for a （六） shape: one row, or three sub-rows. */
export const resultRows = (shape: 'row' | 'group') =>
  shape === 'row'
    ? [...BASE_RESULTS, 'otherHandling']
    : [...BASE_RESULTS, ...['noCorrection', 'feeUnpaid', 'other'].map((k) => 'otherHandling.' + k)];
export const allRows = (shape: 'row' | 'group') => [
  'newReceived',
  'carriedOver',
  ...resultRows(shape),
  'total',
  'carriedForward',
];
export const GROUPS = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'] as const;
export const OUTCOMES = ['upheld', 'corrected', 'other', 'pending'] as const;

export type Json = any;

export function setPath(obj: Json, path: string, v: unknown) {
  const ks = path.split('.');
  let o = obj;
  for (const k of ks.slice(0, -1)) o = typeof o[k] === 'object' && o[k] !== null ? o[k] : (o[k] = {});
  o[ks[ks.length - 1]!] = v;
}
export function getPath(obj: Json, path: string): unknown {
  return path.split('.').reduce((o: Json, k) => (o == null ? undefined : o[k]), obj);
}
export const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

/** A small deterministic PRNG. */
export function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** A consistent report: every arithmetic constraint holds. `scale` sets how big the numbers are. */
export function consistentReport(
  opts: { format?: Fmt; shape?: 'row' | 'group'; seed?: number; scale?: number; year?: number } = {},
): Json {
  const format = opts.format ?? '2021';
  const shape = opts.shape ?? (format === '2019' ? 'row' : 'group');
  const r = rng(opts.seed ?? 1);
  const scale = opts.scale ?? 20;
  const n = () => Math.floor(r() * scale);
  const applications: Json = {};
  const row = () => {
    const o: Json = {};
    let t = 0;
    for (const c of PARTS) t += o[c] = n();
    o.total = t;
    return o;
  };
  const total: Json = Object.fromEntries(COLS.map((c) => [c, 0]));
  for (const p of resultRows(shape)) {
    const v = row();
    setPath(applications, p, v);
    for (const c of COLS) total[c] += v[c];
  }
  applications.total = total;
  applications.carriedForward = row();
  const carriedOver: Json = {};
  for (const c of PARTS) carriedOver[c] = Math.min(n(), total[c] + applications.carriedForward[c]);
  carriedOver.total = PARTS.reduce((s, c) => s + carriedOver[c], 0);
  applications.carriedOver = carriedOver;
  applications.newReceived = Object.fromEntries(
    COLS.map((c) => [c, total[c] + applications.carriedForward[c] - carriedOver[c]]),
  );
  const group = () => {
    const g: Json = {};
    let t = 0;
    for (const k of OUTCOMES) t += g[k] = n();
    g.total = t;
    return g;
  };
  const appeals = Object.fromEntries(GROUPS.map((g) => [g, group()]));
  const proactive =
    format === '2019'
      ? {
          regulations: { made: 0, published: 0, totalPublished: 0 },
          normativeDocuments: { made: n(), published: n(), totalPublished: 40 + n() },
          licensing: { previous: n(), change: -n(), decisions: n() * 10 },
          otherServices: { previous: n(), change: 0, decisions: n() },
          penalties: { previous: n(), change: n(), decisions: n() },
          coercion: { previous: n(), change: 0, decisions: n() },
          fees: { previous: n(), change: 0 },
          procurement: { projects: n(), amount: { value: '251000', unit: '元' } },
        }
      : {
          regulations: { issued: 0, repealed: 0, inForce: 0 },
          normativeDocuments: { issued: n(), repealed: n(), inForce: 40 + n() },
          licensing: { decisions: n() * 10 },
          penalties: { decisions: n() },
          coercion: { decisions: n() },
          fees: { amount: '7730.28' },
        };
  const year = opts.year ?? (format === '2019' ? 2020 : 2023);
  return {
    schemaVersion: 1,
    format,
    year,
    agency: { name: '示例市测试局' },
    title: `示例市测试局${year}年政府信息公开工作年度报告`,
    sections: {
      overview: '本年度主动公开信息120条。',
      problems: '信息公开质量有待提升。',
      other: '本年度未收取信息处理费。',
    },
    proactive,
    applications,
    appeals,
  };
}
