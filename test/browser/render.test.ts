import { fixture, html, expect } from '@open-wc/testing';
import '../../src/define.js';
import type { DisclosureReport } from '../../src/elements/disclosure-report.js';
import {
  getLayout,
  SECTIONS,
  APPLICATIONS_NOTE,
  gridCells,
  type ColumnNode,
  type RowNode,
  type Grid,
  type Format,
} from '../../src/model/layout.js';
import { DisclosureReportHarness } from './harness.js';
import { SEED, zeroReport, clone, setPath } from './reports.js';

type Th = [text: string, colspan: number, rowspan: number];

/** Header cells of a grid in DOM order, computed from the layout tree (independently of the element's table model). */
function expectedHeaderCells(grid: Grid, loc: 'zh' | 'en'): Th[] {
  const leaves = (n: ColumnNode): number => (n.children ? n.children.reduce((s, c) => s + leaves(c), 0) : 1);
  const depthOf = (ns: readonly ColumnNode[]): number =>
    Math.max(...ns.map((n) => 1 + (n.children ? depthOf(n.children) : 0)));
  const rowDepth = (ns: readonly RowNode[]): number =>
    Math.max(...ns.map((n) => 1 + (n.children ? rowDepth(n.children) : 0)));
  const depth = depthOf(grid.columns);
  const levels: Th[][] = Array.from({ length: depth }, () => []);
  if (grid.rows) levels[0]!.push([grid.corner![loc], rowDepth(grid.rows), depth]);
  const visit = (ns: readonly ColumnNode[], level: number) => {
    for (const n of ns) {
      levels[level]!.push([n.label[loc], leaves(n), n.children ? 1 : depth - level]);
      if (n.children) visit(n.children, level + 1);
    }
  };
  visit(grid.columns, 0);
  return levels.flat();
}

/** Row-label cells of a grid in DOM order: a group label on its first row (rowspan = its data rows), each data row's label (colspan to the value columns). */
function expectedRowLabels(grid: Grid, loc: 'zh' | 'en'): Th[] {
  if (!grid.rows) return [];
  const leaves = (n: RowNode): number => (n.children ? n.children.reduce((s, c) => s + leaves(c), 0) : 1);
  const rowDepth = (ns: readonly RowNode[]): number =>
    Math.max(...ns.map((n) => 1 + (n.children ? rowDepth(n.children) : 0)));
  const width = rowDepth(grid.rows);
  const out: Th[] = [];
  const visit = (ns: readonly RowNode[], level: number) => {
    for (const n of ns) {
      if (n.children) {
        out.push([n.label[loc], 1, leaves(n)]);
        visit(n.children, level + 1);
      } else out.push([n.label[loc], width - level, 1]);
    }
  };
  visit(grid.rows, 0);
  return out;
}

const cells = (list: NodeListOf<HTMLTableCellElement>): Th[] =>
  [...list].map((c) => [c.textContent!.trim(), c.colSpan, c.rowSpan]);

async function render(report: unknown, lang = 'zh-CN') {
  const el = await fixture<DisclosureReport>(
    html`<disclosure-report lang=${lang} .report=${report}></disclosure-report>`,
  );
  const h = new DisclosureReportHarness(el);
  expect(await h.ready()).to.equal('ready');
  return h;
}

describe('<disclosure-report> renders the official tables from the layout data', () => {
  for (const format of ['2019', '2021'] as Format[]) {
    for (const lang of ['zh-CN', 'en']) {
      it(`${format} format (${lang}): every header and row label with its row/column spans`, async () => {
        const loc = lang === 'en' ? 'en' : 'zh';
        const h = await render(zeroReport(format), lang);
        const layout = getLayout(format);
        const grids = [
          ...layout.tables.proactive.grids,
          ...layout.tables.applications.grids,
          ...layout.tables.appeals.grids,
        ];
        expect(h.tables().map((t) => t.dataset['grid'])).to.deep.equal(grids.map((g) => g.id));
        for (const grid of grids) {
          const table = h.table(grid.id)!;
          expect(cells(table.querySelectorAll('thead th')), `${grid.id} header`).to.deep.equal(
            expectedHeaderCells(grid, loc),
          );
          expect(cells(table.querySelectorAll('tbody th')), `${grid.id} row labels`).to.deep.equal(
            expectedRowLabels(grid, loc),
          );
          if (grid.caption) expect(table.caption?.textContent?.trim()).to.equal(grid.caption[loc]);
          // one value cell per leaf row × leaf column, addressed by its REPORT-JSON path
          const paths = [...table.querySelectorAll<HTMLElement>('td[data-path]')].map((td) => td.dataset['path']);
          expect(paths).to.deep.equal(gridCells(grid).map((c) => c.path));
        }
        // section headings in order
        const headings = [...h.root.querySelectorAll('section[data-section] [role="heading"]')].map((x) =>
          x.textContent!.trim(),
        );
        expect(headings).to.deep.equal(SECTIONS.map((s) => s.heading[loc]));
      });
    }
  }

  it('table 三 has the 勾稽关系 note in its corner and three label columns; table 四 has no row labels', async () => {
    const h = await render(zeroReport('2021'));
    const corner = h.table('applications')!.querySelector<HTMLTableCellElement>('thead th')!;
    expect(corner.textContent!.trim()).to.equal(APPLICATIONS_NOTE.zh);
    expect([corner.colSpan, corner.rowSpan]).to.deep.equal([3, 3]);
    const group = [...h.table('applications')!.querySelectorAll<HTMLTableCellElement>('tbody th')].find(
      (t) => t.textContent!.trim() === '三、本年度办理结果',
    )!;
    expect(group.rowSpan).to.equal(22);
    expect(h.table('appeals')!.querySelectorAll('tbody th').length).to.equal(0);
    expect(h.table('appeals')!.querySelectorAll('tbody td').length).to.equal(15);
  });

  it('renders a mixed report as found: a single （六）其他处理 row in a 2021 report (the seed)', async () => {
    const h = await render(SEED);
    const rows = [...h.table('applications')!.querySelectorAll<HTMLTableCellElement>('tbody th')].map((t) =>
      t.textContent!.trim(),
    );
    expect(rows).to.include('（六）其他处理');
    expect(rows).not.to.include('3.其他');
    expect(h.cell('applications.otherHandling.natural')).to.exist;
    const group = [...h.table('applications')!.querySelectorAll<HTMLTableCellElement>('tbody th')].find(
      (t) => t.textContent!.trim() === '三、本年度办理结果',
    )!;
    expect(group.rowSpan).to.equal(20);
    // 2021 table 二 (本年制发件数)
    expect(h.table('proactive-1')!.textContent).to.contain('本年制发件数');
    expect(h.cellValue('proactive.normativeDocuments.repealed')).to.equal('1');
  });

  it('shows a blank cell as blank with a visible 未填 marker, never as 0', async () => {
    const r = zeroReport('2021');
    setPath(r, 'applications.granted.research', null);
    delete r['applications'].denied.stateSecret.natural;
    const h = await render(r);
    for (const path of ['applications.granted.research', 'applications.denied.stateSecret.natural']) {
      const td = h.cell(path)!;
      expect(td.querySelector('[part="blank"]'), path).to.exist;
      expect(h.cellValue(path)).to.equal('未填');
      expect(td.textContent).not.to.match(/(^|\D)0(\D|$)/);
    }
    const en = await render(r, 'en');
    expect(en.cellValue('applications.granted.research')).to.equal('blank');
  });

  it('renders prose sections as paragraphs (split on \\n) and says which parts are missing', async () => {
    const r = zeroReport('2021');
    delete r['appeals'];
    r['sections'] = { overview: '第一段。\n\n第二段。', problems: null };
    const h = await render(r);
    const overview = h.root.querySelector('section[data-section="overview"]')!;
    expect([...overview.querySelectorAll('p')].map((p) => p.textContent)).to.deep.equal(['第一段。', '第二段。']);
    expect(h.root.querySelector('section[data-section="appeals"] .missing')!.textContent).to.contain('没有这张表');
    expect(h.root.querySelector('section[data-section="problems"] .missing')).to.exist;
    expect(h.root.querySelector('section[data-section="other"] .missing')).to.exist;
    expect(h.badge('appeals')!.dataset['status']).to.equal('unchecked');
    expect(h.badge('appeals')!.textContent).to.contain('未检查');
    const summary = h.summary()!.textContent!;
    expect(summary).to.contain('四、政府信息公开行政复议、行政诉讼情况');
    expect(summary).to.contain('五、存在的主要问题及改进情况');
    expect(summary).to.contain('缺少');
  });

  it('renders rows found outside the template (extras) as found', async () => {
    const r = zeroReport('2021');
    r['proactive'].extras = [{ label: '其他主动公开文件', values: [5, null, 7] }];
    const h = await render(r);
    const extras = h.root.querySelector('table[data-extras="proactive"]')!;
    expect(extras.textContent).to.contain('其他主动公开文件');
    expect(extras.querySelectorAll('[part="blank"]').length).to.equal(1);
  });

  it('re-renders when .report is replaced and when lang changes', async () => {
    const h = await render(zeroReport('2021'));
    const r = clone(zeroReport('2019'));
    h.element.report = r;
    await h.ready();
    expect(h.table('proactive-9')).to.exist;
    h.element.lang = 'en';
    await h.ready();
    expect(h.table('proactive-9')!.caption!.textContent).to.equal('Article 20, item (9)');
    expect(h.badge('applications')!.textContent).to.contain('Passed');
  });

  it('heading-level sets the title level; sections are one lower', async () => {
    const el = await fixture<DisclosureReport>(
      html`<disclosure-report heading-level="3" .report=${SEED}></disclosure-report>`,
    );
    await el.whenReady();
    expect(el.shadowRoot!.querySelector('[part="title"]')!.getAttribute('aria-level')).to.equal('3');
    expect(el.shadowRoot!.querySelector('#h-overview')!.getAttribute('aria-level')).to.equal('4');
  });

  it('narrow screens: wide tables scroll horizontally inside the widget, row labels are sticky', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div class="narrow"><disclosure-report .report=${zeroReport('2021')}></disclosure-report></div>`,
    );
    wrap.style.width = '360px';
    const el = wrap.querySelector('disclosure-report') as DisclosureReport;
    await el.whenReady();
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroll:has(table[data-grid="applications"])')!;
    expect(getComputedStyle(scroller).overflowX).to.equal('auto');
    expect(scroller.scrollWidth).to.be.greaterThan(scroller.clientWidth);
    expect(el.getBoundingClientRect().width).to.be.at.most(360);
    const label = el.shadowRoot!.querySelector<HTMLElement>('table[data-grid="applications"] th[scope="row"]')!;
    expect(getComputedStyle(label).position).to.equal('sticky');
    // scrolled right, the row label stays at the left edge of the scroller
    scroller.scrollLeft = 300;
    const leaf = [
      ...el.shadowRoot!.querySelectorAll<HTMLElement>('table[data-grid="applications"] th[scope="row"]'),
    ].find((t) => t.textContent!.includes('1.属于国家秘密'))!;
    expect(Math.round(leaf.getBoundingClientRect().left)).to.equal(Math.round(scroller.getBoundingClientRect().left));
  });
});
