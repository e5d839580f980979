// Rule packs in the element: the viewer runs the table rules; a pack registered later (as the
// importer bundle does with the prose pack) re-validates the elements already on the page.
import { fixture, expect, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { DisclosureReport } from '../../src/elements/disclosure-report.js';
import { PROSE_RULES } from '../../src/rules/prose.js';
import { DisclosureReportHarness } from './harness.js';
import { busyReport, clone } from './reports.js';

describe('rule packs in <disclosure-report>', () => {
  it('checks the prose only once the prose pack is registered, and then re-validates elements already shown', async () => {
    expect(DisclosureReport.rulePacks).to.deep.equal([]);
    const report = clone(busyReport());
    const stated = (report.applications.newReceived.total as number) + 7;
    report.sections.overview = `本年度共收到政府信息公开申请${stated}件。`;
    const el = await fixture<DisclosureReport>(
      `<disclosure-report><script type="application/json">${JSON.stringify(report)}</script></disclosure-report>`,
    );
    const h = new DisclosureReportHarness(el);
    await h.ready();
    expect(el.result!.findings.filter((f) => f.rule === 'TEXT')).to.deep.equal([]);

    let validated = 0;
    el.addEventListener('disclosure-report-validated', () => validated++);
    DisclosureReport.registerRules(PROSE_RULES);
    DisclosureReport.registerRules(PROSE_RULES); // twice: registered and run once
    await h.ready();
    expect(DisclosureReport.rulePacks.map((p) => p.name)).to.deep.equal(['prose']);
    const text = el.result!.findings.filter((f) => f.rule === 'TEXT' && f.status === 'fail');
    expect(text).to.have.length(1);
    expect([text[0]!.expected, text[0]!.actual]).to.include(String(stated));
    expect(validated).to.equal(1);
    await expect(el).to.be.accessible();
    // In English, what the message quotes from the prose is marked as Chinese, for screen readers.
    el.lang = 'en';
    const quoted = () =>
      [...el.shadowRoot!.querySelectorAll('.findings li span[lang="zh-CN"]')].map((s) => s.textContent ?? '');
    await h.ready();
    await waitUntil(() => quoted().some((q) => q.includes(String(stated))), 'quoted prose marked zh-CN');
    for (const q of quoted()) expect(q).to.match(/\p{Script=Han}/u);
  });
});
