/**
 * <disclosure-report-editor> as its users use it (review of issue 13): Chinese input methods, keys on
 * the title fields, a disabled form, what the editor says to sighted users, the focused cell's
 * announcements while typing, form reset.
 */
import { fixture, html, expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/editor/index.js';
import '../../src/define.js';
import type { DisclosureReportEditor } from '../../src/elements/disclosure-report-editor.js';
import { busyReport, zeroReport } from './reports.js';
import { chord, editor, focused, freshKey, paste, until } from './editor-harness.js';

const $ = <T extends Element>(el: DisclosureReportEditor, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const input = (el: DisclosureReportEditor, path: string) =>
  $<HTMLInputElement>(el, `[data-path="${path}"]:is(input, textarea)`);

/** What an IME does to an input: composition events, input events flagged isComposing, then the committed text. */
function compose(target: HTMLInputElement, steps: string[], committed: string) {
  target.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, composed: true, data: '' }));
  for (const s of steps) {
    target.value = s;
    target.dispatchEvent(new CompositionEvent('compositionupdate', { bubbles: true, composed: true, data: s }));
    target.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, isComposing: true, data: s }));
  }
  target.value = committed;
  // Chromium: the last input event still says isComposing, then compositionend
  target.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, isComposing: true, data: committed }));
  target.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, composed: true, data: committed }));
}

describe('<disclosure-report-editor> review', () => {
  afterEach(() => localStorage.clear());

  it('a value typed through an input method is parsed once committed, not while composing', async () => {
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('review')} .report=${busyReport()}></disclosure-report-editor>`,
    );
    const path = 'applications.granted.natural';
    const before = (el.report as any).applications.granted.natural;
    const cell = input(el, path);
    cell.focus();
    const seen: unknown[] = [];
    el.addEventListener('input', () => seen.push((el.report as any).applications.granted.natural));
    cell.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, composed: true, data: '' }));
    cell.value = 'y';
    cell.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, isComposing: true, data: 'y' }));
    await el.whenValidated();
    expect((el.report as any).applications.granted.natural, 'not parsed mid-composition').to.equal(before);
    // Enter and arrows confirm or move within the candidate list: the cell is not left
    cell.dispatchEvent(
      new KeyboardEvent('keydown', {
        key: 'Enter',
        bubbles: true,
        composed: true,
        cancelable: true,
        isComposing: true,
      }),
    );
    cell.dispatchEvent(
      new KeyboardEvent('keydown', {
        key: 'ArrowDown',
        bubbles: true,
        composed: true,
        cancelable: true,
        isComposing: true,
      }),
    );
    expect(focused(el)).to.equal(path);
    cell.value = '１２';
    cell.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, isComposing: true, data: '１２' }));
    cell.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, composed: true, data: '１２' }));
    await el.whenValidated();
    expect((el.report as any).applications.granted.natural).to.equal(12);
    expect(seen).not.to.include('y');
    compose(input(el, 'applications.granted.commercial'), ['１', '１，２'], '１，２３４');
    await el.whenValidated();
    expect((el.report as any).applications.granted.commercial).to.equal(1234);
  });

  it('a title typed through an input method is kept as committed', async () => {
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('review')} .report=${busyReport()}></disclosure-report-editor>`,
    );
    const title = input(el, 'title');
    title.focus();
    compose(title, ['bao', '报'], '报告');
    await el.whenValidated();
    expect((el.report as any).title).to.equal('报告');
  });

  it('Delete and = in the title fields edit text; they do not blank the field to null', async () => {
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('review')} .report=${busyReport()}></disclosure-report-editor>`,
    );
    const title = input(el, 'title');
    title.focus();
    title.select();
    await sendKeys({ press: 'Delete' });
    await sendKeys({ type: '新标题' });
    await el.whenValidated();
    expect((el.report as any).title).to.equal('新标题');
    const agency = input(el, 'agency.name');
    agency.focus();
    agency.setSelectionRange(0, 0);
    agency.value = '';
    agency.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await sendKeys({ press: 'Delete' });
    await el.whenValidated();
    expect((el.report as any).agency.name).to.equal('');
  });

  it('Tab at the last cell and Shift+Tab at the first leave the grid', async () => {
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('review')} .report=${busyReport()}></disclosure-report-editor>`,
    );
    const cells = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('td input')];
    cells.at(-1)!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.closest('td') ?? null).to.equal(null);
    cells[0]!.focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(el.shadowRoot!.activeElement?.closest('td') ?? null).to.equal(null);
  });

  it('a disabled editor (a disabled fieldset) offers no editing at all: inputs, text areas, undo, import, discard', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><fieldset disabled>
      <disclosure-report-editor name="r" storage-key=${freshKey('review')} .report=${busyReport()}></disclosure-report-editor>
    </fieldset></form>`);
    const el = form.querySelector('disclosure-report-editor')!;
    await el.whenValidated();
    await el.updateComplete;
    const controls = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input, textarea')];
    expect(controls.filter((c) => !c.disabled).map((c) => c.id || c.dataset['path'])).to.deep.equal([]);
    const toolbar = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.toolbar button')];
    const enabled = toolbar.filter((b) => !b.disabled).map((b) => b.textContent);
    expect(enabled).to.deep.equal(['导出 JSON', '复制 CMS 代码', '打印']);
    expect(new FormData(form).get('r')).to.equal(null);
    form.querySelector('fieldset')!.disabled = false;
    await el.updateComplete;
    expect(input(el, 'applications.granted.natural').disabled).to.equal(false);
  });

  it('what an action did is shown, not only announced: a paste too large for the table, storage that refuses the draft', async () => {
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('review')} .report=${busyReport()}></disclosure-report-editor>`,
    );
    const cell = input(el, 'appeals.litigationAfterReconsideration.total');
    cell.focus();
    const dt = new DataTransfer();
    dt.setData('text/plain', '1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\t13\t14\t15\t16\n');
    cell.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, composed: true, cancelable: true }),
    );
    await el.whenValidated();
    const status = () => el.shadowRoot!.querySelector<HTMLElement>('.status')?.textContent ?? '';
    expect(status()).to.match(/超出表格未粘贴/);
    expect(el.shadowRoot!.querySelector<HTMLElement>('.status')!.checkVisibility()).to.equal(true);
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      const other = input(el, 'applications.granted.natural');
      other.focus();
      await sendKeys({ type: '7' });
      await el.whenValidated();
      await until(
        () => /不能保存草稿/.test(el.shadowRoot!.querySelector('.notice[role="alert"]')?.textContent ?? ''),
        'the storage notice',
      );
    } finally {
      Storage.prototype.setItem = setItem;
    }
    await sendKeys({ type: '8' });
    await el.whenValidated();
    await until(
      () => !el.shadowRoot!.querySelector('.notice[role="alert"]'),
      'the notice gone once a draft is kept again',
    );
  });

  it('the focused cell’s findings are announced again when typing changes them, once', async () => {
    const report = busyReport();
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('review')} .report=${report}></disclosure-report-editor>`,
    );
    const live = () => el.shadowRoot!.querySelector('.sr-only[aria-live="polite"]')?.textContent?.trim() ?? '';
    const path = 'applications.total.natural';
    input(el, path).focus();
    await el.updateComplete;
    expect(live()).to.equal('');
    await sendKeys({ type: String(report.applications.total.natural + 5) });
    await el.whenValidated();
    await until(() => live().includes('T3') || /应为/.test(live()), 'the new finding announced');
    expect(el.shadowRoot!.querySelectorAll('[aria-live], [role="status"], [role="alert"]').length).to.be.at.most(3);
  });

  it('while a cell is typed in, its findings are announced when they change, not at every digit; the numbers after a pause', async () => {
    const report = busyReport();
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('review')} .report=${report}></disclosure-report-editor>`,
    );
    const region = el.shadowRoot!.querySelector('.sr-only[aria-live="polite"]')!;
    const live = () => region.textContent?.trim() ?? '';
    const said: string[] = []; // every text the live region took, in order
    new MutationObserver(() => said.push(live())).observe(region, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    const total = 'applications.total.natural';
    const v = report.applications.total.natural as number;
    input(el, total).focus();
    await sendKeys({ type: String(v + 5) });
    await el.whenValidated();
    // the first digit made findings appear: said at once; the digits after it changed only their numbers
    expect(said.length).to.be.greaterThan(0);
    await until(() => live().includes(`实为 ${v + 5}`), 'the findings as they are once typing pauses', 5000);
    const first = live();
    // more digits: the same findings with other numbers: nothing new is said while typing goes on
    said.length = 0;
    await sendKeys({ type: '78' });
    await el.whenValidated();
    const now = `${v + 5}78`;
    expect(el.result!.findings.some((f) => f.message.includes(`实为 ${now}`))).to.equal(true);
    expect(live()).to.equal(first);
    expect(said).to.deep.equal([]);
    // once typing pauses, the numbers as they are now, said once
    await until(() => live().includes(`实为 ${now}`), 'the findings with their new numbers, after the pause', 5000);
    expect(said).to.deep.equal([live()]);
    // a change in which findings the cell has is said at once: Escape goes back to the value that holds
    await sendKeys({ press: 'Escape' });
    await el.whenValidated();
    expect(live()).to.equal('');
    // a digit typed, then focus leaves mid-pause: the cell left is not spoken about late
    input(el, total).select();
    await sendKeys({ type: String(v + 6) });
    await el.whenValidated();
    await until(() => live().includes(`实为 ${v + 6}`), 'the findings of the total', 5000);
    await sendKeys({ type: '9' });
    await el.whenValidated();
    const row = 'applications.granted.total';
    const w = report.applications.granted.total as number;
    input(el, row).focus();
    await sendKeys({ type: String(w + 3) });
    await el.whenValidated();
    await until(() => live().includes(`实为 ${w + 3}`), 'the findings of the other cell after its pause', 5000);
    expect(said.some((t) => t.includes(`实为 ${v + 6}9`))).to.equal(false);
  });

  it('form reset restores the report the form started with (given after connection), and its draft', async () => {
    const report = busyReport();
    const key = freshKey('review');
    const form = await fixture<HTMLFormElement>(
      html`<form><disclosure-report-editor name="r" storage-key=${key}></disclosure-report-editor></form>`,
    );
    const el = form.querySelector('disclosure-report-editor')!;
    await el.whenValidated();
    el.report = report;
    await el.whenValidated();
    input(el, 'applications.granted.natural').focus();
    await sendKeys({ type: '77' });
    await el.whenValidated();
    form.reset();
    await el.whenValidated();
    expect(el.report).to.deep.equal(report);
    expect(JSON.parse(localStorage.getItem(`disclosure-report-editor:${key}`)!).report).to.deep.equal(report);
  });
});

/** A table as Word 2016 puts it on the clipboard (mso styles, o:p, &nbsp; blanks, lang spans). */
const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta charset="utf-8"><style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm;} --></style></head>
<body lang=ZH-CN style='tab-interval:21.0pt'><!--StartFragment-->
<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0'><td colspan=3 rowspan=2 style='mso-border-alt:solid windowtext .5pt'><p class=MsoNormal><span style='font-family:仿宋_GB2312'>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）<o:p></o:p></span></p></td>
  <td colspan=7><p class=MsoNormal align=center><span style='font-family:黑体'>申请人情况<o:p></o:p></span></p></td></tr>
 <tr><td rowspan=2><p class=MsoNormal>自然人<o:p></o:p></p></td><td colspan=5><p class=MsoNormal>法人或其他组织<o:p></o:p></p></td><td rowspan=2><p class=MsoNormal>总计<o:p></o:p></p></td></tr>
 <tr><td colspan=3><p class=MsoNormal><o:p>&nbsp;</o:p></p></td><td><p class=MsoNormal>商业企业</p></td><td><p class=MsoNormal>科研机构</p></td><td><p class=MsoNormal>社会公益组织</p></td><td><p class=MsoNormal>法律服务机构</p></td><td><p class=MsoNormal>其他</p></td></tr>
 <tr><td colspan=3><p class=MsoNormal><span style='font-family:仿宋_GB2312'>一、本年新收政府信息公开申请数量<o:p></o:p></span></p></td>
  <td><p class=MsoNormal align=center><span lang=EN-US style='font-family:"Times New Roman"'>17<o:p></o:p></span></p></td>
  <td><p class=MsoNormal align=center><span lang=EN-US>1<o:p></o:p></span></p></td>
  <td><p class=MsoNormal align=center><span lang=EN-US>0<o:p></o:p></span></p></td>
  <td><p class=MsoNormal align=center><span lang=EN-US>0<o:p></o:p></span></p></td>
  <td><p class=MsoNormal align=center><span lang=EN-US>0<o:p></o:p></span></p></td>
  <td><p class=MsoNormal align=center><o:p>&nbsp;</o:p></p></td>
  <td><p class=MsoNormal align=center><span lang=EN-US>1,018<o:p></o:p></span></p></td></tr>
</table><!--EndFragment--></body></html>`;

describe('<disclosure-report-editor> review: paste, formats, forms, drafts, export', () => {
  afterEach(() => localStorage.clear());

  it('a real Word clipboard: numbers land by label, &nbsp; cells leave what is there, thousands separators read', async () => {
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('review')}></disclosure-report-editor>`,
    );
    el.startNew({ year: 2025, agency: 'x' });
    await el.whenValidated();
    const target = input(el, 'applications.granted.natural');
    target.focus();
    paste(target, { 'text/html': WORD, 'text/plain': '17\t1\t0\t0\t0\t\t1,018\r\n' });
    await until(() => (el.report as any).applications.newReceived.natural === 17, 'the Word table');
    const a = (el.report as any).applications;
    expect(a.newReceived.total).to.equal(1018);
    expect(a.newReceived.otherOrg).to.equal(null);
    expect(a.granted.natural).to.equal(null);
    expect(focused(el)).to.equal('applications.granted.natural');
  });

  it('an Excel/WPS block with quoted cells and a trailing newline; undo keeps the focus', async () => {
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('review')}></disclosure-report-editor>`,
    );
    el.startNew({ year: 2025, agency: 'x' });
    await el.whenValidated();
    const target = input(el, 'applications.newReceived.natural');
    target.focus();
    const e = paste(target, { 'text/plain': '"1,234"\t１２\t3\r\n4\t\t6\r\n' });
    expect(e.defaultPrevented).to.equal(true);
    await el.whenValidated();
    const a = (el.report as any).applications;
    expect([a.newReceived.natural, a.newReceived.commercial, a.newReceived.research]).to.deep.equal([1234, 12, 3]);
    expect([a.carriedOver.natural, a.carriedOver.commercial, a.carriedOver.research]).to.deep.equal([4, null, 6]);
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'z' });
    await sendKeys({ up: 'Control' });
    await el.whenValidated();
    expect((el.report as any).applications.newReceived.natural).to.equal(null);
    expect(focused(el)).to.equal('applications.newReceived.natural');
  });

  it('a single value "1,234" or "１２" pasted into a cell is that number; paste into the title and prose is the browser’s', async () => {
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('review')} .report=${busyReport()}></disclosure-report-editor>`,
    );
    const cell = input(el, 'applications.granted.natural');
    cell.focus();
    expect(paste(cell, { 'text/plain': '1,234' }).defaultPrevented).to.equal(false);
    for (const [path, text] of [
      ['title', '标题\t二'],
      ['sections.overview', '第一段\n第二段\t'],
      ['sections.problems', '甲\t乙\n丙\t丁'],
    ] as const) {
      expect(
        paste(input(el, path), { 'text/plain': text, 'text/html': '<table><tr><td>1</td></tr></table>' })
          .defaultPrevented,
        path,
      ).to.equal(false);
    }
  });

  it('a 2019 report keeps its format and shape when edited, and with lang switched at run time', async () => {
    const report = zeroReport('2019');
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('review')} .report=${report}></disclosure-report-editor>`,
    );
    const r = el.report as any;
    expect(r.format).to.equal('2019');
    const paths = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('td input')].map((i) => i.dataset['path']!);
    expect(paths.length).to.be.greaterThan(50);
    const p = paths[paths.length - 1]!;
    input(el, p).focus();
    await sendKeys({ type: '3' });
    await el.whenValidated();
    el.lang = 'en';
    await el.whenValidated();
    const zh = el.result!.findings.filter((f) => /[\u4e00-\u9fff]{4}/.test(f.message) && f.rule !== 'TEXT');
    expect(zh.map((f) => f.message)).to.deep.equal([]);
    expect((el.report as any).format).to.equal('2019');
    expect(Object.keys((el.report as any).applications).sort()).to.deep.equal(Object.keys(report.applications).sort());
    expect(el.shadowRoot!.querySelector('.toolbar button')!.textContent).to.equal('Undo');
  });

  it('report set to invalid JSON text: a located error, the editor keeps working', async () => {
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('review')} .report=${busyReport()}></disclosure-report-editor>`,
    );
    el.report = '{ "format": "2021",\n  "year": 20x5 }';
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.match(/2/);
    expect(alert.textContent).to.match(/行|line/);
    expect(input(el, 'applications.granted.natural')).to.exist;
  });

  it('a corrupted draft (cells of the wrong type, a table that is a string) opens without crashing', async () => {
    const key = freshKey('review');
    const bad = busyReport();
    bad.applications.granted = 'x';
    bad.appeals = [1, 2];
    bad.proactive.regulations.issued = { nested: true };
    localStorage.setItem(
      `disclosure-report-editor:${key}`,
      JSON.stringify({ report: bad, savedAt: new Date().toISOString() }),
    );
    localStorage.setItem(`disclosure-report-editor:${freshKey('review')}`, '{not json');
    const el = await editor(html`<disclosure-report-editor storage-key=${key}></disclosure-report-editor>`);
    expect(el.shadowRoot!.querySelector('.notice')!.textContent).to.contain('草稿');
    el.lang = 'en';
    await el.whenValidated();
    expect(el.shadowRoot!.querySelector('.notice')!.textContent).to.contain('draft');
    expect(input(el, 'applications.granted.natural').value).to.equal('');
    input(el, 'applications.granted.natural').focus();
    await sendKeys({ type: '5' });
    await el.whenValidated();
    expect((el.report as any).applications.granted.natural).to.equal(5);
  });

  it('two editors in one form, with their own names and drafts; reportValidity focuses the cell the first error is marked on', async () => {
    const a = busyReport();
    const b = busyReport();
    b.applications.total.natural += 2;
    const [ka, kb] = [freshKey('review'), freshKey('review')];
    const form = await fixture<HTMLFormElement>(html`<form>
      <disclosure-report-editor name="a" storage-key=${ka} .report=${a}></disclosure-report-editor>
      <disclosure-report-editor name="b" storage-key=${kb} .report=${b}></disclosure-report-editor>
    </form>`);
    const [ea, eb] = [...form.querySelectorAll('disclosure-report-editor')];
    await ea!.whenValidated();
    await eb!.whenValidated();
    expect(JSON.parse(new FormData(form).get('a') as string)).to.deep.equal(a);
    expect(JSON.parse(new FormData(form).get('b') as string)).to.deep.equal(b);
    expect(form.checkValidity()).to.equal(false);
    expect(eb!.validationMessage).to.match(/\d+ 处错误/);
    expect(form.reportValidity()).to.equal(false);
    const active = eb!.shadowRoot!.activeElement as HTMLInputElement | null;
    // the cell the first error is marked on: the total made wrong, not the first cell of its equation
    expect(active?.dataset['path']).to.equal('applications.total.natural');
    expect(active?.getAttribute('aria-invalid')).to.equal('true');
    eb!.setAttribute('name', 'c');
    expect(new FormData(form).get('c')).to.be.a('string');
    input(ea!, 'applications.granted.natural').focus();
    await sendKeys({ type: '9' });
    await ea!.whenValidated();
    expect(
      JSON.parse(localStorage.getItem(`disclosure-report-editor:${ka}`)!).report.applications.granted.natural,
    ).to.equal(9);
    expect(
      JSON.parse(localStorage.getItem(`disclosure-report-editor:${kb}`) ?? 'null')?.report.applications.granted
        .natural ?? b.applications.granted.natural,
    ).to.equal(b.applications.granted.natural);
  });

  it('the CMS snippet renders in <disclosure-report> to the same report', async () => {
    const report = busyReport();
    report.applications.total.natural += 1;
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('review')} .report=${report}></disclosure-report-editor>`,
    );
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const doc = new DOMParser().parseFromString(el.cmsSnippet(), 'text/html');
    host.append(...doc.body.childNodes);
    const viewer = host.querySelector('disclosure-report') as any;
    await viewer.whenReady();
    expect(viewer.result.report).to.deep.equal(el.report);
    expect(viewer.result.summary.errors).to.equal(el.result!.summary.errors);
  });

  it('axe: with the panel open, a restored-draft notice, an action status, in zh-CN and en', async () => {
    for (const lang of ['zh-CN', 'en']) {
      const key = freshKey('review');
      const first = await editor(
        html`<disclosure-report-editor lang=${lang} storage-key=${key}></disclosure-report-editor>`,
      );
      first.startNew({ year: 2025, agency: 'x' });
      input(first, 'applications.newReceived.natural').focus();
      await sendKeys({ type: '5' });
      await first.whenValidated();
      first.remove();
      const el = await editor(
        html`<disclosure-report-editor lang=${lang} storage-key=${key}></disclosure-report-editor>`,
      );
      expect(el.shadowRoot!.querySelector('.notice')).to.exist;
      input(el, 'applications.total.natural').focus();
      await sendKeys({ type: '3' });
      await el.whenValidated();
      el.undo();
      await el.whenValidated();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.explain')).to.exist;
      await expect(el).to.be.accessible();
    }
  });
});

describe('<disclosure-report-editor> review: keys', () => {
  afterEach(() => localStorage.clear());

  it('undo and redo with Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z and Meta; the focus stays in the cell', async () => {
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('review')} .report=${busyReport()}></disclosure-report-editor>`,
    );
    const path = 'applications.granted.natural';
    const before = (el.report as any).applications.granted.natural;
    input(el, path).focus();
    await sendKeys({ type: '31' });
    await el.whenValidated();
    const value = () => (el.report as any).applications.granted.natural;
    for (const [undo, redo] of [
      [['Control'], ['Control']],
      [['Meta'], ['Meta', 'Shift']],
      [['Control'], ['Control', 'Shift']],
    ] as const) {
      await chord([...undo], 'z');
      await el.whenValidated();
      expect(value(), undo.join('+')).to.equal(before);
      expect(focused(el)).to.equal(path);
      await chord([...redo], redo.length === 1 ? 'y' : 'z');
      await el.whenValidated();
      expect(value(), redo.join('+')).to.equal(31);
      expect(focused(el)).to.equal(path);
    }
  });

  it('Ctrl+Z in a prose text area is the browser’s own undo (not the editor’s)', async () => {
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('review')} .report=${busyReport()}></disclosure-report-editor>`,
    );
    input(el, 'applications.granted.natural').focus();
    await sendKeys({ type: '31' });
    await el.whenValidated();
    const area = input(el, 'sections.problems') as unknown as HTMLTextAreaElement;
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
    await sendKeys({ type: '补充' });
    await el.whenValidated();
    expect((el.report as any).sections.problems).to.match(/补充$/);
    await chord(['Control'], 'z');
    await el.whenValidated();
    expect((el.report as any).sections.problems).not.to.match(/补充$/);
    let prevented: boolean | undefined;
    area.addEventListener('keydown', (e) => queueMicrotask(() => (prevented = e.defaultPrevented)));
    await chord(['Control'], 'z');
    await chord(['Control'], 'z');
    await el.whenValidated();
    expect(prevented).to.equal(false);
    expect((el.report as any).applications.granted.natural).to.equal(31);
  });

  it('arrows move only from the caret edges; Enter and Shift+Enter go down and up', async () => {
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('review')} .report=${busyReport()}></disclosure-report-editor>`,
    );
    const path = 'applications.granted.commercial';
    const cell = input(el, path);
    cell.focus();
    await sendKeys({ type: '123' });
    cell.setSelectionRange(1, 1);
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(el)).to.equal(path);
    await sendKeys({ press: 'ArrowLeft' }); // caret at 0 now
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(el)).to.equal('applications.granted.natural');
    await sendKeys({ press: 'Enter' });
    await chord(['Shift'], 'Enter');
    expect(focused(el)).to.equal('applications.granted.natural');
  });

  it('previous set after startNew: 上年结转 offered from last year (X-CARRY), accepted with =', async () => {
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('review')}></disclosure-report-editor>`,
    );
    el.startNew({ year: 2025, agency: 'x' });
    await el.whenValidated();
    const last = busyReport();
    last.applications.carriedForward.natural = 6;
    el.previous = last;
    await el.whenValidated();
    const path = 'applications.carriedOver.natural';
    await until(() => !!input(el, path).closest('td')!.querySelector('button.offer'), 'the offer');
    input(el, path).focus();
    await sendKeys({ press: '=' });
    await el.whenValidated();
    expect((el.report as any).applications.carriedOver.natural).to.equal(6);
    expect(focused(el)).to.equal(path);
  });

  it('print: no toolbar, no offers or status, the inputs as plain values', async () => {
    const { emulateMedia } = await import('@web/test-runner-commands');
    const el = await editor(
      html`<disclosure-report-editor storage-key=${freshKey('review')} .report=${busyReport()}></disclosure-report-editor>`,
    );
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle($(el, '.toolbar')).display).to.equal('none');
      const title = getComputedStyle(input(el, 'title'));
      expect(title.borderTopWidth).to.equal('0px');
      expect(getComputedStyle(input(el, 'applications.granted.natural')).borderTopWidth).to.equal('0px');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});
