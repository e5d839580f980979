/**
 * Round trips: random reports of both formats (and the mixed （六） shape) → renderStaticHtml and →
 * each flattened text layout of docs/format.md §8 → importReport → the same JSON. The text layouts are
 * generated from the layout data of src/model (labels, rows and columns), like the renderer does.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { importReport } from '../../src/import/index.js';
import { renderStaticHtml } from '../../src/render/static.js';
import { getLayout, gridCells, type Format, type OtherHandlingShape } from '../../src/model/layout.js';
import { randomReport, flatten, get, type Json } from './import-helpers.js';
import { schemaErrors } from '../../src/model/schema.js';

const strip = (r: Json) => {
  const { source, ...rest } = r ?? {};
  void source;
  return rest;
};

describe('importReport: round trips', () => {
  const cases: Array<[Format, OtherHandlingShape]> = [
    ['2021', 'group'],
    ['2019', 'row'],
    ['2021', 'row'],
  ];

  for (const [format, shape] of cases) {
    it(`renderStaticHtml → importReport gives the same JSON (${format}, （六） ${shape}, 60 random reports)`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
          const report = randomReport({ format, shape, seed, blanks: 0.1 });
          expect(schemaErrors(report)).to.deep.equal([]);
          const html = renderStaticHtml(report);
          const { report: back, diagnostics } = importReport(html);
          expect(diagnostics.filter((d) => d.level === 'error')).to.deep.equal([]);
          expect(strip(back)).to.deep.equal(report);
        }),
        { numRuns: 60, seed: 20261126 },
      );
    });

    for (const layout of [
      'lines',
      'blank-lines',
      'pipe-cells',
      'pipe-rows',
      'markdown',
      'tab-rows',
      'pdf-text',
    ] as const) {
      it(`${layout} text → importReport gives the same JSON (${format}, （六） ${shape})`, () => {
        fc.assert(
          fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
            const report = randomReport({ format, shape, seed, blanks: 0.08 });
            const text = flatten(report, layout);
            const { report: back } = importReport(text);
            expect((back as Json).source.layout, 'layout detected').to.equal(
              layout === 'markdown' ? 'pipe-rows' : layout,
            );
            const got = strip(back);
            if (layout === 'pdf-text') {
              // PDF text has no paragraph marks: lines of a section are joined.
              for (const k of Object.keys(report.sections)) report.sections[k] = report.sections[k].replace(/\n/g, '');
              for (const k of Object.keys(got.sections)) got.sections[k] = got.sections[k].replace(/\n/g, '');
            }
            expect(got).to.deep.equal(report);
          }),
          { numRuns: 40, seed: 20261126 },
        );
      });
    }

    it(`glued text → every cell is read right or kept blank with a diagnostic naming it (${format}, （六） ${shape})`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
          const report = randomReport({ format, shape, seed, blanks: 0, consistent: true });
          const text = flatten(report, 'glued');
          const { report: back, diagnostics } = importReport(text);
          const b = back as Json;
          expect(b.source.layout).to.equal('glued');
          expect(b.year).to.equal(report.year);
          const flagged = new Set(
            diagnostics.filter((d) => /^glued-(ambiguous|unsplittable)$/.test(d.code)).flatMap((d) => d.cells ?? []),
          );
          let read = 0;
          for (const grid of Object.values(getLayout(format, shape).tables).flatMap((t) => t.grids)) {
            for (const cell of gridCells(grid)) {
              const keys = cell.path.split('.');
              const got = get(b, keys);
              const want = get(report, keys);
              if (got === null)
                expect(flagged.has(cell.path), `${cell.path} blank without a diagnostic`).to.equal(true);
              else {
                expect(JSON.stringify(got), cell.path).to.equal(JSON.stringify(want));
                read++;
              }
            }
          }
          expect(read).to.be.greaterThan(0);
        }),
        { numRuns: 40, seed: 20261126 },
      );
    });
  }
});
