/** Messages of the rules layer, zh-CN (the default locale). */
import type { RulesStrings } from './rules.js';

export const zhCN: RulesStrings = {
  optionIgnored: (key, why) => `选项 ${key} 已忽略：${why}`,
  previousUnreadable: (problem) => `上一年度报告无法读取：${problem}，跨年度规则未执行`,
  previousNotReport: '上一年度报告不是有效的报告 JSON，跨年度规则未执行',
  previousLabel: (label) => `上年报告 ${label}`,
  labels: (shown, total) => shown.map((l) => `“${l}”`).join('、') + (total > shown.length ? ` 等 ${total} 处` : ''),
  unreadableCells: (labels) => `${labels} 无法读取`,
  blankCells: (labels) => `${labels} 未填写数字`,
  notNumbers: (labels) => `${labels} 不是数字`,
  clauses: (parts) => parts.join('，'),
};
