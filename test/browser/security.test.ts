import { fixture, html, expect } from '@open-wc/testing';
import '../../src/define.js';
import type { DisclosureReport } from '../../src/elements/disclosure-report.js';
import { renderStaticHtml } from '../../src/render/static.js';
import { DisclosureReportHarness } from './harness.js';
import { zeroReport } from './reports.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=(window.__pwned||0)+1">',
  '</script><script>window.__pwned=(window.__pwned||0)+1</script>',
  '"><svg onload="window.__pwned=(window.__pwned||0)+1">',
  "'; window.__pwned=1; '",
  '<!-- <script>window.__pwned=1</script> -->',
];

function hostileReport() {
  const r = zeroReport('2021');
  const p = PAYLOADS.join(' ');
  r['title'] = `标题 ${p}`;
  r['agency'] = { name: `机关 ${PAYLOADS[0]}` };
  r['sections'] = { overview: `${PAYLOADS[1]}\n${PAYLOADS[2]}`, problems: PAYLOADS[3], other: PAYLOADS[4] };
  r['proactive'].fees.amount = PAYLOADS[0]; // not a decimal: a schema finding, rendered as found
  r['proactive'].extras = [{ label: PAYLOADS[1], values: [PAYLOADS[0], 1] }];
  return r;
}

const tick = () => new Promise((r) => setTimeout(r, 50));

describe('untrusted report strings', () => {
  beforeEach(() => {
    delete window.__pwned;
  });

  it('render as text in the element and execute nothing', async () => {
    const r = hostileReport();
    const el = await fixture<DisclosureReport>(html`<disclosure-report .report=${r}></disclosure-report>`);
    const h = new DisclosureReportHarness(el);
    await h.ready();
    await tick();
    expect(window.__pwned).to.equal(undefined);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('img, svg, script, iframe').length).to.equal(0);
    expect(root.querySelector('[part="title"]')!.textContent).to.contain(PAYLOADS[1]);
    const overview = [...root.querySelectorAll('section[data-section="overview"] p')].map((p) => p.textContent);
    expect(overview).to.deep.equal([PAYLOADS[1], PAYLOADS[2]]);
    expect(h.cellValue('proactive.fees.amount')).to.equal(PAYLOADS[0]);
    expect(root.querySelector('table[data-extras]')!.textContent).to.contain(PAYLOADS[1]);
    // no inline style attributes anywhere in the shadow root
    expect(root.querySelectorAll('[style]').length).to.equal(0);
  });

  it('inline JSON with </script> and <img> in strings (written by renderStaticHtml) is read back exactly', async () => {
    const r = hostileReport();
    const wrapper = await fixture<HTMLDivElement>(`<div>${renderStaticHtml(r)}</div>`);
    const el = wrapper.querySelector('disclosure-report') as DisclosureReport;
    await new DisclosureReportHarness(el).ready();
    await tick();
    expect(window.__pwned).to.equal(undefined);
    // fees.amount is not a decimal: a finding on that cell, shown as found
    expect(new DisclosureReportHarness(el).failingPaths()).to.include('proactive.fees.amount');
    expect(new DisclosureReportHarness(el).cellValue('proactive.fees.amount')).to.equal(PAYLOADS[0]);
    expect(el.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal(r['title']);
  });

  it('renderStaticHtml escapes every string: parsed, it has no element but its own and the JSON round-trips', () => {
    const r = hostileReport();
    const out = renderStaticHtml(r);
    const doc = new DOMParser().parseFromString(`<!doctype html><body>${out}</body>`, 'text/html');
    expect(doc.querySelectorAll('img, svg, iframe').length).to.equal(0);
    const scripts = doc.querySelectorAll('script');
    expect(scripts.length).to.equal(1);
    expect(scripts[0]!.type).to.equal('application/json');
    expect(JSON.parse(scripts[0]!.textContent!)).to.deep.equal(r);
    expect(doc.querySelector('h2')!.textContent).to.equal(r['title']);
    expect(out).not.to.contain('</script><script>');
    expect(out).not.to.match(/<img/i);
    expect(doc.querySelectorAll('[style]').length).to.equal(0);
  });

  it('renderStaticHtml output run as a page (iframe srcdoc) executes nothing', async () => {
    const iframe = document.createElement('iframe');
    iframe.srcdoc = `<!doctype html><body>${renderStaticHtml(hostileReport())}</body>`;
    const loaded = new Promise((r) => iframe.addEventListener('load', r, { once: true }));
    document.body.append(iframe);
    await loaded;
    await tick();
    const w = iframe.contentWindow as Window;
    expect(w.__pwned).to.equal(undefined);
    expect(w.document.querySelectorAll('img, svg').length).to.equal(0);
    iframe.remove();
  });

  it('renderStaticHtml rejects a tag name that is not a custom element name', () => {
    expect(() => renderStaticHtml(zeroReport('2021'), { tagName: 'div onclick=alert(1)' })).to.throw(TypeError);
  });
});
