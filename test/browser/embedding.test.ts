/**
 * The element on a real page: strict CSP (demo/csp.html served with `default-src 'self'`), hostile page
 * CSS, the script-tag bundle loaded twice. Uses dist/ (npm test builds first).
 */
import { fixture, html, expect } from '@open-wc/testing';
import '../../src/define.js';
import type { DisclosureReport } from '../../src/elements/disclosure-report.js';
import { defineDisclosureReport } from '../../src/elements/define-element.js';
import { DisclosureReportHarness } from './harness.js';
import { busyReport, SEED } from './reports.js';

function loadFrame(attrs: { src?: string; srcdoc?: string }): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.style.width = '1000px';
  iframe.style.height = '600px';
  const loaded = new Promise<HTMLIFrameElement>((r) =>
    iframe.addEventListener('load', () => r(iframe), { once: true }),
  );
  if (attrs.src) iframe.src = attrs.src;
  if (attrs.srcdoc) iframe.srcdoc = attrs.srcdoc;
  document.body.append(iframe);
  return loaded;
}

async function frameElement(iframe: HTMLIFrameElement) {
  const w = iframe.contentWindow as Window & typeof globalThis;
  await w.customElements.whenDefined('disclosure-report');
  const el = w.document.querySelector('disclosure-report') as DisclosureReport;
  await el.whenReady();
  return { w, el };
}

describe('embedding', () => {
  it('the strict-CSP demo page is served with the policy and renders with no securitypolicyviolation', async () => {
    const res = await fetch('/demo/csp.html');
    expect(res.headers.get('content-security-policy')).to.equal("default-src 'self'");
    const iframe = await loadFrame({ src: '/demo/csp.html' });
    const { w, el } = await frameElement(iframe);
    const violations = (w as unknown as { cspViolations: unknown[] }).cspViolations;
    expect(el.status).to.equal('ready');
    expect(el.shadowRoot!.querySelectorAll('table[data-grid]').length).to.equal(6);
    // styles applied (adopted stylesheets are allowed by the policy): the badge is a pill with a border
    const badge = el.shadowRoot!.querySelector('.badge')!;
    expect(w.getComputedStyle(badge).borderTopStyle).to.equal('solid');
    expect(violations, JSON.stringify(violations)).to.deep.equal([]);
    // control: the probe does see a violation (an inline style attribute)
    w.document.body.insertAdjacentHTML('beforeend', '<div style="color: red">x</div>');
    await new Promise((r) => setTimeout(r, 100));
    expect(violations.length).to.be.greaterThan(0);
    iframe.remove();
  });

  it('page CSS (table{display:none}, *{color:red}, …) does not break the widget', async () => {
    const style = document.createElement('style');
    style.textContent = `table, td, th { display: none !important; } * { color: red !important; } .badge, .summary, [part] { display: none !important; }
      span { visibility: hidden; } td { padding: 50px; }`;
    document.head.append(style);
    try {
      const el = await fixture<DisclosureReport>(html`<disclosure-report .report=${busyReport()}></disclosure-report>`);
      const h = new DisclosureReportHarness(el);
      await h.ready();
      const table = h.table('applications')!;
      expect(getComputedStyle(table).display).to.equal('table');
      const td = h.cell('applications.total.natural')!;
      expect(getComputedStyle(td).display).to.equal('table-cell');
      expect(getComputedStyle(td).paddingTop).not.to.equal('50px');
      expect(table.getBoundingClientRect().height).to.be.greaterThan(300);
      const badge = h.badge('applications')!;
      expect(getComputedStyle(badge).display).not.to.equal('none');
      expect(getComputedStyle(badge).color).to.equal('rgb(30, 107, 52)'); // --dr-success-color, not the page's red
      expect(getComputedStyle(h.summary()!).display).to.equal('block');
    } finally {
      style.remove();
    }
  });

  it('the widget CSS does not leak out: page elements with the same tags and class names keep their styles', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <table id="page-table"><caption>页</caption><tr><th>a</th><td class="total fail fail-error">1</td></tr></table>
      <span class="badge error">x</span><span class="blank">y</span><div class="summary">z</div><p class="state error">s</p>
    </div>`);
    const snapshot = () =>
      [...page.querySelectorAll('*')].map((n) => {
        const cs = getComputedStyle(n);
        return [
          cs.display,
          cs.borderTopStyle,
          cs.borderTopColor,
          cs.backgroundColor,
          cs.color,
          cs.fontWeight,
          cs.padding,
          cs.position,
        ].join('|');
      });
    const before = snapshot();
    const el = document.createElement('disclosure-report') as DisclosureReport;
    el.report = busyReport();
    page.append(el);
    await el.whenReady();
    expect(el.shadowRoot!.querySelector('table')).to.exist;
    expect(snapshot().slice(0, before.length)).to.deep.equal(before);
  });

  it('inherits the page font', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div class="fonttest"><disclosure-report .report=${SEED}></disclosure-report></div>`,
    );
    wrap.style.fontFamily = 'serif';
    wrap.style.fontSize = '19px';
    const el = wrap.querySelector('disclosure-report') as DisclosureReport;
    await el.whenReady();
    const p = el.shadowRoot!.querySelector('section[data-section="overview"] p')!;
    expect(getComputedStyle(p).fontFamily).to.equal('serif');
    expect(getComputedStyle(p).fontSize).to.equal('19px');
  });

  it('the script-tag bundle loaded twice: one definition, no warning, the report renders', async () => {
    const json = JSON.stringify(SEED).replace(/</g, '\\u003c');
    const iframe = await loadFrame({
      srcdoc: `<!doctype html><script>window.warnings=[];console.warn=(...a)=>warnings.push(a.join(' '));</script>
        <script src="/dist/disclosure-report.iife.js"></script><script src="/dist/disclosure-report.iife.js"></script>
        <disclosure-report><script type="application/json">${json}</script></disclosure-report>`,
    });
    const { w, el } = await frameElement(iframe);
    expect(el.status).to.equal('ready');
    expect(el.shadowRoot!.querySelectorAll('table[data-grid]').length).to.equal(6);
    expect((w as unknown as { warnings: string[] }).warnings).to.deep.equal([]);
    expect(typeof (w as unknown as { DisclosureReport: { validate: unknown } }).DisclosureReport.validate).to.equal(
      'function',
    );
    iframe.remove();
  });

  it('a second copy with another version: the first wins, a console warning names both versions', async () => {
    const iframe = await loadFrame({
      srcdoc: `<!doctype html><script>window.warnings=[];console.warn=(...a)=>warnings.push(a.join(' '));
        customElements.define('disclosure-report', class extends HTMLElement { static version = '0.0.1-old'; });</script>
        <script src="/dist/disclosure-report.iife.js"></script>`,
    });
    const w = iframe.contentWindow as Window & { warnings: string[] };
    expect(w.warnings.length).to.equal(1);
    expect(w.warnings[0]).to.contain('0.0.1-old').and.to.contain('0.1.0');
    iframe.remove();
  });

  it('defineDisclosureReport(tagName) registers the element under another name too', async () => {
    const ctor = defineDisclosureReport('gov-annual-report');
    expect(customElements.get('gov-annual-report')).to.equal(ctor);
    expect(defineDisclosureReport('gov-annual-report')).to.equal(ctor); // idempotent
    const el = await fixture<DisclosureReport>(html`<gov-annual-report .report=${SEED}></gov-annual-report>`);
    await el.whenReady();
    expect(el.shadowRoot!.querySelectorAll('table[data-grid]').length).to.equal(6);
  });
});

describe('print stylesheet', () => {
  afterEach(async () => {
    const { emulateMedia } = await import('@web/test-runner-commands');
    await emulateMedia({ media: 'screen' });
  });

  it('prints tables whole (no scrolling box, labels not sticky, no break inside a table), without the interactive panel', async () => {
    const { emulateMedia } = await import('@web/test-runner-commands');
    // in an article column as wide as A4 between its margins, with findings marked in cells
    const r = busyReport();
    r.applications.total.natural += 1;
    r.applications.granted.research = null;
    const wrap = await fixture<HTMLElement>(html`<div><disclosure-report .report=${r}></disclosure-report></div>`);
    wrap.style.width = '680px';
    const el = wrap.querySelector('disclosure-report') as DisclosureReport;
    const h = new DisclosureReportHarness(el);
    await h.ready();
    el.focusCell('applications.total.natural');
    await el.updateComplete;
    await emulateMedia({ media: 'print' });
    const table = h.table('applications')!;
    expect(getComputedStyle(table).breakInside).to.equal('avoid');
    expect(getComputedStyle(table.closest('.scroll')!).overflowX).to.equal('visible');
    expect(getComputedStyle(table.querySelector('th[scope="row"]')!).position).to.equal('static');
    // header cells wrap, so that wide tables (四: 15 columns) fit an A4 page instead of shrinking the printout
    expect(getComputedStyle(h.table('appeals')!.querySelector('thead th')!).whiteSpace).to.equal('normal');
    // A4 at 96 dpi: 794 × 1,123 px, about 680 × 1,000 px between the margins. Table 三 of a busy report
    // fits one page and table 四 fits the width
    expect(table.getBoundingClientRect().height, 'table 三 height').to.be.below(1000);
    expect(h.table('appeals')!.getBoundingClientRect().width, 'table 四 width').to.be.at.most(681);
    expect(getComputedStyle(h.explainPanel()!).display).to.equal('none');
    // nor the marks that point into it (the open cell's ring, its terms' dashes)
    const open = h.cell('applications.total.natural')!;
    expect(getComputedStyle(open).outlineStyle).to.equal('none');
    expect(getComputedStyle(open).boxShadow).to.equal('none');
    expect(getComputedStyle(h.root.querySelector('td.term:not(.active)')!).outlineStyle).to.equal('none');
  });
});
