/** Importer diagnostics, English. */
import type { ImportStrings } from './import.js';

/** Section numbers as the English headings write them. */
const roman: Record<string, string> = { 一: 'I', 二: 'II', 三: 'III', 四: 'IV', 五: 'V', 六: 'VI' };

const table = { proactive: 'Table II', applications: 'Table III', appeals: 'Table IV' } as const;

/** `n` and its noun, in the plural unless `n` is 1 (`cells(1)` = "1 cell"). */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export const en: ImportStrings = {
  table,
  'empty-input': () => 'the input is empty: nothing to import',
  'binary-input': () => 'the input is not text (binary data); nothing imported',
  'truncated-input': (p) => `the input is too large (${p.size} characters); only the first ${p.limit} were read`,
  'no-report': () => 'no section headings or tables (II, III, IV) of an annual report were found; nothing imported',
  format: (p) =>
    `table format: ${p.format}; mixed: “(6) Other handling” of Table III ${p.shape === 'row' ? 'is a single row, as in the 2019' : 'has three sub-rows, as in the 2021'} format`,
  'section-missing': (p) => `section “${p.heading.en}” was not found`,
  'heading-variant': (p) =>
    `the heading of section ${roman[p.number] ?? p.number} “${p.found}” differs from the standard “${p.heading}”`,
  partial: (p) =>
    `the text ends at ${table[p.table]}${p.row ? `, ${p.inside ? 'inside' : 'after'} the row “${p.row}”` : ''}${p.line ? ` (line ${p.line})` : ''}; nothing after it was imported and the missing cells stay blank (null)`,
  'rows-missing': (p) =>
    `${count(p.count, 'row')} of ${table[p.table]} ${p.count === 1 ? 'was' : 'were'} not found: ${p.rows.map((r) => (r ? `“${r}”` : table[p.table])).join(', ')}; their cells stay blank (null)`,
  'blank-cells': (p) =>
    `“${p.row}”: ${count(p.count, 'cell')} ${p.markers ? `blank or “${p.markers}”` : 'blank'}: ${p.columns.map((c) => c.en).join(', ')}; kept blank (null), not read as 0`,
  thousands: (p) => `“${p.raw}” read as ${p.value} (thousands separators)`,
  fullwidth: (p) => `full-width digits “${p.raw}” read as ${p.value}`,
  'not-a-number': (p) => `“${p.row}”: cell “${p.raw}” is not a number; kept blank (null)`,
  'several-numbers': (p) => `“${p.row}”: the cell “${p.raw}” holds more than one number; kept blank (null)`,
  'hidden-content': (p) =>
    `“${p.row}”: the cell “${p.raw}” has hidden, struck-out or form-field content; its number is uncertain and kept blank (null)`,
  'cut-number': (p) => `the text ends inside “${p.row}” at the number “${p.raw}”, which may be cut; kept blank (null)`,
  'unsafe-number': (p) => `the number ${p.raw} is too large to be represented exactly`,
  'missing-cells': (p) =>
    `“${p.row}” has ${count(p.found, 'cell')} where ${p.expected} ${p.expected === 1 ? 'is' : 'are'} expected; the missing cells (${p.columns.map((c) => c.en).join(', ')}) stay blank (null)`,
  'surplus-cells': (p) => `“${p.row}” has ${count(p.count, 'surplus cell')} (${p.values}), kept in extras`,
  'extra-row': (p) => `the row “${p.label}” of ${table[p.table]} is not in the standard table; kept in extras`,
  'ignored-text': (p) => `text in a table section “${p.text}” is not a table cell; not imported`,
  'by-order': (p) =>
    `“${p.row}”: no row label was recognised before these values; they were placed by the order of the rows`,
  'year-missing': () => 'the report year was not found',
  'agency-missing': () => 'the name of the publishing agency was not found',
  'title-missing': () => 'the report title was not found',
};
