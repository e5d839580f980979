/**
 * Malformed and unusual inputs: diagnostics, never a crash, a hang or a silent 0.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { importReport } from '../../src/import/index.js';
import { renderStaticHtml } from '../../src/render/static.js';
import { randomReport, type Json } from './import-helpers.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/published/', import.meta.url));
const seed = readFileSync(FIXTURES + 'bayannur-gxj-2021.txt', 'utf8');
const codes = (r: { diagnostics: Array<{ code: string }> }) => r.diagnostics.map((d) => d.code);

/** A pipe-rows report text around a table 三 fragment. */
const pipeReport = (rows: string) => `某某局2022年政府信息公开工作年度报告
一、总体情况
本年度工作正常开展。
二、主动公开政府信息情况
第二十条第（一）项 |
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
规章 | 0 | 0 | 0 |
行政规范性文件 | 1 | 2 | 3 |
三、收到和处理政府信息公开申请情况
${rows}
五、存在的主要问题及改进情况
无。
六、其他需要报告的事项
无。
`;

describe('importReport: malformed inputs', () => {
  it('empty and whitespace-only input: an error diagnostic, no report', () => {
    for (const input of ['', '   \n\n\t ', '\ufeff']) {
      const r = importReport(input);
      expect(r.report).to.equal(undefined);
      expect(codes(r)).to.deep.equal(['empty-input']);
      expect(r.diagnostics[0]!.level).to.equal('error');
    }
    expect(importReport('', { locale: 'en' }).diagnostics[0]!.message).to.match(/empty/);
  });

  it('binary input: an error diagnostic, no report', () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const r = importReport(bytes.toString('latin1'));
    expect(r.report).to.equal(undefined);
    expect(codes(r)).to.include('binary-input');
    const png = importReport('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000');
    expect(codes(png)).to.include('binary-input');
  });

  it('a 50 MB input is cut with a warning and imports in bounded time', function () {
    this.timeout(60000);
    const big = seed.repeat(Math.ceil(50e6 / seed.length));
    expect(big.length).to.be.greaterThan(50e6 - 1);
    const t = Date.now();
    const r = importReport(big);
    expect(Date.now() - t).to.be.lessThan(30000);
    expect(codes(r)).to.include('truncated-input');
    expect((r.report as Json).applications.newReceived.total).to.equal(0);
  });

  it('a 50 MB single line of junk: no report, no hang', function () {
    this.timeout(60000);
    const r = importReport('网页'.repeat(25e6));
    expect(r.report).to.equal(undefined);
    expect(codes(r)).to.include('no-report');
  });

  it('an HTML page without tables: no report, a clear diagnostic', () => {
    const r = importReport(
      '<!doctype html><html><head><title>首页</title></head><body><nav>首页 &gt; 政务公开</nav><p>字号：大 中 小</p><p>欢迎访问</p></body></html>',
    );
    expect(r.report).to.equal(undefined);
    expect(codes(r)).to.deep.equal(['no-report']);
    expect(r.diagnostics[0]!.message).to.include('没有找到');
  });

  it('a table with a missing column: the cells stay null, the row is named with its line', () => {
    const html = `<h1>某某局2021年政府信息公开工作年度报告</h1><p>三、收到和处理政府信息公开申请情况</p>
<table>
<tr><td>一、本年新收政府信息公开申请数量</td><td>5</td><td>1</td><td>0</td><td>0</td><td>0</td><td>6</td></tr>
<tr><td>二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</table>`;
    const r = importReport(html);
    const a = (r.report as Json).applications;
    expect(a.newReceived).to.deep.equal({
      natural: 5,
      commercial: 1,
      research: 0,
      publicInterest: 0,
      legalService: 0,
      otherOrg: 6,
      total: null,
    });
    const d = r.diagnostics.filter((x) => x.code === 'missing-cells');
    expect(d).to.have.length(2);
    expect(d[0]!.line).to.equal(3);
    expect(d[0]!.message).to.include('一、本年新收政府信息公开申请数量');
    expect(d[0]!.cells).to.deep.equal(['applications.newReceived.total']);
  });

  it('numbers as published: "1,234", "１２", " 7 ", "-", "/", "—", blank', () => {
    const r = importReport(
      pipeReport(
        '一、本年新收政府信息公开申请数量 | 1,234 | １２ |  7  | - | / | — | |\n二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      ),
    );
    const row = (r.report as Json).applications.newReceived;
    expect(row).to.deep.equal({
      natural: 1234,
      commercial: 12,
      research: 7,
      publicInterest: null,
      legalService: null,
      otherOrg: null,
      total: null,
    });
    expect(codes(r)).to.include.members(['thousands', 'fullwidth', 'blank-cells']);
    const blank = r.diagnostics.find((d) => d.code === 'blank-cells')!;
    expect(blank.message).to.include('不视为 0');
    expect(blank.message).to.include('-');
    expect(blank.cells).to.include('applications.newReceived.publicInterest');
  });

  it('a word where a number should be: null with a diagnostic, not 0', () => {
    const r = importReport(pipeReport('一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 三 |'));
    expect((r.report as Json).applications.newReceived.total).to.equal(null);
  });

  it('rows that are not in the template go to extras, with a diagnostic', () => {
    const r = importReport(
      pipeReport('一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |').replace(
        '行政规范性文件 | 1 | 2 | 3 |',
        '行政规范性文件 | 1 | 2 | 3 |\n其他主动公开文件 | 4 | 5 | 6 |',
      ),
    );
    const p = (r.report as Json).proactive;
    expect(p.extras).to.deep.equal([{ label: '其他主动公开文件', values: [4, 5, 6] }]);
    expect(p.normativeDocuments).to.deep.equal({ issued: 1, repealed: 2, inForce: 3 });
    expect(codes(r)).to.include('extra-row');
  });

  it('surplus cells in a row are kept in extras, not dropped', () => {
    const r = importReport(pipeReport('一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | 9 |'));
    const a = (r.report as Json).applications;
    expect(a.newReceived.total).to.equal(1);
    expect(a.extras).to.deep.equal([{ label: '一、本年新收政府信息公开申请数量（多出的单元格）', values: [9] }]);
    expect(codes(r)).to.include('surplus-cells');
  });

  it('Traditional Chinese labels and stray spaces are matched to the official rows', () => {
    const trad = seed
      .replace(/开/g, '開')
      .replace(/数/g, '數')
      .replace(/处/g, '處')
      .replace(/结/g, '結')
      .replace(/转/g, '轉')
      .replace(/办/g, '辦')
      .replace(/总计/g, '總 計')
      .replace(/规/g, '規')
      .replace(/请/g, '請')
      .replace(/关/g, '關');
    const r = importReport(trad);
    const a = (r.report as Json).applications;
    expect(a.newReceived.total).to.equal(0);
    expect(a.carriedForward.total).to.equal(0);
    expect((r.report as Json).proactive.normativeDocuments.repealed).to.equal(1);
    expect(r.diagnostics.filter((d) => d.code === 'rows-missing')).to.deep.equal([]);
  });

  it('a heading variant is accepted, with a warning and the label recorded', () => {
    const report = randomReport({ format: '2021', shape: 'group', seed: 7, blanks: 0 });
    const html = renderStaticHtml(report).replace(
      '四、政府信息公开行政复议、行政诉讼情况',
      '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
    );
    const r = importReport(html);
    expect((r.report as Json).appeals).to.deep.equal(report.appeals);
    expect(codes(r)).to.include('heading-variant');
    expect((r.report as Json).source.labels['section:appeals']).to.include('因政府信息公开工作被申请行政复议');
  });

  it('site chrome before the title is ignored; HTML entities and <br> in headers are read', () => {
    const report = randomReport({ format: '2019', shape: 'row', seed: 11, blanks: 0.1 });
    const html =
      `<div class="nav">首页 &gt; 政务公开 &gt; 年度报告</div><div>字号：<a>大</a> <a>中</a> <a>小</a> 分享到：</div>\n` +
      renderStaticHtml(report)
        .replace(/商业企业/g, '商业<br>企业')
        .replace(/<td data-path="([^"]+)"><\/td>/g, '<td data-path="$1">&nbsp;</td>');
    const r = importReport(html);
    const { source, ...rest } = r.report as Json;
    void source;
    expect(rest).to.deep.equal(report);
  });

  it('a heading run in with its paragraph (<p><b>一、总体情况</b>2021年…</p>) is split from it', () => {
    const report = randomReport({ format: '2021', shape: 'group', seed: 21, blanks: 0 });
    let html = renderStaticHtml(report);
    for (const [h, id] of [
      ['一、总体情况', 'overview'],
      ['五、存在的主要问题及改进情况', 'problems'],
      ['六、其他需要报告的事项', 'other'],
    ] as const) {
      const first = report.sections[id].split('\n')[0];
      html = html.replace(new RegExp(`<h3[^>]*>${h}</h3>\\s*<p>`), `<p><b>${h}</b>：`);
      expect(html).to.include(`<p><b>${h}</b>：${first}`);
    }
    const { source, ...rest } = importReport(html).report as Json;
    void source;
    expect(rest).to.deep.equal(report);
  });

  it('PDF text: table 四 wrapped over two lines is one row', () => {
    const text = readFileSync(FIXTURES + 'huaian-gov-2024-pdf-text.txt', 'utf8').replace(
      '72 64 178 37 351 13 4 8 1 26 12 1 1 6 20',
      '72 64 178 37 351 13 4 8\n1 26 12 1 1 6 20',
    );
    const r = importReport(text);
    expect((r.report as Json).appeals.litigationAfterReconsideration).to.deep.equal({
      upheld: 12,
      corrected: 1,
      other: 1,
      pending: 6,
      total: 20,
    });
    expect((r.report as Json).appeals).to.not.have.property('extras');
  });

  it('never throws on arbitrary strings', function () {
    this.timeout(20000);
    const pieces = [
      '<table>',
      '<tr>',
      '<td>',
      '</td>',
      '|',
      '\n',
      '\n\n',
      ' ',
      '0',
      '12',
      '-',
      '三、收到和处理政府信息公开申请情况',
      '（七）总计',
      '一、本年新收政府信息公开申请数量',
      '行政复议',
      '&nbsp;',
      '<br>',
      '第二十条第（一）项',
      '规章',
      '1,234',
      '１２',
    ];
    let s = 1;
    const next = () => ((s = (s * 1103515245 + 12345) % 2147483648), s);
    for (let i = 0; i < 500; i++) {
      let input = '';
      const n = next() % 200;
      for (let k = 0; k < n; k++) input += pieces[next() % pieces.length];
      expect(() => importReport(input)).to.not.throw();
    }
  });
});
