/**
 * cellMarks: which cell a failing equation is shown on and what its mark says (no DOM). Every number
 * in a mark is the cell's own value, the value it would need, or the difference.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import {
  validate,
  explainReport,
  layoutCells,
  getLayout,
  getPath,
  type ValidateOptions,
} from '../../src/rules/index.js';
import { cellMarks, findingNote, lineText, neededText, tiedCells, type CellMark } from '../../src/view/cell-marks.js';
import { uiStrings } from '../../src/i18n/ui.js';

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../demo/data/${name}.json`, import.meta.url), 'utf8')) as Record<string, any>;
const set = (r: Record<string, any>, path: string, v: unknown) => {
  const keys = path.split('.');
  let o = r;
  for (const k of keys.slice(0, -1)) o = o[k];
  o[keys.at(-1)!] = v;
};

async function marksOf(report: unknown, options: ValidateOptions = {}) {
  const result = await validate(report, options);
  return { ...cellMarks(result.findings, explainReport(report, options)), findings: result.findings };
}

/** A mark as the reader sees it: every line, then the closing line. */
const words = (m: CellMark, lang: 'zh' | 'en', t = uiStrings(lang === 'en' ? 'en' : 'zh-CN')) => [
  ...m.lines.map((l) => lineText(l, t)),
  ...(m.needed === undefined ? [] : [neededText(m, t)!]),
];

const summary = (marks: ReadonlyMap<string, CellMark>, lang: 'zh' | 'en' = 'zh') =>
  Object.fromEntries([...marks].map(([p, m]) => [p, words(m, lang)]));

describe('cellMarks', () => {
  it('issue 10 case: 一、本年新收 · 自然人 110 → 111 is marked on that cell alone, with the value it would need', async () => {
    const r = load('example-2022');
    r.applications.newReceived.natural = 111;
    const { marks, placed, findings } = await marksOf(r);
    expect(findings.filter((f) => f.status === 'fail').map((f) => f.rule)).to.deep.equal(['T3-BAL', 'T3-COL']);
    expect(summary(marks)).to.deep.equal({
      'applications.newReceived.natural': ['本列收支不平衡，差 1', '与总计不符，差 1', '为 110 时以上都相符'],
    });
    expect(summary(marks, 'en')).to.deep.equal({
      'applications.newReceived.natural': [
        'the column does not balance: off by 1',
        'does not match the total: off by 1',
        '110 would fit all of these',
      ],
    });
    expect([...placed.values()]).to.deep.equal([
      'applications.newReceived.natural',
      'applications.newReceived.natural',
    ]);
    const m = marks.get('applications.newReceived.natural')!;
    // the cells to outline: the rest of its column's balance and of its row
    expect(tiedCells(m)).to.have.members([
      'applications.carriedOver.natural',
      'applications.total.natural',
      'applications.carriedForward.natural',
      'applications.newReceived.commercial',
      'applications.newReceived.research',
      'applications.newReceived.publicInterest',
      'applications.newReceived.legalService',
      'applications.newReceived.otherOrg',
      'applications.newReceived.total',
    ]);
  });

  it('T3-TOTAL: a wrong （七）总计 fails three equations and is marked once; two wrong cells mark the totals', async () => {
    const r = load('example-2022');
    r.applications.total.natural = 115;
    expect(summary((await marksOf(r)).marks)).to.deep.equal({
      'applications.total.natural': [
        '本列收支不平衡，差 1',
        '与各项合计不符，差 1',
        '与总计不符，差 1',
        '为 114 时以上都相符',
      ],
    });
    // 予以公开 · 自然人 and its row total both one too high: only the two column totals fail
    const s = load('example-2022');
    s.applications.granted.natural = 59;
    s.applications.granted.total = 69;
    const { marks } = await marksOf(s);
    expect(summary(marks)).to.deep.equal({
      'applications.total.natural': ['与各项合计不符，差 1', '为 115 时相符'],
      'applications.total.total': ['与各项合计不符，差 1', '为 133 时相符'],
    });
    expect(tiedCells(marks.get('applications.total.natural')!)).to.include('applications.granted.natural');
    expect(summary(marks, 'en')['applications.total.natural']).to.deep.equal([
      'does not match the sum of its parts: off by 1',
      '115 would fit',
    ]);
  });

  it('T3-COL: rows that do not add up while their columns balance are marked on their 总计', async () => {
    const r = load('example-2022');
    r.applications.newReceived.natural = 111; // 111 + 8 = 114 + 5: the column still balances
    r.applications.carriedForward.natural = 5;
    const { marks } = await marksOf(r);
    expect(summary(marks)).to.deep.equal({
      'applications.newReceived.total': ['与各项合计不符，差 1', '为 129 时相符'],
      'applications.carriedForward.total': ['与各项合计不符，差 1', '为 6 时相符'],
    });
    expect(summary(marks, 'en')['applications.newReceived.total']![0]).to.equal(
      'does not match the sum of its parts: off by 1',
    );
  });

  it('T3-BAL: columns that do not balance while every row adds up are marked on （七）总计', async () => {
    const r = load('example-2022');
    r.applications.newReceived.natural = 113;
    r.applications.newReceived.total = 131;
    const { marks, findings } = await marksOf(r);
    expect(findings.filter((f) => f.status === 'fail').map((f) => f.rule)).to.deep.equal(['T3-BAL', 'T3-BAL']);
    expect(summary(marks)).to.deep.equal({
      'applications.total.natural': ['本列收支不平衡，差 3', '为 117 时相符'],
      'applications.total.total': ['本列收支不平衡，差 3', '为 135 时相符'],
    });
  });

  it('two cells of one row changed: no single cell explains it, each equation is marked on its total', async () => {
    const r = load('example-2022');
    r.applications.newReceived.natural = 111;
    r.applications.newReceived.commercial = 13;
    expect(summary((await marksOf(r)).marks)).to.deep.equal({
      'applications.total.natural': ['本列收支不平衡，差 1', '为 115 时相符'],
      'applications.total.commercial': ['本列收支不平衡，差 1', '为 13 时相符'],
      'applications.newReceived.total': ['与各项合计不符，差 2', '为 130 时相符'],
    });
  });

  it('T4-SUM: marked on the group total, whichever cell changed', async () => {
    const r = load('example-2022');
    r.appeals.reconsideration.upheld = 4;
    expect(summary((await marksOf(r)).marks)).to.deep.equal({
      'appeals.reconsideration.total': ['与各项合计不符，差 1', '为 6 时相符'],
    });
    const s = load('example-2022');
    s.appeals.litigationDirect.total = 1;
    const { marks } = await marksOf(s);
    expect(summary(marks, 'en')).to.deep.equal({
      'appeals.litigationDirect.total': ['does not match the sum of its parts: off by 2', '3 would fit'],
    });
    expect(tiedCells(marks.get('appeals.litigationDirect.total')!)).to.deep.equal([
      'appeals.litigationDirect.upheld',
      'appeals.litigationDirect.corrected',
      'appeals.litigationDirect.other',
      'appeals.litigationDirect.pending',
    ]);
  });

  it('X-CARRY: marked on 二、上年结转; last year’s cell is not tied (it is not on the page)', async () => {
    const { marks } = await marksOf(load('example-2020'), { previous: load('example-2019') });
    expect(summary(marks)).to.deep.equal({
      'applications.carriedOver.natural': ['与上年报告的结转数不符，差 3', '为 1 时相符'],
      'applications.carriedOver.total': ['与上年报告的结转数不符，差 3', '为 1 时相符'],
    });
    expect(tiedCells(marks.get('applications.carriedOver.natural')!)).to.deep.equal([]);
  });

  it('X-INFORCE: marked on 现行有效件数, tied to 本年制发 and 本年废止', async () => {
    const previous = load('example-2022');
    previous.year = 2021;
    previous.proactive.normativeDocuments.inForce = 80; // 80 + 14 − 3 = 91, reported 87
    previous.applications.carriedForward = previous.applications.carriedOver; // X-CARRY holds
    const { marks } = await marksOf(load('example-2022'), { previous });
    expect(summary(marks)).to.deep.equal({
      'proactive.normativeDocuments.inForce': ['与按上年报告推算的件数不符，差 4', '为 91 时相符'],
    });
    expect(tiedCells(marks.get('proactive.normativeDocuments.inForce')!)).to.deep.equal([
      'proactive.normativeDocuments.issued',
      'proactive.normativeDocuments.repealed',
    ]);
  });

  it('findings that are not equations (NUM, BLANK, FORMAT) are not placed here', async () => {
    const r = load('example-2022');
    r.applications.granted.research = '一';
    r.applications.granted.commercial = null;
    const { placed, findings } = await marksOf(r);
    expect(findings.some((f) => f.rule === 'NUM' && f.status === 'fail')).to.equal(true);
    expect([...placed.keys()].map((f) => f.rule)).to.deep.equal([]);
  });

  // Property: one changed cell of table 三 (either format) is marked on that cell alone, and the
  // value it would need is the value it had; every number in the mark is that value or the change.
  for (const name of ['example-2022', 'example-2020']) {
    it(`any one changed cell of table 三 (${name}) is the only mark, and it names the original value`, async () => {
      const base = load(name);
      const cells = layoutCells(getLayout(base.format)).filter((c) => c.path.startsWith('applications.'));
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...cells.map((c) => c.path)),
          fc.integer({ min: -50, max: 50 }).filter((d) => d !== 0),
          async (path, d) => {
            const was = getPath(base, path) as number;
            if (was + d < 0) return;
            const r = structuredClone(base);
            set(r, path, was + d);
            const { marks } = await marksOf(r);
            expect([...marks.keys()]).to.deep.equal([path]);
            const m = marks.get(path)!;
            expect(m.needed).to.equal(String(was));
            for (const w of words(m, 'zh')) {
              for (const n of w.match(/\d+/g) ?? []) expect([String(was), String(Math.abs(d))]).to.include(n);
            }
          },
        ),
        { numRuns: 60 },
      );
    });
  }

  it('the view has no locale branching: the words of a mark come from the ui catalogs', () => {
    for (const file of ['cell-marks', 'finding-index', 'table-model']) {
      const src = readFileSync(new URL(`../../src/view/${file}.ts`, import.meta.url), 'utf8');
      expect(src, file).not.to.match(/['"]en['"]|['"]zh['"]/);
    }
    const note = (rule: string, lang: 'zh-CN' | 'en') =>
      findingNote({ rule, message: '', severity: 'warning', status: 'fail', cells: [] } as never, uiStrings(lang));
    expect([note('BLANK', 'zh-CN'), note('BLANK', 'en')]).to.deep.equal([
      '空白不等于零，应填数字',
      'blank is not zero: write a number',
    ]);
    expect([note('X-NEW', 'zh-CN'), note('X-NEW', 'en')]).to.deep.equal(['见校验结果', 'see the summary']);
  });
});
