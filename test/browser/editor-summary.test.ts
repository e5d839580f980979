/**
 * The editor's summary while a report is filled in: blank cells are "not filled in yet", one line per
 * table (how many, a "next" button, the list on demand) instead of one BLANK warning per cell; errors
 * and other findings are listed one by one as in the viewer, which keeps listing every BLANK finding.
 */
import { fixture, html, expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/editor/index.js';
import '../../src/define.js';
import type { DisclosureReportEditor } from '../../src/elements/disclosure-report-editor.js';
import type { DisclosureReport } from '../../src/elements/disclosure-report.js';
import { DisclosureReportHarness } from './harness.js';
import { busyReport } from './reports.js';
import { editor, focused, freshKey, until } from './editor-harness.js';

const $$ = <T extends Element>(el: DisclosureReportEditor, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const input = (el: DisclosureReportEditor, path: string) =>
  el.shadowRoot!.querySelector<HTMLInputElement>(`input[data-path="${path}"]`)!;
const line = (el: DisclosureReportEditor, table: string) =>
  el.shadowRoot!.querySelector<HTMLLIElement>(`.summary .blanks > li[data-table="${table}"]`);
const next = (el: DisclosureReportEditor, table: string) =>
  line(el, table)!.querySelector<HTMLButtonElement>('button')!;
/** The blank cells of a table by the last validation, in the order their inputs are in the page. */
const blankCells = (el: DisclosureReportEditor, table: string) => {
  const blank = new Set(
    el.result!.findings.filter((f) => f.rule === 'BLANK' && f.status === 'fail').flatMap((f) => f.cells),
  );
  return $$<HTMLInputElement>(el, `[data-section="${table}"] td input`)
    .map((i) => i.dataset['path']!)
    .filter((p) => blank.has(p));
};

/** A filled-in report with three blanks in table 三, one in table 二, and one error (T3-COL). */
function partlyFilled() {
  const r = busyReport();
  r.applications.granted.research = null;
  r.applications.newReceived.natural = null;
  r.applications.total.legalService = null;
  r.proactive.fees.amount = null;
  r.appeals.reconsideration.upheld = 3; // 行政复议: the parts no longer add up to the total
  return r;
}

describe('<disclosure-report-editor> summary while filling in', () => {
  afterEach(() => localStorage.clear());

  it('a new report: one line per table with its blank cells and how many, the badge’s count; every warning still counted', async () => {
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('summary')}></disclosure-report-editor>`,
    );
    el.startNew({ year: 2025, agency: '某某市某某局' });
    await el.whenValidated();
    const blanks = el.result!.findings.filter((f) => f.rule === 'BLANK' && f.status === 'fail');
    expect(blanks.length).to.be.greaterThan(100);
    const lines = $$<HTMLLIElement>(el, '.summary .blanks > li');
    expect(lines.map((l) => l.dataset['table'])).to.deep.equal(['proactive', 'applications', 'appeals']);
    for (const l of lines) {
      const table = l.dataset['table']!;
      const n = blankCells(el, table).length;
      expect(n).to.be.greaterThan(0);
      expect(l.textContent).to.contain(`尚有 ${n} 处未填`);
      expect(l.textContent).to.contain(
        el.shadowRoot!.querySelector(`[data-section="${table}"] .h`)!.textContent!.trim(),
      );
      // the table's badge says the same
      expect(el.shadowRoot!.querySelector(`[data-section="${table}"] .badge`)!.textContent).to.contain(
        `尚有 ${n} 处未填`,
      );
    }
    // no BLANK warning listed line by line
    expect($$(el, '.summary .findings li').filter((li) => li.textContent!.includes('BLANK'))).to.deep.equal([]);
    expect($$(el, '.summary .findings li').length).to.be.lessThan(10);
    // the counts line counts every warning, blanks included, also before any cell was visited
    expect(el.shadowRoot!.querySelector('.summary p')!.textContent).to.contain(
      `警告 ${el.result!.summary.warnings} 处`,
    );
    expect(el.result!.summary.warnings).to.be.at.least(blanks.length);
    // the cells themselves stay unmarked until visited
    expect($$(el, 'td.fail').length).to.equal(0);
  });

  it('“next” (keyboard) focuses the blank cells of its table in reading order after the focused one, and wraps', async () => {
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('summary')} .report=${partlyFilled()}></disclosure-report-editor>`,
    );
    const order = blankCells(el, 'applications');
    expect(order.length).to.equal(3);
    expect(line(el, 'applications')!.textContent).to.contain('尚有 3 处未填');
    expect(line(el, 'proactive')!.textContent).to.contain('尚有 1 处未填');
    expect(line(el, 'appeals')).to.equal(null);
    const press = async (key: string) => {
      next(el, 'applications').focus();
      await sendKeys({ press: key });
      await el.updateComplete;
      return focused(el);
    };
    expect(await press('Enter')).to.equal(order[0]);
    expect(await press(' ')).to.equal(order[1]);
    expect(await press('Enter')).to.equal(order[2]);
    expect(await press('Enter')).to.equal(order[0]); // wraps
    // from a cell focused by hand: the next blank after it, never one of another table
    input(el, 'applications.total.natural').focus();
    expect(await press('Enter')).to.equal(order.find((p) => p.startsWith('applications.total'))!);
    input(el, 'appeals.reconsideration.upheld').focus();
    expect(await press('Enter')).to.equal(order[0]);
    next(el, 'proactive').focus();
    await sendKeys({ press: 'Enter' });
    expect(focused(el)).to.equal('proactive.fees.amount');
  });

  it('typing a value into a blank takes it out of the count live; the line goes when its table has none left', async () => {
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('summary')} .report=${partlyFilled()}></disclosure-report-editor>`,
    );
    const [first, second] = blankCells(el, 'applications');
    input(el, first!).focus();
    await sendKeys({ type: '0' });
    await until(() => !!line(el, 'applications')?.textContent!.includes('尚有 2 处未填'), 'a count of 2');
    // "next" goes on from the cell just filled in
    next(el, 'applications').focus();
    await sendKeys({ press: 'Enter' });
    expect(focused(el)).to.equal(second);
    // clearing it again brings it back
    input(el, first!).focus();
    await sendKeys({ press: 'Backspace' });
    await until(() => !!line(el, 'applications')?.textContent!.includes('尚有 3 处未填'), 'a count of 3 again');
    input(el, 'proactive.fees.amount').focus();
    await sendKeys({ type: '1.5' });
    await until(() => line(el, 'proactive') === null, 'the line of table 二 gone');
  });

  it('errors and other findings are listed one by one and first; "-" typed is a finding of its own; validity unchanged', async () => {
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('summary')} .report=${partlyFilled()}></disclosure-report-editor>`,
    );
    const fails = el.result!.findings.filter((f) => f.status === 'fail');
    const errors = fails.filter((f) => f.severity === 'error');
    expect(errors.length).to.be.greaterThan(0);
    const items = $$<HTMLLIElement>(el, '.summary .findings > li');
    expect(items.length).to.equal(fails.filter((f) => f.rule !== 'BLANK').length);
    expect(items.slice(0, errors.length).map((li) => li.dataset['message'])).to.deep.equal(
      errors.map((f) => f.message),
    );
    // the blank lines come after the list
    const list = el.shadowRoot!.querySelector('.summary .findings')!;
    const blanks = el.shadowRoot!.querySelector('.summary .blanks')!;
    expect(list.compareDocumentPosition(blanks) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    // the form's message names the count and the first error, as before
    expect(el.validationMessage).to.equal(`报告有 ${errors.length} 处错误，请先更正。第一处：${errors[0]!.message}`);
    // a "-" is written in, not left blank: BLANK says so in a line of its own
    const [cell] = blankCells(el, 'applications');
    input(el, cell!).focus();
    await sendKeys({ type: '-' });
    await until(() => !!line(el, 'applications')?.textContent!.includes('尚有 2 处未填'), 'a count of 2');
    await el.whenValidated();
    const dash = $$<HTMLLIElement>(el, '.summary .findings > li').filter((li) => li.textContent!.includes('BLANK'));
    expect(dash.length).to.equal(1);
    expect(dash[0]!.textContent).to.contain('“-”');
  });

  it('the list of a table’s blank cells, on demand: every cell, each a link to its input', async () => {
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('summary')}></disclosure-report-editor>`,
    );
    el.startNew({ year: 2025, agency: 'x' });
    await el.whenValidated();
    const details = line(el, 'applications')!.querySelector('details')!;
    expect(details.open).to.equal(false);
    expect(details.querySelectorAll('li').length).to.equal(0); // not drawn while closed
    details.querySelector('summary')!.click();
    await until(() => details.querySelectorAll('li').length > 0, 'the list');
    const cells = blankCells(el, 'applications');
    expect([...details.querySelectorAll<HTMLLIElement>('li')].map((li) => li.dataset['path'])).to.deep.equal(cells);
    expect(details.querySelector('summary')!.textContent).to.contain(String(cells.length));
    // it stays open across the re-render of each keystroke, and follows the count
    input(el, cells[0]!).focus();
    await sendKeys({ type: '3' });
    await until(() => details.querySelectorAll('li').length === cells.length - 1, 'one cell fewer');
    expect(details.open).to.equal(true);
    details.querySelector<HTMLAnchorElement>('li a')!.click();
    await el.updateComplete;
    expect(focused(el)).to.equal(cells[1]);
  });

  it('the “next” buttons are named with their table; axe-clean in zh-CN and en, list open', async () => {
    for (const lang of ['zh-CN', 'en']) {
      const el = await editor(
        html`<disclosure-report-editor lang=${lang} storage-key=${freshKey('summary')} .report=${partlyFilled()}></disclosure-report-editor>`,
      );
      const button = next(el, 'applications');
      const heading = el.shadowRoot!.querySelector('[data-section="applications"] .h')!.textContent!.trim();
      expect(button.localName).to.equal('button');
      expect(button.type).to.equal('button');
      expect(button.getAttribute('aria-label')).to.contain(heading);
      expect(button.getAttribute('aria-label')).to.contain(button.textContent!.trim()); // the visible name is in it
      expect(line(el, 'applications')!.textContent).to.contain(lang === 'en' ? '3 blanks left' : '尚有 3 处未填');
      line(el, 'applications')!.querySelector('summary')!.click();
      await until(() => !!line(el, 'applications')!.querySelector('details li'), 'the list');
      await expect(el).to.be.accessible();
    }
  });

  it('the viewer given the same report still lists every BLANK finding, one by one', async () => {
    const ed = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('summary')}></disclosure-report-editor>`,
    );
    ed.startNew({ year: 2025, agency: '某某市某某局' });
    await ed.whenValidated();
    const report = ed.report;
    const el = await fixture<DisclosureReport>(html`<disclosure-report .report=${report}></disclosure-report>`);
    const h = new DisclosureReportHarness(el);
    await h.ready();
    const blanks = el.result!.findings.filter((f) => f.rule === 'BLANK' && f.status === 'fail');
    expect(blanks.length).to.equal(ed.result!.findings.filter((f) => f.rule === 'BLANK' && f.status === 'fail').length);
    const items = [...h.root.querySelectorAll<HTMLLIElement>('.summary ul.findings > li')];
    expect(items.filter((li) => li.textContent!.includes('BLANK')).length).to.equal(blanks.length);
    expect(h.root.querySelector('.blanks, .summary button')).to.equal(null);
  });
});
