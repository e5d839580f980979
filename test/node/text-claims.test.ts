/**
 * Rule TEXT reads claims as they are meant: one test per sentence shape, from sentences of published
 * reports (test/fixtures/published and the shapes named in issue 10) and realistic variants. A number
 * is attributed only to the noun phrase that counts it; compounds are sums; what cannot be attributed
 * is skipped. Then a property: TEXT never throws and never reports a number its quote does not hold.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { PROSE_RULES } from '../../src/import/index.js';
import { validate as validateTables, type Finding } from '../../src/rules/index.js';
import { readClaimNumber } from '../../src/rules/facts/text.js';
import { randomReport, type Json } from './import-helpers.js';

const validate = (report: unknown, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  validateTables(report, { packs: [PROSE_RULES], locale });
const text = async (report: Json, locale?: 'zh-CN' | 'en') =>
  (await validate(report, locale)).findings.filter((f) => f.rule === 'TEXT');
/** Failing TEXT findings as `stated→table [cells]`. */
const claims = async (report: Json) =>
  (await text(report)).map((f: Finding) =>
    f.status === 'fail' ? `${f.actual}→${f.expected} ${f.cells.join('+')}` : `skipped ${f.actual}`,
  );

/**
 * A report whose table 三 总计 column has every outcome row 0 except `rows` (paths under
 * `applications`, e.g. `denied.stateSecret`), （七）总计 their sum, and the prose `overview`.
 */
function report(overview: string, rows: Record<string, number | null> = {}, format: '2019' | '2021' = '2021'): Json {
  const r = randomReport({ format, shape: format === '2019' ? 'row' : 'group', seed: 3, blanks: 0, consistent: true });
  const apps = r.applications;
  const zero = (o: Json) => {
    for (const v of Object.values(o)) if (v && typeof v === 'object') 'total' in v ? (v.total = 0) : zero(v);
  };
  for (const k of ['granted', 'partiallyGranted', 'denied', 'unavailable', 'notProcessed', 'otherHandling'])
    zero({ [k]: apps[k] });
  let sum = 0;
  for (const [path, v] of Object.entries(rows)) {
    const keys = path.split('.');
    let o = apps;
    for (const k of keys) o = o[k];
    o.total = v;
    if (keys[0] !== 'total' && keys[0] !== 'newReceived' && keys[0] !== 'carriedOver') sum += v ?? 0;
  }
  if (!('total' in rows)) apps.total.total = sum;
  r.sections = { overview, problems: '无。', other: '无。' };
  return r;
}

describe('TEXT: compound nouns are sums', () => {
  it('予以公开及部分公开42件 is 予以公开 + 部分公开, never 部分公开 alone', async () => {
    const s = '全年共受理政府信息公开申请50件，其中予以公开及部分公开42件，无法提供8件。';
    const rows = { newReceived: 50, partiallyGranted: 12, granted: 30, 'unavailable.notHeld': 8 };
    expect(await claims(report(s, rows))).to.deep.equal([]);
    const f = await text(report(s, { ...rows, partiallyGranted: 10 }));
    expect(f.map((x) => [x.actual, x.expected, x.cells])).to.deep.equal([
      ['42', '40', ['applications.granted.total', 'applications.partiallyGranted.total']],
    ]);
    expect(f[0]!.message).to.equal(
      '正文称 42，表格为 40（（一）予以公开 · 总计 + （二）部分公开（区分处理的，只计这一情形，不计其他情形） · 总计）：“全年共受理政府信息公开申请50件，其中予以公开及部分公开42件，无法提供8件”',
    );
    const [en] = await text(report(s, { ...rows, partiallyGranted: 10 }), 'en');
    expect(en!.message).to.match(
      /^The text says 42; the table has 40 \(\(1\) Granted · Total \+ \(2\) Partially granted/,
    );
  });

  it('予以公开及部分公开258件 against a table whose 予以公开 + 部分公开 is 275', async () => {
    const r = report('本年度办结的申请中，予以公开及部分公开258件。', { granted: 260, partiallyGranted: 15 });
    expect(await claims(r)).to.deep.equal(['258→275 applications.granted.total+applications.partiallyGranted.total']);
  });

  it('A和B, A、B, A与B and three members', async () => {
    const rows = { granted: 5, partiallyGranted: 2, 'denied.thirdParty': 1, 'unavailable.notHeld': 3 };
    for (const s of [
      '予以公开和部分公开7件。',
      '予以公开、部分公开的申请共7件。',
      '不予公开与无法提供4件。',
      '部分公开、不予公开及无法提供6件。',
    ])
      expect(await claims(report(s, rows)), s).to.deep.equal([]);
    expect(await claims(report('部分公开、不予公开及无法提供7件。', rows))).to.have.length(1);
  });

  it('行政复议和行政诉讼1件 is their sum; 各 (each) and 分别 (respectively) are not read as sums', async () => {
    const r = report('本年度发生政府信息公开行政复议和行政诉讼1件。');
    r.appeals.reconsideration = { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 };
    for (const k of ['litigationDirect', 'litigationAfterReconsideration'])
      r.appeals[k] = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 };
    expect(await claims(r)).to.deep.equal([]);
    r.sections.overview = '本年度发生政府信息公开行政复议和行政诉讼2件。';
    expect(await claims(r)).to.deep.equal([
      '2→1 appeals.reconsideration.total+appeals.litigationDirect.total+appeals.litigationAfterReconsideration.total',
    ]);
    for (const s of [
      '本年度行政复议、行政诉讼案件各0件。',
      '予以公开、部分公开分别为5件、3件。',
      '行政复议、行政诉讼均为0件。',
    ]) {
      r.sections.overview = s;
      expect(await claims(r), s).to.deep.equal([]);
    }
  });

  it('a compound with a member that is not a table row is not attributed', async () => {
    const r = report('主动公开政策、规范性文件类信息68条。全年新增公开市政府规章1件、市政府及市政府办政策性文件11件。');
    r.proactive.regulations.issued = 1;
    r.proactive.normativeDocuments.issued = 8;
    expect(await claims(r)).to.deep.equal([]);
    r.sections.overview = '依申请公开及主动公开信息30件，予以公开及政策解读12件。';
    expect(await claims(r)).to.deep.equal([]);
  });
});

describe('TEXT: a number is attributed only to the noun it counts', () => {
  it('现行有效…393件 is not a claim about 本年制发', async () => {
    const r = report('');
    r.proactive.normativeDocuments.issued = 8;
    for (const s of [
      '本年度集中发布现行有效规范性文件393件。',
      '制定出台现行有效行政规范性文件393件。',
      '全面清理规范性文件，经清理，现行有效393件。',
      '本年度制发行政规范性文件8件，废止26件，现行有效393件。',
      '截至年底累计制发规范性文件393件。',
    ]) {
      r.sections.overview = s;
      expect(await claims(r), s).to.deep.equal([]);
    }
    r.sections.overview = '本年度制发行政规范性文件9件，废止26件，现行有效393件。';
    expect(await claims(r)).to.deep.equal(['9→8 proactive.normativeDocuments.issued']);
  });

  it('同意公开答复9件，部分公开答复0件… are the outcomes, not three claims about the total answered', async () => {
    const s = '共答复政府信息公开申请12件，其中同意公开答复9件，部分公开答复0件，不同意公开答复1件，其他答复2件。';
    const rows = { granted: 9, partiallyGranted: 0, 'denied.thirdParty': 1, 'unavailable.notHeld': 2 };
    expect(await claims(report(s, rows))).to.deep.equal([]);
    expect(await claims(report(s, { ...rows, granted: 8 }))).to.deep.equal([
      '12→11 applications.total.total',
      '9→8 applications.granted.total',
    ]);
  });

  it('an outcome word inside a longer noun phrase is not the outcome: 延期答复, 因…不予公开, 属于…不予公开', async () => {
    const rows = {
      newReceived: 12,
      granted: 4,
      'denied.processInformation': 1,
      'unavailable.notHeld': 5,
      'denied.queryMatters': 2,
    };
    for (const s of [
      // 兴化市大营镇 2023, as published
      '2023年度依申请公开数为12件,已答复12件,其中4件申请的内容予以公开,1件因四类过程信息不予公开,5件因本机关不掌握相关政府信息而不予公开、2件属于行政查询事项不予公开。',
      '依法延期答复3件，逾期答复0件。',
      '属于国家秘密不予公开2件，本机关不掌握相关政府信息无法提供5件。',
    ])
      expect(await claims(report(s, rows)), s).to.deep.equal([]);
    expect(await claims(report('其中4件申请的内容予以公开。', { ...rows, granted: 3 }))).to.deep.equal([
      '4→3 applications.granted.total',
    ]);
  });

  it('较上年增加5件 is a change, not a count', async () => {
    const r = report('全年共受理政府信息公开申请21件，较上年增加5件；办结申请数较上年减少3件，同比增长10%。');
    r.applications.newReceived.total = 21;
    expect(await claims(r)).to.deep.equal([]);
    r.sections.overview = '受理政府信息公开申请较上年增加5件。予以公开数量同比增长3件。';
    expect(await claims(r)).to.deep.equal([]);
  });

  it('percentages, years, dates, 第X条 and phone numbers are not counts', async () => {
    const r = report(
      '2024年1月1日至2024年12月31日，依据《条例》第三十六条第（三）项予以公开，予以公开率为85%，办结率100%。联系电话：0517-83605210，国令第711号。',
      { granted: 3 },
    );
    expect(await claims(r)).to.deep.equal([]);
    r.sections.overview = '依据《条例》第三十六条予以公开3件。';
    // 第三十六条 is no count, and 依据…第三十六条 is more than the noun 予以公开: not attributed
    expect(await claims(r)).to.deep.equal([]);
    r.sections.overview = '2024年予以公开3件，2024年度部分公开0件。';
    expect(await claims(r)).to.deep.equal([]);
  });

  it('approximations are not compared: 5500余条, 约300件, 300件左右, 数十件', async () => {
    const r = report(
      '主动公开各类政府信息5500余条，受理申请约300件，答复300件左右，予以公开数十件，部分公开二十多件。',
    );
    expect(await claims(r)).to.deep.equal([]);
  });
});

describe('TEXT: the outcome rows and the stated total', () => {
  it('无法提供265件 against the sum of the 无法提供 rows', async () => {
    const s = '本年度无法提供265件，不予处理3件，其他处理2件。';
    const rows = {
      'unavailable.notHeld': 200,
      'unavailable.needsCreation': 60,
      'unavailable.unclearAfterCorrection': 5,
    };
    const more = { 'notProcessed.repeated': 3, 'otherHandling.noCorrection': 1, 'otherHandling.other': 1 };
    expect(await claims(report(s, { ...rows, ...more }))).to.deep.equal([]);
    const f = await text(report(s, { ...rows, 'unavailable.notHeld': 199, ...more }));
    expect(f.map((x) => [x.actual, x.expected, x.cells.length])).to.deep.equal([['265', '264', 3]]);
    expect(f[0]!.message).to.include('表格为 264（（四）无法提供各项之和）').and.include('“本年度无法提供265件');
    const [en] = await text(report(s, { ...rows, 'unavailable.notHeld': 199, ...more }), 'en');
    expect(en!.message).to.include('the table has 264 (the sum of the (4) Unable to provide rows)');
  });

  it('不予公开, 不予处理, 其他处理 with 件/条/次 and Chinese numerals', async () => {
    const rows = {
      'denied.thirdParty': 2,
      'denied.stateSecret': 1,
      'notProcessed.repeated': 4,
      'otherHandling.feeUnpaid': 1,
    };
    for (const s of [
      '不予公开3件，不予处理4件，其他处理1件。',
      '不予公开三条，不予处理四次，作其他处理一件。',
      '其中3件不予公开，4件不予处理，1件其他处理。',
    ])
      expect(await claims(report(s, rows)), s).to.deep.equal([]);
    expect(await claims(report('不予公开四件。', rows))).to.deep.equal([
      `4→3 ${['stateSecret', 'lawProhibited', 'threeSecurities', 'thirdParty', 'internalAffairs', 'processInformation', 'enforcementFiles', 'queryMatters'].map((k) => `applications.denied.${k}.total`).join('+')}`,
    ]);
  });

  it('2019 format: 其他处理 is one row there', async () => {
    const r = report('其他处理2件。', { otherHandling: 2 }, '2019');
    expect(await claims(r)).to.deep.equal([]);
    r.applications.otherHandling.total = 1;
    expect(await claims(r)).to.deep.equal(['2→1 applications.otherHandling.total']);
  });

  it('a stated total is compared with （七）总计 and with the outcome rows it totals', async () => {
    const rows = { granted: 30, 'denied.thirdParty': 18 };
    // the table's 总计 says 50, its rows add up to 48: the prose's 50 agrees with one and not the other
    const r = report('共办结政府信息公开申请50件。', { ...rows, total: 50 });
    const f = await text(r);
    expect(f.map((x) => [x.actual, x.expected, x.cells.length])).to.deep.equal([['50', '48', 21]]);
    expect(f[0]!.message).to.include('表格为 48（（一）至（六）各项办理结果之和）');
    // 总计 left blank: the rows are what the total would be
    expect(await claims(report('共办结政府信息公开申请48件。', { ...rows, total: null }))).to.deep.equal([]);
    expect(await claims(report('共办结政府信息公开申请50件。', { ...rows, total: null }))).to.deep.equal([
      `50→48 ${f[0]!.cells.join('+')}`,
    ]);
    // 总计 disagrees with the prose: one finding, about 总计
    expect(await claims(report('共办结政府信息公开申请50件。', { ...rows, total: 47 }))).to.deep.equal([
      '50→47 applications.total.total',
    ]);
    // everything blank: skipped, never compared with 0
    const blank = report('共办结政府信息公开申请50件。', { ...rows, granted: null, total: null });
    expect(await claims(blank)).to.deep.equal(['skipped 50']);
  });

  it('其中 sub-clauses: every outcome of a breakdown is its own claim', async () => {
    const s = '全年共受理政府信息公开申请21件，办结21件，其中予以公开15件，部分公开3件，不予公开2件，无法提供1件。';
    const rows = { granted: 15, partiallyGranted: 3, 'denied.internalAffairs': 2, 'unavailable.notHeld': 1 };
    const r = report(s, { ...rows, newReceived: 21 });
    expect(await claims(r)).to.deep.equal([]);
    r.applications.partiallyGranted.total = 4;
    r.applications.total.total = 22;
    expect(await claims(r)).to.deep.equal([
      '21→22 applications.total.total',
      '3→4 applications.partiallyGranted.total',
    ]);
  });

  it('行政复议 breakdown parts belong to their own claim, not to 行政诉讼', async () => {
    const r = report('收到政府信息公开行政复议3件，其中结果维持2件，尚未审结1件；行政诉讼1件，其中结果纠正1件。');
    r.appeals.reconsideration = { upheld: 2, corrected: 0, other: 0, pending: 1, total: 3 };
    r.appeals.litigationDirect = { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 };
    r.appeals.litigationAfterReconsideration = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 };
    expect(await claims(r)).to.deep.equal([]);
    r.appeals.reconsideration.pending = 0;
    expect(await claims(r)).to.deep.equal(['1→0 appeals.reconsideration.pending']);
  });
});

describe('TEXT: readClaimNumber', () => {
  it('reads 两, 〇 and 万, and does not read 百、千、万 alone (上千件) as a number', () => {
    expect(readClaimNumber('两百〇五')).to.equal(205);
    expect(readClaimNumber('一万零三')).to.equal(10003);
    expect(readClaimNumber('二十')).to.equal(20);
    for (const t of ['千', '万', '百二']) expect(readClaimNumber(t), t).to.equal(null);
  });
});

// ---------------------------------------------------------------- property

/** Every number written in a quote, read as claims are. */
function numbersIn(quote: string): Set<string> {
  const out = new Set<string>();
  for (const m of quote.matchAll(
    /[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+|[零〇一二两三四五六七八九十百千万]+/g,
  )) {
    const v = readClaimNumber(m[0]);
    if (v !== null) out.add(String(v));
  }
  return out;
}
const quoteOf = (f: Finding) => /[“"](.*)[”"]$/s.exec(f.message)?.[1] ?? '';

const pick = (words: string) => fc.constantFrom(...words.split(' '));
const noise = fc.oneof(
  pick('， 。 ； （ ） 、 \n  及 和 各 分别 第 年 月 % 余 约 . 较上年增加 含上年结转'),
  fc.string({ maxLength: 3 }),
);
const noun = pick(
  '予以公开 同意公开答复 部分公开 不予公开 不同意公开 无法提供 不予处理 其他处理 答复 办结 受理政府信息公开申请 收到 ' +
    '上年结转 结转下年度 行政复议 行政诉讼 结果维持 尚未审结 制发规范性文件 制定规章 现行有效 主动公开信息 延期答复',
);
const number = pick('0 1 12 3,119 １２ 十二 三十五 两 万 千 2024 5 17');
const unit = pick('件 条 次 个 年 % 余条');
/** Prose made of clauses (words, a noun, a number, a measure word) with noise between them. */
const prose = fc
  .array(
    fc.oneof(
      fc.tuple(
        fc.option(pick('其中 全年共 另有 依据条例第三十六条 2024年')),
        noun,
        fc.option(pick('及 、 和')),
        noun,
        number,
        unit,
      ),
      fc.tuple(number, unit, noun),
      noise,
    ),
    { maxLength: 12 },
  )
  .map((a) => a.map((x) => (Array.isArray(x) ? x.filter((w) => w !== null).join('') : x)).join(''));

describe('TEXT: property', () => {
  it('never throws and never reports a number its quoted sentence does not hold', async () => {
    await fc.assert(
      fc.asyncProperty(prose, prose, fc.integer({ min: 0, max: 5 }), async (overview, other, seed) => {
        const r = randomReport({
          format: seed % 2 ? '2019' : '2021',
          shape: seed % 2 ? 'row' : 'group',
          seed,
          blanks: 0.2,
        });
        r.sections = { overview, problems: '无。', other };
        for (const f of await text(r)) {
          // the stated number: `actual`, or for a breakdown that does not add up (no cells) the stated total
          const stated = f.cells.length ? f.actual! : f.expected!;
          expect(numbersIn(quoteOf(f)), f.message).to.include(stated);
        }
      }),
      { numRuns: 300 },
    );
  });
});
