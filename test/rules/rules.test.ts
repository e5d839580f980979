import { expect } from 'chai';
import { validate, RULES, type Finding, type ValidationResult } from '../../src/rules/index.js';
import { clone, consistentReport, setPath, type Fmt, type Json } from '../helpers/reports.js';

const fails = (r: ValidationResult, rule: string) => r.findings.filter((f) => f.rule === rule && f.status === 'fail');
const only = (r: ValidationResult, rule: string): Finding => {
  const f = fails(r, rule);
  expect(f, `${rule} findings: ${JSON.stringify(r.findings.map((x) => x.rule + ' ' + x.message))}`).to.have.length(1);
  return f[0]!;
};
const noErrors = (r: ValidationResult) =>
  expect(r.findings.filter((f) => f.status === 'fail').map((f) => `${f.rule}: ${f.message}`)).to.deep.equal([]);

for (const format of ['2019', '2021'] as Fmt[]) {
  const base = () => consistentReport({ format, seed: 42, scale: 30 });

  describe(`rules on a ${format}-format report`, () => {
    it('a consistent report: every rule holds, nothing skipped', async () => {
      const r = await validate(base());
      noErrors(r);
      expect(r.summary).to.include({ errors: 0, warnings: 0, infos: 0, skipped: 0 });
      expect(r.summary.checked).to.be.greaterThan(300);
    });

    it('T3-BAL fails on one column only, with expected and actual', async () => {
      const rep = base();
      rep.applications.carriedForward.research += 2;
      rep.applications.carriedForward.total += 2;
      const r = await validate(rep);
      const bal = fails(r, 'T3-BAL');
      expect(bal.map((f) => f.cells.find((c) => c.startsWith('applications.carriedForward'))).sort()).to.deep.equal([
        'applications.carriedForward.research',
        'applications.carriedForward.total',
      ]);
      const research = bal.find((f) => f.cells.includes('applications.carriedForward.research'))!;
      expect(research.cells).to.deep.equal([
        'applications.newReceived.research',
        'applications.carriedOver.research',
        'applications.total.research',
        'applications.carriedForward.research',
      ]);
      expect(Number(research.actual) - Number(research.expected)).to.equal(2);
      expect(research.severity).to.equal('error');
      expect(research.message)
        .to.match(/^“科研机构”列/)
        .and.to.include(`应为 ${research.expected}`)
        .and.to.include(`实为 ${research.actual}`);
      expect(fails(r, 'T3-TOTAL')).to.have.length(0);
      expect(fails(r, 'T3-COL')).to.have.length(0);
    });

    it('T3-TOTAL fails when one result row is off, naming every result cell of the column', async () => {
      const rep = base();
      rep.applications.denied.thirdParty.natural += 1;
      rep.applications.denied.thirdParty.total += 1;
      const r = await validate(rep);
      const f = fails(r, 'T3-TOTAL').find((x) => x.cells.includes('applications.total.natural'))!;
      expect(f.cells)
        .to.include('applications.denied.thirdParty.natural')
        .and.to.include('applications.otherHandling' + (format === '2019' ? '.natural' : '.other.natural'));
      expect(f.cells).to.have.length(format === '2019' ? 20 : 22);
      expect(Number(f.expected) - Number(f.actual)).to.equal(1);
      expect(fails(r, 'T3-BAL')).to.have.length(0);
    });

    it('T3-COL fails on a row whose 总计 is not the sum of the applicant columns', async () => {
      const rep = base();
      rep.applications.unavailable.notHeld.total += 3;
      const r = await validate(rep);
      const f = fails(r, 'T3-COL').find((x) => x.cells.includes('applications.unavailable.notHeld.total'))!;
      expect(f.cells).to.deep.equal(
        ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'].map(
          (c) => `applications.unavailable.notHeld.${c}`,
        ),
      );
      expect(Number(f.actual) - Number(f.expected)).to.equal(3);
      expect(f.message).to.include('（四）无法提供 1.本机关不掌握相关政府信息');
    });

    it('T4-SUM holds, and fails for 复议后起诉 when its total is off', async () => {
      const rep = base();
      rep.appeals.litigationAfterReconsideration.total += 4;
      const f = only(await validate(rep), 'T4-SUM');
      expect(f.cells).to.deep.equal(
        ['upheld', 'corrected', 'other', 'pending', 'total'].map((k) => `appeals.litigationAfterReconsideration.${k}`),
      );
      expect(f.message).to.include('复议后起诉');
    });

    it('NUM: negative, fractional, too large and non-numeric counts; signed 本年增/减 and decimal fees pass', async () => {
      const rep = base();
      rep.applications.granted.natural = -1;
      rep.applications.granted.commercial = 1.5;
      rep.applications.granted.research = 1e21;
      rep.applications.granted.publicInterest = 'abc';
      const r = await validate(rep);
      const num = fails(r, 'NUM');
      const by = (c: string) => num.find((f) => f.cells[0] === `applications.granted.${c}`);
      expect(by('natural')!.message).to.include('不能为负数');
      expect(by('commercial')!.message).to.include('应为整数');
      expect(by('research')!.message).to.include('过大');
      expect(by('publicInterest')!.message).to.include('不是数字');
      expect(num).to.have.length(4);
      expect(num.every((f) => f.severity === 'error')).to.equal(true);
      if (format === '2019') expect(base().proactive.licensing.change).to.be.below(1); // signed values are in the passing base
    });

    it('NUM: a negative fee amount fails; a decimal string amount holds', async () => {
      const rep = base();
      const path = format === '2019' ? 'proactive.procurement.amount' : 'proactive.fees.amount';
      setPath(rep, path, '-3.5');
      const f = only(await validate(rep), 'NUM');
      expect(f.cells).to.deep.equal([path]);
      setPath(rep, path, '24252.311082');
      expect(fails(await validate(rep), 'NUM')).to.have.length(0);
    });

    it('BLANK: a blank cell, a "-" marker, a missing row and a missing table; never read as 0', async () => {
      const rep = base();
      rep.applications.granted.research = null;
      rep.appeals.reconsideration.pending = '-';
      delete rep.applications.carriedForward;
      delete rep.proactive;
      const r = await validate(rep);
      const blank = fails(r, 'BLANK');
      expect(blank.map((f) => f.message)).to.have.members([
        '“（一）予以公开 · 科研机构”未填写：空白不等于 0，没有发生的应填 0',
        '“行政复议 · 尚未审结”填写为“-”：不等于 0，没有发生的应填 0',
        '“四、结转下年度继续办理”整行缺失',
        '表格“二、主动公开政府信息情况”缺失',
      ]);
      expect(blank.every((f) => f.severity === 'warning')).to.equal(true);
      // the equations through the blank cells are skipped, not failed
      const errors = r.findings.filter((f) => f.severity === 'error' && f.status === 'fail');
      expect(errors).to.have.length(0);
      const skipped = r.findings.filter((f) => f.status === 'skipped');
      expect(skipped.some((f) => f.rule === 'T4-SUM' && f.cells.includes('appeals.reconsideration.pending'))).to.equal(
        true,
      );
      expect(
        skipped.some((f) => f.rule === 'T3-BAL' && f.cells.includes('applications.carriedForward.natural')),
      ).to.equal(true);
      expect(r.summary.skipped).to.equal(skipped.length);
    });

    it('BLANK: an empty table 四 is one finding about the table; a missing sub-row is named with its group', async () => {
      const rep = base();
      rep.appeals = {};
      if (format === '2021') delete rep.applications.otherHandling.other;
      delete rep.applications.denied.thirdParty;
      const zh = fails(await validate(rep), 'BLANK');
      const en = fails(await validate(rep, { locale: 'en' }), 'BLANK');
      expect(zh.find((f) => f.cells.length === 15)!.message).to.equal(
        '表格“四、政府信息公开行政复议、行政诉讼情况”的单元格全部缺失',
      );
      expect(en.find((f) => f.cells.length === 15)!.message).to.equal(
        'Every cell of table “IV. Administrative Reconsideration and Litigation Concerning Disclosure” is missing',
      );
      const rows = zh.filter((f) => f.cells.length === 7).map((f) => f.message);
      expect(rows).to.include('“（三）不予公开 4.保护第三方合法权益”整行缺失');
      if (format === '2021') {
        expect(rows).to.include('“（六）其他处理 3.其他”整行缺失');
        expect(en.map((f) => f.message)).to.include('Row “(6) Other handling 3. Other” is missing');
      }
    });

    it("FORMAT: holds for the right year, warns for the other format's year", async () => {
      expect(fails(await validate(base()), 'FORMAT')).to.have.length(0);
      const rep = base();
      rep.year = format === '2019' ? 2022 : 2020;
      const f = only(await validate(rep), 'FORMAT');
      expect(f.severity).to.equal('warning');
      expect(f.expected).to.equal(format === '2019' ? '2021' : '2019');
      expect(f.message).to.include(String(rep.year));
    });

    it("FORMAT: a （六）其他处理 in the other format's shape is kept, validated with that shape, and flagged", async () => {
      const rep = consistentReport({ format, shape: format === '2019' ? 'group' : 'row', seed: 5 });
      const r = await validate(rep);
      const f = only(r, 'FORMAT');
      expect(f.cells.every((c) => c.startsWith('applications.otherHandling.'))).to.equal(true);
      expect(r.summary.errors).to.equal(0);
    });

    it("X-CARRY runs only with last year's report: holds when carry-over matches, warns per column when not", async () => {
      const rep = base();
      const prev = consistentReport({ format, seed: 7, year: rep.year - 1 });
      expect(fails(await validate(rep), 'X-CARRY')).to.have.length(0);
      prev.applications.carriedForward = clone(rep.applications.carriedOver);
      expect(fails(await validate(rep, { previous: prev }), 'X-CARRY')).to.have.length(0);
      prev.applications.carriedForward.legalService += 1;
      const r = await validate(rep, { previous: prev });
      const x = fails(r, 'X-CARRY');
      expect(x).to.have.length(1);
      expect(x[0]!.cells).to.deep.equal([
        'previous:applications.carriedForward.legalService',
        'applications.carriedOver.legalService',
      ]);
      expect(x[0]!.severity).to.equal('warning');
    });

    it('RULE-MAKING: only with agency.tier; a township reporting 规章 is warned, a city is not', async () => {
      const rep = base();
      const col = format === '2019' ? 'made' : 'issued';
      rep.proactive.regulations[col] = 2;
      expect(fails(await validate(rep), 'RULE-MAKING')).to.have.length(0);
      rep.agency.tier = 'city';
      expect(fails(await validate(rep), 'RULE-MAKING')).to.have.length(0);
      rep.agency.tier = 'township';
      const f = only(await validate(rep), 'RULE-MAKING');
      expect(f.cells).to.deep.equal([`proactive.regulations.${col}`]);
      rep.proactive.regulations[col] = 0;
      expect(fails(await validate(rep), 'RULE-MAKING')).to.have.length(0);
    });
  });
}

describe('BLANK on a partial document (source.end set by the importer)', () => {
  it('cells past the end are one finding saying where the text ended; blanks before it are still reported one by one', async () => {
    const rep = consistentReport({ format: '2021', seed: 31 });
    rep.applications.newReceived.research = null;
    for (const k of Object.keys(rep.applications))
      if (!['newReceived', 'carriedOver'].includes(k)) delete rep.applications[k];
    delete rep.appeals;
    rep.source = { layout: 'pipe-cells', end: { table: 'applications', row: 'applications.carriedOver', line: 83 } };
    const blank = fails(await validate(rep), 'BLANK');
    expect(blank.map((f) => f.message)).to.deep.equal([
      '“一、本年新收政府信息公开申请数量 · 科研机构”未填写：空白不等于 0，没有发生的应填 0',
      `原文在第 83 行结束：其后的 ${23 * 7 + 15} 个单元格未导入，无法核对`,
    ]);
    expect(blank[1]!.cells).to.include('applications.total.natural').and.to.include('appeals.reconsideration.total');
  });
});

describe('imported reports: source.unread (import gaps) and source.splitWith (equations used to read the text)', () => {
  it('BLANK leaves out the cells the importer could not read; a blank the publisher left stays BLANK', async () => {
    const rep = consistentReport({ format: '2021', seed: 32 });
    rep.applications.granted.natural = null;
    rep.applications.granted.research = null;
    rep.source = { layout: 'html', unread: { 'applications.granted.natural': { code: 'several-numbers', line: 63 } } };
    const blank = fails(await validate(rep), 'BLANK');
    expect(blank.flatMap((f) => f.cells)).to.deep.equal(['applications.granted.research']);
    // a whole row unread: no "row missing" either
    for (const c of Object.keys(rep.applications.partiallyGranted)) {
      rep.applications.partiallyGranted[c] = null;
      rep.source.unread[`applications.partiallyGranted.${c}`] = { code: 'glued-ambiguous', line: 1 };
    }
    const again = fails(await validate(rep), 'BLANK');
    expect(again.flatMap((f) => f.cells)).to.deep.equal(['applications.granted.research']);
  });

  it('an equation named in source.splitWith is skipped with the reason, in both languages, and not counted as checked', async () => {
    const rep = consistentReport({ format: '2021', seed: 33 });
    const cells = [...['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']].map(
      (c) => `applications.granted.${c}`,
    );
    const plain = await validate(rep);
    rep.source = { layout: 'glued', splitWith: [{ rule: 'T3-COL', cells: [...cells].reverse() }] };
    const r = await validate(rep);
    const f = r.findings.find((x) => x.rule === 'T3-COL')!;
    expect(f.status).to.equal('skipped');
    expect(f.cells).to.deep.equal(cells);
    expect(f.message).to.equal('“（一）予以公开”行的总计无法核对：导入时已用它拆分原文中粘连的数字');
    expect(r.summary.skipped).to.equal(1);
    expect(r.summary.checked).to.equal(plain.summary.checked - 1);
    const en = (await validate(rep, { locale: 'en' })).findings.find((x) => x.rule === 'T3-COL')!;
    expect(en.message).to.equal(
      'Row “(1) Granted”: the total cannot be checked because it was used to split the digits glued together in the source text',
    );
    // a failing equation used to read the text is skipped too (it cannot check what it decided)
    rep.applications.granted.total += 1;
    expect(fails(await validate(rep), 'T3-COL')).to.deep.equal([]);
  });
});

describe('X-INFORCE (2021 format, with last year)', () => {
  it('holds when in force = last year + issued − repealed, informs when not', async () => {
    const rep = consistentReport({ format: '2021', seed: 9 });
    const prev = consistentReport({ format: '2021', seed: 10, year: rep.year - 1 });
    const d = rep.proactive.normativeDocuments;
    prev.proactive.normativeDocuments.inForce = d.inForce - d.issued + d.repealed;
    prev.applications.carriedForward = clone(rep.applications.carriedOver);
    let r = await validate(rep, { previous: prev });
    expect(fails(r, 'X-INFORCE')).to.have.length(0);
    prev.proactive.normativeDocuments.inForce += 5;
    r = await validate(rep, { previous: prev });
    const f = only(r, 'X-INFORCE');
    expect(f.severity).to.equal('info');
    expect(f.cells).to.deep.equal([
      'previous:proactive.normativeDocuments.inForce',
      'proactive.normativeDocuments.issued',
      'proactive.normativeDocuments.repealed',
      'proactive.normativeDocuments.inForce',
    ]);
    expect(Number(f.expected) - Number(f.actual)).to.equal(5);
    expect(r.summary.infos).to.equal(1);
  });

  it('does not apply to a 2019-format report (no 现行有效件数)', async () => {
    const rep = consistentReport({ format: '2019', seed: 9 });
    const prev = consistentReport({ format: '2019', seed: 10, year: rep.year - 1 });
    const r = await validate(rep, { previous: prev });
    expect(r.findings.filter((f) => f.rule === 'X-INFORCE')).to.have.length(0);
  });
});

describe('validate: input handling', () => {
  it('every rule file id of docs/format.md §6 is loaded', () => {
    expect(RULES.map((r) => r.name)).to.include.members([
      'T3-BAL',
      'T3-TOTAL',
      'T3-COL',
      'T4-SUM',
      'NUM',
      'BLANK',
      'FORMAT',
      'X-CARRY',
      'X-INFORCE',
      'RULE-MAKING',
    ]);
  });

  it('English messages with locale en', async () => {
    const rep = consistentReport({ seed: 1 });
    rep.applications.total.natural += 1;
    const r = await validate(rep, { locale: 'en' });
    const msgs = r.findings.map((f) => f.message);
    expect(msgs).to.include.members([
      `Column “Natural persons”: (7) Total should be ${Number(rep.applications.total.natural) - 1} (the sum of the outcome rows), but is ${rep.applications.total.natural}`,
    ]);
    for (const m of msgs) expect(m).not.to.match(/[\u4e00-\u9fff]/);
  });

  it('JSON text in, including broken JSON with its line', async () => {
    const good = await validate(JSON.stringify(consistentReport({ seed: 2 })));
    expect(good.summary.errors).to.equal(0);
    expect(good.report).to.be.an('object');
    const bad = await validate('{\n  "schemaVersion": 1,\n  "format": "2021",\n}');
    expect(bad.findings).to.have.length(1);
    expect(bad.findings[0]!.rule).to.equal('SCHEMA');
    expect(bad.findings[0]!.message).to.include('第 4 行');
    expect(bad.report).to.equal(undefined);
  });

  for (const [name, value] of [
    ['null', null],
    ['an array', []],
    ['a number', 42],
    ['unknown format', { schemaVersion: 1, format: '2030', year: 2030 }],
    ['no format', { year: 2021 }],
  ] as [string, unknown][]) {
    it(`a located SCHEMA error for ${name}, no crash`, async () => {
      const r = await validate(value);
      expect(r.findings.length).to.be.greaterThan(0);
      expect(r.findings.every((f) => f.rule === 'SCHEMA' && f.severity === 'error')).to.equal(true);
      expect(r.summary.errors).to.equal(r.findings.length);
    });
  }

  it("last year's report as unreadable JSON text: a located SCHEMA warning, like any unusable previous report", async () => {
    const rep = consistentReport({ seed: 4 });
    const warn = async (previous: unknown, locale: 'en' | 'zh-CN' = 'en') => {
      const r = await validate(rep, { previous, locale });
      expect(r.summary).to.include({ errors: 0, warnings: 1 });
      return r.findings.filter((f) => f.rule === 'SCHEMA').map((f) => [f.severity, f.message]);
    };
    expect(await warn('{bad')).to.deep.equal([
      [
        'warning',
        'the previous report cannot be read: JSON syntax error at line 1, column 2; cross-year rules skipped',
      ],
    ]);
    expect(await warn('{\n  "format": "2021",\n}', 'zh-CN')).to.deep.equal([
      ['warning', '上一年度报告无法读取：JSON 语法错误（第 3 行第 1 列），跨年度规则未执行'],
    ]);
    expect(await warn('')).to.deep.equal([
      [
        'warning',
        'the previous report cannot be read: the JSON text is empty at line 1, column 1; cross-year rules skipped',
      ],
    ]);
    expect(await warn(42)).to.deep.equal([
      ['warning', 'the previous report is not a REPORT-JSON report: cross-year rules skipped'],
    ]);
    const ok = await validate(rep, { previous: JSON.stringify(consistentReport({ seed: 5, year: 2022 })) });
    expect(ok.findings.filter((f) => f.rule === 'SCHEMA')).to.deep.equal([]);
  });

  it('structure errors (unknown key, wrong type) are SCHEMA findings with the path; cell values are left to NUM', async () => {
    const rep: Json = consistentReport({ seed: 4 });
    rep.applications.granted.naturall = 1;
    rep.title = 12;
    rep.applications.granted.natural = 'x';
    const r = await validate(rep);
    const schema = r.findings.filter((f) => f.rule === 'SCHEMA');
    expect(schema.map((f) => f.cells[0]).sort()).to.deep.equal(['applications.granted', 'title']);
    expect(fails(r, 'NUM').map((f) => f.cells[0])).to.deep.equal(['applications.granted.natural']);
  });

  it('exact decimals: 万元 amounts and sums never suffer float error', async () => {
    const rep = consistentReport({ seed: 5 });
    rep.applications.granted = {
      natural: 0.1,
      commercial: 0.2,
      research: 0,
      publicInterest: 0,
      legalService: 0,
      otherOrg: 0,
      total: 0.3,
    };
    const r = await validate(rep);
    expect(fails(r, 'T3-COL').filter((f) => f.cells.includes('applications.granted.total'))).to.have.length(0);
  });

  it('the same report object may change between runs (no stale cache)', async () => {
    const rep = consistentReport({ seed: 6 });
    expect((await validate(rep)).summary.errors).to.equal(0);
    rep.appeals.reconsideration.total += 1;
    expect((await validate(rep)).summary.errors).to.equal(1);
  });

  it("findings are the caller's own: changing their cells does not change a later run", async () => {
    const rep = consistentReport({ seed: 7 });
    delete rep.appeals;
    for (const k of Object.keys(rep.applications.granted)) rep.applications.granted[k] = null;
    const first = await validate(rep);
    const blankCells = (r: ValidationResult) => fails(r, 'BLANK').map((f) => f.cells.join());
    const before = blankCells(first);
    expect(before.length).to.be.at.least(2);
    for (const f of first.findings) f.cells.splice(0, f.cells.length, 'changed');
    expect(blankCells(await validate(rep))).to.deep.equal(before);
  });
});
