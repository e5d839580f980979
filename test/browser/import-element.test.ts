// <disclosure-report import> with the real light-DOM importer (src/import/element-importer.ts, the
// module behind dist/disclosure-report-import.js): the published article inside the tag is read,
// validated, and badged in place.
import { fixture, expect } from '@open-wc/testing';
import '../../src/define.js';
import '../../src/import/element-importer.js';
import { DisclosureReport } from '../../src/elements/disclosure-report.js';
import { renderStaticHtml } from '../../src/render/static.js';
import { DisclosureReportHarness } from './harness.js';
import { busyReport, clone } from './reports.js';

/** A published article as a CMS holds it: plain tables and text, no JSON, no data attributes. */
function publishedArticle(report: Record<string, any>): string {
  return renderStaticHtml(report as never)
    .replace(/<script type="application\/json"[\s\S]*?<\/script>/g, '')
    .replace(/ data-[a-z-]+="[^"]*"/g, '');
}

describe('<disclosure-report import> with the importer bundle', () => {
  it('imports the article in its light DOM, validates it and badges exactly the failing cell', async () => {
    const report = clone(busyReport());
    report.applications.total.natural += 2;
    const html = publishedArticle(report);
    expect(html).not.to.contain('application/json');
    const el = await fixture<DisclosureReport>(`<disclosure-report import>${html}</disclosure-report>`);
    const h = new DisclosureReportHarness(el);
    await h.ready();
    await new Promise((r) => setTimeout(r, 50));
    await h.ready();
    expect(el.status).to.equal('ready');
    expect(h.cellValue('applications.granted.natural')).to.equal(String(report.applications.granted.natural));
    expect(h.flaggedPaths()).to.include('applications.total.natural');
    // T3-TOTAL and T3-BAL on the 自然人 column and T3-COL on the （七）总计 row all hold again with
    // （七）总计 · 自然人 two lower: the three are shown on that cell.
    expect(h.flaggedPaths()).to.deep.equal(['applications.total.natural']);
    expect(h.text()).to.contain('T3-TOTAL');
  });

  it('a correct published article: no errors', async () => {
    const el = await fixture<DisclosureReport>(
      `<disclosure-report import>${publishedArticle(busyReport())}</disclosure-report>`,
    );
    const h = new DisclosureReportHarness(el);
    await h.ready();
    await new Promise((r) => setTimeout(r, 50));
    await h.ready();
    expect(el.status).to.equal('ready');
    expect(h.failingPaths()).to.deep.equal([]);
  });

  it('registers the prose pack: every element also checks its prose against its tables (TEXT)', async () => {
    expect(DisclosureReport.rulePacks.map((p) => p.name)).to.include('prose');
    const report = clone(busyReport());
    const received = report.applications.newReceived.total as number;
    report.sections.overview = `本年度共收到政府信息公开申请${received + 7}件。`;
    const el = await fixture<DisclosureReport>(
      `<disclosure-report><script type="application/json">${JSON.stringify(report)}</script></disclosure-report>`,
    );
    const h = new DisclosureReportHarness(el);
    await h.ready();
    const text = el.result!.findings.filter((f) => f.rule === 'TEXT' && f.status === 'fail');
    expect(text).to.have.length(1);
    expect([text[0]!.expected, text[0]!.actual]).to.include(String(received + 7));
    expect(h.text()).to.contain('TEXT');
  });
});
