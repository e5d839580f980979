/**
 * Every published fixture in test/fixtures/published through importReport: the complete ones
 * against hand-checked expectations (every number), the partial ones for what is present and where
 * they end.
 */
import { readFileSync, existsSync } from 'node:fs';
import { expect } from 'chai';
import { importReport } from '../../src/import/index.js';
import { schemaErrors } from '../../src/model/schema.js';
import { TABLE_IDS } from '../../src/model/layout.js';
import { expectSameCells, PUBLISHED, readExpected } from './import-helpers.js';

const read = (name: string) => readFileSync(PUBLISHED + name, 'utf8');
const imp = (name: string) => {
  const r = importReport(read(name));
  expect(r.report, `${name}: a report`).to.be.an('object');
  return { report: r.report as any, diagnostics: r.diagnostics };
};

describe('importReport: published fixtures', () => {
  for (const name of ['hongze-gov-2023-pdf-text', 'hongze-gov-2024-pdf-text', 'huaian-gov-2024-pdf-text']) {
    describe(`${name} (PDF text, hand-checked expectation)`, () => {
      const expected = readExpected(name);
      const { report, diagnostics } = imp(`${name}.txt`);

      it('every cell of tables 二, 三, 四 equals the expectation', () => {
        let n = 0;
        for (const t of TABLE_IDS) n += expectSameCells(report[t], expected[t], t);
        expect(n).to.be.greaterThan(180);
      });

      it('no cell beyond the expectation is invented', () => {
        expect(JSON.stringify(Object.keys(report.applications).sort())).to.equal(
          JSON.stringify(Object.keys(expected.applications).sort()),
        );
      });

      it('format, year, agency and the layout are found', () => {
        expect(report.format).to.equal(expected.format);
        expect(report.year).to.equal(expected.year);
        expect(report.agency.name).to.equal(expected.agencyName);
        expect(report.title).to.match(new RegExp(`${expected.year}年政府信息公开工作年度报告$`));
        expect(report.source.layout).to.equal('pdf-text');
      });

      it('fits the REPORT-JSON schema', () => {
        expect(schemaErrors(report)).to.deep.equal([]);
      });

      it('reads the prose of sections 一、五、六', () => {
        expect(report.sections.overview).to.match(/^\d{4} 年/);
        expect(report.sections.problems.length).to.be.greaterThan(100);
        expect(report.sections.other).to.include('信息处理费');
        expect(report.sections.other).to.not.match(/- \d -/);
        for (const c of expected.textClaims ?? []) {
          if (c.agreesWith.startsWith('section')) continue;
          const flat = (report.sections.overview as string).replace(/\s+/g, '');
          expect(flat, c.text).to.include(String(c.text).replace(/\s+/g, ''));
        }
      });

      it('has no error diagnostics', () => {
        expect(diagnostics.filter((d) => d.level === 'error')).to.deep.equal([]);
      });
    });
  }

  it('hongze 2023/2024: the mixed （六）其他处理 single row is kept as one row and the typo label recorded', () => {
    for (const name of ['hongze-gov-2023-pdf-text.txt', 'hongze-gov-2024-pdf-text.txt']) {
      const { report, diagnostics } = imp(name);
      expect(report.applications.otherHandling).to.have.all.keys(
        'natural',
        'commercial',
        'research',
        'publicInterest',
        'legalService',
        'otherOrg',
        'total',
      );
      expect(report.source.labels['applications.denied.lawProhibited']).to.equal('2.其他法律行政止公开');
      expect(diagnostics.some((d) => d.code === 'format' && /混用/.test(d.message))).to.equal(true);
    }
  });

  it('huaian 2024: the three 2021 sub-rows of （六） are read (numbered 1、2、3、)', () => {
    const { report } = imp('huaian-gov-2024-pdf-text.txt');
    expect(report.applications.otherHandling.noCorrection.total).to.equal(71);
    expect(report.applications.otherHandling.feeUnpaid.total).to.equal(6);
    expect(report.applications.otherHandling.other.total).to.equal(110);
    expect(report.proactive.fees.amount).to.equal('96171.6');
  });

  describe('bayannur-gxj-2021 (seed, one cell per line)', () => {
    const { report, diagnostics } = imp('bayannur-gxj-2021.txt');
    const seed = new URL('../fixtures/bayannur-gxj-2021.json', import.meta.url);

    it('equals the hand-converted JSON (every cell, metadata and prose)', function () {
      if (!existsSync(seed)) this.skip();
      const expected = JSON.parse(readFileSync(seed, 'utf8'));
      const { source, ...rest } = report;
      expect(source).to.be.an('object');
      for (const t of TABLE_IDS) expectSameCells(rest[t], expected[t], t);
      for (const k of ['format', 'year', 'agency', 'title', 'publishedOn', 'sections'])
        expect(rest[k], k).to.deep.equal(expected[k]);
    });

    it('is mixed: a 2021 report with a single （六）其他处理 row', () => {
      expect(report.format).to.equal('2021');
      expect(report.applications.otherHandling).to.have.property('natural', 0);
      expect(report.applications.otherHandling).to.not.have.property('noCorrection');
    });

    it('records the 规范性文件 label (2021 wording: 行政规范性文件)', () => {
      expect(report.source.labels['proactive.normativeDocuments']).to.equal('规范性文件');
      expect(report.proactive.normativeDocuments).to.deep.equal({ issued: 0, repealed: 1, inForce: 0 });
    });

    it('has no warnings or errors', () => {
      expect(diagnostics.filter((d) => d.level !== 'info')).to.deep.equal([]);
    });
  });

  describe('pingtan-2019-glued (cells glued together)', () => {
    const { report, diagnostics } = imp('pingtan-2019-glued.txt');
    const row = (a: number, b = 0, c = 0, d = 0, e = 0, f = 0) => ({
      natural: a,
      commercial: b,
      research: c,
      publicInterest: d,
      legalService: e,
      otherOrg: f,
      total: a + b + c + d + e + f,
    });
    const z = row(0);

    it('is a 2019 report of 平潭综合实验区', () => {
      expect(report.format).to.equal('2019');
      expect(report.year).to.equal(2019);
      expect(report.agency.name).to.equal('平潭综合实验区');
      expect(report.title).to.equal('平潭综合实验区2019年政府信息公开工作年度报告');
      expect(report.source.layout).to.equal('glued');
    });

    it('splits every digit run of table 三 with the row constraint (hand-checked)', () => {
      expect(report.applications).to.deep.equal({
        newReceived: row(23),
        carriedOver: z,
        granted: row(7),
        partiallyGranted: row(1),
        denied: {
          stateSecret: z,
          lawProhibited: z,
          threeSecurities: z,
          thirdParty: z,
          internalAffairs: z,
          processInformation: z,
          enforcementFiles: z,
          queryMatters: z,
        },
        unavailable: { notHeld: row(7), needsCreation: z, unclearAfterCorrection: row(5) },
        notProcessed: { petitionComplaint: z, repeated: row(3), publications: z, massRepeated: z, confirmation: z },
        otherHandling: z,
        total: row(23),
        carriedForward: z,
      });
    });

    it('splits table 四 (15 zeros)', () => {
      for (const g of ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration']) {
        expect(report.appeals[g]).to.deep.equal({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
      }
    });

    it('keeps ambiguous runs of table 二 blank and says so, never guessing', () => {
      expect(report.proactive.regulations).to.deep.equal({ made: 0, published: 0, totalPublished: 0 });
      expect(report.proactive.normativeDocuments).to.deep.equal({ made: null, published: null, totalPublished: null });
      expect(report.proactive.licensing).to.deep.equal({ previous: null, change: null, decisions: null });
      expect(report.proactive.procurement).to.deep.equal({ projects: null, amount: null });
      const amb = diagnostics.filter((d) => d.code === 'glued-ambiguous');
      expect(amb.map((d) => d.message.match(/「(.+?)」/)?.[1])).to.deep.equal([
        '规范性文件',
        '行政许可',
        '其他对外管理服务事项',
        '行政处罚',
        '行政强制',
        '行政事业性收费',
        '政府集中采购',
      ]);
      expect(amb[0]!.message).to.include('898989');
      expect(amb[0]!.cells).to.include('proactive.normativeDocuments.made');
    });
  });

  describe('hanyang-office-2022-pipe-cells.partial (| lines between cells)', () => {
    const { report, diagnostics } = imp('hanyang-office-2022-pipe-cells.partial.txt');
    it('reads what is present', () => {
      expect(report.year).to.equal(2022);
      expect(report.format).to.equal('2021');
      expect(report.proactive.normativeDocuments).to.deep.equal({ issued: 5, repealed: 12, inForce: 8 });
      expect(report.proactive.licensing.decisions).to.equal(0);
      expect(report.proactive.fees.amount).to.equal('0');
      expect(report.applications.newReceived).to.deep.equal({
        natural: 8,
        commercial: 0,
        research: 0,
        publicInterest: 0,
        legalService: 0,
        otherOrg: 0,
        total: 8,
      });
      expect(report.applications.carriedOver.total).to.equal(0);
    });
    it('the 规章 row with an empty cell (a second bare "|"): the cell stays null, with a located diagnostic', () => {
      expect(report.proactive.regulations).to.deep.equal({ issued: 0, repealed: 0, inForce: null });
      const d = diagnostics.find((x) => x.code === 'blank-cells');
      expect(d?.line).to.equal(14);
      expect(d?.cells).to.deep.equal(['proactive.regulations.inForce']);
      expect(diagnostics.filter((x) => x.code === 'missing-cells')).to.deep.equal([]);
    });
    it('the prose inside section 三 is not taken for table cells, and says so', () => {
      const d = diagnostics.find((x) => x.code === 'ignored-text');
      expect(d?.line).to.equal(50);
    });
    it('says where the text ends; absent cells stay null; table 四 absent', () => {
      expect(report.source.end).to.deep.equal({ table: 'applications', row: 'applications.carriedOver', line: 83 });
      const d = diagnostics.find((x) => x.code === 'partial');
      expect(d?.message).to.include('二、上年结转政府信息公开申请数量');
      expect(report.applications.granted.natural).to.equal(null);
      expect(report.applications.total.total).to.equal(null);
      expect(report).to.not.have.property('appeals');
    });
    it('records the header note 现行有效件数 (历史累计)', () => {
      expect(report.source.labels['proactive.inForce']).to.equal('现行有效件数 (历史累计)');
    });
  });

  describe('longgang-dept-2024-pipe-rows.partial (cell | cell | rows)', () => {
    const { report, diagnostics } = imp('longgang-dept-2024-pipe-rows.partial.txt');
    it('reads what is present', () => {
      expect(report.year).to.equal(2024);
      expect(report.proactive.normativeDocuments).to.deep.equal({ issued: 5, repealed: 1, inForce: 25 });
      expect(report.applications.newReceived).to.deep.equal({
        natural: 58,
        commercial: 7,
        research: 0,
        publicInterest: 0,
        legalService: 1,
        otherOrg: 0,
        total: 66,
      });
      expect(report.applications.partiallyGranted.total).to.equal(17);
      expect(report.applications.denied.internalAffairs.natural).to.equal(1);
    });
    it('ends inside 7.属于行政执法案卷: 6 cells read, 总计 null', () => {
      expect(report.applications.denied.enforcementFiles).to.deep.equal({
        natural: 0,
        commercial: 0,
        research: 0,
        publicInterest: 0,
        legalService: 0,
        otherOrg: 0,
        total: null,
      });
      expect(report.source.end).to.deep.equal({
        table: 'applications',
        row: 'applications.denied.enforcementFiles',
        line: 32,
      });
      expect(diagnostics.find((x) => x.code === 'partial')?.message).to.include('7.属于行政执法案卷」行中');
      expect(report.applications.denied.queryMatters.natural).to.equal(null);
    });
  });

  describe('xinghua-town-2023-blank-lines.partial (blank lines between cells)', () => {
    const { report, diagnostics } = imp('xinghua-town-2023-blank-lines.partial.txt');
    it('reads runs of blank lines as empty cells, never as 0', () => {
      expect(report.applications.newReceived).to.deep.equal({
        natural: 12,
        commercial: null,
        research: null,
        publicInterest: null,
        legalService: null,
        otherOrg: null,
        total: 12,
      });
      expect(report.applications.carriedOver).to.deep.equal({
        natural: null,
        commercial: null,
        research: null,
        publicInterest: null,
        legalService: null,
        otherOrg: null,
        total: null,
      });
      expect(report.applications.granted.natural).to.equal(4);
      expect(report.applications.granted.total).to.equal(null);
      expect(report.applications.denied.processInformation.natural).to.equal(1);
      const blanks = diagnostics.filter((d) => d.code === 'blank-cells');
      expect(blanks[0]!.line).to.equal(101);
      expect(blanks[0]!.message).to.include('不视为 0');
    });
    it('metadata: 兴化市大营镇, 2023, published 2024-01-20', () => {
      expect(report.agency.name).to.equal('兴化市大营镇');
      expect(report.year).to.equal(2023);
      expect(report.publishedOn).to.equal('2024-01-20');
      expect(report.proactive.regulations).to.deep.equal({ issued: 0, repealed: 0, inForce: 0 });
    });
    it('ends after 6.属于四类过程性信息', () => {
      expect(report.source.end.row).to.equal('applications.denied.processInformation');
      expect(report.source.end.line).to.equal(197);
      expect(report.applications.denied.enforcementFiles.natural).to.equal(null);
    });
  });
});
