/**
 * Rules TEXT and LABEL (rules/TEXT.json, rules/LABEL.json), and the fixtures imported and validated
 * against their hand-checked findings (expectedFailures, mustPass, textClaims).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { importReport, PROSE_RULES } from '../../src/import/index.js';
import { validate as validateTables, RULES, type Finding, type ValidateOptions } from '../../src/rules/index.js';
import { readClaimNumber } from '../../src/rules/facts/text.js';
import { randomReport, readExpected, type Json } from './import-helpers.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/published/', import.meta.url));
const imported = (name: string) => importReport(readFileSync(FIXTURES + name, 'utf8')).report as Json;
/** The table rules and the prose pack, as the CLI and the importer bundle run them. */
const validate = (report: unknown, options: ValidateOptions = {}) =>
  validateTables(report, { ...options, packs: [PROSE_RULES] });
const fails = (findings: Finding[], rule?: string) =>
  findings.filter((f) => f.status === 'fail' && (!rule || f.rule === rule));

/** Table 三's outcome rows (总计 column): every row 0 but `rows` (`denied.thirdParty`: 3), （七）总计 their sum. */
function outcomes(r: Json, rows: Record<string, number>) {
  const zero = (o: Json) => {
    for (const v of Object.values(o)) if (v && typeof v === 'object') 'total' in v ? (v.total = 0) : zero(v);
  };
  const apps = r.applications;
  zero({ ...apps, newReceived: {}, carriedOver: {}, total: {}, carriedForward: {} });
  for (const [path, v] of Object.entries(rows)) path.split('.').reduce((o, k) => o[k], apps).total = v;
  apps.total.total = Object.values(rows).reduce((a, b) => a + b, 0);
}

/** A consistent 2021 report with prose. */
function report(overview: string, patch: (r: Json) => void = () => {}): Json {
  const r = randomReport({ format: '2021', shape: 'group', seed: 3, blanks: 0, consistent: true });
  r.sections = { overview, problems: '无。', other: '无。' };
  patch(r);
  return r;
}

describe('the prose pack (TEXT, LABEL) comes with the importer', () => {
  it('is not among the table rules, and runs only when passed in `packs`', async () => {
    expect(RULES.map((r) => r.name)).to.not.include.members(['TEXT', 'LABEL']);
    expect(PROSE_RULES.rules.map((r) => r.name)).to.deep.equal(['TEXT', 'LABEL']);
    const bad = report('本年度共收到政府信息公开申请9999件。');
    expect(fails((await validateTables(bad)).findings, 'TEXT')).to.deep.equal([]);
    expect(fails((await validate(bad)).findings, 'TEXT')).to.have.length(1);
    // a pack given twice runs once; the table rules always run
    const twice = await validateTables(bad, { packs: [PROSE_RULES, PROSE_RULES] });
    expect(fails(twice.findings, 'TEXT')).to.have.length(1);
    expect(twice.findings.every((f) => f.rule !== 'TEXT' || f.cells.length > 0)).to.equal(true);
  });
});

describe('rule TEXT: numbers in the prose agree with the tables', () => {
  it('reads digits, thousands separators, full-width digits and Chinese numerals', () => {
    expect(readClaimNumber('1,234')).to.equal(1234);
    expect(readClaimNumber('１２')).to.equal(12);
    expect(readClaimNumber('三十五')).to.equal(35);
    expect(readClaimNumber('一百零二')).to.equal(102);
    expect(readClaimNumber('十')).to.equal(10);
    expect(readClaimNumber('两千三百')).to.equal(2300);
    expect(readClaimNumber('一万二千')).to.equal(12000);
    expect(readClaimNumber('abc')).to.equal(null);
  });

  it('holds when 收到 agrees with 新收; fails quoting the sentence when it does not', async () => {
    const ok = report('本年度共收到政府信息公开申请三十五件，均按时答复。', (r) => {
      r.applications.newReceived.total = 35;
    });
    expect(fails((await validate(ok)).findings, 'TEXT')).to.deep.equal([]);
    const bad = report('本年度共收到政府信息公开申请1,234件，均按时答复。', (r) => {
      r.applications.newReceived.total = 1233;
    });
    const f = fails((await validate(bad)).findings, 'TEXT');
    expect(f).to.have.length(1);
    expect(f[0]).to.include({ severity: 'warning', expected: '1233', actual: '1234' });
    expect(f[0]!.cells).to.deep.equal(['applications.newReceived.total']);
    expect(f[0]!.message).to.include('本年度共收到政府信息公开申请1,234件');
    const en = fails((await validate(bad, { locale: 'en' })).findings, 'TEXT');
    expect(en[0]!.message).to.match(
      /^The text says 1234; the table has 1233 \(1\. New requests received this year · Total\)/,
    );
  });

  it('新收 is read as new requests; 办理 (ambiguous) is not read as received', async () => {
    const ok = report('本年度新收政府信息公开申请12件，共办理政府信息公开申请15件。', (r) => {
      r.applications.newReceived.total = 12;
    });
    expect(fails((await validate(ok)).findings, 'TEXT')).to.deep.equal([]);
    const bad = report('本年度新收政府信息公开申请13件。', (r) => {
      r.applications.newReceived.total = 12;
    });
    expect(fails((await validate(bad)).findings, 'TEXT').map((f) => f.actual)).to.deep.equal(['13']);
  });

  it('compares 收到 with 新收 + 上年结转 when the sentence says it includes the carry-over', async () => {
    const patch = (r: Json) => {
      r.applications.newReceived.total = 74;
      r.applications.carriedOver.total = 1;
    };
    const withCarry = report('全年共收到政府信息公开申请75件（含上年结转1件）。', patch);
    expect(fails((await validate(withCarry)).findings, 'TEXT')).to.deep.equal([]);
    // docs/format.md §7.5: "收到75件" where the table has 74 new + 1 carried over.
    const without = report('全年共收到政府信息公开申请75件。', patch);
    const f = fails((await validate(without)).findings, 'TEXT');
    expect(f).to.have.length(1);
    expect(f[0]).to.include({ expected: '74', actual: '75' });
  });

  it('checks 办结, 结转, 行政复议 and 行政诉讼 with their breakdown', async () => {
    const prose =
      '办结3050件，另有103件顺延到下年度。政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件；政府信息公开行政诉讼46件，其中结果维持25件，结果纠正5件，其他结果9件，尚未审结7件。';
    const patch = (r: Json) => {
      outcomes(r, { granted: 3000, partiallyGranted: 50 });
      r.applications.carriedForward.total = 103;
      r.appeals.reconsideration = { upheld: 72, corrected: 64, other: 178, pending: 37, total: 351 };
      r.appeals.litigationDirect = { upheld: 13, corrected: 4, other: 8, pending: 1, total: 26 };
      r.appeals.litigationAfterReconsideration = { upheld: 12, corrected: 1, other: 1, pending: 6, total: 20 };
    };
    expect(fails((await validate(report(prose, patch))).findings, 'TEXT')).to.deep.equal([]);
    const bad = report(prose, (r) => {
      patch(r);
      r.appeals.reconsideration.corrected = 63;
      r.appeals.reconsideration.other = 179;
    });
    const f = fails((await validate(bad)).findings, 'TEXT');
    expect(f.map((x) => x.cells.join())).to.deep.equal([
      'appeals.reconsideration.corrected',
      'appeals.reconsideration.other',
    ]);
    expect(f[0]!.message).to.include('行政复议351件');
  });

  it('予以公开 and 部分公开 counts (both word orders); 不予公开 is not 予以公开', async () => {
    const patch = (r: Json) => outcomes(r, { granted: 4, partiallyGranted: 2, 'denied.thirdParty': 3 });
    const ok = report('其中予以公开4件，部分公开2件，不予公开3件。', patch);
    expect(fails((await validate(ok)).findings, 'TEXT')).to.deep.equal([]);
    const ok2 = report('其中4件申请的内容予以公开，2件部分公开。', patch);
    expect(fails((await validate(ok2)).findings, 'TEXT')).to.deep.equal([]);
    const bad = report('其中予以公开5件，部分公开2件。', patch);
    const f = fails((await validate(bad)).findings, 'TEXT');
    expect(f.map((x) => `${x.cells[0]} ${x.expected} ${x.actual}`)).to.deep.equal(['applications.granted.total 4 5']);
  });

  it('a breakdown of 主动公开 that does not add up', async () => {
    const ok = report('主动公开各类信息523条，其中政务动态类信息478条，信息公开目录类信息45条。');
    expect(fails((await validate(ok)).findings, 'TEXT')).to.deep.equal([]);
    const bad = report('主动公开各类信息523条，其中政务动态类信息478条，信息公开目录类信息44条。');
    const f = fails((await validate(bad)).findings, 'TEXT');
    expect(f).to.have.length(1);
    expect(f[0]).to.include({ expected: '523', actual: '522' });
  });

  it('a blank table cell makes the claim skipped, never compared with 0', async () => {
    const r = report('共受理政府信息公开申请5件。', (x) => {
      x.applications.newReceived.total = null;
    });
    const v = await validate(r);
    const t = v.findings.filter((f) => f.rule === 'TEXT');
    expect(t).to.have.length(1);
    expect(t[0]!.status).to.equal('skipped');
  });

  it('a table cell that is not a number: skipped, and the message says so (not "blank")', async () => {
    const r = report('共受理政府信息公开申请5件。', (x) => {
      x.applications.newReceived.total = '五';
    });
    const t = (await validate(r)).findings.filter((f) => f.rule === 'TEXT');
    expect(t.map((f) => f.status)).to.deep.equal(['skipped']);
    expect(t[0]!.message).to.include('不是数字').and.not.to.include('未填写');
    const en = (await validate(r, { locale: 'en' })).findings.filter((f) => f.rule === 'TEXT');
    expect(en[0]!.message).to.include('is not a number').and.not.to.include('blank');
    const blank = report('共受理政府信息公开申请5件。', (x) => {
      x.applications.newReceived.total = null;
    });
    expect((await validate(blank)).findings.find((f) => f.rule === 'TEXT')!.message).to.include('未填写数字');
  });

  it('2019 format: holds and fails the same way', async () => {
    const r = randomReport({ format: '2019', shape: 'row', seed: 8, blanks: 0, consistent: true });
    r.sections = {
      overview: `全年共受理政府信息公开申请${r.applications.newReceived.total}件。`,
      problems: '无。',
      other: '无。',
    };
    expect(fails((await validate(r)).findings, 'TEXT')).to.deep.equal([]);
    r.sections.overview = `全年共受理政府信息公开申请${r.applications.newReceived.total + 2}件。`;
    const f = fails((await validate(r)).findings, 'TEXT');
    expect(f.map((x) => x.actual)).to.deep.equal([String(r.applications.newReceived.total + 2)]);
  });

  it('2019 format: 制发 claims are not checked (the 2019 table has 本年新制作, not 本年制发); the others are', async () => {
    const r = randomReport({ format: '2019', shape: 'row', seed: 8, blanks: 0, consistent: true });
    r.sections = {
      overview: `本年度制发规范性文件3件，制定规章2件。全年共受理政府信息公开申请${r.applications.newReceived.total + 1}件。`,
      problems: '无。',
      other: '无。',
    };
    const text = (await validate(r, { locale: 'en' })).findings.filter((f) => f.rule === 'TEXT');
    expect(text.map((f) => [f.status, f.cells])).to.deep.equal([['fail', ['applications.newReceived.total']]]);
    const r21 = report('本年度制发规范性文件3件。', (x) => (x.proactive.normativeDocuments.issued = 1));
    expect(fails((await validate(r21)).findings, 'TEXT').map((f) => f.cells)).to.deep.equal([
      ['proactive.normativeDocuments.issued'],
    ]);
  });

  it('does not apply to a report without prose', async () => {
    const r = report('');
    delete r.sections;
    expect((await validate(r)).findings.filter((f) => f.rule === 'TEXT')).to.deep.equal([]);
  });
});

describe('rule LABEL: label drift against the official wording', () => {
  it('warns for 规范性文件 in a 2021 report (the seed) and names the row cells', async () => {
    const f = fails((await validate(imported('bayannur-gxj-2021.txt'))).findings, 'LABEL');
    expect(f).to.have.length(1);
    expect(f[0]).to.include({ severity: 'warning', expected: '行政规范性文件', actual: '规范性文件' });
    expect(f[0]!.cells).to.deep.equal([
      'proactive.normativeDocuments.issued',
      'proactive.normativeDocuments.repealed',
      'proactive.normativeDocuments.inForce',
    ]);
  });

  it('width, spaces and quotes are not drift; other words are', async () => {
    const r = report('无。');
    r.source = {
      layout: 'html',
      labels: {
        'applications.granted': '(一) 予以公开',
        'applications.denied.threeSecurities': '3.危及"三安全一稳定"',
      },
    };
    expect(fails((await validate(r)).findings, 'LABEL')).to.deep.equal([]);
    r.source.labels['proactive.inForce'] = '现行有效件数（历史累计）';
    r.source.labels['section:appeals'] = '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况';
    const f = fails((await validate(r)).findings, 'LABEL');
    expect(f.map((x) => x.expected)).to.deep.equal(['现行有效件数', '四、政府信息公开行政复议、行政诉讼情况']);
  });

  it('2019 format: 规范性文件 is official there, 行政规范性文件 is the drift', async () => {
    const r = randomReport({ format: '2019', shape: 'row', seed: 8, blanks: 0 });
    r.source = { layout: 'html', labels: { 'proactive.normativeDocuments': '规范性文件' } };
    expect(fails((await validate(r)).findings, 'LABEL')).to.deep.equal([]);
    r.source.labels['proactive.normativeDocuments'] = '行政规范性文件';
    const f = fails((await validate(r, { locale: 'en' })).findings, 'LABEL');
    expect(f).to.have.length(1);
    expect(f[0]!.message).to.equal(
      'The row label “行政规范性文件” differs from the official wording “规范性文件” (Normative documents)',
    );
  });

  it('does not apply to a report without source labels', async () => {
    expect((await validate(report('无。'))).findings.filter((f) => f.rule === 'LABEL')).to.deep.equal([]);
  });
});

describe('fixtures: imported and validated against the hand-checked findings', () => {
  for (const name of ['hongze-gov-2023-pdf-text', 'hongze-gov-2024-pdf-text', 'huaian-gov-2024-pdf-text']) {
    it(name, async () => {
      const expected = readExpected(name);
      const { findings } = await validate(imported(`${name}.txt`));
      const failing = fails(findings);
      for (const e of expected.expectedFailures) {
        const match = failing.find((f) => f.rule === e.rule && f.severity === e.severity);
        expect(match, `${e.rule} ${e.where}`).to.not.equal(undefined);
        if (e.rule === 'T4-SUM') {
          const f = failing.find((x) => x.rule === 'T4-SUM' && x.cells.includes(`appeals.${e.where}.total`));
          expect(f, e.where).to.include({ expected: String(e.computed), actual: String(e.reported) });
        }
        if (e.rule === 'TEXT') {
          const f = failing.find((x) => x.rule === 'TEXT')!;
          expect(f).to.include({ expected: String(e.computed), actual: String(e.reported) });
        }
      }
      for (const rule of expected.mustPass) expect(fails(findings, rule), `${rule} must pass`).to.deep.equal([]);
      // Nothing else but the label typo the fixture README names.
      const known = new Set([
        ...expected.expectedFailures.map((e: Json) => e.rule),
        ...(expected.mayReport ?? []).map((e: Json) => e.rule),
      ]);
      const others = failing.filter((f) => !known.has(f.rule));
      expect(others.map((f) => `${f.rule} ${f.actual}`)).to.deep.equal(
        /行政止公开/.test(expected.formatNote) ? ['LABEL 2.其他法律行政止公开'] : [],
      );
    });
  }

  it('hongze 2024: TEXT quotes the sentence that says 17 where the table says 95', async () => {
    const f = fails((await validate(imported('hongze-gov-2024-pdf-text.txt'))).findings, 'TEXT');
    expect(f).to.have.length(1);
    expect(f[0]!.message).to.include('区政府办代表区政府受理政府信息公开申请17件');
    expect(f[0]!.cells).to.deep.equal(['applications.newReceived.total']);
  });

  it('huaian 2024: every number of the prose agrees (3119, 3050, 34, 103, 351, 46 and their breakdowns)', async () => {
    const r = imported('huaian-gov-2024-pdf-text.txt');
    expect(fails((await validate(r)).findings, 'TEXT')).to.deep.equal([]);
    r.appeals.reconsideration.total = 350;
    const f = fails((await validate(r)).findings, 'TEXT');
    expect(f.map((x) => x.actual)).to.deep.equal(['351']);
  });

  it('the seed validates with FORMAT and LABEL warnings and no errors', async () => {
    const v = await validate(imported('bayannur-gxj-2021.txt'));
    expect(v.summary.errors).to.equal(0);
    expect(
      fails(v.findings)
        .map((f) => f.rule)
        .sort(),
    ).to.deep.equal(['FORMAT', 'LABEL']);
  });
});
