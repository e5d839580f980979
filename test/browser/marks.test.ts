/**
 * Marks in cells (issue 10, item 1), one crafted report per equation rule: exactly which cells carry a
 * mark, every word and number in it (the difference, the value the cell would need), no rule id in a
 * cell, and the cells of its equations outlined while the marked cell is hovered or focused.
 */
import { fixture, html, expect } from '@open-wc/testing';
import '../../src/define.js';
import type { DisclosureReport } from '../../src/elements/disclosure-report.js';
import { DisclosureReportHarness } from './harness.js';

type R = Record<string, any>;
const get = async (name: string): Promise<R> => (await fetch(`/demo/data/${name}.json`)).json();

async function render(report: unknown, lang = 'zh-CN', previous?: unknown) {
  const el = await fixture<DisclosureReport>(
    html`<disclosure-report lang=${lang} .report=${report} .previous=${previous}></disclosure-report>`,
  );
  const h = new DisclosureReportHarness(el);
  expect(await h.ready()).to.equal('ready');
  return h;
}

/** Every marked cell with the lines of its mark, as read (icon and screen-reader severity left out). */
function marks(h: DisclosureReportHarness): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const path of h.flaggedPaths()) {
    out[path] = [...h.cell(path)!.querySelectorAll('[part="flag"] li')].map((li) => {
      const c = li.cloneNode(true) as HTMLElement;
      c.querySelectorAll('.icon, .sr-only').forEach((n) => n.remove());
      return c.textContent!.replace(/\s+/g, ' ').trim();
    });
  }
  return out;
}

const outlined = (h: DisclosureReportHarness) =>
  [...h.root.querySelectorAll<HTMLElement>('td.term')].map((td) => td.dataset['path']!).sort();

describe('marks in cells', () => {
  it('issue 10: 一、本年新收 · 自然人 110 → 111 marks that cell alone; hovering it outlines its row and column', async () => {
    const r = await get('example-2022');
    r['applications'].newReceived.natural = 111;
    const h = await render(r);
    expect(marks(h)).to.deep.equal({
      'applications.newReceived.natural': ['本列收支不平衡，差 1', '与总计不符，差 1', '为 110 时以上都相符'],
    });
    // 114 (（七）总计 · 自然人) is not marked and says nothing of 119 or 118
    expect(h.cell('applications.total.natural')!.textContent!.trim()).to.equal('114');
    expect(h.table('applications')!.textContent).not.to.contain('119').and.not.to.contain('118');
    const td = h.cell('applications.newReceived.natural')!;
    expect(td.tabIndex).to.equal(0);
    expect(outlined(h)).to.deep.equal([]);
    td.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await h.element.updateComplete;
    const tied = [
      'applications.carriedOver.natural',
      'applications.total.natural',
      'applications.carriedForward.natural',
      'applications.newReceived.commercial',
      'applications.newReceived.research',
      'applications.newReceived.publicInterest',
      'applications.newReceived.legalService',
      'applications.newReceived.otherOrg',
      'applications.newReceived.total',
    ];
    expect(outlined(h)).to.include.members(tied);
    h.table('applications')!.dispatchEvent(new PointerEvent('pointerleave'));
    await h.element.updateComplete;
    expect(outlined(h)).to.deep.equal([]);
    // focus opens the panel with both equations (rule ids there) and outlines the same cells
    td.focus();
    await h.element.updateComplete;
    expect(outlined(h)).to.include.members(tied);
    const rules = [...h.explainPanel()!.querySelectorAll<HTMLElement>('.eq')].map((e) => e.dataset['rule']);
    expect(rules).to.have.members(['T3-BAL', 'T3-COL']);
    expect(h.summary()!.textContent).to.contain('T3-BAL').and.to.contain('T3-COL');
  });

  it('T3-TOTAL: outcome rows that do not add up to （七）总计 (their row totals moved with them)', async () => {
    const r = await get('example-2022');
    r['applications'].granted.natural = 59;
    r['applications'].granted.total = 69;
    const h = await render(r);
    expect(marks(h)).to.deep.equal({
      'applications.total.natural': ['与各项合计不符，差 1', '为 115 时相符'],
      'applications.total.total': ['与各项合计不符，差 1', '为 133 时相符'],
    });
    const en = await render(r, 'en');
    expect(marks(en)['applications.total.natural']).to.deep.equal([
      'does not match the sum of its parts: off by 1',
      '115 would fit',
    ]);
  });

  it('T3-COL: a row whose columns do not add up to its 总计 (the column still balances)', async () => {
    const r = await get('example-2022');
    r['applications'].newReceived.natural = 111;
    r['applications'].carriedForward.natural = 5;
    const h = await render(r);
    expect(marks(h)).to.deep.equal({
      'applications.newReceived.total': ['与各项合计不符，差 1', '为 129 时相符'],
      'applications.carriedForward.total': ['与各项合计不符，差 1', '为 6 时相符'],
    });
  });

  it('T3-BAL: columns that do not balance while every row adds up', async () => {
    const r = await get('example-2022');
    r['applications'].newReceived.natural = 113;
    r['applications'].newReceived.total = 131;
    const h = await render(r);
    expect(marks(h)).to.deep.equal({
      'applications.total.natural': ['本列收支不平衡，差 3', '为 117 时相符'],
      'applications.total.total': ['本列收支不平衡，差 3', '为 135 时相符'],
    });
  });

  it('T4-SUM: a part of 行政复议 changed: the group total says what it would need', async () => {
    const r = await get('example-2022');
    r['appeals'].reconsideration.upheld = 4;
    const h = await render(r);
    expect(marks(h)).to.deep.equal({ 'appeals.reconsideration.total': ['与各项合计不符，差 1', '为 6 时相符'] });
    h.cell('appeals.reconsideration.total')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    await h.element.updateComplete;
    expect(outlined(h)).to.deep.equal(
      [
        'appeals.reconsideration.upheld',
        'appeals.reconsideration.corrected',
        'appeals.reconsideration.other',
        'appeals.reconsideration.pending',
        'appeals.reconsideration.total',
      ].sort(),
    );
  });

  it("X-CARRY (2019 format, with last year's report): 二、上年结转 against last year's 结转", async () => {
    const h = await render(await get('example-2020'), 'zh-CN', await get('example-2019'));
    expect(marks(h)).to.deep.equal({
      'applications.carriedOver.natural': ['与上年报告的结转数不符，差 3', '为 1 时相符'],
      'applications.carriedOver.total': ['与上年报告的结转数不符，差 3', '为 1 时相符'],
    });
  });

  it('X-INFORCE: 现行有效件数 against last year’s + 本年制发 − 本年废止', async () => {
    const previous = await get('example-2022');
    previous['year'] = 2021;
    previous['proactive'].normativeDocuments.inForce = 80;
    previous['applications'].carriedForward = previous['applications'].carriedOver;
    const h = await render(await get('example-2022'), 'en', previous);
    expect(marks(h)).to.deep.equal({
      'proactive.normativeDocuments.inForce': [
        "differs from last year's in force + issued − repealed: off by 4",
        '91 would fit',
      ],
    });
  });

  it('other findings speak of their cell in words, without rule ids (NUM, BLANK)', async () => {
    const r = await get('example-2022');
    r['applications'].granted.research = '一';
    r['proactive'].normativeDocuments.issued = null;
    const h = await render(r);
    expect(marks(h)['applications.granted.research']).to.deep.equal(['不是有效的数量']);
    expect(marks(h)['proactive.normativeDocuments.issued']).to.deep.equal(['空白不等于零，应填数字']);
    expect(h.root.querySelector('[part="flag"] .rule')).to.equal(null);
  });
});
