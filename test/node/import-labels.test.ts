/**
 * Issue 11.3: labels and headings as they appear in published reports: stray spaces inside labels,
 * section 五 headings with other endings (and a table 四 run glued to one), an amount followed
 * directly by the next item's ordinal, Traditional characters (table generated from OpenCC).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { importReport } from '../../src/import/index.js';
import { normLabel } from '../../src/import/normalize.js';
import { flatten, randomReport, type Json } from './import-helpers.js';
// @ts-expect-error -- a build script (JS), run here to check that its output is committed
import { tradSource, FILE } from '../../scripts/gen-trad.mjs';

const FIXTURES = fileURLToPath(new URL('../fixtures/published/', import.meta.url));
const pingtan = readFileSync(FIXTURES + 'pingtan-2019-glued.txt', 'utf8');
const imp = (text: string) => {
  const r = importReport(text);
  return { report: r.report as Json, diagnostics: r.diagnostics };
};
const whole = imp(pingtan).report;

describe('importReport: labels and headings as published', () => {
  it('glued text: a stray space inside a label (三、本年度办 理结果) does not lose the row above it', () => {
    const { report, diagnostics } = imp(pingtan.replace('三、本年度办理结果（一）', '三、本年度办 理结果（一）'));
    expect(report.applications).to.deep.equal(whole.applications);
    expect(diagnostics.filter((d) => d.code === 'blank-cells')).to.deep.equal([]);
  });

  it('glued text: digits glued to text that is no label are still the row’s run, never a blank', () => {
    const { report } = imp(pingtan.replace('三、本年度办理结果（一）', '三、本年度办 理 结 果 说明（一）'));
    expect(report.applications.carriedOver).to.deep.equal(whole.applications.carriedOver);
  });

  for (const heading of [
    '五、存在的主要问题及改进措施',
    '五、存在的主要问题及明年工作计划',
    '五、存在的主要问题和下一步工作打算',
  ]) {
    it(`section 五 headed “${heading}”: found (with a warning), the table 四 run glued before it is kept, the prose starts after it`, () => {
      const { report, diagnostics } = imp(pingtan.replace('五、存在的主要问题及改进情况', heading));
      expect(report.appeals).to.deep.equal(whole.appeals);
      expect(report.sections.problems).to.equal(whole.sections.problems);
      expect(report.source.labels['section:problems']).to.equal(heading);
      expect(diagnostics.find((d) => d.code === 'heading-variant')?.message).to.include(heading);
      expect(diagnostics.filter((d) => d.code === 'section-missing')).to.deep.equal([]);
    });
  }

  it('PDF text: section 五 with another ending is found', () => {
    const text = readFileSync(FIXTURES + 'hongze-gov-2024-pdf-text.txt', 'utf8');
    const base = imp(text).report;
    const { report } = imp(text.replace('五、存在的主要问题及改进情况', '五、存在的主要问题及改进措施'));
    expect(report.sections.problems).to.equal(base.sections.problems);
    expect(report.appeals).to.deep.equal(base.appeals);
  });

  for (const layout of ['glued', 'pdf-text', 'lines'] as const) {
    it(`${layout}: an amount followed directly by the next item's ordinal (5949.09(二)主动公开…) is read`, () => {
      const r = randomReport({ format: '2021', shape: 'group', seed: 3, blanks: 0, consistent: true });
      r.proactive.fees.amount = '5949.09';
      const text = flatten(r, layout).replace(/(行政事业性收费\s*)5949\.09/, '$15949.09(二)主动公开政府信息情况说明');
      expect(text).to.include('5949.09(二)');
      const { report } = imp(text);
      expect(report.proactive.fees).to.deep.equal({ amount: '5949.09' });
      expect(report.applications).to.deep.equal(imp(flatten(r, layout)).report.applications);
    });
  }

  it('Traditional labels (對 減 罰 採 購 …) are matched: a 2019 report in Traditional reads every cell', () => {
    const r = randomReport({ format: '2019', shape: 'row', seed: 5, blanks: 0 });
    const simp = flatten(r, 'lines');
    const trad = [...'对减罚采购开报总数处规发废现决许强费额单请结转办区'].reduce(
      (t, c) =>
        t.replaceAll(
          c,
          '對減罰採購開報總數處規發廢現決許強費額單請結轉辦區'[
            [...'对减罚采购开报总数处规发废现决许强费额单请结转办区'].indexOf(c)
          ]!,
        ),
      simp,
    );
    for (const c of '對減罰採購') expect(trad).to.include(c);
    const { report, diagnostics } = imp(trad);
    for (const t of ['proactive', 'applications', 'appeals']) expect(report[t], t).to.deep.equal(r[t]);
    expect(diagnostics.filter((d) => d.code === 'rows-missing' || d.code === 'extra-row')).to.deep.equal([]);
    expect(normLabel('採購項目數量')).to.equal('采购项目数量');
    expect(normLabel('本年增/減')).to.equal('本年增/减');
  });

  it('the Traditional → Simplified table is generated from OpenCC (scripts/gen-trad.mjs) and up to date', () => {
    expect(readFileSync(FILE, 'utf8')).to.equal(tradSource());
    const table = /TRAD = '(.*)'/.exec(readFileSync(FILE, 'utf8'))![1]!;
    for (const pair of ['對对', '減减', '罰罚', '採采', '購购', '開开', '數数']) expect(table).to.include(pair);
    // limited to the characters of the labels: a few hundred bytes, not a full conversion table
    expect(table.length).to.be.lessThan(400);
  });
});
