/**
 * Phones and article columns (issue 10, items 2 and 3), measured in Chromium with the Chinese font
 * installed (fonts-wqy-microhei): at 360 px every value of table 二 is on screen and tables 三 and 四
 * show that they scroll, with sticky row labels; in a 740 px column (zh-CN) and a 1000 px column
 * (English) every table fits.
 */
import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import type { DisclosureReport } from '../../src/elements/disclosure-report.js';
import { DisclosureReportHarness } from './harness.js';

const FONT = 'wqy';

/** The reports measured: both formats, and one with marks in every table (marks widen their cells). */
async function reports(): Promise<[string, Record<string, any>][]> {
  const get = async (name: string) => (await fetch(`/demo/data/${name}.json`)).json();
  const marked = await get('example-2022');
  marked.applications.newReceived.legalService = 30; // T3-BAL and T3-COL on 法律服务机构
  marked.applications.granted.total = 69; // T3-COL on the row and T3-TOTAL on 总计
  marked.appeals.litigationAfterReconsideration.pending = 12; // T4-SUM
  marked.proactive.normativeDocuments.issued = null; // BLANK
  return [
    ['2021', await get('example-2022')],
    ['2019', await get('example-2020')],
    ['2021 with marks', marked],
  ];
}

async function show(report: unknown, lang: string, width: string) {
  const wrap = await fixture<HTMLElement>(
    html`<div class=${FONT} data-width=${width}><disclosure-report lang=${lang} .report=${report}></disclosure-report></div>`,
  );
  const el = wrap.querySelector('disclosure-report') as DisclosureReport;
  await el.whenReady();
  return new DisclosureReportHarness(el);
}

/** Page styles of the measured column (in a stylesheet, as a CMS would have them). */
before(() => {
  const style = document.createElement('style');
  style.textContent = `
    body { margin: 8px; }
    .wqy { font: 16px/1.6 'WenQuanYi Micro Hei', sans-serif; }
    [data-width='740'] { width: 740px; }
    [data-width='1000'] { width: 1000px; }`;
  document.head.append(style);
});
after(() => setViewport({ width: 800, height: 600 }));

describe('widths: phones (360 px)', () => {
  before(() => setViewport({ width: 360, height: 740 }));

  for (const lang of ['zh-CN', 'en'])
    it(`${lang}: every value of table 二 is on screen; tables 三 and 四 fade at the edge that scrolls, labels sticky`, async () => {
      for (const [name, report] of await reports()) {
        const h = await show(report, lang, 'auto');
        const values = [...h.root.querySelectorAll<HTMLElement>('[data-section="proactive"] td')];
        expect(values.length, name).to.be.greaterThan(5);
        for (const td of values) {
          const r = td.getBoundingClientRect();
          expect(r.left, `${name} ${td.dataset['path']} left`).to.be.at.least(0);
          expect(r.right, `${name} ${td.dataset['path']} right`).to.be.at.most(360);
        }
        for (const id of ['applications', 'appeals']) {
          const box = h.table(id)!.closest<HTMLElement>('.scroll')!;
          expect(box.scrollWidth, `${name} ${id} scrolls`).to.be.greaterThan(box.clientWidth);
          const mask = () => getComputedStyle(box).maskImage;
          await waitUntil(() => mask().includes('linear-gradient'), `${name} ${id}: fades at the right`);
          box.scrollLeft = box.scrollWidth;
          await waitUntil(() => mask() === 'none', `${name} ${id}: no fade at the end`);
          box.scrollLeft = 0;
          await waitUntil(() => mask() !== 'none', `${name} ${id}: the fade is back`);
        }
        const box = h.table('applications')!.closest<HTMLElement>('.scroll')!;
        box.scrollLeft = 120;
        const label = h.table('applications')!.querySelector('tbody th.label')!;
        await waitUntil(
          () => Math.abs(label.getBoundingClientRect().left - box.getBoundingClientRect().left) < 1,
          'row labels stay at the left edge',
        );
      }
    });
});

describe('widths: article columns', () => {
  before(() => setViewport({ width: 1280, height: 900 }));

  for (const [lang, width] of [
    ['zh-CN', '740'],
    ['en', '1000'],
  ] as const)
    it(`${lang} in a ${width} px column: every table fits, nothing scrolls, headers keep their full labels`, async () => {
      for (const [name, report] of await reports()) {
        const h = await show(report, lang, width);
        expect(h.element.getBoundingClientRect().width).to.equal(Number(width));
        for (const table of h.root.querySelectorAll<HTMLTableElement>('table')) {
          const box = table.closest<HTMLElement>('.scroll')!;
          const id = table.dataset['grid'];
          expect(table.getBoundingClientRect().width, `${name} ${id}`).to.be.at.most(Number(width));
          expect(box.scrollWidth, `${name} ${id} does not scroll`).to.be.at.most(box.clientWidth);
          expect(box.getAttribute('role'), `${name} ${id} is no scroll region`).to.equal(null);
        }
        // the header cells are the layout's labels, whole (wrapped, never cut)
        const heads = [...h.table('appeals')!.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
        expect(heads).to.include(lang === 'en' ? 'Filed after reconsideration' : '未经复议直接起诉');
        for (const th of h.root.querySelectorAll<HTMLElement>('thead th'))
          expect(th.scrollWidth, th.textContent!).to.be.at.most(th.clientWidth + 1);
      }
    });
});
