import { expect } from 'chai';
import { parseReport, validate } from '../../src/rules/index.js';
import { consistentReport } from '../helpers/reports.js';

const en = { locale: 'en' } as const;
const rule = (findings: { rule: string; message: string }[], id: string) =>
  findings.filter((f) => f.rule === id).map((f) => f.message);

describe('message text: values shown as given, blank only for blanks', () => {
  it('NaN, Infinity and a huge string are shown as what they are, the string cut to 40 characters', async () => {
    const rep = consistentReport({ seed: 1 });
    rep.applications.granted.natural = NaN;
    rep.proactive.fees.amount = Infinity;
    rep.applications.granted.research = 'x'.repeat(1 << 20);
    const num = rule((await validate(rep, en)).findings, 'NUM');
    expect(num).to.deep.equal([
      '“Administrative fees · Fees collected this year (10,000 yuan)”: Infinity is not a number',
      '“(1) Granted · Natural persons”: NaN is not a number',
      `“(1) Granted · Research institutions”: "${'x'.repeat(40)}…" is not a number`,
    ]);
    const parsed = parseReport(rep, en);
    expect(parsed.errors.map((e) => e.message)).to.include.members([
      'expected a whole number or null, got NaN',
      'does not match any allowed shape: Infinity',
      `expected a whole number or null, got "${'x'.repeat(40)}…"`,
    ]);
  });

  it('JSON text: numbers as written (1e400, 9007199254740993), in parseReport and validate', async () => {
    const rep = consistentReport({ seed: 1 });
    rep.proactive.fees.amount = 0.5;
    rep.applications.granted.natural = 7;
    const text = JSON.stringify(rep)
      .replace('"amount":0.5', '"amount":1e400')
      .replace('"natural":7', '"natural":9007199254740993');
    const num = rule((await validate(text, en)).findings, 'NUM');
    expect(num).to.deep.equal([
      '“Administrative fees · Fees collected this year (10,000 yuan)” is 1e400: more than 30 digits',
      '“(1) Granted · Natural persons” is 9007199254740993: too large to be represented exactly',
    ]);
    expect(parseReport(text, en).errors.map((e) => e.message)).to.deep.equal([
      'does not match any allowed shape: 1e400',
      'must be ≤ 9007199254740991, got 9007199254740993',
    ]);
    expect(parseReport('1e400', en).errors[0]!.message).to.equal('a report must be a JSON object, got 1e400');
  });

  it('a skipped equation says which inputs are blank and which are not numbers, in the right number', async () => {
    const rep = consistentReport({ seed: 1 });
    rep.applications.granted.natural = '5';
    let r = await validate(rep, en);
    expect(rule(r.findings, 'T3-COL')).to.deep.equal([
      'Row “(1) Granted”: the total cannot be checked because “(1) Granted · Natural persons” is not a number',
    ]);
    expect(rule((await validate(rep)).findings, 'T3-COL')).to.deep.equal([
      '“（一）予以公开”行的总计无法核对：“（一）予以公开 · 自然人” 不是数字',
    ]);
    rep.applications.granted.commercial = null;
    rep.applications.granted.research = true;
    rep.applications.granted.total = NaN;
    r = await validate(rep, en);
    expect(rule(r.findings, 'T3-COL')).to.deep.equal([
      'Row “(1) Granted”: the total cannot be checked because “(1) Granted · Businesses” is blank and “(1) Granted · Natural persons”, “(1) Granted · Research institutions” and “(1) Granted · Total” are not numbers',
    ]);
    expect(rule((await validate(rep)).findings, 'T3-COL')).to.deep.equal([
      '“（一）予以公开”行的总计无法核对：“（一）予以公开 · 商业企业” 未填写数字，“（一）予以公开 · 自然人”、“（一）予以公开 · 科研机构”、“（一）予以公开 · 总计” 不是数字',
    ]);
    const all = consistentReport({ seed: 1 });
    all.appeals.reconsideration = {};
    expect(rule((await validate(all, en)).findings, 'T4-SUM')).to.deep.equal([
      '“Administrative reconsideration”: the total cannot be checked because “Administrative reconsideration · Upheld”, “Administrative reconsideration · Corrected”, “Administrative reconsideration · Other outcome” and 2 more are blank',
    ]);
  });
});

describe('a row or table that is not an object', () => {
  it('is a SCHEMA error; its cells are neither blank (no BLANK "missing") nor NUM findings; equations say they cannot be read', async () => {
    const rep = consistentReport({ seed: 2 });
    rep.applications.granted = 5;
    const v = await validate(rep, en);
    expect(v.findings.filter((f) => f.rule === 'SCHEMA').map((f) => f.cells)).to.deep.equal([['applications.granted']]);
    expect(v.findings.filter((f) => f.rule === 'BLANK' || f.rule === 'NUM')).to.deep.equal([]);
    const skipped = v.findings.filter((f) => f.rule === 'T3-TOTAL' && f.status === 'skipped');
    expect(skipped.length).to.be.greaterThan(0);
    for (const f of skipped) expect(f.message).to.contain('cannot be read').and.not.to.contain('blank');

    const whole = consistentReport({ seed: 2 });
    whole.applications = 5;
    const w = await validate(whole, en);
    expect(w.findings.filter((f) => f.rule === 'BLANK')).to.deep.equal([]);
    expect(w.findings.filter((f) => f.rule === 'SCHEMA').map((f) => f.cells)).to.deep.equal([['applications']]);
  });

  it('a missing row is still blank (BLANK), not unreadable', async () => {
    const rep = consistentReport({ seed: 2 });
    delete rep.applications.granted;
    const v = await validate(rep, en);
    expect(v.findings.some((f) => f.rule === 'BLANK')).to.equal(true);
    expect(
      v.findings.filter((f) => f.status === 'skipped').every((f) => !f.message.includes('cannot be read')),
    ).to.equal(true);
  });
});

describe('parseReport messages for keys that are not cells', () => {
  it('year as text: a whole number (not "or null"); schemaVersion or an amount value missing: required', () => {
    const rep = consistentReport({ seed: 3 });
    rep.year = '2022';
    delete rep.schemaVersion;
    const errors = parseReport(JSON.stringify(rep, null, 1), en).errors;
    const by = (p: string) => errors.find((e) => e.path === p)?.message;
    expect(by('year')).to.equal('expected a whole number, got "2022"');
    expect(by('schemaVersion')).to.equal('required (one of [1])');
    const cell = consistentReport({ seed: 3 });
    cell.applications.granted.natural = 'x';
    expect(parseReport(cell, en).errors[0]!.message).to.equal('expected a whole number or null, got "x"');
    expect(parseReport(rep).errors.find((e) => e.path === 'year')!.message).to.equal('应为整数，实为 "2022"');
  });
});

describe('duplicate keys in JSON text', () => {
  it('are located at the last occurrence, the value JSON.parse keeps', async () => {
    const { locatePath } = await import('../../src/model/json.js');
    expect(locatePath('{"a": 1,\n "a": 2}', ['a'])).to.deep.include({ line: 2, column: 7 });
    const rep = consistentReport({ seed: 6 });
    const text = JSON.stringify(rep).replace('"natural":', '"natural":12345678901234567,"natural":');
    const fixed = text.replace(
      /"natural":12345678901234567,"natural":[^,}]+/,
      '"natural":12345678901234567,"natural":1e400',
    );
    const num = (await validate(fixed, en)).findings.filter((f) => f.rule === 'NUM');
    expect(num.map((f) => f.message)).to.have.length(1);
    expect(num[0]!.message).to.contain('1e400').and.not.to.contain('12345678901234567');
  });
});
