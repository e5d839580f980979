/** Importer diagnostics, zh-CN. */
import type { ImportStrings } from './import.js';

const table = { proactive: '表二', applications: '表三', appeals: '表四' } as const;

export const zhCN: ImportStrings = {
  table,
  'empty-input': () => '输入为空：没有可导入的内容',
  'binary-input': () => '输入不是文本（含有二进制数据），无法导入',
  'truncated-input': (p) => `输入过大（${p.size} 个字符），只读取了前 ${p.limit} 个字符`,
  'no-report': () => '没有找到年度报告的章节标题或表格（二、三、四），无法导入',
  format: (p) =>
    `表格格式：${p.format}；混用：表三“（六）其他处理”${p.shape === 'row' ? '为单行，同 2019' : '分三行，同 2021'} 年版格式`,
  'section-missing': (p) => `未找到第${p.number}部分「${p.heading.zh}」`,
  'heading-variant': (p) => `第${p.number}部分的标题「${p.found}」与标准标题「${p.heading}」不一致`,
  partial: (p) =>
    `文本结束于${table[p.table]}${p.row ? `「${p.row}」行${p.inside ? '中' : '之后'}` : '中'}${p.line ? `（第 ${p.line} 行）` : ''}；之后的内容没有导入，缺失的单元格保留为空（null）`,
  'rows-missing': (p) =>
    `${table[p.table]}中有 ${p.count} 行没有找到：${p.rows.map((r) => r || table[p.table]).join('、')}；这些单元格保留为空（null）`,
  'blank-cells': (p) =>
    `「${p.row}」有 ${p.count} 个单元格${p.markers ? `为“${p.markers}”或空白` : '为空白'}：${p.columns.map((c) => c.zh).join('、')}；按空白（null）处理，不视为 0`,
  thousands: (p) => `“${p.raw}”按千位分隔读作 ${p.value}`,
  fullwidth: (p) => `全角数字“${p.raw}”读作 ${p.value}`,
  'not-a-number': (p) => `「${p.row}」的单元格“${p.raw}”不是数字，按空白（null）处理`,
  'several-numbers': (p) => `「${p.row}」的单元格“${p.raw}”含有不止一个数字，无法确定，保留为空（null）`,
  'hidden-content': (p) =>
    `「${p.row}」的单元格“${p.raw}”含有隐藏、删除线或表单中的内容，数字无法确定，保留为空（null）`,
  'cut-number': (p) => `文本在「${p.row}」的数字“${p.raw}”处结束，该数字可能不完整，保留为空（null）`,
  'unsafe-number': (p) => `数字 ${p.raw} 过大，无法精确表示`,
  'missing-cells': (p) =>
    `「${p.row}」只有 ${p.found} 个单元格（应为 ${p.expected} 个），缺少的单元格（${p.columns.map((c) => c.zh).join('、')}）保留为空（null）`,
  'surplus-cells': (p) => `「${p.row}」多出 ${p.count} 个单元格（${p.values}），已保存在 extras`,
  'extra-row': (p) => `${table[p.table]}中的行「${p.label}」不在标准表格中，已保存在 extras`,
  'ignored-text': (p) => `表格部分中的文字“${p.text}”不是表格单元格，未导入`,
  'by-order': (p) => `「${p.row}」的数值前没有可识别的行标题，按行序放入该行`,
  'year-missing': () => '没有找到报告年度',
  'agency-missing': () => '没有找到发布机关名称',
  'title-missing': () => '没有找到报告标题',
};
