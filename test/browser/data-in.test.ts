import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import { DisclosureReport, type LoadError } from '../../src/elements/disclosure-report.js';
import { renderStaticHtml } from '../../src/render/static.js';
import { DisclosureReportHarness } from './harness.js';
import { busyReport, zeroReport, SEED } from './reports.js';

const SEED_URL = '/test/fixtures/bayannur-gxj-2021.json?raw';

async function settled(el: DisclosureReport) {
  const h = new DisclosureReportHarness(el);
  await h.ready();
  return h;
}

describe('<disclosure-report> data in', () => {
  it('src: loading state, then the report', async () => {
    const el = document.createElement('disclosure-report') as DisclosureReport;
    el.src = SEED_URL;
    document.body.append(el);
    await el.updateComplete;
    expect(el.status).to.equal('loading');
    expect(el.shadowRoot!.querySelector('[part="state"]')!.getAttribute('role')).to.equal('status');
    const h = await settled(el);
    expect(el.status).to.equal('ready');
    expect(h.text()).to.contain('巴彦淖尔市工业和信息化局');
    el.remove();
  });

  it('no flash of the "no data" message while a given report is validated; an element without data says so', async () => {
    const el = document.createElement('disclosure-report') as DisclosureReport;
    el.report = SEED;
    document.body.append(el);
    await el.updateComplete;
    expect(el.status).not.to.equal('empty');
    expect(el.shadowRoot!.textContent).not.to.contain('没有报告数据');
    await el.whenReady();
    el.remove();
    const empty = await fixture<DisclosureReport>(html`<disclosure-report></disclosure-report>`);
    expect(await empty.whenReady()).to.equal('empty');
    expect(empty.shadowRoot!.textContent).to.contain('没有报告数据');
  });

  it('inline <script type="application/json"> child', async () => {
    const json = JSON.stringify(SEED);
    const el = await fixture<DisclosureReport>(
      `<disclosure-report><script type="application/json">${json.replace(/</g, '\\u003c')}</script></disclosure-report>`,
    );
    const h = await settled(el);
    expect(el.status).to.equal('ready');
    expect(h.cell('applications.otherHandling.natural')).to.exist;
  });

  it('precedence: .report over inline JSON over src', async () => {
    const a = zeroReport('2019');
    const b = busyReport();
    const el = await fixture<DisclosureReport>(
      `<disclosure-report src="${SEED_URL}"><script type="application/json">${JSON.stringify(b)}</script></disclosure-report>`,
    );
    let h = await settled(el);
    expect(h.cellValue('proactive.normativeDocuments.issued')).to.equal('12'); // inline (busy), not src (seed)
    el.report = a;
    h = await settled(el);
    expect(h.table('proactive-9')).to.exist; // .report (2019)
    el.report = undefined;
    h = await settled(el);
    expect(h.cellValue('proactive.normativeDocuments.issued')).to.equal('12');
    el.querySelector('script')!.remove();
    await el.refresh();
    h = await settled(el);
    expect(h.cellValue('proactive.normativeDocuments.repealed')).to.equal('1'); // src (seed)
  });

  const errorCases: Array<[string, string, LoadError['kind'], RegExp]> = [
    ['HTTP 404', '/test/browser/fixtures/does-not-exist.json', 'http', /HTTP 404/],
    ['bad JSON (with its line)', '/test/browser/fixtures/bad.json', 'json', /第 6 行/],
    ['network error', 'http://127.0.0.1:9/x.json', 'network', /网络错误/],
  ];
  for (const [name, src, kind, message] of errorCases) {
    it(`src failure, ${name}: error state, message, disclosure-report-error event`, async () => {
      const el = document.createElement('disclosure-report') as DisclosureReport;
      el.src = src;
      const ev = oneEvent(el, 'disclosure-report-error') as Promise<CustomEvent<LoadError>>;
      document.body.append(el);
      const { detail } = await ev;
      await el.updateComplete;
      expect(detail.kind).to.equal(kind);
      expect(el.status).to.equal('error');
      const state = el.shadowRoot!.querySelector('[part="state"]')!;
      expect(state.getAttribute('role')).to.equal('alert');
      expect(state.textContent).to.match(message);
      if (kind === 'json') expect(detail.line).to.equal(6);
      if (kind === 'http') expect(detail.status).to.equal(404);
      await expect(el).to.be.accessible();
      el.remove();
    });
  }

  it('error state shows the light-DOM fallback (slot); the ready state does not', async () => {
    const el = await fixture<DisclosureReport>(
      `<disclosure-report src="/nope.json"><p id="fb">原始表格</p></disclosure-report>`,
    );
    await settled(el);
    expect(el.status).to.equal('error');
    expect(el.shadowRoot!.querySelector('slot')).to.exist;
    expect(el.querySelector('#fb')!.getClientRects().length).to.be.greaterThan(0);
    el.report = SEED;
    await settled(el);
    expect(el.shadowRoot!.querySelector('slot')).to.equal(null);
    expect(el.querySelector('#fb')!.getClientRects().length).to.equal(0);
  });

  it("previous-src: cross-year checks against last year's report from a URL", async () => {
    const cur = JSON.parse(JSON.stringify(SEED));
    cur.year = 2022;
    cur.applications.carriedOver.natural = 2;
    cur.applications.newReceived.natural = 0;
    cur.applications.total.natural = 2;
    cur.applications.granted.natural = 2;
    cur.applications.carriedOver.total = 2;
    cur.applications.newReceived.total = 0;
    cur.applications.total.total = 2;
    cur.applications.granted.total = 2;
    const el = await fixture<DisclosureReport>(
      html`<disclosure-report previous-src=${SEED_URL} .report=${cur}></disclosure-report>`,
    );
    const h = await settled(el);
    expect(h.summary()!.textContent).to.contain('X-CARRY');
    expect(h.flaggedPaths()).to.include('applications.carriedOver.natural');
  });

  it('previous-src that fails: a note, and the report is still checked', async () => {
    const el = await fixture<DisclosureReport>(
      html`<disclosure-report previous-src="/missing-previous.json" .report=${SEED}></disclosure-report>`,
    );
    const h = await settled(el);
    expect(el.status).to.equal('ready');
    expect(h.summary()!.textContent).to.contain('跨年度检查已跳过');
  });

  it('JSON text in .report with a syntax error: located JSON error', async () => {
    const el = await fixture<DisclosureReport>(
      html`<disclosure-report .report=${'{\n "format": "2021",\n}'}></disclosure-report>`,
    );
    await settled(el);
    expect(el.status).to.equal('error');
    expect(el.error!.kind).to.equal('json');
    expect(el.error!.line).to.equal(3);
  });

  it('a fallback table from renderStaticHtml: no JS → it shows; upgraded → the shadow root replaces it, the JSON inside is read', async () => {
    const tag = 'dr-progressive-test';
    const wrapper = await fixture<HTMLDivElement>(`<div>${renderStaticHtml(busyReport(), { tagName: tag })}</div>`);
    const host = wrapper.querySelector(tag)! as DisclosureReport;
    const fallback = host.querySelector('table')!;
    expect(fallback.getClientRects().length, 'fallback visible before the element is defined').to.be.greaterThan(0);
    const { defineDisclosureReport } = await import('../../src/elements/define-element.js');
    defineDisclosureReport(tag);
    await customElements.whenDefined(tag);
    const h = await settled(host);
    expect(host.status).to.equal('ready');
    expect(h.cellValue('proactive.normativeDocuments.issued')).to.equal('12');
    expect(fallback.getClientRects().length, 'fallback no longer rendered (not exposed twice)').to.equal(0);
    expect(host.shadowRoot!.querySelector('slot')).to.equal(null);
  });

  describe('importer hook', () => {
    it('without a registered importer: readers see the article as it is, the webmaster a console note naming the script', async () => {
      const warned: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => void warned.push(args);
      try {
        const el = await fixture<DisclosureReport>(
          `<disclosure-report import><p id="article">已发布的文章</p></disclosure-report>`,
        );
        await settled(el);
        if (DisclosureReport.hasImporter) return; // another test registered one first
        expect(el.status).to.equal('error');
        expect(el.error!.kind).to.equal('importer-missing');
        // nothing but the article: no message, no empty box
        expect(el.shadowRoot!.textContent!.trim()).to.equal('');
        expect(el.shadowRoot!.querySelector('[part="state"]')).to.equal(null);
        expect(el.querySelector('#article')!.getClientRects().length).to.be.greaterThan(0);
        const notes = warned.filter((a) => String(a[0]).includes('disclosure-report-import.iife.js'));
        expect(notes.length).to.equal(1);
        expect(notes[0]![0]).to.contain('前后均可');
        expect(notes[0]![1]).to.equal(el);
        el.lang = 'en';
        await settled(el);
        expect(warned.some((a) => String(a[0]).includes('either order works'))).to.equal(true);
      } finally {
        console.warn = warn;
      }
    });

    it('registerImporter: waiting elements load; the importer gets the host and its report is validated; diagnostics are shown', async () => {
      const el = await fixture<DisclosureReport>(`<disclosure-report><p>文章内容，没有 JSON</p></disclosure-report>`);
      await settled(el);
      const seen: HTMLElement[] = [];
      DisclosureReport.registerImporter(async (host) => {
        seen.push(host);
        return {
          report: busyReport(),
          diagnostics: [{ level: 'warning', message: '表二第 3 行标签不规范', line: 12 }],
        };
      });
      await settled(el);
      expect(seen).to.include(el);
      expect(el.status).to.equal('ready');
      expect(el.shadowRoot!.textContent).to.contain('表二第 3 行标签不规范');
      expect(el.shadowRoot!.textContent).to.contain('第 12 行');
      // in the reader's language: a severity icon, no English [warning] tag
      const note = el.shadowRoot!.querySelector('ul.notes li')!.textContent!;
      expect(note).to.equal('⚠ 表二第 3 行标签不规范（第 12 行）');
      expect(el.shadowRoot!.textContent).not.to.match(/\[(warning|info|error)\]/);
    });
  });
});
