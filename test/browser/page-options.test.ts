/**
 * Embedding options (issue 10, items 4 and 6): `no-header` for CMS pages that print the title, `lang`
 * from the nearest ancestor as in Shoelace and Web Awesome (`el.lang` as on any element), and cells the
 * importer could not read shown as such, not as the publisher's blank.
 */
import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { DisclosureReport } from '../../src/elements/disclosure-report.js';
import { DisclosureReportHarness } from './harness.js';
import { busyReport, clone } from './reports.js';

const ready = async (el: DisclosureReport) => {
  const h = new DisclosureReportHarness(el);
  expect(await h.ready()).to.equal('ready');
  return h;
};

describe('no-header', () => {
  it('leaves the title block out; the article is labelled with the title and the sections take heading-level', async () => {
    const r = busyReport();
    r['title'] = '测试市测试局2022年政府信息公开工作年度报告';
    const el = await fixture<DisclosureReport>(html`<disclosure-report no-header .report=${r}></disclosure-report>`);
    const h = await ready(el);
    expect(el.noHeader).to.equal(true);
    expect(h.root.querySelector('[part="header"]')).to.equal(null);
    expect(h.text()).not.to.contain('测试市测试局2022年');
    const article = h.root.querySelector('article')!;
    expect(article.getAttribute('aria-label')).to.equal(r['title']);
    expect(article.hasAttribute('aria-labelledby')).to.equal(false);
    expect(h.root.querySelector('#dr-summary')!.getAttribute('aria-level')).to.equal('2');
    expect(h.root.querySelector('#h-applications')!.getAttribute('aria-level')).to.equal('2');
    el.noHeader = false;
    await el.updateComplete;
    expect(h.root.querySelector('[part="header"]')).to.exist;
    expect(h.root.querySelector('#h-applications')!.getAttribute('aria-level')).to.equal('3');
    await expect(el).shadowDom.to.be.accessible();
  });
});

describe('lang', () => {
  it("follows the nearest ancestor's lang, then zh-CN; el.lang reads like any element's; changes apply", async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div lang="en"><section><disclosure-report .report=${busyReport()}></disclosure-report></section></div>`,
    );
    const el = wrap.querySelector('disclosure-report')!;
    const h = await ready(el);
    expect(el.lang).to.equal('');
    expect(el.hasAttribute('lang')).to.equal(false);
    expect(h.summary()!.textContent).to.contain('Validation');
    // the ancestor changes: the element follows
    wrap.lang = 'zh-CN';
    await waitUntil(() => h.summary()?.textContent?.includes('校验结果'), 'follows the ancestor');
    // its own lang wins
    el.lang = 'en';
    expect(el.getAttribute('lang')).to.equal('en');
    await waitUntil(() => h.summary()?.textContent?.includes('Validation'), 'own lang');
    el.removeAttribute('lang');
    await waitUntil(() => h.summary()?.textContent?.includes('校验结果'), 'back to the ancestor');
    // no lang anywhere on the way up (the document's is left alone): zh-CN
    const bare = document.createElement('disclosure-report');
    const holder = document.createElement('div');
    holder.lang = '';
    holder.append(bare);
    bare.report = busyReport();
    document.body.append(holder);
    const hb = await ready(bare);
    expect(hb.summary()!.textContent).to.contain('校验结果');
    holder.remove();
  });
});

describe('cells the importer could not read', () => {
  it('say so (未能从发布文本中读出, with the line), not 未填; a blank the publisher left stays 未填', async () => {
    const r = clone(busyReport());
    r['applications'].granted.research = null;
    r['applications'].granted.legalService = null;
    r['source'] = { unread: { 'applications.granted.research': { code: 'glued-digits', line: 41 } } };
    const el = await fixture<DisclosureReport>(html`<disclosure-report .report=${r}></disclosure-report>`);
    const h = await ready(el);
    expect(h.cellValue('applications.granted.research')).to.equal('未能从发布文本中读出（第 41 行）');
    expect(h.cell('applications.granted.research')!.querySelector('[part="blank"]')).to.equal(null);
    expect(h.cellValue('applications.granted.legalService')).to.equal('未填');
    el.lang = 'en';
    await waitUntil(() => h.cellValue('applications.granted.research').startsWith('could not'));
    expect(h.cellValue('applications.granted.research')).to.equal(
      'could not be read from the published text (line 41)',
    );
    // A cell of a PDF is located by its page.
    el.report = { ...r, source: { unread: { 'applications.granted.research': { code: 'several-numbers', page: 3 } } } };
    await waitUntil(() => h.cellValue('applications.granted.research').endsWith('(page 3)'));
    el.lang = 'zh-CN';
    await waitUntil(() => h.cellValue('applications.granted.research') === '未能从发布文本中读出（第 3 页）');
  });
});
