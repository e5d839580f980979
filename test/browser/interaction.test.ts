/**
 * The element in use on real pages: narrow screens, the "how it is computed" panel, keyboard, loads
 * cut off or superseded, pages still being parsed, language changes and language marking.
 */
import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { setViewport, sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { DisclosureReport } from '../../src/elements/disclosure-report.js';
import { DisclosureReportHarness } from './harness.js';
import { busyReport, zeroReport, clone, SEED } from './reports.js';

const SEED_URL = '/test/fixtures/bayannur-gxj-2021.json?raw';

/** busyReport with two cells off: a T3-TOTAL error on a total and a blank in the middle of table 三. */
function failingReport() {
  const r = busyReport();
  r.applications.total.natural += 1;
  r.applications.granted.research = null;
  return r;
}

async function ready(template: unknown) {
  const el = await fixture<DisclosureReport>(template as never);
  const h = new DisclosureReportHarness(el);
  await h.ready();
  return { el, h };
}

/** Click a cell scrolled to the top of the window; the panel's and the cell's boxes once it is open. */
async function openPanel(h: DisclosureReportHarness, path: string) {
  const td = h.cell(path)!;
  td.scrollIntoView({ block: 'start' });
  td.click();
  await new Promise((r) => setTimeout(r, 50));
  return { panel: h.explainPanel()!.getBoundingClientRect(), cell: td.getBoundingClientRect() };
}

/** A box wholly inside the window, top to bottom. */
function expectInWindow(box: DOMRect) {
  expect(box.top, 'panel top').to.be.at.least(0).and.below(window.innerHeight);
  expect(box.bottom, 'panel bottom').to.be.at.most(window.innerHeight + 1);
}

const overlap = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('interaction', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('narrow screen: the page does not scroll sideways; each table scrolls in its own box', async () => {
    await setViewport({ width: 375, height: 700 });
    const { el, h } = await ready(html`<disclosure-report .report=${failingReport()}></disclosure-report>`);
    expect(h.flaggedPaths().length).to.be.greaterThan(0);
    expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(375);
    const box = h.table('applications')!.closest<HTMLElement>('.scroll')!;
    expect(box.scrollWidth).to.be.greaterThan(box.clientWidth);
    // that box scrolls, so it is a keyboard stop; in a wide window no box scrolls and none is a stop
    expect(box.tabIndex).to.equal(0);
    await setViewport({ width: 1600, height: 900 });
    await new Promise((r) => setTimeout(r, 100));
    const stops = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.scroll')].filter((b) =>
      b.hasAttribute('tabindex'),
    );
    const scrolling = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.scroll')].filter(
      (b) => b.scrollWidth > b.clientWidth + 1,
    );
    expect(stops).to.deep.equal(scrolling);
  });

  it('a summary link on a narrow screen brings its cell fully into view, clear of the sticky row labels', async () => {
    await setViewport({ width: 375, height: 700 });
    const { h } = await ready(html`<disclosure-report .report=${failingReport()}></disclosure-report>`);
    const link = h.summaryLinks().find((a) => a.hash === '#' + h.cell('applications.granted.research')!.id)!;
    expect(link, 'summary link of the blank cell').to.exist;
    link.click();
    await new Promise((r) => setTimeout(r, 50));
    const td = h.cell('applications.granted.research')!;
    const label = td.parentElement!.querySelector('th.label')!;
    const box = td.closest('.scroll')!.getBoundingClientRect();
    const cell = td.getBoundingClientRect();
    expect(h.root.activeElement).to.equal(td);
    expect(cell.left, 'cell starts right of the sticky label').to.be.at.least(label.getBoundingClientRect().right - 1);
    expect(cell.right, 'cell ends inside its box').to.be.at.most(box.right + 1);
  });

  it('the explanation panel opens in view, next to the cell, without covering it', async () => {
    await setViewport({ width: 1200, height: 700 });
    const { h } = await ready(html`<disclosure-report .report=${failingReport()}></disclosure-report>`);
    const { panel, cell } = await openPanel(h, 'applications.newReceived.total');
    expectInWindow(panel);
    expect(overlap(panel, cell), 'panel covers the cell').to.equal(false);
    // a cell lower in the table, clicked where the panel will appear: scrolled clear of it
    const low = h.cell('applications.carriedForward.total')!;
    low.scrollIntoView({ block: 'end' });
    low.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(
      overlap(h.explainPanel()!.getBoundingClientRect(), low.getBoundingClientRect()),
      'panel covers the lower cell',
    ).to.equal(false);
    expect(low.getBoundingClientRect().top).to.be.at.least(0);
  });

  it('Escape closes the explanation panel from inside it and returns focus to the cell', async () => {
    const { el, h } = await ready(html`<disclosure-report .report=${failingReport()}></disclosure-report>`);
    el.focusCell('applications.total.natural');
    await el.updateComplete;
    const close = h.explainPanel()!.querySelector('button')!;
    close.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    expect(h.explainPanel()).to.equal(null);
    expect(h.root.activeElement).to.equal(h.cell('applications.total.natural'));
  });

  it('removed while loading and attached again: loads, with no error state and no error event', async () => {
    const el = document.createElement('disclosure-report') as DisclosureReport;
    el.src = SEED_URL + '&delay=400';
    const errors: Event[] = [];
    el.addEventListener('disclosure-report-error', (e) => errors.push(e));
    document.body.append(el);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 20));
    el.remove();
    await new Promise((r) => setTimeout(r, 20));
    document.body.append(el);
    expect(await el.whenReady()).to.equal('ready');
    expect(errors).to.deep.equal([]);
    expect(new DisclosureReportHarness(el).text()).to.contain('巴彦淖尔市工业和信息化局');
    // a rendered element whose new src is cut off by a move shows the new report once attached again
    el.src = '/test/browser/fixtures/zero-2019.json?delay=300';
    await el.updateComplete;
    el.remove();
    await new Promise((r) => setTimeout(r, 20));
    document.body.append(el);
    expect(await el.whenReady()).to.equal('ready');
    expect(el.result!.report!.format).to.equal('2019');
    expect(errors).to.deep.equal([]);
    el.remove();
  });

  it('changing lang re-renders in the new language at once: no loading state, nothing fetched again, the open panel stays', async () => {
    const el = document.createElement('disclosure-report') as DisclosureReport;
    el.src = SEED_URL + '&lang-test';
    document.body.append(el);
    const h = new DisclosureReportHarness(el);
    await h.ready();
    el.focusCell('applications.total.total');
    await el.updateComplete;
    const states: string[] = [];
    const observer = new MutationObserver(() => states.push(el.status));
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    el.lang = 'en';
    await h.ready();
    observer.disconnect();
    expect(states).not.to.include('loading');
    expect(h.root.querySelector('[part="state"]')).to.equal(null);
    expect(h.summary()!.textContent).to.contain('Validation');
    expect(
      performance.getEntriesByName(new URL(SEED_URL + '&lang-test', location.href).href).length,
      'fetches of src',
    ).to.equal(1);
    expect(h.explainPanel(), 'panel still open').to.exist;
    el.remove();
  });

  it('lang: the shadow content carries the UI language; the report’s own Chinese text is marked zh-CN in the English UI', async () => {
    const r = zeroReport('2021');
    r.title = '测试市测试局2022年政府信息公开工作年度报告';
    r.applications.extras = [{ label: '表外一行', values: [1] }];
    const { el, h } = await ready(html`<disclosure-report lang="en" .report=${r}></disclosure-report>`);
    expect(h.root.querySelector('article')!.getAttribute('lang')).to.equal('en');
    const title = h.root.querySelector('[part="title"]')!;
    expect(title.querySelector('[lang="zh-CN"]')!.textContent).to.equal(r.title);
    for (const p of h.root.querySelectorAll('section.prose p:not(.missing)'))
      expect(p.getAttribute('lang')).to.equal('zh-CN');
    expect(h.root.querySelector('table.extras th [lang="zh-CN"]')!.textContent).to.equal('表外一行');
    el.lang = '';
    await h.ready();
    expect(h.root.querySelector('article')!.getAttribute('lang')).to.equal('zh-CN');
    expect(h.root.querySelector('[part="title"] [lang]')).to.equal(null);
  });

  it('English UI uses English separators between the cells of a finding and in the missing-parts list', async () => {
    const r = clone(SEED);
    delete r.appeals;
    delete r.sections;
    r.applications.total.natural += 1;
    const { h } = await ready(html`<disclosure-report lang="en" .report=${r}></disclosure-report>`);
    const summary = h.summary()!.textContent!;
    expect(summary).not.to.match(/[；、]/);
    expect(summary).to.contain('; ');
  });

  it('a JSON syntax error names its place once', async () => {
    const { el, h } = await ready(
      html`<disclosure-report .report=${'{"format": "2021",\n "year": }'}></disclosure-report>`,
    );
    expect(el.status).to.equal('error');
    const text = h.stateMessage()!.textContent!;
    expect(text.match(/第 2 行/g)?.length).to.equal(1);
  });

  it('page still being parsed: an inline JSON child that arrives after the tag still wins over src', async () => {
    const iframe = document.createElement('iframe');
    document.body.append(iframe);
    const doc = iframe.contentDocument!;
    const w = iframe.contentWindow as Window & typeof globalThis;
    const json = JSON.stringify(zeroReport('2019')).replace(/</g, '\\u003c');
    doc.open();
    doc.write('<!doctype html><html><body><script src="/dist/disclosure-report.iife.js"></script>');
    for (let i = 0; i < 100 && !w.customElements.get('disclosure-report'); i++)
      await new Promise((r) => setTimeout(r, 20));
    doc.write(`<disclosure-report src="${SEED_URL}">`);
    await new Promise((r) => setTimeout(r, 200)); // the element is upgraded and updates while the page is still loading
    expect(doc.readyState).to.equal('loading');
    doc.write(`<script type="application/json">${json}</script></disclosure-report>`);
    doc.close();
    const el = doc.querySelector('disclosure-report') as DisclosureReport;
    expect(await el.whenReady()).to.equal('ready');
    expect(el.result!.report!.format, 'the inline 2019 report, not the 2021 src').to.equal('2019');
    iframe.remove();
  });

  it('the script-tag bundle loaded twice: window.DisclosureReport.DisclosureReport is the class running the elements', async () => {
    const iframe = document.createElement('iframe');
    iframe.srcdoc = `<!doctype html><script src="/dist/disclosure-report.iife.js"></script><script src="/dist/disclosure-report.iife.js"></script>`;
    const loaded = oneEvent(iframe, 'load');
    document.body.append(iframe);
    await loaded;
    const w = iframe.contentWindow as Window & typeof globalThis & { DisclosureReport: { DisclosureReport: unknown } };
    expect(w.DisclosureReport.DisclosureReport).to.equal(w.customElements.get('disclosure-report'));
    iframe.remove();
  });
});

describe('interaction on real pages: focus, announcements, page CSS', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('an ancestor with overflow: hidden (a CMS column clearing floats): the panel still opens at the bottom of the window', async () => {
    await setViewport({ width: 1000, height: 700 });
    const wrap = await fixture<HTMLElement>(
      html`<div class="article-column"><disclosure-report .report=${failingReport()}></disclosure-report></div>`,
    );
    wrap.style.overflow = 'hidden';
    const h = new DisclosureReportHarness(wrap.querySelector('disclosure-report') as DisclosureReport);
    await h.ready();
    const { panel, cell } = await openPanel(h, 'applications.newReceived.total');
    expectInWindow(panel);
    expect(overlap(panel, cell)).to.equal(false);
  });

  it('live editing: a new .report keeps the open panel and the focus on it; when the cell is gone, focus goes to the summary heading, not <body>', async () => {
    const r = failingReport();
    const { el, h } = await ready(html`<disclosure-report .report=${r}></disclosure-report>`);
    el.focusCell('applications.total.natural');
    await el.updateComplete;
    const close = h.explainPanel()!.querySelector('button')!;
    close.focus();
    const fixed = clone(r);
    fixed.applications.total.natural -= 1;
    el.report = fixed;
    await h.ready();
    expect(h.explainPanel(), 'panel still open').to.exist;
    expect(h.root.activeElement).to.equal(h.explainPanel()!.querySelector('button'));
    // a 2021 report with （六） as one row has no 1.申请人无正当理由… sub-row
    el.focusCell('applications.otherHandling.noCorrection.natural');
    await el.updateComplete;
    h.explainPanel()!.querySelector('button')!.focus();
    const mixed = clone(SEED);
    el.report = mixed;
    await h.ready();
    expect(h.cell('applications.otherHandling.noCorrection.natural')).to.equal(null);
    expect(h.root.activeElement?.id).to.equal('dr-summary');
  });

  it('fixing numbers: the focused summary link stays on its finding; when its finding is fixed, focus goes to the summary heading', async () => {
    const r = failingReport();
    r.appeals.reconsideration.total += 1;
    const { el, h } = await ready(html`<disclosure-report .report=${r}></disclosure-report>`);
    const linkOf = (path: string) => h.summaryLinks().find((a) => a.hash === '#' + h.cell(path)!.id);
    linkOf('appeals.reconsideration.total')!.focus();
    const text = h.root.activeElement!.textContent;
    const other = clone(r);
    other.applications.granted.research = 0; // fixes the BLANK finding, not the focused T4-SUM one
    el.report = other;
    await h.ready();
    expect(h.root.activeElement?.textContent).to.equal(text);
    const fixed = clone(other);
    fixed.appeals.reconsideration.total -= 1;
    el.report = fixed;
    await h.ready();
    expect(linkOf('appeals.reconsideration.total')).to.equal(undefined);
    expect(h.root.activeElement?.id).to.equal('dr-summary');
  });

  it('screen readers: the panel is not a live region; opening it on purpose is announced in one short line, focus alone is not', async () => {
    const { el, h } = await ready(html`<disclosure-report .report=${failingReport()}></disclosure-report>`);
    const status = () => h.root.querySelector('article > [role="status"]')!.textContent!.trim();
    h.cell('applications.total.natural')!.click();
    await el.updateComplete;
    expect(h.explainPanel()!.hasAttribute('aria-live')).to.equal(false);
    expect(status()).to.contain('自然人').and.to.contain('计算说明');
    expect(status().length).to.be.below(80);
    h.cell('applications.total.commercial')!.focus();
    await el.updateComplete;
    expect(status()).to.equal('');
  });

  it('page text settings do not reach the widget; a focused total keeps its solid focus ring; the panel heading is one level below its section', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div><disclosure-report heading-level="4" .report=${failingReport()}></disclosure-report></div>`,
    );
    wrap.style.textIndent = '2em';
    wrap.style.textAlign = 'justify';
    const el = wrap.querySelector('disclosure-report') as DisclosureReport;
    const h = new DisclosureReportHarness(el);
    await h.ready();
    const badge = h.badge('applications')!;
    expect(getComputedStyle(badge).textIndent).to.equal('0px');
    expect(getComputedStyle(h.summary()!).textAlign).to.equal('start');
    el.focusCell('applications.total.natural');
    await el.updateComplete;
    const td = h.cell('applications.total.natural')!;
    expect(td.classList.contains('term')).to.equal(true);
    expect(getComputedStyle(td).outlineStyle).to.equal('solid');
    const sectionHeading = h.root.querySelector('#h-applications')!;
    expect(sectionHeading.getAttribute('aria-level')).to.equal('5');
    expect(h.explainPanel()!.querySelector('[role="heading"]')!.getAttribute('aria-level')).to.equal('6');
  });

  it('landmarks: sections are not regions; a scroll box is a named region only while it scrolls; summary links point at this page', async () => {
    await setViewport({ width: 1600, height: 900 });
    const { h } = await ready(html`<disclosure-report .report=${failingReport()}></disclosure-report>`);
    expect(h.root.querySelectorAll('section[data-section][aria-labelledby]').length).to.equal(0);
    for (const box of h.root.querySelectorAll<HTMLElement>('.scroll')) {
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      expect(box.getAttribute('role'), box.dataset['label']).to.equal(scrolls ? 'region' : null);
      expect(box.hasAttribute('aria-label')).to.equal(scrolls);
    }
    const a = h.summaryLinks()[0]!;
    expect(a.getAttribute('href')!.startsWith(document.URL.split('#')[0] + '#')).to.equal(true);
  });
});

describe('malformed rows', () => {
  it('a row that is not an object: its cells say 无法读取 with the schema mark (in words), not 未填; other findings keep their paths', async () => {
    const r = busyReport();
    r.applications.granted = 5;
    r.sections.overview = 7;
    const { h } = await ready(html`<disclosure-report .report=${r}></disclosure-report>`);
    const td = h.cell('applications.granted.natural')!;
    expect(h.cellValue('applications.granted.natural')).to.equal('无法读取');
    expect(td.querySelector('.flags')!.textContent).to.contain('见校验结果').and.not.to.contain('SCHEMA');
    expect(h.cellValue('applications.newReceived.natural')).not.to.equal('无法读取');
    expect(h.summary()!.textContent).to.contain('sections.overview');
  });
});

describe('second review', () => {
  it('a panel closed while a new report loads stays closed', async () => {
    const el = document.createElement('disclosure-report') as DisclosureReport;
    el.report = failingReport();
    document.body.append(el);
    const h = new DisclosureReportHarness(el);
    await h.ready();
    el.focusCell('applications.total.natural');
    await el.updateComplete;
    el.report = undefined;
    el.src = SEED_URL + '&delay=300&closed-test';
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(h.explainPanel()).to.equal(null);
    await h.ready();
    expect(el.result!.report!.agency!.name).to.contain('巴彦淖尔');
    expect(h.explainPanel(), 'panel reopened by the load').to.equal(null);
    el.remove();
  });

  it('a row that is null reads as blank (未填), as the rules read it; only a row that is not an object is unreadable', async () => {
    const r = busyReport();
    r.applications.granted = null;
    const { h } = await ready(html`<disclosure-report .report=${r}></disclosure-report>`);
    expect(h.cellValue('applications.granted.natural')).to.equal('未填');
  });

  it('inside a shadow component whose wrapper clips (overflow: hidden around its slot): the panel still opens in the window', async () => {
    await setViewport({ width: 1000, height: 700 });
    if (!customElements.get('x-card')) {
      customElements.define(
        'x-card',
        class extends HTMLElement {
          constructor() {
            super();
            const root = this.attachShadow({ mode: 'open' });
            const wrap = document.createElement('div');
            wrap.style.overflow = 'hidden';
            wrap.append(document.createElement('slot'));
            root.append(wrap);
          }
        },
      );
    }
    const card = await fixture<HTMLElement>(
      html`<x-card><disclosure-report .report=${failingReport()}></disclosure-report></x-card>`,
    );
    const h = new DisclosureReportHarness(card.querySelector('disclosure-report') as DisclosureReport);
    await h.ready();
    expectInWindow((await openPanel(h, 'applications.newReceived.total')).panel);
  });

  it('closing the panel moves focus once, straight to its cell', async () => {
    const { el, h } = await ready(html`<disclosure-report .report=${failingReport()}></disclosure-report>`);
    el.focusCell('applications.total.natural');
    await el.updateComplete;
    const seen: string[] = [];
    h.root.addEventListener('focusin', (e) =>
      seen.push((e.target as HTMLElement).id || (e.target as HTMLElement).tagName),
    );
    const close = h.explainPanel()!.querySelector('button')!;
    close.focus();
    seen.length = 0;
    close.click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).to.deep.equal([h.cell('applications.total.natural')!.id]);
  });
});

describe('regression pass: resizing, language, fixed panels, errors', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('rotating a phone while a scroll box has focus: focus stays on it', async () => {
    await setViewport({ width: 390, height: 844 });
    const { h } = await ready(html`<disclosure-report .report=${failingReport()}></disclosure-report>`);
    const box = h.table('applications')!.closest<HTMLElement>('.scroll')!;
    expect(box.tabIndex).to.equal(0);
    box.focus();
    await setViewport({ width: 1600, height: 390 });
    await new Promise((r) => setTimeout(r, 150));
    expect(h.root.activeElement).to.equal(box);
  });

  it('a shorter window or a language change: the open cell is brought clear of the panel again', async () => {
    await setViewport({ width: 1200, height: 800 });
    const { el, h } = await ready(html`<disclosure-report .report=${failingReport()}></disclosure-report>`);
    const path = 'applications.carriedForward.total';
    el.focusCell(path);
    await el.updateComplete;
    await setViewport({ width: 1200, height: 500 });
    await new Promise((r) => setTimeout(r, 150));
    const clear = () => {
      const c = h.cell(path)!.getBoundingClientRect();
      const p = h.explainPanel()!.getBoundingClientRect();
      return c.top >= 0 && c.bottom <= p.top + 1;
    };
    expect(clear(), 'after the resize').to.equal(true);
    window.scrollTo(0, 0);
    el.lang = 'en';
    await h.ready();
    await new Promise((r) => setTimeout(r, 50));
    expect(clear(), 'after the language change').to.equal(true);
  });

  it('fixed panels (a clipping column): shown only while their table is in view; opening one in another report closes this one', async () => {
    await setViewport({ width: 1000, height: 700 });
    const wrap = await fixture<HTMLElement>(html`<div>
      <disclosure-report id="a" .report=${failingReport()}></disclosure-report>
      <disclosure-report id="b" .report=${failingReport()}></disclosure-report>
      <p style="height: 2000px">footer</p>
    </div>`);
    wrap.style.overflow = 'hidden';
    const [a, b] = [...wrap.querySelectorAll('disclosure-report')] as DisclosureReport[];
    await a!.whenReady();
    await b!.whenReady();
    const ha = new DisclosureReportHarness(a!);
    const hb = new DisclosureReportHarness(b!);
    hb.cell('applications.total.natural')!.scrollIntoView({ block: 'center' });
    hb.cell('applications.total.natural')!.click();
    await b!.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(hb.explainPanel()!.classList.contains('fixed')).to.equal(true);
    expect(getComputedStyle(hb.explainPanel()!).display).not.to.equal('none');
    wrap.querySelector('p')!.scrollIntoView({ block: 'end' });
    await new Promise((r) => setTimeout(r, 150));
    expect(getComputedStyle(hb.explainPanel()!).display, 'away from its table').to.equal('none');
    ha.cell('applications.total.natural')!.scrollIntoView({ block: 'center' });
    ha.cell('applications.total.natural')!.click();
    await a!.updateComplete;
    await b!.updateComplete;
    expect(ha.explainPanel()).to.exist;
    expect(hb.explainPanel(), 'the other report’s fixed panel').to.equal(null);
  });

  it('invalid JSON text set while a cell has focus: focus goes to the error message, not <body>', async () => {
    const { el, h } = await ready(html`<disclosure-report .report=${failingReport()}></disclosure-report>`);
    h.cell('applications.total.natural')!.focus();
    el.report = '{"format": "2021", broken';
    await h.ready();
    expect(el.status).to.equal('error');
    expect(h.root.activeElement).to.equal(h.stateMessage());
  });
});
