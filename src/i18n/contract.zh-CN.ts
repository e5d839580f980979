/** Messages of the REPORT-JSON contract, zh-CN (the default locale). */
import type { ContractStrings } from './contract.js';

export const zhCN: ContractStrings = {
  json: {
    empty: 'JSON 文本为空',
    'unexpected-end': 'JSON 文本意外结束',
    'unexpected-token': 'JSON 语法错误',
    'trailing-data': 'JSON 值之后有多余内容',
  },
  jsonAt: (reason, line, column) => `${reason}（第 ${line} 行第 ${column} 列）`,
  unreadable: (path, why) => `无法读取报告${path ? `（${path}）` : ''}：${why}`,
  tooLong: (max, v) => `超过 ${max} 位数字，实为 ${v}`,
  optionIgnored: (key, why) => `选项 ${key} 已忽略：${why}`,
  previousUnreadable: (problem) => `上一年度报告无法读取：${problem}，跨年度规则未执行`,
  previousNotReport: '上一年度报告不是有效的报告 JSON，跨年度规则未执行',
  issue: {
    'not-object': (v) => `报告必须是 JSON 对象，实为 ${v}`,
    format: (v) => `未知的格式 ${v}：应为 "2019" 或 "2021"`,
    required: (_, x) => `缺少必填项${x ? `（应为 ${x} 之一）` : ''}`,
    required_type: (_, x) => `缺少必填项（${x}）`,
    invalid_type: (v, x) => `类型应为 ${x}，实为 ${v}`,
    int: (v) => `应为整数，实为 ${v}`,
    int_or_null: (v) => `应为整数或 null，实为 ${v}`,
    too_small: (v, x) => `不能小于 ${x}，实为 ${v}`,
    too_big: (v, x) => `不能大于 ${x}，实为 ${v}`,
    date: (v) => `应为日期（YYYY-MM-DD），实为 ${v}`,
    decimal: (v) => `应为十进制数字（如 "12.5"），实为 ${v}`,
    unrecognized_keys: (_, x) => `未知的键：${x}`,
    invalid_value: (v, x) => `应为 ${x} 之一，实为 ${v}`,
    invalid_union: (v) => `不符合任何允许的结构：${v}`,
    invalid: (v) => `无效的值 ${v}`,
  },
};
