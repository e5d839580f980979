/**
 * Reports typeset as real PDFs in the styles publishers use (test/node/pdf-writer.ts) and read back
 * through `importReport(bytes)`: every cell, blank cells as null, agency, year and date. The grids
 * differ from the two published PDFs on purpose: rules stroked or filled, outer borders left out,
 * no rule at page breaks, group labels one character per line continued on the next page, running
 * headers and "第 N 页" footers, blank cells empty or "-". Rows cut by a page break (Word's "allow row
 * to break across pages") are one row again; a label-only row at the top of a page stays its own.
 */
import { expect } from 'chai';
import { importReport } from '../../src/import/entry.js';
import { getLayout, gridCells, leafRows, type Format } from '../../src/model/layout.js';
import { compare, toExact } from '../../src/model/decimal.js';
import { schemaErrors } from '../../src/model/schema.js';
import { randomReport, get } from './import-helpers.js';
import { reportPdf, type PdfInfo, type PdfStyle } from './pdf-writer.js';

const STYLES: Array<[string, PdfStyle]> = [
  ['stroked rules, closed at page breaks', { rules: 'stroke' }],
  [
    'thin filled rectangles, no outer sides, open at page breaks, running header, blanks as "-"',
    { rules: 'fill', openSides: true, openBreaks: true, header: '某某市人民政府信息公开年报', blank: '-' },
  ],
  ['stroked rules, open at page breaks, "第 N 页" footers', { rules: 'stroke', openBreaks: true, header: '政务公开' }],
  [
    'a font encoded UniGB-UCS2-H (a predefined CMap, read with its file)',
    { rules: 'stroke', encoding: 'UniGB-UCS2-H' },
  ],
];

/** The report read back from its PDF: every cell (blanks as null), agency, year, date; no trace of page breaks. */
async function expectReadBack(report: any, bytes: Uint8Array) {
  const format = report.format as Format;
  const shape = report.applications.otherHandling && 'natural' in report.applications.otherHandling ? 'row' : 'group';
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
  expect(r.diagnostics.filter((d) => /extra-row|surplus-cells|missing-cells|rows-missing/.test(d.code))).to.deep.equal(
    [],
  );
  expect(r.diagnostics.every((d) => d.line === undefined)).to.equal(true);
  return got;
}

/** The report as a PDF in `style`, the page body shortened until `enough(info)` (e.g. a row cut by a break). */
function shortened(report: any, style: PdfStyle, enough: (info: PdfInfo) => boolean) {
  for (let bottom = 780; bottom > 560; bottom -= 3) {
    const info: PdfInfo = { split: [], pageStarts: [] };
    const bytes = reportPdf(report, { ...style, bottom }, info);
    if (enough(info)) return { bytes, info, style: { ...style, bottom } };
  }
  throw new Error('no such page break');
}

describe('importReport(bytes): reports typeset as PDFs, read back cell for cell', function () {
  this.timeout(120000);
  for (const format of ['2021', '2019'] as Format[]) {
    STYLES.forEach(([name, style], i) => {
      it(`${format}, ${name}`, async () => {
        const shape = format === '2019' ? 'row' : 'group';
        const report = randomReport({ format, shape, seed: 101 + i * 7 + (format === '2019' ? 50 : 0), blanks: 0.05 });
        await expectReadBack(report, reportPdf(report, style));
      });
    });
  }
});

describe('importReport(bytes): a table row cut by a page break', function () {
  this.timeout(120000);
  const SPLIT: Array<[string, PdfStyle]> = [
    [
      'label goes on at the top of the next page, numbers above the break; stroked, closed at breaks',
      { rules: 'stroke', splitRows: 'top' },
    ],
    [
      'label and numbers go on after the break (numbers set low in the row); filled rules, open breaks, running header and page footer',
      { rules: 'fill', openSides: true, openBreaks: true, header: '某某市人民政府信息公开年报', splitRows: 'bottom' },
    ],
  ];
  for (const format of ['2021', '2019'] as Format[]) {
    SPLIT.forEach(([name, style], i) => {
      it(`${format}: ${name}: one row again, every cell read`, async () => {
        const shape = format === '2019' ? 'row' : 'group';
        const report = randomReport({ format, shape, seed: 301 + i * 13 + (format === '2019' ? 50 : 0), blanks: 0.05 });
        const { bytes, info } = shortened(report, style, (x) => x.split.length > 0);
        expect(info.split.length).to.be.greaterThan(0);
        await expectReadBack(report, bytes);
      });
    });
  }

  it('negative: a row with its label and no numbers at the top of a page stays a row of its own', async () => {
    for (const format of ['2021', '2019'] as Format[]) {
      const shape = format === '2019' ? 'row' : 'group';
      const report = randomReport({ format, shape, seed: 77 + (format === '2019' ? 50 : 0), blanks: 0.05 });
      // rows of table 三 under a row of the same group (same label cell: only the text can tell them apart)
      const keys = getLayout(format, shape).tables.applications.grids.flatMap((g) =>
        leafRows(g.rows).map((r) => r.key),
      );
      const inGroup = (k: string) => {
        const i = keys.indexOf(k);
        return i > 0 && k.includes('.') && keys[i - 1]!.split('.')[0] === k.split('.')[0];
      };
      const { info, style } = shortened(report, { rules: 'stroke', openBreaks: true }, (x) =>
        x.pageStarts.some(inGroup),
      );
      const starts = info.pageStarts.filter(inGroup);
      // every number of the rows that begin a page left blank: a label-only row under the break
      for (const k of starts) {
        const row = get(report.applications, k.split('.'));
        for (const col of Object.keys(row)) row[col] = null;
      }
      const again: PdfInfo = { split: [], pageStarts: [] };
      const bytes = reportPdf(report, style, again);
      expect(again.pageStarts).to.deep.equal(info.pageStarts);
      const got = await expectReadBack(report, bytes);
      for (const k of starts)
        expect(Object.values(get(got.applications, k.split('.'))), k).to.satisfy((v: unknown[]) =>
          v.every((x) => x === null),
        );
    }
  });
});
