/**
 * Issue 11.2: glued digit runs solved with the whole table (T3-COL per row, T3-TOTAL and T3-BAL per
 * column, T4-SUM), a run split only when every joint solution splits it the same way; the
 * equations used to read the text are recorded (source.splitWith) and validate() reports them as
 * skipped, not passed.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { importReport } from '../../src/import/index.js';
import { solveJoint, splitRun } from '../../src/import/glued.js';
import { validate } from '../../src/rules/index.js';
import { getLayout, gridCells, leafRows } from '../../src/model/layout.js';
import { flatten, get, randomReport, type Json } from './import-helpers.js';

/** A 2021 report with every count 0, then `set` applied (paths → values), rows summed. */
function crafted(set: Record<string, number>): Json {
  const report = randomReport({ format: '2021', shape: 'group', seed: 7, blanks: 0, consistent: true });
  for (const grid of getLayout('2021', 'group').tables.applications.grids)
    for (const c of gridCells(grid)) setAt(report.applications, c.path.split('.').slice(1), 0);
  for (const g of ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'])
    for (const k of ['upheld', 'corrected', 'other', 'pending', 'total']) report.appeals[g][k] = 0;
  for (const [p, v] of Object.entries(set)) setAt(report, p.split('.'), v);
  for (const row of leafRows(getLayout('2021', 'group').tables.applications.grids[0]!.rows)) {
    const r = get(report.applications, row.key.split('.'));
    r.total = ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'].reduce(
      (s, c) => s + r[c],
      0,
    );
  }
  return report;
}
function setAt(obj: Json, keys: string[], v: unknown) {
  let o = obj;
  for (const k of keys.slice(0, -1)) o = o[k] ??= {};
  o[keys[keys.length - 1]!] = v;
}

describe('importReport: glued runs solved with the whole table', () => {
  // 予以公开 "330000033" fits its row two ways (33|0|…|33 and 3|30|…|33); the 总计 row "350000035"
  // and 本机关不掌握 "2000002" fit one way each, so the 自然人 column (33 + 2 = 35) allows only 33|0|….
  const report = crafted({
    'applications.newReceived.natural': 35,
    'applications.granted.natural': 33,
    'applications.unavailable.notHeld.natural': 2,
    'applications.total.natural': 35,
  });
  const text = flatten(report, 'glued');

  it('the 予以公开 run "330000033" is split by the column equations (T3-TOTAL), which one row alone cannot', () => {
    expect(text).to.include('（一）予以公开330000033');
    const rowOnly = splitRun(['330000033'], Array(7).fill('count'), (c) => {
      let s = 0;
      for (let i = 0; i < 6; i++) s += Number(c[i]);
      return s === Number(c[6]);
    });
    expect(rowOnly.fits).to.deep.equal([
      ['3', '30', '0', '0', '0', '0', '33'],
      ['33', '0', '0', '0', '0', '0', '33'],
    ]);
    const { report: back, diagnostics } = importReport(text);
    const b = back as Json;
    expect(b.applications.granted).to.deep.equal(report.applications.granted);
    const d = diagnostics.find((x) => x.code === 'glued-split' && x.cells?.includes('applications.granted.natural'));
    expect(d?.message).to.include('整张表的勾稽关系');
    const amb = diagnostics.filter((x) => x.code === 'glued-ambiguous' && x.cells?.[0]?.startsWith('applications.'));
    expect(amb).to.deep.equal([]);
  });

  it('records the equations it used (rule id + cells) in source.splitWith', () => {
    const b = importReport(text).report as Json;
    const used = b.source.splitWith.map((e: Json) => `${e.rule} ${e.cells.join(',')}`);
    expect(used).to.include(
      'T3-COL applications.granted.natural,applications.granted.commercial,applications.granted.research,applications.granted.publicInterest,applications.granted.legalService,applications.granted.otherOrg,applications.granted.total',
    );
    const rules = b.source.splitWith.map((e: Json) => e.rule);
    expect(rules).to.include('T3-TOTAL');
    const total = b.source.splitWith.filter((e: Json) => e.rule === 'T3-TOTAL');
    expect(total.map((e: Json) => e.cells[e.cells.length - 1]).sort()).to.deep.equal([
      'applications.total.commercial',
      'applications.total.natural',
    ]);
  });

  it('validate(): the equations used to read the text are skipped with that reason, not passed', async () => {
    const b = importReport(text).report as Json;
    const { findings, summary } = await validate(b);
    const skipped = findings.filter((f) => f.status === 'skipped');
    expect(skipped.map((f) => f.rule).sort()).to.deep.equal(b.source.splitWith.map((e: Json) => e.rule).sort());
    expect(skipped.every((f) => f.message.includes('导入时已用它拆分原文中粘连的数字'))).to.equal(true);
    expect(summary.errors).to.equal(0);
    const en = await validate(b, { locale: 'en' });
    expect(en.findings.find((f) => f.rule === 'T3-TOTAL')?.message).to.match(
      /cannot be checked because it was used to split the digits glued together/,
    );
    // without the record, the same equations hold and are counted as checked
    const { source, ...plain } = b;
    expect(source).to.be.an('object');
    const again = await validate(plain);
    expect(again.findings.filter((f) => f.status === 'skipped')).to.deep.equal([]);
    expect(again.summary.checked).to.be.greaterThan(summary.checked);
  });

  it('a split whose equations do not hold as published stays ambiguous (no joint solution: no choice)', () => {
    // 总计 自然人 36 where the rows add up to 35: the column cannot choose between the two splits
    const r = crafted({
      'applications.newReceived.natural': 36,
      'applications.granted.natural': 33,
      'applications.unavailable.notHeld.natural': 2,
      'applications.total.natural': 36,
    });
    const { report: back, diagnostics } = importReport(flatten(r, 'glued'));
    expect((back as Json).applications.granted.natural).to.equal(null);
    const d = diagnostics.find(
      (x) => x.code === 'glued-ambiguous' && x.cells?.includes('applications.granted.natural'),
    );
    expect(d?.message).to.include('33|0|0|0|0|0|33');
    expect((back as Json).source.unread['applications.granted.natural'].code).to.equal('glued-ambiguous');
  });

  it('round trip, tables that hold: every cell is read right or kept null with a diagnostic naming it', () => {
    for (const [format, shape] of [
      ['2021', 'group'],
      ['2019', 'row'],
    ] as const) {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
          const report = randomReport({ format, shape, seed, blanks: 0, balanced: true });
          const { report: back, diagnostics } = importReport(flatten(report, 'glued'));
          const b = back as Json;
          const flagged = new Set(diagnostics.filter((d) => d.level === 'warning').flatMap((d) => d.cells ?? []));
          for (const grid of getLayout(format, shape).tables.applications.grids)
            for (const cell of gridCells(grid)) {
              const got = get(b, cell.path.split('.'));
              if (got === null) expect(flagged.has(cell.path), cell.path).to.equal(true);
              else expect(got, cell.path).to.deep.equal(get(report, cell.path.split('.')));
            }
        }),
        { numRuns: 8, seed: 20261206 },
      );
    }
  });
});

describe('solveJoint: bounded', () => {
  it('adversarial runs (many candidates each, loose equations) stop at the bound instead of blowing up', () => {
    const runs = Array.from({ length: 25 }, (_, i) => ({
      paths: [`r${i}.a`, `r${i}.b`],
      fits: Array.from({ length: 50 }, (_, k) => [k, 1000 * k + i]),
    }));
    // one equation over every run's first cell: the residuals multiply until the bound
    const eq = [...runs.map((r) => [r.paths[0]!, 1] as const), ['sum', -1] as const];
    expect(solveJoint(runs, [eq], () => 600)).to.equal(undefined);
  });

  it('finds the candidates that occur in some joint solution', () => {
    const runs = [
      {
        paths: ['a.x', 'a.y'],
        fits: [
          [1, 2],
          [3, 0],
        ],
      },
      {
        paths: ['b.x', 'b.y'],
        fits: [
          [2, 2],
          [1, 4],
        ],
      },
    ];
    // a.x + b.x = 3, a.y + b.y = 4 → only a = [1,2], b = [2,2]
    const r = solveJoint(
      runs,
      [
        [
          ['a.x', 1],
          ['b.x', 1],
          ['t.x', -1],
        ],
        [
          ['a.y', 1],
          ['b.y', 1],
          ['t.y', -1],
        ],
      ],
      (p) => (p === 't.x' ? 3 : p === 't.y' ? 4 : null),
    );
    expect(r?.possible).to.deep.equal([[0], [0]]);
    // an equation with a blank cell cannot be used
    expect(
      solveJoint(
        runs,
        [
          [
            ['a.x', 1],
            ['blank', -1],
          ],
        ],
        () => null,
      ),
    ).to.equal(undefined);
  });

  it('a glued table 三 of long adversarial runs imports (in bounded time) with every cell null or right', function () {
    this.timeout(60000);
    const report = crafted({});
    let text = flatten(report, 'glued');
    // every row's run replaced by a long run of 1s and 2s
    text = text.replace(/0000000/g, () => '12121212121212121213');
    const { report: back, diagnostics } = importReport(text);
    expect(back).to.be.an('object');
    expect(diagnostics.some((d) => /^glued-/.test(d.code))).to.equal(true);
  });
});
