/** Diagnostics about glued digit runs, English. */
import type { GluedStrings } from './import-glued.js';

export const en: GluedStrings = {
  'glued-split': (p) =>
    `“${p.row}”: the digit run “${p.raw}” was split as ${p.split} using the table structure${p.constraint ? (p.constraint === 2 ? ' and the equations of the whole table' : ' and the row’s equation') : ''}`,
  'glued-bound': () =>
    'too many combinations of glued digit runs: the joint search stopped at its bound; the cells it could not settle stay blank (null)',
  'glued-ambiguous': (p) =>
    `“${p.row}”: the digit run “${p.raw}” can be split in ${p.count} ways that fit the table (e.g. ${p.examples.join('; ')}); the cells stay blank (null)`,
  'glued-unsplittable': (p) =>
    `“${p.row}”: the digit run “${p.raw}” cannot be split into ${p.expected} cell${p.expected === 1 ? '' : 's'}${p.constraint ? ' satisfying the constraints' : ''}; the cells stay blank (null)`,
};
