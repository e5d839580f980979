/**
 * <disclosure-report-editor> in Chromium: typing with live marks, the total offer, block paste from
 * Excel/WPS and tables from Word, undo/redo, the draft kept across a reload, the form gate and
 * FormData, keyboard moves, last year's carry-over, and axe.
 */
import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/editor/index.js';
import type { DisclosureReportEditor } from '../../src/elements/disclosure-report-editor.js';
import { busyReport, clone } from './reports.js';
import { chord, editor, freshKey, paste, until } from './editor-harness.js';

const input = (el: DisclosureReportEditor, path: string) =>
  el.shadowRoot!.querySelector<HTMLInputElement>(`input[data-path="${path}"]`)!;
const td = (el: DisclosureReportEditor, path: string) => input(el, path).closest('td')!;
const marks = (el: DisclosureReportEditor, path: string) => td(el, path).querySelector('.flags')?.textContent ?? '';

async function typeInto(el: DisclosureReportEditor, path: string, text: string) {
  input(el, path).focus();
  await sendKeys({ type: text });
  await el.whenValidated();
}

/** Keys pressed with modifiers held (released even when the press fails, so no later test types with Control down). */

describe('<disclosure-report-editor>', () => {
  afterEach(() => localStorage.clear());

  it('a new report: the official tables with an input in every cell, all blank, labelled by row and column', async () => {
    const el = await editor(html`<disclosure-report-editor storage-key=${freshKey()}></disclosure-report-editor>`);
    el.startNew({ year: 2025, agency: '某某市某某局' });
    await el.whenValidated();
    const inputs = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('td input[data-path]')];
    expect(inputs.length).to.be.greaterThan(100);
    expect(inputs.every((i) => i.value === '')).to.equal(true);
    expect(input(el, 'applications.newReceived.natural').getAttribute('aria-label')).to.contain('自然人');
    expect(input(el, 'applications.newReceived.natural').getAttribute('aria-label')).to.contain('本年新收');
    expect((el.report as any).applications.newReceived.natural).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('textarea.prose-input').length).to.equal(3);
  });

  it('a report filled in from blank marks a blank cell only once it was visited, or on submit', async () => {
    const el = await editor(html`<disclosure-report-editor storage-key=${freshKey()}></disclosure-report-editor>`);
    el.startNew({ year: 2025, agency: 'x' });
    await el.whenValidated();
    expect(el.result!.findings.filter((f) => f.rule === 'BLANK').length).to.be.greaterThan(10);
    expect(el.shadowRoot!.querySelectorAll('td.fail').length).to.equal(0);
    // no verdict on a table still being filled in: how many cells are left
    expect(el.shadowRoot!.querySelector('[data-section="applications"] .badge')!.textContent).to.match(
      /尚有 \d+ 处未填/,
    );
    input(el, 'applications.newReceived.natural').focus();
    input(el, 'applications.newReceived.commercial').focus();
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('td.fail')].map((t) => t.getAttribute('data-path'))).to.deep.equal([
      'applications.newReceived.natural',
    ]);
    el.reportValidity();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('td.fail').length).to.be.greaterThan(10);
  });

  it('typing updates the marks live, in the cell, and never turns a blank into 0', async () => {
    const report = busyReport();
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey()} .report=${report}></disclosure-report-editor>`,
    );
    expect(el.result!.summary.errors).to.equal(0);
    await typeInto(el, 'applications.newReceived.natural', String(report.applications.newReceived.natural + 1));
    await until(() => el.result!.summary.errors > 0, 'an error');
    expect(el.shadowRoot!.querySelector('td.fail .flags')).not.to.equal(null);
    // erasing the cell makes it blank (null), not 0
    input(el, 'applications.newReceived.natural').select();
    await sendKeys({ press: 'Backspace' });
    await el.whenValidated();
    expect((el.report as any).applications.newReceived.natural).to.equal(null);
    expect(input(el, 'applications.newReceived.natural').value).to.equal('');
  });

  it('a total cell offers its computed value, accepted with = or a click, never written over what was typed', async () => {
    const report = busyReport();
    const want = report.applications.granted.total;
    report.applications.granted.total = null;
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey()} .report=${report}></disclosure-report-editor>`,
    );
    const offer = () => td(el, 'applications.granted.total').querySelector<HTMLButtonElement>('button.offer');
    expect(offer()?.textContent).to.contain(String(want));
    expect((el.report as any).applications.granted.total).to.equal(null);
    input(el, 'applications.granted.total').focus();
    await sendKeys({ press: '=' });
    await el.whenValidated();
    expect((el.report as any).applications.granted.total).to.equal(want);
    expect(offer()).to.equal(null);
    // a different value typed stays; the offer comes back beside it
    await typeInto(el, 'applications.granted.total', String(want + 5));
    expect((el.report as any).applications.granted.total).to.equal(want + 5);
    await until(() => !!offer(), 'the offer');
    offer()!.click();
    await el.whenValidated();
    expect((el.report as any).applications.granted.total).to.equal(want);
  });

  it('arrows, Enter and Tab move like a spreadsheet; Escape restores; Delete blanks', async () => {
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey()} .report=${busyReport()}></disclosure-report-editor>`,
    );
    const focused = () => (el.shadowRoot!.activeElement as HTMLInputElement | null)?.dataset['path'];
    input(el, 'applications.newReceived.natural').focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()).to.equal('applications.newReceived.commercial');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()).to.equal('applications.carriedOver.commercial');
    await sendKeys({ press: 'Enter' });
    expect(focused()).to.equal('applications.granted.commercial');
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('applications.granted.research');
    await chord(['Shift'], 'Tab');
    expect(focused()).to.equal('applications.granted.commercial');
    const before = (el.report as any).applications.granted.commercial;
    await sendKeys({ type: '999' });
    await el.whenValidated();
    expect((el.report as any).applications.granted.commercial).to.equal(999);
    await sendKeys({ press: 'Escape' });
    await el.whenValidated();
    expect((el.report as any).applications.granted.commercial).to.equal(before);
    expect(input(el, 'applications.granted.commercial').value).to.equal(String(before));
    await sendKeys({ press: 'Delete' });
    await el.whenValidated();
    expect((el.report as any).applications.granted.commercial).to.equal(null);
  });

  it('a block pasted from Excel or WPS fills right and down; undo takes the whole paste back, redo again', async () => {
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey()} .report=${busyReport()}></disclosure-report-editor>`,
    );
    const start = input(el, 'applications.granted.natural');
    start.focus();
    const before = clone((el.report as any).applications);
    paste(start, { 'text/plain': '1\t2\t3\r\n4\t5\t6\r\n' });
    await el.whenValidated();
    const a = (el.report as any).applications;
    expect([a.granted.natural, a.granted.commercial, a.granted.research]).to.deep.equal([1, 2, 3]);
    expect([a.partiallyGranted.natural, a.partiallyGranted.commercial, a.partiallyGranted.research]).to.deep.equal([
      4, 5, 6,
    ]);
    await chord(['Control'], 'z');
    await el.whenValidated();
    expect((el.report as any).applications).to.deep.equal(before);
    await chord(['Control'], 'y');
    await el.whenValidated();
    expect((el.report as any).applications.partiallyGranted.research).to.equal(6);
    await chord(['Control', 'Shift'], 'Z'); // nothing left to redo: no change
    expect((el.report as any).applications.partiallyGranted.research).to.equal(6);
  });

  it('each typed cell edit is one undo step', async () => {
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey()} .report=${busyReport()}></disclosure-report-editor>`,
    );
    const a0 = (el.report as any).applications.granted.natural;
    await typeInto(el, 'applications.granted.natural', '41');
    await typeInto(el, 'applications.granted.commercial', '42');
    expect(el.undo()).to.equal(true);
    await el.whenValidated();
    expect((el.report as any).applications.granted.commercial).not.to.equal(42);
    expect((el.report as any).applications.granted.natural).to.equal(41);
    el.undo();
    await el.whenValidated();
    expect((el.report as any).applications.granted.natural).to.equal(a0);
  });

  it('a table copied from Word (HTML on the clipboard) lands by its row labels through the importer', async () => {
    const el = await editor(html`<disclosure-report-editor storage-key=${freshKey()}></disclosure-report-editor>`);
    el.startNew({ year: 2025, agency: 'x' });
    await el.whenValidated();
    const word = `<html><body><table border=1>
      <tr><td colspan=3 rowspan=2>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=7>申请人情况</td></tr>
      <tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>
      <tr><td colspan=3></td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
      <tr><td colspan=3>一、本年新收政府信息公开申请数量</td><td>7</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>8</td></tr>
      <tr><td colspan=3>二、上年结转政府信息公开申请数量</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>
    </table></body></html>`;
    const target = input(el, 'appeals.reconsideration.upheld'); // anywhere: labels decide where cells go
    target.focus();
    paste(target, { 'text/html': word, 'text/plain': '7\t1\t0\t0\t0\t0\t8' });
    await until(() => (el.report as any).applications.newReceived.natural === 7, 'the Word table');
    const a = (el.report as any).applications;
    expect(a.newReceived.total).to.equal(8);
    expect(a.carriedOver.natural).to.equal(2);
    expect((el.report as any).appeals.reconsideration.upheld).to.equal(null);
  });

  it('the draft is kept in the browser and opened again after a reload, with a notice and a way to discard it', async () => {
    const key = freshKey();
    const first = await editor(html`<disclosure-report-editor storage-key=${key}></disclosure-report-editor>`);
    first.startNew({ year: 2025, agency: '草稿局' });
    await first.whenValidated();
    await typeInto(first, 'applications.newReceived.natural', '17');
    first.remove(); // the page goes away (reload, crash)
    const again = await editor(html`<disclosure-report-editor storage-key=${key}></disclosure-report-editor>`);
    expect((again.report as any).applications.newReceived.natural).to.equal(17);
    const notice = again.shadowRoot!.querySelector('.notice');
    expect(notice?.textContent).to.contain('草稿');
    notice!.querySelector('button')!.click();
    await again.whenValidated();
    expect((again.report as any).applications.newReceived.natural).to.equal(null);
    expect(localStorage.getItem(`disclosure-report-editor:${key}`)).to.equal(null);
  });

  it('startNew opens the kept draft of the same agency and year instead of a blank report', async () => {
    const a = await editor(html`<disclosure-report-editor></disclosure-report-editor>`);
    a.startNew({ year: 2031, agency: '续写局' });
    await a.whenValidated();
    await typeInto(a, 'proactive.regulations.issued', '3');
    a.remove();
    const b = await editor(html`<disclosure-report-editor></disclosure-report-editor>`);
    b.startNew({ year: 2031, agency: '续写局' });
    await b.whenValidated();
    expect((b.report as any).proactive.regulations.issued).to.equal(3);
  });

  it('with storage-key, startNew for another agency or year starts that report, not the kept draft of another', async () => {
    const key = freshKey();
    const a = await editor(html`<disclosure-report-editor storage-key=${key}></disclosure-report-editor>`);
    a.startNew({ year: 2031, agency: '甲局' });
    await a.whenValidated();
    await typeInto(a, 'proactive.regulations.issued', '3');
    a.remove();
    const b = await editor(html`<disclosure-report-editor storage-key=${key}></disclosure-report-editor>`);
    b.startNew({ year: 2031, agency: '乙局' });
    await b.whenValidated();
    expect((b.report as any).agency.name).to.equal('乙局');
    expect((b.report as any).proactive.regulations.issued).to.equal(null);
    expect(b.shadowRoot!.querySelector('.notice')).to.equal(null);
    // the same agency and year: the kept draft
    b.startNew({ year: 2031, agency: '甲局' });
    await b.whenValidated();
    expect((b.report as any).proactive.regulations.issued).to.equal(3);
  });

  it('without storage-key, a reload opens the draft this editor saved (one editor on the page)', async () => {
    const page = await fixture<HTMLElement>(html`<div><disclosure-report-editor></disclosure-report-editor></div>`);
    const first = page.querySelector<DisclosureReportEditor>('disclosure-report-editor')!;
    await first.whenValidated();
    await typeInto(first, 'applications.newReceived.natural', '23');
    first.remove(); // reload
    page.append(document.createElement('disclosure-report-editor'));
    const again = page.querySelector<DisclosureReportEditor>('disclosure-report-editor')!;
    await again.whenValidated();
    expect((again.report as any).applications.newReceived.natural).to.equal(23);
    expect(again.shadowRoot!.querySelector('.notice')?.textContent).to.contain('草稿');
  });

  it('without storage-key, two editors on one page each reopen their own draft after a reload', async () => {
    const markup = () => html`<div>
      <disclosure-report-editor></disclosure-report-editor>
      <section><disclosure-report-editor></disclosure-report-editor></section>
    </div>`;
    const editors = async (page: HTMLElement) => {
      const els = [...page.querySelectorAll<DisclosureReportEditor>('disclosure-report-editor')];
      for (const el of els) await el.whenValidated();
      return els;
    };
    let page = await fixture<HTMLElement>(markup());
    let [a, b] = await editors(page);
    // both start from the same blank report (no agency, same year): the same agency + year
    await typeInto(a!, 'applications.newReceived.natural', '31');
    await typeInto(b!, 'applications.newReceived.natural', '47');
    await typeInto(a!, 'applications.carriedOver.natural', '5'); // a saves last
    page.remove(); // reload
    page = await fixture<HTMLElement>(markup());
    [a, b] = await editors(page);
    expect((a!.report as any).applications.newReceived.natural).to.equal(31);
    expect((a!.report as any).applications.carriedOver.natural).to.equal(5);
    expect((b!.report as any).applications.newReceived.natural).to.equal(47);
    expect((b!.report as any).applications.carriedOver.natural).to.equal(null);
    // discarding one editor's draft leaves the other's
    a!.discardDraft();
    page.remove();
    page = await fixture<HTMLElement>(markup());
    [a, b] = await editors(page);
    expect((a!.report as any).applications.newReceived.natural).to.equal(null);
    expect((b!.report as any).applications.newReceived.natural).to.equal(47);
  });

  it('without storage-key, an editor with an id keeps its draft wherever it sits; another page path has none', async () => {
    const back = location.href;
    try {
      const one = await editor(html`<disclosure-report-editor id="annual"></disclosure-report-editor>`);
      await typeInto(one, 'applications.newReceived.natural', '19');
      one.remove();
      const page = await fixture<HTMLElement>(
        html`<div><disclosure-report-editor></disclosure-report-editor><disclosure-report-editor id="annual"></disclosure-report-editor></div>`,
      );
      const [other, moved] = [...page.querySelectorAll<DisclosureReportEditor>('disclosure-report-editor')];
      await other!.whenValidated();
      await moved!.whenValidated();
      expect((moved!.report as any).applications.newReceived.natural).to.equal(19);
      expect((other!.report as any).applications.newReceived.natural).to.equal(null);
      page.remove();
      history.replaceState(null, '', '/another/back-office-page.html');
      const elsewhere = await editor(html`<disclosure-report-editor id="annual"></disclosure-report-editor>`);
      expect((elsewhere.report as any).applications.newReceived.natural).to.equal(null);
      expect(elsewhere.shadowRoot!.querySelector('.notice')).to.equal(null);
    } finally {
      history.replaceState(null, '', back);
    }
  });

  it('startNew before the editor is in the page opens its draft once it is', async () => {
    const a = await editor(html`<disclosure-report-editor></disclosure-report-editor>`);
    a.startNew({ year: 2032, agency: '后挂局' });
    await a.whenValidated();
    await typeInto(a, 'proactive.regulations.issued', '4');
    const parent = a.parentElement!;
    a.remove();
    const b = document.createElement('disclosure-report-editor') as DisclosureReportEditor;
    b.startNew({ year: 2032, agency: '后挂局' });
    parent.append(b);
    await b.whenValidated();
    expect((b.report as any).proactive.regulations.issued).to.equal(4);
    expect(b.shadowRoot!.querySelector('.notice')?.textContent).to.contain('草稿');
  });

  it('a form field: FormData holds the report JSON; errors block submission unless allow-errors', async () => {
    const report = busyReport();
    const form = await fixture<HTMLFormElement>(html`<form>
      <disclosure-report-editor name="report" storage-key=${freshKey()} .report=${report}></disclosure-report-editor>
    </form>`);
    const el = form.querySelector('disclosure-report-editor')!;
    await el.whenValidated();
    expect(form.checkValidity()).to.equal(true);
    expect(JSON.parse(new FormData(form).get('report') as string)).to.deep.equal(report);
    await typeInto(el, 'applications.total.natural', String(report.applications.total.natural + 3));
    expect(form.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.match(/\d+ 处错误/);
    expect(el.validationMessage).to.contain(
      el.result!.findings.find((f) => f.severity === 'error' && f.status === 'fail')!.message,
    );
    el.allowErrors = true;
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    expect(JSON.parse(new FormData(form).get('report') as string).applications.total.natural).to.equal(
      report.applications.total.natural + 3,
    );
  });

  it('input and change events; the viewer’s validated event', async () => {
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey()} .report=${busyReport()}></disclosure-report-editor>`,
    );
    const inputs: Event[] = [];
    const changes: Event[] = [];
    el.addEventListener('input', (e) => inputs.push(e));
    el.addEventListener('change', (e) => changes.push(e));
    const validated = oneEvent(el, 'disclosure-report-validated');
    await typeInto(el, 'applications.granted.natural', '12');
    await validated;
    expect(inputs.length).to.be.at.least(1);
    input(el, 'applications.granted.commercial').focus(); // leaving the cell commits it
    expect(changes.length).to.equal(1);
  });

  it('with last year’s report: 上年结转 carried per column, 现行有效 offered (X-INFORCE), X-CARRY live', async () => {
    const previous = busyReport();
    previous.year = 2024;
    previous.applications.carriedForward.natural = 4;
    const el = await editor(html`<disclosure-report-editor storage-key=${freshKey()}></disclosure-report-editor>`);
    el.startNew({ year: 2025, agency: '测试市测试局', previous });
    await el.whenValidated();
    expect((el.report as any).applications.carriedOver.natural).to.equal(4);
    expect(input(el, 'applications.carriedOver.natural').value).to.equal('4');
    await typeInto(el, 'proactive.normativeDocuments.issued', '2');
    await typeInto(el, 'proactive.normativeDocuments.repealed', '1');
    const offer = td(el, 'proactive.normativeDocuments.inForce').querySelector('button.offer');
    expect(offer?.textContent).to.contain(String(previous.proactive.normativeDocuments.inForce + 1));
    await typeInto(el, 'applications.carriedOver.natural', '9');
    await until(() => el.result!.findings.some((f) => f.rule === 'X-CARRY' && f.status === 'fail'), 'X-CARRY');
  });

  it('the summary links focus the cell input; the focused cell’s findings are announced politely', async () => {
    const report = busyReport();
    report.applications.total.natural += 1;
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey()} .report=${report}></disclosure-report-editor>`,
    );
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('.summary .findings a')!;
    link.click();
    await el.updateComplete;
    const active = el.shadowRoot!.activeElement as HTMLInputElement;
    expect(active.localName).to.equal('input');
    await until(
      () => (el.shadowRoot!.querySelector('[aria-live="polite"]')?.textContent ?? '').length > 0,
      'the announcement',
    );
    expect(marks(el, active.dataset['path']!)).not.to.equal('');
  });

  it('imports a published text through the importer, keeping its format; one undo step', async () => {
    const el = await editor(html`<disclosure-report-editor storage-key=${freshKey()}></disclosure-report-editor>`);
    el.startNew({ year: 2025 });
    await el.whenValidated();
    const text = await (await fetch('/test/fixtures/published/huaian-gov-2024-pdf-text.txt')).text();
    await el.importFrom(text);
    await el.whenValidated();
    const r = el.report as any;
    expect(r.agency.name).to.contain('淮安');
    expect(typeof r.applications.newReceived.total).to.equal('number');
    el.undo();
    await el.whenValidated();
    expect((el.report as any).applications.newReceived.total).to.equal(null);
  });

  it('exports: the CMS snippet embeds the report and the static tables', async () => {
    const report = busyReport();
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey()} .report=${report}></disclosure-report-editor>`,
    );
    const snippet = el.cmsSnippet();
    expect(snippet).to.match(/^<disclosure-report/);
    expect(snippet).to.contain('application/json');
    expect(snippet).to.contain('<table');
  });

  it('is accessible (axe), in Chinese and English, valid and with errors', async () => {
    const report = busyReport();
    report.applications.total.natural += 1;
    for (const lang of ['zh-CN', 'en']) {
      const el = await editor(
        html`<disclosure-report-editor lang=${lang} storage-key=${freshKey()} .report=${report}></disclosure-report-editor>`,
      );
      await expect(el).to.be.accessible();
    }
  });

  it('a number JSON.parse reads inexactly (report given as JSON text, or imported) is shown and exported as written', async () => {
    const text = JSON.stringify(busyReport())
      .replace(/"newReceived":\{"natural":\d+/, '"newReceived":{"natural":9007199254740993')
      .replace(/"fees":\{"amount":("[^"]*"|[\d.]+)/, '"fees":{"amount":0.30000000000000000001')
      .replace(/"licensing":\{"decisions":\d+/, '"licensing":{"decisions":1e400');
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey()} .report=${text}></disclosure-report-editor>`,
    );
    const check = () => {
      expect(input(el, 'applications.newReceived.natural').value).to.equal('9007199254740993');
      expect(input(el, 'proactive.fees.amount').value).to.equal('0.30000000000000000001');
      expect(input(el, 'proactive.licensing.decisions').value).to.equal('1e400'); // not blank (JSON.stringify(Infinity) is null)
      const out = JSON.stringify(el.report);
      expect(out).to.contain('9007199254740993').and.not.to.contain('9007199254740992');
      expect(out).to.contain('0.30000000000000000001');
      // a money decimal is checked exactly as written, a count beyond 2^53 is reported, not rounded
      expect(marks(el, 'applications.newReceived.natural')).not.to.equal('');
    };
    check();
    el.startNew({ year: 2025, agency: 'x' });
    await el.whenValidated();
    await el.importFrom(text);
    await el.whenValidated();
    check();
  });
});
