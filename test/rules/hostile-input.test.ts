import { expect } from 'chai';
import fc from 'fast-check';
import {
  explainCell,
  locatePath,
  parseJsonText,
  parseReport,
  schemaErrors,
  structureErrors,
  validate,
} from '../../src/rules/index.js';
import { preview } from '../../src/model/contract.js';
import { PROSE_RULES, importReport } from '../../src/import/index.js';
import { consistentReport, setPath } from '../helpers/reports.js';

describe('deeply nested input: located errors, never a stack overflow', () => {
  const open = '['.repeat(200000);
  const deepText = '['.repeat(100000) + ']'.repeat(100000);

  it('parseReport and validate on unterminated nesting: where the text ends', async () => {
    const p = parseReport(open, { locale: 'en' });
    expect(p.ok).to.equal(false);
    expect(p.errors[0]).to.include({ code: 'json-syntax', line: 1, column: 200001 });
    const v = await validate('{"a":'.repeat(100000), { locale: 'en' });
    expect(v.findings[0]!.message).to.equal('the JSON text ends unexpectedly at line 1, column 500001');
  });

  it('parseReport and validate on valid but deep JSON: not an object, shown in short', async () => {
    const p = parseReport(deepText, { locale: 'en' });
    expect(p.errors[0]!.message).to.equal(`a report must be a JSON object, got ${'['.repeat(40)}…`);
    const v = await validate(deepText);
    expect(v.findings[0]!.rule).to.equal('SCHEMA');
    let deep: unknown[] = [];
    for (let i = 0; i < 100000; i++) deep = [deep];
    expect(parseReport(deep).ok).to.equal(false);
    expect((await validate(deep)).summary.errors).to.equal(1);
  });

  it('locatePath walks deep text without recursion', () => {
    const text = '{"a":' + '['.repeat(100000) + '1' + ']'.repeat(100000) + ',"b":2}';
    expect(locatePath(text, ['b'])).to.include({ line: 1, column: text.length - 1 });
    expect(parseJsonText(text).ok).to.equal(true);
  });

  it('preview: short, never throwing, for deep, cyclic, huge and odd values', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    expect(preview(cyclic)).to.equal('{"a":1,"self":{"a":1,"self":{"a":1,"self…');
    expect(preview('x'.repeat(1e6))).to.equal(`"${'x'.repeat(40)}…"`);
    expect(preview(new Array(1e6).fill(7)).length).to.equal(41);
    expect([
      preview(NaN),
      preview(Infinity),
      preview(-Infinity),
      preview(10n),
      preview(undefined),
      preview(null),
    ]).to.deep.equal(['NaN', 'Infinity', '-Infinity', '10n', 'undefined', 'null']);
    expect(preview({ a: [1, 'b', null, true], c: { d: 1.5 } })).to.equal('{"a":[1,"b",null,true],"c":{"d":1.5}}');
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no');
        },
      },
    );
    expect(preview(hostile)).to.equal('{…');
  });
});

describe('hostile values: every public function returns located errors/findings, never throws', () => {
  const boom = () => {
    throw new Error('boom');
  };
  const throwingProxy = (target: object = {}) =>
    new Proxy(target, { get: boom, ownKeys: boom, has: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom });
  const withGetter = (key: string, enumerable = true) => Object.defineProperty({}, key, { get: boom, enumerable });
  /** A row whose cell is read through its prototype (a class getter): neither own nor enumerable. */
  const inherited = (key: string) => Object.create(Object.defineProperty({}, key, { get: boom }));
  /** A Proxy that lists no keys and throws when any is read. */
  const hiding = () => new Proxy({}, { get: boom });
  const cyclic = () => {
    const o: Record<string, unknown> = { natural: 1 };
    o['self'] = o;
    return o;
  };
  let deepArr: unknown = [];
  for (let i = 0; i < 50000; i++) deepArr = [deepArr];

  const hostile = fc.constantFrom<() => unknown>(
    () => 9007199254740993n,
    () => Symbol('s'),
    () => NaN,
    () => Infinity,
    () => -Infinity,
    () => -0,
    () => () => 1,
    cyclic,
    () => throwingProxy(),
    () => withGetter('natural'),
    () => withGetter('total'),
    () => withGetter('natural', false),
    () => withGetter('total', false),
    () => inherited('natural'),
    () => hiding(),
    () => deepArr,
    () => 'x'.repeat(1e6),
    () => new Proxy({ natural: 1 }, { ownKeys: boom }),
    () => Object.create(null),
    () => new Date(0),
    () => [1, 2, 3],
  );
  const paths = [
    'year',
    'format',
    'agency',
    'agency.name',
    'sections',
    'sections.overview',
    'applications',
    'applications.granted',
    'applications.granted.natural',
    'applications.total.total',
    'applications.otherHandling',
    'applications.otherHandling.other.natural',
    'appeals',
    'appeals.reconsideration',
    'appeals.reconsideration.total',
    'proactive',
    'proactive.fees.amount',
    'proactive.extras',
    'applications.extras',
    'source',
    'source.labels',
  ];

  it('parseReport, schemaErrors, structureErrors, validate, explainCell on reports with a hostile value anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('2019', '2021'),
        fc.constantFrom(...paths),
        hostile,
        fc.boolean(),
        fc.boolean(),
        async (format, path, make, asPrevious, withProse) => {
          const good = consistentReport({ format: format as '2019' | '2021', seed: 3 });
          const bad = consistentReport({ format: format as '2019' | '2021', seed: 3 });
          setPath(bad, path, make());
          const [report, previous] = asPrevious ? [good, bad] : [bad, undefined];
          for (const locale of ['en', 'zh-CN'] as const) {
            const p = parseReport(bad, { locale });
            if (!p.ok) for (const e of p.errors) expect(e.message.length).to.be.below(600);
            for (const e of [...schemaErrors(bad, locale), ...structureErrors(bad, locale)])
              expect(e.message.length).to.be.below(600);
            const v = await validate(report, { locale, previous, ...(withProse ? { packs: [PROSE_RULES] } : {}) });
            expect(v.summary).to.be.an('object');
            for (const f of v.findings) expect(f.message.length, f.message.slice(0, 100)).to.be.below(1000);
            expect(explainCell(report, 'applications.total.natural', { previous })).to.be.an('array');
          }
        },
      ),
      { numRuns: 400, seed: 31 },
    );
  });

  const oddOptions = fc.constantFrom<() => unknown>(
    () => null,
    () => 5,
    () => 'en',
    () => [],
    () => throwingProxy(),
    () => hiding(),
    () => withGetter('locale'),
    () => withGetter('previous', false),
    () => withGetter('packs'),
    () => ({ locale: 5, previous: 5, packs: 5 }),
    () => ({ packs: 'x' }),
    () => ({ packs: [null, 5] }),
    () => ({ packs: [throwingProxy()] }),
    () => ({ packs: throwingProxy([]) }),
    () => ({ previous: throwingProxy(), locale: 'en' }),
    () => ({ previous: '{"format":' }),
    () => ({ headingLevel: NaN, tagName: throwingProxy(), maxLength: -1, type: 5 }),
  );

  it('hostile and odd options: validate, parseReport, explainCell, importReport never throw', async () => {
    await fc.assert(
      fc.asyncProperty(oddOptions, fc.boolean(), async (make, asText) => {
        const rep = consistentReport({ seed: 12 });
        const input = asText ? JSON.stringify(rep) : rep;
        const options = make() as never;
        const v = await validate(input, options);
        expect(v.summary.errors).to.equal(0);
        for (const f of v.findings) expect(f).to.include({ rule: 'SCHEMA', severity: 'warning' });
        expect(parseReport(input, options).ok).to.equal(true);
        expect(explainCell(rep, 'applications.total.natural', options).length).to.be.above(0);
        expect(importReport('一、总体情况\n二、主动公开政府信息情况', options).diagnostics).to.be.an('array');
      }),
      { numRuns: 100, seed: 5 },
    );
  });

  it('unreadable options are ignored with a warning saying which and why', async () => {
    const rep = consistentReport({ seed: 12 });
    const v = await validate(rep, withGetter('packs') as never);
    expect(v.findings.map((f) => f.message)).to.deep.equal(['选项 packs 已忽略：boom']);
    expect(v.summary).to.include({ errors: 0, warnings: 1 });
    const w = await validate(rep, { locale: 'en', packs: [null, 5] } as never);
    expect(w.findings.map((f) => f.message)).to.deep.equal(['option packs ignored: [null,5]']);
    const p = await validate(rep, throwingProxy() as never);
    expect(p.findings.map((f) => f.message)).to.deep.equal(['选项 previous 已忽略：boom', '选项 packs 已忽略：boom']);
    expect(importReport('', null as never).diagnostics[0]).to.include({ level: 'error' });
  });

  it('a non-enumerable or inherited getter that throws, and a Proxy hiding its keys: located findings', async () => {
    for (const [row, path] of [
      [withGetter('natural', false), 'applications.granted.natural'],
      [inherited('natural'), 'applications.granted.natural'],
      [hiding(), 'applications.granted.natural'],
    ] as const) {
      const rep = consistentReport({ seed: 2 });
      rep.applications.granted = row;
      const v = await validate(rep, { locale: 'en' });
      expect(v.findings).to.have.length(1);
      expect(v.findings[0]).to.include({ rule: 'SCHEMA', message: `the report cannot be read at ${path}: boom` });
      expect(v.findings[0]!.cells).to.deep.equal([path]);
    }
    expect((await validate(hiding())).findings[0]!.message).to.equal('无法读取报告：boom');
  });

  it('a throwing getter or Proxy is located where it can be', async () => {
    const getter = {
      schemaVersion: 1,
      format: '2021',
      get year() {
        throw new Error('x');
      },
    };
    expect(parseReport(getter, { locale: 'en' }).errors).to.deep.equal([
      { path: 'year', code: 'unreadable', message: 'the report cannot be read at year: x' },
    ]);
    const v = await validate(getter, { locale: 'en' });
    expect(v.findings).to.deep.equal([
      {
        rule: 'SCHEMA',
        severity: 'error',
        status: 'fail',
        cells: ['year'],
        message: 'the report cannot be read at year: x',
      },
    ]);
    expect(v.summary.errors).to.equal(1);
    const proxy = throwingProxy();
    expect(parseReport(proxy).errors[0]).to.include({ path: '', code: 'unreadable', message: '无法读取报告：boom' });
    expect((await validate(proxy)).findings[0]!.message).to.equal('无法读取报告：boom');
    const rep = consistentReport({ seed: 2 });
    rep.applications.granted = withGetter('natural');
    expect((await validate(rep)).findings[0]).to.include({
      rule: 'SCHEMA',
      message: '无法读取报告（applications.granted.natural）：boom',
    });
    expect(explainCell(rep, 'applications.granted.natural')).to.deep.equal([]);
    const prevBad = consistentReport({ seed: 2, year: 2022 });
    prevBad.applications.carriedForward = withGetter('natural');
    const withPrev = await validate(consistentReport({ seed: 3 }), { previous: prevBad });
    expect(withPrev.findings.filter((f) => f.rule === 'SCHEMA').map((f) => [f.severity, f.cells])).to.deep.equal([
      ['warning', ['previous:applications.carriedForward.natural']],
    ]);
    expect((await validate(consistentReport({ seed: 3 }), null as never)).summary.errors).to.equal(0);
  });

  it('BigInt and cyclic cell values are NUM findings showing the value in short', async () => {
    const rep = consistentReport({ seed: 2 });
    rep.applications.granted.natural = 9007199254740993n;
    rep.applications.granted.research = cyclic();
    const v = await validate(rep, { locale: 'en' });
    const num = v.findings.filter((f) => f.rule === 'NUM').map((f) => f.message);
    expect(num).to.deep.equal([
      '“(1) Granted · Natural persons”: 9007199254740993n is not a number',
      '“(1) Granted · Research institutions”: {"natural":1,"self":{"natural":1,"self":… is not a number',
    ]);
  });
});

describe('what the last-resort guard of validate() does not cover', () => {
  it('a broken rule pack is the caller’s error: thrown as it is, not blamed on the report', async () => {
    const broken = {
      name: 'broken',
      rules: [
        {
          name: 'BROKEN',
          conditions: { all: [{ fact: 'broken', operator: 'equal', value: true }] },
          event: { type: 'BROKEN', params: { severity: 'error' } },
        },
      ],
      outcomeFacts: {
        broken: () => {
          throw new TypeError('a bug in the pack');
        },
      },
    } as never;
    let thrown: unknown;
    try {
      await validate(consistentReport({ seed: 4 }), { packs: [broken] });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).to.be.instanceOf(TypeError);
  });

  it('last year’s report throwing when read: this year’s findings stay, with a warning about last year’s', async () => {
    const rep = consistentReport({ seed: 4 });
    rep.applications.granted.natural += 1;
    const plain = await validate(rep, { locale: 'en' });
    const previous = consistentReport({ seed: 5, year: 2021 });
    Object.defineProperty(previous.applications.carriedForward, 'natural', {
      get() {
        throw new Error('boom');
      },
      enumerable: true,
    });
    const v = await validate(rep, { previous, locale: 'en' });
    const warnings = v.findings.filter((f) => f.rule === 'SCHEMA');
    expect(warnings.map((f) => f.severity)).to.deep.equal(['warning']);
    expect(warnings[0]!.message).to.contain('previous:applications.carriedForward.natural').and.to.contain('boom');
    expect(v.findings.filter((f) => f.rule !== 'SCHEMA')).to.deep.equal(
      (await validate(rep, { locale: 'en' })).findings,
    );
    expect(v.summary.errors).to.equal(plain.summary.errors);
  });

  it('TEXT: a claim about cells under a row that is not an object says they cannot be read', async () => {
    const rep = consistentReport({ seed: 4 });
    rep.sections = { overview: '共受理政府信息公开申请5件。', problems: '无。', other: '无。' };
    rep.applications.newReceived = 5;
    const v = await validate(rep, { packs: [PROSE_RULES], locale: 'en' });
    const text = v.findings.filter((f) => f.rule === 'TEXT');
    expect(text.map((f) => f.status)).to.deep.equal(['skipped']);
    expect(text[0]!.message).to.contain('cannot be read').and.not.to.contain('not a number');
  });
});
