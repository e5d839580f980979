import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { DisclosureReport, ValidatedDetail } from '../../src/elements/disclosure-report.js';
import { TABLE_IDS, validate } from '../../src/rules/index.js';
import { DisclosureReportHarness } from './harness.js';
import { busyReport, zeroReport, SEED, setPath } from './reports.js';

async function render(report: unknown, lang = 'zh-CN') {
  const el = await fixture<DisclosureReport>(
    html`<disclosure-report lang=${lang} .report=${report}></disclosure-report>`,
  );
  const h = new DisclosureReportHarness(el);
  expect(await h.ready()).to.equal('ready');
  return h;
}

describe('<disclosure-report> validation display', () => {
  it('a valid report: every table 通过, no cell marked, summary says so', async () => {
    const r = busyReport();
    expect((await validate(r)).summary.errors, 'fixture is valid').to.equal(0);
    const h = await render(r);
    for (const t of TABLE_IDS) {
      expect(h.badge(t)!.dataset['status'], t).to.equal('pass');
      expect(h.badge(t)!.textContent).to.contain('通过');
    }
    expect(h.flaggedPaths()).to.deep.equal([]);
    expect(h.failingPaths()).to.deep.equal([]);
    expect(h.summary()!.textContent).to.contain('所有勾稽关系均成立');
  });

  it('a total off by 2: the one cell that explains the three failing equations is marked, in words, without rule ids', async () => {
    const r = busyReport();
    const was = r['applications'].total.natural as number;
    r['applications'].total.natural = was + 2;
    const h = await render(r);
    // T3-BAL, T3-TOTAL and T3-COL (row （七）) all fail, and all three hold again with （七）总计 · 自然人 = was
    expect(h.flaggedPaths()).to.deep.equal(['applications.total.natural']);
    expect(h.failingPaths()).to.deep.equal(h.flaggedPaths());
    const flags = h.cell('applications.total.natural')!.querySelector('[part="flag"]')!;
    expect([...flags.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      '✖错误: 本列收支不平衡，差 2',
      '✖错误: 与各项合计不符，差 2',
      '✖错误: 与总计不符，差 2',
      `为 ${was} 时以上都相符`,
    ]);
    expect(flags.textContent).not.to.match(/T3-/);
    expect(flags.querySelector('.icon')!.textContent).to.equal('✖');
    // the rule ids stay in the summary
    expect(h.summary()!.textContent).to.contain('T3-TOTAL').and.to.contain('T3-BAL').and.to.contain('T3-COL');
    // badges: only table 三 has errors
    expect(h.badge('applications')!.textContent).to.contain('3 处错误');
    expect(h.badge('proactive')!.dataset['status']).to.equal('pass');
    expect(h.badge('appeals')!.dataset['status']).to.equal('pass');
  });

  it('appeals total wrong: T4-SUM on that total only; badge of table 四', async () => {
    const r = busyReport();
    r['appeals'].reconsideration.total = 9;
    const h = await render(r);
    expect(h.flaggedPaths()).to.deep.equal(['appeals.reconsideration.total']);
    expect(h.badge('appeals')!.textContent).to.contain('1 处错误');
    expect(h.badge('applications')!.dataset['status']).to.equal('pass');
  });

  it('warnings only: badge N 处提示 (the seed: FORMAT for its single （六） row)', async () => {
    const h = await render(SEED);
    expect(h.badge('applications')!.dataset['status']).to.equal('notice');
    expect(h.badge('applications')!.textContent).to.contain('1 处提示');
    expect(h.badge('proactive')!.dataset['status']).to.equal('pass');
    const flagged = h.flaggedPaths();
    expect(flagged.length).to.be.greaterThan(0);
    expect(flagged.every((p) => p.startsWith('applications.otherHandling.'))).to.equal(true);
    expect(h.cell(flagged[0]!)!.querySelector('.icon')!.textContent).to.equal('⚠');
  });

  it('every finding of validate() is listed in the summary, and its links focus their cells', async () => {
    const r = busyReport();
    r['applications'].total.natural += 1;
    r['appeals'].litigationDirect.total = 7;
    setPath(r, 'applications.granted.research', null);
    const result = await validate(r);
    const h = await render(r);
    const listed = [...h.summary()!.querySelectorAll('ul.findings > li')];
    expect(listed.length).to.equal(result.findings.filter((f) => f.status === 'fail').length);
    result.findings
      .filter((f) => f.status === 'fail')
      .forEach((f, i) => expect(listed[i]!.textContent).to.contain(f.rule).and.to.contain(f.message));
    const links = h.summaryLinks();
    expect(links.length).to.be.greaterThan(2);
    for (const a of links) {
      const id = a.hash.slice(1);
      a.click();
      await h.element.updateComplete;
      const active = h.root.activeElement as HTMLElement;
      expect(active, a.textContent!).to.exist;
      expect(active.id).to.equal(id);
      expect(active.tagName).to.equal('TD');
    }
  });

  it('clicking or focusing a total shows how it is computed (explainCell): the contributing cells, computed vs reported', async () => {
    const r = busyReport();
    const was = r['applications'].total.natural as number;
    r['applications'].total.natural = was + 2;
    const h = await render(r);
    expect(h.explainPanel()).to.equal(null);
    const td = h.cell('applications.total.natural')!;
    expect(td.tabIndex).to.equal(0);
    td.focus();
    await h.element.updateComplete;
    const panel = h.explainPanel()!;
    expect(panel).to.exist;
    const eqs = [...panel.querySelectorAll<HTMLElement>('.eq')];
    const total = eqs.find((e) => e.dataset['rule'] === 'T3-TOTAL')!;
    expect(total.textContent)
      .to.contain(`计算值 ${was}`)
      .and.to.contain(`填报值 ${was + 2}`);
    expect(total.querySelectorAll('.expected-terms li').length).to.equal(21); // 2 + 8 + 3 + 5 + 3 outcome rows
    expect(total.querySelector('.expected-terms')!.textContent).to.contain('（一）予以公开 · 自然人');
    // the contributing cells are highlighted in the table
    expect(h.cell('applications.granted.natural')!.classList.contains('term')).to.equal(true);
    // Escape / close button hides it
    panel.querySelector('button')!.click();
    await h.element.updateComplete;
    expect(h.explainPanel()).to.equal(null);
    expect(h.root.activeElement).to.equal(td);
    // Enter reopens it on the focused cell, Escape closes it
    td.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await h.element.updateComplete;
    expect(h.explainPanel()).to.exist;
    td.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await h.element.updateComplete;
    expect(h.explainPanel()).to.equal(null);
    // a click on another total opens its explanation
    h.cell('applications.total.total')!.click();
    await h.element.updateComplete;
    expect(h.explainPanel()!.textContent).to.contain('T3-COL');
  });

  it('fires disclosure-report-validated with the findings and summary of validate()', async () => {
    const r = busyReport();
    r['applications'].total.natural += 1;
    const el = document.createElement('disclosure-report') as DisclosureReport;
    el.report = r;
    const event = oneEvent(el, 'disclosure-report-validated') as Promise<CustomEvent<ValidatedDetail>>;
    document.body.append(el);
    const { detail } = await event;
    const expected = await validate(r);
    expect(detail.summary).to.deep.equal(expected.summary);
    expect(detail.findings).to.deep.equal(expected.findings);
    el.remove();
  });

  it('uses the locale for rule messages and UI strings (lang="en")', async () => {
    const r = busyReport();
    r['applications'].total.natural += 1;
    const expected = await validate(r, { locale: 'en' });
    const h = await render(r, 'en');
    const text = h.summary()!.textContent!;
    for (const f of expected.findings) expect(text).to.contain(f.message);
    expect(h.badge('applications')!.textContent).to.contain('3 errors');
    expect(h.cell('applications.total.natural')!.textContent)
      .to.contain('does not match the sum of its parts: off by 1')
      .and.to.contain('would fit all of these');
  });

  it('schema errors show as findings, the tables still render as found', async () => {
    const r = zeroReport('2021');
    r['applications'].granted.natural = 'abc';
    r['applications'].granted.commercial = -3;
    const result = await validate(r);
    const h = await render(r);
    expect(result.findings.length).to.be.greaterThan(0);
    expect(h.table('applications')).to.exist;
    expect(h.cellValue('applications.granted.natural')).to.equal('abc');
    expect(h.summary()!.textContent).to.contain(result.findings[0]!.message);
    expect(h.failingPaths()).to.include('applications.granted.natural');
  });

  it('a report that is not a report object: findings, no crash, no tables', async () => {
    const h = await render({ hello: 'world' });
    expect(h.tables().length).to.equal(0);
    expect(h.summary()!.querySelectorAll('ul.findings li').length).to.be.greaterThan(0);
  });

  it("cross-year checks with .previous: X-CARRY marks this year's 上年结转", async () => {
    const prev = busyReport();
    prev['year'] = 2021;
    const cur = busyReport();
    prev['applications'].carriedForward.natural = cur['applications'].carriedOver.natural + 1;
    const el = await fixture<DisclosureReport>(
      html`<disclosure-report .report=${cur} .previous=${prev}></disclosure-report>`,
    );
    const h = new DisclosureReportHarness(el);
    await h.ready();
    expect(h.flaggedPaths()).to.include('applications.carriedOver.natural');
    expect(h.summary()!.textContent).to.contain('X-CARRY');
  });
});
