import { expect } from 'chai';
import { explainCell, locatePath, parseJsonText, parseReport, validate } from '../../src/rules/index.js';
import { indexPositions } from '../../src/model/json.js';
import { contextOf } from '../../src/rules/context.js';
import { consistentReport } from '../helpers/reports.js';

const en = { locale: 'en' } as const;

describe('error location: one pass over the text, however many errors (issue 12.1)', () => {
  it('parseReport locates each of 10,000 bad extra rows at its own line (was one rescan of the text per error)', () => {
    const rep = consistentReport({ seed: 7 }) as Record<string, any>;
    rep.applications.extras = Array.from({ length: 10000 }, (_, i) => ({ label: i, values: ['说明', i] }));
    const text = JSON.stringify(rep, null, 2);
    const p = parseReport(text, en);
    expect(p.ok).to.equal(false);
    expect(p.errors).to.have.length(10000);
    const lines = text.split('\n');
    for (const i of [0, 1, 4999, 9999]) {
      const e = p.errors[i]!;
      expect(e.path).to.equal(`applications.extras.${i}.label`);
      expect(e.message).to.equal(`expected string, got ${i}`);
      expect(lines[e.line! - 1]!.trim()).to.equal(`"label": ${i},`);
      expect(e.column).to.equal(lines[e.line! - 1]!.indexOf(String(i)) + 1);
    }
    expect(p.errors.every((e) => typeof e.line === 'number')).to.equal(true);
  });

  it('validate(text) with every count written as 1e400: each shown as written, no rescan per finding', async () => {
    const rep = consistentReport({ seed: 7 });
    const text = JSON.stringify(rep, null, 1).replace(/": \d+(?=,?\n)/g, (m) =>
      m === `": ${rep.year}` || m === '": 1' ? m : '": 1e400',
    );
    const v = await validate(text, en);
    const num = v.findings.filter((f) => f.rule === 'NUM');
    expect(num.length).to.be.above(150);
    for (const f of num) expect(f.message).to.contain(' is 1e400: more than 30 digits');
  });

  it('locatePath indexes a text once and answers every path of it; a new text is indexed anew', () => {
    const a = '{"x": [1, {"y": 2}],\n "z": {"w": null}}';
    expect(locatePath(a, ['x', 1, 'y'])).to.deep.equal({ offset: 16, line: 1, column: 17 });
    expect(locatePath(a, ['z', 'w'])).to.deep.equal({ offset: 33, line: 2, column: 13 });
    expect(locatePath(a, ['x', 'length'])).to.equal(undefined);
    expect(locatePath(a, ['x', 0, 'q'])).to.equal(undefined);
    expect(locatePath(a, [])).to.include({ offset: 0 });
    expect(locatePath('[\n7]', [0])).to.include({ line: 2, column: 1 });
    expect(locatePath('{"a":', ['a'])).to.equal(undefined);
    // keys named like built-in properties, and the last of duplicate keys
    const b = '{"__proto__": {"constructor": 1}, "a": 1, "a": [2]}';
    expect(locatePath(b, ['__proto__', 'constructor'])).to.include({ column: 31 });
    expect(locatePath(b, ['a', 0])).to.include({ column: 49 });
    expect(indexPositions('\ufeff{"a": 1}')(['a'])).to.include({ line: 1, column: 7 });
  });
});

describe('numbers compared as written in JSON text (issue 12.4)', () => {
  it('9007199254740993 against 9007199254740992: T3-BAL fails, explainCell shows the written values', async () => {
    const rep = consistentReport({ seed: 8 });
    // carried over + new = total + carried forward, in the natural-person column
    rep.applications.newReceived.natural = 0;
    rep.applications.carriedOver.natural = 7;
    rep.applications.carriedForward.natural = 0;
    rep.applications.total.natural = 8;
    const text = JSON.stringify(rep)
      .replace('"carriedOver":{"natural":7', '"carriedOver":{"natural":9007199254740993')
      .replace(/("total":\{"natural":)8/, '$19007199254740992');
    const v = await validate(text, en);
    const bal = v.findings.filter((f) => f.rule === 'T3-BAL' && f.cells.includes('applications.total.natural'));
    expect(bal).to.have.length(1);
    expect(bal[0]).to.include({ status: 'fail', expected: '9007199254740993', actual: '9007199254740992' });
    const ex = explainCell(v.report, 'applications.total.natural').find((e) => e.rule === 'T3-BAL')!;
    expect(ex).to.include({ status: 'fails', expected: '9007199254740993', actual: '9007199254740992' });
    expect(ex.expectedTerms.map((t) => t.value)).to.include('9007199254740993');
    // parseReport's report carries the written numbers too
    const p = parseReport(text.replace('9007199254740993', '9007199254740991'), en);
    expect(p.errors.map((e) => e.message)).to.deep.equal(['must be ≤ 9007199254740991, got 9007199254740992']);
  });

  it('a money literal 0.30000000000000000001 is not read as 0.3', async () => {
    const rep = consistentReport({ seed: 9 }) as Record<string, any>;
    rep.proactive.fees.amount = 0.3;
    const text = JSON.stringify(rep).replace('"amount":0.3', '"amount":0.30000000000000000001');
    const parsed = parseJsonText(text);
    expect(parsed.ok && parsed.numbers).to.deep.equal([
      { path: ['proactive', 'fees', 'amount'], literal: '0.30000000000000000001' },
    ]);
    const v = await validate(text, en);
    expect(contextOf(v.report)!.cell('proactive.fees.amount')).to.include({
      state: 'value',
      written: '0.30000000000000000001',
    });
    // the same object changed afterwards is read as it is now
    (v.report as any).proactive.fees.amount = 0.25;
    expect(contextOf(v.report)!.cell('proactive.fees.amount')).to.deep.include({ value: { n: 25n, scale: 2 } });
  });

  it('2019 procurement amount as an object { value, unit }: its value as written too', () => {
    const rep = consistentReport({ seed: 9, format: '2019' }) as Record<string, any>;
    rep.proactive.procurement.amount = { value: 1.5, unit: '万元' };
    const text = JSON.stringify(rep).replace('"value":1.5', '"value":1.50000000000000000001');
    const p = parseReport(text);
    expect(p.ok).to.equal(true);
    expect(contextOf(p.report)!.cell('proactive.procurement.amount')).to.include({
      state: 'value',
      written: '1.50000000000000000001',
    });
  });

  it('a number of more than 30 digits is a located error, in parseReport and validate, and is not slow', async () => {
    const rep = consistentReport({ seed: 10 }) as Record<string, any>;
    rep.proactive.fees.amount = 0;
    const long = '0.' + '0'.repeat(4_000_000) + '1';
    const text = JSON.stringify(rep, null, 2).replace('"amount": 0', `"amount": ${long}`);
    const p = parseReport(text, en);
    const line = text.split('\n').findIndex((l) => l.includes('"amount": 0.000')) + 1;
    expect(p.errors).to.have.length(1);
    expect(p.errors[0]).to.include({ path: 'proactive.fees.amount', code: 'too_long', line });
    expect(p.errors[0]!.message).to.equal(`more than 30 digits, got 0.${'0'.repeat(38)}…`);
    const num = (await validate(text, en)).findings.filter((f) => f.rule === 'NUM');
    expect(num.map((f) => f.cells)).to.deep.equal([['proactive.fees.amount']]);
    expect(num[0]!.message).to.contain('more than 30 digits');
    // a decimal string as long: NUM as well (was 1.6 s of BigInt parsing)
    rep.proactive.fees.amount = '1'.repeat(4_000_000);
    const s = (await validate(rep, en)).findings.filter((f) => f.rule === 'NUM');
    expect(s.map((f) => f.message)).to.deep.equal([
      `“Administrative fees · Fees collected this year (10,000 yuan)” is "${'1'.repeat(40)}…": more than 30 digits`,
    ]);
    // 30 digits are fine
    rep.proactive.fees.amount = '123456789012345678901234567.891';
    expect((await validate(rep, en)).findings.filter((f) => f.rule === 'NUM')).to.deep.equal([]);
  });

  it('a text with no inexact numbers: nothing is recorded (most reports)', () => {
    const parsed = parseJsonText(JSON.stringify(consistentReport({ seed: 11 })));
    expect(parsed.ok && parsed.numbers).to.equal(undefined);
  });
});

describe('a whole number too large for JSON written as text (as the editor keeps what is typed)', () => {
  it('"9007199254740993" in a count: NUM says too large (not "not a number"), the equations use it exactly', async () => {
    const rep = consistentReport({ seed: 8 });
    rep.applications.newReceived.natural = 0;
    rep.applications.carriedOver.natural = 7;
    rep.applications.carriedForward.natural = 0;
    rep.applications.total.natural = 7;
    (rep.applications.carriedOver as Record<string, unknown>)['natural'] = '9007199254740993';
    const v = await validate(rep);
    const at = (rule: string) =>
      v.findings.filter((f) => f.rule === rule && f.cells.includes('applications.carriedOver.natural'));
    expect(at('NUM').map((f) => f.message)).to.deep.equal([
      '“二、上年结转政府信息公开申请数量 · 自然人”为 9007199254740993：数值过大，无法精确表示',
    ]);
    const bal = at('T3-BAL');
    expect(bal).to.have.length(1);
    expect(bal[0]).to.include({ status: 'fail', expected: '9007199254740993', actual: '7' });
    // A small number written as text stays "not a number" (a count is a JSON number); 31 digits are too long.
    (rep.applications.carriedOver as Record<string, unknown>)['natural'] = '7';
    const small = await validate(rep, en);
    expect(small.findings.find((f) => f.rule === 'NUM')!.message).to.match(/: "7" is not a number$/);
    (rep.applications.carriedOver as Record<string, unknown>)['natural'] = '1'.repeat(31);
    const long = await validate(rep, en);
    expect(long.findings.find((f) => f.rule === 'NUM')!.message).to.contain('more than 30 digits');
  });
});
