import { expect } from 'chai';
import fc from 'fast-check';
import { validate } from '../../src/rules/index.js';
import { oracle } from '../helpers/oracle.js';
import { allRows, clone, consistentReport, COLS, GROUPS, OUTCOMES, setPath, type Json } from '../helpers/reports.js';

const ARITHMETIC = ['T3-BAL', 'T3-TOTAL', 'T3-COL', 'T4-SUM', 'X-CARRY'];
const key = (rule: string, cells: string[]) => `${rule} ${[...cells].sort().join(',')}`;

/** Values a published report may hold in a cell, good and bad. */
const cellValue = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 60 }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: -1 }) },
  { weight: 1, arbitrary: fc.constantFrom(0.5, 1.25, 2.5) },
  { weight: 1, arbitrary: fc.constantFrom(1e20, 2 ** 53 + 2, 2 ** 60) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, '-', '/', '', 'abc', '12', true, [], {}) },
);

const cellPaths = (shape: 'row' | 'group') => [
  ...allRows(shape).flatMap((r) => COLS.map((c) => `applications.${r}.${c}`)),
  ...GROUPS.flatMap((g) => [...OUTCOMES, 'total'].map((k) => `appeals.${g}.${k}`)),
];

const reportArb = fc
  .record({
    format: fc.constantFrom('2019', '2021'),
    mixed: fc.boolean(),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    scale: fc.constantFrom(3, 50, 100000),
    edits: fc.array(fc.tuple(fc.nat(), cellValue), { maxLength: 8 }),
    dropTable: fc.constantFrom(null, null, null, null, 'applications', 'appeals', 'proactive'),
    withPrevious: fc.boolean(),
  })
  .map(({ format, mixed, seed, scale, edits, dropTable, withPrevious }) => {
    const f = format as '2019' | '2021';
    const own = f === '2019' ? 'row' : 'group';
    const shape = mixed ? (own === 'row' ? 'group' : 'row') : own;
    const report: Json = consistentReport({ format: f, shape, seed, scale });
    const paths = cellPaths(shape);
    for (const [i, v] of edits) setPath(report, paths[i % paths.length]!, v);
    if (dropTable) delete report[dropTable];
    const previous = withPrevious
      ? consistentReport({ format: f, seed: seed + 1, scale, year: report.year - 1 })
      : undefined;
    if (previous && seed % 2) previous.applications.carriedForward = clone(report.applications?.carriedOver ?? {});
    return { report, previous };
  });

describe('property: validate agrees with an independent oracle', () => {
  it('on thousands of random reports: same failing and skipped checks, same cells, same expected/actual; never throws', async () => {
    await fc.assert(
      fc.asyncProperty(reportArb, async ({ report, previous }) => {
        const before = JSON.stringify(report);
        const result = await validate(report, previous ? { previous } : {});
        expect(JSON.stringify(report), 'validate must not change its input').to.equal(before);
        const got = new Map<string, { status: string; expected?: string; actual?: string }>();
        for (const f of result.findings) {
          if (!ARITHMETIC.includes(f.rule)) continue;
          got.set(key(f.rule, f.cells), { status: f.status, expected: f.expected, actual: f.actual });
        }
        const want = new Map<string, { status: string; expected?: string; actual?: string }>();
        for (const o of oracle(report, previous))
          want.set(key(o.rule, o.cells), { status: o.status, expected: o.expected, actual: o.actual });
        expect([...got.keys()].sort()).to.deep.equal([...want.keys()].sort());
        for (const [k, w] of want) expect(got.get(k), k).to.deep.equal(w);
        const s = result.summary;
        const fails = result.findings.filter((f) => f.status === 'fail');
        expect(s.errors).to.equal(fails.filter((f) => f.severity === 'error').length);
        expect(s.warnings).to.equal(fails.filter((f) => f.severity === 'warning').length);
        expect(s.skipped).to.equal(result.findings.filter((f) => f.status === 'skipped').length);
      }),
      { numRuns: 2000, seed: 20261126 },
    );
  });

  it('never throws on arbitrary JSON values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        const result = await validate(value);
        expect(result.findings.length).to.be.greaterThan(0);
        expect(result.summary.errors).to.be.greaterThan(0);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('never throws on a valid report with any one subtree replaced by an arbitrary value', async () => {
    const base = consistentReport({ seed: 3 });
    const keys = [
      'proactive',
      'applications',
      'appeals',
      'sections',
      'agency',
      'year',
      'title',
      'applications.total',
      'applications.denied',
      'appeals.reconsideration',
      'proactive.fees',
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 3 }), async (path, value) => {
        const r = clone(base);
        setPath(r, path, value);
        const result = await validate(r);
        expect(result.summary).to.be.an('object');
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});
