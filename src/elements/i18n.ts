/** UI strings of `<disclosure-report>` and `renderStaticHtml`, zh-CN (default) and en. Rule messages come localized from `validate()`. */
import type { Locale } from '../model/schema.js';

export interface Strings {
  blank: string;
  blankLong: string;
  unreadable: string;
  loading: string;
  noReport: string;
  missingSection: string;
  missingTable: string;
  missingList: (items: string) => string;
  badgePass: string;
  badgeErrors: (n: number) => string;
  badgeNotices: (n: number) => string;
  badgeUnchecked: string;
  summaryHeading: string;
  summaryPass: string;
  summaryCounts: (e: number, w: number, i: number, s: number, c: number) => string;
  skippedHeading: (n: number) => string;
  expectedActual: (e: string, a: string) => string;
  error: string;
  warning: string;
  info: string;
  skipped: string;
  previousCell: string;
  reportLevel: string;
  extrasCaption: string;
  explainHeading: (label: string) => string;
  explainOpened: (label: string) => string;
  explainValue: (v: string) => string;
  explainComputed: (e: string, a: string) => string;
  explainHolds: string;
  explainFails: string;
  explainSkipped: string;
  explainNone: string;
  close: string;
  sumOf: string;
  errNetwork: (url: string) => string;
  errHttp: (url: string, status: number, text: string) => string;
  errJson: (where: string, msg: string) => string;
  errPrevious: (msg: string) => string;
  errImporterMissing: string;
  errImporter: (msg: string) => string;
  errValidate: (msg: string) => string;
  importDiagnostics: string;
  line: (n: number) => string;
  publishedOn: (d: string) => string;
  agency: string;
  fallbackShown: string;
  more: (n: number) => string;
  tableRegion: (name: string) => string;
  computedSide: (v: string) => string;
  reportedSide: (v: string) => string;
  /** Between the cells of a finding, and between the items of a list. */
  cellSep: string;
  listSep: string;
}

const zh: Strings = {
  blank: '未填',
  unreadable: '无法读取',
  blankLong: '未填（空白，不等于 0）',
  loading: '正在加载报告…',
  noReport: '没有报告数据：请设置 report 属性、放入 <script type="application/json"> 或设置 src。',
  missingSection: '报告中没有这一部分。',
  missingTable: '报告中没有这张表。',
  missingList: (items) => `报告不完整，缺少：${items}`,
  badgePass: '通过',
  badgeErrors: (n) => `${n} 处错误`,
  badgeNotices: (n) => `${n} 处提示`,
  badgeUnchecked: '未检查',
  summaryHeading: '校验结果',
  summaryPass: '所有勾稽关系均成立。',
  summaryCounts: (e, w, i, s, c) => `错误 ${e} 处，警告 ${w} 处，信息 ${i} 处；已检查 ${c} 项，无法检查 ${s} 项。`,
  skippedHeading: (n) => `无法检查的规则（${n} 项，含空白单元格）`,
  expectedActual: (e, a) => `应为 ${e}，实为 ${a}`,
  error: '错误',
  warning: '警告',
  info: '信息',
  skipped: '未检查',
  previousCell: '上年报告',
  reportLevel: '整份报告',
  extrasCaption: '模板以外的行（按原样保留）',
  explainHeading: (label) => `计算说明：${label}`,
  explainOpened: (label) => `已打开计算说明：${label}（在表格之后）`,
  explainValue: (v) => `本格数值：${v}`,
  explainComputed: (e, a) => `计算值 ${e}，填报值 ${a}`,
  explainHolds: '成立',
  explainFails: '不成立',
  explainSkipped: '无法检查（有空白单元格）',
  explainNone: '该单元格不参与勾稽计算。',
  close: '关闭',
  sumOf: '合计',
  errNetwork: (url) => `无法加载报告 ${url}：网络错误或地址不可达。`,
  errHttp: (url, status, text) => `无法加载报告 ${url}：服务器返回 HTTP ${status}${text ? ' ' + text : ''}。`,
  errJson: (where, msg) => `报告 ${where} 不是有效的 JSON：${msg}`,
  errPrevious: (msg) => `上年报告无法使用，跨年度检查已跳过：${msg}`,
  errImporterMissing:
    '此处没有 JSON 报告数据。要从页面中已发布的表格读取报告，请在本脚本之后加载导入脚本（disclosure-report-import.js）。',
  errImporter: (msg) => `从页面读取报告失败：${msg}`,
  errValidate: (msg) => `校验失败：${msg}`,
  importDiagnostics: '导入说明',
  line: (n) => `第 ${n} 行`,
  publishedOn: (d) => `发布日期：${d}`,
  agency: '发布机关',
  fallbackShown: '以下为页面中的原始内容。',
  more: (n) => ` 等，另有 ${n} 格`,
  tableRegion: (name) => `表格：${name}`,
  computedSide: (v) => `计算值 ${v} =`,
  reportedSide: (v) => `填报值 ${v} =`,
  cellSep: '；',
  listSep: '、',
};

const en: Strings = {
  blank: 'blank',
  unreadable: 'unreadable',
  blankLong: 'blank (not the same as 0)',
  loading: 'Loading the report…',
  noReport: 'No report data: set the report property, add a <script type="application/json"> child, or set src.',
  missingSection: 'This section is missing from the report.',
  missingTable: 'This table is missing from the report.',
  missingList: (items) => `Incomplete report; missing: ${items}`,
  badgePass: 'Passed',
  badgeErrors: (n) => `${n} error${n === 1 ? '' : 's'}`,
  badgeNotices: (n) => `${n} notice${n === 1 ? '' : 's'}`,
  badgeUnchecked: 'Not checked',
  summaryHeading: 'Validation',
  summaryPass: 'All cross-footing checks hold.',
  summaryCounts: (e, w, i, s, c) => `${e} errors, ${w} warnings, ${i} infos; ${c} checks made, ${s} could not be made.`,
  skippedHeading: (n) => `Checks that could not be made (${n}, blank cells)`,
  expectedActual: (e, a) => `expected ${e}, found ${a}`,
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
  skipped: 'Not checked',
  previousCell: 'last year’s report',
  reportLevel: 'whole report',
  extrasCaption: 'Rows not in the template (kept as found)',
  explainHeading: (label) => `How it is computed: ${label}`,
  explainValue: (v) => `Value: ${v}`,
  explainOpened: (label) => `How it is computed: ${label}, shown after the table`,
  explainComputed: (e, a) => `computed ${e}, reported ${a}`,
  explainHolds: 'holds',
  explainFails: 'does not hold',
  explainSkipped: 'could not be checked (blank cells)',
  explainNone: 'This cell takes part in no cross-footing check.',
  close: 'Close',
  sumOf: 'sum',
  errNetwork: (url) => `Could not load the report ${url}: network error or unreachable address.`,
  errHttp: (url, status, text) =>
    `Could not load the report ${url}: the server answered HTTP ${status}${text ? ' ' + text : ''}.`,
  errJson: (where, msg) => `The report ${where} is not valid JSON: ${msg}`,
  errPrevious: (msg) => `Last year’s report could not be used; cross-year checks skipped: ${msg}`,
  errImporterMissing:
    'There is no JSON report data here. To read the report from the tables published on this page, load the importer script (disclosure-report-import.js) after this one.',
  errImporter: (msg) => `Reading the report from the page failed: ${msg}`,
  errValidate: (msg) => `Validation failed: ${msg}`,
  importDiagnostics: 'Import notes',
  line: (n) => `line ${n}`,
  publishedOn: (d) => `Published ${d}`,
  agency: 'Agency',
  fallbackShown: 'The original content of the page follows.',
  more: (n) => ` and ${n} more`,
  tableRegion: (name) => `Table: ${name}`,
  computedSide: (v) => `Computed ${v} =`,
  reportedSide: (v) => `Reported ${v} =`,
  cellSep: '; ',
  listSep: ', ',
};

export const strings = (locale: Locale): Strings => (locale === 'en' ? en : zh);

/** `lang` attribute value → supported locale (anything starting with "en" is English; default zh-CN). */
export const toLocale = (lang: string | null | undefined): Locale => (lang && /^en\b/i.test(lang) ? 'en' : 'zh-CN');
