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
  required: (values) => `required${values ? ` (one of ${values})` : ''}`,
  requiredType: (expected) => `required (${expected})`,
  notObject: (v) => `a report must be a JSON object, got ${v}`,
  format: (v) => `unknown format ${v}: expected "2019" or "2021"`,
  wholeNumber: (v, cell) => `expected a whole number${cell ? ' or null' : ''}, got ${v}`,
  type: (expected, v) => `expected ${expected}, got ${v}`,
  tooSmall: (minimum, v) => `must be ≥ ${minimum}, got ${v}`,
  tooBig: (maximum, v) => `must be ≤ ${maximum}, got ${v}`,
  date: (v) => `expected a date YYYY-MM-DD, got ${v}`,
  decimal: (v) => `expected a decimal number such as "12.5", got ${v}`,
  unknownKeys: (keys) => `unknown key(s): ${keys}`,
  oneOf: (values, v) => `expected one of ${values}, got ${v}`,
  noShape: (v) => `does not match any allowed shape: ${v}`,
  invalid: (v) => `invalid value ${v}`,
};
