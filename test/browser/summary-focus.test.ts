/**
 * Focus on a summary link follows its finding across re-validation, also when several findings have
 * the same rule and cells (two TEXT claims about one cell). Own file: it registers the prose pack.
 */
import { fixture, html, expect } from '@open-wc/testing';
import '../../src/define.js';
import { DisclosureReport } from '../../src/elements/disclosure-report.js';
import { PROSE_RULES } from '../../src/rules/prose.js';
import { DisclosureReportHarness } from './harness.js';
import { busyReport, clone } from './reports.js';

describe('summary focus with findings of the same rule and cells', () => {
  it('fixing one of two TEXT claims about a cell keeps focus on the other’s link', async () => {
    DisclosureReport.registerRules(PROSE_RULES);
    const r = busyReport();
    const n = r.applications.newReceived.total as number;
    r.sections.overview = `全年共受理政府信息公开申请${n + 6}件。其中本年共受理政府信息公开申请${n + 5}件。`;
    const el = await fixture<DisclosureReport>(html`<disclosure-report .report=${r}></disclosure-report>`);
    const h = new DisclosureReportHarness(el);
    await h.ready();
    const items = () =>
      [...h.root.querySelectorAll<HTMLElement>('ul.findings li')].filter((li) => li.textContent!.includes('TEXT'));
    expect(items().length).to.equal(2);
    const keep = items().find((li) => li.textContent!.includes(String(n + 6)))!;
    keep.querySelector('a')!.focus();
    const fixed = clone(r);
    fixed.sections.overview = `全年共受理政府信息公开申请${n + 6}件。其中本年共受理政府信息公开申请${n}件。`;
    el.report = fixed;
    await h.ready();
    expect(items().length).to.equal(1);
    const focused = h.root.activeElement!;
    expect(focused.tagName).to.equal('A');
    expect(focused.closest('li')!.textContent).to.contain(String(n + 6));
  });
});
