/**
 * Issue 11.4: Markdown from OCR or PDF conversion (test/fixtures/import/ocr-markdown.md, built from
 * the published 洪泽区 2024 report): `| --- |` separator rows, one table per group, invented column
 * headers (列1, Column1, Col 1), a row label detached from its values, headings as `##` and `**…**`.
 * What can be placed by its labels is imported; what cannot is located by its line.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { importReport } from '../../src/import/index.js';
import { readExpected, type Json } from './import-helpers.js';

const OWN = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const md = readFileSync(OWN + 'ocr-markdown.md', 'utf8');
const expected = readExpected('hongze-gov-2024-pdf-text');

describe('importReport: Markdown tables from OCR or PDF conversion', () => {
  const { report, diagnostics } = importReport(md);
  const r = report as Json;

  it('gives a report: year, agency and title from the ## headings', () => {
    expect(r).to.be.an('object');
    expect(r.year).to.equal(2024);
    expect(r.agency.name).to.equal('淮安市洪泽区人民政府');
    expect(r.title).to.equal('洪泽区人民政府2024年政府信息公开工作年度报告');
    expect(r.sections.overview).to.include('受理政府信息公开申请17件');
    expect(r.sections.other).to.include('信息处理费0元');
  });

  it('every cell of tables 二, 三, 四 as published (one table per group, invented headers, a detached row label)', () => {
    expect(md).to.include('| 列1 | 列2 |');
    expect(md).to.include('| Column1 | Column2 |');
    for (const t of ['proactive', 'applications', 'appeals']) {
      const { extras, ...cells } = r[t];
      void extras;
      expect(cells, t).to.deep.equal(expected[t]);
    }
  });

  it('a row that cannot be placed by its label is kept in extras and located by its line', () => {
    expect(r.applications.extras).to.deep.equal([{ label: '6.其他无法识别的行', values: [2, 0, 0, 0, 0, 0, 2] }]);
    const d = diagnostics.find((x) => x.code === 'extra-row');
    expect(d?.line).to.equal(md.split('\n').findIndex((l) => l.includes('6.其他无法识别的行')) + 1);
    expect(diagnostics.filter((x) => x.level === 'error')).to.deep.equal([]);
    expect(diagnostics.filter((x) => x.code === 'rows-missing' || x.code === 'section-missing')).to.deep.equal([]);
  });

  it('a detached row label whose values row is missing leaves its cells unread, never shifted into another row', () => {
    const lines = md.split('\n');
    const at = lines.findIndex((l) => l.startsWith('|  |  | 50 |'));
    const cut = importReport([...lines.slice(0, at), ...lines.slice(at + 1)].join('\n')).report as Json;
    expect(cut.applications.partiallyGranted).to.deep.equal(expected.applications.partiallyGranted);
    expect(cut.applications.granted.natural).to.not.equal(9);
    expect(cut.applications.newReceived).to.deep.equal(expected.applications.newReceived);
  });
});
