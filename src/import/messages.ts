/** Diagnostic messages of the importer, zh-CN and en. */
import type { Locale } from '../model/schema.js';

export type DiagnosticLevel = 'error' | 'warning' | 'info';

/** One thing the importer wants the user to know, located in the input where possible. */
export interface Diagnostic {
  level: DiagnosticLevel;
  /** Stable code (`blank-cells`, `glued-ambiguous`, `partial`, ...). */
  code: string;
  message: string;
  /** 1-based line in the input. */
  line?: number;
  /** 0-based offset in the input. */
  offset?: number;
  /** 1-based page of a PDF input (instead of line and offset). */
  page?: number;
  /** REPORT-JSON paths concerned, if any. */
  cells?: string[];
}

type P = Record<string, string | number>;
const M: Record<string, (p: P) => [string, string]> = {
  'empty-input': () => ['输入为空：没有可导入的内容', 'the input is empty: nothing to import'],
  'binary-input': () => [
    '输入不是文本（含有二进制数据），无法导入',
    'the input is not text (binary data); nothing imported',
  ],
  'truncated-input': (p) => [
    `输入过大（${p.size} 个字符），只读取了前 ${p.limit} 个字符`,
    `the input is too large (${p.size} characters); only the first ${p.limit} were read`,
  ],
  'no-report': () => [
    '没有找到年度报告的章节标题或表格（二、三、四），无法导入',
    'no section headings or tables (II, III, IV) of an annual report were found; nothing imported',
  ],
  layout: (p) => [`识别的版式：${p.layout}`, `layout recognised: ${p.layout}`],
  format: (p) => [
    `表格格式：${p.format}${p.mixed ? '（混用：' + p.mixed + '）' : ''}`,
    `table format: ${p.format}${p.mixed ? ' (mixed: ' + p.mixedEn + ')' : ''}`,
  ],
  'section-missing': (p) => [
    `未找到第${p.number}部分「${p.heading}」`,
    `section ${p.number} “${p.heading}” was not found`,
  ],
  'heading-variant': (p) => [
    `第${p.number}部分的标题「${p.found}」与标准标题「${p.heading}」不一致`,
    `the heading of section ${p.number} “${p.found}” differs from the standard “${p.heading}”`,
  ],
  partial: (p) => [
    `文本结束于${p.where}${p.line ? `（第 ${p.line} 行）` : ''}；之后的内容没有导入，缺失的单元格保留为空（null）`,
    `the text ends at ${p.whereEn}${p.line ? ` (line ${p.line})` : ''}; nothing after it was imported and the missing cells stay blank (null)`,
  ],
  'rows-missing': (p) => [
    `${p.table}中有 ${p.count} 行没有找到：${p.rows}；这些单元格保留为空（null）`,
    `${p.count} row(s) of ${p.tableEn} were not found: ${p.rows}; their cells stay blank (null)`,
  ],
  'blank-cells': (p) => [
    `「${p.row}」有 ${p.count} 个单元格${p.markers ? `为“${p.markers}”或空白` : '为空白'}：${p.columns}；按空白（null）处理，不视为 0`,
    `“${p.row}”: ${p.count} cell(s) ${p.markers ? `blank or “${p.markers}”` : 'blank'}: ${p.columnsEn}; kept blank (null), not read as 0`,
  ],
  thousands: (p) => [`“${p.raw}”按千位分隔读作 ${p.value}`, `“${p.raw}” read as ${p.value} (thousands separators)`],
  fullwidth: (p) => [`全角数字“${p.raw}”读作 ${p.value}`, `full-width digits “${p.raw}” read as ${p.value}`],
  'not-a-number': (p) => [
    `「${p.row}」的单元格“${p.raw}”不是数字，按空白（null）处理`,
    `“${p.row}”: cell “${p.raw}” is not a number; kept blank (null)`,
  ],
  'several-numbers': (p) => [
    `「${p.row}」的单元格“${p.raw}”含有不止一个数字，无法确定，保留为空（null）`,
    `“${p.row}”: the cell “${p.raw}” holds more than one number; kept blank (null)`,
  ],
  'hidden-content': (p) => [
    `「${p.row}」的单元格“${p.raw}”含有隐藏、删除线或表单中的内容，数字无法确定，保留为空（null）`,
    `“${p.row}”: the cell “${p.raw}” has hidden, struck-out or form-field content; its number is uncertain and kept blank (null)`,
  ],
  'cut-number': (p) => [
    `文本在「${p.row}」的数字“${p.raw}”处结束，该数字可能不完整，保留为空（null）`,
    `the text ends inside “${p.row}” at the number “${p.raw}”, which may be cut; kept blank (null)`,
  ],
  'unsafe-number': (p) => [
    `数字 ${p.raw} 过大，无法精确表示`,
    `the number ${p.raw} is too large to be represented exactly`,
  ],
  'missing-cells': (p) => [
    `「${p.row}」只有 ${p.found} 个单元格（应为 ${p.expected} 个），缺少的单元格（${p.columns}）保留为空（null）`,
    `“${p.row}” has ${p.found} cell(s) where ${p.expected} are expected; the missing cells (${p.columnsEn}) stay blank (null)`,
  ],
  'surplus-cells': (p) => [
    `「${p.row}」多出 ${p.count} 个单元格（${p.values}），已保存在 extras`,
    `“${p.row}” has ${p.count} surplus cell(s) (${p.values}), kept in extras`,
  ],
  'extra-row': (p) => [
    `${p.table}中的行「${p.label}」不在标准表格中，已保存在 extras`,
    `the row “${p.label}” of ${p.tableEn} is not in the standard table; kept in extras`,
  ],
  'ignored-text': (p) => [
    `表格部分中的文字“${p.text}”不是表格单元格，未导入`,
    `text in a table section “${p.text}” is not a table cell; not imported`,
  ],
  'by-order': (p) => [
    `「${p.row}」的数值前没有可识别的行标题，按行序放入该行`,
    `“${p.row}”: no row label was recognised before these values; they were placed by the order of the rows`,
  ],
  'glued-split': (p) => [
    `「${p.row}」的数字串“${p.raw}”按表格结构${p.constraint ? (p.constraint === 2 ? '和整张表的勾稽关系' : '和本行的勾稽关系') : ''}拆分为 ${p.split}`,
    `“${p.row}”: the digit run “${p.raw}” was split as ${p.split} using the table structure${p.constraint ? (p.constraint === 2 ? ' and the equations of the whole table' : ' and the row’s equation') : ''}`,
  ],
  'glued-bound': () => [
    '粘连数字串的组合过多，已在上限处停止联合求解；未能确定的单元格保留为空（null）',
    'too many combinations of glued digit runs: the joint search stopped at its bound; the cells it could not settle stay blank (null)',
  ],
  'glued-ambiguous': (p) => [
    `「${p.row}」的数字串“${p.raw}”有 ${p.count} 种拆分都符合表格结构（如 ${p.examples}），无法确定；这些单元格保留为空（null）`,
    `“${p.row}”: the digit run “${p.raw}” can be split in ${p.count} ways that fit the table (e.g. ${p.examples}); the cells stay blank (null)`,
  ],
  'glued-unsplittable': (p) => [
    `「${p.row}」的数字串“${p.raw}”无法拆分为 ${p.expected} 个单元格${p.constraint ? '（没有符合勾稽关系的拆分）' : ''}；这些单元格保留为空（null）`,
    `“${p.row}”: the digit run “${p.raw}” cannot be split into ${p.expected} cells${p.constraint ? ' satisfying the constraints' : ''}; the cells stay blank (null)`,
  ],
  'year-missing': () => ['没有找到报告年度', 'the report year was not found'],
  'agency-missing': () => ['没有找到发布机关名称', 'the name of the publishing agency was not found'],
  'title-missing': () => ['没有找到报告标题', 'the report title was not found'],
};

export function message(code: string, params: P, locale: Locale = 'zh-CN'): string {
  const f = M[code];
  if (!f) return code;
  const [zh, en] = f(params);
  return locale === 'en' ? en : zh;
}
