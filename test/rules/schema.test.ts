import { expect } from 'chai';
import fc from 'fast-check';
import { parseReport, schemaErrors, structureErrors, validate } from '../../src/rules/index.js';
import { PROSE_RULES } from '../../src/import/index.js';
import { clone, consistentReport, setPath, type Fmt, type Json } from '../helpers/reports.js';
import * as z from 'zod/mini';
import { reportSchema } from '../../src/model/zod-schema.js';
import { otherHandlingShapeOf } from '../../src/model/layout.js';

const errorsOf = (input: unknown, locale?: 'en') => {
  const r = parseReport(input, locale ? { locale } : {});
  expect(r.ok).to.equal(false);
  return r.errors;
};

describe('parseReport: the REPORT-JSON contract', () => {
  it('accepts consistent reports of both formats and both （六） shapes, as text or object', () => {
    for (const format of ['2019', '2021'] as const) {
      for (const shape of ['row', 'group'] as const) {
        const rep = consistentReport({ format, shape, seed: 3 });
        expect(parseReport(rep).ok).to.equal(true);
        const fromText = parseReport(JSON.stringify(rep, null, 2));
        expect(fromText.ok).to.equal(true);
        if (fromText.ok) expect(fromText.report.format).to.equal(format);
      }
    }
  });

  it('null is a blank; a missing key means the same; missing tables are allowed (partial report)', () => {
    const rep = consistentReport({ seed: 1 });
    rep.applications.granted.natural = null;
    delete rep.applications.granted.research;
    delete rep.appeals;
    expect(parseReport(rep).ok).to.equal(true);
  });

  it('broken JSON names the line and column', () => {
    const [e] = errorsOf('{\n  "schemaVersion": 1,\n  "format": "2021"\n  "year": 2021\n}');
    expect(e).to.include({ path: '', code: 'json-syntax', line: 4, column: 3 });
    expect(e!.message).to.include('第 4 行第 3 列');
    expect(errorsOf('', 'en')[0]!.message).to.equal('the JSON text is empty at line 1, column 1');
    expect(errorsOf('{"a": [1, 2', 'en')[0]!.message).to.match(/ends unexpectedly at line 1, column 12/);
  });

  it('a syntax error is located where it is, after however long a number; a leading byte-order mark is allowed', async () => {
    const [e] = errorsOf('{"a":' + '1'.repeat(456) + ',\n"b": x}');
    expect(e).to.include({ code: 'json-syntax', line: 2, column: 6 });
    const rep = consistentReport({ seed: 2 });
    const text = '\uFEFF' + JSON.stringify(rep, null, 2);
    expect(parseReport(text).ok).to.equal(true);
    expect((await validate(text)).summary).to.include({ errors: 0, warnings: 0 });
    expect(errorsOf('\uFEFF{"schemaVersion": x}')[0]).to.include({ line: 1, column: 19 });
    rep.applications.granted.natural = -1;
    const bad = '\uFEFF' + JSON.stringify(rep);
    const at = errorsOf(bad).find((x) => x.path === 'applications.granted.natural')!;
    expect(at.line).to.equal(1);
    expect(bad.slice(at.column!, at.column! + 2)).to.equal('-1'); // the column does not count the mark
  });

  it('wrong types, negative and fractional counts, huge numbers: located by path and line', () => {
    const rep = consistentReport({ seed: 2 });
    rep.applications.granted.natural = -1;
    rep.applications.granted.commercial = 1.5;
    rep.applications.granted.research = 1e20;
    rep.appeals.reconsideration.upheld = 'abc';
    const text = JSON.stringify(rep, null, 2);
    const errors = errorsOf(text, 'en');
    const by = (p: string) => errors.find((e) => e.path === p)!;
    expect(by('applications.granted.natural').message).to.equal('must be ≥ 0, got -1');
    expect(by('applications.granted.commercial').message).to.equal('expected a whole number or null, got 1.5');
    expect(by('applications.granted.research').code).to.equal('too_big');
    expect(by('appeals.reconsideration.upheld').message).to.equal('expected a whole number or null, got "abc"');
    const line = text.split('\n').findIndex((l) => l.includes('"upheld": "abc"')) + 1;
    expect(by('appeals.reconsideration.upheld').line).to.equal(line);
  });

  it('unknown format, unknown keys, a wrong （六） sub-row, and a negative 万元 amount', () => {
    expect(errorsOf({ schemaVersion: 1, format: '2030', year: 2030 })[0]).to.include({ path: 'format' });
    const rep: Json = consistentReport({ seed: 3 });
    rep.applications.otherHandling.noCorrection.naturall = 1;
    rep.proactive.fees.amount = '-1';
    const errors = errorsOf(rep);
    expect(errors.map((e) => e.path).sort()).to.deep.equal([
      'applications.otherHandling.noCorrection',
      'proactive.fees.amount',
    ]);
    expect(errors.find((e) => e.code === 'unrecognized_keys')!.message).to.equal('未知的键：naturall');
  });

  it('money: a JSON number or an exact decimal string; 2019 procurement may carry its unit', () => {
    const rep = consistentReport({ format: '2019', seed: 3 });
    rep.proactive.procurement.amount = { value: '251000', unit: '元' };
    expect(parseReport(rep).ok).to.equal(true);
    rep.proactive.procurement.amount = '24252.311082';
    expect(parseReport(rep).ok).to.equal(true);
    rep.proactive.procurement.amount = '1,234';
    expect(errorsOf(rep)[0]!.path).to.equal('proactive.procurement.amount');
  });

  it('publishedOn must be a real date (29 February only in leap years), in parseReport and validate alike; money strings are ASCII digits', async () => {
    const rep = consistentReport({ seed: 3 });
    for (const [date, ok] of [
      ['2024-02-29', true],
      ['2000-02-29', true],
      ['2023-02-29', false],
      ['1900-02-29', false],
      ['2023-04-31', false],
      ['2023-12-31', true],
      ['2023-02-28\n', false],
    ] as const) {
      rep.publishedOn = date;
      expect(parseReport(rep).ok, date).to.equal(ok);
      expect(
        (await validate(rep, { locale: 'en' })).findings.filter((f) => f.rule === 'SCHEMA').map((f) => f.message),
        date,
      ).to.deep.equal(ok ? [] : [`expected a date YYYY-MM-DD, got ${JSON.stringify(date)}`]);
    }
    delete rep.publishedOn;
    for (const amount of ['1.5\n', '\u0663', '1.5 ']) {
      rep.proactive.fees.amount = amount;
      expect(parseReport(rep).ok, JSON.stringify(amount)).to.equal(false);
    }
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue(),
          fc.constantFrom(undefined, NaN, () => 1, Symbol('x')),
        ),
        (input) => {
          const r = parseReport(input);
          expect(typeof r.ok).to.equal('boolean');
        },
      ),
      { numRuns: 1000, seed: 5 },
    );
  });

  it('keys named like built-in properties (toString, constructor, __proto__) are unknown keys, in parseReport and validate alike', async () => {
    for (const key of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      for (const where of ['applications', 'applications.granted', 'appeals.reconsideration', 'proactive']) {
        const text = JSON.stringify(consistentReport({ seed: 4 })).replace(
          `"${where.split('.').pop()}":{`,
          `"${where.split('.').pop()}":{"${key}":{},`,
        );
        const parsed = parseReport(text, { locale: 'en' });
        expect(parsed.ok, `${key} in ${where}`).to.equal(false);
        const want = { path: where, message: `unknown key: ${key}` };
        expect(
          parsed.errors.map((e) => ({ path: e.path, message: e.message })),
          `${key} in ${where}`,
        ).to.deep.equal([want]);
        const v = await validate(text, { locale: 'en' });
        expect(
          v.findings.filter((f) => f.rule === 'SCHEMA').map((f) => ({ path: f.cells[0], message: f.message })),
          `${key} in ${where}`,
        ).to.deep.equal([want]);
      }
    }
  });

  it('published labels recorded under a key like constructor.x are not official labels (no crash, no finding)', async () => {
    const rep = consistentReport({ seed: 4 });
    rep.source = { labels: { 'constructor.x': '规范性文件', toString: 'x', 'applications.__proto__': 'y' } };
    const v = await validate(rep, { packs: [PROSE_RULES] });
    expect(v.findings.filter((f) => f.rule === 'LABEL' || f.rule === 'SCHEMA')).to.deep.equal([]);
  });

  it("validate()'s zod-free structure check finds exactly what the zod schema finds outside the cells", () => {
    const keys = [
      'schemaVersion',
      'year',
      'title',
      'agency',
      'agency.tier',
      'agency.name',
      'sections',
      'sections.overview',
      'sections.x',
      'applications',
      'applications.granted',
      'applications.extra',
      'applications.denied',
      'applications.denied.x',
      'appeals.reconsideration',
      'appeals.x.y',
      'proactive.fees',
      'proactive.extras',
      'applications.extras',
      'appeals.extras.0',
      'publishedOn',
      'applications.otherHandling',
      'applications.otherHandling.noCorrection',
      'proactive.procurement',
      'format',
    ];
    const cellPaths =
      /^(applications\.[a-zA-Z.]+\.(natural|commercial|research|publicInterest|legalService|otherOrg|total)|appeals\.\w+\.(upheld|corrected|other|pending|total)|proactive\.\w+\.(issued|repealed|inForce|decisions|amount|made|published|totalPublished|previous|change|projects))(\.|$)/;
    fc.assert(
      fc.property(
        fc.constantFrom('2019', '2021'),
        fc.array(fc.tuple(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 3 })), { minLength: 1, maxLength: 3 }),
        (format, edits) => {
          const rep = clone(consistentReport({ format: format as '2019' | '2021', seed: 8 }));
          for (const [path, value] of edits) setPath(rep, path, value);
          const key = (e: { path: string; code: string }) => `${e.path} ${e.code}`;
          const zod = [
            ...new Set(
              schemaErrors(rep, 'en')
                .filter((e) => !cellPaths.test(e.path))
                .map(key),
            ),
          ].sort();
          const ours = [...new Set(structureErrors(rep, 'en').map(key))].sort();
          expect(ours, JSON.stringify(edits)).to.deep.equal(zod);
          // extra rows, which parseReport leaves to the contract's check: as the normative zod schema finds them
          if (rep.format !== format) return;
          const full = z.safeParse(
            reportSchema(format as Fmt, otherHandlingShapeOf(rep.applications, format as Fmt), false),
            rep,
          );
          const extras = (full.success ? [] : full.error.issues)
            .filter((i) => i.path.includes('extras'))
            .map((i) => `${i.path.join('.')} ${i.code}`);
          expect(
            ours.filter((k) => k.includes('.extras')),
            JSON.stringify(edits),
          ).to.deep.equal([...new Set(extras)].sort());
        },
      ),
      { numRuns: 3000, seed: 9 },
    );
  });
});
