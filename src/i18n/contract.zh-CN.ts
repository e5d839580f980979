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
  required: (values) => `缺少必填项${values ? `（应为 ${values} 之一）` : ''}`,
  requiredType: (expected) => `缺少必填项（${expected}）`,
  notObject: (v) => `报告必须是 JSON 对象，实为 ${v}`,
  format: (v) => `未知的格式 ${v}：应为 "2019" 或 "2021"`,
  wholeNumber: (v, cell) => `应为整数${cell ? '或 null' : ''}，实为 ${v}`,
  type: (expected, v) => `类型应为 ${expected}，实为 ${v}`,
  tooSmall: (minimum, v) => `不能小于 ${minimum}，实为 ${v}`,
  tooBig: (maximum, v) => `不能大于 ${maximum}，实为 ${v}`,
  date: (v) => `应为日期（YYYY-MM-DD），实为 ${v}`,
  decimal: (v) => `应为十进制数字（如 "12.5"），实为 ${v}`,
  unknownKeys: (keys) => `未知的键：${keys}`,
  oneOf: (values, v) => `应为 ${values} 之一，实为 ${v}`,
  noShape: (v) => `不符合任何允许的结构：${v}`,
  invalid: (v) => `无效的值 ${v}`,
};
