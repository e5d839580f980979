import { fixture, html, expect } from '@open-wc/testing';
import '../../src/define.js';
import type { DisclosureReport } from '../../src/elements/disclosure-report.js';
import { DisclosureReportHarness } from './harness.js';
import { busyReport, zeroReport, SEED, setPath } from './reports.js';

function invalidReport() {
  const r = busyReport();
  r['applications'].total.natural += 3;
  r['appeals'].reconsideration.total = 1;
  setPath(r, 'applications.granted.research', null);
  r['proactive'].regulations.issued = -1;
  return r;
}

describe('<disclosure-report> accessibility (axe)', () => {
  const cases: Array<[string, () => unknown]> = [
    ['valid 2021 report', busyReport],
    ['the seed (mixed format, warnings)', () => SEED],
    ['2019 format', () => zeroReport('2019')],
    ['invalid report (errors, blanks, NUM)', invalidReport],
  ];
  for (const lang of ['zh-CN', 'en']) {
    for (const [name, make] of cases) {
      it(`${name}, ${lang}`, async () => {
        const el = await fixture<DisclosureReport>(
          html`<disclosure-report lang=${lang} .report=${make()}></disclosure-report>`,
        );
        await new DisclosureReportHarness(el).ready();
        await expect(el).to.be.accessible();
      });
    }
    it(`invalid report with the explanation panel open, ${lang}`, async () => {
      const el = await fixture<DisclosureReport>(
        html`<disclosure-report lang=${lang} .report=${invalidReport()}></disclosure-report>`,
      );
      const h = new DisclosureReportHarness(el);
      await h.ready();
      el.focusCell('applications.total.natural');
      await el.updateComplete;
      expect(h.explainPanel()).to.exist;
      await expect(el).to.be.accessible();
    });
  }

  it('failing cells are marked with text, not colour alone', async () => {
    const el = await fixture<DisclosureReport>(
      html`<disclosure-report .report=${invalidReport()}></disclosure-report>`,
    );
    const h = new DisclosureReportHarness(el);
    await h.ready();
    for (const path of h.failingPaths()) {
      const flag = h.cell(path)!.querySelector('[part="flag"]')!;
      expect(flag, path).to.exist;
      expect(flag.textContent!.replace(/[✖⚠ℹ\s]/g, '').length, path).to.be.greaterThan(3);
    }
  });
});
