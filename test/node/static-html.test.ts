/** renderStaticHtml in Node (no DOM): escaping, the embedded JSON, the wrapper and its options. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { renderStaticHtml, escapeHtml, jsonForScript, staticStylesheet } from '../../src/render/static.js';
import { validate } from '../../src/rules/index.js';
import { importReport, PROSE_RULES } from '../../src/import/entry.js';
import { parseJsonText } from '../../src/model/json.js';
import { displayValue, formatValue } from '../../src/view/table-model.js';

const seed = JSON.parse(readFileSync(new URL('../fixtures/bayannur-gxj-2021.json', import.meta.url), 'utf8'));

describe('renderStaticHtml (Node)', () => {
  it('runs without a DOM and wraps the article in <disclosure-report lang> with the JSON first', () => {
    expect(typeof (globalThis as { document?: unknown }).document).to.equal('undefined');
    const html = renderStaticHtml(seed);
    expect(html.startsWith('<disclosure-report lang="zh-CN">\n<script type="application/json">')).to.equal(true);
    expect(html.trimEnd().endsWith('</disclosure-report>')).to.equal(true);
    const json = html.slice(html.indexOf('>', html.indexOf('<script')) + 1, html.indexOf('</script>'));
    expect(JSON.parse(json)).to.deep.equal(seed);
    expect(html).to.contain(
      '<th class="corner" colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>',
    );
    expect(html).to.contain('<th scope="rowgroup" class="group" rowspan="20">三、本年度办理结果</th>');
    expect(html).to.contain('<caption>第二十条第（一）项</caption>');
  });

  it('escapes every report string and cannot be ended early by </script> in the JSON', () => {
    const r = structuredClone(seed);
    r.title = '<img src=x onerror=alert(1)>';
    r.agency.name = 'A & B "quoted" \'single\'';
    r.sections.overview = '</script><script>alert(1)</script>\n第二段';
    const html = renderStaticHtml(r);
    expect(html).not.to.match(/<img|<script>alert/);
    expect(html).to.contain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).to.contain('A &amp; B &quot;quoted&quot; &#39;single&#39;');
    expect(html.match(/<\/script>/g)).to.have.length(1);
    expect(jsonForScript({ s: '</script>\u2028' })).to.equal('{\n "s": "\\u003c/script>\\u2028"\n}');
    expect(escapeHtml('<>&"\'')).to.equal('&lt;&gt;&amp;&quot;&#39;');
  });

  it('English findings mark what they quote from the report as Chinese; zh-CN findings are left as they are', async () => {
    const text = readFileSync(new URL('../fixtures/published/bayannur-gxj-2021.txt', import.meta.url), 'utf8');
    const { report } = importReport(text);
    const en = renderStaticHtml(report!, {
      locale: 'en',
      result: await validate(report, { locale: 'en', packs: [PROSE_RULES] }),
    });
    expect(en).to.contain(
      '<span class="rule">LABEL</span> The row label “<span lang="zh-CN">规范性文件</span>” differs',
    );
    expect(en).to.contain('Table III “(6) Other handling” has');
    const zh = renderStaticHtml(report!, { result: await validate(report, { packs: [PROSE_RULES] }) });
    expect(zh).to.contain('<span class="rule">LABEL</span> 行标题“规范性文件”与标准表述');
  });

  it('options: bare article, English labels, no JSON, extra attributes escaped; blanks carry a visible marker, never 0', () => {
    const r = structuredClone(seed);
    r.applications.granted.research = null;
    const bare = renderStaticHtml(r, { tagName: false, locale: 'en' });
    expect(bare.startsWith('<article class="disclosure-report-static" lang="en">')).to.equal(true);
    expect(bare).to.contain('<caption>Article 20, item (1)</caption>');
    expect(bare).to.contain(
      '<td id="c-applications-granted-research" data-path="applications.granted.research"><span class="blank">blank</span></td>',
    );
    expect(renderStaticHtml(r)).to.contain(
      '<td id="c-applications-granted-research" data-path="applications.granted.research"><span class="blank">未填</span></td>',
    );
    // The report's own (Chinese) text is marked as Chinese inside English markup.
    expect(bare).to.match(/<p lang="zh-CN">[^<]+<\/p>/);
    const noJson = renderStaticHtml(r, {
      embedJson: false,
      attributes: { src: 'a".json', import: true, bogus: false },
    });
    expect(noJson.startsWith('<disclosure-report lang="zh-CN" src="a&quot;.json" import>')).to.equal(true);
    expect(noJson).not.to.contain('<script');
    expect(() => renderStaticHtml({ format: '2030' })).to.throw(TypeError);
  });

  it('a partial report says what is missing (no bare headings)', () => {
    const r = structuredClone(seed);
    delete r.appeals;
    delete r.sections.problems;
    const zhHtml = renderStaticHtml(r);
    const section = (html: string, id: string) =>
      html.slice(
        html.indexOf(`<section data-section="${id}"`),
        html.indexOf('</section>', html.indexOf(`<section data-section="${id}"`)),
      );
    expect(section(zhHtml, 'appeals')).to.contain('报告中没有这张表。');
    expect(section(zhHtml, 'problems')).to.contain('报告中没有这一部分。');
    expect(section(zhHtml, 'proactive')).not.to.contain('class="missing"');
    expect(section(renderStaticHtml(r, { locale: 'en' }), 'appeals')).to.contain(
      'This table is missing from the report.',
    );
  });

  it('with the validation result: the summary, the badges and the marks of the element, without JavaScript', async () => {
    const r = JSON.parse(readFileSync(new URL('../../demo/data/example-2022.json', import.meta.url), 'utf8'));
    r.applications.newReceived.natural = 111;
    const result = await validate(r);
    const html = renderStaticHtml(r, { result });
    // the summary: counts, each finding with its rule id, message and a link to the cell that shows it
    expect(html).to.contain('<section class="summary has-errors" aria-labelledby="dr-summary">');
    expect(html).to.contain('错误 2 处，警告 0 处');
    for (const f of result.findings) expect(html).to.contain(escapeHtml(f.message));
    expect(html.match(/<a href="#c-applications-newReceived-natural">/g)).to.have.length(2);
    expect(html).to.contain('<span class="rule">T3-BAL</span>').and.to.contain('<span class="rule">T3-COL</span>');
    // the one marked cell, in words, without rule ids
    const marked = html.match(/<td [^>]*class="[^"]*fail[^"]*"[^>]*>.*?<\/td>/g)!;
    expect(marked).to.have.length(1);
    expect(marked[0]).to.contain('id="c-applications-newReceived-natural"').and.to.contain('class="fail fail-error"');
    expect(marked[0]!.replace(/<[^>]+>/g, '')).to.equal(
      '111✖错误: 本列收支不平衡，差 1✖错误: 与总计不符，差 1为 110 时以上都相符',
    );
    // badges per table
    expect(html).to.contain(
      '<span class="badge error" data-status="error"><span class="icon" aria-hidden="true">✖</span> 2 处错误</span>',
    );
    expect(html).to.contain('<span class="badge pass" data-status="pass">');
    // English
    const en = renderStaticHtml(r, { result: await validate(r, { locale: 'en' }), locale: 'en' });
    expect(en).to.contain('the column does not balance: off by 1').and.to.contain('110 would fit all of these');
  });

  it('the element stylesheet for the page (no second copy): :host read as the article', () => {
    const css = staticStylesheet();
    expect(css).not.to.contain(':host');
    expect(css).to.contain('.disclosure-report-static {');
    expect(css).to.contain('td.fail-error');
  });

  it('a cell the importer could not read says so, not 未填', () => {
    const r = structuredClone(seed);
    r.applications.granted.research = null;
    r.source = { unread: { 'applications.granted.research': { code: 'glued-digits', line: 7 } } };
    expect(renderStaticHtml(r)).to.contain('<span class="blank unread">未能从发布文本中读出（第 7 行）</span>');
    expect(renderStaticHtml(r, { locale: 'en' })).to.contain('could not be read from the published text (line 7)');
    // From a PDF: its page (a line of the text laid out from the PDF would mean nothing to a reader).
    r.source = { unread: { 'applications.granted.research': { code: 'several-numbers', page: 2 } } };
    expect(renderStaticHtml(r)).to.contain('<span class="blank unread">未能从发布文本中读出（第 2 页）</span>');
    expect(renderStaticHtml(r, { locale: 'en' })).to.contain('could not be read from the published text (page 2)');
  });
});

describe('numbers as written in the JSON text (table model and renderStaticHtml)', () => {
  // JSON.parse reads 9007199254740993 as …992 and 0.30000000000000000001 as 0.3; the rules use the literals.
  const text = JSON.stringify(seed)
    .replace(/"newReceived":\{"natural":\d+/, '"newReceived":{"natural":9007199254740993')
    .replace('"fees":{"amount":0}', '"fees":{"amount":0.30000000000000000001}');
  const parsed = parseJsonText(text);
  const report = (parsed.ok ? parsed.value : undefined) as Record<string, any>;

  it('displayValue shows the literal while the value is the one read from the text, String(value) otherwise', () => {
    expect(report.applications.newReceived.natural).to.equal(9007199254740992);
    expect(displayValue(report, 'applications.newReceived.natural')).to.equal('9007199254740993');
    expect(displayValue(report, 'proactive.fees.amount')).to.equal('0.30000000000000000001');
    expect(displayValue(report, 'applications.newReceived.commercial')).to.equal(
      String(seed.applications.newReceived.commercial),
    );
    // the same object without its text (a copy), or a value changed since: what is there now
    expect(displayValue(structuredClone(report), 'applications.newReceived.natural')).to.equal('9007199254740992');
    const changed = parseJsonText(text);
    const r2 = (changed.ok ? changed.value : undefined) as Record<string, any>;
    r2.applications.newReceived.natural = 5;
    expect(displayValue(r2, 'applications.newReceived.natural')).to.equal('5');
    // blanks and unreadable parts as before
    expect(displayValue({ applications: { newReceived: null } }, 'applications.newReceived.natural')).to.equal(null);
    expect(displayValue({ applications: { newReceived: 5 } }, 'applications.newReceived.natural')).to.equal(undefined);
    expect(formatValue({ value: 1.5, unit: '万元' })).to.equal('1.5 万元');
  });

  it('renderStaticHtml shows the literal in its cell', () => {
    const html = renderStaticHtml(report);
    const cell = (path: string) => new RegExp(`<td id="c-${path.replace(/\./g, '-')}"[^>]*>([^<]*)`).exec(html)?.[1];
    expect(cell('applications.newReceived.natural')).to.equal('9007199254740993');
    expect(cell('proactive.fees.amount')).to.equal('0.30000000000000000001');
  });

  it('the embedded JSON keeps the literals, so the element reading it shows and checks them', () => {
    const html = renderStaticHtml(report);
    const json = html.slice(html.indexOf('>', html.indexOf('<script')) + 1, html.indexOf('</script>'));
    expect(json).to.contain('"natural": 9007199254740993').and.to.contain('"amount": 0.30000000000000000001');
    const again = parseJsonText(json);
    expect(again.ok && displayValue(again.value, 'applications.newReceived.natural')).to.equal('9007199254740993');
    // strings like the placeholder stay strings
    const p2 = parseJsonText(text);
    const r2 = (p2.ok ? p2.value : undefined) as Record<string, any>;
    r2.title = 'NUL \u0000 and "\u00000:0" \u00001:0';
    const out = jsonForScript(r2);
    expect(JSON.parse(out).title).to.equal(r2.title);
    expect(out).to.contain('9007199254740993');
  });
});
