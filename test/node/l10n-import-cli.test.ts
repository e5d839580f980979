/**
 * The importer's and the CLI's catalogs (src/i18n/import*.ts, cli*.ts): the same keys in every locale,
 * every message rendered in each, the messages no other test reaches in both locales, the locale read
 * as a `lang` attribute is (`en-US` is English), and a PDF's unread cells located by page.
 */
import { expect } from 'chai';
import { importReport } from '../../src/import/entry.js';
import { LOCALES, type Locale } from '../../src/i18n/locale.js';
import { importStrings, type DiagnosticParams, type ImportParams, type Messages } from '../../src/i18n/import.js';
import { gluedStrings } from '../../src/i18n/import-glued.js';
import { pdfStrings, type PdfParams } from '../../src/i18n/import-pdf.js';
import { cliLocale, cliStrings, type CliStrings } from '../../src/i18n/cli.js';
import { uiStrings } from '../../src/i18n/ui.js';
import { SECTIONS } from '../../src/model/layout.js';
import { randomReport } from './import-helpers.js';
import { reportPdf } from './pdf-writer.js';

const HAN = /\p{Script=Han}/u;
const CATALOGS = { import: importStrings, 'import-glued': gluedStrings, 'import-pdf': pdfStrings, cli: cliStrings };

/** The keys of a catalog, nested records as `key.sub`. */
const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}:${typeof v}`],
  );

/** Params of every diagnostic code (typed: a code added without a sample does not compile). All ASCII. */
const SAMPLES: { [C in keyof (DiagnosticParams & PdfParams)]: (DiagnosticParams & PdfParams)[C] } = {
  'empty-input': {},
  'binary-input': {},
  'truncated-input': { size: 12, limit: 10 },
  'no-report': {},
  format: { format: '2021', shape: 'row' },
  'section-missing': { number: '2', heading: { zh: '二、主动公开政府信息情况', en: 'II. Proactive' } },
  'heading-variant': { number: '2', found: 'x', heading: 'y' },
  partial: { table: 'applications', row: 'r', inside: true, line: 3 },
  'rows-missing': { table: 'proactive', count: 2, rows: ['a', 'b'] },
  'blank-cells': { row: 'r', count: 1, markers: '-', columns: [{ zh: '总计', en: 'Total' }] },
  thousands: { raw: '1,234', value: 1234 },
  fullwidth: { raw: '12', value: 12 },
  'not-a-number': { row: 'r', raw: 'x' },
  'several-numbers': { row: 'r', raw: '1 2' },
  'hidden-content': { row: 'r', raw: '1' },
  'cut-number': { row: 'r', raw: '1' },
  'unsafe-number': { raw: '99999999999999999999' },
  'missing-cells': { row: 'r', found: 1, expected: 2, columns: [{ zh: '总计', en: 'Total' }] },
  'surplus-cells': { row: 'r', count: 1, values: '9' },
  'extra-row': { table: 'appeals', label: 'l' },
  'ignored-text': { text: 't' },
  'by-order': { row: 'r' },
  'year-missing': {},
  'agency-missing': {},
  'title-missing': {},
  'glued-split': { row: 'r', raw: '123', split: '1 | 23', constraint: 2 },
  'glued-bound': {},
  'glued-ambiguous': { row: 'r', raw: '123', count: 3, examples: ['1|23', '12|3'] },
  'glued-unsplittable': { row: 'r', raw: '123', expected: 7, constraint: true },
  'pdf-not-pdf': {},
  'pdf-invalid': { detail: 'd' },
  'pdf-password': {},
  'pdf-timeout': { seconds: 60 },
  'pdf-no-text': { pages: 2, images: true },
  'pdf-no-unicode': { share: 40 },
  'pdf-pages-without-text': { pages: [2] },
  'pdf-pages-cut': { total: 900, limit: 500 },
  'pdf-no-tables': {},
};

type Fn<K extends keyof CliStrings> = CliStrings[K] extends (...a: infer A) => string ? A : never;
/** Arguments of every function of the CLI catalog (typed: one added without a sample does not compile). */
const CLI_SAMPLES: {
  [
    K in keyof CliStrings as CliStrings[K] extends string | object
      ? CliStrings[K] extends (...a: never[]) => string
        ? K
        : never
      : never
  ]: Fn<K>;
} = {
  usage: ['.json .txt'],
  badLang: ['fr'],
  badFormat: ['xml'],
  badJobs: ['0', 64],
  needsValue: ['--out'],
  unknownOption: ['--x'],
  unknownCommand: ['x'],
  cannotRead: ['ENOENT'],
  fileType: ['.json'],
  notAReport: ['x'],
  checkFailed: ['x'],
  workerStopped: [1],
  noFiles: ['.json'],
  format: ['2021'],
  year: [2023],
  atLine: [3],
  atPage: [3],
  moreNotes: [3],
  unreadHead: [3],
  line: [3],
  page: [3],
  unreadCsv: ['x'],
  moreGroups: [3],
  moreOfRule: [3, 'T3-COL'],
  expectedActual: ['1', '2'],
  errors: [3],
  warnings: [3],
  infos: [3],
  skipped: [3],
  notCheckedHead: [3],
  unreadableHead: [3],
  withErrorsHead: [3],
  summary: [{ files: 3, errors: 2, warnings: 1, withErrors: 1, withWarnings: 1, unreadable: 1, notChecked: 1 }],
};

/** Every string a catalog renders with the samples: its strings, and its functions called with their samples. */
function rendered(name: string, catalog: object): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(catalog)) {
    if (typeof v === 'string') out.push([k, v]);
    else if (typeof v === 'function') {
      const args =
        name === 'cli' ? (CLI_SAMPLES as Record<string, unknown[]>)[k] : [(SAMPLES as Record<string, unknown>)[k]];
      expect(args, `${name}.${k} has a sample`).to.not.equal(undefined);
      out.push([k, (v as (...a: unknown[]) => string)(...args!)]);
    } else for (const [sub, s] of Object.entries(v as object)) out.push([`${k}.${sub}`, s as string]);
  }
  return out;
}

describe('importer and CLI catalogs', () => {
  for (const [name, resolve] of Object.entries(CATALOGS)) {
    it(`${name}: the same keys in every locale, each rendered to words in its language`, () => {
      const zh = resolve('zh-CN');
      for (const locale of LOCALES) {
        const catalog = resolve(locale);
        if (locale !== 'zh-CN') expect(catalog, `${name} has its own ${locale} catalog`).to.not.equal(zh);
        expect(keys(catalog).sort(), `${name} ${locale}`).to.deep.equal(keys(zh).sort());
        for (const [key, text] of rendered(name, catalog)) {
          expect(text, `${name}.${key} (${locale})`).to.be.a('string').and.not.equal('');
          expect(text, `${name}.${key} (${locale})`).to.not.match(/undefined|NaN|\[object /);
          // The samples are ASCII: Chinese in an English message is the catalog's own (the section heading's zh is not used).
          if (locale === 'en') expect(text, `${name}.${key} (en)`).to.not.match(HAN);
        }
      }
      // zh-CN: Chinese words, or Chinese punctuation alone (the separators).
      for (const [key, text] of rendered(name, zh))
        expect(HAN.test(text) || /^[\p{P}]+$/u.test(text), `${name}.${key} (zh-CN) is Chinese`).to.equal(true);
    });
  }

  it('English counts agree with their nouns: “1 cell”, “2 cells”, never “cell(s)” or “1 cells”', () => {
    /** A sample with every number (and every array of numbers, the PDF's pages) set to n numbers of n. */
    const withCount = (v: unknown, n: number): unknown =>
      typeof v === 'number'
        ? n
        : Array.isArray(v)
          ? v.every((x) => typeof x === 'number')
            ? Array.from({ length: n }, (_, i) => i + 2)
            : v.map((x) => withCount(x, n))
          : v !== null && typeof v === 'object'
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withCount(x, n)]))
            : v;
    const nouns = 'cell|row|page|error|warning|note|group|report|check|finding|notice|blank';
    for (const [name, resolve] of [...Object.entries(CATALOGS), ['ui', uiStrings] as const]) {
      for (const [k, v] of Object.entries(resolve('en'))) {
        // pdf-pages-cut: only past its limit of hundreds of pages
        if (typeof v !== 'function' || k === 'pdf-pages-cut') continue;
        const sample =
          name === 'cli'
            ? (CLI_SAMPLES as Record<string, unknown[]>)[k]
            : name === 'ui'
              ? Array.from({ length: v.length }, () => 0)
              : [(SAMPLES as Record<string, unknown>)[k]];
        for (const n of [1, 2]) {
          const text = String((v as (...a: unknown[]) => unknown)(...(withCount(sample, n) as unknown[])));
          expect(text, `${name}.${k}`).to.not.match(/\(s\)/);
          if (n === 1) expect(text, `${name}.${k} (1)`).to.not.match(new RegExp(`\\b1 (?:more )?(?:${nouns})s\\b`));
          else expect(text, `${name}.${k} (2)`).to.not.match(new RegExp(`\\b2 (?:more )?(?:${nouns})\\b(?!-)`));
        }
      }
    }
  });

  it('unknown locales resolve to the zh-CN catalog', () => {
    for (const resolve of Object.values(CATALOGS)) expect(resolve('fr' as Locale)).to.equal(resolve('zh-CN'));
  });
});

describe('importer messages no other test reaches, in both locales', () => {
  const zh: Messages<ImportParams> = importStrings('zh-CN');
  const en: Messages<ImportParams> = importStrings('en');
  const say = <C extends keyof ImportParams>(code: C, p: ImportParams[C]) => [zh[code](p), en[code](p)];
  it('not-a-number, by-order', () => {
    expect(say('not-a-number', { row: '（一）予以公开', raw: '见附件' })).to.deep.equal([
      '「（一）予以公开」的单元格“见附件”不是数字，按空白（null）处理',
      '“（一）予以公开”: cell “见附件” is not a number; kept blank (null)',
    ]);
    expect(say('by-order', { row: '（二）部分公开' })).to.deep.equal([
      '「（二）部分公开」的数值前没有可识别的行标题，按行序放入该行',
      '“（二）部分公开”: no row label was recognised before these values; they were placed by the order of the rows',
    ]);
  });

  it('section-missing names the standard heading of the locale; partial and rows-missing name the table in it', () => {
    const s = SECTIONS.find((x) => x.id === 'appeals')!;
    expect(say('section-missing', { number: s.number, heading: s.heading })).to.deep.equal([
      `未找到第四部分「${s.heading.zh}」`,
      `section “${s.heading.en}” was not found`,
    ]);
    expect(say('partial', { table: 'appeals', row: '', inside: false, line: 0 })).to.deep.equal([
      '文本结束于表四中；之后的内容没有导入，缺失的单元格保留为空（null）',
      'the text ends at Table IV; nothing after it was imported and the missing cells stay blank (null)',
    ]);
    expect(say('partial', { table: 'proactive', row: '规章', inside: false, line: 9 })).to.deep.equal([
      '文本结束于表二「规章」行之后（第 9 行）；之后的内容没有导入，缺失的单元格保留为空（null）',
      'the text ends at Table II, after the row “规章” (line 9); nothing after it was imported and the missing cells stay blank (null)',
    ]);
    // Table IV's one row has no label: the table is named, in the message's language.
    expect(say('rows-missing', { table: 'appeals', count: 1, rows: [''] })).to.deep.equal([
      '表四中有 1 行没有找到：表四；这些单元格保留为空（null）',
      '1 row of Table IV was not found: Table IV; their cells stay blank (null)',
    ]);
    expect(say('rows-missing', { table: 'proactive', count: 2, rows: ['规章', '行政许可'] })).to.deep.equal([
      '表二中有 2 行没有找到：规章、行政许可；这些单元格保留为空（null）',
      '2 rows of Table II were not found: “规章”, “行政许可”; their cells stay blank (null)',
    ]);
  });

  it('glued-bound', () => {
    expect([gluedStrings('zh-CN')['glued-bound']({}), gluedStrings('en')['glued-bound']({})]).to.deep.equal([
      '粘连数字串的组合过多，已在上限处停止联合求解；未能确定的单元格保留为空（null）',
      'too many combinations of glued digit runs: the joint search stopped at its bound; the cells it could not settle stay blank (null)',
    ]);
  });

  it('pdf-pages-without-text, pdf-pages-cut, pdf-no-tables', () => {
    const both = <C extends keyof PdfParams>(code: C, p: PdfParams[C]) => [
      pdfStrings('zh-CN')[code](p),
      pdfStrings('en')[code](p),
    ];
    expect(both('pdf-pages-without-text', { pages: [2, 5] })).to.deep.equal([
      '第 2、5 页只有图像、没有文字层（可能是扫描页），这些页上的内容没有导入',
      'pages 2, 5 hold images but no text layer (probably scanned); their content was not imported',
    ]);
    expect(both('pdf-pages-without-text', { pages: [3] })[1]).to.equal(
      'page 3 holds images but no text layer (probably scanned); its content was not imported',
    );
    expect(both('pdf-pages-cut', { total: 900, limit: 500 })).to.deep.equal([
      'PDF 有 900 页，只读取了前 500 页',
      'the PDF has 900 pages; only the first 500 were read',
    ]);
    expect(both('pdf-no-tables', {})).to.deep.equal([
      'PDF 中没有找到画线的表格，表格按文字位置读取',
      'no ruled tables were found in the PDF; the tables were read from the text positions',
    ]);
  });

  const row = (label: string, cells: string[]) =>
    `<tr><td>${label}</td>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  const table = (last: string) =>
    `<table>${row('一、本年新收政府信息公开申请数量', ['1', '2', '3', '4', '5', '6', last])}</table>`;

  it('unsafe-number: read from a table, in both locales', () => {
    const input = `<p>三、收到和处理政府信息公开申请情况</p>${table('99999999999999999999')}`;
    const message = (locale: Locale) =>
      importReport(input, { locale }).diagnostics.find((d) => d.code === 'unsafe-number')?.message;
    expect(message('zh-CN')).to.equal('数字 99999999999999999999 过大，无法精确表示');
    expect(message('en')).to.equal('the number 99999999999999999999 is too large to be represented exactly');
  });

  it('year-missing, agency-missing, title-missing: a bare table, in both locales', () => {
    const cells = ['1', '2', '3', '4', '5', '6', '21'];
    const bare = `<table>${row('一、本年新收政府信息公开申请数量', cells)}${row('二、上年结转政府信息公开申请数量', cells)}${row('（一）予以公开', cells)}</table>`;
    const notes = (locale: Locale) =>
      importReport(bare, { locale })
        .diagnostics.filter((d) => /-missing$/.test(d.code) && !/^(rows|section)-/.test(d.code))
        .map((d) => [d.level, d.code, d.message]);
    expect(notes('zh-CN')).to.deep.equal([
      ['error', 'year-missing', '没有找到报告年度'],
      ['warning', 'agency-missing', '没有找到发布机关名称'],
      ['info', 'title-missing', '没有找到报告标题'],
    ]);
    expect(notes('en')).to.deep.equal([
      ['error', 'year-missing', 'the report year was not found'],
      ['warning', 'agency-missing', 'the name of the publishing agency was not found'],
      ['info', 'title-missing', 'the report title was not found'],
    ]);
  });
});

describe('the locale of the importer, read as a lang attribute is', () => {
  it('en-US, EN and en-GB are English; anything else, a null or a throwing getter is zh-CN', async () => {
    const message = (options: unknown) => importReport('', options as never).diagnostics[0]!.message;
    for (const locale of ['en', 'en-US', 'EN', 'en-GB'])
      expect(message({ locale }), locale).to.match(/^the input is empty/);
    const hostile = {
      get locale(): string {
        throw new Error('no');
      },
    };
    for (const options of [{ locale: 'zh-CN' }, { locale: 'fr' }, { locale: 42 }, null, hostile])
      expect(message(options)).to.equal('输入为空：没有可导入的内容');
    const pdf = await importReport(new TextEncoder().encode('not a pdf at all'), { locale: 'en-US' as Locale });
    expect(pdf.diagnostics.map((d) => d.message)).to.deep.equal([
      'the input is not a PDF file (no %PDF- header); nothing imported',
    ]);
  });

  it('the CLI reads --lang the same way: a tag of a supported language, else nothing', () => {
    for (const v of ['en', 'EN', 'en-US', 'en-gb']) expect(cliLocale(v), v).to.equal('en');
    for (const v of ['zh', 'zh-CN', 'zh-Hans', 'zh-TW', 'ZH-cn']) expect(cliLocale(v), v).to.equal('zh-CN');
    for (const v of ['', 'fr', 'eng', 'english', 'en_US', 'zh-', '-en', 'en--US', 'e'])
      expect(cliLocale(v), v).to.equal(undefined);
  });
});

describe('a PDF report: unread cells located by page', () => {
  it('source.unread names the page of each cell the importer could not read, never a line of the laid-out text', async function () {
    this.timeout(60000);
    const report = randomReport({ format: '2021', shape: 'group', seed: 3, blanks: 0.05 });
    report.applications.granted.natural = '258 12';
    const r = await importReport(reportPdf(report, { rules: 'stroke', blank: '-' }), { locale: 'en' });
    const source = (r.report as unknown as { source: { unread: Record<string, unknown> } }).source;
    expect(source.unread).to.deep.equal({ 'applications.granted.natural': { code: 'several-numbers', page: 1 } });
    const d = r.diagnostics.find((x) => x.code === 'several-numbers')!;
    expect(d).to.include({
      page: 1,
      message: '“（一）予以公开”: the cell “258 12” holds more than one number; kept blank (null)',
    });
    expect(d).to.not.have.property('line');
  });
});
