/**
 * Reports typeset as real PDFs in the styles publishers use (test/node/pdf-writer.ts) and read back
 * through `importReport(bytes)`: every cell, blank cells as null, agency, year and date. The grids
 * differ from the two published PDFs on purpose: rules stroked or filled, outer borders left out,
 * no rule at page breaks, group labels one character per line continued on the next page, running
 * headers and "第 N 页" footers, blank cells empty or "-".
 */
import { expect } from 'chai';
import { importReport } from '../../src/import/entry.js';
import { getLayout, gridCells, type Format } from '../../src/model/layout.js';
import { compare, toExact } from '../../src/model/decimal.js';
import { schemaErrors } from '../../src/model/schema.js';
import { randomReport, get } from './import-helpers.js';
import { reportPdf, type PdfStyle } from './pdf-writer.js';

const STYLES: Array<[string, PdfStyle]> = [
  ['stroked rules, closed at page breaks', { rules: 'stroke' }],
  [
    'thin filled rectangles, no outer sides, open at page breaks, running header, blanks as "-"',
    { rules: 'fill', openSides: true, openBreaks: true, header: '某某市人民政府信息公开年报', blank: '-' },
  ],
  ['stroked rules, open at page breaks, "第 N 页" footers', { rules: 'stroke', openBreaks: true, header: '政务公开' }],
];

describe('importReport(bytes): reports typeset as PDFs, read back cell for cell', function () {
  this.timeout(120000);
  for (const format of ['2021', '2019'] as Format[]) {
    STYLES.forEach(([name, style], i) => {
      it(`${format}, ${name}`, async () => {
        const shape = format === '2019' ? 'row' : 'group';
        const report = randomReport({ format, shape, seed: 101 + i * 7 + (format === '2019' ? 50 : 0), blanks: 0.05 });
        const bytes = reportPdf(report, style);
        const r = await importReport(bytes);
        const got = r.report as any;
        expect(got, JSON.stringify(r.diagnostics.slice(0, 3))).to.be.an('object');
        let cells = 0;
        let blanks = 0;
        for (const id of ['proactive', 'applications', 'appeals'] as const)
          for (const grid of getLayout(format, shape).tables[id].grids)
            for (const cell of gridCells(grid)) {
              const keys = cell.path.split('.');
              const e = get(report, keys);
              const a = get(got, keys);
              const ev = e !== null && typeof e === 'object' ? e.value : e;
              const av = a !== null && typeof a === 'object' ? a.value : a;
              cells++;
              if (ev === null) {
                blanks++;
                expect(a, cell.path).to.equal(null);
              } else {
                expect(av, `${cell.path}: expected ${ev}`).to.not.equal(null);
                expect(compare(toExact(av)!, toExact(ev)!), `${cell.path}: expected ${ev}, got ${av}`).to.equal(0);
              }
            }
        expect(cells).to.be.greaterThan(190);
        expect(blanks).to.be.greaterThan(0);
        expect(got.format).to.equal(format);
        expect(got.year).to.equal(report.year);
        expect(got.agency.name).to.equal(report.agency.name);
        expect(got.publishedOn).to.equal(`${report.year + 1}-01-20`);
        expect(got.source.layout).to.equal('pdf');
        expect(got.sections.other).to.equal(report.sections.other);
        expect(schemaErrors(got)).to.deep.equal([]);
        // Every page break inside a table left no trace: no extra rows, no surplus cells.
        expect(
          r.diagnostics.filter((d) => /extra-row|surplus-cells|missing-cells|rows-missing/.test(d.code)),
        ).to.deep.equal([]);
        expect(r.diagnostics.every((d) => d.line === undefined)).to.equal(true);
      });
    });
  }
});
