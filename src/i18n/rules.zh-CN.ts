/** Texts of the rules' facts, zh-CN (the default locale). */
import type { RulesStrings } from './rules.js';

export const zhCN: RulesStrings = {
  previousLabel: (label) => `上年报告 ${label}`,
  labels: (shown, total) => shown.map((l) => `“${l}”`).join('、') + (total > shown.length ? ` 等 ${total} 处` : ''),
  unreadableCells: (labels) => `${labels} 无法读取`,
  blankCells: (labels) => `${labels} 未填写数字`,
  notNumbers: (labels) => `${labels} 不是数字`,
  clauses: (parts) => parts.join('，'),
};
