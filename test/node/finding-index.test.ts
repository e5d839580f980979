/** The DOM-free finding index (src/view/finding-index.ts): which cells show which findings, in Node. */
import { expect } from 'chai';
import { validate, layoutOf, TABLE_IDS, type Format } from '../../src/rules/index.js';
import { indexFindings, tableStatus, tableOf, isTotalPath, findingKey } from '../../src/view/finding-index.js';
import { consistentReport, clone } from '../helpers/reports.js';

const layout = (r: { format: Format }) => layoutOf(r as { format: Format; applications?: unknown });

describe('finding index (Node, no DOM)', () => {
  it('runs without a DOM; a consistent report marks no cell and every table passes', async () => {
    expect(typeof (globalThis as { document?: unknown }).document).to.equal('undefined');
    const r = consistentReport();
    const result = await validate(r);
    const index = indexFindings(result, layout(r), { locale: 'zh-CN' });
    expect([...index.byCell.keys()]).to.deep.equal([]);
    for (const t of TABLE_IDS) expect(tableStatus(r, result, t)).to.deep.equal({ kind: 'pass', count: 0 });
  });

  it('an equation finding is shown on the reported total, not on the rows it sums', async () => {
    const r = consistentReport();
    r.applications.total.natural += 1;
    const result = await validate(r);
    const index = indexFindings(result, layout(r), { locale: 'en' });
    const marked = [...index.byCell.keys()];
    expect(marked).to.include('applications.total.natural');
    // the rows of （三） summed by the total are not marked
    expect(marked.filter((p) => p.startsWith('applications.granted'))).to.deep.equal([]);
    expect(index.worst('applications.total.natural')).to.equal('error');
    expect(index.worst('applications.granted.natural')).to.equal(undefined);
    // opening the total outlines the cells its equations are made of
    const terms = index.terms('applications.total.natural');
    expect(terms.has('applications.granted.natural')).to.equal(true);
    expect(index.terms(undefined).size).to.equal(0);
    expect(tableStatus(r, result, 'applications').kind).to.equal('error');
    expect(tableStatus(r, result, 'appeals').kind).to.equal('pass');
    // explanations are in the index's locale and computed once
    expect(index.explain('applications.total.natural')).to.equal(index.explain('applications.total.natural'));
  });

  it('a finding on a row that is not an object is shown on the cells under it', async () => {
    const r = consistentReport();
    r.applications.granted = 5;
    const result = await validate(r);
    const index = indexFindings(result, layout(r), { locale: 'zh-CN' });
    const under = [...index.byCell.keys()].filter((p) => p.startsWith('applications.granted.'));
    expect(under.length).to.be.greaterThan(1);
    expect(index.byCell.has('applications.granted')).to.equal(false);
  });

  it('cells of last year’s report are never marked; no result gives an empty index', async () => {
    const r = consistentReport({ year: 2023 });
    const previous = clone(consistentReport({ year: 2022, seed: 7 }));
    const result = await validate(r, { previous });
    expect(result.findings.some((f) => f.cells.some((c) => c.startsWith('previous:')))).to.equal(true);
    const index = indexFindings(result, layout(r), { locale: 'zh-CN', previous });
    expect([...index.byCell.keys()].some((p) => p.startsWith('previous:'))).to.equal(false);
    const empty = indexFindings(undefined, undefined, { locale: 'zh-CN' });
    expect(empty.byCell.size).to.equal(0);
    expect(empty.explain('applications.total.natural')).to.deep.equal([]);
    expect(tableStatus(undefined, undefined, 'applications').kind).to.equal('unchecked');
  });

  it('helpers: tables of paths, total paths, stable finding keys', () => {
    expect(tableOf('applications.total.natural')).to.equal('applications');
    expect(tableOf('applicationsX.total')).to.equal(undefined);
    expect(isTotalPath('appeals.reconsideration.total')).to.equal(true);
    expect(isTotalPath('applications.totalled')).to.equal(false);
    const f = { rule: 'T3-TOTAL', status: 'fail', cells: ['a', 'b'] } as never;
    expect(findingKey(f)).to.equal('T3-TOTAL|fail|a,b');
  });
});
