/** Diagnostics about glued digit runs, zh-CN. */
import type { GluedStrings } from './import-glued.js';

export const zhCN: GluedStrings = {
  'glued-split': (p) =>
    `「${p.row}」的数字串“${p.raw}”按表格结构${p.constraint ? (p.constraint === 2 ? '和整张表的勾稽关系' : '和本行的勾稽关系') : ''}拆分为 ${p.split}`,
  'glued-bound': () => '粘连数字串的组合过多，已在上限处停止联合求解；未能确定的单元格保留为空（null）',
  'glued-ambiguous': (p) =>
    `「${p.row}」的数字串“${p.raw}”有 ${p.count} 种拆分都符合表格结构（如 ${p.examples.join('；')}），无法确定；这些单元格保留为空（null）`,
  'glued-unsplittable': (p) =>
    `「${p.row}」的数字串“${p.raw}”无法拆分为 ${p.expected} 个单元格${p.constraint ? '（没有符合勾稽关系的拆分）' : ''}；这些单元格保留为空（null）`,
};
