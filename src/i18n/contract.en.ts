/** Messages of the REPORT-JSON contract, English. */
import type { ContractStrings } from './contract.js';

export const en: ContractStrings = {
  json: {
    empty: 'the JSON text is empty',
    'unexpected-end': 'the JSON text ends unexpectedly',
    'unexpected-token': 'JSON syntax error',
    'trailing-data': 'unexpected text after the JSON value',
  },
  jsonAt: (reason, line, column) => `${reason} at line ${line}, column ${column}`,
  unreadable: (path, why) => `the report cannot be read${path ? ` at ${path}` : ''}: ${why}`,
  tooLong: (max, v) => `more than ${max} digits, got ${v}`,
  optionIgnored: (key, why) => `option ${key} ignored: ${why}`,
  previousUnreadable: (problem) => `the previous report cannot be read: ${problem}; cross-year rules skipped`,
  previousNotReport: 'the previous report is not a REPORT-JSON report: cross-year rules skipped',
  issue: {
    'not-object': (v) => `a report must be a JSON object, got ${v}`,
    format: (v) => `unknown format ${v}: expected "2019" or "2021"`,
    required: (_, x) => `required${x ? ` (one of ${x})` : ''}`,
    required_type: (_, x) => `required (${x})`,
    invalid_type: (v, x) => `expected ${x}, got ${v}`,
    int: (v) => `expected a whole number, got ${v}`,
    int_or_null: (v) => `expected a whole number or null, got ${v}`,
    too_small: (v, x) => `must be ≥ ${x}, got ${v}`,
    too_big: (v, x) => `must be ≤ ${x}, got ${v}`,
    date: (v) => `expected a date YYYY-MM-DD, got ${v}`,
    decimal: (v) => `expected a decimal number such as "12.5", got ${v}`,
    unrecognized_keys: (_, x) => `unknown key${/, /.test(x) ? 's' : ''}: ${x}`,
    invalid_value: (v, x) => `expected one of ${x}, got ${v}`,
    invalid_union: (v) => `does not match any allowed shape: ${v}`,
    invalid: (v) => `invalid value ${v}`,
  },
};
