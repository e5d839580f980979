/**
 * Every message of test/helpers/l10n-cases.ts in both locales, as main produced them before the model and
 * rules messages moved into catalogs (issue 13): the text must not change.
 */
export const EXPECTED: Record<string, Record<'zh-CN' | 'en', string | string[]>> = {
  'json: empty': {
    'zh-CN': 'JSON 文本为空（第 1 行第 1 列）',
    en: 'the JSON text is empty at line 1, column 1',
  },
  'json: unexpected-end': {
    'zh-CN': 'JSON 文本意外结束（第 3 行第 14 列）',
    en: 'the JSON text ends unexpectedly at line 3, column 14',
  },
  'json: unexpected-token': {
    'zh-CN': 'JSON 语法错误（第 2 行第 5 列）',
    en: 'JSON syntax error at line 2, column 5',
  },
  'json: trailing-data': {
    'zh-CN': 'JSON 值之后有多余内容（第 1 行第 9 列）',
    en: 'unexpected text after the JSON value at line 1, column 9',
  },
  'json: parseReport': {
    'zh-CN': 'JSON 语法错误（第 1 行第 12 列）',
    en: 'JSON syntax error at line 1, column 12',
  },
  'describe: not-object': {
    'zh-CN': '报告必须是 JSON 对象，实为 5',
    en: 'a report must be a JSON object, got 5',
  },
  'describe: format': {
    'zh-CN': '未知的格式 "2020"：应为 "2019" 或 "2021"',
    en: 'unknown format "2020": expected "2019" or "2021"',
  },
  'describe: required, one of': {
    'zh-CN': '缺少必填项（应为 [1] 之一）',
    en: 'required (one of [1])',
  },
  'describe: required, any shape': {
    'zh-CN': '缺少必填项',
    en: 'required',
  },
  'describe: required, a type': {
    'zh-CN': '缺少必填项（string）',
    en: 'required (string)',
  },
  'describe: whole number': {
    'zh-CN': '应为整数，实为 1.5',
    en: 'expected a whole number, got 1.5',
  },
  'describe: whole number or null (a cell)': {
    'zh-CN': '应为整数或 null，实为 "x"',
    en: 'expected a whole number or null, got "x"',
  },
  'describe: a type': {
    'zh-CN': '类型应为 object，实为 [1]',
    en: 'expected object, got [1]',
  },
  'describe: too small': {
    'zh-CN': '不能小于 1990，实为 1',
    en: 'must be ≥ 1990, got 1',
  },
  'describe: too big, as written': {
    'zh-CN': '不能大于 2999，实为 1e400',
    en: 'must be ≤ 2999, got 1e400',
  },
  'describe: a date': {
    'zh-CN': '应为日期（YYYY-MM-DD），实为 "2024-02-30"',
    en: 'expected a date YYYY-MM-DD, got "2024-02-30"',
  },
  'describe: a decimal': {
    'zh-CN': '应为十进制数字（如 "12.5"），实为 "1,5"',
    en: 'expected a decimal number such as "12.5", got "1,5"',
  },
  'describe: unknown keys': {
    'zh-CN': '未知的键：a, b',
    en: 'unknown keys: a, b',
  },
  'describe: one of': {
    'zh-CN': '应为 [1] 之一，实为 2',
    en: 'expected one of [1], got 2',
  },
  'describe: no shape': {
    'zh-CN': '不符合任何允许的结构：{"a":1}',
    en: 'does not match any allowed shape: {"a":1}',
  },
  'describe: anything else': {
    'zh-CN': '无效的值 null',
    en: 'invalid value null',
  },
  'describe: a code that is a key of Object.prototype': {
    'zh-CN': '无效的值 1',
    en: 'invalid value 1',
  },
  'describe: a code that is __proto__': {
    'zh-CN': '无效的值 1',
    en: 'invalid value 1',
  },
  'parseReport: more than 30 digits': {
    'zh-CN': ['超过 30 位数字，实为 0.1111111111111111111111111111111'],
    en: ['more than 30 digits, got 0.1111111111111111111111111111111'],
  },
  'parseReport: unreadable at a path': {
    'zh-CN': '无法读取报告（year）：x',
    en: 'the report cannot be read at year: x',
  },
  'parseReport: unreadable, no path': {
    'zh-CN': '无法读取报告：boom',
    en: 'the report cannot be read: boom',
  },
  'validate: unreadable': {
    'zh-CN': ['无法读取报告（year）：x'],
    en: ['the report cannot be read at year: x'],
  },
  'validate: option ignored': {
    'zh-CN': ['选项 packs 已忽略：5'],
    en: ['option packs ignored: 5'],
  },
  'validate: previous not JSON': {
    'zh-CN': ['上一年度报告无法读取：JSON 文本意外结束（第 1 行第 6 列），跨年度规则未执行'],
    en: [
      'the previous report cannot be read: the JSON text ends unexpectedly at line 1, column 6; cross-year rules skipped',
    ],
  },
  'validate: previous not a report': {
    'zh-CN': ['上一年度报告不是有效的报告 JSON，跨年度规则未执行'],
    en: ['the previous report is not a REPORT-JSON report: cross-year rules skipped'],
  },
  "X-CARRY skipped: a blank cell of last year's report": {
    'zh-CN': [
      '“自然人”列的跨年度结转无法核对：“上年报告 四、结转下年度继续办理 · 自然人” 未填写数字',
      '“商业企业”列：二、上年结转应为 12（上一年度报告的四、结转下年度继续办理），实为 19',
      '“科研机构”列：二、上年结转应为 5（上一年度报告的四、结转下年度继续办理），实为 1',
      '“社会公益组织”列：二、上年结转应为 7（上一年度报告的四、结转下年度继续办理），实为 17',
      '“法律服务机构”列：二、上年结转应为 3（上一年度报告的四、结转下年度继续办理），实为 13',
      '“其他”列：二、上年结转应为 2（上一年度报告的四、结转下年度继续办理），实为 17',
      '“总计”列：二、上年结转应为 33（上一年度报告的四、结转下年度继续办理），实为 84',
    ],
    en: [
      "Column “Natural persons”: the carry-over cannot be checked because “last year's 4. Carried over to next year · Natural persons” is blank",
      "Column “Businesses”: 2. Carried over should be 12 (last year's 4. Carried over to next year), but is 19",
      "Column “Research institutions”: 2. Carried over should be 5 (last year's 4. Carried over to next year), but is 1",
      "Column “Public-interest organizations”: 2. Carried over should be 7 (last year's 4. Carried over to next year), but is 17",
      "Column “Legal service providers”: 2. Carried over should be 3 (last year's 4. Carried over to next year), but is 13",
      "Column “Other”: 2. Carried over should be 2 (last year's 4. Carried over to next year), but is 17",
      "Column “Total”: 2. Carried over should be 33 (last year's 4. Carried over to next year), but is 84",
    ],
  },
  "explainCell: last year's cells": {
    'zh-CN': ['上年报告 四、结转下年度继续办理 · 自然人'],
    en: ["last year's 4. Carried over to next year · Natural persons"],
  },
  'T3-TOTAL skipped: 1 blank cell(s)': {
    'zh-CN': ['“自然人”列的（七）总计无法核对：“（一）予以公开 · 自然人” 未填写数字'],
    en: ['Column “Natural persons”: (7) Total cannot be checked because “(1) Granted · Natural persons” is blank'],
  },
  'T3-TOTAL skipped: 1 cell(s) not a number, with a blank and one that cannot be read': {
    'zh-CN': [
      '“商业企业”列的（七）总计无法核对：“6.属于四类过程性信息 · 商业企业” 无法读取，“5.属于三类内部事务信息 · 商业企业” 未填写数字，“（一）予以公开 · 商业企业” 不是数字',
    ],
    en: [
      'Column “Businesses”: (7) Total cannot be checked because “6. Process information · Businesses” cannot be read and “5. Internal affairs information · Businesses” is blank and “(1) Granted · Businesses” is not a number',
    ],
  },
  'T3-TOTAL skipped: 2 blank cell(s)': {
    'zh-CN': [
      '“自然人”列的（七）总计无法核对：“（一）予以公开 · 自然人”、“（二）部分公开（区分处理的，只计这一情形，不计其他情形） · 自然人” 未填写数字',
    ],
    en: [
      'Column “Natural persons”: (7) Total cannot be checked because “(1) Granted · Natural persons” and “(2) Partially granted (count separable requests here only) · Natural persons” are blank',
    ],
  },
  'T3-TOTAL skipped: 2 cell(s) not a number, with a blank and one that cannot be read': {
    'zh-CN': [
      '“商业企业”列的（七）总计无法核对：“6.属于四类过程性信息 · 商业企业” 无法读取，“5.属于三类内部事务信息 · 商业企业” 未填写数字，“（一）予以公开 · 商业企业”、“（二）部分公开（区分处理的，只计这一情形，不计其他情形） · 商业企业” 不是数字',
    ],
    en: [
      'Column “Businesses”: (7) Total cannot be checked because “6. Process information · Businesses” cannot be read and “5. Internal affairs information · Businesses” is blank and “(1) Granted · Businesses” and “(2) Partially granted (count separable requests here only) · Businesses” are not numbers',
    ],
  },
  'T3-TOTAL skipped: 5 blank cell(s)': {
    'zh-CN': [
      '“自然人”列的（七）总计无法核对：“（一）予以公开 · 自然人”、“（二）部分公开（区分处理的，只计这一情形，不计其他情形） · 自然人”、“1.属于国家秘密 · 自然人” 等 5 处 未填写数字',
    ],
    en: [
      'Column “Natural persons”: (7) Total cannot be checked because “(1) Granted · Natural persons”, “(2) Partially granted (count separable requests here only) · Natural persons”, “1. State secrets · Natural persons” and 2 more are blank',
    ],
  },
  'T3-TOTAL skipped: 5 cell(s) not a number, with a blank and one that cannot be read': {
    'zh-CN': [
      '“商业企业”列的（七）总计无法核对：“6.属于四类过程性信息 · 商业企业” 无法读取，“5.属于三类内部事务信息 · 商业企业” 未填写数字，“（一）予以公开 · 商业企业”、“（二）部分公开（区分处理的，只计这一情形，不计其他情形） · 商业企业”、“1.属于国家秘密 · 商业企业” 等 5 处 不是数字',
    ],
    en: [
      'Column “Businesses”: (7) Total cannot be checked because “6. Process information · Businesses” cannot be read and “5. Internal affairs information · Businesses” is blank and “(1) Granted · Businesses”, “(2) Partially granted (count separable requests here only) · Businesses”, “1. State secrets · Businesses” and 2 more are not numbers',
    ],
  },
};
