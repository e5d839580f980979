/** renderStaticHtml in Node (no DOM): escaping, the embedded JSON, the wrapper and its options. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { renderStaticHtml, escapeHtml, jsonForScript } from '../../src/render/static.js';

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
      '<th colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>',
    );
    expect(html).to.contain('<th scope="rowgroup" rowspan="20">三、本年度办理结果</th>');
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

  it('options: bare article, English labels, no JSON, extra attributes escaped; blanks carry a visible marker, never 0', () => {
    const r = structuredClone(seed);
    r.applications.granted.research = null;
    const bare = renderStaticHtml(r, { tagName: false, locale: 'en' });
    expect(bare.startsWith('<article class="disclosure-report-static" lang="en">')).to.equal(true);
    expect(bare).to.contain('<caption>Article 20, item (1)</caption>');
    expect(bare).to.contain('<td data-path="applications.granted.research"><span class="blank">blank</span></td>');
    expect(renderStaticHtml(r)).to.contain(
      '<td data-path="applications.granted.research"><span class="blank">未填</span></td>',
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
        html.indexOf(`<section data-section="${id}">`),
        html.indexOf('</section>', html.indexOf(`<section data-section="${id}">`)),
      );
    expect(section(zhHtml, 'appeals')).to.contain('报告中没有这张表。');
    expect(section(zhHtml, 'problems')).to.contain('报告中没有这一部分。');
    expect(section(zhHtml, 'proactive')).not.to.contain('class="missing"');
    expect(section(renderStaticHtml(r, { locale: 'en' }), 'appeals')).to.contain(
      'This table is missing from the report.',
    );
  });
});
