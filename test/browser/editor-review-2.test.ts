/**
 * <disclosure-report-editor> as agency staff use it (second review): undo after a table pasted from
 * Word, clearing the optional publication date, where a blocked submit takes the user.
 */
import { fixture, html, expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/editor/index.js';
import '../../src/define.js';
import type { DisclosureReportEditor } from '../../src/elements/disclosure-report-editor.js';
import { parseReport } from '../../src/rules/index.js';
import { focused, freshKey, paste, until } from './editor-harness.js';

async function editor(): Promise<DisclosureReportEditor> {
  const el = await fixture<DisclosureReportEditor>(
    html`<disclosure-report-editor storage-key=${freshKey('review2')}></disclosure-report-editor>`,
  );
  el.startNew({ year: 2025, agency: '示例局' });
  await el.whenValidated();
  return el;
}
const input = (el: DisclosureReportEditor, path: string) =>
  el.shadowRoot!.querySelector<HTMLInputElement>(`[data-path="${path}"]:is(input, textarea)`)!;
const data = (el: DisclosureReportEditor) => el.report as any;

/** Table 四 as Word puts it on the clipboard (merged header cells, <p> in cells). */
const WORD_APPEALS = `<html><body><table border=1>
<tr><td colspan=5><p>行政复议</p></td><td colspan=10><p>行政诉讼</p></td></tr>
<tr><td rowspan=2>结果维持</td><td rowspan=2>结果纠正</td><td rowspan=2>其他结果</td><td rowspan=2>尚未审结</td><td rowspan=2>总计</td><td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
<tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>
</table></body></html>`;

describe('<disclosure-report-editor> review 2', () => {
  afterEach(() => localStorage.clear());

  it('undo right after a table pasted from Word takes back the whole paste, not only the focused cell', async () => {
    const el = await editor();
    const target = input(el, 'appeals.reconsideration.upheld');
    target.focus();
    paste(target, { 'text/html': WORD_APPEALS, 'text/plain': '1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t2\t0\t0\t0\t2' });
    await until(() => data(el).appeals.litigationAfterReconsideration.total === 2, 'the Word table');
    await el.whenValidated();
    expect(data(el).appeals.reconsideration.upheld).to.equal(1);
    expect(focused(el)).to.equal('appeals.reconsideration.upheld');
    expect(el.undo()).to.equal(true);
    await el.whenValidated();
    const a = data(el).appeals;
    for (const row of ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'])
      for (const col of ['upheld', 'corrected', 'other', 'pending', 'total'])
        expect(a[row][col], `${row}.${col}`).to.equal(null);
    expect(el.redo()).to.equal(true);
    await el.whenValidated();
    expect(data(el).appeals.litigationAfterReconsideration.upheld).to.equal(2);
    expect(data(el).appeals.reconsideration.upheld).to.equal(1);
  });

  it('clearing the optional publication date removes it: no SCHEMA error, the export passes parseReport', async () => {
    const el = await editor();
    const date = input(el, 'publishedOn');
    date.focus();
    date.value = '2026-01-20';
    date.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.whenValidated();
    expect(data(el).publishedOn).to.equal('2026-01-20');
    date.value = ''; // cleared, or a date typed only in part (a date input's value is then '')
    date.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.whenValidated();
    expect(el.result!.findings.filter((f) => f.rule === 'SCHEMA')).to.deep.equal([]);
    expect('publishedOn' in data(el)).to.equal(false);
    expect(parseReport(JSON.stringify(el.report)).ok).to.equal(true);
    expect(el.checkValidity()).to.equal(true);
  });

  it('a submit blocked by an error takes the user to the cell the error is marked on (a total), not the row’s first cell', async () => {
    const el = await editor();
    const values = [3, 1, 0, 0, 0, 0, 9];
    const cols = ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];
    cols.forEach((c, i) => {
      const cell = input(el, `applications.newReceived.${c}`);
      cell.focus();
      cell.value = String(values[i]);
      cell.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    });
    input(el, 'sections.overview').focus();
    await el.whenValidated();
    expect(el.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.contain('实为 9');
    el.reportValidity();
    await el.whenValidated();
    expect(focused(el)).to.equal('applications.newReceived.total');
    expect(input(el, 'applications.newReceived.total').getAttribute('aria-invalid')).to.equal('true');
  });

  it('switching the language re-words what is on screen: no Chinese status or JSON error left in an English editor', async () => {
    const el = await editor();
    const cell = input(el, 'proactive.regulations.issued');
    cell.focus();
    cell.value = '5';
    cell.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    el.undo();
    await el.whenValidated();
    const status = () => el.shadowRoot!.querySelector('.status')!.textContent!;
    expect(status()).to.match(/[\u4e00-\u9fff]/);
    el.report = '{"format": "2021",';
    await el.whenValidated();
    const error = () => el.shadowRoot!.querySelector('.error')!.textContent!;
    expect(error()).to.match(/[\u4e00-\u9fff]/);
    el.lang = 'en';
    await el.whenValidated();
    expect(status()).not.to.match(/[\u4e00-\u9fff]/);
    expect(error()).not.to.match(/[\u4e00-\u9fff]/);
    expect(error()).to.contain('line 1');
  });

  it('a submit blocked by an error about a field (the year cleared) takes the user to that field', async () => {
    const el = await editor();
    const year = input(el, 'year');
    year.focus();
    year.value = '';
    year.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    input(el, 'title').focus();
    await el.whenValidated();
    expect(el.checkValidity()).to.equal(false);
    // without an anchor in the editor, Chromium says "An invalid form control … is not focusable" and focuses nothing
    expect(el.reportValidity()).to.equal(false);
    expect(focused(el)).to.equal('year');
  });

  it('in English the offer does not say "the rows add up" where no rows are added (现行有效 from last year, a row total from its columns)', async () => {
    const el = await fixture<DisclosureReportEditor>(
      html`<disclosure-report-editor lang="en" storage-key=${freshKey('review2')}></disclosure-report-editor>`,
    );
    const previous = { ...((await editor()).report as object) };
    (previous as any).proactive.regulations.inForce = 10;
    el.startNew({ year: 2026, agency: '示例局', previous });
    await el.whenValidated();
    const type = (path: string, v: string) => {
      const cell = input(el, path);
      cell.focus();
      cell.value = v;
      cell.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    };
    type('proactive.regulations.issued', '5');
    type('proactive.regulations.repealed', '2');
    ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'].forEach((c) =>
      type(`applications.newReceived.${c}`, '1'),
    );
    await el.whenValidated();
    const hint = (path: string) => el.shadowRoot!.querySelector(`[data-offer="${path}"]`)!.getAttribute('aria-label')!;
    expect(hint('proactive.regulations.inForce')).to.contain('13');
    expect(hint('applications.newReceived.total')).to.contain('6');
    for (const path of ['proactive.regulations.inForce', 'applications.newReceived.total'])
      expect(hint(path)).not.to.match(/rows/);
  });

  it('the title startNew made follows the year and agency typed in their fields (one undo step); a title written by hand stays', async () => {
    const el = await editor();
    const type = async (path: string, v: string) => {
      const field = input(el, path);
      field.focus();
      field.value = v;
      field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      field.blur();
      await el.whenValidated();
    };
    expect(data(el).title).to.equal('示例局2025年政府信息公开工作年度报告');
    await type('year', '2026');
    expect(data(el).title).to.equal('示例局2026年政府信息公开工作年度报告');
    await type('agency.name', '示例市示例局');
    expect(data(el).title).to.equal('示例市示例局2026年政府信息公开工作年度报告');
    expect(el.shadowRoot!.querySelector('#dr-title')!.textContent).to.contain('示例市示例局2026年');
    el.undo();
    await el.whenValidated();
    expect(data(el).agency.name).to.equal('示例局');
    expect(data(el).title).to.equal('示例局2026年政府信息公开工作年度报告');
    // from the year straight into the title (a click): the title shown is the new one, and typing goes on from it
    const year = input(el, 'year');
    year.focus();
    year.value = '2028';
    year.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    input(el, 'title').focus();
    await el.whenValidated();
    expect(input(el, 'title').value).to.equal('示例局2028年政府信息公开工作年度报告');
    await sendKeys({ press: 'End' });
    await sendKeys({ type: '（草稿）' });
    await el.whenValidated();
    expect(data(el).title).to.equal('示例局2028年政府信息公开工作年度报告（草稿）');
    await type('title', '关于2026年度信息公开工作的报告');
    await type('year', '2027');
    expect(data(el).title).to.equal('关于2026年度信息公开工作的报告');
  });

  it('a block copied from Excel (its clipboard has an HTML table of numbers too) lands from the focused cell', async () => {
    const el = await editor();
    const target = input(el, 'applications.granted.natural');
    target.focus();
    const row = ['5', '1', '0', '0', '0', '0', '6'];
    const excel = `<html><head><style>td{font-family:宋体}</style></head><body><!--StartFragment--><table><tr>${row.map((v) => `<td class=xl65 align=right>${v}</td>`).join('')}</tr></table></body></html>`;
    paste(target, { 'text/html': excel, 'text/plain': row.join('\t') + '\r\n' });
    await until(() => data(el).applications.granted.total === 6, 'the Excel block');
    await el.whenValidated();
    const a = data(el).applications;
    expect(a.granted).to.deep.equal({
      natural: 5,
      commercial: 1,
      research: 0,
      publicInterest: 0,
      legalService: 0,
      otherOrg: 0,
      total: 6,
    });
    expect(a.newReceived.natural).to.equal(null);
    // one cell copied from Excel: the browser's own paste into the focused input, nothing placed elsewhere
    const one = input(el, 'applications.partiallyGranted.natural');
    one.focus();
    const dt = new DataTransfer();
    dt.setData('text/html', '<html><body><table><tr><td>7</td></tr></table></body></html>');
    dt.setData('text/plain', '7\r\n');
    const event = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, composed: true, cancelable: true });
    one.dispatchEvent(event);
    expect(event.defaultPrevented).to.equal(false);
  });

  it('a block copied with its column headings only (no row labels) is not placed in the table’s first row', async () => {
    const el = await editor();
    const target = input(el, 'applications.granted.natural');
    target.focus();
    const heads = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
    const row = ['5', '1', '0', '0', '0', '0', '6'];
    const tr = (cells: string[]) => `<tr>${cells.map((v) => `<td>${v}</td>`).join('')}</tr>`;
    paste(target, {
      'text/html': `<html><body><table>${tr(heads)}${tr(row)}</table></body></html>`,
      'text/plain': `${heads.join('\t')}\r\n${row.join('\t')}\r\n`,
    });
    await until(() => el.shadowRoot!.querySelector('.status')!.textContent !== '', 'the paste');
    await el.whenValidated();
    const a = data(el).applications;
    expect(a.newReceived.natural).to.equal(null);
    expect(a.newReceived.total).to.equal(null);
    // pasted as the block it is, from the focused cell: the headings visible as text where they landed
    expect(a.granted.natural).to.equal('自然人');
    expect(a.partiallyGranted.natural).to.equal(5);
  });
});
