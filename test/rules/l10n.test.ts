/**
 * The model and rules layers speak through per-locale catalogs (src/i18n/contract.*.ts, rules.*.ts):
 * every catalog has the same entries in every locale, every message is what it was (pinned in both
 * locales in messages.expected.ts, produced through the public API), and the locale option is read
 * as the element reads `lang`.
 */
import { expect } from 'chai';
import {
  describe as describeIssue,
  explainCell,
  JSON_REASON,
  jsonSyntaxMessage,
  parseReport,
  schemaErrors,
  structureErrors,
  validate,
  formatMessage,
} from '../../src/rules/index.js';
import * as api from '../../src/rules/index.js';
import { zhCN as contractZh } from '../../src/i18n/contract.zh-CN.js';
import { en as contractEn } from '../../src/i18n/contract.en.js';
import { zhCN as rulesZh } from '../../src/i18n/rules.zh-CN.js';
import { en as rulesEn } from '../../src/i18n/rules.en.js';
import { messageCases } from '../helpers/l10n-cases.js';
import { consistentReport } from '../helpers/reports.js';
import { EXPECTED as expected } from './messages.expected.js';

/** The shape of a catalog: its keys, down to nested records, and what each entry is (a function, a string). */
function shape(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o))
    out[k] =
      typeof v === 'function'
        ? `function`
        : v !== null && typeof v === 'object'
          ? shape(v as Record<string, unknown>)
          : typeof v;
  return out;
}

const CATALOGS = {
  contract: { 'zh-CN': contractZh, en: contractEn },
  rules: { 'zh-CN': rulesZh, en: rulesEn },
};

describe('model and rules catalogs', () => {
  for (const [name, byLocale] of Object.entries(CATALOGS)) {
    it(`${name}: the same entries, of the same kind, in every locale`, () => {
      const zh = shape(byLocale['zh-CN'] as never);
      expect(Object.keys(zh)).to.not.be.empty;
      expect(shape(byLocale.en as never)).to.deep.equal(zh);
    });

    it(`${name}: no entry is left untranslated (each locale's text differs)`, () => {
      const sample = (v: unknown): unknown =>
        typeof v === 'function'
          ? (v as (...a: unknown[]) => unknown)(...[['a', 'b'], 5, 'c'].slice(0, v.length))
          : v !== null && typeof v === 'object'
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, sample(x)]))
            : v;
      const zh = sample(byLocale['zh-CN']) as Record<string, unknown>;
      const en = sample(byLocale.en) as Record<string, unknown>;
      const leaves = (o: unknown, at = ''): [string, unknown][] =>
        o !== null && typeof o === 'object' && !Array.isArray(o)
          ? Object.entries(o).flatMap(([k, v]) => leaves(v, at ? `${at}.${k}` : k))
          : [[at, o]];
      const enLeaves = new Map(leaves(en));
      for (const [at, text] of leaves(zh)) {
        expect(text, at).to.be.a('string').and.not.be.empty;
        expect(enLeaves.get(at), at).to.be.a('string').and.not.equal(text);
      }
    });
  }

  it('JSON_REASON (kept for compatibility) pairs the catalogs’ reasons, zh-CN then en', () => {
    expect(JSON_REASON).to.deep.equal({
      empty: ['JSON 文本为空', 'the JSON text is empty'],
      'unexpected-end': ['JSON 文本意外结束', 'the JSON text ends unexpectedly'],
      'unexpected-token': ['JSON 语法错误', 'JSON syntax error'],
      'trailing-data': ['JSON 值之后有多余内容', 'unexpected text after the JSON value'],
    });
  });
});

describe('model and rules messages, in both locales', () => {
  const cases = messageCases(api);

  it('every case is pinned, and every pinned message has a case', () => {
    expect(cases.map(([name]) => name)).to.have.members(Object.keys(expected));
  });

  for (const [name, message] of cases)
    it(name, async () => {
      const zh = await message('zh-CN');
      const en = await message('en');
      expect({ 'zh-CN': zh, en }).to.deep.equal(expected[name]);
      expect(zh).to.not.be.empty;
      expect(en).to.not.deep.equal(zh);
    });
});

describe('the locale option is read as the element reads lang (localeOption)', () => {
  const report = () => consistentReport({ format: '2021', seed: 3 });
  const notReport = { format: '2020' };
  const english = 'unknown format "2020": expected "2019" or "2021"';
  const chinese = '未知的格式 "2020"：应为 "2019" 或 "2021"';

  for (const locale of ['en', 'en-US', 'en-GB', 'EN'])
    it(`"${locale}" is English, in every function that takes a locale`, async () => {
      expect(parseReport(notReport, { locale: locale as never }).errors[0]!.message).to.equal(english);
      expect((await validate(notReport, { locale: locale as never })).findings[0]!.message).to.equal(english);
      expect(schemaErrors(notReport, locale as never)[0]!.message).to.equal(english);
      expect(structureErrors(notReport, locale as never)[0]!.message).to.equal(english);
      expect(describeIssue({ code: 'format', value: '2020' }, locale as never)).to.equal(english);
      expect(jsonSyntaxMessage('empty', 1, 1, locale as never)).to.equal('the JSON text is empty at line 1, column 1');
      const rep = report();
      const previous = consistentReport({ format: '2021', seed: 4, year: rep.year - 1 });
      const [x] = explainCell(rep, 'applications.carriedOver.natural', { previous, locale: locale as never });
      expect(x!.expectedTerms[0]!.label).to.equal("last year's 4. Carried over to next year · Natural persons");
    });

  for (const locale of [undefined, 'zh-CN', 'zh', 'fr', 'english', 'constructor', '__proto__', 'toString', 5, null])
    it(`${JSON.stringify(locale)} is the default, zh-CN, never a crash`, async () => {
      expect(parseReport(notReport, { locale: locale as never }).errors[0]!.message).to.equal(chinese);
      expect((await validate(notReport, { locale: locale as never })).findings[0]!.message).to.equal(chinese);
      expect(schemaErrors(notReport, locale as never)[0]!.message).to.equal(chinese);
      expect(structureErrors(notReport, locale as never)[0]!.message).to.equal(chinese);
      expect(describeIssue({ code: 'format', value: '2020' }, locale as never)).to.equal(chinese);
      expect(jsonSyntaxMessage('empty', 1, 1, locale as never)).to.equal('JSON 文本为空（第 1 行第 1 列）');
    });

  it('formatMessage reads a label pair (Text) in the locale, the default for any other value', () => {
    const outcome = {
      status: 'fail' as const,
      cells: [],
      expected: '1',
      actual: '2',
      vars: { c: { zh: '甲', en: 'A' } },
    };
    expect(formatMessage('{c}: {expected}/{actual} {unknown}', outcome, 'en')).to.equal('A: 1/2 {unknown}');
    expect(formatMessage('{c}: {expected}/{actual}', outcome, 'zh-CN')).to.equal('甲: 1/2');
    expect(formatMessage('{c}', outcome, 'constructor' as never)).to.equal('甲');
  });
});
