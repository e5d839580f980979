import { expect } from 'chai';
import { validate, parseReport, explainCell } from '../../src/rules/index.js';
import seed from '../fixtures/bayannur-gxj-2021.json';
import { clone, consistentReport, type Json } from '../helpers/reports.js';

describe('the seed report (巴彦淖尔市工业和信息化局 2021, hand-converted)', () => {
  it('fits the contract: a 2021 report with a single （六）其他处理 row, kept as found', () => {
    const parsed = parseReport(seed);
    expect(parsed.ok, JSON.stringify(parsed.errors)).to.equal(true);
    expect((seed as Json).applications.otherHandling).to.have.keys([
      'natural',
      'commercial',
      'research',
      'publicInterest',
      'legalService',
      'otherOrg',
      'total',
    ]);
  });

  it('validates with no errors, and exactly the FORMAT warning for its mixed table', async () => {
    const r = await validate(seed);
    expect(r.summary).to.include({ errors: 0, skipped: 0, infos: 0, warnings: 1 });
    const [f] = r.findings;
    expect(r.findings).to.have.length(1);
    expect(f!.rule).to.equal('FORMAT');
    expect(f!.status).to.equal('fail');
    expect(f!.severity).to.equal('warning');
    expect(f!.cells).to.include('applications.otherHandling.natural');
    expect(f!.message).to.equal(
      '表三“（六）其他处理”为单行（2019 年版），而报告采用的 2021 年版格式应为三个子项（2021 年版）',
    );
  });

  it('says the same in English, without nested parentheses', async () => {
    const [f] = (await validate(seed, { locale: 'en' })).findings;
    expect(f!.message).to.equal(
      "Table III “(6) Other handling” has one row (2019 layout), but the report's 2021 format has three sub-rows (2021 layout)",
    );
  });
});

describe('a report whose 总计 is off by one in one column', () => {
  it('yields the findings that name that column, with expected and actual', async () => {
    const rep = consistentReport({ seed: 12, scale: 40 });
    const reported = rep.applications.total.commercial + 1;
    rep.applications.total.commercial = reported;
    const r = await validate(rep);
    const errors = r.findings.filter((f) => f.severity === 'error' && f.status === 'fail');
    expect(errors.map((f) => f.rule).sort()).to.deep.equal(['T3-BAL', 'T3-COL', 'T3-TOTAL']);
    for (const f of errors) expect(f.cells).to.include('applications.total.commercial');
    const bal = errors.find((f) => f.rule === 'T3-BAL')!;
    expect(bal.message).to.match(/^“商业企业”列/);
    expect(Number(bal.actual) - Number(bal.expected)).to.equal(1);
    const total = errors.find((f) => f.rule === 'T3-TOTAL')!;
    expect(total.expected).to.equal(String(reported - 1));
    expect(total.actual).to.equal(String(reported));
    const col = errors.find((f) => f.rule === 'T3-COL')!;
    expect(col.expected).to.equal(String(rep.applications.total.total + 1));
    expect(col.actual).to.equal(String(rep.applications.total.total));
  });

  it('explainCell shows how the total is computed: contributing cells, computed vs reported', () => {
    const rep = consistentReport({ seed: 12 });
    rep.applications.total.commercial += 1;
    const ex = explainCell(rep, 'applications.total.commercial');
    expect(ex.map((e) => e.rule)).to.deep.equal(['T3-BAL', 'T3-TOTAL']);
    const total = ex.find((e) => e.rule === 'T3-TOTAL')!;
    expect(total.status).to.equal('fails');
    expect(total.expectedTerms).to.have.length(21);
    expect(total.expectedTerms[0]).to.deep.include({
      path: 'applications.granted.commercial',
      label: '（一）予以公开 · 商业企业',
      sign: 1,
    });
    expect(total.actual).to.equal(String(rep.applications.total.commercial));
    const ok = explainCell(clone(consistentReport({ seed: 12 })), 'appeals.reconsideration.total', { locale: 'en' });
    expect(ok).to.have.length(1);
    expect(ok[0]!.status).to.equal('holds');
    expect(ok[0]!.expectedTerms.map((t) => t.label)).to.deep.equal([
      'Administrative reconsideration · Upheld',
      'Administrative reconsideration · Corrected',
      'Administrative reconsideration · Other outcome',
      'Administrative reconsideration · Pending',
    ]);
    expect(explainCell(rep, 'applications.granted.total').map((e) => e.rule)).to.deep.equal(['T3-COL']);
    expect(explainCell(rep, 'applications.granted.natural')).to.deep.equal([]);
  });
});
