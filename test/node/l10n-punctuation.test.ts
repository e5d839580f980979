/**
 * Punctuation of each language in its own messages: an English message has no full-width punctuation
 * （）：；、，。「」 except inside text quoted from the report (“…”); a Chinese message has no ASCII
 * , ; : ( ) beside a Chinese character. Checked on every entry of every catalog (functions called with
 * plain ASCII arguments), on the rules' message templates, and on real output: the importer's notes and
 * the findings of the published fixtures in English.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'chai';
import { importStrings } from '../../src/i18n/import.js';
import { gluedStrings } from '../../src/i18n/import-glued.js';
import { pdfStrings } from '../../src/i18n/import-pdf.js';
import { cliStrings } from '../../src/i18n/cli.js';
import { uiStrings } from '../../src/i18n/ui.js';
import { staticStrings } from '../../src/i18n/static.js';
import { editorStrings } from '../../src/i18n/editor.js';
import { contractStrings } from '../../src/i18n/contract.js';
import { rulesStrings } from '../../src/i18n/rules.js';
import type { Locale } from '../../src/i18n/locale.js';
import { importReport } from '../../src/import/entry.js';
import { validate } from '../../src/rules/index.js';
import { main } from '../../src/cli/main.js';

const FULL_WIDTH = /[（）：；、，。「」]/;
/** ASCII punctuation touching a Chinese character (a space between them is the project's style for numbers, not for punctuation). */
const ASCII_IN_ZH = /\p{Script=Han} ?[,;:()]|[,;:(] ?\p{Script=Han}/u;
/** A message less what it quotes from the report: “…” (and the report's own ‘…’). */
const unquoted = (s: string) => s.replace(/“[^”]*”/g, '“”');

const CATALOGS: Record<string, (l: Locale) => object> = {
  import: importStrings,
  'import-glued': gluedStrings,
  'import-pdf': pdfStrings,
  cli: cliStrings,
  ui: uiStrings,
  static: staticStrings,
  editor: editorStrings,
  contract: contractStrings,
  rules: rulesStrings,
};

/** An argument any entry accepts: a number that is also an object with the usual fields, and arrays where they are expected. */
const ARG: unknown = new Proxy(
  {},
  {
    get: (_, k) =>
      k === Symbol.toPrimitive
        ? () => 2
        : k === 'map' || k === 'join' || k === 'length' || k === 'slice'
          ? (['a', 'b'] as never)[k as never]
          : ['pages', 'rows', 'columns', 'examples'].includes(String(k))
            ? [{ zh: 'a', en: 'a' }]
            : k === 'heading'
              ? { zh: 'a', en: 'a' }
              : k === 'table'
                ? 'applications'
                : 'a',
  },
);

/** Every text of a catalog, its functions called with ASCII arguments: [key, text]. */
function texts(o: object, at = ''): Array<[string, string]> {
  return Object.entries(o).flatMap(([k, v]): Array<[string, string]> => {
    const key = at + k;
    if (typeof v === 'string') return [[key, v]];
    if (typeof v === 'function') {
      const args = k === 'labels' ? [['a', 'b'], 3] : Array.from({ length: Math.max(v.length, 1) }, () => ARG);
      const out = (v as (...a: unknown[]) => unknown)(...args);
      return [[key, Array.isArray(out) ? out.join('') : String(out)]];
    }
    return Array.isArray(v) ? texts(Object.assign({}, v.flat()), key + '.') : texts(v as object, key + '.');
  });
}

describe('punctuation of each language', () => {
  for (const [name, resolve] of Object.entries(CATALOGS)) {
    it(`${name}: English without full-width punctuation, Chinese without ASCII punctuation beside Chinese`, () => {
      for (const [key, text] of texts(resolve('en')))
        expect(unquoted(text), `${name}.${key} (en)`).to.not.match(FULL_WIDTH);
      for (const [key, text] of texts(resolve('zh-CN')))
        expect(text, `${name}.${key} (zh-CN)`).to.not.match(ASCII_IN_ZH);
    });
  }

  it('the rules’ message templates and bases', () => {
    for (const file of readdirSync('rules').filter((f) => f.endsWith('.json'))) {
      const rule = JSON.parse(readFileSync(`rules/${file}`, 'utf8')) as {
        basis?: Record<string, string>;
        messages?: Record<string, Record<string, string>>;
      };
      const all = [['basis', rule.basis ?? {}], ...Object.entries(rule.messages ?? {})] as const;
      for (const [variant, t] of all) {
        if (t.en) expect(unquoted(t.en), `${file} ${variant} (en)`).to.not.match(FULL_WIDTH);
        if (t['zh-CN']) expect(t['zh-CN'], `${file} ${variant} (zh-CN)`).to.not.match(ASCII_IN_ZH);
      }
    }
  });

  const dir = 'test/fixtures/published';
  const fixtures = readdirSync(dir).filter((f) => f.endsWith('.txt'));

  it('real output: the importer’s notes and the findings of the published fixtures, in English', async () => {
    expect(fixtures.length).to.be.greaterThan(4);
    for (const f of fixtures) {
      const { report, diagnostics } = importReport(readFileSync(`${dir}/${f}`, 'utf8'), { locale: 'en' });
      for (const d of diagnostics) expect(unquoted(d.message), `${f}: ${d.code}`).to.not.match(FULL_WIDTH);
      if (!report) continue;
      for (const x of (await validate(report, { locale: 'en' })).findings)
        expect(unquoted(x.message), `${f}: ${x.rule}`).to.not.match(FULL_WIDTH);
    }
  });
});

describe('the CLI’s text output, in each language’s punctuation', () => {
  async function run(args: string[]): Promise<string> {
    let out = '';
    const sink = { write: (s: string) => ((out += s), true), isTTY: false } as never;
    await main(args, { stdout: sink, stderr: sink });
    return out;
  }
  const files = ['pingtan-2019-glued.txt', 'hanyang-office-2022-pipe-cells.partial.txt', 'README.md'].map(
    (f) => `test/fixtures/published/${f}`,
  );

  it('zh-CN: no ASCII colon or bracket beside Chinese outside quoted report text; a space around line numbers', async () => {
    const out = await run(['validate', '--jobs', '1', '--lang', 'zh-CN', ...files]);
    expect(out).to.contain('导入 第 1 行：').and.contain('无法读取：');
    // 应为 x，实为 y: the values as the report has them (a label quoted bare)
    for (const line of out.split('\n').map((l) => l.replace(/应为 .*/, '')))
      expect(unquoted(line.replace(/「[^」]*」/g, '「」')), line)
        .to.not.match(ASCII_IN_ZH)
        .and.not.match(/第\d/);
  });

  it('en: no full-width punctuation outside quoted report text', async () => {
    const out = await run(['validate', '--jobs', '1', '--lang', 'en', ...files]);
    expect(out).to.contain('import line 1: ');
    for (const line of out.split('\n')) expect(unquoted(line), line).to.not.match(FULL_WIDTH);
  });
});
